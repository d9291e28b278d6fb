import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specializedL2Report } from '../support/fixtures';
import { listedIn } from '../support/recommend-fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// 第十二–十三条 动态评价: after the reporting deadline each platform of last year's 名录 is checked;
// a missing report or a fallen level opens a case with a reply window (申辩); the bureau decides
// keep / downgrade / remove with a note; the dated adjustments are public and the next 名录 obeys them.

const DAY = 86_400_000;
let clockOffset = 0;
let stack: TestStack;
let bureau: string;
const ids: Record<'silent' | 'steady' | 'fallen', string> = { silent: '', steady: '', fallen: '' };
const names = { silent: '跟踪平台甲', steady: '跟踪平台乙', fallen: '跟踪平台丙' } as const;

beforeAll(async () => {
  stack = await startTestStack({ deps: { now: () => new Date(Date.now() + clockOffset) } });
  bureau = await stack.token('bureau', undefined, { hours: 24 * 60 });
  const listed = await listedIn(stack, 2025, { [names.silent]: 2, [names.steady]: 2, [names.fallen]: 3 });
  for (const k of ['silent', 'steady', 'fallen'] as const) ids[k] = listed[names[k]]!;
  // 2026: 乙 and 丙 report a level-2 sheet (丙 was listed at level 3); 甲 reports nothing.
  for (const k of ['steady', 'fallen'] as const)
    expect((await stack.call('PUT', `/v1/platforms/${ids[k]}/indicators/2026`, { token: bureau, body: specializedL2Report() })).status).toBe(202);
  await eventually(async () => {
    const items = (await stack.call('GET', '/v1/stats/platforms', { token: bureau })).body.items as { id: string; reportedYear: number | null; level: number }[];
    return [ids.steady, ids.fallen].every((id) => items.find((p) => p.id === id)?.level === 2);
  }, 60_000);
}, 120_000);
afterAll(() => stack?.stop());

const platformToken = (k: keyof typeof ids) => stack.token('platform', ids[k]);

describe('yearly tracking and 动态调整', () => {
  it('opens a case for the silent and the fallen platform, once; each is told', async () => {
    expect((await stack.call('POST', '/v1/tracking/2030/run', { token: bureau, body: {} })).status).toBe(404);
    const run = await stack.call('POST', '/v1/tracking/2026/run', { token: bureau, body: { replyDays: 10 } });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ year: 2026, checked: 3, opened: 2 });
    expect(run.body.cases.map((c: { platformId: string; kind: string; listedLevel: number; currentLevel: number | null }) => [c.platformId, c.kind, c.listedLevel, c.currentLevel]).sort()).toEqual(
      [[ids.silent, 'missing_report', 2, null], [ids.fallen, 'level_drop', 3, 2]].sort(),
    );
    expect((await stack.call('POST', '/v1/tracking/2026/run', { token: bureau, body: {} })).body.opened).toBe(0);
    const inbox = await stack.call('GET', '/v1/notifications', { token: await platformToken('silent') });
    expect(inbox.body.items.filter((n: { event: string }) => n.event === 'tracking.opened')).toHaveLength(1);
    expect((await stack.call('GET', '/v1/tracking/2026/cases', { token: await platformToken('steady') })).body.items).toEqual([]);
  });

  it('the platform explains once within the window; the bureau decides with a note, after hearing it', async () => {
    const cases = (await stack.call('GET', '/v1/tracking/2026/cases', { token: bureau })).body.items as { id: string; platformId: string }[];
    const silent = cases.find((c) => c.platformId === ids.silent)!.id;
    const fallen = cases.find((c) => c.platformId === ids.fallen)!.id;
    expect((await stack.call('POST', `/v1/tracking-cases/${silent}/reply`, { token: await platformToken('fallen'), body: { text: '不是我们的' } })).status).toBe(404);
    const reply = await stack.call('POST', `/v1/tracking-cases/${silent}/reply`, { token: await platformToken('silent'), body: { text: '财务审计延期，指标将于下月报送。' } });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('replied');
    expect((await stack.call('POST', `/v1/tracking-cases/${silent}/reply`, { token: await platformToken('silent'), body: { text: '再说一次' } })).status).toBe(409);

    expect((await stack.call('POST', `/v1/tracking-cases/${silent}/decide`, { token: bureau, body: { outcome: 'remove', note: '' } })).status).toBe(400);
    expect((await stack.call('POST', `/v1/tracking-cases/${fallen}/decide`, { token: bureau, body: { outcome: 'downgrade', level: 2, note: '等级下降' } })).status).toBe(409);
    const removed = await stack.call('POST', `/v1/tracking-cases/${silent}/decide`, { token: bureau, body: { outcome: 'remove', note: '连续未报送指标，移出名录' } });
    expect(removed.status).toBe(200);
    expect((await stack.call('POST', `/v1/tracking-cases/${silent}/decide`, { token: bureau, body: { outcome: 'keep', note: '改主意' } })).status).toBe(409);
    expect((await stack.call('POST', '/v1/tracking/2026/publish', { token: bureau })).status).toBe(409);

    clockOffset = 11 * DAY; // 丙's reply window has closed without a word.
    expect((await stack.call('POST', `/v1/tracking-cases/${fallen}/reply`, { token: await platformToken('fallen'), body: { text: '迟到的说明' } })).status).toBe(409);
    expect((await stack.call('POST', `/v1/tracking-cases/${fallen}/decide`, { token: bureau, body: { outcome: 'downgrade', level: 3, note: '不低于原等级' } })).status).toBe(400);
    expect((await stack.call('POST', `/v1/tracking-cases/${fallen}/decide`, { token: bureau, body: { outcome: 'downgrade', level: 2, note: '2026 年度指标仅达二级' } })).status).toBe(200);
  });

  it('publishes the dated adjustments for everyone, and the year’s 名录 obeys them', async () => {
    expect((await stack.call('GET', '/v1/public/adjustments/2026')).status).toBe(404);
    const pub = await stack.call('POST', '/v1/tracking/2026/publish', { token: bureau });
    expect(pub.status).toBe(200);
    const pub2 = await stack.call('POST', '/v1/tracking/2026/publish', { token: bureau });
    expect(pub2.body.publishedAt).toBe(pub.body.publishedAt);
    const open = await stack.call('GET', '/v1/public/adjustments/2026');
    expect(open.body.items.map((x: { platformName: string; outcome: string; toLevel: number | null }) => [x.platformName, x.outcome, x.toLevel]).sort()).toEqual([
      [names.fallen, 'downgrade', 2],
      [names.silent, 'remove', null],
    ]);

    // This year's round: all three apply; 甲's removal holds even though it now reports.
    const now = Date.now() + clockOffset;
    const round = (await stack.call('POST', '/v1/rounds', { token: bureau, body: { year: 2026, opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + 30 * DAY).toISOString(), noticeDays: 1 } })).body.id;
    expect((await stack.call('PUT', `/v1/platforms/${ids.silent}/indicators/2026`, { token: bureau, body: specializedL2Report() })).status).toBe(202);
    for (const k of ['silent', 'steady', 'fallen'] as const) {
      const plt = await platformToken(k);
      const app = (await stack.call('POST', `/v1/rounds/${round}/applications`, { token: plt, body: { platformId: ids[k] } })).body.id;
      await eventually(async () => (await stack.call('POST', `/v1/applications/${app}/submit`, { token: plt })).status === 202, 30_000);
      await eventually(async () => (await stack.call('GET', `/v1/applications/${app}`, { token: plt })).body.status === 'assessed', 60_000);
    }
    await stack.call('POST', `/v1/rounds/${round}/close`, { token: bureau });
    expect((await stack.call('POST', `/v1/rounds/${round}/notice`, { token: bureau })).status).toBe(200);
    clockOffset = 13 * DAY;
    expect((await stack.call('POST', `/v1/rounds/${round}/publish`, { token: bureau })).status).toBe(200);
    const dir = await stack.call('GET', '/v1/directory/2026');
    expect(dir.body.entries.map((e: { platformName: string; level: number }) => [e.platformName, e.level]).sort()).toEqual([
      [names.steady, 2],
      [names.fallen, 2],
    ].sort());
  }, 120_000);
});
