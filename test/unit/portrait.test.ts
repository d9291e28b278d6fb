import { describe, expect, it } from 'vitest';
import {
  DIMENSION_WEIGHTS,
  platformPortrait,
  type Portrait,
  type PortraitSnapshot,
} from '#core/portrait/portrait';
import { dataQualityWarnings, type IndicatorYear } from '#core/portrait/data-quality';
import { bottlenecks } from '#core/portrait/bottlenecks';

function comprehensive(id: string, f: number, overrides: Partial<Record<string, number>> = {}): PortraitSnapshot {
  // f scales every figure, so a larger f is better on every indicator.
  const v = (base: number, key: string) => overrides[key] ?? Math.round(base * f);
  return {
    platformId: id,
    general: {
      revenueWan: v(5000, 'revenueWan'),
      investmentWan: v(3000, 'investmentWan'),
      profitWan: v(300, 'profitWan'),
      teamSize: v(80, 'teamSize'),
      servedEnterprises: v(400, 'servedEnterprises'),
      patentsAndCopyrights: v(60, 'patentsAndCopyrights'),
      standards: v(4, 'standards'),
      dataTb: v(120, 'dataTb'),
      security: { protected: true, mlpsLevel: 3 },
      monitoringConnected: true,
    },
    specific: {
      devices: v(20000, 'devices'),
      appSubscriptions: v(9000, 'appSubscriptions'),
      mechanismModels: v(500, 'mechanismModels'),
      industriesServed: v(10, 'industriesServed'),
      parksServed: v(6, 'parksServed'),
      developers: { registered: v(2000, 'developers.registered'), active: v(500, 'developers.active') },
      registeredUsers: v(5000, 'registeredUsers'),
      transactionWan: v(8000, 'transactionWan'),
    },
    evidence: { leadsAccepted: v(12, 'leadsAccepted'), leadsDecided: 20 },
    technologiesCount: v(5, 'technologiesCount'),
  };
}

// Deliberately uneven figures so that entropy weights differ between indicators.
const PEERS: PortraitSnapshot[] = [
  comprehensive('a', 0.1, { standards: 0 }),
  comprehensive('b', 0.5, { dataTb: 3 }),
  comprehensive('c', 1),
  comprehensive('d', 2.5, { devices: 900000 }),
  comprehensive('best', 3),
];

function portraitOf(target: PortraitSnapshot, peers = PEERS): Portrait {
  return platformPortrait({ category: 'comprehensive', year: 2025, target, peers });
}

describe('platformPortrait', () => {
  it('scores every dimension in [0, 100] with entropy weights summing to 1', () => {
    for (const target of PEERS) {
      const p = portraitOf(target);
      expect(p.peers).toBe(5);
      expect(p.dimensions.map((d) => d.key)).toEqual([
        'resources',
        'technology',
        'enablement',
        'contribution',
        'sustainability',
        'matchmaking',
      ]);
      for (const d of p.dimensions) {
        expect(d.score).not.toBeNull();
        expect(d.score!).toBeGreaterThanOrEqual(0);
        expect(d.score!).toBeLessThanOrEqual(100);
        expect(d.weighting).toBe('entropy');
        expect(d.indicators.reduce((a, i) => a + i.weight, 0)).toBeCloseTo(1, 12);
        for (const i of d.indicators) {
          expect(i.normalised).toBeGreaterThanOrEqual(0);
          expect(i.normalised).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('gives the platform that leads every indicator 100 on every dimension', () => {
    const best = PEERS.find((p) => p.platformId === 'best')!;
    // Make it lead devices too, which peer d otherwise dominates.
    const target = { ...best, specific: { ...best.specific, devices: 1_000_000 } };
    const p = portraitOf(target);
    for (const d of p.dimensions) expect(d.score).toBeCloseTo(100, 9);
    expect(p.developmentIndex).toBeCloseTo(100, 9);
    const weakest = portraitOf(PEERS[0]!);
    expect(weakest.dimensions.find((d) => d.key === 'sustainability')!.score).toBeCloseTo(0, 9);
  });

  it('uses the documented log1p transform and the resource indicators of the category', () => {
    const p = portraitOf(PEERS[2]!);
    const devices = p.dimensions[0]!.indicators.find((i) => i.indicator === 'devices')!;
    const logs = PEERS.map((x) => Math.log1p(x.specific.devices as number));
    const expected = (Math.log1p(20000) - Math.min(...logs)) / (Math.max(...logs) - Math.min(...logs));
    expect(devices.normalised).toBeCloseTo(expected, 12);
    expect(p.dimensions[0]!.indicators.map((i) => i.indicator)).toEqual([
      'devices',
      'mechanismModels',
      'appSubscriptions',
      'developers.registered',
      'dataTb',
    ]);
  });

  it('falls back to equal weights with fewer than three peers', () => {
    const p = portraitOf(PEERS[1]!, [PEERS[3]!]);
    expect(p.peers).toBe(2);
    for (const d of p.dimensions) {
      expect(d.weighting).toBe('equal');
      for (const i of d.indicators) expect(i.weight).toBeCloseTo(1 / d.indicators.length, 12);
    }
  });

  it('falls back to equal weights when no indicator separates the peers', () => {
    const same = [comprehensive('x', 1), comprehensive('y', 1), comprehensive('z', 1)];
    const p = portraitOf(same[0]!, same);
    for (const d of p.dimensions) {
      expect(d.weighting).toBe('equal');
      expect(d.score).toBe(100);
    }
  });

  it('computes the development index as the documented weighted mean', () => {
    expect(Object.values(DIMENSION_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(DIMENSION_WEIGHTS).toEqual({
      resources: 0.2,
      technology: 0.2,
      enablement: 0.2,
      contribution: 0.15,
      sustainability: 0.15,
      matchmaking: 0.1,
    });
    const p = portraitOf(PEERS[2]!);
    const expected = p.dimensions.reduce((a, d) => a + DIMENSION_WEIGHTS[d.key] * d.score!, 0);
    expect(p.developmentIndex).toBeCloseTo(expected, 12);
    expect(p.method.zh).toContain('熵权法');
    expect(p.method.en).toContain('entropy weight method');
  });

  it('skips missing indicators and leaves an empty dimension unscored', () => {
    const target = comprehensive('c', 1);
    delete target.evidence;
    delete (target.general as Record<string, unknown>).dataTb;
    const p = portraitOf(target);
    const resources = p.dimensions.find((d) => d.key === 'resources')!;
    expect(resources.indicators.map((i) => i.indicator)).not.toContain('dataTb');
    expect(resources.indicators.reduce((a, i) => a + i.weight, 0)).toBeCloseTo(1, 12);
    const matchmaking = p.dimensions.find((d) => d.key === 'matchmaking')!;
    expect(matchmaking.score).toBeNull();
    const scored = p.dimensions.filter((d) => d.score !== null);
    const expected =
      scored.reduce((a, d) => a + d.weight * d.score!, 0) / scored.reduce((a, d) => a + d.weight, 0);
    expect(p.developmentIndex).toBeCloseTo(expected, 12);
  });

  it('供需对接成效 rewards confirmed deals and satisfaction, not acceptance alone', () => {
    const deals = (id: string, signed: number, stars: number): PortraitSnapshot => ({
      ...comprehensive(id, 1),
      evidence: { leadsAccepted: 12, leadsDecided: 20, dealsSigned: signed, dealsDelivered: signed, contractWan: 80 * signed, meanStars: stars },
    });
    const peers = [deals('closer', 6, 4.8), deals('acceptor', 0, 2), deals('mid', 2, 3.5)];
    const score = (id: string) => portraitOf(peers.find((p) => p.platformId === id)!, peers).dimensions.find((d) => d.key === 'matchmaking')!;
    // Same acceptance everywhere: only signatures, deliveries, value and ratings tell them apart.
    expect(score('closer').score).toBeCloseTo(100, 9);
    expect(score('acceptor').score).toBeCloseTo(0, 9);
    expect(score('mid').indicators.map((i) => i.indicator)).toEqual(['leadsAccepted', 'acceptanceRate', 'dealsSigned', 'dealsDelivered', 'contractWan', 'meanStars']);
  });

  it('keeps a loss below break-even instead of failing on log1p of a negative profit', () => {
    const loss = comprehensive('loss', 1, { profitWan: -800 });
    const p = portraitOf(loss, [...PEERS, loss]);
    const profit = p.dimensions.find((d) => d.key === 'sustainability')!.indicators.find((i) => i.indicator === 'profitWan')!;
    expect(profit.normalised).toBe(0);
    expect(Number.isFinite(p.developmentIndex!)).toBe(true);
  });

  it('scores specialized low-code and characteristic-only indicators', () => {
    const spec = (id: string, lowCode: boolean, n: number): PortraitSnapshot => ({
      platformId: id,
      general: { revenueWan: n, patentsAndCopyrights: n, standards: 1, servedEnterprises: n },
      specific: { devices: n, ownApps: n, appSubscriptions: n, lowCode, registeredUsers: n },
    });
    const peers = [spec('s1', true, 10), spec('s2', false, 100), spec('s3', false, 1000)];
    const p = platformPortrait({ category: 'specialized', year: 2025, target: peers[0]!, peers });
    const tech = p.dimensions.find((d) => d.key === 'technology')!;
    expect(tech.indicators.find((i) => i.indicator === 'lowCode')).toMatchObject({ value: true, normalised: 1 });
    const resources = p.dimensions.find((d) => d.key === 'resources')!;
    expect(resources.indicators.map((i) => i.indicator)).toContain('ownApps');
    expect(resources.indicators.map((i) => i.indicator)).not.toContain('appSubscriptions');
  });
});

const year = (y: number, general: Record<string, unknown>, specific: Record<string, unknown>): IndicatorYear => ({
  year: y,
  general,
  specific,
});

const CLEAN: IndicatorYear[] = [
  year(2023, { revenueWan: 1000, profitWan: 50, servedEnterprises: 100 }, {
    devices: 1000,
    registeredUsers: 500,
    dailyActiveUsers: 80,
    developers: { registered: 100, active: 30 },
  }),
  year(2024, { revenueWan: 1500, profitWan: -20, servedEnterprises: 180 }, {
    devices: 9000,
    registeredUsers: 900,
    dailyActiveUsers: 120,
    developers: { registered: 140, active: 60 },
  }),
];

describe('dataQualityWarnings', () => {
  it('returns nothing for a clean history', () => {
    expect(dataQualityWarnings(CLEAN)).toEqual([]);
    expect(dataQualityWarnings([])).toEqual([]);
  });

  it('flags a count up more than 10× year on year from a non-zero base', () => {
    const w = dataQualityWarnings([
      year(2023, {}, { devices: 100, ownApps: 0 }),
      year(2024, {}, { devices: 1001, ownApps: 50 }),
      year(2025, {}, { devices: 10010, ownApps: 60 }),
    ]);
    expect(w.map((x) => [x.year, x.indicator, x.code])).toEqual([[2024, 'devices', 'yoy_jump']]);
    expect(w[0]!.message.zh).toContain('10 倍');
    expect(w[0]!.message.en).toContain('10×');
  });

  it('compares only calendar-adjacent years', () => {
    expect(dataQualityWarnings([year(2021, {}, { devices: 100 }), year(2024, {}, { devices: 5000 })])).toEqual([]);
    // Input order does not matter.
    const w = dataQualityWarnings([year(2024, {}, { devices: 5000 }), year(2023, {}, { devices: 100 })]);
    expect(w.map((x) => x.code)).toEqual(['yoy_jump']);
  });

  it('flags served enterprises above registered users only where users are reported', () => {
    expect(
      dataQualityWarnings([year(2024, { servedEnterprises: 600 }, { registeredUsers: 500 })]).map((x) => x.code),
    ).toEqual(['served_exceeds_users']);
    expect(dataQualityWarnings([year(2024, { servedEnterprises: 600 }, { devices: 3 })])).toEqual([]);
  });

  it('flags active developers above registered developers', () => {
    const w = dataQualityWarnings([year(2024, {}, { developers: { registered: 10, active: 11 } })]);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ year: 2024, indicator: 'developers.active', code: 'active_exceeds_registered_developers' });
  });

  it('flags daily active users above registered users', () => {
    const w = dataQualityWarnings([year(2024, {}, { registeredUsers: 100, dailyActiveUsers: 150 })]);
    expect(w.map((x) => [x.indicator, x.code])).toEqual([['dailyActiveUsers', 'dau_exceeds_users']]);
  });

  it('flags a profit larger than revenue', () => {
    const w = dataQualityWarnings([year(2024, { revenueWan: 100, profitWan: 120 }, {})]);
    expect(w.map((x) => [x.indicator, x.code])).toEqual([['profitWan', 'profit_exceeds_revenue']]);
    expect(w[0]!.message.zh).toMatch(/盈利/);
  });
});

describe('bottlenecks', () => {
  it('counts blocking indicators per category, once per platform, sorted by count then name', () => {
    const gaps = (...indicators: string[]) => indicators.map((indicator) => ({ indicator }));
    const out = bottlenecks([
      { category: 'specialized', level: 1, gapsToNextLevel: gaps('devices') },
      { category: 'comprehensive', level: 1, gapsToNextLevel: gaps('devices', 'security.mlpsLevel', 'devices') },
      { category: 'comprehensive', level: 2, gapsToNextLevel: gaps('security.mlpsLevel', 'profitWan') },
      { category: 'comprehensive', level: 0, gapsToNextLevel: gaps('profitWan', 'appSubscriptions') },
      { category: 'comprehensive', level: 3, gapsToNextLevel: [] },
    ]);
    expect(out.map((c) => c.category)).toEqual(['comprehensive', 'specialized']);
    expect(out[0]).toEqual({
      category: 'comprehensive',
      assessed: 4,
      heldBack: 3,
      items: [
        { indicator: 'profitWan', count: 2, share: 2 / 3 },
        { indicator: 'security.mlpsLevel', count: 2, share: 2 / 3 },
        { indicator: 'appSubscriptions', count: 1, share: 1 / 3 },
        { indicator: 'devices', count: 1, share: 1 / 3 },
      ],
    });
    expect(out[1]).toEqual({
      category: 'specialized',
      assessed: 1,
      heldBack: 1,
      items: [{ indicator: 'devices', count: 1, share: 1 }],
    });
    expect(bottlenecks([])).toEqual([]);
  });
});
