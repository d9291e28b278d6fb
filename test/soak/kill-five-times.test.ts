import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/ports';
import { signToken } from '#local/token';
import { platformBody, scenarioBody } from '../support/fixtures';
import { http, listAll, startServiceProcess, type ServiceProcess } from '../support/service-process';
import { eventually } from '../support/stack';
import { mulberry32 } from '#core/prng';

const SECRET = 'soak-kill-secret-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'gongfu-kill5-'));
let service: ServiceProcess | undefined;
afterAll(() => {
  service?.kill9();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 at random points of a running pipeline, five times', () => {
  it('ends with every published scenario matched and each owed lead created exactly once', async () => {
    const rand = mulberry32(20261124);
    const ports = { http: await freePort(), dynamo: await freePort(), sqs: await freePort() };
    const env = { DATA_DIR: dataDir, AUTH_SECRET: SECRET, MATCH_MIN_SCORE: '0', RECONCILE_AFTER_SEC: '1' };
    const bureau = await signToken(SECRET, { role: 'bureau' });
    const mfr = await signToken(SECRET, { role: 'manufacturer', org: 'ent_soak' });
    service = await startServiceProcess(env, ports);
    const domains = ['maintenance', 'energy', 'quality', 'production', 'logistics', 'safety'] as const;
    for (const [i, d] of domains.entries()) {
      expect((await http(service.base, 'POST', '/v1/platforms', bureau, platformBody(`故障注入平台${i}`, { domains: [d] }))).status).toBe(201);
    }
    const published: string[] = [];
    for (let round = 0; round < 5; round++) {
      const burst = 10 + Math.floor(rand() * 20);
      for (let i = 0; i < burst; i++) {
        const sc = await http(service.base, 'POST', '/v1/scenarios', mfr, scenarioBody({ title: `第${round}轮场景${i}` }));
        if ((await http(service.base, 'POST', `/v1/scenarios/${sc.body.id}/publish`, mfr)).status === 202) published.push(sc.body.id);
      }
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 1500)));
      service.kill9();
      service = await startServiceProcess(env, ports);
    }
    const base = service.base;
    await eventually(async () => {
      const all = await listAll(base, '/v1/scenarios?status=matched', bureau);
      return all.length === published.length;
    }, 300_000, 1000);
    const matches = await Promise.all(published.map((id) => http(base, 'GET', `/v1/scenarios/${id}/matches`, bureau)));
    const expected = new Set(matches.flatMap((m, i) => m.body.selected.map((p: string) => `${published[i]}/${p}`)));
    const leads = await eventually(async () => {
      const items = await listAll(base, '/v1/leads', bureau);
      return items.length >= expected.size ? items : null;
    }, 300_000, 1000);
    await new Promise((r) => setTimeout(r, 3000));
    const final = await listAll(base, '/v1/leads', bureau);
    expect(final).toHaveLength(expected.size);
    expect(new Set(final.map((l: { scenarioId: string; platformId: string }) => `${l.scenarioId}/${l.platformId}`))).toEqual(expected);
    console.log(`kill-five-times: ${published.length} scenarios published, ${leads.length} leads, 5 kills`);
  });
});
