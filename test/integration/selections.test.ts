import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, specializedL2Report } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// 第七条/第十一条: what the province and MIIT decided about the platforms the city recommended — shown
// in the public 名录 (selections only), counted per year on the bureau's overview, every record audited.

let stack: TestStack;
let bureau: string;
let a: string;
let b: string;
let ownA: string;
let ownB: string;

const decision = (result: string, extra: Record<string, unknown> = {}) => ({ result, documentNo: '鲁工信字〔2026〕12号', decidedOn: '2026-09-30', ...extra });

beforeAll(async () => {
  stack = await startTestStack();
  bureau = await stack.token('bureau');
  a = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('海纳工业互联网平台') })).body.id;
  b = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('卡奥斯协同平台') })).body.id;
  ownA = await stack.token('platform', a);
  ownB = await stack.token('platform', b);
  for (const [id, token] of [[a, ownA], [b, ownB]] as const) {
    await stack.call('PUT', `/v1/platforms/${id}/indicators/2025`, { token, body: specializedL2Report() });
  }
  await eventually(async () => (await stack.call('GET', '/v1/directory')).body.items?.length === 2);
});
afterAll(() => stack?.stop());

describe('upstream outcomes (省级/国家级遴选结果)', () => {
  it('are recorded by the bureau only, with a result the deciding body can give', async () => {
    expect((await stack.call('PUT', `/v1/platforms/${a}/selections/2026/province`, { token: ownA, body: decision('key_platform') })).status).toBe(403);
    const wrongKind = await stack.call('PUT', `/v1/platforms/${a}/selections/2026/province`, { token: bureau, body: decision('cross_industry') });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details[0].path).toBe('result');
    expect(wrongKind.body.error.message + JSON.stringify(wrongKind.body.error.details)).toMatch(/省级/);
    expect((await stack.call('PUT', `/v1/platforms/${a}/selections/2031/province`, { token: bureau, body: decision('key_platform') })).status).toBe(400);
    expect((await stack.call('PUT', `/v1/platforms/${a}/selections/2026/city`, { token: bureau, body: decision('key_platform') })).status).toBe(400);
    expect((await stack.call('PUT', `/v1/platforms/${a}/selections/2026/province`, { token: bureau, body: decision('key_platform', { decidedOn: '2099-01-01' }) })).status).toBe(400);
    expect((await stack.call('PUT', `/v1/platforms/plt_nope/selections/2026/province`, { token: bureau, body: decision('key_platform') })).status).toBe(404);
    // Nothing of the refused calls was written.
    expect((await stack.call('GET', `/v1/selections`, { token: bureau })).body.items).toEqual([]);

    const ok = await stack.call('PUT', `/v1/platforms/${a}/selections/2026/province`, { token: bureau, body: decision('key_platform') });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ platformId: a, platformName: '海纳工业互联网平台', year: 2026, body: 'province', title: '2026 省级重点平台 / 2026 provincial key platform' });
    expect((await stack.call('PUT', `/v1/platforms/${a}/selections/2026/nation`, { token: bureau, body: decision('cross_industry', { documentNo: '工信厅信发〔2026〕88号' }) })).status).toBe(200);
    expect((await stack.call('PUT', `/v1/platforms/${b}/selections/2026/province`, { token: bureau, body: decision('not_selected') })).status).toBe(200);
  });

  it('show in the public 名录 and portrait as selections only; a 未入选 stays with the bureau and the platform', async () => {
    const rows = (await stack.call('GET', '/v1/directory')).body.items as { id: string; selections: string[] }[];
    const titles = rows.find((r) => r.id === a)!.selections;
    expect(titles).toHaveLength(2);
    expect(titles).toEqual(expect.arrayContaining(['2026 省级重点平台 / 2026 provincial key platform', '2026 国家级双跨平台 / 2026 national cross-industry platform']));
    expect(rows.find((r) => r.id === b)!.selections).toEqual([]);
    expect((await stack.call('GET', `/v1/platforms/${b}/selections`)).body.items).toEqual([]);
    expect((await stack.call('GET', `/v1/platforms/${b}/selections`, { token: ownA })).body.items).toEqual([]);
    expect((await stack.call('GET', `/v1/platforms/${b}/selections`, { token: ownB })).body.items.map((x: { result: string }) => x.result)).toEqual(['not_selected']);
    expect((await stack.call('GET', `/v1/platforms/${b}/selections`, { token: bureau })).body.items).toHaveLength(1);
  });

  it('count recommended vs selected per year on the overview, and every record is audited', async () => {
    // A corrected document number replaces the record instead of adding one.
    await stack.call('PUT', `/v1/platforms/${a}/selections/2026/province`, { token: bureau, body: decision('key_platform', { documentNo: '鲁工信字〔2026〕13号' }) });
    await stack.call('PUT', `/v1/platforms/${b}/selections/2025/province`, { token: bureau, body: decision('key_platform', { decidedOn: '2025-10-10' }) });
    const o = await stack.call('GET', '/v1/stats/overview', { token: bureau });
    expect(o.status).toBe(200);
    expect(o.body.selections).toEqual([
      { year: 2026, recommended: 2, provincial: 1, national: 1, notSelected: 1 },
      { year: 2025, recommended: 1, provincial: 1, national: 0, notSelected: 0 },
    ]);
    const y = await stack.call('GET', '/v1/selections?year=2026', { token: bureau });
    expect(y.body.items).toHaveLength(3);
    expect(y.body.items.find((x: { platformId: string; body: string }) => x.platformId === a && x.body === 'province').documentNo).toBe('鲁工信字〔2026〕13号');
    expect((await stack.call('GET', '/v1/selections', { token: ownA })).status).toBe(403);
    const audit = await stack.call('GET', `/v1/audit?month=${new Date().toISOString().slice(0, 7)}`, { token: bureau });
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'selection.recorded')).toHaveLength(5);
  });
});
