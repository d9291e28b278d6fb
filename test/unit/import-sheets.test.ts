import { describe, expect, it } from 'vitest';
import { parseSheet, sheetHeaders } from '#core/import/sheets';

const headers = sheetHeaders('scenarios');
const row = (n: number, cells: Record<string, string>) => ({ row: n, cells: headers.map((h) => cells[h] ?? '') });
const good = {
  场景名称: '注塑机停机预警', 需求描述: '80台注塑机经常突发停机，希望提前发现故障', 企业名称: '青岛某塑料制品有限公司',
  统一社会信用代码: '91350100M000100Y43', 行业: 'C29 橡胶和塑料制品业', 领域: '设备运维、质量管控', 技术: 'iot ai', 区市: '黄岛区',
};

describe('reading the bureau’s spreadsheets', () => {
  it('accepts codes or Chinese labels and the usual list separators', () => {
    const r = parseSheet('scenarios', headers, [row(2, good)]);
    expect(r.errors).toEqual([]);
    expect(r.values[0]!.value).toMatchObject({ industry: 'C29', domains: ['maintenance', 'quality'], technologies: ['iot', 'ai'], region: '黄岛区' });
  });

  it('reports every problem of every row by row and column, and returns no values then', () => {
    const r = parseSheet('scenarios', headers, [row(2, good), row(3, { ...good, 场景名称: '', 区市: '火星区' }), row(4, { ...good, 领域: '跳舞' })]);
    expect(r.values).toEqual([]);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '场景名称' }),
        expect.objectContaining({ row: 4, column: '领域' }),
      ]),
    );
  });

  it('names a duplicate row and skips blank ones', () => {
    const r = parseSheet('scenarios', headers, [row(2, good), row(3, {}), row(4, good)]);
    expect(r.errors).toEqual([expect.objectContaining({ row: 4, column: '场景名称', message: expect.stringContaining('第 2 行') })]);
  });

  it('names missing columns on the header row', () => {
    const r = parseSheet('directory', ['平台名称', '等级'], [{ row: 2, cells: ['甲', '1'] }]);
    expect(r.errors.map((e) => [e.row, e.column])).toContainEqual([1, '统一社会信用代码']);
  });
});
