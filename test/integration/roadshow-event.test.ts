import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, scenarioBody } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';
import { markNoticesOwed } from '#db/roadshow-events';
import { reconcile } from '#services/reconcile';
import { PERSONAL_DATA_SOURCES } from '#services/personal-data/sources';
import { mailbox } from '../support/sign-in';

// The "Done when": create → compose (2 rooms) → publish → replies (one platform declines,
// re-compose fills its seat, only the affected invitees are told) → 30 registrations for 25 seats
// (5 wait-listed) → check-in → close → leads with source roadshow:… → ratings → report figures.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let clockOffset = 0;
let stack: TestStack;
let bureau: string;
const platformIds: string[] = [];
const scenarioOwner = new Map<string, string>();
const t0 = Date.now();
const iso = (ms: number) => new Date(t0 + ms).toISOString();

type Invitation = { id: string; scenarioId: string; party: 'manufacturer' | 'platform'; orgId: string; status: string; checkInCode: string };

const tokenFor = (party: string, org: string) => stack.token(party === 'platform' ? 'platform' : 'manufacturer', org, { hours: 24 * 7 });
async function inbox(party: string, org: string): Promise<{ event: string; ref: string }[]> {
  const res = await stack.call('GET', '/v1/notifications?limit=200', { token: await tokenFor(party, org) });
  expect(res.status).toBe(200);
  return res.body.items;
}

beforeAll(async () => {
  stack = await startTestStack({
    deps: { now: () => new Date(Date.now() + clockOffset) },
    env: { MATCH_TOP_K: '1', OBJECTIONS_PER_HOUR: '200', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  bureau = await stack.token('bureau', undefined, { hours: 24 * 7 });
  for (let i = 0; i < 5; i++) {
    const p = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(`活动平台${i}`, { domains: ['maintenance', 'energy'] }) });
    expect(p.status).toBe(201);
    platformIds.push(p.body.id);
  }
  // Manufacturer A presents two scenarios (never in parallel), B one.
  for (const [org, n] of [['ent_event_a', 2], ['ent_event_b', 1]] as const) {
    const mfr = await stack.token('manufacturer', org, { hours: 24 * 7 });
    for (let i = 0; i < n; i++) {
      const sc = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: `${org}场景${i}：设备突发停机` }) });
      expect(sc.status).toBe(201);
      scenarioOwner.set(sc.body.id, org);
      expect((await stack.call('POST', `/v1/scenarios/${sc.body.id}/publish`, { token: mfr })).status).toBe(202);
    }
  }
  for (const id of scenarioOwner.keys()) await eventually(async () => (await stack.call('GET', `/v1/scenarios/${id}`, { token: bureau })).body.status === 'matched', 60_000);
}, 180_000);
afterAll(() => stack?.stop());

const eventBody = (extra: Record<string, unknown> = {}) => ({
  title: '设备运维专场路演（活动）',
  kind: 'roadshow',
  venue: { address: '株洲路 151 号', region: '崂山区', park: '青岛国际创新园' },
  startsAt: iso(2 * DAY),
  endsAt: iso(2 * DAY + 3 * HOUR),
  rsvpBy: iso(1 * DAY),
  rooms: 2,
  slotMinutes: 30,
  capacity: 25,
  breaks: [{ startsAt: iso(2 * DAY + 60 * 60_000), endsAt: iso(2 * DAY + 90 * 60_000), label: '茶歇' }],
  scenarioIds: [...scenarioOwner.keys()],
  maxScenarios: 3,
  platformsPerScenario: 2,
  maxSlotsPerPlatform: 2,
  ...extra,
});

async function composed(id: string) {
  return eventually(async () => {
    const g = await stack.call('GET', `/v1/roadshows/${id}`, { token: bureau });
    return g.body.status === 'composed' ? g.body : null;
  }, 30_000);
}

describe('a roadshow as an event, end to end', () => {
  it('runs from creation to the report with exact figures', async () => {
    // --- bad bodies first: a half-given event, a deadline after the start
    const half = await stack.call('POST', '/v1/roadshows', { token: bureau, body: { ...eventBody(), rooms: undefined } });
    expect(half.status).toBe(400);
    const late = await stack.call('POST', '/v1/roadshows', { token: bureau, body: eventBody({ rsvpBy: iso(3 * DAY) }) });
    expect(late.status).toBe(400);

    // --- create and compose: 2 rooms, clock times, nobody in two rooms at once
    const created = await stack.call('POST', '/v1/roadshows', { token: bureau, body: eventBody() });
    expect(created.status).toBe(202);
    const id: string = created.body.id;
    const r = await composed(id);
    expect(r.history.map((h: { status: string }) => h.status)).toEqual(['composing', 'composed']);
    expect(r.agenda).toHaveLength(3);
    const seen = new Set<string>();
    for (const a of r.agenda) {
      expect([1, 2]).toContain(a.room);
      expect(a.startsAt >= eventBody().startsAt && a.endsAt <= eventBody().endsAt).toBe(true);
      expect(Date.parse(a.endsAt) - Date.parse(a.startsAt)).toBe(30 * 60_000);
      // The break (60–90 min in) is kept free.
      expect(a.startsAt < iso(2 * DAY + 90 * 60_000) && a.endsAt > iso(2 * DAY + 60 * 60_000)).toBe(false);
      expect(a.ownerOrg).toBe(scenarioOwner.get(a.scenarioId));
      expect(seen.has(`${a.ownerOrg}@${a.startsAt}`)).toBe(false);
      seen.add(`${a.ownerOrg}@${a.startsAt}`);
      expect(a.platforms).toHaveLength(2);
      for (const p of a.platforms) {
        expect(seen.has(`${p.platformId}@${a.startsAt}`)).toBe(false);
        seen.add(`${p.platformId}@${a.startsAt}`);
      }
    }
    // No leads at composition for an event: they come at close.
    const leadsBefore = (await stack.call('GET', '/v1/leads?limit=200', { token: bureau })).body.items.filter((l: { roadshowId?: string }) => l.roadshowId === id);
    expect(leadsBefore).toHaveLength(0);
    // The public page stays hidden until published.
    expect((await stack.call('GET', `/v1/public/roadshows/${id}`)).status).toBe(404);

    // --- publish: 3 manufacturers' slots + 6 platform seats invited, inbox for each
    const pub = await stack.call('POST', `/v1/roadshows/${id}/publish`, { token: bureau });
    expect(pub.status).toBe(202);
    expect(pub.body.invitations).toBe(9);
    expect((await stack.call('POST', `/v1/roadshows/${id}/publish`, { token: bureau })).status).toBe(202); // idempotent
    let invs: Invitation[] = (await stack.call('GET', `/v1/roadshows/${id}/invitations`, { token: bureau })).body.items;
    expect(invs).toHaveLength(9);
    expect(invs.filter((i) => i.party === 'manufacturer')).toHaveLength(3);
    const invitees = [...new Map(invs.map((i) => [`${i.party}:${i.orgId}`, i])).values()];
    for (const i of invitees) {
      const mine = (await inbox(i.party, i.orgId)).filter((n) => n.event === 'roadshow.invited');
      expect(mine.length).toBe(invs.filter((x) => x.party === i.party && x.orgId === i.orgId).length);
    }
    // An invitee lists only its own invitations; another org gets 404.
    const someone = invs.find((i) => i.party === 'platform')!;
    const own = await stack.call('GET', `/v1/roadshows/${id}/invitations`, { token: await tokenFor('platform', someone.orgId) });
    expect(own.body.items.every((i: Invitation) => i.orgId === someone.orgId)).toBe(true);
    const unused = platformIds.find((p) => !invs.some((i) => i.orgId === p));
    if (unused) expect((await stack.call('GET', `/v1/roadshows/${id}/invitations`, { token: await tokenFor('platform', unused) })).status).toBe(404);

    // --- replies: everyone accepts but one platform, which declines with a reason code
    const decliner = invs.find((i) => i.party === 'platform')!;
    const noReason = await stack.call('POST', `/v1/roadshow-invitations/${decliner.id}/reply`, { token: await tokenFor('platform', decliner.orgId), body: { accept: false } });
    expect(noReason.status).toBe(400);
    const notMine = await stack.call('POST', `/v1/roadshow-invitations/${decliner.id}/reply`, { token: await tokenFor('manufacturer', 'ent_event_a'), body: { accept: true } });
    expect(notMine.status).toBe(404);
    for (const i of invs) {
      const res = await stack.call('POST', `/v1/roadshow-invitations/${i.id}/reply`, {
        token: await tokenFor(i.party, i.orgId),
        body: i.id === decliner.id ? { accept: false, reason: 'schedule' } : { accept: true },
      });
      expect(res.status).toBe(200);
    }
    expect((await stack.call('POST', `/v1/roadshow-invitations/${decliner.id}/reply`, { token: await tokenFor('platform', decliner.orgId), body: { accept: true } })).status).toBe(409);

    // --- re-compose: two at once → one wins; the declined seat goes to a free platform
    const countsBefore = new Map<string, number>();
    for (const pid of platformIds) countsBefore.set(`platform:${pid}`, (await inbox('platform', pid)).length);
    for (const org of ['ent_event_a', 'ent_event_b']) countsBefore.set(`manufacturer:${org}`, (await inbox('manufacturer', org)).length);
    const both = await Promise.all([1, 2].map(() => stack.call('POST', `/v1/roadshows/${id}/recompose`, { token: bureau })));
    expect(both.map((b) => b.status).sort()).toEqual([202, 409]);
    const won = both.find((b) => b.status === 202)!.body;
    expect(won.addedPlatforms).toBe(1);
    const after = (await stack.call('GET', `/v1/roadshows/${id}`, { token: bureau })).body;
    const seat = after.agenda.find((a: { scenarioId: string }) => a.scenarioId === decliner.scenarioId);
    const before = r.agenda.find((a: { scenarioId: string }) => a.scenarioId === decliner.scenarioId);
    expect([seat.room, seat.startsAt]).toEqual([before.room, before.startsAt]);
    expect(seat.platforms.map((p: { platformId: string }) => p.platformId)).not.toContain(decliner.orgId);
    expect(seat.platforms).toHaveLength(2);
    const newcomer: string = seat.platforms.map((p: { platformId: string }) => p.platformId).find((p: string) => !before.platforms.some((x: { platformId: string }) => x.platformId === p));
    // Other seats unchanged.
    for (const a of r.agenda) {
      if (a.scenarioId === decliner.scenarioId) continue;
      expect(after.agenda.find((x: { scenarioId: string }) => x.scenarioId === a.scenarioId)).toEqual(a);
    }
    // Only the affected are told: the newcomer (invited) and that scenario's manufacturer (changed).
    const owner = scenarioOwner.get(decliner.scenarioId)!;
    for (const [key, n] of countsBefore) {
      const [party, org] = key.split(':') as [string, string];
      const now = (await inbox(party, org)).length;
      const expected = n + (key === `platform:${newcomer}` ? 1 : 0) + (key === `manufacturer:${owner}` ? 1 : 0);
      expect(now, key).toBe(expected);
    }
    expect((await inbox('manufacturer', owner))[0]!.event).toBe('roadshow.changed');
    invs = (await stack.call('GET', `/v1/roadshows/${id}/invitations`, { token: bureau })).body.items;
    expect(invs).toHaveLength(10);
    const fresh = invs.find((i) => i.party === 'platform' && i.orgId === newcomer && i.scenarioId === decliner.scenarioId)!;
    expect(fresh.status).toBe('invited');
    expect((await stack.call('POST', `/v1/roadshow-invitations/${fresh.id}/reply`, { token: await tokenFor('platform', newcomer), body: { accept: true } })).status).toBe(200);

    // --- audience: 30 registrations for 25 seats, 5 wait-listed; the same contact twice → 409
    const publicPage = await stack.call('GET', `/v1/public/roadshows/${id}`);
    expect(publicPage.status).toBe(200);
    expect(publicPage.body).toMatchObject({ capacity: 25, seatsLeft: 25, registrationOpen: true, venue: { region: '崂山区' } });
    expect(publicPage.body.agenda[0].startsAt).toBeTruthy();
    // Who presents stays off the public page (the catalogue's rule); scenario titles and platforms are public.
    expect(JSON.stringify(publicPage.body)).not.toMatch(/ownerOrg|enterpriseName|青岛某塑料制品有限公司|score/);
    const regs: { id: string; checkInCode: string; waitlisted: boolean }[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await stack.call('POST', `/v1/public/roadshows/${id}/registrations`, {
        body: { name: `观众${i}`, enterprise: `青岛观众企业${i}`, contact: `1380000${String(i).padStart(4, '0')}`, interests: [r.agenda[0].scenarioId], noticeVersion: 'roadshow-registration-2026-12' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      regs.push(res.body);
    }
    expect(regs.filter((x) => x.waitlisted)).toHaveLength(5);
    expect(regs.slice(25).every((x) => x.waitlisted)).toBe(true);
    const dup = await stack.call('POST', `/v1/public/roadshows/${id}/registrations`, { body: { name: '重复', enterprise: '某企业', contact: '+86 138 0000 0003' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('已报名');
    expect((await stack.call('GET', `/v1/public/roadshows/${id}`)).body.seatsLeft).toBe(0);
    const list = (await stack.call('GET', `/v1/roadshows/${id}/registrations`, { token: bureau })).body.items;
    expect(list).toHaveLength(30);
    expect(list[0].contact).toBe('138****0000');

    // --- replies after the deadline → 409
    clockOffset = 1 * DAY + HOUR;
    expect((await stack.call('POST', `/v1/roadshow-invitations/${fresh.id}/reply`, { token: await tokenFor('platform', newcomer), body: { accept: false, reason: 'schedule' } })).status).toBe(409);
    // Closing before the start → 409.
    expect((await stack.call('POST', `/v1/roadshows/${id}/close`, { token: bureau, body: {} })).status).toBe(409);

    // --- check-in: 20 of the audience (one twice, idempotent), every invitee but one platform
    clockOffset = 2 * DAY + 10 * 60_000;
    for (const x of regs.slice(0, 20)) expect((await stack.call('POST', `/v1/roadshows/${id}/check-ins`, { token: bureau, body: { checkInCode: x.checkInCode } })).status).toBe(200);
    const again1 = await stack.call('POST', `/v1/roadshows/${id}/check-ins`, { token: bureau, body: { checkInCode: regs[0]!.checkInCode.toLowerCase() } });
    const again2 = await stack.call('POST', `/v1/roadshows/${id}/check-ins`, { token: bureau, body: { checkInCode: regs[0]!.checkInCode } });
    expect(again1.status).toBe(200);
    expect(again2.body.checkedInAt).toBe(again1.body.checkedInAt);
    expect(again2.body.name).toBe('观**');
    expect((await stack.call('POST', `/v1/roadshows/${id}/check-ins`, { token: bureau, body: { checkInCode: 'ZZZZZZZZ' } })).status).toBe(404);
    const live = invs.filter((i) => i.status !== 'declined');
    const absent = live.find((i) => i.party === 'platform' && i.scenarioId !== decliner.scenarioId)!;
    for (const i of live) {
      if (i.id === absent.id) continue;
      expect((await stack.call('POST', `/v1/roadshows/${id}/check-ins`, { token: bureau, body: { checkInCode: i.checkInCode } })).status).toBe(200);
    }
    const xlsx = await stack.app.request(`/v1/roadshows/${id}/registrations.xlsx`, { headers: { authorization: `Bearer ${bureau}` } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets[0]!.rowCount).toBe(32);
    expect(wb.worksheets[1]!.rowCount).toBe(11);
    expect(String(wb.worksheets[0]!.getCell('D3').value)).toBe('138****0000');

    // --- close: pairs where both sides checked in, plus the one the bureau saw meet
    const met = after.agenda.flatMap((a: { scenarioId: string; platforms: { platformId: string }[] }) => a.platforms.map((p) => ({ scenarioId: a.scenarioId, platformId: p.platformId })));
    expect(met).toHaveLength(6);
    const closeRes = await stack.call('POST', `/v1/roadshows/${id}/close`, { token: bureau, body: { attendedPairs: [{ scenarioId: absent.scenarioId, platformId: absent.orgId }] } });
    expect(closeRes.status).toBe(200);
    expect(closeRes.body.metPairs).toHaveLength(6);
    expect((await stack.call('POST', `/v1/roadshows/${id}/close`, { token: bureau, body: {} })).status).toBe(409);
    // Each scenario's top match already had a matched lead (MATCH_TOP_K=1): linked, not duplicated.
    const linked = closeRes.body.metPairs.filter((m: { linked: boolean }) => m.linked);
    const created2 = closeRes.body.metPairs.filter((m: { linked: boolean }) => !m.linked);
    expect(linked.length + created2.length).toBe(6);
    const roadshowLeads = await eventually(async () => {
      const items = (await stack.call('GET', '/v1/leads?limit=200', { token: bureau })).body.items.filter((l: { source?: string }) => l.source === `roadshow:${id}`);
      return items.length === created2.length ? items : null;
    });
    for (const l of roadshowLeads) expect(created2.some((m: { leadId: string }) => m.leadId === l.id)).toBe(true);
    for (const m of linked) {
      const lead = (await stack.call('GET', `/v1/leads/${m.leadId}`, { token: bureau })).body;
      expect(lead.roadshowIds).toEqual([id]);
      expect(lead.source ?? 'matched').toBe('matched');
    }
    // Two leads accepted, one signed at 50 万元.
    const [l1, l2] = closeRes.body.metPairs as { leadId: string; platformId: string }[];
    for (const l of [l1!, l2!]) expect((await stack.call('POST', `/v1/leads/${l.leadId}/accept`, { token: await tokenFor('platform', l.platformId) })).status).toBe(200);
    const sign = await stack.call('POST', `/v1/leads/${l1!.leadId}/progress`, { token: await tokenFor('platform', l1!.platformId), body: { status: 'signed', contractValueWan: 50, date: '2026-12-20' } });
    expect(sign.status).toBe(200);

    // --- ratings from both sides: 4 and 5 on one pair, 3 on another → median 4
    const pairA = closeRes.body.metPairs[0];
    const pairB = closeRes.body.metPairs[1];
    const rate = async (party: string, org: string, pair: { scenarioId: string; platformId: string }, stars: number) =>
      stack.call('POST', `/v1/roadshows/${id}/ratings`, { token: await tokenFor(party, org), body: { scenarioId: pair.scenarioId, platformId: pair.platformId, stars } });
    expect((await rate('manufacturer', scenarioOwner.get(pairA.scenarioId)!, pairA, 4)).status).toBe(200);
    expect((await rate('platform', pairA.platformId, pairA, 5)).status).toBe(200);
    expect((await rate('manufacturer', scenarioOwner.get(pairB.scenarioId)!, pairB, 3)).status).toBe(200);
    // A platform that was not in that pairing cannot rate it.
    expect((await rate('platform', platformIds.find((p) => p !== pairB.platformId)!, pairB, 2)).status).toBe(404);
    expect((await rate('manufacturer', scenarioOwner.get(pairA.scenarioId)!, pairA, 6)).status).toBe(400);

    // --- report: exactly what happened
    const report = (await stack.call('GET', `/v1/roadshows/${id}/report`, { token: bureau })).body;
    expect(report).toEqual({
      roadshowId: id,
      status: 'closed',
      invited: 10,
      replied: 10,
      accepted: 9,
      declined: 1,
      registered: 25,
      waitlisted: 5,
      checkedIn: 20,
      attended: 8,
      leads: 6,
      leadsAccepted: 2,
      signed: 1,
      contractValueWan: 50,
      ratings: 3,
      medianRating: 4,
    });
    const done = await stack.call('POST', `/v1/roadshows/${id}/report`, { token: bureau });
    expect(done.status).toBe(200);
    const final = (await stack.call('GET', `/v1/roadshows/${id}`, { token: bureau })).body;
    expect(final.history.map((h: { status: string }) => h.status)).toEqual(['composing', 'composed', 'published', 'closed', 'reported']);
    expect(final.report.leads).toBe(6);
    // The bureau's overview: the event's figures, and the funnel split by source.
    const ov = (await stack.call('GET', '/v1/stats/overview', { token: bureau })).body;
    expect(ov.roadshows.find((x: { roadshowId: string }) => x.roadshowId === id)).toMatchObject({ leads: 6, leadsAccepted: 2, signed: 1, contractValueWan: 50, medianRating: 4, invited: 10 });
    const bySource = Object.fromEntries(ov.funnel.bySource.map((row: { key: string; leads: number }) => [row.key, row.leads]));
    expect(bySource.roadshow).toBe(created2.length);
    expect(bySource.matched).toBeGreaterThanOrEqual(3);
    clockOffset = 0;
  }, 240_000);

  it('refuses registration after the start and hides codes of other events', async () => {
    clockOffset = 0;
    const one = [...scenarioOwner.keys()][0]!;
    const a = await stack.call('POST', '/v1/roadshows', { token: bureau, body: eventBody({ title: '甲场', scenarioIds: [one], rooms: 1, maxScenarios: 1, capacity: 5 }) });
    const b = await stack.call('POST', '/v1/roadshows', { token: bureau, body: eventBody({ title: '乙场', scenarioIds: [one], rooms: 1, maxScenarios: 1, capacity: 5 }) });
    await composed(a.body.id);
    await composed(b.body.id);
    for (const x of [a, b]) expect((await stack.call('POST', `/v1/roadshows/${x.body.id}/publish`, { token: bureau })).status).toBe(202);
    const reg = await stack.call('POST', `/v1/public/roadshows/${a.body.id}/registrations`, { body: { name: '张三', enterprise: '某企业', contact: 'zhang.san@example.cn' } });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    expect(reg.body.qrSvg).toMatch(/^<svg /);
    // The confirmation with the check-in code went to the contact (the dev mailbox here).
    expect(mailbox(stack).list('zhang.san@example.cn')[0]?.text).toContain(reg.body.checkInCode);
    const other = await stack.call('POST', `/v1/roadshows/${b.body.id}/check-ins`, { token: bureau, body: { checkInCode: reg.body.checkInCode } });
    const unknown = await stack.call('POST', `/v1/roadshows/${b.body.id}/check-ins`, { token: bureau, body: { checkInCode: 'QQQQQQQQ' } });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    // The registration is in the person's data export and goes with a deletion (then the contact may register again).
    const source = PERSONAL_DATA_SOURCES.find((x) => x.kind === 'roadshow-registration')!;
    const found = await source.collect(stack.deps, { contact: 'zhang.san@example.cn' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: '张三', roadshowId: a.body.id });
    expect(await source.erase(stack.deps, { contact: 'zhang.san@example.cn' }, found)).toEqual({ outcome: 'deleted', count: 1 });
    expect(await source.collect(stack.deps, { contact: 'zhang.san@example.cn' })).toHaveLength(0);
    expect((await stack.call('POST', `/v1/roadshows/${a.body.id}/check-ins`, { token: bureau, body: { checkInCode: reg.body.checkInCode } })).status).toBe(404);
    expect((await stack.call('POST', `/v1/public/roadshows/${a.body.id}/registrations`, { body: { name: '张三', enterprise: '某企业', contact: 'zhang.san@example.cn' } })).status).toBe(201);
    // Editing the time after publishing tells every invitee.
    const inv = (await stack.call('GET', `/v1/roadshows/${a.body.id}/invitations`, { token: bureau })).body.items as Invitation[];
    const before = await Promise.all(inv.map((i) => inbox(i.party, i.orgId)));
    const moved = await stack.call('PATCH', `/v1/roadshows/${a.body.id}`, { token: bureau, body: { startsAt: iso(2 * DAY + HOUR), venue: { address: '海尔路 1 号', region: '崂山区' } } });
    expect(moved.status).toBe(200);
    expect(moved.body.agenda[0].startsAt >= iso(2 * DAY + HOUR)).toBe(true);
    for (const [n, i] of inv.entries()) {
      const after = await inbox(i.party, i.orgId);
      expect(after.length).toBe(before[n]!.length + inv.filter((x) => x.party === i.party && x.orgId === i.orgId).length);
      expect(after[0]!.event).toBe('roadshow.changed');
    }
    expect((await stack.call('PATCH', `/v1/roadshows/${a.body.id}`, { token: bureau, body: { title: 'x' }, headers: { 'if-match': '"0"' } })).status).toBe(409);

    // A step that died after recording "this invitee is owed a notice" and before sending it: the
    // reconciler sends it, once.
    const victim = inv[0]!;
    const inbox0 = await inbox(victim.party, victim.orgId);
    const n0 = inbox0.length;
    const changed0 = inbox0.filter((x) => x.event === 'roadshow.changed').length;
    const at = new Date(Date.now() - 10 * 60_000).toISOString();
    await markNoticesOwed({ db: stack.deps.db, table: stack.deps.resources.tableName }, [{ roadshowId: a.body.id, invitationId: victim.id, event: 'roadshow.changed', seq: 'crash-test', at }]);
    expect((await reconcile(stack.deps, { olderThanSec: 60 })).roadshowNotices).toBe(1);
    expect((await reconcile(stack.deps, { olderThanSec: 60 })).roadshowNotices).toBe(0);
    const n1 = await inbox(victim.party, victim.orgId);
    expect(n1.length).toBe(n0 + 1);
    expect(n1.filter((x) => x.event === 'roadshow.changed').length).toBe(changed0 + 1);
    clockOffset = 2 * DAY + 2 * HOUR;
    const lateReg = await stack.call('POST', `/v1/public/roadshows/${a.body.id}/registrations`, { body: { name: '李四', enterprise: '某企业', contact: 'li.si@example.cn' } });
    expect(lateReg.status).toBe(409);
    clockOffset = 0;
  }, 120_000);

  it("gives a withdrawing manufacturer's seat to the wait list and cancels its platforms' invitations", async () => {
    clockOffset = 0;
    const [first, second] = [...scenarioOwner.keys()].filter((id, _i, all) => scenarioOwner.get(id) !== scenarioOwner.get(all[0]!) || id === all[0]);
    const created = await stack.call('POST', '/v1/roadshows', { token: bureau, body: eventBody({ title: '候补场', scenarioIds: [first, second], rooms: 1, maxScenarios: 1, capacity: 5 }) });
    const r = await composed(created.body.id);
    expect(r.agenda).toHaveLength(1);
    expect(r.unassignedScenarioIds).toHaveLength(1);
    const onStage = r.agenda[0].scenarioId as string;
    const waiting = r.unassignedScenarioIds[0] as string;
    expect((await stack.call('POST', `/v1/roadshows/${r.id}/publish`, { token: bureau })).status).toBe(202);
    const invs = (await stack.call('GET', `/v1/roadshows/${r.id}/invitations`, { token: bureau })).body.items as Invitation[];
    const mfr = invs.find((i) => i.party === 'manufacturer')!;
    const withdraw = await stack.call('POST', `/v1/roadshow-invitations/${mfr.id}/reply`, { token: await tokenFor('manufacturer', mfr.orgId), body: { accept: false, reason: 'withdrawn' } });
    expect(withdraw.status).toBe(200);
    const re = await stack.call('POST', `/v1/roadshows/${r.id}/recompose`, { token: bureau });
    expect(re.status).toBe(202);
    expect(re.body).toMatchObject({ addedScenarios: 1, removedScenarios: 1 });
    const after = (await stack.call('GET', `/v1/roadshows/${r.id}`, { token: bureau })).body;
    expect(after.agenda.map((a: { scenarioId: string }) => a.scenarioId)).toEqual([waiting]);
    expect([after.agenda[0].room, after.agenda[0].startsAt]).toEqual([r.agenda[0].room, r.agenda[0].startsAt]);
    const now = (await stack.call('GET', `/v1/roadshows/${r.id}/invitations`, { token: bureau })).body.items as Invitation[];
    expect(now.filter((i) => i.scenarioId === onStage && i.party === 'platform').every((i) => i.status === 'cancelled')).toBe(true);
    const fresh = now.filter((i) => i.scenarioId === waiting);
    expect(fresh.map((i) => i.party).sort()).toEqual(['manufacturer', ...after.agenda[0].platforms.map(() => 'platform')].sort());
    expect(fresh.every((i) => i.status === 'invited')).toBe(true);
    const newOwner = scenarioOwner.get(waiting)!;
    expect((await inbox('manufacturer', newOwner)).some((n) => n.ref === `roadshow-invitations/${fresh.find((i) => i.party === 'manufacturer')!.id}`)).toBe(true);
  }, 60_000);
});
