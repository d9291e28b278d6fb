import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankNeed } from '#services/matching';
import { sendScenarioDigests } from '#services/subscriptions';
import { platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';
import { xlsxCells } from '../support/xlsx';

// 第八条 in the other direction: the public 场景清单 (names only where allowed), a platform's 揭榜
// scored by the matcher, the manufacturer accepting it into the lead lifecycle (source "proposal")
// and the overview counting it apart; search of the 名录 by need with the matcher's ranking.

let stack: TestStack;
let bureau: string;
let mfr: string;
const plt: Record<'maint' | 'energy', { id: string; token: string }> = { maint: { id: '', token: '' }, energy: { id: '', token: '' } };
const sc: Record<'named' | 'anon' | 'draft' | 'closed', string> = { named: '', anon: '', draft: '', closed: '' };

beforeAll(async () => {
  stack = await startTestStack();
  bureau = await stack.token('bureau');
  mfr = await stack.token('manufacturer', 'ent_cat');
  const bodies = {
    maint: platformBody('海智设备预测维护云', { domains: ['maintenance'], technologies: ['iot', 'ai'], industries: ['C29'], description: '注塑机、空压机等设备的状态监测与预测性维护，减少突发停机' }),
    energy: platformBody('青能能耗管理平台', { domains: ['energy'], technologies: ['iot', 'big_data'], industries: [], description: '工厂能耗在线监测、空压站节能与电费分析' }),
  };
  for (const k of ['maint', 'energy'] as const) {
    plt[k].id = (await stack.call('POST', '/v1/platforms', { token: bureau, body: bodies[k] })).body.id;
    plt[k].token = await stack.token('platform', plt[k].id);
    await stack.call('PUT', `/v1/platforms/${plt[k].id}/indicators/2025`, { token: plt[k].token, body: specializedL2Report() });
  }
  await eventually(async () => (await stack.call('GET', '/v1/directory')).body.items?.length === 2);
  const post = async (extra: Record<string, unknown>, publish: boolean) => {
    const id = (await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody(extra) })).body.id;
    if (publish) expect((await stack.call('POST', `/v1/scenarios/${id}/publish`, { token: mfr })).status).toBe(202);
    return id;
  };
  sc.named = await post({ title: '空压站电费太高', description: '空压站一个月电费四十万，想知道哪里在浪费。', domains: ['energy'], showEnterprise: true, region: '城阳区' }, true);
  sc.anon = await post({}, true);
  sc.draft = await post({ title: '草稿场景：仓库管理' }, false);
  sc.closed = await post({ title: '已关闭的场景' }, true);
  expect((await stack.call('POST', `/v1/scenarios/${sc.closed}/close`, { token: mfr })).status).toBeLessThan(300);
});
afterAll(() => stack?.stop());

describe('public scenario catalogue (场景清单)', () => {
  it('lists open published scenarios, newest first, with the name only where the manufacturer allowed it', async () => {
    const res = await stack.call('GET', '/v1/public/scenarios');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((x: { id: string }) => x.id);
    expect(ids).toEqual([sc.anon, sc.named]);
    const byId = Object.fromEntries(res.body.items.map((x: { id: string }) => [x.id, x]));
    expect(byId[sc.named].enterprise).toBe('青岛某塑料制品有限公司');
    expect(byId[sc.anon].enterprise).toBe('某橡胶和塑料制品企业（黄岛区）');
    const raw = JSON.stringify(res.body);
    expect(raw).not.toContain('91350100M000100Y43');
    expect(raw).not.toContain('ent_cat');
    expect((await stack.call('GET', '/v1/public/scenarios?region=城阳区')).body.items.map((x: { id: string }) => x.id)).toEqual([sc.named]);
    expect((await stack.call('GET', '/v1/public/scenarios?domain=maintenance&industry=C29')).body.items.map((x: { id: string }) => x.id)).toEqual([sc.anon]);
    expect((await stack.call('GET', `/v1/public/scenarios?q=${encodeURIComponent('电费')}`)).body.items.map((x: { id: string }) => x.id)).toEqual([sc.named]);
    expect((await stack.call('GET', '/v1/public/scenarios?region=火星区')).status).toBe(400);
  });
});

describe('catalogue exports', () => {
  it('publish the same public view as xlsx (the bureau\'s website) and as an Atom feed per industry', async () => {
    const x = await stack.app.request('/v1/public/scenarios.xlsx');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
    const cells = await xlsxCells(x);
    expect(cells).toContain('某橡胶和塑料制品企业（黄岛区）');
    expect(cells).toContain('青岛某塑料制品有限公司');
    expect(cells.join('|')).not.toContain('91350100M000100Y43');

    const feed = await stack.app.request('/v1/public/scenarios.atom?industry=C29');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const xml = await feed.text();
    expect(xml).toMatch(/^<\?xml[^>]*\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain(`urn:gongfu-qingdao:scenario:${sc.anon}`);
    expect(xml).not.toContain('91350100M000100Y43');
    expect((await (await stack.app.request('/v1/public/scenarios.atom?industry=C13')).text()).match(/<entry>/g)).toBeNull();
  });
});

describe('proposals (揭榜)', () => {
  let proposalId = '';

  it('are scored by the matcher with its reasons, one open per platform and scenario, only on open scenarios', async () => {
    expect((await stack.call('POST', `/v1/scenarios/${sc.anon}/proposals`, { token: mfr, body: { summary: '我们可以做预测性维护方案' } })).status).toBe(403);
    const p = await stack.call('POST', `/v1/scenarios/${sc.anon}/proposals`, { token: plt.maint.token, body: { summary: '注塑机振动与电流监测，预测性维护，三个月上线', budgetWan: 60, weeks: 12 } });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ status: 'open', platformId: plt.maint.id });
    expect(p.body.score).toBeGreaterThan(0);
    expect(p.body.reasons.length).toBeGreaterThan(0);
    // The same score as matching gives this platform for this scenario.
    const [m] = await rankNeed(stack.deps, (await stack.call('GET', `/v1/scenarios/${sc.anon}`, { token: mfr })).body, { topK: 1, only: (id) => id === plt.maint.id });
    expect(p.body.score).toBeCloseTo(m!.score, 6);
    proposalId = p.body.id;
    expect((await stack.call('POST', `/v1/scenarios/${sc.anon}/proposals`, { token: plt.maint.token, body: { summary: '再提交一次同样的方案' } })).status).toBe(409);
    expect((await stack.call('POST', `/v1/scenarios/${sc.closed}/proposals`, { token: plt.maint.token, body: { summary: '对已关闭的场景揭榜' } })).status).toBe(409);
    expect((await stack.call('POST', `/v1/scenarios/${sc.draft}/proposals`, { token: plt.maint.token, body: { summary: '对草稿场景揭榜' } })).status).toBe(404);
    expect((await stack.call('POST', `/v1/scenarios/${sc.anon}/proposals`, { token: plt.energy.token, body: { summary: '能耗监测顺带设备状态' } })).status).toBe(201);
  });

  it('are listed to the owner best first, on the matcher\'s scale; nobody else sees them', async () => {
    const list = await stack.call('GET', `/v1/scenarios/${sc.anon}/proposals`, { token: mfr });
    expect(list.body.items.map((x: { platformId: string }) => x.platformId)).toEqual([plt.maint.id, plt.energy.id]);
    expect((await stack.call('GET', `/v1/scenarios/${sc.anon}/proposals`, { token: await stack.token('manufacturer', 'ent_other') })).status).toBe(404);
    expect((await stack.call('GET', `/v1/scenarios/${sc.anon}/proposals`, { token: plt.maint.token })).status).toBe(403);
  });

  it('accepted: one accepted lead with source "proposal" (twice is still one), signed, counted apart in the overview', async () => {
    const a = await stack.call('POST', `/v1/proposals/${proposalId}/accept`, { token: mfr });
    expect(a.status).toBe(200);
    expect(a.body.lead).toMatchObject({ status: 'accepted', source: 'proposal', platformId: plt.maint.id, scenarioId: sc.anon });
    const again = await stack.call('POST', `/v1/proposals/${proposalId}/accept`, { token: mfr });
    expect(again.body.lead.id).toBe(a.body.lead.id);
    const leadId = a.body.lead.id;
    for (const status of ['contacted', 'proposal'] as const) expect((await stack.call('POST', `/v1/leads/${leadId}/progress`, { token: plt.maint.token, body: { status } })).status).toBe(200);
    expect((await stack.call('POST', `/v1/leads/${leadId}/progress`, { token: plt.maint.token, body: { status: 'signed', contractValueWan: 58, date: '2026-11-30' } })).status).toBe(200);
    const o = await stack.call('GET', '/v1/stats/overview', { token: bureau });
    const row = o.body.funnel.bySource.find((r: { key: string }) => r.key === 'proposal');
    expect(row).toMatchObject({ leads: 1, accepted: 1, signed: 1, contractWan: 58 });
    const own = await stack.call('GET', `/v1/platforms/${plt.maint.id}/funnel`, { token: plt.maint.token });
    expect(own.body.bySource.find((r: { key: string }) => r.key === 'proposal')).toMatchObject({ leads: 1, signed: 1, contractWan: 58 });
    const other = (await stack.call('GET', `/v1/scenarios/${sc.anon}/proposals`, { token: mfr })).body.items.find((x: { platformId: string }) => x.platformId === plt.energy.id);
    expect((await stack.call('POST', `/v1/proposals/${other.id}/decline`, { token: mfr, body: {} })).status).toBe(400);
    expect((await stack.call('POST', `/v1/proposals/${other.id}/decline`, { token: mfr, body: { reason: '已选定其他方案' } })).body.status).toBe('declined');
    expect((await stack.call('POST', `/v1/proposals/${other.id}/accept`, { token: mfr })).status).toBe(409);
  });

  it('stop at 20 a platform a month (429), writing nothing more', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 19; i++) {
      const id = (await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: `设备停机场景${i}` }) })).body.id;
      await stack.call('POST', `/v1/scenarios/${id}/publish`, { token: mfr });
      ids.push(id);
    }
    // Already 1 this month; 19 more reach the limit.
    for (const id of ids) expect((await stack.call('POST', `/v1/scenarios/${id}/proposals`, { token: plt.maint.token, body: { summary: '预测性维护方案' } })).status).toBe(201);
    const over = await stack.call('POST', `/v1/scenarios/${sc.named}/proposals`, { token: plt.maint.token, body: { summary: '第二十一个揭榜' } });
    expect(over.status).toBe(429);
    expect(over.body.error.message).toMatch(/每月最多揭榜 20 次/);
    expect((await stack.call('GET', `/v1/scenarios/${sc.named}/proposals`, { token: mfr })).body.items).toEqual([]);
  }, 60_000);
});

describe('subscriptions (订阅)', () => {
  it('bring new scenarios in what a platform follows to its inbox, at most one digest a day', async () => {
    expect((await stack.call('PUT', `/v1/platforms/${plt.energy.id}/subscription`, { token: plt.maint.token, body: { industries: [], domains: ['energy'] } })).status).toBe(404);
    expect((await stack.call('PUT', `/v1/platforms/${plt.energy.id}/subscription`, { token: plt.energy.token, body: { industries: ['C99'], domains: [] } })).status).toBe(400);
    const sub = await stack.call('PUT', `/v1/platforms/${plt.energy.id}/subscription`, { token: plt.energy.token, body: { industries: [], domains: ['energy'] } });
    expect(sub.status).toBe(200);
    // Only what is published after subscribing counts.
    expect(await sendScenarioDigests(stack.deps)).toBe(0);
    const id = (await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: '烘干线天然气用量大', description: '烘干线天然气一个月二十万，想做能耗分析。', domains: ['energy'] }) })).body.id;
    await stack.call('POST', `/v1/scenarios/${id}/publish`, { token: mfr });
    await stack.call('POST', `/v1/scenarios/${(await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: '质量追溯' , domains: ['quality'] }) })).body.id}/publish`, { token: mfr });
    await eventually(async () => (await stack.call('GET', `/v1/scenarios/${id}`, { token: mfr })).body.publishedAt);
    expect(await sendScenarioDigests(stack.deps)).toBe(1);
    const inbox = await stack.call('GET', '/v1/notifications', { token: plt.energy.token });
    const digest = inbox.body.items.filter((n: { event: string }) => n.event === 'scenario.published');
    expect(digest).toHaveLength(1);
    expect(digest[0].title.zh).toBe('1 个新场景符合您的订阅');
    expect(digest[0].body.zh).toContain('烘干线天然气用量大');
    // A second pass the same day sends nothing, even with another new scenario.
    const later = (await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: '空压机节能改造', description: '空压机房电耗高，想做节能改造。', domains: ['energy'] }) })).body.id;
    await stack.call('POST', `/v1/scenarios/${later}/publish`, { token: mfr });
    expect(await sendScenarioDigests(stack.deps)).toBe(0);
    expect((await stack.call('GET', `/v1/platforms/${plt.energy.id}/subscription`, { token: plt.energy.token })).body.lastDigestAt).toBeTruthy();
  });
});

describe('search by need (按需求找平台)', () => {
  it('refuses an empty, too long or words-free query with a reason', async () => {
    for (const q of ['', '   ', 'x'.repeat(2000), '🙂🔧🏭']) {
      const res = await stack.call('GET', `/v1/public/directory/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q.slice(0, 10)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('ranks listed platforms with the matcher: the same top platform as the need posted as a scenario with nothing ticked', async () => {
    for (const text of ['注塑机老是突发停机，维修跟不上', '空压站电费一个月四十万，太贵了']) {
      const res = await stack.call('GET', `/v1/public/directory/search?q=${encodeURIComponent(text)}&industry=C29`);
      expect(res.status).toBe(200);
      expect(res.body.items[0].reasons.length).toBeGreaterThan(0);
      const id = (await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: text, description: text, domains: [], technologies: [] }) })).body.id;
      const posted = (await stack.call('GET', `/v1/scenarios/${id}`, { token: mfr })).body;
      const [top] = await rankNeed(stack.deps, posted, { topK: 1 });
      expect(res.body.items[0].platformId, text).toBe(top!.platformId);
    }
    expect((await stack.call('GET', `/v1/public/directory/search?q=${encodeURIComponent('空压站电费')}`)).body.items[0].platformId).toBe(plt.energy.id);
  });
});
