import { describe, expect, it } from 'vitest';
import { selectionTitle, selectionYears } from '#core/schemas/selection';

describe('recommended vs selected per year', () => {
  it('counts a platform once per year, selected when either body selected it, newest year first', () => {
    const years = selectionYears([
      { year: 2025, platformId: 'a', body: 'province', result: 'key_platform' },
      { year: 2026, platformId: 'a', body: 'province', result: 'key_platform' },
      { year: 2026, platformId: 'a', body: 'nation', result: 'specialized' },
      { year: 2026, platformId: 'b', body: 'province', result: 'not_selected' },
      { year: 2026, platformId: 'b', body: 'nation', result: 'cross_industry' },
      { year: 2026, platformId: 'c', body: 'nation', result: 'not_selected' },
    ]);
    expect(years).toEqual([
      { year: 2026, recommended: 3, provincial: 1, national: 2, notSelected: 1 },
      { year: 2025, recommended: 1, provincial: 1, national: 0, notSelected: 0 },
    ]);
  });

  it('titles a result in zh and en with its year', () => {
    expect(selectionTitle({ year: 2026, result: 'cross_industry' })).toBe('2026 国家级双跨平台 / 2026 national cross-industry platform');
  });
});
