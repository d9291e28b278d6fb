import { paginateScan } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetHeaders } from '#core/import/sheets';
import { creditCodeFor } from '../support/fixtures';
import { creditCode } from '../support/round-fixtures';
import { startTestStack, type TestStack } from '../support/stack';

// The bureau starts from Excel: last year's 名录 and its 场景清单, all or nothing, once.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let stack: TestStack;
let bureau: string;

async function workbook(headers: string[], rows: (string | number)[][]): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const upload = async (path: string, bytes: Uint8Array<ArrayBuffer>, token = bureau) => {
  const res = await stack.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': XLSX }, body: bytes });
  return { status: res.status, body: await res.json() };
};

async function itemCount(): Promise<number> {
  // Summed over pages: one Scan stops after 1 MB read, COUNT or not.
  let n = 0;
  for await (const page of paginateScan({ client: stack.deps.db }, { TableName: stack.settings.TABLE_NAME, Select: 'COUNT' })) n += page.Count ?? 0;
  return n;
}

const platformRow = (name: string, code: string, extra: Partial<Record<string, string | number>> = {}) => {
  const row: Record<string, string | number> = {
    平台名称: name, 运营单位: `${name}公司`, 统一社会信用代码: code, 类型: '专业型', 子类型: '', 区市: '崂山区',
    行业: 'C38、C34', 领域: '设备运维，能耗监测', 技术: 'iot', 平台简介: '设备远程运维与预测性维护平台', 等级: '二级', ...extra,
  };
  return sheetHeaders('directory').map((h) => row[h] ?? '');
};

beforeAll(async () => {
  stack = await startTestStack({ pollers: false });
  bureau = await stack.token('bureau');
});
afterAll(() => stack?.stop());

describe('bulk import of last year’s 名录', () => {
  const year = new Date().getUTCFullYear() - 2;

  it('a file with any bad row imports nothing and reports every problem by row and column', async () => {
    const before = await itemCount();
    const bytes = await workbook(sheetHeaders('directory'), [
      platformRow('甲平台', creditCode('91370200300000001')),
      platformRow('乙平台', '91370200300000002X', { 区市: '火星区' }),
      platformRow('丙平台', creditCode('91370200300000003'), { 等级: '五级' }),
    ]);
    const res = await upload(`/v1/imports/directory?year=${year}`, bytes);
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['rows.3.统一社会信用代码', 'rows.3.区市', 'rows.4.等级']));
    expect(paths.some((p: string) => p.startsWith('rows.2'))).toBe(false);
    expect(await itemCount()).toBe(before);
    expect((await stack.call('GET', `/v1/directory/${year}`)).status).toBe(404);
  });

  it('a missing column is named', async () => {
    const res = await upload(`/v1/imports/directory?year=${year}`, await workbook(['平台名称'], [['甲平台']]));
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('rows.1.统一社会信用代码');
  });

  it('a good file imports once; uploading it again changes nothing', async () => {
    const bytes = await workbook(sheetHeaders('directory'), [
      platformRow('甲平台', creditCode('91370200300000001')),
      platformRow('乙平台', creditCode('91370200300000002'), { 类型: 'characteristic', 子类型: '垂直行业', 等级: 1 }),
    ]);
    const first = await upload(`/v1/imports/directory?year=${year}`, bytes);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ rows: 2, created: 2, replayed: false });
    const dir = await stack.call('GET', `/v1/directory/${year}`);
    expect(dir.body.entries.map((e: { platformName: string; level: number }) => [e.platformName, e.level])).toEqual([['甲平台', 2], ['乙平台', 1]]);
    const platform = await stack.call('GET', `/v1/platforms/${dir.body.entries[1].platformId}`);
    expect(platform.body).toMatchObject({ category: 'characteristic', subtype: 'vertical', industries: ['C38', 'C34'], domains: ['maintenance', 'energy'] });

    const count = await itemCount();
    const again = await upload(`/v1/imports/directory?year=${year}`, bytes);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, created: 2 });
    expect(await itemCount()).toBe(count);
    expect((await stack.call('GET', `/v1/directory/${year}`)).body).toEqual(dir.body);
    expect((await upload(`/v1/imports/directory?year=${year}`, bytes, await stack.token('platform', 'plt_x'))).status).toBe(403);
  });
});

describe('bulk import of a 场景清单', () => {
  const headers = sheetHeaders('scenarios');
  const row = (title: string, extra: Record<string, string | number> = {}) => {
    const r: Record<string, string | number> = {
      场景名称: title, 需求描述: '80台注塑机经常突发停机，希望提前发现故障', 企业名称: '青岛某塑料制品有限公司', 统一社会信用代码: '91350100M000100Y43',
      行业: 'C29', 领域: '设备运维', 技术: '', 区市: '黄岛区', '预算（万元）': 50, 截止日期: '2027-06-30', ...extra,
    };
    return headers.map((h) => r[h] ?? '');
  };

  it('imports published scenarios once, refusing a file with a bad row whole', async () => {
    const before = await itemCount();
    const bad = await upload('/v1/imports/scenarios', await workbook(headers, [row('注塑机停机预警'), row('能耗看板', { '预算（万元）': '五十', 行业: 'Z99' })]));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['rows.3.预算（万元）', 'rows.3.行业']));
    expect(await itemCount()).toBe(before);

    const bytes = await workbook(headers, [row('注塑机停机预警'), row('能耗看板')]);
    const ok = await upload('/v1/imports/scenarios?batch=第1批', bytes);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ rows: 2, created: 2 });
    const list = await stack.call('GET', '/v1/scenarios?status=published', { token: bureau });
    expect(list.body.items.map((s: { title: string; batch: string }) => [s.title, s.batch]).sort()).toEqual([['注塑机停机预警', '第1批'], ['能耗看板', '第1批']]);
    const count = await itemCount();
    expect((await upload('/v1/imports/scenarios?batch=第1批', bytes)).body.replayed).toBe(true);
    expect(await itemCount()).toBe(count);
  });

  it('from a district: its own region’s enterprises only; another region’s row is that row’s error and nothing is written', async () => {
    const jiaozhou = await stack.token('district', undefined, { district: '胶州市' });
    const before = await itemCount();
    const mixed = await upload('/v1/imports/scenarios', await workbook(headers, [row('冲压件外协对账', { 区市: '胶州市' }), row('黄岛企业的场景')]), jiaozhou);
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.details.map((d: { path: string }) => d.path)).toEqual(['rows.3.区市']);
    expect(await itemCount()).toBe(before);

    const ok = await upload('/v1/imports/scenarios?batch=胶州第1批', await workbook(headers, [row('冲压件外协对账', { 区市: '胶州市' })]), jiaozhou);
    expect(ok.status).toBe(201);
    const mine = await stack.call('GET', '/v1/scenarios', { token: jiaozhou });
    expect(mine.body.items.map((x: { title: string; enteredByDistrict: string; status: string }) => [x.title, x.enteredByDistrict, x.status])).toEqual([['冲压件外协对账', '胶州市', 'published']]);
    expect((await upload(`/v1/imports/directory?year=2019`, await workbook(sheetHeaders('directory'), [platformRow('区市导名录', creditCodeFor(31))]), jiaozhou)).status).toBe(403);
  });

  it('refuses what is not an xlsx workbook', async () => {
    const res = await upload('/v1/imports/scenarios', new TextEncoder().encode('name,title\n1,2'));
    expect(res.status).toBe(400);
  });
});
