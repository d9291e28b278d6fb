import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFENCE_RUBRIC_2026_1 } from '#core/recommend/defence';
import { reviewedRound } from '../support/recommend-fixtures';
import { startTestStack, type TestStack } from '../support/stack';
import { xlsxCells } from '../support/xlsx';

// 第七条、第十一条: after the expert review the city recommends upward within quotas; shortlisted
// platforms defend before a panel (答辩); the final list combines review and defence by the stated
// rule, respects the quota per category, is fixed once (a race → one wins) and exports as xlsx.

let stack: TestStack;
let bureau: string;
let roundId = '';
const apps: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
const experts: { id: string; token: string }[] = [];
const YEAR = 2025;
const sheet = (total: number) => Object.fromEntries(DEFENCE_RUBRIC_2026_1.criteria.map((c) => [c.id, (c.max * total) / 100]));

beforeAll(async () => {
  stack = await startTestStack({ pollers: false });
  bureau = await stack.token('bureau');
  const r = await reviewedRound(stack, YEAR);
  roundId = r.roundId;
  Object.assign(apps, r.apps);
  experts.push(...r.experts);
}, 120_000);
afterAll(() => stack?.stop());

const quotas = { provincial: { comprehensive: 0, characteristic: 0, specialized: 2 }, national: { comprehensive: 0, characteristic: 0, specialized: 0 } };

describe('recommendation upward: quotas, 答辩 and the final list', () => {
  it('quotas mark the shortlist on the review ranking', async () => {
    expect((await stack.call('GET', `/v1/rounds/${roundId}/final-lists/provincial`, { token: bureau })).status).toBe(409);
    expect((await stack.call('PUT', `/v1/rounds/${roundId}/quotas`, { token: bureau, body: { quotas: { ...quotas, provincial: { specialized: 2 } } } })).status).toBe(400);
    const set = await stack.call('PUT', `/v1/rounds/${roundId}/quotas`, { token: bureau, body: { quotas, reviewWeight: 0.5 } });
    expect(set.status).toBe(200);
    const rec = await stack.call('GET', `/v1/rounds/${roundId}/recommendations`, { token: bureau });
    const items = rec.body.categories.find((c: { category: string }) => c.category === 'specialized').items as { applicationId: string; withinQuota: { provincial: boolean; national: boolean } }[];
    expect(items.map((i) => [i.applicationId, i.withinQuota])).toEqual([
      [apps.a, { provincial: true, national: false }],
      [apps.b, { provincial: true, national: false }],
      [apps.c, { provincial: false, national: false }],
    ]);
  });

  it('a 答辩 session refuses a conflicted panel and ineligible presenters, writing nothing; then schedules in order and tells the platforms', async () => {
    const body = (extra: Record<string, unknown> = {}) => ({ level: 'provincial', startsAt: '2026-12-20T01:00:00Z', venue: '市工信局 301 会议室', slotMinutes: 20, panel: experts.slice(0, 3).map((e) => e.id), presenters: [apps.c, apps.a, apps.b], ...extra });
    const conflicted = await stack.call('POST', `/v1/rounds/${roundId}/defences`, { token: bureau, body: body({ panel: experts.slice(1, 4).map((e) => e.id) }) });
    expect(conflicted.status).toBe(409);
    expect(conflicted.body.error.message).toContain('答辩平台A');
    expect((await stack.call('POST', `/v1/rounds/${roundId}/defences`, { token: bureau, body: body({ level: 'national' }) })).status).toBe(409);
    expect((await stack.call('POST', `/v1/rounds/${roundId}/defences`, { token: bureau, body: body({ panel: experts.slice(0, 2).map((e) => e.id) }) })).status).toBe(400);
    expect((await stack.call('GET', `/v1/rounds/${roundId}/defences`, { token: bureau })).body.items).toEqual([]);

    const created = await stack.call('POST', `/v1/rounds/${roundId}/defences`, { token: bureau, body: body() });
    expect(created.status).toBe(201);
    expect(created.body.schedule.map((x: { order: number; applicationId: string; startsAt: string }) => [x.order, x.applicationId, x.startsAt])).toEqual([
      [1, apps.c, '2026-12-20T01:00:00.000Z'],
      [2, apps.a, '2026-12-20T01:20:00.000Z'],
      [3, apps.b, '2026-12-20T01:40:00.000Z'],
    ]);
    const c = created.body.schedule[0].platformId;
    const inbox = await stack.call('GET', '/v1/notifications', { token: await stack.token('platform', c) });
    expect(inbox.body.items.map((n: { event: string }) => n.event)).toContain('defence.scheduled');
    expect((await stack.call('GET', `/v1/rounds/${roundId}/defences`, { token: experts[0]!.token })).body.items).toHaveLength(1);
    expect((await stack.call('GET', `/v1/rounds/${roundId}/defences`, { token: experts[3]!.token })).body.items).toEqual([]);
  });

  it('panel members score on the defence rubric; the draft combines the scores by the stated rule within quota', async () => {
    const session = (await stack.call('GET', `/v1/rounds/${roundId}/defences`, { token: bureau })).body.items[0].id;
    const score = (e: number, app: string, scores: Record<string, number>) => stack.call('PUT', `/v1/defences/${session}/scores/${app}`, { token: experts[e]!.token, body: { scores, comment: '陈述清楚' } });
    expect((await score(3, apps.a, sheet(80))).status).toBe(404);
    expect((await score(0, apps.a, { presentation: 10 })).status).toBe(400);
    expect((await score(0, apps.a, { ...sheet(80), live_demo: 26 })).status).toBe(400);
    const defence: Record<string, number> = { [apps.a]: 60, [apps.b]: 85, [apps.c]: 99 };
    for (let e = 0; e < 3; e++) for (const app of Object.values(apps)) expect((await score(e, app, sheet(defence[app]!))).status).toBe(200);

    const draft = await stack.call('GET', `/v1/rounds/${roundId}/final-lists/provincial`, { token: bureau });
    expect(draft.body.status).toBe('draft');
    expect(draft.body.rule).toContain('50%');
    expect(draft.body.items.map((x: { applicationId: string; combined: number; withinQuota: boolean }) => [x.applicationId, x.combined, x.withinQuota])).toEqual([
      [apps.c, 84.5, true],
      [apps.b, 82.5, true],
      [apps.a, 75, false],
    ]);
  });

  it('fixes the list once: over quota → 409 naming the category; two racing → one wins; then nothing changes', async () => {
    const over = await stack.call('POST', `/v1/rounds/${roundId}/final-lists/provincial`, { token: bureau, body: { applicationIds: Object.values(apps) } });
    expect(over.status).toBe(409);
    expect(over.body.error.message).toContain('专业型（specialized）超出名额：3 > 2');
    const race = await Promise.all([1, 2].map(() => stack.call('POST', `/v1/rounds/${roundId}/final-lists/provincial`, { token: bureau, body: {} })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    const fixed = await stack.call('GET', `/v1/rounds/${roundId}/final-lists/provincial`, { token: bureau });
    expect(fixed.body.status).toBe('fixed');
    expect(fixed.body.items.filter((x: { selected: boolean }) => x.selected).map((x: { applicationId: string }) => x.applicationId)).toEqual([apps.c, apps.b]);
    const session = (await stack.call('GET', `/v1/rounds/${roundId}/defences`, { token: bureau })).body.items[0].id;
    expect((await stack.call('PUT', `/v1/defences/${session}/scores/${apps.a}`, { token: experts[0]!.token, body: { scores: sheet(100), comment: '' } })).status).toBe(409);
    expect((await stack.call('PUT', `/v1/rounds/${roundId}/quotas`, { token: bureau, body: { quotas } })).status).toBe(409);

    const x = await stack.app.request(`/v1/rounds/${roundId}/final-lists/provincial?format=xlsx`, { headers: { authorization: `Bearer ${bureau}` } });
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
    const cells = await xlsxCells(x);
    expect(cells).toEqual(expect.arrayContaining(['答辩平台C', '答辩平台B']));
    expect(cells).not.toContain('答辩平台A');

    // The same list as the PDF the bureau attaches to its letter: Chinese text selectable, the selected platforms only.
    const p = await stack.app.request(`/v1/rounds/${roundId}/final-lists/provincial?format=pdf`, { headers: { authorization: `Bearer ${bureau}` } });
    expect(p.status).toBe(200);
    expect(p.headers.get('content-type')).toBe('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await p.arrayBuffer())), { mergePages: true });
    expect(text).toContain('省级推荐名单');
    expect(text).toContain('答辩平台C');
    expect(text).toContain('答辩平台B');
    expect(text).not.toContain('答辩平台A');
    expect((await stack.app.request(`/v1/rounds/${roundId}/final-lists/provincial?format=pdf`, { headers: { authorization: `Bearer ${await stack.token('platform', 'plt_x')}` } })).status).toBe(403);
  });
});
