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

/** Ports for `npm start`; without dynamo and sqs it picks free ones itself, as a user's would. */
export interface ServicePorts {
  http: number;
  dynamo?: number;
  sqs?: number;
}

/** `npm start` as a user runs it, in its own process group so kill -9 takes the JVM with it. */
function spawnService(env: Record<string, string>, ports: ServicePorts, stdio: 'ignore' | 'pipe'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'packages/local/start.ts'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'SILENT',
      ...env,
      PORT: String(ports.http),
      DYNAMODB_PORT: ports.dynamo ? String(ports.dynamo) : '',
      SQS_PORT: ports.sqs ? String(ports.sqs) : '',
      DYNAMODB_ENDPOINT: '',
      SQS_ENDPOINT: '',
    },
    detached: true,
    stdio,
  });
}

export async function startServiceProcess(env: Record<string, string>, ports: ServicePorts): Promise<ServiceProcess> {
  const started = Date.now();
  const child = spawnService(env, ports, 'ignore');
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
    kill9: () => killGroup(child.pid!),
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

/** `npm start` expected to fail: resolves once it has exited, with what it printed. */
export async function runServiceToExit(env: Record<string, string>, ports: ServicePorts, timeoutMs = 60_000) {
  const child = spawnService(env, ports, 'pipe');
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => killGroup(child.pid!), timeoutMs);
  const code = await new Promise<number | null>((r) => child.once('close', (c) => r(c)));
  clearTimeout(timer);
  return { code, stdout, stderr, pid: child.pid! };
}

/** Whether any process of the group `npm start` led (its JVM included) is still running. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}
