import { describe, expect, it } from 'vitest';
import { amountFor, checkRule, type SupportFacts } from '#core/support/eligibility';

const facts = (o: Partial<SupportFacts> = {}): SupportFacts => ({
  level: 2, category: 'specialized', listed: true, listedYearBefore: false, selected: { province: false, nation: false }, reported: true, ...o,
});

describe('support eligibility', () => {
  it('checks each condition of the rule and says which failed', () => {
    const rule = { minLevel: 2, categories: ['comprehensive' as const], newlyListed: true, selected: 'province' as const };
    const checks = checkRule(rule, facts({ listedYearBefore: true }), 2026);
    expect(checks.map((c) => [c.rule, c.met])).toEqual([['minLevel', true], ['categories', false], ['newlyListed', false], ['selected', false]]);
    expect(checks.find((c) => c.rule === 'newlyListed')!.text).toMatch(/非首次入库（2025 年度已列入）/);
  });

  it('newly listed means in this year and not the year before; "any" selection takes either body', () => {
    expect(checkRule({ newlyListed: true }, facts(), 2026)[0]!.met).toBe(true);
    expect(checkRule({ newlyListed: true }, facts({ listed: false }), 2026)[0]!.met).toBe(false);
    expect(checkRule({ selected: 'any' }, facts({ selected: { province: false, nation: true } }), 2026)[0]!.met).toBe(true);
    expect(checkRule({ selected: 'province' }, facts({ selected: { province: false, nation: true } }), 2026)[0]!.met).toBe(false);
  });

  it('pays by tier within the per-platform cap, nothing by tier below level 1', () => {
    const tier = { kind: 'byLevel' as const, wan: [30, 50, 80] as [number, number, number] };
    expect(amountFor(tier, 60, 1)).toBe(30);
    expect(amountFor(tier, 60, 3)).toBe(60);
    expect(amountFor(tier, 60, 0)).toBe(0);
    expect(amountFor({ kind: 'fixed', wan: 20 }, 60, 0)).toBe(20);
  });
});
