import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, specializedL2Report } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';
import { xlsxCells } from '../support/xlsx';

// 第十七条 奖补: a programme as data → who is eligible and why → applications and nominations →
// approval within the budget (two approvals racing for the last of it: one wins) → payments within
// the approval → the ledger, in JSON and xlsx; everything audited.

let stack: TestStack;
let bureau: string;
const ids: Record<'a' | 'b' | 'c' | 'unreported', string> = { a: '', b: '', c: '', unreported: '' };
const tokens: Record<string, string> = {};

const programme = {
  name: '2025年度工业互联网平台培优奖励',
  year: 2025,
  grantor: 'city',
  budgetWan: 120,
  rule: { minLevel: 1, reported: true },
  amount: { kind: 'byLevel', wan: [30, 50, 80] },
  capWan: 60,
};

beforeAll(async () => {
  stack = await startTestStack();
  bureau = await stack.token('bureau');
  for (const k of Object.keys(ids) as (keyof typeof ids)[]) {
    ids[k] = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(`奖补平台${k}`) })).body.id;
    tokens[k] = await stack.token('platform', ids[k]);
    if (k !== 'unreported') await stack.call('PUT', `/v1/platforms/${ids[k]}/indicators/2025`, { token: tokens[k]!, body: specializedL2Report() });
  }
  await eventually(async () => {
    const levels = await Promise.all(['a', 'b', 'c'].map(async (k) => (await stack.call('GET', `/v1/platforms/${ids[k as 'a']}`, { token: bureau })).body.level));
    return levels.every((l) => l === 2);
  });
});
afterAll(() => stack?.stop());

describe('support programmes (奖补)', () => {
  let programmeId = '';
  const grants: Record<string, string> = {};

  it('are created by the bureau only, with a budget no single grant exceeds', async () => {
    expect((await stack.call('POST', '/v1/support-programmes', { token: tokens.a, body: programme })).status).toBe(403);
    const bad = await stack.call('POST', '/v1/support-programmes', { token: bureau, body: { ...programme, capWan: 500 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('capWan');
    const created = await stack.call('POST', '/v1/support-programmes', { token: bureau, body: programme });
    expect(created.status).toBe(201);
    programmeId = created.body.id;
    expect(created.body).toMatchObject({ committedWan: 0, paidWan: 0 });
  });

  it('list every platform against the rule with the reason, and the capped amount', async () => {
    const res = await stack.call('GET', `/v1/support-programmes/${programmeId}/eligibility`, { token: bureau });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((r: { platformId: string }) => [r.platformId, r]));
    // Level 2 earns 50 by tier, within the cap of 60.
    expect(byId.get(ids.a)).toMatchObject({ eligible: true, level: 2, amountWan: 50 });
    const unreported = byId.get(ids.unreported) as { eligible: boolean; checks: { rule: string; met: boolean; text: string }[] };
    expect(unreported.eligible).toBe(false);
    expect(unreported.checks.find((c) => c.rule === 'reported')).toMatchObject({ met: false });
    expect(res.body.items[0].eligible).toBe(true);
  });

  it('take applications from the platform itself and nominations from the bureau, only when eligible', async () => {
    expect((await stack.call('POST', `/v1/support-programmes/${programmeId}/grants`, { token: tokens.a, body: { platformId: ids.b } })).status).toBe(403);
    const refused = await stack.call('POST', `/v1/support-programmes/${programmeId}/grants`, { token: tokens.unreported, body: { platformId: ids.unreported } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/未申报 2025 年度指标/);
    const applied = await stack.call('POST', `/v1/support-programmes/${programmeId}/grants`, { token: tokens.a, body: { platformId: ids.a, note: '2025年新入选省级重点平台' } });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ via: 'application', status: 'proposed', eligibleWan: 50 });
    grants.a = applied.body.id;
    expect((await stack.call('POST', `/v1/support-programmes/${programmeId}/grants`, { token: tokens.a, body: { platformId: ids.a } })).status).toBe(409);
    for (const k of ['b', 'c']) {
      const n = await stack.call('POST', `/v1/support-programmes/${programmeId}/grants`, { token: bureau, body: { platformId: ids[k as 'b'] } });
      expect(n.body.via).toBe('nomination');
      grants[k] = n.body.id;
    }
  });

  it('approve within the budget: two approvals racing for the last of it, one wins and nothing is over-committed', async () => {
    expect((await stack.call('POST', `/v1/grants/${grants.a}/approve`, { token: bureau, body: { amountWan: 55 } })).status).toBe(400);
    expect((await stack.call('POST', `/v1/grants/${grants.a}/approve`, { token: bureau, body: {} })).body).toMatchObject({ status: 'approved', approvedWan: 50 });
    expect((await stack.call('POST', `/v1/grants/${grants.a}/approve`, { token: bureau, body: {} })).status).toBe(409);
    // 70 left; b and c ask 50 each at the same moment.
    const [rb, rc] = await Promise.all(['b', 'c'].map((k) => stack.call('POST', `/v1/grants/${grants[k]}/approve`, { token: bureau, body: {} })));
    expect([rb!.status, rc!.status].sort()).toEqual([200, 409]);
    const loser = rb!.status === 409 ? rb! : rc!;
    expect(loser.body.error.message).toMatch(/超出项目预算：剩余 20 万元/);
    const l = await stack.call('GET', `/v1/support-programmes/${programmeId}/ledger`, { token: bureau });
    expect(l.body.programme.committedWan).toBe(100);
    expect(l.body.grants.filter((g: { status: string }) => g.status === 'approved')).toHaveLength(2);
    expect(l.body.grants.filter((g: { status: string }) => g.status === 'proposed')).toHaveLength(1);
    // The loser can still be approved for what is left, or rejected — with a note only.
    const loserId = rb!.status === 409 ? grants.b! : grants.c!;
    expect((await stack.call('POST', `/v1/grants/${loserId}/reject`, { token: bureau, body: {} })).status).toBe(400);
    expect((await stack.call('POST', `/v1/grants/${loserId}/approve`, { token: bureau, body: { amountWan: 20, note: '预算余额' } })).body).toMatchObject({ status: 'approved', approvedWan: 20 });
  });

  it('pay within the approval and keep a ledger, exported as xlsx, every step audited', async () => {
    const over = await stack.call('POST', `/v1/grants/${grants.a}/payments`, { token: bureau, body: { paidOn: '2026-11-30', amountWan: 60, voucherNo: 'QD-2026-0001' } });
    expect(over.status).toBe(400);
    expect(over.body.error.details[0].path).toBe('amountWan');
    expect((await stack.call('POST', `/v1/grants/${grants.a}/payments`, { token: bureau, body: { paidOn: '2026-11-30', amountWan: 30, voucherNo: 'QD-2026-0001' } })).body).toMatchObject({ status: 'approved', paidWan: 30 });
    expect((await stack.call('POST', `/v1/grants/${grants.a}/payments`, { token: bureau, body: { paidOn: '2026-12-01', amountWan: 20, voucherNo: 'QD-2026-0002' } })).body).toMatchObject({ status: 'paid', paidWan: 50 });
    expect((await stack.call('POST', `/v1/grants/${grants.a}/payments`, { token: bureau, body: { paidOn: '2026-12-01', amountWan: 1, voucherNo: 'QD-2026-0003' } })).status).toBe(409);

    const l = await stack.call('GET', `/v1/support-programmes/${programmeId}/ledger`, { token: bureau });
    expect(l.body.programme).toMatchObject({ committedWan: 120, paidWan: 50 });
    const x = await stack.app.request(`/v1/support-programmes/${programmeId}/ledger?format=xlsx`, { headers: { authorization: `Bearer ${bureau}` } });
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
    const cells = await xlsxCells(x);
    expect(cells).toContain('QD-2026-0002');
    expect(cells).toContain('奖补平台a');

    // The platform sees its own grants; another platform sees nothing of them.
    expect((await stack.call('GET', `/v1/platforms/${ids.a}/grants`, { token: tokens.a })).body.items[0]).toMatchObject({ status: 'paid', paidWan: 50 });
    expect((await stack.call('GET', `/v1/platforms/${ids.a}/grants`, { token: tokens.b })).status).toBe(404);
    const audit = await stack.call('GET', `/v1/audit?month=${new Date().toISOString().slice(0, 7)}&limit=100`, { token: bureau });
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'support.payment_recorded')).toHaveLength(2);
    expect(actions.filter((a: string) => a === 'support.grant_approved')).toHaveLength(3);
  });
});
