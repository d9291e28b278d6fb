import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../packages/local/ports';
import { signToken } from '../../packages/local/token';
import { platformBody, scenarioBody } from '../support/fixtures';
import { eventually } from '../support/stack';

const SECRET = 'restart-test-secret-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'gongfu-restart-'));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm start` as a user runs it: its own DynamoDB Local on disk, its own fauxqs, pollers, HTTP. */
async function startService(ports: { http: number; dynamo: number; sqs: number }) {
  const started = Date.now();
  child = spawn(process.execPath, ['--import', 'tsx', 'packages/local/start.ts'], {
    env: {
      ...process.env,
      PORT: String(ports.http),
      DYNAMODB_PORT: String(ports.dynamo),
      SQS_PORT: String(ports.sqs),
      DATA_DIR: dataDir,
      AUTH_SECRET: SECRET,
      LOG_LEVEL: 'SILENT',
      MATCH_MIN_SCORE: '0',
      DYNAMODB_ENDPOINT: '',
      SQS_ENDPOINT: '',
    },
    detached: true, // own process group, so kill -9 takes the JVM with it
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${ports.http}`;
  await eventually(async () => (await fetch(`${base}/v1/health`).catch(() => null))?.status === 200, 60_000, 250);
  return { base, ms: Date.now() - started };
}

function kill9() {
  process.kill(-child!.pid!, 'SIGKILL');
  child = undefined;
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('kill -9 and start again', () => {
  it('keeps every DynamoDB item and finishes the pipeline: every published scenario matched, each lead once', async () => {
    const ports = { http: await freePort(), dynamo: await freePort(), sqs: await freePort() };
    const first = await startService(ports);
    expect(first.ms).toBeLessThan(60_000);
    const bureau = await signToken(SECRET, { role: 'bureau' });
    const mfr = await signToken(SECRET, { role: 'manufacturer', org: 'ent_restart' });
    const platforms = [];
    for (const [i, domain] of (['maintenance', 'energy', 'quality'] as const).entries()) {
      const p = await call(first.base, 'POST', '/v1/platforms', bureau, platformBody(`重启测试平台${i}`, { domains: [domain] }));
      expect(p.status).toBe(201);
      platforms.push(p.body.id);
    }
    const scenarioIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const sc = await call(first.base, 'POST', '/v1/scenarios', mfr, scenarioBody({ title: `重启场景${i}：设备经常停机` }));
      scenarioIds.push(sc.body.id);
      expect((await call(first.base, 'POST', `/v1/scenarios/${sc.body.id}/publish`, mfr)).status).toBe(202);
    }
    kill9(); // mid-pipeline: the in-memory queue loses whatever was in flight

    const second = await startService(ports);
    for (const id of platforms) expect((await call(second.base, 'GET', `/v1/platforms/${id}`)).status).toBe(200);
    const matches = await eventually(async () => {
      const all = await Promise.all(scenarioIds.map((id) => call(second.base, 'GET', `/v1/scenarios/${id}/matches`, mfr)));
      return all.every((m) => m.body.status === 'matched') ? all : null;
    }, 60_000, 250);
    const expected = matches.reduce((n, m) => n + m.body.selected.length, 0);
    expect(expected).toBeGreaterThan(0);
    await eventually(async () => (await call(second.base, 'GET', '/v1/leads?limit=200', bureau)).body.items.length >= expected, 30_000, 250);
    // Give duplicates a chance to show up before counting.
    await new Promise((r) => setTimeout(r, 1500));
    const leads = (await call(second.base, 'GET', '/v1/leads?limit=200', bureau)).body.items as { scenarioId: string; platformId: string }[];
    expect(leads).toHaveLength(expected);
    expect(new Set(leads.map((l) => `${l.scenarioId}/${l.platformId}`)).size).toBe(expected);
    kill9();
  }, 180_000);
});
