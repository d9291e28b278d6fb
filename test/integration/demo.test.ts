import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCity, type DemoSummary } from '../../packages/local/demo/city';
import { assertLocal, demoClient } from '../../packages/local/demo/http';
import { startTestStack, type TestStack } from '../support/stack';

// `npm run demo` against a running instance over HTTP: every console page the newcomer opens has
// content, and running it again changes nothing.

let stack: TestStack;
let first: DemoSummary;

beforeAll(async () => {
  stack = await startTestStack({ http: true, env: { PORT: '0', MATCH_MIN_SCORE: '0.3' } });
  first = await loadDemoCity(demoClient(stack.url!), stack.settings.AUTH_SECRET);
}, 300_000);
afterAll(() => stack?.stop());

describe('npm run demo', () => {
  it('refuses anything but a local instance', () => {
    expect(() => assertLocal('https://gongfu.qingdao.gov.cn')).toThrow(/local instance/);
    expect(() => assertLocal('http://127.0.0.1:8787')).not.toThrow();
  });

  it('loads a city with history: platforms at every level, leads in every state, a round in its notice period with objections and reviews', async () => {
    expect(first.alreadyLoaded).toBe(false);
    const bureau = await stack.token('bureau');
    const o = (await stack.call('GET', '/v1/stats/overview', { token: bureau })).body;
    expect(o.platforms.total).toBe(64);
    const byLevel = [0, 1, 2, 3].map((l) => o.platforms.byCategory.reduce((a: number, c: { byLevel: number[] }) => a + c.byLevel[l]!, 0));
    expect(byLevel.every((n) => n > 0), JSON.stringify(byLevel)).toBe(true);
    for (const st of ['pending', 'accepted', 'declined', 'contacted', 'proposal', 'signed', 'delivered', 'lost']) expect(o.leads.byStatus[st], st).toBeGreaterThan(0);
    expect(o.funnel.total.rated).toBeGreaterThan(0);
    expect(o.trend.length).toBe(2);
    expect((await stack.call('GET', '/v1/directory')).body.items.length).toBeGreaterThan(0);
    expect((await stack.call('GET', '/v1/public/scenarios')).body.items.length).toBeGreaterThan(0);
    const notice = await stack.call('GET', `/v1/public/notices/${first.roundId}`);
    expect(notice.body.entries.length).toBeGreaterThan(0);
    expect((await stack.call('GET', `/v1/rounds/${first.roundId}/objections`, { token: bureau })).body.items).toHaveLength(2);
    const reviews = (await stack.call('GET', `/v1/reviews?roundId=${first.roundId}`, { token: bureau })).body.items;
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.every((r: { status: string }) => r.status === 'submitted')).toBe(true);
    expect((await stack.call('GET', '/v1/roadshows', { token: bureau })).body.items).toHaveLength(1);
  });

  it('changes nothing when run again', async () => {
    const bureau = await stack.token('bureau');
    const before = (await stack.call('GET', '/v1/stats/overview', { token: bureau })).body;
    const again = await loadDemoCity(demoClient(stack.url!), stack.settings.AUTH_SECRET);
    expect(again.alreadyLoaded).toBe(true);
    const after = (await stack.call('GET', '/v1/stats/overview', { token: bureau })).body;
    expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
  });
});
