import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS, INDUSTRIES, TECHNOLOGIES } from '#core/taxonomy';
import { platformBody, scenarioBody } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

const PLATFORMS = Number(process.env.SOAK_PLATFORMS ?? 2000);
const SCENARIOS = Number(process.env.SOAK_SCENARIOS ?? 20000);
const BURST = Number(process.env.SOAK_BURST ?? 1000);

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { RATE_LIMIT_PER_MINUTE: '100000000', MATCH_MIN_SCORE: '0.35' } });
});
afterAll(() => stack?.stop());

/** Runs `fn` over 0..n-1 with at most `width` calls in flight. */
async function pool(n: number, width: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await fn(next++);
  }));
}

const PAINS = ['设备经常突发停机，维修靠经验', '电费太高，想知道哪里在浪费能源', '质检靠人工目检，漏检多', '订单插单频繁，排产全靠Excel', '仓库库存不准，找料困难', '产品出了问题追溯不到批次'];

describe('load: a year of a city’s data, then a burst of publishes', () => {
  it(`matches every one of ${BURST} published scenarios among ${SCENARIOS} with ${PLATFORMS} platforms, each lead once, nothing in a DLQ`, async () => {
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const bureau = await stack.token('bureau');
    const t0 = Date.now();
    await pool(PLATFORMS, 16, async (i) => {
      const d = DOMAINS[i % DOMAINS.length]!.code;
      const body = platformBody(`负载平台${i}`, {
        industries: [INDUSTRIES[i % INDUSTRIES.length]!.code],
        domains: [d],
        technologies: [TECHNOLOGIES[i % TECHNOLOGIES.length]!.code],
        description: `${DOMAINS[i % DOMAINS.length]!.zh}解决方案提供商，服务${INDUSTRIES[i % INDUSTRIES.length]!.zh}`,
      });
      const p = await stack.call('POST', '/v1/platforms', { token: bureau, body });
      expect(p.status).toBe(201);
      await stack.call('POST', `/v1/platforms/${p.body.id}/solutions`, {
        token: bureau,
        body: { title: `${DOMAINS[i % DOMAINS.length]!.zh}方案${i}`, description: PAINS[i % PAINS.length]!.replace('，', '：解决') , industries: [], domains: [d], technologies: [] },
      });
    });
    const tPlatforms = Date.now() - t0;
    const ids: string[] = [];
    const mfrs = await Promise.all(Array.from({ length: 50 }, (_, i) => stack.token('manufacturer', `ent_load_${i}`)));
    await pool(SCENARIOS, 16, async (i) => {
      const sc = await stack.call('POST', '/v1/scenarios', {
        token: mfrs[i % mfrs.length],
        body: scenarioBody({ title: `负载场景${i}`, description: `${PAINS[i % PAINS.length]}，第${i}号需求。`, industry: INDUSTRIES[i % INDUSTRIES.length]!.code, domains: [DOMAINS[i % DOMAINS.length]!.code] }),
      });
      expect(sc.status).toBe(201);
      ids[i] = sc.body.id;
    });
    const tScenarios = Date.now() - t0 - tPlatforms;
    await eventually(async () => {
      await Promise.all([...stack.pollers.values()].map((p) => p.idle()));
      return true;
    }, 600_000);

    const burst = ids.slice(0, BURST);
    const tBurst = Date.now();
    await pool(burst.length, 32, async (i) => {
      const idx = burst[i]!;
      const owner = mfrs[ids.indexOf(idx) % mfrs.length];
      expect((await stack.call('POST', `/v1/scenarios/${idx}/publish`, { token: owner })).status).toBe(202);
    });
    await eventually(async () => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const r: { body: { items: unknown[]; cursor: string | null } } = await stack.call('GET', `/v1/scenarios?status=matched&limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: bureau });
        n += r.body.items.length;
        cursor = r.body.cursor;
      } while (cursor);
      return n === BURST;
    }, 1_200_000, 2000);
    const tMatched = Date.now() - tBurst;
    const matches = await Promise.all(burst.map((id) => stack.call('GET', `/v1/scenarios/${id}/matches`, { token: bureau })));
    const expected = matches.reduce((n, m) => n + m.body.selected.length, 0);
    const countLeads = async () => {
      let n = 0;
      let cursor: string | null = null;
      const seen = new Set<string>();
      do {
        const r: { body: { items: { id: string }[]; cursor: string | null } } = await stack.call('GET', `/v1/leads?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: bureau });
        for (const l of r.body.items) seen.add(l.id);
        n += r.body.items.length;
        cursor = r.body.cursor;
      } while (cursor);
      return { n, unique: seen.size };
    };
    await eventually(async () => (await countLeads()).n >= expected, 1_200_000, 2000);
    const tLeads = Date.now() - tBurst;
    await Promise.all([...stack.pollers.values()].map((p) => p.idle()));
    const leads = await countLeads();
    expect(leads).toEqual({ n: expected, unique: expected });
    for (const url of Object.values(stack.queueUrls.dlq)) {
      const a = await stack.deps.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
      expect(Number(a.Attributes?.ApproximateNumberOfMessages) + Number(a.Attributes?.ApproximateNumberOfMessagesNotVisible), url).toBe(0);
    }
    clearInterval(sampler);
    const line = {
      platforms: PLATFORMS, scenarios: SCENARIOS, burst: BURST, leads: expected,
      seedPlatformsS: +(tPlatforms / 1000).toFixed(1), seedScenariosS: +(tScenarios / 1000).toFixed(1),
      burstAllMatchedS: +(tMatched / 1000).toFixed(1), burstAllLeadsS: +(tLeads / 1000).toFixed(1),
      publishesPerS: +(BURST / (tMatched / 1000)).toFixed(1), peakRssMiB: Math.round(peakRss / 2 ** 20),
    };
    console.log(`load soak: ${JSON.stringify(line)}`);
    expect(peakRss).toBeLessThan(2 * 2 ** 30);
  });
});
