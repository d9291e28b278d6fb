import { createServer, type Server } from 'node:http';
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '#core/webhook';
import { platformBody, scenarioBody } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let bureau: string;
let hook: Server;
let hookUrl: string;
const received: { body: string; signature: string | undefined }[] = [];
let failNext = 0;

beforeAll(async () => {
  // A platform's CRM: fails the first `failNext` deliveries, records the rest.
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end();
        return;
      }
      received.push({ body, signature: req.headers['x-signature'] as string | undefined });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
  const addr = hook.address();
  hookUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/leads`;
  stack = await startTestStack({ env: { MATCH_TOP_K: '2', MATCH_MIN_SCORE: '0.1' } });
  bureau = await stack.token('bureau');
});
afterAll(async () => {
  await stack?.stop();
  hook?.close();
});

async function platformWithSolution(name: string, p: Record<string, unknown>, solution: Record<string, unknown>) {
  const res = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(name, p) });
  expect(res.status).toBe(201);
  const sol = await stack.call('POST', `/v1/platforms/${res.body.id}/solutions`, { token: bureau, body: solution });
  expect(sol.status).toBe(201);
  return { id: res.body.id as string, token: await stack.token('platform', res.body.id), solutionId: sol.body.id as string };
}

describe('publish → embed → match → pairing → lead', () => {
  let maint: Awaited<ReturnType<typeof platformWithSolution>>;
  let energy: Awaited<ReturnType<typeof platformWithSolution>>;
  let textile: Awaited<ReturnType<typeof platformWithSolution>>;
  let scenarioId: string;
  let mfr: string;

  it('ranks platforms with reasons and delivers leads to the right inboxes with a signed webhook', async () => {
    failNext = 1; // the first webhook attempt fails and is retried
    maint = await platformWithSolution(
      '设备智维云',
      { domains: ['maintenance'], technologies: ['iot', 'ai'], industries: ['C29', 'C34'], webhookUrl: hookUrl },
      { title: '设备预测性维护', description: '采集振动、电流、温度数据，故障预警与剩余寿命预测，减少非计划停机。', industries: [], domains: ['maintenance'], technologies: ['iot', 'ai'] },
    );
    energy = await platformWithSolution(
      '能碳管家',
      { domains: ['energy'], technologies: ['iot'], industries: ['C29'], description: '能耗监测与碳管理平台' },
      { title: '能耗在线监测', description: '分项计量电、水、气，峰谷用电优化，降低电费。', industries: ['C29'], domains: ['energy'], technologies: ['iot'] },
    );
    textile = await platformWithSolution(
      '纺织云',
      { domains: ['customization'], technologies: ['big_data'], industries: ['C18'], description: '服装个性化定制平台' },
      { title: '服装大规模定制', description: '量体数据驱动版型设计与柔性排产。', industries: ['C18'], domains: ['customization'], technologies: ['big_data'] },
    );
    mfr = await stack.token('manufacturer', 'ent_pipeline');
    const sc = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody() });
    expect(sc.status).toBe(201);
    expect(sc.body.status).toBe('draft');
    scenarioId = sc.body.id;
    const pub = await stack.call('POST', `/v1/scenarios/${scenarioId}/publish`, { token: mfr });
    expect(pub.status).toBe(202);
    expect((await stack.call('POST', `/v1/scenarios/${scenarioId}/publish`, { token: mfr })).status).toBe(409);

    const m = await eventually(async () => {
      const r = await stack.call('GET', `/v1/scenarios/${scenarioId}/matches`, { token: mfr });
      return r.body.status === 'matched' ? r.body : null;
    });
    expect(m.items[0].platformId).toBe(maint.id);
    expect(m.items[0].solutionId).toBe(maint.solutionId);
    const factors = m.items[0].reasons.map((r: { factor: string }) => r.factor);
    expect(factors).toEqual(expect.arrayContaining(['semantic', 'industry', 'domain', 'technology', 'maturity', 'exposure']));
    const sum = m.items[0].reasons.reduce((s: number, r: { weight: number; value: number }) => s + r.weight * r.value, 0);
    expect(sum).toBeCloseTo(m.items[0].score, 6);
    expect(m.items[0].reasons.find((r: { factor: string }) => r.factor === 'semantic').text).toContain('设备预测性维护');
    expect(m.selected.length).toBeLessThanOrEqual(2);
    expect(m.selected).not.toContain(textile.id);

    const inbox = await eventually(async () => {
      const r = await stack.call('GET', '/v1/leads', { token: maint.token });
      return r.body.items.length ? r.body.items : null;
    });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ scenarioId, platformId: maint.id, status: 'pending' });
    expect(inbox[0].reasons.length).toBeGreaterThan(0);
    expect((await stack.call('GET', '/v1/leads', { token: textile.token })).body.items).toEqual([]);

    const delivered = await eventually(async () => received.find((r) => JSON.parse(r.body).lead.id === inbox[0].id));
    const secret = (await stack.call('GET', `/v1/platforms/${maint.id}/webhook-secret`, { token: maint.token })).body.secret;
    expect(verifySignature(secret, delivered.body, delivered.signature)).toBe(true);
    expect(verifySignature(secret, delivered.body + ' ', delivered.signature)).toBe(false);
    await eventually(async () => (await stack.call('GET', '/v1/leads', { token: maint.token })).body.items[0].delivery.webhook === 'delivered');
  });

  it('enforces tenancy: other platforms and manufacturers see nothing of it', async () => {
    const lead = (await stack.call('GET', '/v1/leads', { token: maint.token })).body.items[0];
    expect((await stack.call('POST', `/v1/leads/${lead.id}/accept`, { token: textile.token })).status).toBe(404);
    const otherMfr = await stack.token('manufacturer', 'ent_other');
    expect((await stack.call('GET', `/v1/scenarios/${scenarioId}/matches`, { token: otherMfr })).status).toBe(404);
    expect((await stack.call('GET', `/v1/scenarios/${scenarioId}`, { token: otherMfr })).status).toBe(404);
    expect((await stack.call('GET', '/v1/leads', { token: mfr })).status).toBe(403);
    const all = await stack.call('GET', '/v1/leads', { token: bureau });
    expect(all.body.items.map((l: { platformId: string }) => l.platformId)).toContain(maint.id);
  });

  it('the platform accepts or declines exactly once', async () => {
    const lead = (await stack.call('GET', '/v1/leads', { token: maint.token })).body.items[0];
    const ok = await stack.call('POST', `/v1/leads/${lead.id}/accept`, { token: maint.token });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('accepted');
    expect((await stack.call('POST', `/v1/leads/${lead.id}/decline`, { token: maint.token, body: { reason: '改主意' } })).status).toBe(409);
    expect((await stack.call('GET', '/v1/leads?status=accepted', { token: bureau })).body.items.map((l: { id: string }) => l.id)).toContain(lead.id);
  });

  it('a platform registered later gets leads for scenarios still open', async () => {
    const late = await platformWithSolution(
      '后来者运维平台',
      { domains: ['maintenance'], technologies: ['iot', 'ai'], industries: ['C29'] },
      { title: '注塑机故障预警', description: '注塑机设备故障预测、停机预警与维修工单闭环。', industries: ['C29'], domains: ['maintenance'], technologies: ['iot', 'ai'] },
    );
    const leads = await eventually(async () => {
      const r = await stack.call('GET', '/v1/leads', { token: late.token });
      return r.body.items.length ? r.body.items : null;
    });
    expect(leads[0].scenarioId).toBe(scenarioId);
  });

  it('a poison message goes to the DLQ after N tries while the rest of the batch proceeds', async () => {
    const sc = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: '另一个停机场景' }) });
    await stack.deps.sqs.send(new SendMessageCommand({ QueueUrl: stack.queueUrls.embed, MessageBody: '{"type":"Nonsense"}' }));
    await stack.call('POST', `/v1/scenarios/${sc.body.id}/publish`, { token: mfr });
    await eventually(async () => (await stack.call('GET', `/v1/scenarios/${sc.body.id}`, { token: mfr })).body.status === 'matched');
    await eventually(async () => {
      const a = await stack.deps.sqs.send(new GetQueueAttributesCommand({ QueueUrl: stack.queueUrls.dlq.embed, AttributeNames: ['ApproximateNumberOfMessages'] }));
      return Number(a.Attributes?.ApproximateNumberOfMessages) === 1;
    }, 20_000);
  });
});
