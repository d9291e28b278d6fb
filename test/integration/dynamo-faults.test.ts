import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { startFlakyProxy, type FlakyProxy } from '../support/flaky-proxy';
import { eventually, startTestStack, type TestStack } from '../support/stack';

let proxy: FlakyProxy;
let stack: TestStack;

beforeAll(async () => {
  proxy = await startFlakyProxy(inject('dynamoEndpoint'), { throttleEvery: 7, failEvery: 11 });
  stack = await startTestStack({ env: { DYNAMODB_ENDPOINT: proxy.endpoint } });
});
afterAll(async () => {
  await stack?.stop();
  await proxy?.close();
});

describe('DynamoDB throttling and 5xx', () => {
  it('are retried with backoff and never lose or duplicate what users submitted', async () => {
    const bureau = await stack.token('bureau');
    const mfr = await stack.token('manufacturer', 'ent_faults');
    const platforms: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(`限流测试平台${i}`) });
      expect(res.status).toBe(201);
      platforms.push(res.body.id);
    }
    const report = await stack.call('PUT', `/v1/platforms/${platforms[0]}/indicators/2025`, { token: bureau, body: specializedL2Report() });
    expect(report.status).toBe(202);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const sc = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: `限流场景${i}` }) });
      expect(sc.status).toBe(201);
      ids.push(sc.body.id);
      expect((await stack.call('POST', `/v1/scenarios/${sc.body.id}/publish`, { token: mfr })).status).toBe(202);
    }
    const matched = await eventually(async () => {
      const all = await Promise.all(ids.map((id) => stack.call('GET', `/v1/scenarios/${id}/matches`, { token: mfr })));
      return all.every((m) => m.body.status === 'matched') ? all : null;
    }, 60_000);
    const expected = matched.reduce((n, m) => n + m.body.selected.length, 0);
    const leads = await eventually(async () => {
      const items = (await stack.call('GET', '/v1/leads?limit=200', { token: bureau })).body.items;
      return items.length >= expected ? items : null;
    }, 30_000);
    expect(leads).toHaveLength(expected);
    expect(new Set(leads.map((l: { id: string }) => l.id)).size).toBe(expected);
    await eventually(async () => (await stack.call('GET', `/v1/platforms/${platforms[0]}/assessment`)).status === 200);
    const years = await stack.call('GET', `/v1/platforms/${platforms[0]}/indicators`, { token: bureau });
    expect(years.body.items).toEqual([{ year: 2025, version: 1 }]);
    expect(proxy.stats.throttled + proxy.stats.failed).toBeGreaterThan(20);
  }, 120_000);
});
