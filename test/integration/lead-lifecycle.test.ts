import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '#core/webhook';
import { trackRecords } from '#db/leads';
import { listLeads, remindStaleLeads } from '#services/leads';
import { storeOf } from '#services/store';
import { platformBody, scenarioBody } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let bureau: string;
let mfr: string;
let hook: Server;
let hookUrl: string;
const hooks: { body: string; signature: string | undefined }[] = [];

type Org = { id: string; token: string };
let a: Org;
let b: Org;

beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      hooks.push({ body, signature: req.headers['x-signature'] as string | undefined });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
  const addr = hook.address();
  hookUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/leads`;
  stack = await startTestStack({ env: { MATCH_TOP_K: '2' } });
  bureau = await stack.token('bureau');
  mfr = await stack.token('manufacturer', 'ent_lifecycle');
  const platform = async (name: string, extra: Record<string, unknown>): Promise<Org> => {
    const res = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(name, { industries: ['C29'], ...extra }) });
    expect(res.status).toBe(201);
    const sol = await stack.call('POST', `/v1/platforms/${res.body.id}/solutions`, {
      token: bureau,
      body: { title: '注塑机预测性维护', description: '振动温度采集，故障预警，减少突发停机。', industries: ['C29'], domains: ['maintenance'], technologies: ['iot'] },
    });
    expect(sol.status).toBe(201);
    return { id: res.body.id, token: await stack.token('platform', res.body.id) };
  };
  a = await platform('设备智维云', { webhookUrl: hookUrl });
  b = await platform('运维管家', {});
});
afterAll(async () => {
  await stack?.stop();
  hook?.close();
});

async function publishAndLeads(title: string): Promise<{ scenarioId: string; leadA: any; leadB: any }> {
  const sc = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title }) });
  expect(sc.status).toBe(201);
  expect((await stack.call('POST', `/v1/scenarios/${sc.body.id}/publish`, { token: mfr })).status).toBe(202);
  const leadOf = (o: Org) =>
    eventually(async () => (await stack.call('GET', '/v1/leads', { token: o.token })).body.items.find((l: any) => l.scenarioId === sc.body.id));
  return { scenarioId: sc.body.id, leadA: await leadOf(a), leadB: await leadOf(b) };
}

const post = (path: string, token: string, body?: unknown) => stack.call('POST', path, { token, body });

describe('a lead from match to delivered deal', () => {
  let first: Awaited<ReturnType<typeof publishAndLeads>>;

  it('refuses to skip acceptance and refuses a decline without a listed reason', async () => {
    first = await publishAndLeads('注塑车间设备经常突发停机');
    const id = first.leadA.id;
    expect(first.leadA.domains).toContain('maintenance');
    const skip = await post(`/v1/leads/${id}/progress`, a.token, { status: 'signed', contractValueWan: 50, date: '2026-03-01' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('CONFLICT');
    expect((await post(`/v1/leads/${id}/progress`, a.token, { status: 'contacted' })).status).toBe(409);
    expect((await post(`/v1/leads/${id}/confirm`, mfr, { status: 'signed' })).status).toBe(409);
    expect((await post(`/v1/leads/${id}/rating`, mfr, { stars: 4 })).status).toBe(409);
    const noReason = await post(`/v1/leads/${first.leadB.id}/decline`, b.token, { code: 'other' });
    expect(noReason.status).toBe(400);
    expect((await stack.call('GET', `/v1/leads/${id}`, { token: a.token })).body.status).toBe('pending');
  });

  it('B declines as out of scope; A accepts and moves forward only, one timestamped step at a time', async () => {
    const declined = await post(`/v1/leads/${first.leadB.id}/decline`, b.token, { code: 'out_of_scope' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineCode: 'out_of_scope', declineReason: '不在我方业务范围' });

    const id = first.leadA.id;
    expect((await post(`/v1/leads/${id}/accept`, a.token)).status).toBe(200);
    const contacted = await post(`/v1/leads/${id}/progress`, a.token, { status: 'contacted', note: '已电话沟通' });
    expect(contacted.status).toBe(200);
    // A retried request answers with the lead as it is and records nothing twice.
    const again = await post(`/v1/leads/${id}/progress`, a.token, { status: 'contacted', note: '已电话沟通' });
    expect(again.status).toBe(200);
    expect(again.body.history).toHaveLength(contacted.body.history.length);
    expect((await post(`/v1/leads/${id}/progress`, a.token, { status: 'proposal' })).status).toBe(200);
    expect((await post(`/v1/leads/${id}/progress`, a.token, { status: 'contacted' })).status).toBe(409);
    expect((await post(`/v1/leads/${id}/progress`, a.token, { status: 'delivered' })).status).toBe(409);
    const unsigned = await post(`/v1/leads/${id}/progress`, a.token, { status: 'signed', date: '2026-03-01' });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error.details.map((d: any) => d.path)).toContain('contractValueWan');
    const signed = await post(`/v1/leads/${id}/progress`, a.token, { status: 'signed', contractValueWan: 86.5, date: '2026-03-01' });
    expect(signed.status).toBe(200);
    expect(signed.body.contract).toEqual({ valueWan: 86.5, signedOn: '2026-03-01' });
    expect((await post(`/v1/leads/${id}/progress`, b.token, { status: 'delivered' })).status).toBe(404);
    expect((await post(`/v1/leads/${id}/progress`, a.token, { status: 'delivered', date: '2026-05-20' })).status).toBe(200);
  });

  it('only the manufacturer confirms and rates: the platform cannot confirm its own deal', async () => {
    const id = first.leadA.id;
    const own = await post(`/v1/leads/${id}/confirm`, a.token, { status: 'signed' });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('FORBIDDEN');
    expect((await post(`/v1/leads/${id}/rating`, a.token, { stars: 5 })).status).toBe(403);
    const stranger = await stack.token('manufacturer', 'ent_stranger');
    expect((await post(`/v1/leads/${id}/confirm`, stranger, { status: 'signed' })).status).toBe(404);

    expect((await post(`/v1/leads/${id}/confirm`, mfr, { status: 'signed' })).status).toBe(200);
    expect((await post(`/v1/leads/${id}/confirm`, mfr, { status: 'signed' })).status).toBe(200);
    expect((await post(`/v1/leads/${id}/confirm`, mfr, { status: 'delivered' })).status).toBe(200);
    expect((await post(`/v1/leads/${id}/rating`, mfr, { stars: 6 })).status).toBe(400);
    const rated = await post(`/v1/leads/${id}/rating`, mfr, { stars: 5, comment: '响应快，停机减少明显' });
    expect(rated.status).toBe(200);
    expect((await post(`/v1/leads/${id}/rating`, mfr, { stars: 5, comment: '响应快，停机减少明显' })).status).toBe(200);
    expect((await post(`/v1/leads/${id}/rating`, mfr, { stars: 1 })).status).toBe(409);

    // Every side sees the same lead and its timestamped history.
    for (const token of [a.token, mfr, bureau]) {
      const l = (await stack.call('GET', `/v1/leads/${id}`, { token })).body;
      expect(l).toMatchObject({ status: 'delivered', rating: { stars: 5 }, stale: false });
      expect(l.signedConfirmedAt && l.deliveredConfirmedAt).toBeTruthy();
      expect(l.history.map((s: any) => `${s.by}:${s.status}`)).toEqual([
        'platform:accepted', 'platform:contacted', 'platform:proposal', 'platform:signed', 'platform:delivered',
        'manufacturer:signed', 'manufacturer:delivered', 'manufacturer:delivered',
      ]);
      for (const s of l.history) expect(Date.parse(s.at)).not.toBeNaN();
    }
    expect((await stack.call('GET', `/v1/leads/${id}`, { token: b.token })).status).toBe(404);
    const mine = await stack.call('GET', `/v1/scenarios/${first.scenarioId}/leads`, { token: mfr });
    expect(mine.body.items.map((l: any) => l.status).sort()).toEqual(['declined', 'delivered']);
  });

  it('counts each outcome once per platform × domain in DynamoDB', async () => {
    const records = await trackRecords(storeOf(stack.deps));
    expect(records.get(a.id)?.get('maintenance')).toEqual({ accepted: 1, outOfScope: 0, declined: 0, signed: 1, lost: 0, delivered: 1, ratingCredit: 1, rated: 1 });
    expect(records.get(b.id)?.get('maintenance')).toEqual({ accepted: 0, outOfScope: 1, declined: 0, signed: 0, lost: 0, delivered: 0, ratingCredit: 0, rated: 0 });
  });

  it('shows the funnel to the platform itself and to the bureau by category, industry, district and month', async () => {
    const own = await stack.call('GET', `/v1/platforms/${a.id}/funnel`, { token: a.token });
    expect(own.status).toBe(200);
    expect(own.body.total).toMatchObject({ leads: 1, accepted: 1, signed: 1, signedConfirmed: 1, delivered: 1, contractWan: 86.5, meanStars: 5 });
    expect(own.body.medianFirstResponseHours).not.toBeNull();
    expect((await stack.call('GET', `/v1/platforms/${a.id}/funnel`, { token: b.token })).status).toBe(403);
    const o = (await stack.call('GET', '/v1/stats/overview', { token: bureau })).body;
    expect(o.funnel.total).toMatchObject({ leads: 2, accepted: 1, signed: 1, delivered: 1, contractWan: 86.5 });
    expect(o.funnel.byCategory).toEqual([expect.objectContaining({ key: 'specialized', leads: 2, signed: 1 })]);
    expect(o.funnel.byIndustry).toEqual([expect.objectContaining({ key: 'C29', leads: 2 })]);
    expect(o.funnel.byDistrict).toEqual([expect.objectContaining({ key: '黄岛区', delivered: 1 })]);
    expect(o.funnel.byMonth).toHaveLength(1);
    expect(o.leads.acceptanceRate).toBe(0.5);
  });

  it('the next ranking explains and uses the track record: the signer above the out-of-scope decliner', async () => {
    const second = await publishAndLeads('注塑机突发停机想提前预警');
    const m = (await stack.call('GET', `/v1/scenarios/${second.scenarioId}/matches`, { token: mfr })).body;
    const track = (pid: string) => m.items.find((i: any) => i.platformId === pid).reasons.find((r: any) => r.factor === 'track_record');
    expect(track(a.id).value).toBeGreaterThan(0);
    expect(track(a.id).text).toContain('签约 1 条');
    expect(track(b.id).value).toBeLessThan(0);
    expect(track(b.id).text).toContain('不在业务范围婉拒');
    expect(m.items[0].platformId).toBe(a.id);

    // Thirty-one days on, the untouched leads are flagged and A is reminded once through its webhook.
    const later = { ...stack.deps, now: () => new Date(Date.now() + 31 * 86_400_000) };
    const inbox = await listLeads(later, { role: 'platform', org: a.id, sub: 'u' } as never, { limit: 50 });
    expect(inbox.items.find((l) => l.id === second.leadA.id)?.stale).toBe(true);
    expect(inbox.items.find((l) => l.id === first.leadA.id)?.stale).toBe(false);
    expect(await remindStaleLeads(later)).toBe(2);
    expect(await remindStaleLeads(later)).toBe(0);
    const reminder = hooks.find((h) => JSON.parse(h.body).type === 'lead.stale');
    expect(JSON.parse(reminder!.body).lead.id).toBe(second.leadA.id);
    const secret = (await stack.call('GET', `/v1/platforms/${a.id}/webhook-secret`, { token: a.token })).body.secret;
    expect(verifySignature(secret, reminder!.body, reminder!.signature)).toBe(true);
    expect((await stack.call('GET', `/v1/leads/${second.leadA.id}`, { token: a.token })).body.remindedAt).toBeTruthy();
  });

  it('a lead the platform reports lost before any contract counts once as a decided no-signature', async () => {
    const third = await publishAndLeads('空压机组经常突发停机');
    expect((await post(`/v1/leads/${third.leadA.id}/accept`, a.token)).status).toBe(200);
    // Reported twice (a retried request): counted once.
    for (let i = 0; i < 2; i++) expect((await post(`/v1/leads/${third.leadA.id}/progress`, a.token, { status: 'lost', reason: 'price' })).status).toBe(200);
    const counts = (await trackRecords(storeOf(stack.deps))).get(a.id)?.get('maintenance');
    expect(counts).toMatchObject({ accepted: 2, signed: 1, lost: 1 });
    // The next match, published after the loss, says so.
    const fourth = await publishAndLeads('螺杆机突发停机');
    const next = (await stack.call('GET', `/v1/scenarios/${fourth.scenarioId}/matches`, { token: mfr })).body;
    const text = next.items.find((i: any) => i.platformId === a.id).reasons.find((r: any) => r.factor === 'track_record').text;
    expect(text).toContain('未成交 1 条');
  });
});
