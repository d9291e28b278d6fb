import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Category } from '#core/taxonomy';
import {
  GeneralIndicators,
  IndicatorReport,
  SPECIFIC_INDICATORS,
  chinaYear,
  indicatorKind,
  indicatorReportSchema,
  reportYearSchema,
  type IndicatorReportFor,
} from '#core/indicators';

const CATEGORIES: Category[] = ['comprehensive', 'characteristic', 'specialized'];

const general = (): IndicatorReportFor['general'] => ({
  revenueWan: 1200.5,
  investmentWan: 400,
  profitWan: 35.2,
  teamSize: 30,
  servedEnterprises: 150,
  patentsAndCopyrights: 12,
  standards: 1,
  dataTb: 12.5,
  security: { protected: true, mlpsLevel: 2 },
  monitoringConnected: true,
});

const SPECIFIC = {
  comprehensive: () => ({
    devices: 20000,
    appSubscriptions: 12000,
    mechanismModels: 300,
    industriesServed: 4,
    parksServed: 2,
    developers: { registered: 1500, active: 300 },
    registeredUsers: 8000,
    transactionWan: 15000,
  }),
  characteristic: () => ({
    devices: 2000,
    protocols: 15,
    ownApps: 12,
    mechanismModels: 60,
    storesAndPartners: 55,
    transactionWan: 1200,
  }),
  specialized: () => ({
    devices: 800,
    ownApps: 11,
    mechanismModels: 70,
    appSubscriptions: 6000,
    registeredUsers: 1500,
    dailyActiveUsers: 200,
    developers: { registered: 250, active: 40 },
    lowCode: true,
  }),
} satisfies { [C in Category]: () => IndicatorReportFor<C>['specific'] };

const validReport = (category: Category) => ({ general: general(), specific: SPECIFIC[category]() });

/** A valid report with one dotted path (prefixed 'general.' or 'specific.') replaced or deleted. */
function mutated(category: Category, path: string, value: unknown, mode: 'set' | 'delete' = 'set') {
  const report: Record<string, any> = validReport(category);
  const segments = path.split('.');
  let node = report;
  for (const s of segments.slice(0, -1)) node = node[s];
  const leaf = segments.at(-1)!;
  if (mode === 'delete') delete node[leaf];
  else node[leaf] = value;
  return report;
}

/** Parses under `category` and returns the issue paths (joined), or [] when valid. */
function issuePaths(category: Category, input: unknown): string[] {
  const result = indicatorReportSchema(category).safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('indicator report', () => {
  it.each(CATEGORIES)('accepts a complete %s report', (category) => {
    const input = validReport(category);
    const parsed = indicatorReportSchema(category).parse(input);
    expect(parsed).toEqual(input);
  });

  it.each(CATEGORIES)('the category-agnostic IndicatorReport accepts a %s report too', (category) => {
    expect(IndicatorReport.safeParse(validReport(category)).success).toBe(true);
  });

  it('accepts a negative profit (a loss) and zero everywhere', () => {
    expect(issuePaths('characteristic', mutated('characteristic', 'general.profitWan', -850.5))).toEqual([]);
    const zeros = mutated('comprehensive', 'general.revenueWan', 0);
    zeros.general.dataTb = 0;
    zeros.general.security.mlpsLevel = 0;
    expect(issuePaths('comprehensive', zeros)).toEqual([]);
  });

  it.each([
    ['general.teamSize', -1],
    ['general.servedEnterprises', -5],
    ['general.standards', -1],
    ['specific.devices', -1],
    ['specific.developers.registered', -1],
    ['specific.developers.active', -1],
  ])('rejects a negative count at %s', (path, value) => {
    expect(issuePaths('comprehensive', mutated('comprehensive', path, value))).toEqual([path]);
  });

  it.each([
    ['general.revenueWan', -0.01],
    ['general.investmentWan', -1],
    ['general.dataTb', -0.5],
    ['specific.transactionWan', -100],
  ])('rejects a negative amount at %s', (path, value) => {
    expect(issuePaths('comprehensive', mutated('comprehensive', path, value))).toEqual([path]);
  });

  it.each(['general.teamSize', 'general.patentsAndCopyrights', 'specific.devices', 'specific.protocols'])(
    'rejects a fractional count at %s',
    (path) => {
      expect(issuePaths('characteristic', mutated('characteristic', path, 10.5))).toEqual([path]);
    },
  );

  it.each([
    ['general.revenueWan', '1200'],
    ['general.teamSize', '30'],
    ['general.profitWan', '-5'],
    ['specific.dailyActiveUsers', '200'],
    ['general.monitoringConnected', 'true'],
    ['specific.lowCode', 1],
    ['general.revenueWan', null],
  ])('rejects %s = %j (wrong type, no coercion)', (path, value) => {
    expect(issuePaths('specialized', mutated('specialized', path, value))).toEqual([path]);
  });

  it.each([
    ['general.revenueWan', Number.NaN],
    ['general.profitWan', Number.NaN],
    ['general.profitWan', Number.NEGATIVE_INFINITY],
    ['general.dataTb', Number.POSITIVE_INFINITY],
    ['general.investmentWan', Number.POSITIVE_INFINITY],
    ['specific.transactionWan', Number.POSITIVE_INFINITY],
    ['specific.devices', Number.POSITIVE_INFINITY],
  ])('rejects %s = %d', (path, value) => {
    expect(issuePaths('comprehensive', mutated('comprehensive', path, value))).toEqual([path]);
  });

  it.each([
    [5, false],
    [-1, false],
    [2.5, false],
    [0, true],
    [4, true],
  ])('mlpsLevel %d valid: %s', (level, ok) => {
    const paths = issuePaths('specialized', mutated('specialized', 'general.security.mlpsLevel', level));
    expect(paths).toEqual(ok ? [] : ['general.security.mlpsLevel']);
  });

  it.each([
    ['general.revenueWan'],
    ['general.security'],
    ['general.security.protected'],
    ['specific.lowCode'],
    ['specific.developers.active'],
  ])('rejects a report missing %s', (path) => {
    expect(issuePaths('specialized', mutated('specialized', path, undefined, 'delete'))).toEqual([path]);
  });

  it.each(CATEGORIES)('rejects a %s report without its category block', (category) => {
    expect(issuePaths(category, mutated(category, 'specific', undefined, 'delete'))).toEqual(['specific']);
    expect(issuePaths(category, { general: general(), specific: {} }).every((p) => p.startsWith('specific.'))).toBe(true);
  });

  it.each(
    CATEGORIES.flatMap((expected) =>
      CATEGORIES.filter((c) => c !== expected).map((sent) => [expected, sent] as const),
    ),
  )('a %s report carrying the %s block fails under specific', (expected, sent) => {
    const paths = issuePaths(expected, validReport(sent));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p === 'specific' || p.startsWith('specific.'))).toBe(true);
  });

  it.each([
    ['', 'category'],
    ['general', 'revenue'],
    ['general.security', 'level'],
    ['specific', 'devicesCount'],
    ['specific.developers', 'total'],
  ])('rejects an unknown key in %j: %s', (at, key) => {
    const report = validReport('comprehensive') as Record<string, any>;
    const target = at === '' ? report : at.split('.').reduce((n, s) => n[s], report);
    target[key] = 1;
    const result = indicatorReportSchema('comprehensive').safeParse(report);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: [key], path: at === '' ? [] : at.split('.') }),
    ]);
  });

  it('reuses one schema per category', () => {
    expect(indicatorReportSchema('specialized')).toBe(indicatorReportSchema('specialized'));
  });
});

describe('field descriptions', () => {
  it('names fields in Chinese, as given by the programme', () => {
    const shape = GeneralIndicators.shape;
    expect(shape.revenueWan.description).toBe('主营业务收入（万元）');
    expect(shape.profitWan.description).toMatch(/^自身盈利能力/);
    expect(shape.security.description).toBe('安全防护水平（网络安全等级保护级别）');
    expect(shape.monitoringConnected.description).toBe('是否接入平台监测系统');
  });

  it('describes every field of every block, nested ones included', () => {
    const undocumented: string[] = [];
    const walk = (schema: z.ZodObject, prefix: string) => {
      for (const [key, field] of Object.entries(schema.shape)) {
        const path = `${prefix}${key}`;
        if (!/[\u4e00-\u9fff]/.test(field.description ?? '')) undocumented.push(path);
        if (field instanceof z.ZodObject) walk(field, `${path}.`);
      }
    };
    walk(GeneralIndicators, 'general.');
    for (const c of CATEGORIES) walk(SPECIFIC_INDICATORS[c], `${c}.`);
    expect(undocumented).toEqual([]);
  });
});

describe('indicatorKind', () => {
  it.each([
    ['comprehensive', 'revenueWan', 'number'],
    ['comprehensive', 'developers.registered', 'number'],
    ['comprehensive', 'security.mlpsLevel', 'number'],
    ['characteristic', 'security.protected', 'boolean'],
    ['specialized', 'lowCode', 'boolean'],
    ['comprehensive', 'lowCode', undefined],
    ['characteristic', 'developers.registered', undefined],
    ['comprehensive', 'developers', undefined],
    ['comprehensive', 'revenueWan.value', undefined],
    ['comprehensive', '__proto__', undefined],
    ['comprehensive', 'constructor', undefined],
    ['comprehensive', 'security.toString', undefined],
  ] as const)('%s %s → %s', (category, path, kind) => {
    expect(indicatorKind(category, path)).toBe(kind);
  });
});

describe('report year', () => {
  const now = new Date('2025-06-15T04:00:00Z');
  const year = reportYearSchema(now);

  it.each([2015, 2020, 2025])('accepts %i', (y) => {
    expect(year.safeParse(y).success).toBe(true);
  });

  it.each([1900, 2014, 2026, 2027, 2024.5, Number.NaN])('rejects %d', (y) => {
    expect(year.safeParse(y).success).toBe(false);
  });

  it('rejects a year given as a string', () => {
    expect(year.safeParse('2024').success).toBe(false);
  });

  it('explains the limits in both languages', () => {
    const message = year.safeParse(2026).error!.issues[0]!.message;
    expect(message).toContain('2025');
    expect(message).toMatch(/申报年度.*\/ year/);
  });

  it('follows the calendar in China, not the server clock (UTC+8)', () => {
    // 16:30 UTC on 31 Dec is already 00:30 on 1 Jan in Qingdao.
    expect(chinaYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(chinaYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(reportYearSchema(new Date('2025-12-31T16:30:00Z')).safeParse(2026).success).toBe(true);
    expect(reportYearSchema(new Date('2025-12-31T15:59:59Z')).safeParse(2026).success).toBe(false);
  });
});
