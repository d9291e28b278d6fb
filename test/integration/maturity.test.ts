import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QD_2025_1 } from '#core/maturity/qd-2025.1';
import { platformBody, specializedL2Report } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let bureau: string;
const year = new Date().getUTCFullYear() - 1;

beforeAll(async () => {
  stack = await startTestStack();
  bureau = await stack.token('bureau');
});
afterAll(() => stack?.stop());

async function newPlatform(name: string) {
  const res = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(name) });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, token: await stack.token('platform', res.body.id) };
}

const assessment = (id: string) => stack.call('GET', `/v1/platforms/${id}/assessment`);

describe('indicator reports drive the maturity assessment through the queue', () => {
  it('reporting indicators grades the platform, lists it in the directory and explains the gaps', async () => {
    const p = await newPlatform('成熟度测试平台');
    const put = await stack.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: specializedL2Report() });
    expect(put.status).toBe(202);
    expect(put.body).toMatchObject({ year, version: 1, status: 'assessing' });
    const a = await eventually(async () => {
      const r = await assessment(p.id);
      return r.status === 200 ? r.body : null;
    });
    expect(a).toMatchObject({ platformId: p.id, year, category: 'specialized', level: 2, ruleSetVersion: 'qd-2025.1' });
    expect(a.eligibility).toMatchObject({ cityDirectory: true, provincialRecommendation: true, nationalRecommendation: false });
    expect(a.gapsToNextLevel.map((g: { indicator: string }) => g.indicator)).toContain('security.mlpsLevel');
    const dir = await stack.call('GET', '/v1/directory?level=2&category=specialized');
    expect(dir.body.items.find((r: { id: string }) => r.id === p.id)).toMatchObject({ level: 2, assessedYear: year });

    // A worse report for the same year replaces the grade; both versions are kept.
    const worse = specializedL2Report({ general: { monitoringConnected: false } });
    expect((await stack.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: worse })).body.version).toBe(2);
    await eventually(async () => (await assessment(p.id)).body.level === 1);
    const history = await stack.call('GET', `/v1/platforms/${p.id}/assessments`);
    expect(history.body.items.map((h: { level: number }) => h.level)).toEqual([2, 1]);
    const years = await stack.call('GET', `/v1/platforms/${p.id}/indicators`, { token: p.token });
    expect(years.body.items).toEqual([{ year, version: 2 }]);
  });

  it('two concurrent reports leave exactly one latest version and an assessment computed from it', async () => {
    const p = await newPlatform('并发申报平台');
    const l2 = specializedL2Report();
    const l1 = specializedL2Report({ general: { monitoringConnected: false } });
    const [a, b] = await Promise.all([
      stack.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: l2 }),
      stack.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: l1 }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect([a.body.version, b.body.version].sort()).toEqual([1, 2]);
    const latestIsL2 = a.body.version === 2;
    await eventually(async () => {
      const r = await assessment(p.id);
      return r.status === 200 && r.body.level === (latestIsL2 ? 2 : 1);
    });
    const years = await stack.call('GET', `/v1/platforms/${p.id}/indicators`, { token: p.token });
    expect(years.body.items).toEqual([{ year, version: 2 }]);
  });

  it('a duplicate IndicatorsReported message changes nothing', async () => {
    const p = await newPlatform('重复消息平台');
    await stack.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: specializedL2Report() });
    const first = await eventually(async () => {
      const r = await assessment(p.id);
      return r.status === 200 ? r.body : null;
    });
    const msg = JSON.stringify({ type: 'IndicatorsReported', platformId: p.id, year, version: 1 });
    for (let i = 0; i < 3; i++) await stack.deps.sqs.send(new SendMessageCommand({ QueueUrl: stack.queueUrls.assess, MessageBody: msg }));
    await new Promise((r) => setTimeout(r, 2500));
    expect((await assessment(p.id)).body).toEqual(first);
    expect((await stack.call('GET', `/v1/platforms/${p.id}/assessments`)).body.items).toHaveLength(1);
  });

  it('bad indicator payloads are 400s that change nothing', async () => {
    const p = await newPlatform('错误申报平台');
    const good = specializedL2Report();
    const cases: [string, unknown, string][] = [
      ['negative count', specializedL2Report({ general: { teamSize: -1 } }), 'general.teamSize'],
      ['string for a number', specializedL2Report({ specific: { devices: '6000' } }), 'specific'],
      ['missing category block', { general: good.general }, 'specific'],
      ['the wrong category block', { general: good.general, specific: { devices: 1, protocols: 2, ownApps: 3, mechanismModels: 4, storesAndPartners: 5, transactionWan: 6 } }, 'specific'],
    ];
    for (const [name, body, path] of cases) {
      const res = await stack.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body });
      expect(res.status, name).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.some((d: { path: string }) => d.path.startsWith(path)), `${name}: ${JSON.stringify(res.body.error.details)}`).toBe(true);
    }
    for (const y of ['1900', String(new Date().getUTCFullYear() + 2), 'abcd']) {
      const res = await stack.call('PUT', `/v1/platforms/${p.id}/indicators/${y}`, { token: p.token, body: good });
      expect(res.status, y).toBe(400);
      expect(res.body.error.details[0].path).toBe('year');
    }
    expect((await stack.call('GET', `/v1/platforms/${p.id}/indicators`, { token: p.token })).body.items).toEqual([]);
    expect((await assessment(p.id)).status).toBe(404);
  });

  it('a new rule-set version reassesses every platform and old assessments keep their version', async () => {
    const p = await newPlatform('规则切换平台');
    await stack.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: specializedL2Report() });
    await eventually(async () => (await assessment(p.id)).body?.level === 2);
    // A stricter rule set: level 2 of specialized now needs 4 standards.
    const strict = structuredClone(QD_2025_1) as any;
    strict.version = 'qd-2026.1';
    strict.passShare = 1;
    const invalid = await stack.call('PUT', '/v1/rule-sets/qd-2026.1', { token: bureau, body: { ...strict, passShare: 2 } });
    expect(invalid.status).toBe(400);
    const res = await stack.call('PUT', '/v1/rule-sets/qd-2026.1', { token: bureau, body: strict });
    expect(res.status).toBe(202);
    const now = await eventually(async () => {
      const r = await assessment(p.id);
      return r.body.ruleSetVersion === 'qd-2026.1' ? r.body : null;
    });
    expect(now.level).toBeLessThanOrEqual(2);
    const history = (await stack.call('GET', `/v1/platforms/${p.id}/assessments`)).body.items.map((h: { ruleSetVersion: string }) => h.ruleSetVersion);
    expect(history).toEqual(['qd-2025.1', 'qd-2026.1']);
    expect((await stack.call('PUT', '/v1/rule-sets/qd-2026.1', { token: bureau, body: strict })).status).toBe(409);
  });
});
