import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/ports';
import { signToken } from '#local/token';
import { platformBody, scenarioBody } from '../support/fixtures';
import { eventually } from '../support/stack';
import { http, startServiceProcess, type ServiceProcess } from '../support/service-process';

const SECRET = 'restart-test-secret-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'gongfu-restart-'));
let service: ServiceProcess | undefined;

afterAll(() => {
  service?.kill9();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = { DATA_DIR: dataDir, AUTH_SECRET: SECRET, MATCH_MIN_SCORE: '0' };
const call = http;

describe('kill -9 and start again', () => {
  it('keeps every DynamoDB item and finishes the pipeline: every published scenario matched, each lead once', async () => {
    const ports = { http: await freePort(), dynamo: await freePort(), sqs: await freePort() };
    const first = (service = await startServiceProcess(env, ports));
    expect(first.startedInMs).toBeLessThan(60_000);
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
    first.kill9(); // mid-pipeline: the in-memory queue loses whatever was in flight

    const second = (service = await startServiceProcess(env, ports));
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
    // A clean stop takes DynamoDB Local down with it: nothing answers on its port afterwards.
    expect(await second.terminate()).toBe(0);
    await expect(fetch(`http://127.0.0.1:${ports.dynamo}`)).rejects.toThrow();
    await expect(fetch(`${second.base}/v1/health`)).rejects.toThrow();
  }, 180_000);
});
