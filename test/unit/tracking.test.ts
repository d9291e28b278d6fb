import { describe, expect, it } from 'vitest';
import { adjustedLevel, finding } from '#core/tracking/check';

const published = {
  year: 2026,
  publishedAt: '2026-12-01T00:00:00.000Z',
  kept: 1,
  items: [
    { platformId: 'plt_down', platformName: '降级', outcome: 'downgrade' as const, fromLevel: 3, toLevel: 1, note: 'n', decidedAt: '2026-11-30T00:00:00.000Z' },
    { platformId: 'plt_gone', platformName: '移出', outcome: 'remove' as const, fromLevel: 2, toLevel: null, note: 'n', decidedAt: '2026-11-30T00:00:00.000Z' },
  ],
};

describe('yearly tracking', () => {
  it('finds a missing report, a fallen level, and nothing while a report waits for assessment', () => {
    expect(finding({ platformId: 'p', listedLevel: 2, reported: false, assessedLevel: null })).toBe('missing_report');
    expect(finding({ platformId: 'p', listedLevel: 3, reported: true, assessedLevel: 2 })).toBe('level_drop');
    expect(finding({ platformId: 'p', listedLevel: 2, reported: true, assessedLevel: 2 })).toBeNull();
    expect(finding({ platformId: 'p', listedLevel: 2, reported: true, assessedLevel: 3 })).toBeNull();
    expect(finding({ platformId: 'p', listedLevel: 2, reported: true, assessedLevel: null })).toBeNull();
  });

  it('applies published adjustments to the next 名录: removed are not listed, downgraded capped, others as assessed', () => {
    expect(adjustedLevel('plt_gone', 3, published)).toBeNull();
    expect(adjustedLevel('plt_down', 3, published)).toBe(1);
    expect(adjustedLevel('plt_down', 1, published)).toBe(1);
    expect(adjustedLevel('plt_other', 2, published)).toBe(2);
    expect(adjustedLevel('plt_gone', 2, undefined)).toBe(2);
  });
});
