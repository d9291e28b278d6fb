import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, scenarioBody } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let bureau: string;
const scenarioIds: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ env: { MATCH_TOP_K: '3' } });
  bureau = await stack.token('bureau');
  for (const [i, d] of (['maintenance', 'energy', 'quality'] as const).entries()) {
    const p = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(`路演平台${i}`, { domains: [d, 'maintenance'] }) });
    await stack.call('POST', `/v1/platforms/${p.body.id}/solutions`, {
      token: bureau,
      body: { title: `设备运维方案${i}`, description: '设备故障预警与预测性维护，减少停机。', industries: [], domains: ['maintenance'], technologies: ['iot'] },
    });
  }
  const mfr = await stack.token('manufacturer', 'ent_roadshow');
  for (let i = 0; i < 4; i++) {
    const sc = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: `路演场景${i}：注塑机停机` }) });
    scenarioIds.push(sc.body.id);
  }
});
afterAll(() => stack?.stop());

describe('scenario batches and roadshows', () => {
  it('the bureau publishes a batch in one call and is told what was refused', async () => {
    const res = await stack.call('POST', '/v1/scenarios/batches', { token: bureau, body: { batch: '第1批场景清单', scenarioIds: [...scenarioIds, 'scn_missing'] } });
    expect(res.status).toBe(202);
    expect(res.body.published).toBe(4);
    expect(res.body.results.at(-1)).toEqual({ id: 'scn_missing', ok: false, error: 'NOT_FOUND' });
    const again = await stack.call('POST', '/v1/scenarios/batches', { token: bureau, body: { batch: '第1批场景清单', scenarioIds: [scenarioIds[0]] } });
    expect(again.body.results[0]).toMatchObject({ ok: false, error: 'CONFLICT' });
    for (const id of scenarioIds) await eventually(async () => (await stack.call('GET', `/v1/scenarios/${id}`, { token: bureau })).body.status === 'matched');
    expect((await stack.call('GET', `/v1/scenarios/${scenarioIds[0]}`, { token: bureau })).body.batch).toBe('第1批场景清单');
  });

  it('composes an agenda within the capacity limits, invites platforms with roadshow leads, and exports it', async () => {
    const res = await stack.call('POST', '/v1/roadshows', {
      token: bureau,
      body: { title: '设备运维专场路演', date: '2026-12-10', domains: ['maintenance'], maxScenarios: 3, platformsPerScenario: 2, maxSlotsPerPlatform: 2 },
    });
    expect(res.status).toBe(202);
    const r = await eventually(async () => {
      const g = await stack.call('GET', `/v1/roadshows/${res.body.id}`, { token: bureau });
      return g.body.status === 'composed' ? g.body : null;
    });
    expect(r.agenda).toHaveLength(3);
    const slots = new Map<string, number>();
    for (const a of r.agenda) {
      expect(a.platforms.length).toBeGreaterThanOrEqual(1);
      expect(a.platforms.length).toBeLessThanOrEqual(2);
      for (const p of a.platforms) slots.set(p.platformId, (slots.get(p.platformId) ?? 0) + 1);
    }
    expect(Math.max(...slots.values())).toBeLessThanOrEqual(2);
    const invited = r.agenda.reduce((n: number, a: { platforms: unknown[] }) => n + a.platforms.length, 0);
    const roadshowLeads = await eventually(async () => {
      const items = (await stack.call('GET', '/v1/leads?limit=200', { token: bureau })).body.items.filter((l: { roadshowId?: string }) => l.roadshowId === r.id);
      return items.length === invited ? items : null;
    });
    expect(roadshowLeads).toHaveLength(invited);

    const csv = await stack.app.request(`/v1/roadshows/${r.id}/agenda.csv`, { headers: { authorization: `Bearer ${bureau}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('场景名称 Scenario');
    expect(lines).toHaveLength(invited + 1);

    const xlsx = await stack.app.request(`/v1/roadshows/${r.id}/agenda.xlsx`, { headers: { authorization: `Bearer ${bureau}` } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('设备运维专场路演');
    expect(ws.rowCount).toBe(invited + 2);

    const mfr = await stack.token('manufacturer', 'ent_roadshow');
    expect((await stack.call('GET', `/v1/roadshows/${r.id}/agenda.csv`, { token: mfr })).status).toBe(403);
  });
});
