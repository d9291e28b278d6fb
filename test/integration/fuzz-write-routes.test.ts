import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/stack';
import { expertBody, objectionBody } from '../support/round-fixtures';
import { RUBRIC_2025_1 } from '#core/review/rubric';
import { assessApplication } from '#services/rounds';
import { runRoadshow } from '#services/roadshows';

let stack: TestStack;
let tokens: Record<'bureau' | 'mfr' | 'plt' | 'expert' | 'district', string>;
// A round taken (without pollers) to its notice, with an objection and an expert assignment.
const round = { id: '', open: '', app: '', objection: '', expert: '', review: '', diagnosis: '', programme: '', grant: '' };
let platformId: string;
let scenarioId: string;
// --- roadshow events (issue 20): a published event (empty agenda: no pipeline runs here) ---
let eventId: string;
const eventTimes = () => {
  const h = 3_600_000;
  const at = (x: number) => new Date(Date.now() + x * h).toISOString();
  return { startsAt: at(48), endsAt: at(51), rsvpBy: at(24) };
};
const eventBody = () => ({
  title: '模糊测试路演', kind: 'matchmaking', venue: { address: '株洲路 1 号', region: '崂山区' }, ...eventTimes(),
  rooms: 2, slotMinutes: 30, capacity: 10, scenarioIds: ['nope'], maxScenarios: 2, platformsPerScenario: 1, maxSlotsPerPlatform: 1,
});

beforeAll(async () => {
  stack = await startTestStack({ pollers: false, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const bureau = await stack.token('bureau');
  const p = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('模糊测试平台') });
  platformId = p.body.id;
  const mfr = await stack.token('manufacturer', 'ent_fuzz');
  scenarioId = (await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody() })).body.id;
  tokens = { bureau, mfr, plt: await stack.token('platform', platformId), expert: '', district: await stack.token('district', undefined, { district: '黄岛区' }) };
  const year = new Date().getUTCFullYear() - 1;
  const day = 86_400_000;
  const window = { opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString(), noticeDays: 7 };
  round.id = (await stack.call('POST', '/v1/rounds', { token: bureau, body: { year, ...window } })).body.id;
  round.open = (await stack.call('POST', '/v1/rounds', { token: bureau, body: { year: year - 1, ...window } })).body.id;
  await stack.call('PUT', `/v1/platforms/${platformId}/indicators/${year}`, { token: tokens.plt, body: specializedL2Report() });
  round.app = (await stack.call('POST', `/v1/rounds/${round.id}/applications`, { token: tokens.plt, body: { platformId } })).body.id;
  await stack.call('POST', `/v1/applications/${round.app}/submit`, { token: tokens.plt });
  await assessApplication(stack.deps, { type: 'AssessApplication', applicationId: round.app, submission: 1 });
  await stack.call('POST', `/v1/rounds/${round.id}/close`, { token: bureau });
  await stack.call('POST', `/v1/rounds/${round.id}/notice`, { token: bureau });
  round.objection = (await stack.call('POST', `/v1/public/notices/${round.id}/objections`, { body: objectionBody(round.app) })).body.id;
  round.expert = (await stack.call('POST', '/v1/experts', { token: bureau, body: expertBody('模糊专家', '91350100M000100Y43') })).body.id;
  tokens.expert = await stack.token('expert', undefined, { sub: round.expert });
  round.review = (await stack.call('POST', `/v1/rounds/${round.id}/reviews`, { token: bureau, body: { applicationIds: [round.app], expertIds: [round.expert] } })).body.items[0].id;
  round.diagnosis = (await stack.call('POST', `/v1/platforms/${platformId}/diagnoses`, { token: bureau, body: { institution: { name: '诊断机构', creditCode: '91350100M000100Y43' }, scope: '全面诊断' } })).body.id;
  round.programme = (await stack.call('POST', '/v1/support-programmes', { token: bureau, body: { name: '模糊奖补', year, grantor: 'city', budgetWan: 1000, rule: { reported: true }, amount: { kind: 'fixed', wan: 10 }, capWan: 10 } })).body.id;
  const other = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('模糊奖补平台') })).body.id;
  await stack.call('PUT', `/v1/platforms/${other}/indicators/${year}`, { token: bureau, body: specializedL2Report() });
  round.grant = (await stack.call('POST', `/v1/support-programmes/${round.programme}/grants`, { token: bureau, body: { platformId: other } })).body.id;
  eventId = (await stack.call('POST', '/v1/roadshows', { token: bureau, body: eventBody() })).body.id;
  await runRoadshow(stack.deps, { type: 'ComposeRoadshow', roadshowId: eventId });
  expect((await stack.call('POST', `/v1/roadshows/${eventId}/publish`, { token: bureau })).status).toBe(202);
  // Every route below must reach a real resource, or the property would pass on 404s alone.
  expect(Object.values(round).every((v) => /^[A-Za-z0-9_]{6,}$/.test(v)), JSON.stringify(round)).toBe(true);
});
afterAll(() => stack?.stop());

async function itemCount(): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await stack.deps.db.send(new ScanCommand({ TableName: stack.settings.TABLE_NAME, Select: 'COUNT', ExclusiveStartKey: start }));
    n += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return n;
}

// Values an attacker or a careless client sends: deep nesting, huge and odd strings, prototype
// keys, numbers as strings, NaN/Infinity (JSON turns them into null), injection-looking text.
const nasty = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', "'; DROP TABLE t; --", '#pk = :pk OR 1=1', '${jndi:ldap://x}', '\u0000', '\uD800', '😀'.repeat(50), 'ａｂｃ', '  ', ''),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('x'.repeat(5000), '好'.repeat(300_000)),
  fc.constantFrom('123', '-1', '1e309', 'NaN', 'Infinity', 'true'),
);
const leaf = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, -1));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('arr'), tie('obj')),
  arr: fc.array(tie('node'), { maxLength: 4 }),
  obj: fc.dictionary(fc.oneof(nasty, fc.constantFrom('name', 'general', 'specific', 'title', 'reason', 'industries')), tie('node'), { maxKeys: 5 }),
})).node;
const deep = fc.integer({ min: 50, max: 3000 }).map((d) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < d; i++) v = { a: v };
  return v;
});

// Mutations of a valid body: one field replaced by something hostile.
const mutate = (base: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(base), '__proto__', 'extra'), fc.oneof(value, deep)).map(([k, v]) => {
    const copy: Record<string, unknown> = JSON.parse(JSON.stringify(base));
    Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
    return copy;
  });

const routes = () => [
  { name: 'POST /v1/platforms', method: 'POST', path: '/v1/platforms', token: tokens.bureau, body: mutate(platformBody('x')) },
  { name: 'PATCH /v1/platforms/{id}', method: 'PATCH', path: `/v1/platforms/${platformId}`, token: tokens.plt, body: mutate({ region: '城阳区', description: 'd' }) },
  { name: 'POST solutions', method: 'POST', path: `/v1/platforms/${platformId}/solutions`, token: tokens.plt, body: mutate({ title: 't', description: 'd', industries: [], domains: ['quality'], technologies: [] }) },
  { name: 'PUT indicators', method: 'PUT', path: `/v1/platforms/${platformId}/indicators/2024`, token: tokens.plt, body: mutate(specializedL2Report()) },
  { name: 'PUT rule-sets', method: 'PUT', path: '/v1/rule-sets/fuzz-1', token: tokens.bureau, body: mutate({ version: 'fuzz-1', passShare: 0.8, gates: {}, thresholds: {} }) },
  { name: 'POST /v1/scenarios', method: 'POST', path: '/v1/scenarios', token: tokens.mfr, body: mutate(scenarioBody()) },
  { name: 'POST batches', method: 'POST', path: '/v1/scenarios/batches', token: tokens.bureau, body: mutate({ batch: '第1批', scenarioIds: ['nope'] }) },
  { name: 'POST decline', method: 'POST', path: '/v1/leads/lead_missing/decline', token: tokens.plt, body: mutate({ reason: 'r' }) },
  { name: 'POST /v1/roadshows', method: 'POST', path: '/v1/roadshows', token: tokens.bureau, body: mutate({ title: 't', date: '2026-12-01', maxScenarios: 1, platformsPerScenario: 1, maxSlotsPerPlatform: 1 }) },
  { name: 'POST /v1/rounds', method: 'POST', path: '/v1/rounds', token: tokens.bureau, body: mutate({ year: 2011, opensAt: '2011-01-01T00:00:00Z', closesAt: '2011-02-01T00:00:00Z', noticeDays: 7 }) },
  { name: 'POST applications', method: 'POST', path: `/v1/rounds/${round.open}/applications`, token: tokens.plt, body: mutate({ platformId }) },
  { name: 'POST evidence', method: 'POST', path: `/v1/applications/${round.app}/evidence`, token: tokens.plt, body: mutate({ kind: 'case', fileName: 'a.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) }) },
  { name: 'POST return', method: 'POST', path: `/v1/applications/${round.app}/return`, token: tokens.bureau, body: mutate({ comment: '请补正' }) },
  { name: 'POST notice', method: 'POST', path: `/v1/rounds/${round.open}/notice`, token: tokens.bureau, body: mutate({ endsAt: '2030-01-01T00:00:00Z' }) },
  { name: 'POST objections (public)', method: 'POST', path: `/v1/public/notices/${round.id}/objections`, token: undefined, body: mutate(objectionBody(round.app)) },
  { name: 'POST resolve', method: 'POST', path: `/v1/objections/${round.objection}/resolve`, token: tokens.bureau, body: mutate({ outcome: 'dismissed', note: '属实' }) },
  { name: 'POST /v1/experts', method: 'POST', path: '/v1/experts', token: tokens.bureau, body: mutate(expertBody('专家', '91370200163562681G')) },
  { name: 'POST conflicts', method: 'POST', path: `/v1/experts/${round.expert}/conflicts`, token: tokens.expert, body: mutate({ platformId: 'plt_x', reason: '亲属任职' }) },
  { name: 'POST reviews', method: 'POST', path: `/v1/rounds/${round.id}/reviews`, token: tokens.bureau, body: mutate({ applicationIds: [round.app], expertIds: [round.expert] }) },
  { name: 'PUT review', method: 'PUT', path: `/v1/reviews/${round.review}`, token: tokens.expert, body: mutate({ scores: { core_technology: 20 }, comment: '' }) },
  { name: 'POST diagnoses', method: 'POST', path: `/v1/platforms/${platformId}/diagnoses`, token: tokens.bureau, body: mutate({ institution: { name: '机构', creditCode: '91350100M000100Y43' }, scope: '范围' }) },
  { name: 'PUT diagnosis report', method: 'PUT', path: `/v1/diagnoses/${round.diagnosis}/report`, token: tokens.bureau, body: mutate({ visitedOn: '2026-11-20', summary: 's', findings: [{ dimension: 'technology', finding: 'f', severity: 'low' }], recommendations: ['r'] }) },
  { name: 'PUT selections', method: 'PUT', path: `/v1/platforms/${platformId}/selections/2025/province`, token: tokens.bureau, body: mutate({ result: 'key_platform', documentNo: '鲁工信字〔2025〕1号', decidedOn: '2025-09-30' }) },
  { name: 'POST support-programmes', method: 'POST', path: '/v1/support-programmes', token: tokens.bureau, body: mutate({ name: '奖补', year: 2025, grantor: 'city', budgetWan: 100, rule: { minLevel: 1 }, amount: { kind: 'fixed', wan: 10 }, capWan: 10 }) },
  { name: 'POST support grants', method: 'POST', path: `/v1/support-programmes/${round.programme}/grants`, token: tokens.plt, body: mutate({ platformId }) },
  { name: 'POST grant approve', method: 'POST', path: `/v1/grants/${round.grant}/approve`, token: tokens.bureau, body: mutate({ amountWan: 5 }) },
  { name: 'POST grant payments', method: 'POST', path: `/v1/grants/${round.grant}/payments`, token: tokens.bureau, body: mutate({ paidOn: '2026-11-30', amountWan: 1, voucherNo: 'V1' }) },
  { name: 'POST grant reject', method: 'POST', path: `/v1/grants/${round.grant}/reject`, token: tokens.bureau, body: mutate({ note: '不符合' }) },
  { name: 'POST endorse', method: 'POST', path: `/v1/applications/${round.app}/endorse`, token: tokens.bureau, body: mutate({ comment: '同意推荐' }) },
  { name: 'POST proposals', method: 'POST', path: `/v1/scenarios/${scenarioId}/proposals`, token: tokens.plt, body: mutate({ summary: '预测性维护方案，三个月上线', budgetWan: 30, weeks: 12 }) },
  { name: 'POST proposal decline', method: 'POST', path: '/v1/proposals/prop_missing/decline', token: tokens.mfr, body: mutate({ reason: '已选定其他方案' }) },
  { name: 'PUT subscription', method: 'PUT', path: `/v1/platforms/${platformId}/subscription`, token: tokens.plt, body: mutate({ industries: ['C29'], domains: ['energy'] }) },
  { name: 'POST imports/directory', method: 'POST', path: '/v1/imports/directory?year=2019', token: tokens.bureau, body: mutate({ rows: [] }) },
  { name: 'POST imports/scenarios', method: 'POST', path: '/v1/imports/scenarios', token: tokens.bureau, body: mutate({ rows: [] }) },
  { name: 'POST objection contact', method: 'POST', path: `/v1/objections/${round.objection}/contact`, token: tokens.bureau, body: mutate({}) },
  { name: 'POST data-requests (public)', method: 'POST', path: '/v1/public/data-requests', token: undefined, body: mutate({ contact: '13800000000', noticeVersion: 'data-request-2026-12' }) },
  // An unknown request: a wrong code on a real one counts the try (a write), as sign-in codes do.
  { name: 'POST data-requests confirm', method: 'POST', path: '/v1/public/data-requests/dreq_missing/confirm', token: undefined, body: mutate({ code: '123456', action: 'export' }) },
  { name: 'POST me/data/deletion', method: 'POST', path: '/v1/me/data/deletion', token: tokens.bureau, body: mutate({ confirm: true }) },
  { name: 'PUT review-rubrics', method: 'PUT', path: '/v1/review-rubrics/fuzz-r1', token: tokens.bureau, body: mutate({ ...RUBRIC_2025_1, version: 'fuzz-r1' }) },
  // --- roadshow events (issue 20) ---
  { name: 'POST /v1/roadshows (event)', method: 'POST', path: '/v1/roadshows', token: tokens.bureau, body: mutate(eventBody()) },
  { name: 'PATCH /v1/roadshows/{id}', method: 'PATCH', path: `/v1/roadshows/${eventId}`, token: tokens.bureau, body: mutate({ venue: { address: '海尔路 1 号', region: '崂山区' }, capacity: 12 }) },
  { name: 'POST roadshow reply', method: 'POST', path: '/v1/roadshow-invitations/rsi_missing/reply', token: tokens.plt, body: mutate({ accept: false, reason: 'schedule' }) },
  { name: 'POST recompose', method: 'POST', path: `/v1/roadshows/${eventId}/recompose`, token: tokens.bureau, body: mutate({}) },
  { name: 'POST roadshow registrations (public)', method: 'POST', path: `/v1/public/roadshows/${eventId}/registrations`, token: undefined, body: mutate({ name: '观众', enterprise: '某企业', contact: '13800000001', noticeVersion: 'roadshow-registration-2026-12' }) },
  { name: 'POST check-ins', method: 'POST', path: `/v1/roadshows/${eventId}/check-ins`, token: tokens.bureau, body: mutate({ checkInCode: 'ABCDEFGH' }) },
  { name: 'POST roadshow close', method: 'POST', path: `/v1/roadshows/${eventId}/close`, token: tokens.bureau, body: mutate({ attendedPairs: [{ scenarioId: 'scn_x', platformId: 'plt_x' }] }) },
  { name: 'POST roadshow ratings', method: 'POST', path: `/v1/roadshows/${eventId}/ratings`, token: tokens.plt, body: mutate({ scenarioId: 'scn_x', platformId, stars: 4 }) },
  { name: 'POST roadshow report', method: 'POST', path: `/v1/roadshows/${eventId}/report`, token: tokens.bureau, body: mutate({}) },
  // --- districts (issue 22) ---
  { name: 'POST organisations (district)', method: 'POST', path: '/v1/organisations', token: tokens.bureau, body: mutate({ kind: 'district', region: '市南区' }) },
  { name: 'POST /v1/scenarios (district, for an enterprise)', method: 'POST', path: '/v1/scenarios', token: tokens.district, body: mutate(scenarioBody({ region: '黄岛区' })) },
  { name: 'POST district remind', method: 'POST', path: `/v1/rounds/${round.id}/districts/${encodeURIComponent('黄岛区')}/remind`, token: tokens.bureau, body: mutate({}) },
  // --- recommendation upward: quotas, 答辩, final list (issue 25) ---
  { name: 'PUT quotas', method: 'PUT', path: `/v1/rounds/${round.id}/quotas`, token: tokens.bureau, body: mutate({ quotas: { provincial: { comprehensive: 1, characteristic: 1, specialized: 1 }, national: { comprehensive: 0, characteristic: 0, specialized: 1 } }, reviewWeight: 0.6 }) },
  { name: 'POST defences', method: 'POST', path: `/v1/rounds/${round.id}/defences`, token: tokens.bureau, body: mutate({ level: 'provincial', startsAt: '2026-12-20T01:00:00Z', venue: '会议室', slotMinutes: 20, panel: [round.expert, 'exp_b', 'exp_c'], presenters: [round.app] }) },
  { name: 'PUT defence score', method: 'PUT', path: `/v1/defences/def_missing/scores/${round.app}`, token: tokens.expert, body: mutate({ scores: { presentation: 10 }, comment: '' }) },
  { name: 'POST final-lists', method: 'POST', path: `/v1/rounds/${round.id}/final-lists/national`, token: tokens.bureau, body: mutate({ applicationIds: [round.app] }) },
  // --- yearly tracking (issue 25) ---
  { name: 'POST tracking run', method: 'POST', path: '/v1/tracking/2026/run', token: tokens.bureau, body: mutate({ replyDays: 15 }) },
  { name: 'POST tracking reply', method: 'POST', path: '/v1/tracking-cases/trk_missing/reply', token: tokens.plt, body: mutate({ text: '已补报' }) },
  { name: 'POST tracking decide', method: 'POST', path: '/v1/tracking-cases/trk_missing/decide', token: tokens.bureau, body: mutate({ outcome: 'downgrade', level: 1, note: '降级' }) },
  // Last: a valid body retires the round's expert, which the routes above still use.
  { name: 'POST experts/retire', method: 'POST', path: `/v1/experts/${round.expert}/retire`, token: tokens.bureau, body: mutate({ reason: '工作调动' }) },
];

describe('random and adversarial payloads on every write route', () => {
  it('never answer 5xx, answer errors in the documented shape, and a refused write changes nothing', async () => {
    const documented = new Set([400, 401, 403, 404, 409, 413, 429]);
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(route.body, async (body) => {
          const before = await itemCount();
          let raw: string;
          try {
            raw = JSON.stringify(body);
          } catch {
            return; // not representable as JSON (e.g. lone surrogates are fine; cycles are not generated)
          }
          const res = await stack.call(route.method, route.path, { token: route.token, raw });
          expect(res.status, `${route.name} ${raw.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(documented.has(res.status), `${route.name} → ${res.status}`).toBe(true);
            expect(typeof res.body.error.code).toBe('string');
            expect(await itemCount(), `${route.name} wrote on ${res.status}`).toBe(before);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: 25, seed: 20261124 },
      );
    }
  }, 240_000);

  it('answers raw garbage bodies with 400 and writes nothing', async () => {
    const before = await itemCount();
    for (const raw of ['{', '[]', 'null', '"x"', '{"a":1}{', '\u0000', '{"__proto__":{"polluted":1}}', 'NaN', '1'.repeat(1000)]) {
      const res = await stack.call('POST', '/v1/scenarios', { token: tokens.mfr, raw });
      expect(res.status, raw).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await itemCount()).toBe(before);
  });
});
