import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCity, type DemoSummary } from '#local/demo/city';
import { assertLocal, demoClient } from '#local/demo/http';
import { DemoSignIn } from '#local/demo/people';
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

  it('prints a person for every role, each signing in through the dev mailbox to what the demo says they act for', async () => {
    expect(first.people.map((p) => p.role).sort()).toEqual(['bureau', 'district', 'expert', 'manufacturer', 'platform']);
    const people = new DemoSignIn(demoClient(stack.url!));
    const as = Object.fromEntries(await Promise.all(first.people.map(async (p) => [p.role, await people.signIn(p.contact)] as const)));
    const me = async (role: string) => people.me(as[role]!);

    expect((await me('bureau')).memberships.map((m) => m.kind)).toEqual(['bureau']);
    expect((await stack.call('GET', '/v1/stats/overview', { token: as.bureau })).body.platforms.total).toBe(64);

    const maker = (await me('manufacturer')).memberships;
    expect(maker).toMatchObject([{ kind: 'enterprise', role: 'admin', name: first.people.find((p) => p.role === 'manufacturer')!.actsFor }]);
    expect((await stack.call('GET', '/v1/scenarios', { token: as.manufacturer })).body.items).toHaveLength(20);

    const operator = (await me('platform')).memberships;
    expect(operator).toHaveLength(1);
    const platforms = operator[0]!.actAs.filter((a) => a.org.startsWith('plt_'));
    expect(platforms.map((p) => p.label).join('、')).toBe(/（(.+)）/.exec(first.people.find((p) => p.role === 'platform')!.actsFor)![1]);
    const leads = await Promise.all(platforms.map(async (p) => (await stack.call('GET', '/v1/leads', { token: await people.actFor(as.platform!, p.org) })).body.items.length));
    expect(leads.some((n) => n > 0), JSON.stringify(leads)).toBe(true);

    const expert = (await me('expert')).experts;
    expect(expert.map((e) => e.name)).toEqual(['王建国']);
    const reviews = (await stack.call('GET', '/v1/reviews', { token: await people.actFor(as.expert!, { expert: expert[0]!.expertId }) })).body.items;
    expect(reviews.length).toBeGreaterThan(0);

    const office = (await me('district')).memberships;
    expect(office).toMatchObject([{ kind: 'district', name: first.people.find((p) => p.role === 'district')!.actsFor }]);
    const apps = (await stack.call('GET', `/v1/rounds/${first.roundId}/applications`, { token: as.district })).body.items as { region: string }[];
    expect(apps.length).toBeGreaterThan(0);
    expect(new Set(apps.map((a) => a.region)).size).toBe(1);
  });

  it('changes nothing when run again', async () => {
    const bureau = await stack.token('bureau');
    const before = (await stack.call('GET', '/v1/stats/overview', { token: bureau })).body;
    const again = await loadDemoCity(demoClient(stack.url!), stack.settings.AUTH_SECRET);
    expect(again.alreadyLoaded).toBe(true);
    const after = (await stack.call('GET', '/v1/stats/overview', { token: bureau })).body;
    expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
  });

  it('--reset empties the instance for the bureau only, and the city loads again from nothing', async () => {
    const api = demoClient(stack.url!);
    expect((await api.call('POST', '/dev/reset', { ok: [401] })).status).toBe(401);
    expect((await api.call('POST', '/dev/reset', { token: await stack.token('platform', 'plt_x'), ok: [403] })).status).toBe(403);
    const wiped = await api.call<{ deleted: number }>('POST', '/dev/reset', { token: await stack.token('bureau') });
    expect(wiped.body.deleted).toBeGreaterThan(1000);
    const bureau = await stack.token('bureau');
    expect((await stack.call('GET', '/v1/stats/overview', { token: bureau })).body.platforms.total).toBe(0);
    expect((await stack.call('GET', '/v1/rounds', { token: bureau })).body.items).toEqual([]);

    const again = await loadDemoCity(api, stack.settings.AUTH_SECRET);
    expect(again.alreadyLoaded).toBe(false);
    expect((await stack.call('GET', '/v1/stats/overview', { token: bureau })).body.platforms.total).toBe(64);
    const maker = await new DemoSignIn(api).signIn(first.people.find((p) => p.role === 'manufacturer')!.contact);
    expect((await stack.call('GET', '/v1/scenarios', { token: maker })).body.items).toHaveLength(20);
  }, 240_000);
});
