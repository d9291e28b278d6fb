import { describe, expect, it } from 'vitest';
import type { Category } from '#core/taxonomy';
import { indicatorReportSchema, type IndicatorReportFor } from '#core/indicators';
import { RuleSet, type Threshold } from '#core/maturity/rule-set';
import { QD_2025_1 } from '#core/maturity/qd-2025.1';
import {
  Assessment,
  assess,
  levelName,
  requiredPasses,
  type Level,
} from '#core/maturity/assess';

// ---------------------------------------------------------------------------------------------
// Fixtures: reports are derived from the rule set, then nudged one indicator at a time, so every
// test states only what differs from "exactly at level L".
// ---------------------------------------------------------------------------------------------

const CATEGORIES: Category[] = ['comprehensive', 'characteristic', 'specialized'];
const GRADED = [1, 2, 3] as const;
const OPTS = { platformId: 'p-001', year: 2024, assessedAt: '2025-03-01T08:00:00.000Z' };

type Overrides = Record<string, number | boolean>;

const SPECIFIC_ZERO = {
  comprehensive: {
    devices: 0,
    appSubscriptions: 0,
    mechanismModels: 0,
    industriesServed: 0,
    parksServed: 0,
    developers: { registered: 0, active: 0 },
    registeredUsers: 0,
    transactionWan: 0,
  },
  characteristic: { devices: 0, protocols: 0, ownApps: 0, mechanismModels: 0, storesAndPartners: 0, transactionWan: 0 },
  specialized: {
    devices: 0,
    ownApps: 0,
    mechanismModels: 0,
    appSubscriptions: 0,
    registeredUsers: 0,
    dailyActiveUsers: 0,
    developers: { registered: 0, active: 0 },
    lowCode: false,
  },
} satisfies { [C in Category]: IndicatorReportFor<C>['specific'] };

const GENERAL_KEYS = new Set([
  'revenueWan',
  'investmentWan',
  'profitWan',
  'teamSize',
  'servedEnterprises',
  'patentsAndCopyrights',
  'standards',
  'dataTb',
  'security',
  'monitoringConnected',
]);

function setPath(target: Record<string, unknown>, path: string, value: number | boolean): void {
  const segments = path.split('.');
  let node = target;
  for (const segment of segments.slice(0, -1)) node = node[segment] as Record<string, unknown>;
  const leaf = segments.at(-1)!;
  if (!Object.hasOwn(node, leaf)) throw new Error(`fixture has no indicator ${path}`);
  node[leaf] = value;
}

/** Returns a copy with indicators (dotted paths against { ...general, ...specific }) replaced. */
function withValues<C extends Category>(report: IndicatorReportFor<C>, overrides: Overrides): IndicatorReportFor<C> {
  const copy = structuredClone(report);
  for (const [path, value] of Object.entries(overrides)) {
    const block = GENERAL_KEYS.has(path.split('.')[0]!) ? copy.general : copy.specific;
    setPath(block as Record<string, unknown>, path, value);
  }
  return copy;
}

/** The value a threshold asks for at `level`, falling back to the nearest lower level's. */
function valueAt(t: Threshold, level: Level): number | boolean {
  for (let l = level; l >= 1; l--) {
    const v = t.levels[l - 1];
    if (v !== null && v !== undefined) return v;
  }
  return typeof t.levels.find((v) => v !== null) === 'boolean' ? false : 0;
}

/** Gates that admit exactly `level` (and not level + 1). */
function gatesFor(level: Level): Overrides {
  return {
    'security.protected': level >= 1,
    monitoringConnected: level >= 2,
    'security.mlpsLevel': level >= 3 ? 3 : level === 2 ? 2 : 1,
    profitWan: 100,
  };
}

/** A report sitting exactly on every threshold of `level` (all quantitative checks met, none above). */
function reportAt<C extends Category>(category: C, level: Level, ruleSet: RuleSet = QD_2025_1): IndicatorReportFor<C> {
  const base = {
    general: {
      revenueWan: 0,
      investmentWan: 0,
      profitWan: 0,
      teamSize: 0,
      servedEnterprises: 0,
      patentsAndCopyrights: 0,
      standards: 0,
      dataTb: 0,
      security: { protected: false, mlpsLevel: 0 },
      monitoringConnected: false,
    },
    specific: structuredClone(SPECIFIC_ZERO[category]),
  } as IndicatorReportFor<C>;
  const overrides: Overrides = { ...gatesFor(level) };
  for (const t of ruleSet.thresholds[category]) overrides[t.indicator] = valueAt(t, level);
  return withValues(base, overrides);
}

const run = <C extends Category>(category: C, report: IndicatorReportFor<C>, ruleSet: RuleSet = QD_2025_1) =>
  assess(ruleSet, category, report, OPTS);

const numericAt = (category: Category, level: 1 | 2 | 3) =>
  QD_2025_1.thresholds[category].filter((t) => typeof t.levels[level - 1] === 'number');
const countAt = (category: Category, level: 1 | 2 | 3) =>
  QD_2025_1.thresholds[category].filter((t) => t.levels[level - 1] !== null).length;

// ---------------------------------------------------------------------------------------------

describe('qd-2025.1 rule set data', () => {
  // The programme's published table, restated independently of the module so a typo in either shows.
  const N = null;
  const TABLE: Record<string, Partial<Record<Category, (number | boolean | null)[]>>> = {
    revenueWan: { comprehensive: [5000, 20000, 100000], characteristic: [1000, 5000, 20000], specialized: [500, 3000, 10000] },
    investmentWan: { comprehensive: [1000, 5000, 20000], characteristic: [300, 1000, 5000], specialized: [200, 1000, 3000] },
    teamSize: { comprehensive: [50, 200, 500], characteristic: [20, 50, 150], specialized: [15, 40, 100] },
    servedEnterprises: { comprehensive: [500, 2000, 10000], characteristic: [100, 500, 2000], specialized: [50, 300, 1000] },
    patentsAndCopyrights: { comprehensive: [20, 50, 150], characteristic: [10, 20, 50], specialized: [10, 30, 60] },
    standards: { comprehensive: [N, 2, 5], characteristic: [N, 1, 3], specialized: [N, 1, 3] },
    dataTb: { comprehensive: [50, 200, 1000], characteristic: [10, 50, 200], specialized: [5, 20, 100] },
    devices: { comprehensive: [10000, 100000, 1000000], characteristic: [1000, 10000, 100000], specialized: [500, 5000, 50000] },
    appSubscriptions: { comprehensive: [10000, 50000, 200000], specialized: [5000, 20000, 100000] },
    mechanismModels: { comprehensive: [200, 1000, 5000], characteristic: [50, 200, 1000], specialized: [50, 200, 1000] },
    industriesServed: { comprehensive: [3, 6, 10] },
    parksServed: { comprehensive: [1, 5, 10] },
    'developers.registered': { comprehensive: [1000, 10000, 50000], specialized: [200, 2000, 10000] },
    registeredUsers: { comprehensive: [5000, 50000, 200000], specialized: [1000, 10000, 50000] },
    transactionWan: { comprehensive: [10000, 100000, 500000], characteristic: [1000, 10000, 50000] },
    protocols: { characteristic: [10, 30, 100] },
    ownApps: { characteristic: [10, 50, 200], specialized: [10, 30, 100] },
    storesAndPartners: { characteristic: [50, 300, 1000] },
    dailyActiveUsers: { specialized: [100, 1000, 5000] },
    lowCode: { specialized: [N, true, true] },
  };

  it.each(CATEGORIES)('%s thresholds match the published table exactly', (category) => {
    const expected = Object.entries(TABLE)
      .filter(([, row]) => row[category] !== undefined)
      .map(([indicator, row]) => [indicator, row[category]]);
    const actual = QD_2025_1.thresholds[category].map((t) => [t.indicator, t.levels]);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    for (const t of QD_2025_1.thresholds[category]) expect(t.label.zh && t.label.en).toBeTruthy();
  });

  it('has the version, pass share and gates of the brief', () => {
    expect(QD_2025_1.version).toBe('qd-2025.1');
    expect(QD_2025_1.passShare).toBe(0.8);
    const gates = (l: 1 | 2 | 3) => QD_2025_1.gates[l].map((g) => [g.indicator, g.op, g.value]);
    expect(gates(1)).toEqual([['security.protected', 'eq', true]]);
    expect(gates(2)).toEqual([
      ['monitoringConnected', 'eq', true],
      ['security.mlpsLevel', 'gte', 2],
    ]);
    expect(gates(3)).toEqual([
      ['security.mlpsLevel', 'gte', 3],
      ['profitWan', 'gte', 0],
    ]);
  });

  it('is frozen, because every request shares it', () => {
    expect(Object.isFrozen(QD_2025_1)).toBe(true);
    expect(Object.isFrozen(QD_2025_1.thresholds.specialized[0]!.levels)).toBe(true);
  });
});

describe('fixtures', () => {
  it.each(CATEGORIES.flatMap((c) => [0, 1, 2, 3].map((l) => [c, l as Level] as const)))(
    '%s report at level %i is a valid report and grades to that level',
    (category, level) => {
      const report = reportAt(category, level);
      expect(indicatorReportSchema(category).safeParse(report).success).toBe(true);
      expect(run(category, report).level).toBe(level);
    },
  );
});

describe('requiredPasses', () => {
  it.each([
    [0.8, 10, 8],
    [0.8, 15, 12],
    [0.8, 14, 12],
    [0.8, 12, 10],
    [0.8, 13, 11],
    [0.8, 5, 4],
    [0.7, 10, 7],
    // 0.28 * 25 and 0.56 * 25 come out a hair above 7 and 14 in floating point; a naive ceil
    // would demand one check more than the rule says.
    [0.28, 25, 7],
    [0.56, 25, 14],
    [0.3, 10, 3],
    [1, 7, 7],
    [0.000001, 3, 1],
    [0.5, 0, 0],
  ])('passShare %d of %i checks needs %i', (share, total, needed) => {
    expect(requiredPasses(share, total)).toBe(needed);
  });
});

describe('threshold boundaries (every indicator, every level, every category)', () => {
  // Exactly the minimum number of checks at `level` are met and `pivot` is one of them, so moving
  // the pivot across its threshold must move the grade across the level boundary.
  const cases = CATEGORIES.flatMap((category) =>
    GRADED.flatMap((level) => numericAt(category, level).map((t) => [category, level, t.indicator] as const)),
  );

  it.each(cases)('%s L%i %s: just below / at / above', (category, level, pivot) => {
    const needed = requiredPasses(QD_2025_1.passShare, countAt(category, level));
    const numeric = numericAt(category, level);
    const others = numeric.filter((t) => t.indicator !== pivot);
    // Everything else at level, then enough non-pivot numeric indicators pushed just below so that
    // exactly `needed` checks (pivot included) remain met.
    const toFail = countAt(category, level) - needed;
    const failing: Overrides = {};
    for (const t of others.slice(0, toFail)) failing[t.indicator] = (t.levels[level - 1] as number) - 1;
    const atLevel = withValues(reportAt(category, level), failing);

    const required = numeric.find((t) => t.indicator === pivot)!.levels[level - 1] as number;
    const below = run(category, withValues(atLevel, { [pivot]: required - 1 }));
    const at = run(category, withValues(atLevel, { [pivot]: required }));
    const above = run(category, withValues(atLevel, { [pivot]: required + 1 }));

    expect(below.level).toBe(level - 1);
    expect(at.level).toBe(level);
    expect(above.level).toBe(level);

    const pivotCheck = (a: Assessment) => a.checks.find((c) => c.indicator === pivot && c.level === level)!;
    expect(pivotCheck(below)).toMatchObject({ met: false, value: required - 1, required, op: 'gte' });
    expect(pivotCheck(at)).toMatchObject({ met: true, value: required });
    expect(pivotCheck(above)).toMatchObject({ met: true, value: required + 1 });
  });

  it('money and data thresholds are compared exactly, with fractional values', () => {
    const report = reportAt('comprehensive', 1);
    // Fail two others so revenue decides: 14 checks at L1, 12 needed.
    const base = withValues(report, { teamSize: 49, devices: 9999 });
    expect(run('comprehensive', withValues(base, { revenueWan: 4999.99 })).level).toBe(0);
    expect(run('comprehensive', withValues(base, { revenueWan: 5000 })).level).toBe(1);
    expect(run('comprehensive', withValues(base, { dataTb: 49.999 })).level).toBe(0);
  });
});

describe('pass share', () => {
  // comprehensive L2 has 15 checks, so 12 is exactly 80 %.
  const l2Checks = QD_2025_1.thresholds.comprehensive;
  const failFirst = (n: number) => {
    const overrides: Overrides = {};
    for (const t of l2Checks.slice(0, n)) overrides[t.indicator] = (t.levels[1] as number) - 1;
    return withValues(reportAt('comprehensive', 2), overrides);
  };

  it('exactly 80 % (12 of 15) passes', () => {
    expect(countAt('comprehensive', 2)).toBe(15);
    const a = run('comprehensive', failFirst(3));
    expect(a.checks.filter((c) => c.level === 2 && c.kind === 'threshold' && c.met)).toHaveLength(12);
    expect(a.level).toBe(2);
  });

  it('one fewer (11 of 15) fails', () => {
    expect(run('comprehensive', failFirst(4)).level).toBe(1);
  });

  it('rounds the required count up when 80 % is fractional (14 checks → 12 needed, 11 fails)', () => {
    // comprehensive L1 has 14 checks (standards starts at L2): 11.2 rounds up to 12.
    const l1 = numericAt('comprehensive', 1);
    const fail = (n: number) =>
      Object.fromEntries(l1.slice(0, n).map((t) => [t.indicator, (t.levels[0] as number) - 1]));
    expect(run('comprehensive', withValues(reportAt('comprehensive', 1), fail(2))).level).toBe(1);
    expect(run('comprehensive', withValues(reportAt('comprehensive', 1), fail(3))).level).toBe(0);
  });

  it('a boolean threshold counts like any other check (specialized lowCode at L2)', () => {
    // specialized L2: 15 checks, 12 needed. Fail 3 numeric ones, then lowCode tips it.
    const numeric = numericAt('specialized', 2).slice(0, 3);
    const report = withValues(
      reportAt('specialized', 2),
      Object.fromEntries(numeric.map((t) => [t.indicator, (t.levels[1] as number) - 1])),
    );
    expect(run('specialized', report).level).toBe(2);
    const noLowCode = run('specialized', withValues(report, { lowCode: false }));
    expect(noLowCode.level).toBe(1);
    expect(noLowCode.checks.find((c) => c.indicator === 'lowCode' && c.level === 2)).toMatchObject({
      value: false,
      required: true,
      op: 'eq',
      met: false,
    });
  });
});

describe('gates', () => {
  const top = <C extends Category>(category: C, overrides: Overrides) =>
    run(category, withValues(reportAt(category, 3), overrides));

  it.each(CATEGORIES)('%s: L1 requires security protection, whatever the numbers', (category) => {
    const a = top(category, { 'security.protected': false });
    expect(a.level).toBe(0);
    expect(a.checks.find((c) => c.indicator === 'security.protected')).toMatchObject({
      kind: 'gate',
      level: 1,
      met: false,
      value: false,
      required: true,
    });
  });

  it.each(CATEGORIES)('%s: L2 requires connection to the monitoring system', (category) => {
    expect(top(category, { monitoringConnected: false }).level).toBe(1);
  });

  it.each(CATEGORIES)('%s: L2 requires MLPS ≥ 2', (category) => {
    expect(top(category, { 'security.mlpsLevel': 1 }).level).toBe(1);
    expect(top(category, { 'security.mlpsLevel': 0 }).level).toBe(1);
  });

  it.each(CATEGORIES)('%s: L3 requires MLPS ≥ 3 (4 is fine)', (category) => {
    expect(top(category, { 'security.mlpsLevel': 2 }).level).toBe(2);
    expect(top(category, { 'security.mlpsLevel': 3 }).level).toBe(3);
    expect(top(category, { 'security.mlpsLevel': 4 }).level).toBe(3);
  });

  it.each(CATEGORIES)('%s: L3 requires profit ≥ 0 (break-even counts)', (category) => {
    expect(top(category, { profitWan: -0.01 }).level).toBe(2);
    expect(top(category, { profitWan: 0 }).level).toBe(3);
  });

  it('gates do not count toward the pass share', () => {
    const a = run('characteristic', reportAt('characteristic', 2));
    const l2 = a.checks.filter((c) => c.level === 2);
    expect(l2.filter((c) => c.kind === 'gate').map((c) => c.indicator)).toEqual([
      'monitoringConnected',
      'security.mlpsLevel',
    ]);
    expect(l2.filter((c) => c.kind === 'threshold')).toHaveLength(countAt('characteristic', 2));
  });
});

describe('cumulative levels', () => {
  it('meeting the L2 share is not enough when the L1 share is missed', () => {
    // comprehensive: 3 indicators at zero leaves 12/15 at L2 (80 %, standards counts there) but only
    // 11/14 at L1 (standards has no L1 check), so L1 is not reached and neither is L2.
    const report = withValues(reportAt('comprehensive', 2), { revenueWan: 0, teamSize: 0, devices: 0 });
    const a = run('comprehensive', report);
    const met = (l: number) => a.checks.filter((c) => c.kind === 'threshold' && c.level === l && c.met).length;
    expect(met(2)).toBe(12);
    expect(met(1)).toBe(11);
    expect(a.level).toBe(0);
    expect(a.eligibility.provincialRecommendation).toBe(false);
  });

  it('a higher level cannot be reached when a lower level\u2019s gate fails', () => {
    const a = run('specialized', withValues(reportAt('specialized', 3), { 'security.protected': false }));
    expect(a.level).toBe(0);
    // The L2 and L3 gates themselves all hold; only inheritance stops them.
    expect(a.checks.filter((c) => c.kind === 'gate' && c.level > 1).every((c) => c.met)).toBe(true);
  });

  it('with a rule set whose L1 is harder than its L3, the grade still stops at the first miss', () => {
    const json = JSON.parse(JSON.stringify(QD_2025_1)) as Record<string, any>;
    json.version = 'test-inverted';
    for (const t of json.thresholds.characteristic) if (typeof t.levels[0] === 'number') t.levels[0] = 1e12;
    const inverted = RuleSet.parse(json);
    const a = run('characteristic', reportAt('characteristic', 3), inverted);
    expect(a.level).toBe(0);
    expect(a.gapsToNextLevel.every((g) => g.required === 1e12)).toBe(true);
  });
});

describe('eligibility and track', () => {
  const TRACK = { comprehensive: '双跨', characteristic: '特色专业型', specialized: '特色专业型' } as const;

  it.each(CATEGORIES.flatMap((c) => [0, 1, 2, 3].map((l) => [c, l as Level] as const)))(
    '%s at level %i',
    (category, level) => {
      const a = run(category, reportAt(category, level));
      expect(a.level).toBe(level);
      expect(a.eligibility).toEqual({
        cityDirectory: level >= 1,
        provincialRecommendation: level >= 2,
        nationalRecommendation: level === 3,
        nationalTrack: TRACK[category],
      });
    },
  );
});

describe('gaps to the next level', () => {
  it('lists the unmet L3 checks, boolean first then by relative shortfall', () => {
    const report = withValues(reportAt('specialized', 3), {
      'security.mlpsLevel': 2, // gate, (3-2)/3 = 0.33
      profitWan: -5, // gate against 0: no ratio, so furthest off among numbers
      revenueWan: 5000, // (10000-5000)/10000 = 0.5
      devices: 45000, // (50000-45000)/50000 = 0.1
      lowCode: false, // boolean threshold
    });
    const a = run('specialized', report);
    expect(a.level).toBe(2);
    expect(a.gapsToNextLevel).toEqual([
      { indicator: 'lowCode', label: expect.any(Object), value: false, required: true, shortfall: null, kind: 'threshold' },
      { indicator: 'profitWan', label: expect.any(Object), value: -5, required: 0, shortfall: 5, kind: 'gate' },
      { indicator: 'revenueWan', label: expect.any(Object), value: 5000, required: 10000, shortfall: 5000, kind: 'threshold' },
      { indicator: 'security.mlpsLevel', label: expect.any(Object), value: 2, required: 3, shortfall: 1, kind: 'gate' },
      { indicator: 'devices', label: expect.any(Object), value: 45000, required: 50000, shortfall: 5000, kind: 'threshold' },
    ]);
    expect(a.gapsToNextLevel[0]!.label).toEqual({ zh: '具备低代码开发能力', en: 'Low-code development capability' });
  });

  it('puts boolean gates before boolean thresholds, and only lists the next level', () => {
    const report = withValues(reportAt('specialized', 2), {
      monitoringConnected: false,
      lowCode: false,
      revenueWan: 2000,
    });
    const a = run('specialized', report);
    expect(a.level).toBe(1);
    expect(a.gapsToNextLevel.map((g) => [g.indicator, g.kind])).toEqual([
      ['monitoringConnected', 'gate'],
      ['lowCode', 'threshold'],
      ['revenueWan', 'threshold'],
    ]);
    expect(a.gapsToNextLevel[2]!.shortfall).toBe(1000);
  });

  it('at level 0 lists the L1 gate and the L1 thresholds that are missed', () => {
    const a = run('characteristic', withValues(reportAt('characteristic', 0), { revenueWan: 900 }));
    expect(a.level).toBe(0);
    expect(a.gapsToNextLevel[0]).toMatchObject({ indicator: 'security.protected', kind: 'gate' });
    const thresholds = a.gapsToNextLevel.filter((g) => g.kind === 'threshold');
    expect(thresholds).toHaveLength(countAt('characteristic', 1));
    // revenue is 10 % short while everything else is 100 % short, so it comes last.
    expect(thresholds.at(-1)).toMatchObject({ indicator: 'revenueWan', shortfall: 100 });
    const ratios = thresholds.map((g) => (g.shortfall as number) / (g.required as number));
    expect(ratios).toEqual([...ratios].sort((x, y) => y - x));
  });

  it('is empty at level 3', () => {
    const a = run('comprehensive', reportAt('comprehensive', 3));
    expect(a.level).toBe(3);
    expect(a.gapsToNextLevel).toEqual([]);
  });

  it('reports fractional shortfalls without binary noise', () => {
    // 50 - 49.7 is 0.29999999999999716 in floating point.
    const b = run('characteristic', withValues(reportAt('characteristic', 1), { dataTb: 49.7 }));
    expect(b.gapsToNextLevel.find((g) => g.indicator === 'dataTb')!.shortfall).toBe(0.3);
  });
});

describe('assessment output', () => {
  it('lists every gate and every non-null threshold of every level', () => {
    for (const category of CATEGORIES) {
      const a = run(category, reportAt(category, 1));
      const thresholds = QD_2025_1.thresholds[category].reduce(
        (n, t) => n + t.levels.filter((v) => v !== null).length,
        0,
      );
      expect(a.checks.filter((c) => c.kind === 'gate')).toHaveLength(5);
      expect(a.checks.filter((c) => c.kind === 'threshold')).toHaveLength(thresholds);
      expect(a.checks.map((c) => c.level)).toEqual([...a.checks.map((c) => c.level)].sort());
    }
  });

  it('resolves nested indicators from the category block', () => {
    const a = run('comprehensive', withValues(reportAt('comprehensive', 1), { 'developers.registered': 1234 }));
    expect(a.checks.find((c) => c.indicator === 'developers.registered' && c.level === 1)).toMatchObject({
      value: 1234,
      required: 1000,
      met: true,
      label: { zh: '注册开发者数量（个）', en: 'Registered developers' },
    });
  });

  it('carries the identifiers through and satisfies its own schema after a JSON round trip', () => {
    const a = run('specialized', reportAt('specialized', 2));
    expect(a).toMatchObject({
      platformId: 'p-001',
      year: 2024,
      category: 'specialized',
      ruleSetVersion: 'qd-2025.1',
      assessedAt: '2025-03-01T08:00:00.000Z',
    });
    expect(Assessment.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
  });

  it('is pure: same input, same output, input untouched', () => {
    const report = reportAt('characteristic', 2);
    const before = structuredClone(report);
    expect(run('characteristic', report)).toEqual(run('characteristic', report));
    expect(report).toEqual(before);
  });

  it('summarises in both languages', () => {
    // At L2 with MLPS 2: the L3 MLPS gate is unmet and only lowCode (true from L2 on) meets its L3 value.
    const l2 = run('specialized', reportAt('specialized', 2));
    const total = countAt('specialized', 3);
    const needed = requiredPasses(0.8, total);
    expect(l2.summary).toEqual({
      zh: `达到二级（省级重点平台优先推荐）；距三级：1 项门槛条件未满足，量化指标达标 1/${total} 项，还需 ${needed - 1} 项。`,
      en:
        'Reaches Level 2 (priority recommendation as a provincial key platform); towards Level 3: ' +
        `1 mandatory condition(s) unmet; 1/${total} quantitative checks met, ${needed - 1} more needed.`,
    });
    const gatesOnly = run(
      'specialized',
      withValues(reportAt('specialized', 3), { 'security.mlpsLevel': 2 }),
    );
    expect(gatesOnly.summary.zh).toBe(
      `达到二级（省级重点平台优先推荐）；距三级：1 项门槛条件未满足，量化指标达标 ${total}/${total} 项，已满足比例要求。`,
    );

    const l3 = run('comprehensive', reportAt('comprehensive', 3));
    expect(l3.summary).toEqual({
      zh: '达到三级（可推荐申报国家级双跨平台）。',
      en: 'Reaches Level 3 (eligible for national recommendation on the cross-industry, cross-domain (双跨) track).',
    });

    const l0 = run('characteristic', reportAt('characteristic', 0));
    expect(l0.summary.zh).toMatch(/^未达到一级（市级培优名录）标准；距一级：1 项门槛条件未满足/);
  });

  it('names levels', () => {
    expect([0, 1, 2, 3].map((l) => levelName(l as Level).zh)).toEqual([
      '未达标',
      '一级·市级培优名录',
      '二级·省级重点平台',
      '三级·国家级推荐',
    ]);
    expect(levelName(2).en).toBe('Level 2 · Provincial key platform');
  });
});

describe('rule sets as data', () => {
  const asJson = () => JSON.parse(JSON.stringify(QD_2025_1)) as Record<string, any>;

  it('loads a new version with a different pass share from plain JSON', () => {
    const json = asJson();
    json.version = 'qd-2026.1';
    json.passShare = 0.5;
    const lenient = RuleSet.parse(JSON.parse(JSON.stringify(json)));

    // specialized L2 has 15 checks: 8 met is 53 % — enough at 0.5, far from 0.8.
    const numeric = numericAt('specialized', 2).slice(0, 7);
    const report = withValues(
      reportAt('specialized', 2),
      Object.fromEntries(numeric.map((t) => [t.indicator, (t.levels[1] as number) - 1])),
    );
    expect(run('specialized', report).level).toBe(1);
    const a = run('specialized', report, lenient);
    expect(a.level).toBe(2);
    expect(a.ruleSetVersion).toBe('qd-2026.1');
  });

  it('round-trips the default set unchanged', () => {
    expect(RuleSet.parse(asJson())).toEqual(QD_2025_1);
  });

  const rejects = (mutate: (json: Record<string, any>) => void, path: (string | number)[]) => {
    const json = asJson();
    mutate(json);
    const result = RuleSet.safeParse(json);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toContainEqual(path);
  };

  it.each([
    ['empty', ''],
    ['double dot', 'developers..registered'],
    ['leading digit', '1revenue'],
    ['trailing dot', 'revenueWan.'],
  ])('rejects a malformed indicator path (%s)', (_name, indicator) => {
    rejects((j) => (j.thresholds.comprehensive[0].indicator = indicator), ['thresholds', 'comprehensive', 0, 'indicator']);
  });

  it.each(['revenue', '__proto__', 'constructor', 'security', 'lowCode'])(
    'rejects a comprehensive threshold on unresolvable indicator %s',
    (indicator) => {
      rejects((j) => (j.thresholds.comprehensive[0].indicator = indicator), ['thresholds', 'comprehensive', 0, 'indicator']);
    },
  );

  it('rejects a gate on an indicator only some categories have', () => {
    rejects((j) => j.gates[2].push({ ...j.gates[1][0], indicator: 'lowCode' }), ['gates', '2', 2, 'indicator']);
  });

  it('rejects a gate whose value type does not fit the indicator or the operator', () => {
    rejects((j) => (j.gates[1][0].value = 1), ['gates', '1', 0, 'indicator']);
    rejects((j) => (j.gates[1][0].op = 'gte'), ['gates', '1', 0, 'value']);
  });

  it('rejects threshold values of the wrong type', () => {
    rejects((j) => (j.thresholds.specialized[0].levels[2] = true), ['thresholds', 'specialized', 0, 'levels', 2]);
    rejects((j) => (j.thresholds.specialized.at(-1).levels[2] = 1), ['thresholds', 'specialized', 14, 'levels', 2]);
    rejects((j) => (j.thresholds.specialized.at(-1).levels[2] = false), ['thresholds', 'specialized', 14, 'levels', 2]);
    rejects((j) => (j.thresholds.specialized[0].levels = [1, 2]), ['thresholds', 'specialized', 0, 'levels']);
  });

  it('rejects a duplicated indicator, which would count twice', () => {
    rejects(
      (j) => j.thresholds.characteristic.push(j.thresholds.characteristic[0]),
      ['thresholds', 'characteristic', 13, 'indicator'],
    );
  });

  it('rejects a level with no quantitative check', () => {
    rejects((j) => {
      for (const t of j.thresholds.characteristic) t.levels[0] = null;
    }, ['thresholds', 'characteristic']);
  });

  it.each([0, -0.1, 1.01, 2 / 3])('rejects passShare %d', (passShare) => {
    rejects((j) => (j.passShare = passShare), ['passShare']);
  });

  it.each(['', 'qd/2026', '../x', ' qd'])('rejects version %j (it is a URL segment and key)', (version) => {
    rejects((j) => (j.version = version), ['version']);
  });

  it('rejects a missing category, a missing gate level and unknown keys', () => {
    rejects((j) => delete j.thresholds.specialized, ['thresholds', 'specialized']);
    rejects((j) => delete j.gates[3], ['gates', '3']);
    rejects((j) => (j.extra = 1), []);
    rejects((j) => (j.gates[1][0].note = 'x'), ['gates', '1', 0]);
  });
});
