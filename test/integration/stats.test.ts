import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { chinaYear } from '#core/indicators';
import { eventually, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let bureau: string;
const Y = chinaYear(new Date()) - 1;

const platform = (name: string, category: string, extra: Record<string, unknown> = {}) => ({
  name,
  operator: { name: `${name}运营公司`, creditCode: '91370200163562681G' },
  category,
  region: '崂山区',
  industries: ['C38'],
  domains: ['maintenance', 'production'],
  technologies: ['iot', 'ai'],
  description: `${name}：设备远程运维与生产管控`,
  ...extra,
});

const general = (f: number, extra: Record<string, unknown> = {}) => ({
  revenueWan: 6000 * f,
  investmentWan: 1200 * f,
  profitWan: 100 * f,
  teamSize: Math.round(60 * f),
  servedEnterprises: Math.round(600 * f),
  patentsAndCopyrights: Math.round(30 * f),
  standards: 1,
  dataTb: 60 * f,
  security: { protected: true, mlpsLevel: 2 },
  monitoringConnected: true,
  ...extra,
});

const comprehensive = (f: number, extra: Record<string, unknown> = {}) => ({
  general: general(f),
  specific: {
    devices: Math.round(12000 * f),
    appSubscriptions: Math.round(11000 * f),
    mechanismModels: Math.round(250 * f),
    industriesServed: 4,
    parksServed: 2,
    developers: { registered: Math.round(1200 * f), active: Math.round(300 * f) },
    registeredUsers: Math.round(6000 * f),
    transactionWan: 12000 * f,
    ...extra,
  },
});

const specialized = {
  general: general(0.5),
  specific: {
    devices: 800,
    ownApps: 15,
    mechanismModels: 60,
    appSubscriptions: 6000,
    registeredUsers: 1500,
    dailyActiveUsers: 200,
    developers: { registered: 300, active: 80 },
    lowCode: true,
  },
};

// id → [year, report] in the order they are filed; the last one per platform is its latest.
const REPORTS: [string, number, ReturnType<typeof comprehensive> | typeof specialized][] = [
  ['plt_a', Y - 1, comprehensive(1, { devices: 1000 })],
  ['plt_a', Y, comprehensive(3)],
  ['plt_b', Y, comprehensive(0.2)],
  ['plt_c', Y, comprehensive(1)],
  ['plt_s', Y, specialized],
];

const assessments = new Map<string, { level: number; year: number }>();

beforeAll(async () => {
  stack = await startTestStack();
  bureau = await stack.token('bureau');
  for (const [id, category] of [['plt_a', 'comprehensive'], ['plt_b', 'comprehensive'], ['plt_c', 'comprehensive'], ['plt_s', 'specialized'], ['plt_none', 'specialized']] as const) {
    const res = await stack.call('POST', '/v1/platforms', { token: await stack.token('platform', id), body: platform(`平台${id}`, category) });
    expect(res.status).toBe(201);
  }
  const solution = (title: string) => ({ title, description: `${title}方案`, industries: ['C38'], domains: ['maintenance'], technologies: ['iot'] });
  for (const [id, title] of [['plt_a', '预测性维护'], ['plt_a', '能耗监测'], ['plt_s', '设备上云']]) {
    expect((await stack.call('POST', `/v1/platforms/${id}/solutions`, { token: bureau, body: solution(title!) })).status).toBe(201);
  }
  for (const [id, year, body] of REPORTS) {
    const res = await stack.call('PUT', `/v1/platforms/${id}/indicators/${year}`, { token: bureau, body });
    expect(res.status).toBe(202);
  }
  for (const id of ['plt_a', 'plt_b', 'plt_c', 'plt_s']) {
    const a = await eventually(async () => {
      const res = await stack.call('GET', `/v1/platforms/${id}/assessment`);
      return res.status === 200 && res.body.year === Y ? res.body : undefined;
    });
    assessments.set(id, a);
  }
  // One draft scenario so the scenario counts are not all zero.
  const mfr = await stack.token('manufacturer', 'ent_1');
  const sc = await stack.call('POST', '/v1/scenarios', {
    token: mfr,
    body: {
      title: '注塑车间设备经常突发停机',
      description: '我们有80台注塑机，经常突发停机，希望提前发现故障。',
      enterprise: { name: '青岛某塑料制品有限公司', creditCode: '91350100M000100Y43' },
      industry: 'C29',
      domains: ['maintenance'],
      technologies: ['iot'],
      region: '黄岛区',
    },
  });
  expect(sc.status).toBe(201);
}, 90_000);
afterAll(() => stack?.stop());

const latestOf = (id: string) => REPORTS.filter(([pid]) => pid === id).at(-1)![2];

describe('GET /v1/stats/overview', () => {
  it('counts platforms by category × level and sums the latest reports', async () => {
    const res = await stack.call('GET', '/v1/stats/overview', { token: bureau });
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.platforms.total).toBe(5);
    const comp = o.platforms.byCategory.find((c: { category: string }) => c.category === 'comprehensive');
    const expectedLevels = [0, 0, 0, 0];
    for (const id of ['plt_a', 'plt_b', 'plt_c']) expectedLevels[assessments.get(id)!.level]!++;
    expect(comp).toEqual({ category: 'comprehensive', total: 3, byLevel: expectedLevels });
    // Not everyone sits at level 0: the fixtures span the thresholds.
    expect(assessments.get('plt_a')!.level).toBeGreaterThanOrEqual(1);
    expect(assessments.get('plt_b')!.level).toBe(0);
    const spec = o.platforms.byCategory.find((c: { category: string }) => c.category === 'specialized');
    expect(spec.total).toBe(2);
    expect(spec.byLevel[0] + spec.byLevel[1] + spec.byLevel[2] + spec.byLevel[3]).toBe(2);
    expect(o.platforms.byCategory.find((c: { category: string }) => c.category === 'characteristic')).toEqual({
      category: 'characteristic', total: 0, byLevel: [0, 0, 0, 0],
    });

    let devices = 0, served = 0, apps = 0;
    for (const id of ['plt_a', 'plt_b', 'plt_c', 'plt_s']) {
      const r = latestOf(id);
      const s = r.specific as Record<string, unknown>;
      devices += s.devices as number;
      served += r.general.servedEnterprises;
      apps += ((s.ownApps as number) ?? 0) + ((s.appSubscriptions as number) ?? 0);
    }
    expect(o.coreElements).toEqual({ apps, devices, servedEnterprises: served, solutions: 3, platformsReporting: 4 });

    expect(o.leads).toEqual({
      total: 0,
      byStatus: { pending: 0, accepted: 0, declined: 0, contacted: 0, proposal: 0, signed: 0, delivered: 0, lost: 0 },
      acceptanceRate: null,
    });
    expect(o.funnel).toMatchObject({ total: { leads: 0, signed: 0, contractWan: 0, meanStars: null }, byCategory: [], byMonth: [], medianFirstResponseHours: null, stale: 0 });
    expect(o.scenarios.total).toBe(1);
    expect(o.scenarios.byStatus.draft).toBe(1);

    expect(o.trend.map((t: { year: number }) => t.year)).toEqual([Y - 1, Y]);
    expect(o.trend[0]).toEqual({ year: Y - 1, platformsReporting: 1, devices: 1000, servedEnterprises: 600, apps: 11000 });
    expect(o.trend[1]).toMatchObject({ year: Y, platformsReporting: 4, devices, servedEnterprises: served, apps });
  });

  it('is for the bureau only', async () => {
    expect((await stack.call('GET', '/v1/stats/overview')).status).toBe(401);
    expect((await stack.call('GET', '/v1/stats/overview', { token: await stack.token('platform', 'plt_a') })).status).toBe(403);
    expect((await stack.call('GET', '/v1/stats/overview', { token: await stack.token('manufacturer', 'ent_1') })).status).toBe(403);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await stack.call('GET', '/v1/openapi.json')).body;
    for (const p of ['/v1/stats/overview', '/v1/stats/bottlenecks', '/v1/stats/platforms', '/v1/platforms/{id}/portrait'])
      expect(doc.paths[p]?.get, p).toBeTruthy();
    expect(doc.components.schemas.StatsOverview).toBeTruthy();
  });
});

describe('GET /v1/stats/platforms', () => {
  it('lists every platform, graded or not, with its latest figures', async () => {
    const res = await stack.call('GET', '/v1/stats/platforms', { token: bureau });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    const none = res.body.items.find((r: { id: string }) => r.id === 'plt_none');
    expect(none).toMatchObject({ reportedYear: null, devices: 0, level: 0 });
    const a = res.body.items.find((r: { id: string }) => r.id === 'plt_a');
    expect(a).toMatchObject({ reportedYear: Y, devices: 36000, level: assessments.get('plt_a')!.level });
  });
});

describe('GET /v1/platforms/{id}/portrait', () => {
  it('scores every dimension in [0, 100] against same-category peers', async () => {
    const res = await stack.call('GET', '/v1/platforms/plt_a/portrait', { token: bureau });
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({ platformId: 'plt_a', category: 'comprehensive', year: Y, peers: 3, name: '平台plt_a' });
    expect(p.dimensions.map((d: { key: string }) => d.key)).toEqual([
      'resources', 'technology', 'enablement', 'contribution', 'sustainability', 'matchmaking',
    ]);
    for (const d of p.dimensions) {
      if (d.score === null) continue;
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(100);
    }
    // plt_a is three times plt_c and fifteen times plt_b on every figure: it leads the category.
    expect(p.dimensions.find((d: { key: string }) => d.key === 'resources').score).toBeCloseTo(100, 6);
    expect(p.developmentIndex).toBeGreaterThan(0);
    expect(p.developmentIndex).toBeLessThanOrEqual(100);
    expect(p.method.zh).toContain('熵权法');
    // Devices went from 1000 to 36000 in a year: worth a second look, and the platform is told.
    expect(p.warnings.map((w: { code: string; indicator: string }) => [w.code, w.indicator])).toContainEqual(['yoy_jump', 'devices']);
  });

  it('shows the platform its own portrait, warnings included', async () => {
    const res = await stack.call('GET', '/v1/platforms/plt_a/portrait', { token: await stack.token('platform', 'plt_a') });
    expect(res.status).toBe(200);
    expect(res.body.warnings.length).toBeGreaterThan(0);
    const b = await stack.call('GET', '/v1/platforms/plt_b/portrait', { token: bureau });
    expect(b.status).toBe(200);
    expect(b.body.dimensions.find((d: { key: string }) => d.key === 'resources').score).toBeCloseTo(0, 6);
  });

  it('answers 403 to other platforms and manufacturers, 404 without platform or report', async () => {
    expect((await stack.call('GET', '/v1/platforms/plt_a/portrait')).status).toBe(401);
    const other = await stack.call('GET', '/v1/platforms/plt_a/portrait', { token: await stack.token('platform', 'plt_b') });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    expect((await stack.call('GET', '/v1/platforms/plt_a/portrait', { token: await stack.token('manufacturer', 'ent_1') })).status).toBe(403);
    const missing = await stack.call('GET', '/v1/platforms/plt_nope/portrait', { token: bureau });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    expect((await stack.call('GET', '/v1/platforms/plt_none/portrait', { token: bureau })).status).toBe(404);
    expect((await stack.call('GET', '/v1/platforms/plt_none/portrait', { token: await stack.token('platform', 'plt_none') })).status).toBe(404);
  });
});

describe('GET /v1/stats/bottlenecks', () => {
  it('ranks the indicators holding platforms back, per category', async () => {
    const res = await stack.call('GET', '/v1/stats/bottlenecks', { token: bureau });
    expect(res.status).toBe(200);
    expect(res.body.assessed).toBe(4);
    expect(res.body.categories.map((c: { category: string }) => c.category)).toEqual(['comprehensive', 'specialized']);
    const comp = res.body.categories[0];
    expect(comp.assessed).toBe(3);
    expect(comp.heldBack).toBe(3);
    expect(comp.items.length).toBeGreaterThan(0);
    for (let i = 1; i < comp.items.length; i++) expect(comp.items[i - 1].count).toBeGreaterThanOrEqual(comp.items[i].count);
    for (const item of comp.items) {
      expect(item.share).toBeCloseTo(item.count / comp.heldBack, 12);
      expect(item.label.zh).toBeTruthy();
      expect(item.label.en).toBeTruthy();
    }
    // The weakest platform misses the level-1 revenue threshold; the others miss level-2 figures.
    expect(comp.items.map((i: { indicator: string }) => i.indicator)).toContain('revenueWan');
  });

  it('is for the bureau only', async () => {
    expect((await stack.call('GET', '/v1/stats/bottlenecks', { token: await stack.token('platform', 'plt_a') })).status).toBe(403);
  });
});

describe('POST /dev/token', () => {
  it('issues a working token in the test stage', async () => {
    const res = await stack.call('POST', '/dev/token', { body: { role: 'platform', org: 'plt_a' } });
    expect(res.status).toBe(200);
    expect((await stack.call('GET', '/v1/platforms/plt_a/portrait', { token: res.body.token })).status).toBe(200);
    expect((await stack.call('POST', '/dev/token', { body: { role: 'platform' } })).status).toBe(400);
  });

  it('does not exist outside local and test', async () => {
    const prod = createApp({ ...stack.deps, settings: { ...stack.settings, STAGE: 'prod' } });
    const res = await prod.request('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'bureau' }) });
    expect(res.status).toBe(404);
    const signIn = await (await prod.request('/sign-in')).text();
    expect(signIn).not.toContain('data-testid="dev-token-form"');
  });
});
