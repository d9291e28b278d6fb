import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '#local/token';
import { assessApplication } from '#services/rounds';
import { creditCodeFor, platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { mailbox, signIn, switchTo } from '../support/sign-in';
import { eventually, startTestStack, type TestStack } from '../support/stack';
import { xlsxCells } from '../support/xlsx';

// 第四条: a district office (区市) reads what belongs to its region and does the round's first review
// (初审) there; the city's notice lists only what the districts endorsed; the bureau may act in a
// district's place, audited as such; everything not opened to districts is refused.

let stack: TestStack;
let bureau: string;
let huangdao: string;
let laoshan: string;
let roundId = '';
const apps: Record<'hd' | 'hd2' | 'ls', string> = { hd: '', hd2: '', ls: '' };
const plts: Record<'hd' | 'hd2' | 'ls', string> = { hd: '', hd2: '', ls: '' };
const YEAR = 2025;

beforeAll(async () => {
  stack = await startTestStack();
  bureau = await stack.token('bureau');
  huangdao = await stack.token('district', undefined, { district: '黄岛区' });
  laoshan = await stack.token('district', undefined, { district: '崂山区' });
  const day = 86_400_000;
  roundId = (await stack.call('POST', '/v1/rounds', {
    token: bureau,
    body: { year: YEAR, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString(), noticeDays: 7, districtReview: true },
  })).body.id;
  const regions = { hd: '黄岛区', hd2: '黄岛区', ls: '崂山区' } as const;
  for (const k of ['hd', 'hd2', 'ls'] as const) {
    plts[k] = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(`初审平台${k}`, { region: regions[k] }) })).body.id;
    const plt = await stack.token('platform', plts[k]);
    await stack.call('PUT', `/v1/platforms/${plts[k]}/indicators/${YEAR}`, { token: plt, body: specializedL2Report() });
    apps[k] = (await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: plt, body: { platformId: plts[k] } })).body.id;
    expect((await stack.call('POST', `/v1/applications/${apps[k]}/submit`, { token: plt })).body.districtReview).toEqual({ status: 'pending' });
    await assessApplication(stack.deps, { type: 'AssessApplication', applicationId: apps[k], submission: 1 });
  }
  const mfr = await stack.token('manufacturer', 'ent_hd');
  await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ region: '黄岛区' }) });
  await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ region: '崂山区' }) });
});
afterAll(() => stack?.stop());

describe('district offices (区市)', () => {
  it('need a valid district claim', async () => {
    for (const district of [undefined, '浦东新区']) {
      const t = await signToken(stack.settings.AUTH_SECRET, { role: 'district', ...(district ? { district } : {}) });
      expect((await stack.call('GET', `/v1/rounds/${roundId}/applications`, { token: t })).status).toBe(401);
    }
  });

  it('see only their region’s applications; another district’s answers 404', async () => {
    const list = await stack.call('GET', `/v1/rounds/${roundId}/applications`, { token: huangdao });
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id).sort()).toEqual([apps.hd, apps.hd2].sort());
    expect((await stack.call('GET', `/v1/rounds/${roundId}/applications`, { token: laoshan })).body.items.map((a: { id: string }) => a.id)).toEqual([apps.ls]);
    expect((await stack.call('GET', `/v1/applications/${apps.hd}`, { token: huangdao })).status).toBe(200);
    expect((await stack.call('GET', `/v1/applications/${apps.ls}`, { token: huangdao })).status).toBe(404);
    expect((await stack.call('POST', `/v1/applications/${apps.ls}/endorse`, { token: huangdao, body: {} })).status).toBe(404);
    expect((await stack.call('POST', `/v1/applications/${apps.ls}/return`, { token: huangdao, body: { comment: '材料不全' } })).status).toBe(404);
  });

  it('never change what is not theirs to change: every other route is refused', async () => {
    const refused: [string, string, unknown?][] = [
      ['POST', '/v1/rounds', { year: 2030, opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 1e9).toISOString(), noticeDays: 7 }],
      ['POST', `/v1/rounds/${roundId}/close`],
      ['POST', `/v1/rounds/${roundId}/notice`, {}],
      ['PUT', `/v1/platforms/${plts.hd}/indicators/${YEAR}`, specializedL2Report()],
      ['PATCH', `/v1/platforms/${plts.hd}`, { description: '区市改写' }],
      ['POST', '/v1/experts', { name: '专家', affiliation: '院', affiliationCreditCode: '91350100M000100Y43', fields: ['x'] }],
      ['GET', '/v1/stats/register'],
      ['GET', '/v1/audit'],
      ['POST', `/v1/applications/${apps.hd}/submit`],
      ['POST', '/v1/support-programmes', {}],
      ['GET', `/v1/platforms/${plts.hd}/webhook-secret`],
    ];
    for (const [method, path, body] of refused) {
      const res = await stack.call(method, path, { token: huangdao, body });
      expect([403, 404], `${method} ${path} → ${res.status}`).toContain(res.status);
    }
  });

  it('endorse once (the same answer twice, one history entry); the bureau may act for a district, audited as such', async () => {
    const first = await stack.call('POST', `/v1/applications/${apps.hd}/endorse`, { token: huangdao, body: { comment: '材料齐全，同意推荐' } });
    expect(first.status).toBe(200);
    expect(first.body.districtReview).toMatchObject({ status: 'endorsed', comment: '材料齐全，同意推荐' });
    const again = await stack.call('POST', `/v1/applications/${apps.hd}/endorse`, { token: huangdao, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.history).toHaveLength(first.body.history.length);
    expect(again.body.version).toBe(first.body.version);

    const onBehalf = await stack.call('POST', `/v1/applications/${apps.ls}/endorse`, { token: bureau, body: {} });
    expect(onBehalf.body.districtReview).toMatchObject({ status: 'endorsed', onBehalf: true });
    const audit = await stack.call('GET', `/v1/audit?month=${new Date().toISOString().slice(0, 7)}`, { token: bureau });
    const entries = audit.body.items.filter((e: { action: string }) => e.action === 'application.district_endorsed');
    expect(entries).toHaveLength(2);
    expect(entries.find((e: { target: string }) => e.target === apps.ls).details).toMatchObject({ onBehalfOf: '崂山区' });
  });

  it('return for 补正: the applicant resubmits and the application waits for the district again', async () => {
    const ret = await stack.call('POST', `/v1/applications/${apps.hd2}/return`, { token: huangdao, body: { comment: '请补充服务企业清单' } });
    expect(ret.status).toBe(200);
    expect(ret.body).toMatchObject({ status: 'returned', districtReview: { status: 'returned', comment: '请补充服务企业清单' } });
    const plt = await stack.token('platform', plts.hd2);
    const re = await stack.call('POST', `/v1/applications/${apps.hd2}/submit`, { token: plt });
    expect(re.body.districtReview).toEqual({ status: 'pending' });
    await assessApplication(stack.deps, { type: 'AssessApplication', applicationId: apps.hd2, submission: 2 });
  });

  it('the city’s notice lists only endorsed applications, and endorsing after it started is refused', async () => {
    await stack.call('POST', `/v1/rounds/${roundId}/close`, { token: bureau });
    expect((await stack.call('POST', `/v1/rounds/${roundId}/notice`, { token: bureau })).status).toBe(200);
    const notice = await stack.call('GET', `/v1/public/notices/${roundId}`);
    expect(notice.body.entries.map((e: { applicationId: string }) => e.applicationId).sort()).toEqual([apps.hd, apps.ls].sort());
    expect((await stack.call('POST', `/v1/applications/${apps.hd2}/endorse`, { token: huangdao, body: {} })).status).toBe(409);
  });

  it('see their region’s overview beside their share of the city', async () => {
    const o = await stack.call('GET', '/v1/stats/overview', { token: huangdao });
    expect(o.status).toBe(200);
    expect(o.body.scope).toEqual({ district: '黄岛区', shareOfCity: { platforms: 2 / 3, scenarios: 0.5, leads: null } });
    expect(o.body.platforms.total).toBe(2);
    expect(o.body.scenarios.total).toBe(1);
    const city = await stack.call('GET', '/v1/stats/overview', { token: bureau });
    expect(city.body.scope).toEqual({ district: null, shareOfCity: null });
    expect(city.body.platforms.total).toBe(3);
  });

  it('read their region’s scenarios only', async () => {
    const list = await stack.call('GET', '/v1/scenarios', { token: huangdao });
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { region: string }) => x.region)).toEqual(['黄岛区']);
    const other = (await stack.call('GET', '/v1/scenarios', { token: laoshan })).body.items[0];
    expect((await stack.call('GET', `/v1/scenarios/${other.id}`, { token: huangdao })).status).toBe(404);
    expect((await stack.call('GET', `/v1/scenarios/${other.id}`, { token: laoshan })).status).toBe(200);
  });

  it('are compared side by side for the city (区市对比), in JSON and xlsx', async () => {
    expect((await stack.call('GET', '/v1/stats/districts', { token: huangdao })).status).toBe(403);
    const res = await stack.call('GET', '/v1/stats/districts', { token: bureau });
    expect(res.body.items).toHaveLength(10);
    const row = (r: string) => res.body.items.find((x: { region: string }) => x.region === r);
    expect(row('黄岛区')).toMatchObject({ platforms: 2, scenarios: 1, review: { pending: 1, endorsed: 1, returned: 0 } });
    expect(row('崂山区')).toMatchObject({ platforms: 1, scenarios: 1, review: { pending: 0, endorsed: 1, returned: 0 } });
    expect(row('市南区')).toMatchObject({ platforms: 0, scenarios: 0, review: { medianDays: null, oldestPendingDays: null } });
    // Timeliness: 黄岛区 decided one (within minutes of its submission) and has one waiting.
    expect(row('黄岛区').review.medianDays).toBe(0);
    expect(row('黄岛区').review.oldestPendingDays).toBe(0);
    const x = await stack.app.request('/v1/stats/districts?format=xlsx', { headers: { authorization: `Bearer ${bureau}` } });
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(await xlsxCells(x)).toContain('黄岛区');
  });
});

describe('district offices: people and every read route', () => {
  const sc: Record<'hd' | 'ls', string> = { hd: '', ls: '' };
  const leads: Record<'hd' | 'ls', string> = { hd: '', ls: '' };

  beforeAll(async () => {
    // A lead on each region's scenario, by 揭榜: the platform proposes, the manufacturer accepts.
    const mfr = await stack.token('manufacturer', 'ent_hd');
    const all = (await stack.call('GET', '/v1/scenarios', { token: bureau })).body.items as { id: string; region: string }[];
    sc.hd = all.find((x) => x.region === '黄岛区')!.id;
    sc.ls = all.find((x) => x.region === '崂山区')!.id;
    for (const k of ['hd', 'ls'] as const) {
      expect((await stack.call('POST', `/v1/scenarios/${sc[k]}/publish`, { token: mfr })).status).toBe(202);
      const p = await stack.call('POST', `/v1/scenarios/${sc[k]}/proposals`, { token: await stack.token('platform', plts[k]), body: { summary: '三个月上线设备联网与工单系统，先试点一条线' } });
      expect(p.status, JSON.stringify(p.body)).toBe(201);
      leads[k] = (await stack.call('POST', `/v1/proposals/${p.body.id}/accept`, { token: mfr })).body.lead.id;
    }
  });

  it('read their own region on every read route and get 404 for another district’s', async () => {
    const table: [string, string, string][] = [
      ['/v1/scenarios/{id}', sc.hd, sc.ls],
      ['/v1/scenarios/{id}/leads', sc.hd, sc.ls],
      ['/v1/leads/{id}', leads.hd, leads.ls],
      ['/v1/platforms/{id}/portrait', plts.hd, plts.ls],
      ['/v1/applications/{id}', apps.hd, apps.ls],
    ];
    for (const [route, own, other] of table) {
      const mine = await stack.call('GET', route.replace('{id}', own), { token: huangdao });
      expect(mine.status, `${route} own → ${mine.status}`).toBe(200);
      expect((await stack.call('GET', route.replace('{id}', other), { token: huangdao })).status, `${route} other`).toBe(404);
      expect((await stack.call('GET', route.replace('{id}', other), { token: laoshan })).status, `${route} as 崂山区`).toBe(200);
    }
    // Lists hold the region's items only; leads are the region's scenarios' and its platforms' (matching
    // has made more than the two by 揭榜 by now).
    type Row = { region?: string; scenario?: { region: string }; platformId?: string };
    const inHuangdao = (x: Row) => x.region === '黄岛区';
    const lists: [string, (x: Row) => boolean, number][] = [
      ['/v1/scenarios', inHuangdao, 1],
      ['/v1/leads', (x) => inHuangdao(x.scenario!) || [plts.hd, plts.hd2].includes(x.platformId!), 1],
      ['/v1/stats/platforms', inHuangdao, 2],
      [`/v1/rounds/${roundId}/applications`, inHuangdao, 2],
    ];
    for (const [route, mine, atLeast] of lists) {
      const res = await stack.call('GET', route, { token: huangdao });
      expect(res.status, route).toBe(200);
      expect(res.body.items.length, route).toBeGreaterThanOrEqual(atLeast);
      expect(res.body.items.filter((x: Row) => !mine(x)), route).toEqual([]);
    }
    const all = (await stack.call('GET', '/v1/leads', { token: bureau })).body.items as { id: string }[];
    const seen = (await stack.call('GET', '/v1/leads', { token: huangdao })).body.items.map((x: { id: string }) => x.id);
    expect(seen).toContain(leads.hd);
    expect(seen).not.toContain(leads.ls);
    expect(all.length).toBeGreaterThan(seen.length);
  });

  it('are organisations the bureau creates, one per region, whose invited staff sign in as that district', async () => {
    const create = (token: string, body: unknown) => stack.call('POST', '/v1/organisations', { token, body });
    expect((await create(await stack.token('manufacturer', 'ent_hd'), { kind: 'district', region: '黄岛区' })).status).toBe(403);
    expect((await create(bureau, { kind: 'district', region: '青岛新区' })).status).toBe(400);
    const org = await create(bureau, { kind: 'district', region: '黄岛区' });
    expect(org.status).toBe(201);
    expect(org.body).toMatchObject({ id: 'dst_huangdao', kind: 'district', region: '黄岛区', name: '黄岛区工业和信息化局' });
    expect((await create(bureau, { kind: 'district', region: '黄岛区', name: '再建一个' })).status).toBe(409);

    const inv = await stack.call('POST', '/v1/organisations/dst_huangdao/invitations', { token: bureau, body: { contact: 'gxj@huangdao.example.cn', role: 'admin' } });
    expect(inv.status).toBe(201);
    const official = await signIn(stack, 'gxj@huangdao.example.cn');
    expect((await stack.call('POST', `/v1/invitations/${inv.body.id}/accept`, { token: official.access_token })).status).toBe(200);
    const me = await stack.call('GET', '/v1/me', { token: official.access_token });
    expect(me.body.memberships[0].actAs).toEqual([{ org: 'dst_huangdao', role: 'district', label: '黄岛区工业和信息化局' }]);

    const asDistrict = (await switchTo(stack, official.access_token, 'dst_huangdao')).access_token;
    const list = await stack.call('GET', '/v1/scenarios', { token: asDistrict });
    expect(list.body.items.map((x: { region: string }) => x.region)).toEqual(['黄岛区']);
    expect((await stack.call('GET', `/v1/scenarios/${sc.ls}`, { token: asDistrict })).status).toBe(404);
    expect((await stack.call('PUT', `/v1/platforms/${plts.hd}/indicators/${YEAR}`, { token: asDistrict, body: specializedL2Report() })).status).toBe(403);
    // The district's admin brings a colleague, like any organisation's admin.
    expect((await stack.call('POST', '/v1/organisations/dst_huangdao/invitations', { token: asDistrict, body: { contact: 'kz@huangdao.example.cn' } })).status).toBe(201);
  });

  it('enter a scenario for an enterprise of their region without an account; it is the enterprise’s once it signs up', async () => {
    const code = creditCodeFor(4242);
    const enterprise = { name: '青岛黄岛某橡胶制品有限公司', creditCode: code };
    expect((await stack.call('POST', '/v1/scenarios', { token: huangdao, body: scenarioBody({ region: '崂山区', enterprise }) })).status).toBe(400);
    const entered = await stack.call('POST', '/v1/scenarios', { token: huangdao, body: scenarioBody({ region: '黄岛区', enterprise }) });
    expect(entered.status).toBe(201);
    expect(entered.body).toMatchObject({ ownerOrg: `ent_${code}`, enteredByDistrict: '黄岛区', status: 'draft' });
    expect((await stack.call('POST', `/v1/scenarios/${entered.body.id}/publish`, { token: laoshan })).status).toBe(404);
    expect((await stack.call('POST', `/v1/scenarios/${entered.body.id}/publish`, { token: huangdao })).status).toBe(202);

    const boss = await signIn(stack, 'boss@rubber-hd.example.cn');
    const org = await stack.call('POST', '/v1/organisations', { token: boss.access_token, body: { kind: 'enterprise', name: enterprise.name, creditCode: code } });
    expect(org.body.id).toBe(`ent_${code}`);
    const asEnterprise = (await switchTo(stack, boss.access_token, org.body.id)).access_token;
    const own = await stack.call('GET', '/v1/scenarios', { token: asEnterprise });
    expect(own.body.items.map((x: { id: string }) => x.id)).toEqual([entered.body.id]);
    expect((await stack.call('POST', `/v1/scenarios/${entered.body.id}/close`, { token: asEnterprise, body: {} })).status).toBe(200);
  });

  it('are reminded by the bureau while applications wait for them: inbox and e-mail; nothing waiting → 409', async () => {
    const day = 86_400_000;
    const round = (await stack.call('POST', '/v1/rounds', {
      token: bureau,
      body: { year: YEAR + 1, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString(), noticeDays: 7, districtReview: true },
    })).body.id as string;
    const plt = await stack.token('platform', plts.hd2);
    await stack.call('PUT', `/v1/platforms/${plts.hd2}/indicators/${YEAR + 1}`, { token: plt, body: specializedL2Report() });
    const app = (await stack.call('POST', `/v1/rounds/${round}/applications`, { token: plt, body: { platformId: plts.hd2 } })).body.id;
    expect((await stack.call('POST', `/v1/applications/${app}/submit`, { token: plt })).status).toBe(202);

    const remind = (region: string, token = bureau) => stack.call('POST', `/v1/rounds/${round}/districts/${encodeURIComponent(region)}/remind`, { token });
    expect((await remind('黄岛区', huangdao)).status).toBe(403);
    expect((await remind('崂山区')).status).toBe(409);
    expect((await remind('青岛新区')).status).toBe(400);
    const sent = await remind('黄岛区');
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ district: '黄岛区', pending: 1, messaged: 1 });
    const reminders = () => mailbox(stack).list('gxj@huangdao.example.cn').filter((m) => m.subject.startsWith('请尽快初审'));
    expect(reminders().map((m) => m.subject)).toEqual(['请尽快初审：1 份申报待黄岛区推荐']);
    await remind('黄岛区');
    expect(reminders()).toHaveLength(2);
    const inbox = (await stack.call('GET', '/v1/notifications', { token: huangdao })).body.items.filter((n: { event: string }) => n.event === 'round.district_reminder');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].body.zh).toContain('初审平台hd2');
    expect((await stack.call('GET', '/v1/notifications', { token: laoshan })).body.items).toEqual([]);
  });

  it('host matchmaking events for their region: its scenarios only; the city sees every event, another district none', async () => {
    const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const event = (region: string, extra: Record<string, unknown> = {}) => ({
      title: '黄岛区智能制造对接会', kind: 'matchmaking', venue: { address: '长江中路 1 号', region, park: '青岛经济技术开发区' },
      startsAt: at(48), endsAt: at(51), rsvpBy: at(24), rooms: 1, slotMinutes: 30, capacity: 30,
      scenarioIds: [sc.hd, sc.ls], maxScenarios: 2, platformsPerScenario: 2, maxSlotsPerPlatform: 2, ...extra,
    });
    expect((await stack.call('POST', '/v1/roadshows', { token: huangdao, body: event('崂山区') })).status).toBe(400);
    expect((await stack.call('POST', '/v1/roadshows', { token: huangdao, body: { title: '无时间的议程', maxScenarios: 1, platformsPerScenario: 1, maxSlotsPerPlatform: 1 } })).status).toBe(400);
    const created = await stack.call('POST', '/v1/roadshows', { token: huangdao, body: event('黄岛区') });
    expect(created.status).toBe(202);
    const id = created.body.id as string;
    const composed = await eventually(async () => {
      const r = await stack.call('GET', `/v1/roadshows/${id}`, { token: huangdao });
      return r.body.status === 'composed' ? r.body : undefined;
    }, 60_000);
    expect(composed.hostDistrict).toBe('黄岛区');
    // 崂山区's scenario was named but is not the district's to pair.
    expect(composed.agenda.map((a: { scenarioId: string }) => a.scenarioId)).toEqual([sc.hd]);

    expect((await stack.call('GET', '/v1/roadshows', { token: huangdao })).body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await stack.call('GET', '/v1/roadshows', { token: laoshan })).body.items).toEqual([]);
    expect((await stack.call('GET', '/v1/roadshows', { token: bureau })).body.items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await stack.call('GET', `/v1/roadshows/${id}`, { token: laoshan })).status).toBe(404);
    expect((await stack.call('PATCH', `/v1/roadshows/${id}`, { token: laoshan, body: { capacity: 40 } })).status).toBe(404);
    expect((await stack.call('PATCH', `/v1/roadshows/${id}`, { token: huangdao, body: { venue: { address: '株洲路 1 号', region: '崂山区' } } })).status).toBe(400);
    const patched = await stack.call('PATCH', `/v1/roadshows/${id}`, { token: huangdao, body: { capacity: 40 } });
    expect(patched.status).toBe(200);
    expect(patched.body.capacity).toBe(40);
  });
});
