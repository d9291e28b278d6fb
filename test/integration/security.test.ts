import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { TEST_SECRET, eventually, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let t: Record<'bureau' | 'pA' | 'pB' | 'mA' | 'mB' | 'ex', string>;
let platformA: string;
let platformB: string;
let scenarioA: string;
let leadOfA: string;
const logs: string[] = [];

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout);
  // Capture what the service logs so the test can look for secrets in it.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logs.push(String(chunk));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.env.LOG_LEVEL = 'INFO';
  stack = await startTestStack({ env: { LOG_REQUESTS: 'true', RATE_LIMIT_PER_MINUTE: '1000' } });
  process.env.LOG_LEVEL = 'SILENT';
  const bureau = await stack.token('bureau');
  platformA = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('甲平台') })).body.id;
  platformB = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('乙平台') })).body.id;
  t = {
    bureau,
    pA: await stack.token('platform', platformA),
    pB: await stack.token('platform', platformB),
    mA: await stack.token('manufacturer', 'ent_a'),
    mB: await stack.token('manufacturer', 'ent_b'),
    ex: await stack.token('expert', undefined, { sub: 'exp_outsider' }),
  };
  scenarioA = (await stack.call('POST', '/v1/scenarios', { token: t.mA, body: scenarioBody() })).body.id;
  await stack.call('POST', `/v1/scenarios/${scenarioA}/publish`, { token: t.mA });
  leadOfA = await eventually(async () => {
    const items = (await stack.call('GET', '/v1/leads', { token: t.pA })).body.items;
    return items[0]?.id as string | undefined;
  });
});
afterAll(() => stack?.stop());

describe('tenant isolation: each role against someone else’s resource', () => {
  const cases = () =>
    [
      // [who, method, path, body, expected status]
      ['pB', 'PATCH', `/v1/platforms/${platformA}`, { region: '城阳区' }, 404],
      ['pB', 'POST', `/v1/platforms/${platformA}/solutions`, { title: 't', description: 'd', industries: [], domains: ['quality'], technologies: [] }, 404],
      ['pB', 'PUT', `/v1/platforms/${platformA}/indicators/2024`, specializedL2Report(), 404],
      ['pB', 'GET', `/v1/platforms/${platformA}/indicators`, undefined, 404],
      ['pB', 'GET', `/v1/platforms/${platformA}/webhook-secret`, undefined, 404],
      ['pB', 'POST', `/v1/leads/${leadOfA}/accept`, undefined, 404],
      ['pB', 'POST', `/v1/leads/${leadOfA}/decline`, { reason: 'x' }, 404],
      ['mB', 'GET', `/v1/scenarios/${scenarioA}`, undefined, 404],
      ['mB', 'GET', `/v1/scenarios/${scenarioA}/matches`, undefined, 404],
      ['mB', 'POST', `/v1/scenarios/${scenarioA}/publish`, undefined, 404],
      ['mB', 'POST', `/v1/scenarios/${scenarioA}/close`, undefined, 404],
      ['mB', 'POST', `/v1/scenarios/${scenarioA}/withdraw`, undefined, 404],
      ['mA', 'GET', '/v1/leads', undefined, 403],
      ['mA', 'POST', '/v1/platforms', platformBody('x'), 403],
      ['mA', 'PATCH', `/v1/platforms/${platformA}`, { region: '城阳区' }, 404],
      ['pA', 'POST', '/v1/scenarios', scenarioBody(), 403],
      ['pA', 'GET', `/v1/scenarios/${scenarioA}/matches`, undefined, 403],
      ['pA', 'POST', '/v1/roadshows', { title: 't', date: '2026-12-01', maxScenarios: 1, platformsPerScenario: 1, maxSlotsPerPlatform: 1 }, 403],
      ['pA', 'PUT', '/v1/rule-sets/x-1', {}, 403],
      ['pA', 'GET', '/v1/stats/overview', undefined, 403],
      ['mA', 'GET', '/v1/roadshows', undefined, 403],
      ['pA', 'POST', '/v1/scenarios/batches', { batch: 'b', scenarioIds: [scenarioA] }, 403],
      // Platforms are public (the directory), so a portrait refusal may say 403.
      ['pB', 'GET', `/v1/platforms/${platformA}/portrait`, undefined, 403],
      // An expert sees assigned applications only: nothing of the matching side, no bureau lists.
      ['ex', 'GET', '/v1/leads', undefined, 403],
      ['ex', 'GET', '/v1/scenarios', undefined, 403],
      ['ex', 'GET', `/v1/scenarios/${scenarioA}`, undefined, 404],
      ['ex', 'POST', '/v1/platforms', platformBody('x'), 403],
      ['ex', 'PUT', `/v1/platforms/${platformA}/indicators/2024`, specializedL2Report(), 403],
      ['ex', 'GET', `/v1/platforms/${platformA}/portrait`, undefined, 403],
      ['ex', 'GET', '/v1/stats/overview', undefined, 403],
      ['ex', 'GET', '/v1/experts', undefined, 403],
      ['ex', 'POST', '/v1/experts', { name: 'x' }, 403],
    ] as const;

  it('answers 404 (hiding existence) or 403 (role) and changes nothing', async () => {
    for (const [who, method, path, body, status] of cases()) {
      const res = await stack.call(method, path, { token: t[who], body });
      expect(res.status, `${who} ${method} ${path}`).toBe(status);
    }
    // Nothing moved: the lead is still pending, the scenario still matched, A unchanged.
    expect((await stack.call('GET', '/v1/leads', { token: t.pA })).body.items[0].status).toBe('pending');
    expect((await stack.call('GET', `/v1/scenarios/${scenarioA}`, { token: t.mA })).body.status).toBe('matched');
    expect((await stack.call('GET', `/v1/platforms/${platformA}`)).body.region).toBe('崂山区');
  });

  it('lists scenarios by role: own for a manufacturer, open ones for platforms, all for the bureau', async () => {
    const draft = (await stack.call('POST', '/v1/scenarios', { token: t.mA, body: scenarioBody({ title: '草稿场景' }) })).body.id;
    const ids = async (token: string, q = '') => (await stack.call('GET', `/v1/scenarios${q}`, { token })).body.items.map((s: { id: string }) => s.id);
    expect(await ids(t.mA)).toEqual(expect.arrayContaining([scenarioA, draft]));
    expect(await ids(t.mB)).toEqual([]);
    expect(await ids(t.pB)).toContain(scenarioA);
    expect(await ids(t.pB)).not.toContain(draft);
    expect(await ids(t.pB, '?status=draft')).toEqual([]);
    expect((await stack.call('GET', `/v1/scenarios/${draft}`, { token: t.pB })).status).toBe(404);
    expect(await ids(t.bureau)).toEqual(expect.arrayContaining([scenarioA, draft]));
    expect(await ids(t.bureau, '?status=draft')).toEqual([draft]);
  });

  it('does not show a platform’s webhook address to the public', async () => {
    await stack.call('PATCH', `/v1/platforms/${platformA}`, { token: t.pA, body: { webhookUrl: 'https://crm.example/hook' } });
    expect((await stack.call('GET', `/v1/platforms/${platformA}`)).body.webhookUrl).toBeUndefined();
    expect((await stack.call('GET', `/v1/platforms/${platformA}`, { token: t.pB })).body.webhookUrl).toBeUndefined();
    expect((await stack.call('GET', `/v1/platforms/${platformA}`, { token: t.pA })).body.webhookUrl).toBe('https://crm.example/hook');
  });
});

describe('rate limiting and logs', () => {
  it('limits writes per token with 429 RATE_LIMITED and leaves other tokens alone', async () => {
    const limited = await startTestStack({ pollers: false, env: { RATE_LIMIT_PER_MINUTE: '5' } });
    try {
      const mfr = await limited.token('manufacturer', 'ent_rl');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await limited.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody() })).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
      const other = await limited.token('manufacturer', 'ent_other');
      expect((await limited.call('POST', '/v1/scenarios', { token: other, body: scenarioBody() })).status).toBe(201);
      const limitedRes = await limited.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody() });
      expect(limitedRes.body.error.code).toBe('RATE_LIMITED');
      expect(Number(limitedRes.headers.get('retry-after'))).toBeGreaterThan(0);
      // Reads are not limited.
      expect((await limited.call('GET', '/v1/scenarios', { token: mfr })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });

  it('outside local stages refuses webhook addresses inside the network (SSRF)', async () => {
    const prod = await startTestStack({ pollers: false, env: { STAGE: 'prod' } });
    try {
      const bureau = await prod.token('bureau');
      const res = await prod.call('POST', '/v1/platforms', { token: bureau, body: platformBody('内网回调平台', { webhookUrl: 'http://169.254.169.254/latest' }) });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('webhookUrl');
      const ok = await prod.call('POST', '/v1/platforms', { token: bureau, body: platformBody('公网回调平台', { webhookUrl: 'https://crm.example.com/hook' }) });
      expect(ok.status).toBe(201);
      const patch = await prod.call('PATCH', `/v1/platforms/${ok.body.id}`, { token: bureau, body: { webhookUrl: 'https://10.1.2.3/x' } });
      expect(patch.status).toBe(400);
      expect((await prod.call('POST', '/dev/token', { body: { role: 'bureau' } })).status).toBe(404);
    } finally {
      await prod.stop();
    }
  });

  it('never writes tokens or the signing secret to the logs', async () => {
    const text = logs.join('');
    expect(text).toContain('"message":"request"');
    for (const token of Object.values(t)) expect(text).not.toContain(token);
    expect(text).not.toContain(TEST_SECRET);
  });
});
