import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// The text carries the need: a scenario with nothing ticked, or with ticks that contradict its
// words, still reaches the platform that solves it — through the API, DynamoDB and the queues.
let stack: TestStack;
let bureau: string;
let mfr: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack({ env: { MATCH_MIN_SCORE: '1e9' } });
  bureau = await stack.token('bureau');
  mfr = await stack.token('manufacturer', 'ent_need');
  const platforms: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      '能碳云',
      { industries: [], domains: ['energy'], technologies: ['iot'], description: '跨行业能耗在线监测与能效优化' },
      { title: '分项计量与能耗分析', description: '电、水、气分项计量，识别高耗能设备与空转浪费，峰谷电价优化，降低能源成本', industries: [], domains: ['energy'], technologies: ['iot'] },
    ],
    [
      '慧眼质检',
      { industries: ['C29', 'C33'], domains: ['quality'], technologies: ['ai'], description: '机器视觉外观缺陷检测' },
      { title: '表面缺陷视觉检测', description: '工业相机识别划痕、缺料、飞边，替代人工目检，检测结果可追溯', industries: ['C29'], domains: ['quality'], technologies: ['ai'] },
    ],
    [
      '排程通',
      { industries: ['C29', 'C34'], domains: ['production'], technologies: [], description: '注塑与机加工厂的生产排程' },
      { title: '智能排产', description: '订单自动排程，插单影响即时评估，交期预测', industries: ['C29'], domains: ['production'], technologies: [] },
    ],
  ];
  for (const [name, p, sol] of platforms) {
    const res = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(name, p) });
    expect(res.status).toBe(201);
    expect(res.body.industries).toEqual(p.industries);
    ids[name] = res.body.id;
    expect((await stack.call('POST', `/v1/platforms/${res.body.id}/solutions`, { token: bureau, body: sol })).status).toBe(201);
  }
});
afterAll(async () => {
  await stack?.stop();
});

async function rankedFor(body: Record<string, unknown>) {
  const created = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody(body) });
  expect(created.status).toBe(201);
  expect((await stack.call('POST', `/v1/scenarios/${created.body.id}/publish`, { token: mfr })).status).toBe(202);
  return eventually(async () => {
    const m = await stack.call('GET', `/v1/scenarios/${created.body.id}/matches`, { token: mfr });
    return m.body.status === 'matched' ? (m.body.items as { platformId: string; reasons: { factor: string; text: string }[] }[]) : undefined;
  });
}

describe('matching reads the need from the text', () => {
  it('accepts a scenario with nothing ticked and ranks by its words, saying what it inferred', async () => {
    const items = await rankedFor({
      title: '电费越来越高',
      description: '厂里一个月电费四十多万，不知道哪几台设备最费电，晚上空压机也一直开着。',
      domains: [],
      technologies: [],
    });
    expect(items[0]!.platformId).toBe(ids['能碳云']);
    expect(items[0]!.reasons.find((r) => r.factor === 'domain')!.text).toContain('根据描述推断：能耗监测');
    expect(items[0]!.reasons.find((r) => r.factor === 'industry')!.text).toContain('跨行业平台');
  });

  it('lets the text win where the ticks contradict it', async () => {
    const items = await rankedFor({
      title: '注塑件外观不良',
      description: '注塑件表面划痕和飞边靠人眼挑，漏检多，客户投诉不断。',
      domains: ['production'],
      technologies: [],
    });
    expect(items[0]!.platformId).toBe(ids['慧眼质检']);
  });

  it('lists a cross-industry platform in the directory under any industry', async () => {
    const year = new Date().getUTCFullYear() - 1;
    for (const name of ['能碳云', '慧眼质检']) {
      const token = await stack.token('platform', ids[name]);
      expect((await stack.call('PUT', `/v1/platforms/${ids[name]}/indicators/${year}`, { token, body: specializedL2Report() })).status).toBe(202);
    }
    const listed = (industry: string) =>
      eventually(async () => {
        const res = await stack.call('GET', `/v1/directory?industry=${industry}`);
        const found = (res.body.items as { id: string; industries: string[] }[]).map((r) => r.id);
        return found.includes(ids['能碳云']!) ? found : undefined;
      });
    // The beverage maker sees the cross-industry platform, not the plastics-only one.
    const c15 = await listed('C15');
    expect(c15).not.toContain(ids['慧眼质检']);
    await eventually(async () => ((await listed('C29')).includes(ids['慧眼质检']!) ? true : undefined));
  });
});
