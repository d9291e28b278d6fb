import { describe, expect, it } from 'vitest';
import { timeliness } from '#core/district-timeliness';

const day = (d: number) => new Date(Date.UTC(2026, 10, 1) + d * 86_400_000).toISOString();

describe('first-review timeliness (区市对比)', () => {
  it('is the median days from submission to the decision, and the oldest wait of what is still pending', () => {
    const apps = [
      { submittedAt: day(0), districtReview: { status: 'endorsed' as const, at: day(2) } },
      { submittedAt: day(1), districtReview: { status: 'returned' as const, at: day(6) } },
      { submittedAt: day(3), districtReview: { status: 'endorsed' as const, at: day(4) } },
      { submittedAt: day(5), districtReview: { status: 'pending' as const } },
      { submittedAt: day(8), districtReview: { status: 'pending' as const } },
    ];
    expect(timeliness(apps, new Date(day(12)))).toEqual({ medianDays: 2, oldestPendingDays: 7 });
    expect(timeliness(apps.slice(0, 2), new Date(day(12)))).toEqual({ medianDays: 3.5, oldestPendingDays: null });
    expect(timeliness([], new Date())).toEqual({ medianDays: null, oldestPendingDays: null });
  });
});
