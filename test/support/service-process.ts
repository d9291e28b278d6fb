import { spawn, type ChildProcess } from 'node:child_process';
import { eventually } from './stack';

export interface ServiceProcess {
  base: string;
  startedInMs: number;
  kill9(): void;
  /** SIGTERM, as Ctrl-C or a supervisor would; resolves with the exit code. */
  terminate(): Promise<number | null>;
  pid: number;
}

/** `npm start` as a user runs it, in its own process group so kill -9 takes the JVM with it. */
export async function startServiceProcess(env: Record<string, string>, ports: { http: number; dynamo: number; sqs: number; s3?: number }): Promise<ServiceProcess> {
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'packages/local/start.ts'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'SILENT',
      ...env,
      PORT: String(ports.http),
      DYNAMODB_PORT: String(ports.dynamo),
      SQS_PORT: String(ports.sqs),
      DYNAMODB_ENDPOINT: '',
      SQS_ENDPOINT: '',
      S3_PORT: String(ports.s3 ?? 0),
      S3_ENDPOINT: '',
    },
    detached: true,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${ports.http}`;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await eventually(async () => (await fetch(`${base}/v1/health`).catch(() => null))?.status === 200, 60_000, 250);
  return {
    base,
    startedInMs: Date.now() - started,
    pid: child.pid!,
    async terminate() {
      child.kill('SIGTERM');
      return exited;
    },
    kill9() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
  };
}

export async function http(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}

/** Every page of a list endpoint. */
export async function listAll(base: string, path: string, token: string): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { body: { items: any[]; cursor: string | null } } = await http(base, 'GET', `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    out.push(...res.body.items);
    cursor = res.body.cursor;
  } while (cursor);
  return out;
}
