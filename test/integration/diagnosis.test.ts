import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeFor, platformBody, specializedL2Report } from '../support/fixtures';
import { signIn, switchTo } from '../support/sign-in';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// 第十四条: a commissioned on-site diagnosis, its report attached to the platform and shown beside
// the platform's bottlenecks to the platform itself and the bureau, and to nobody else.

let stack: TestStack;
let bureau: string;
let platformId: string;
let own: string;
let other: string;

const report = {
  visitedOn: '2026-11-20',
  summary: '设备接入能力较强，但开发者生态薄弱，机理模型沉淀不足。',
  findings: [
    { dimension: 'technology', finding: '机理模型数量少，复用率低', severity: 'high' },
    { dimension: 'enablement', finding: '服务企业集中于单一行业', severity: 'medium' },
  ],
  recommendations: ['建设机理模型库', '拓展汽车零部件行业客户'],
};

beforeAll(async () => {
  stack = await startTestStack();
  bureau = await stack.token('bureau');
  platformId = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('诊断对象平台') })).body.id;
  const otherId = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('其他平台') })).body.id;
  own = await stack.token('platform', platformId);
  other = await stack.token('platform', otherId);
  await stack.call('PUT', `/v1/platforms/${platformId}/indicators/2025`, { token: own, body: specializedL2Report({ specific: { mechanismModels: 10 } }) });
  await eventually(async () => (await stack.call('GET', `/v1/platforms/${platformId}/assessment`)).status === 200);
});
afterAll(() => stack?.stop());

describe('on-site diagnosis (第十四条)', () => {
  it('is commissioned by the bureau, reported once, and shown beside the bottlenecks', async () => {
    const body = { institution: { name: '青岛某工业互联网研究院', creditCode: '91350100M000100Y43' }, scope: '平台技术能力与赋能成效' };
    expect((await stack.call('POST', `/v1/platforms/${platformId}/diagnoses`, { token: own, body })).status).toBe(403);
    const d = await stack.call('POST', `/v1/platforms/${platformId}/diagnoses`, { token: bureau, body });
    expect(d.status).toBe(201);
    expect(d.body.status).toBe('commissioned');

    const bad = await stack.call('PUT', `/v1/diagnoses/${d.body.id}/report`, { token: bureau, body: { ...report, findings: [{ dimension: 'mood', finding: 'x', severity: 'high' }] } });
    expect(bad.status).toBe(400);
    const ok = await stack.call('PUT', `/v1/diagnoses/${d.body.id}/report`, { token: bureau, body: report });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('reported');
    expect((await stack.call('PUT', `/v1/diagnoses/${d.body.id}/report`, { token: bureau, body: report })).status).toBe(409);

    for (const token of [own, bureau]) {
      const view = await stack.call('GET', `/v1/platforms/${platformId}/diagnoses`, { token });
      expect(view.status).toBe(200);
      expect(view.body.items[0].report.findings[0]).toMatchObject({ dimension: 'technology', severity: 'high' });
      // The platform falls short of level 3; its gaps are the bottlenecks shown beside the report.
      expect(view.body.gapsToNextLevel.length).toBeGreaterThan(0);
      expect(view.body.gapsToNextLevel.map((g: { indicator: string }) => g.indicator)).toContain('mechanismModels');
    }
    expect((await stack.call('GET', `/v1/platforms/${platformId}/diagnoses`, { token: other })).status).toBe(404);
    expect((await stack.call('GET', `/v1/platforms/${platformId}/diagnoses`, { token: await stack.token('expert', undefined, { sub: 'exp_x' }) })).status).toBe(404);
  });

  it('third-party institutions: the bureau registers one, its people file the reports assigned to it and see nothing else', async () => {
    const code = creditCodeFor(606);
    const inst = await stack.call('POST', '/v1/organisations', { token: bureau, body: { kind: 'institution', name: '青岛智造诊断服务中心', creditCode: code } });
    expect(inst.status).toBe(201);
    expect(inst.body.id).toBe(`ins_${code}`);
    expect((await stack.call('POST', '/v1/organisations', { token: own, body: { kind: 'institution', name: '冒充机构', creditCode: creditCodeFor(607) } })).status).toBe(403);
    const theirs = await stack.call('POST', `/v1/platforms/${platformId}/diagnoses`, { token: bureau, body: { institution: { name: '青岛智造诊断服务中心', creditCode: code }, scope: '数据与安全' } });
    const otherId = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('别家诊断平台') })).body.id;
    const notTheirs = await stack.call('POST', `/v1/platforms/${otherId}/diagnoses`, { token: bureau, body: { institution: { name: '另一机构', creditCode: creditCodeFor(608) }, scope: '全面诊断' } });

    // A person of the institution, invited by the bureau, signs in and acts for it.
    const inv = await stack.call('POST', `/v1/organisations/${inst.body.id}/invitations`, { token: bureau, body: { contact: 'zhenduan@inst.example.cn', role: 'admin' } });
    const person = await signIn(stack, 'zhenduan@inst.example.cn');
    expect((await stack.call('POST', `/v1/invitations/${inv.body.id}/accept`, { token: person.access_token })).status).toBe(200);
    const token = (await switchTo(stack, person.access_token, inst.body.id)).access_token;

    expect((await stack.call('GET', '/v1/diagnoses', { token })).body.items.map((d: { id: string }) => d.id)).toEqual([theirs.body.id]);
    // Its inbox has the assignment (and not the other institution's).
    const inbox = (await stack.call('GET', '/v1/notifications', { token })).body.items as { event: string; ref: string; body: { zh: string } }[];
    expect(inbox.map((n) => [n.event, n.ref])).toEqual([['diagnosis.commissioned', `diagnoses/${theirs.body.id}`]]);
    expect(inbox[0]!.body.zh).toContain('数据与安全');
    expect((await stack.call('PUT', `/v1/diagnoses/${notTheirs.body.id}/report`, { token, body: report })).status).toBe(404);
    expect((await stack.call('GET', `/v1/platforms/${otherId}/diagnoses`, { token })).status).toBe(404);
    const mine = await stack.call('GET', `/v1/platforms/${platformId}/diagnoses`, { token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((d: { id: string }) => d.id)).toEqual([theirs.body.id]);
    expect(mine.body.gapsToNextLevel.length).toBeGreaterThan(0);
    const filed = await stack.call('PUT', `/v1/diagnoses/${theirs.body.id}/report`, { token, body: report });
    expect(filed.status).toBe(200);
    expect(filed.body.status).toBe('reported');
    // The platform is told, and sees the institution's findings beside its gaps.
    const told = (await stack.call('GET', '/v1/notifications', { token: own })).body.items as { event: string; ref: string; body: { zh: string } }[];
    const fromThem = told.filter((n) => n.event === 'diagnosis.reported' && n.body.zh.startsWith('青岛智造诊断服务中心'));
    expect(fromThem.map((n) => n.ref)).toEqual([`platforms/${platformId}/diagnoses`]);
    const seen = await stack.call('GET', `/v1/platforms/${platformId}/diagnoses`, { token: own });
    expect(seen.body.items.find((d: { id: string }) => d.id === theirs.body.id).report.findings).toHaveLength(2);
    for (const [method, path] of [['GET', '/v1/scenarios'], ['GET', '/v1/leads'], ['GET', `/v1/platforms/${platformId}/portrait`], ['GET', '/v1/stats/overview'], ['GET', '/v1/audit']] as const)
      expect([403, 404], `${method} ${path}`).toContain((await stack.call(method, path, { token })).status);
  });
});
