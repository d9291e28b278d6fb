import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, specializedL2Report } from '../support/fixtures';
import { creditCode, expertBody, objectionBody, specializedL1Report, specializedSheet } from '../support/round-fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// One whole yearly round through the API (第九–十一条): open → apply → 补正 → assessed → 公示 →
// objections → publish → the year's 名录; then an expert panel and the recommendation list.

const DAY = 86_400_000;
let clockOffset = 0;
let stack: TestStack;
let bureau: string;
const YEAR = new Date().getUTCFullYear() - 1;
const codes = { a: creditCode('91370200100000001'), b: creditCode('91370200100000002'), c: creditCode('91370200100000003'), d: creditCode('91370200100000004') };
const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
const tokens: Record<string, string> = {};
const apps: Record<string, string> = {};
let roundId = '';

async function sheetText(buf: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => out.push((row.values as unknown[]).join('|'))));
  return out.join('\n');
}

beforeAll(async () => {
  stack = await startTestStack({ deps: { now: () => new Date(Date.now() + clockOffset) }, env: { RATE_LIMIT_PER_MINUTE: '100000', OBJECTIONS_PER_HOUR: '3' } });
  bureau = await stack.token('bureau');
  const names = { a: '海岳云智平台', b: '琴岛智造平台', c: '胶州湾工业云', d: '未申报指标平台' };
  for (const k of ['a', 'b', 'c', 'd'] as const) {
    const res = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(names[k], { operator: { name: `${names[k]}运营公司`, creditCode: codes[k] } }) });
    expect(res.status).toBe(201);
    ids[k] = res.body.id;
    tokens[k] = await stack.token('platform', ids[k]);
  }
  for (const [k, report] of [['a', specializedL2Report()], ['b', specializedL2Report()], ['c', specializedL1Report()]] as const) {
    expect((await stack.call('PUT', `/v1/platforms/${ids[k]}/indicators/${YEAR}`, { token: tokens[k], body: report })).status).toBe(202);
  }
});
afterAll(() => stack?.stop());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Announce, PUT to the presigned URL exactly as a browser would, and verify. */
async function uploadEvidence(token: string, applicationId: string, content: Buffer, o: { declared?: Buffer; fileName?: string } = {}) {
  const declared = o.declared ?? content;
  const ann = await stack.call('POST', `/v1/applications/${applicationId}/evidence`, {
    token,
    body: { kind: 'mlps_filing', fileName: o.fileName ?? '等保备案证明.pdf', contentType: 'application/pdf', size: declared.length, sha256: sha256(declared) },
  });
  expect(ann.status).toBe(201);
  const put = await fetch(ann.body.uploadUrl, { method: 'PUT', headers: ann.body.headers, body: new Uint8Array(content) });
  expect(put.status).toBe(200);
  return stack.call('POST', `/v1/applications/${applicationId}/evidence/${ann.body.id}/verify`, { token });
}

const app = (id: string | undefined, token = bureau) => stack.call('GET', `/v1/applications/${id}`, { token });

describe('the yearly round', () => {
  it('opens once per year', async () => {
    const body = { year: YEAR, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString(), noticeDays: 7 };
    const res = await stack.call('POST', '/v1/rounds', { token: bureau, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ year: YEAR, status: 'open', ruleSetVersion: 'qd-2025.1' });
    roundId = res.body.id;
    expect((await stack.call('POST', '/v1/rounds', { token: bureau, body })).status).toBe(409);
    expect((await stack.call('POST', '/v1/rounds', { token: tokens.a, body: { ...body, year: YEAR - 1 } })).status).toBe(403);
  });

  it('platforms apply (idempotently), submit, and are assessed on the round year’s report', async () => {
    for (const k of ['a', 'b', 'c', 'd'] as const) {
      const res = await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: tokens[k], body: { platformId: ids[k] } });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('draft');
      apps[k] = res.body.id;
    }
    const again = await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: tokens.a, body: { platformId: ids.a } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(apps.a);
    // A platform cannot apply for another.
    expect((await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: tokens.a, body: { platformId: ids.b } })).status).toBe(404);

    // No report for the round's year: refused, and nothing changes.
    const noReport = await stack.call('POST', `/v1/applications/${apps.d}/submit`, { token: tokens.d });
    expect(noReport.status).toBe(409);
    expect((await app(apps.d)).body.status).toBe('draft');

    for (const k of ['a', 'b', 'c'] as const) {
      const v = await uploadEvidence(tokens[k]!, apps[k]!, Buffer.from(`%PDF-1.4 等保备案证明 ${k}`));
      expect(v.body.status).toBe('verified');
    }
    for (const k of ['a', 'b', 'c'] as const) expect((await stack.call('POST', `/v1/applications/${apps[k]}/submit`, { token: tokens[k] })).status).toBe(202);
    for (const k of ['a', 'b', 'c'] as const) await eventually(async () => (await app(apps[k]!)).body.status === 'assessed');
    const a = (await app(apps.a)).body;
    expect(a).toMatchObject({ level: 2, eligibility: { provincialRecommendation: true }, reportVersion: 1, ruleSetVersion: 'qd-2025.1' });
    // The detail explains itself; round-wide lists stay small.
    expect(a.assessment.checks.length).toBeGreaterThan(5);
    const listed = (await stack.call('GET', `/v1/rounds/${roundId}/applications`, { token: bureau })).body.items;
    expect(listed.every((x: { assessment?: unknown }) => x.assessment === undefined)).toBe(true);
    expect((await app(apps.c)).body.level).toBe(1);
  });

  it('evidence: declared size limit, signed type and length, SHA-256 checked after upload', async () => {
    const tooBig = await stack.call('POST', `/v1/applications/${apps.d}/evidence`, {
      token: tokens.d,
      body: { kind: 'audit_or_tax', fileName: '审计报告.pdf', contentType: 'application/pdf', size: 21 * 1024 * 1024, sha256: 'a'.repeat(64) },
    });
    expect(tooBig.status).toBe(413);
    const wrongType = await stack.call('POST', `/v1/applications/${apps.d}/evidence`, {
      token: tokens.d,
      body: { kind: 'audit_or_tax', fileName: '审计报告.png', contentType: 'image/png', size: 10, sha256: 'a'.repeat(64) },
    });
    expect(wrongType.status).toBe(400);

    // The bytes differ from what was declared (same length): rejected, deleted, and submit is refused.
    const forged = await uploadEvidence(tokens.d!, apps.d!, Buffer.from('%PDF-forged'), { declared: Buffer.from('%PDF-honest') });
    expect(forged.body).toMatchObject({ status: 'rejected' });
    expect(forged.body.problem).toMatch(/SHA-256/);
    await stack.call('PUT', `/v1/platforms/${ids.d}/indicators/${YEAR}`, { token: tokens.d, body: specializedL1Report() });
    const refused = await stack.call('POST', `/v1/applications/${apps.d}/submit`, { token: tokens.d });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0].message).toMatch(/SHA-256/);
    expect((await stack.call('DELETE', `/v1/applications/${apps.d}/evidence/${forged.body.id}`, { token: tokens.d })).status).toBe(204);

    // A PUT with another type than the signed one is refused by S3 itself.
    const ann = await stack.call('POST', `/v1/applications/${apps.d}/evidence`, {
      token: tokens.d,
      body: { kind: 'audit_or_tax', fileName: '纳税证明.pdf', contentType: 'application/pdf', size: 4, sha256: sha256(Buffer.from('%PDF')) },
    });
    const sneaky = await fetch(ann.body.uploadUrl, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: '%PDF' });
    expect(sneaky.status).toBe(403);
    // Not uploaded yet: verify says so and changes nothing.
    expect((await stack.call('POST', `/v1/applications/${apps.d}/evidence/${ann.body.id}/verify`, { token: tokens.d })).status).toBe(409);
    expect((await stack.call('DELETE', `/v1/applications/${apps.d}/evidence/${ann.body.id}`, { token: tokens.d })).status).toBe(204);
  });

  it('an applicant cannot read another’s evidence; its own comes with a working download link', async () => {
    expect((await stack.call('GET', `/v1/applications/${apps.a}/evidence`, { token: tokens.b })).status).toBe(404);
    expect((await stack.call('POST', `/v1/applications/${apps.a}/evidence`, { token: tokens.b, body: { kind: 'case', fileName: 'x.pdf', contentType: 'application/pdf', size: 1, sha256: 'a'.repeat(64) } })).status).toBe(404);
    const own = await stack.call('GET', `/v1/applications/${apps.a}/evidence`, { token: tokens.a });
    expect(own.body.items).toHaveLength(1);
    const file = await fetch(own.body.items[0].downloadUrl);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('%PDF-1.4 等保备案证明 a');
    // The presigned link is for that one object: tampering with the key breaks the signature.
    expect((await fetch(own.body.items[0].downloadUrl.replace(apps.a!, apps.b!))).status).toBe(403);
  });

  it('an applicant sees only its own application', async () => {
    expect((await app(apps.a, tokens.b)).status).toBe(404);
    const own = await stack.call('GET', `/v1/rounds/${roundId}/applications`, { token: tokens.b });
    expect(own.body.items.map((a: { id: string }) => a.id)).toEqual([apps.b]);
    const all = await stack.call('GET', `/v1/rounds/${roundId}/applications`, { token: bureau });
    expect(all.body.items).toHaveLength(4);
  });

  it('the bureau returns one for correction (补正) and the applicant resubmits', async () => {
    const ret = await stack.call('POST', `/v1/applications/${apps.c}/return`, { token: bureau, body: { comment: '请补充审计报告' } });
    expect(ret.status).toBe(200);
    expect(ret.body).toMatchObject({ status: 'returned', comment: '请补充审计报告' });
    expect((await stack.call('POST', `/v1/applications/${apps.c}/return`, { token: tokens.c, body: { comment: 'x' } })).status).toBe(403);
    expect((await stack.call('POST', `/v1/applications/${apps.c}/submit`, { token: tokens.c })).status).toBe(202);
    const done = await eventually(async () => {
      const r = await app(apps.c!);
      return r.body.status === 'assessed' && r.body;
    });
    expect(done.submissions).toBe(2);
    expect(done.comment).toBeUndefined();
    expect(done.history.map((h: { status: string }) => h.status)).toEqual(['draft', 'submitted', 'assessed', 'returned', 'submitted', 'assessed']);
  });

  it('closes, then runs the public notice of every level ≥ 1 application', async () => {
    expect((await stack.call('POST', `/v1/rounds/${roundId}/notice`, { token: bureau })).status).toBe(409);
    expect((await stack.call('POST', `/v1/rounds/${roundId}/close`, { token: bureau })).body.status).toBe('closed');
    expect((await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: bureau, body: { platformId: 'plt_late' } })).status).toBe(404);
    expect((await stack.call('POST', `/v1/applications/${apps.d}/submit`, { token: tokens.d })).status).toBe(409);
    const past = await stack.call('POST', `/v1/rounds/${roundId}/notice`, { token: bureau, body: { endsAt: new Date(Date.now() - DAY).toISOString() } });
    expect(past.status).toBe(400);
    const notice = await stack.call('POST', `/v1/rounds/${roundId}/notice`, { token: bureau });
    expect(notice.status).toBe(200);
    expect(Date.parse(notice.body.noticeEndsAt) - Date.now()).toBeGreaterThan(6.9 * DAY);

    const list = await stack.call('GET', `/v1/public/notices/${roundId}`);
    expect(list.status).toBe(200);
    expect(list.body.entries.map((e: { platformId: string }) => e.platformId).sort()).toEqual([ids.a, ids.b, ids.c].sort());
    expect(list.body.entries.at(-1).platformId).toBe(ids.c);
    expect(list.body.entries.every((e: { level: number }) => e.level >= 1)).toBe(true);
  });

  it('takes objections while the notice runs: validated, throttled per address, stored with the address', async () => {
    const bad = await stack.call('POST', `/v1/public/notices/${roundId}/objections`, { body: objectionBody(apps.c!, { contactPhone: '12345' }) });
    expect(bad.status).toBe(400);
    expect((await stack.call('POST', `/v1/public/notices/${roundId}/objections`, { body: objectionBody(apps.d!) })).status).toBe(400);
    const headers = { 'x-forwarded-for': '203.0.113.7' };
    const upheld = await stack.call('POST', `/v1/public/notices/${roundId}/objections`, { body: objectionBody(apps.c!), headers });
    expect(upheld.status).toBe(201);
    const dismissed = await stack.call('POST', `/v1/public/notices/${roundId}/objections`, { body: objectionBody(apps.a!), headers });
    expect(dismissed.status).toBe(201);
    apps.objUpheld = upheld.body.id;
    apps.objDismissed = dismissed.body.id;
    // OBJECTIONS_PER_HOUR=3 in this stack: the third passes, the fourth from the same address is refused.
    const third = await stack.call('POST', `/v1/public/notices/${roundId}/objections`, { body: objectionBody(apps.b!), headers });
    expect(third.status).toBe(201);
    const fourth = await stack.call('POST', `/v1/public/notices/${roundId}/objections`, { body: objectionBody(apps.b!), headers });
    expect(fourth.status).toBe(429);
    const list = await stack.call('GET', `/v1/rounds/${roundId}/objections`, { token: bureau });
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.every((o: { requesterAddress: string; status: string }) => o.requesterAddress === '203.0.113.*' && o.status === 'open')).toBe(true);
    expect((await stack.call('GET', `/v1/rounds/${roundId}/objections`, { token: tokens.a })).status).toBe(403);
    apps.objThird = third.body.id;
  });

  it('refuses to publish while the notice runs or an objection is open, then publishes the year’s 名录', async () => {
    const running = await stack.call('POST', `/v1/rounds/${roundId}/publish`, { token: bureau });
    expect(running.status).toBe(409);
    clockOffset = 8 * DAY;
    expect((await stack.call('POST', `/v1/public/notices/${roundId}/objections`, { body: objectionBody(apps.a!), headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(409);
    const open = await stack.call('POST', `/v1/rounds/${roundId}/publish`, { token: bureau });
    expect(open.status).toBe(409);
    expect(open.body.error.message).toMatch(/3/);

    const up = await stack.call('POST', `/v1/objections/${apps.objUpheld}/resolve`, { token: bureau, body: { outcome: 'upheld', note: '经核查，服务企业数量不实' } });
    expect(up.body).toMatchObject({ status: 'upheld', note: '经核查，服务企业数量不实' });
    expect((await stack.call('POST', `/v1/objections/${apps.objUpheld}/resolve`, { token: bureau, body: { outcome: 'dismissed', note: '再次' } })).status).toBe(409);
    await stack.call('POST', `/v1/objections/${apps.objDismissed}/resolve`, { token: bureau, body: { outcome: 'dismissed', note: '材料属实' } });
    expect((await stack.call('POST', `/v1/rounds/${roundId}/publish`, { token: bureau })).status).toBe(409);
    await stack.call('POST', `/v1/objections/${apps.objThird}/resolve`, { token: bureau, body: { outcome: 'dismissed', note: '材料属实' } });
    expect((await app(apps.c)).body.status).toBe('rejected');

    const pub = await stack.call('POST', `/v1/rounds/${roundId}/publish`, { token: bureau });
    expect(pub.status).toBe(200);
    expect(pub.body.entries.map((e: { platformId: string }) => e.platformId).sort()).toEqual([ids.a, ids.b].sort());
    expect((await stack.call('GET', `/v1/rounds/${roundId}`)).body.status).toBe('published');

    const year = await stack.call('GET', `/v1/directory/${YEAR}`);
    expect(year.status).toBe(200);
    expect(year.body).toEqual(pub.body);
    // Publishing again changes nothing: the year is immutable.
    const again = await stack.call('POST', `/v1/rounds/${roundId}/publish`, { token: bureau });
    expect(again.body).toEqual(pub.body);

    const res = await stack.app.request(`/v1/directory/${YEAR}.xlsx`);
    expect(res.status).toBe(200);
    const text = await sheetText(await res.arrayBuffer());
    expect(text).toContain('海岳云智平台');
    expect(text).toContain('琴岛智造平台');
    expect(text).not.toContain('胶州湾工业云');
    expect(text).toContain(String(YEAR));
    expect((await stack.call('GET', `/v1/directory/${YEAR + 1}`)).status).toBe(404);
    // The continuous directory keeps answering as before.
    const live = await stack.call('GET', '/v1/directory');
    expect(live.status).toBe(200);
    expect(live.body.items.length).toBeGreaterThanOrEqual(3);
  });
});

describe('expert review (第十一条)', () => {
  const experts: { id: string; token: string }[] = [];

  it('registers experts and refuses a panel with a conflict of interest, creating nothing', async () => {
    for (let i = 1; i <= 6; i++) {
      // Expert 6 works for platform A's operator.
      const res = await stack.call('POST', '/v1/experts', { token: bureau, body: expertBody(`专家${i}`, i === 6 ? codes.a : creditCode(`9137020020000000${i}`)) });
      expect(res.status).toBe(201);
      experts.push({ id: res.body.id, token: await stack.token('expert', undefined, { sub: res.body.id }) });
    }
    const all = experts.map((e) => e.id);
    const refused = await stack.call('POST', `/v1/rounds/${roundId}/reviews`, { token: bureau, body: { applicationIds: [apps.a, apps.b], expertIds: all } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('专家6');
    expect((await stack.call('GET', `/v1/reviews?roundId=${roundId}`, { token: bureau })).body.items).toHaveLength(0);
    // Level 1 applications are not for the panel.
    expect((await stack.call('POST', `/v1/rounds/${roundId}/reviews`, { token: bureau, body: { applicationIds: [apps.c], expertIds: all.slice(0, 5) } })).status).toBe(409);
  });

  it('a declared conflict is refused too', async () => {
    const decl = await stack.call('POST', `/v1/experts/${experts[5]!.id}/conflicts`, { token: experts[5]!.token, body: { platformId: ids.b, reason: '曾为该平台提供咨询' } });
    expect(decl.status).toBe(200);
    const res = await stack.call('POST', `/v1/rounds/${roundId}/reviews`, { token: bureau, body: { applicationIds: [apps.b], expertIds: [experts[5]!.id] } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('曾为该平台提供咨询');
    expect((await stack.call('POST', `/v1/experts/${experts[5]!.id}/conflicts`, { token: experts[0]!.token, body: { platformId: ids.b, reason: 'x' } })).status).toBe(404);
  });

  it('a panel of five scores both level-2 applications; recommendations drop the high and low score', async () => {
    const panel = experts.slice(0, 5);
    const assigned = await stack.call('POST', `/v1/rounds/${roundId}/reviews`, { token: bureau, body: { applicationIds: [apps.a, apps.b], expertIds: panel.map((e) => e.id) } });
    expect(assigned.status).toBe(201);
    expect(assigned.body.items).toHaveLength(10);

    // Experts see only their own assignments and the applications behind them.
    const mine = await stack.call('GET', '/v1/reviews', { token: panel[0]!.token });
    expect(mine.body.items).toHaveLength(2);
    expect((await app(apps.a, panel[0]!.token)).status).toBe(200);
    expect((await app(apps.a, experts[5]!.token)).status).toBe(404);
    const evidence = await stack.call('GET', `/v1/applications/${apps.a}/evidence`, { token: panel[0]!.token });
    expect(evidence.status).toBe(200);
    expect(await (await fetch(evidence.body.items[0].downloadUrl)).text()).toBe('%PDF-1.4 等保备案证明 a');
    expect((await stack.call('GET', `/v1/applications/${apps.a}/evidence`, { token: experts[5]!.token })).status).toBe(404);
    expect((await stack.call('GET', `/v1/reviews/${mine.body.items[0].id}`, { token: experts[5]!.token })).status).toBe(404);

    // A's plain mean (68.4) beats B's (60), but without the extremes B leads: 70 against 64.
    const totals: Record<string, number[]> = { [apps.a!]: [90, 60, 62, 64, 66], [apps.b!]: [70, 70, 70, 70, 20] };
    for (const [i, e] of panel.entries()) {
      const reviews = (await stack.call('GET', '/v1/reviews', { token: e.token })).body.items as { id: string; applicationId: string }[];
      for (const r of reviews) {
        if (i === 0) {
          const wrong = await stack.call('PUT', `/v1/reviews/${r.id}`, { token: e.token, body: { scores: { connectivity: 5 }, comment: '' } });
          expect(wrong.status).toBe(400);
          const over = await stack.call('PUT', `/v1/reviews/${r.id}`, { token: e.token, body: { scores: { core_technology: 26 }, comment: '' } });
          expect(over.status).toBe(400);
          await stack.call('PUT', `/v1/reviews/${r.id}`, { token: e.token, body: { scores: { core_technology: 20 }, comment: '' } });
          expect((await stack.call('POST', `/v1/reviews/${r.id}/submit`, { token: e.token })).status).toBe(409);
        }
        expect((await stack.call('PUT', `/v1/reviews/${r.id}`, { token: experts[(i + 1) % 5]!.token, body: { scores: {}, comment: '' } })).status).toBe(404);
        const saved = await stack.call('PUT', `/v1/reviews/${r.id}`, { token: e.token, body: { scores: specializedSheet(totals[r.applicationId]![i]!), comment: `专家${i + 1}意见` } });
        expect(saved.status).toBe(200);
        const sub = await stack.call('POST', `/v1/reviews/${r.id}/submit`, { token: e.token });
        expect(sub.status).toBe(200);
        expect(sub.body.total).toBe(totals[r.applicationId]![i]);
        expect((await stack.call('PUT', `/v1/reviews/${r.id}`, { token: e.token, body: { scores: {}, comment: '' } })).status).toBe(409);
      }
    }

    const rec = await stack.call('GET', `/v1/rounds/${roundId}/recommendations`, { token: bureau });
    expect(rec.status).toBe(200);
    const specialized = rec.body.categories.find((c: { category: string }) => c.category === 'specialized');
    expect(specialized.items.map((x: { platformId: string; score: number; rank: number }) => [x.rank, x.platformId, x.score])).toEqual([
      [1, ids.b, 70],
      [2, ids.a, 64],
    ]);
    expect(specialized.items[1].droppedTotals).toEqual([60, 90]);
    expect(specialized.items[0].reviews).toHaveLength(5);
    expect((await stack.call('GET', `/v1/rounds/${roundId}/recommendations`, { token: panel[0]!.token })).status).toBe(403);

    // Everyone concerned was told, once per change.
    const inbox = async (token: string) => (await stack.call('GET', '/v1/notifications', { token })).body.items.map((n: { event: string }) => n.event);
    expect(await inbox(panel[0]!.token)).toEqual(['review.assigned', 'review.assigned']);
    expect((await inbox(tokens.c!)).sort()).toEqual(['application.assessed', 'application.assessed', 'application.rejected', 'application.returned']);
    expect((await inbox(tokens.a!)).sort()).toEqual(['application.assessed', 'directory.published']);
    expect((await stack.call('GET', '/v1/notifications', { token: bureau })).status).toBe(403);

    const res = await stack.app.request(`/v1/rounds/${roundId}/recommendations.xlsx`, { headers: { authorization: `Bearer ${bureau}` } });
    expect(res.status).toBe(200);
    const text = await sheetText(await res.arrayBuffer());
    expect(text).toContain('专家3意见');
    expect(text.indexOf('琴岛智造平台')).toBeLessThan(text.indexOf('海岳云智平台'));
  });
});
