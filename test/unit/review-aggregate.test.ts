import { describe, expect, it } from 'vitest';
import { aggregateScores, rankByScore } from '#core/review/aggregate';
import { RUBRIC_2025_1, Rubric, scoreProblems, totalScore } from '#core/review/rubric';

describe('panel aggregation (第十一条)', () => {
  it('drops the single highest and lowest total with five or more experts', () => {
    expect(aggregateScores([90, 60, 62, 64, 66])).toEqual({ score: 64, dropped: [60, 90] });
    expect(aggregateScores([70, 70, 70, 70, 20, 100])).toEqual({ score: 70, dropped: [20, 100] });
  });

  it('averages all totals with fewer than five experts', () => {
    expect(aggregateScores([90, 60, 62, 64])).toEqual({ score: 69, dropped: [] });
    expect(aggregateScores([81])).toEqual({ score: 81, dropped: [] });
  });

  it('drops only one of tied extremes and rounds to two decimals', () => {
    expect(aggregateScores([50, 50, 80, 80, 70])).toEqual({ score: 66.67, dropped: [50, 80] });
  });

  it('has no score without submitted sheets', () => {
    expect(aggregateScores([])).toEqual({ score: null, dropped: [] });
  });

  it('ranks by score, unscored last, ties by level then name', () => {
    const ranked = rankByScore([
      { applicationId: 'a', platformName: '乙', level: 2, score: 70 },
      { applicationId: 'b', platformName: '甲', level: 3, score: 70 },
      { applicationId: 'c', platformName: '丙', level: 3, score: null },
      { applicationId: 'd', platformName: '丁', level: 2, score: 75 },
    ]);
    expect(ranked.map((r) => [r.rank, r.applicationId])).toEqual([[1, 'd'], [2, 'b'], [3, 'a'], [4, 'c']]);
  });
});

describe('review rubric', () => {
  const criteria = RUBRIC_2025_1.categories.specialized;

  it('the built-in rubric is valid data: every category’s maxima add up to 100', () => {
    expect(Rubric.safeParse(RUBRIC_2025_1).success).toBe(true);
  });

  it('refuses a version whose weights do not add up to 100 or repeat a criterion', () => {
    const bad = structuredClone(RUBRIC_2025_1);
    bad.categories.specialized[0]!.max += 1;
    expect(Rubric.safeParse(bad).success).toBe(false);
    const dup = structuredClone(RUBRIC_2025_1);
    dup.categories.comprehensive[1]!.id = dup.categories.comprehensive[0]!.id;
    expect(Rubric.safeParse(dup).success).toBe(false);
  });

  it('names unknown criteria, out-of-range scores and, when submitting, missing ones', () => {
    expect(scoreProblems(criteria, { connectivity: 3 }, false)[0]!.path).toBe('scores.connectivity');
    expect(scoreProblems(criteria, { core_technology: 25.5 }, false)[0]!.message).toMatch(/0–25/);
    expect(scoreProblems(criteria, { core_technology: -1 }, false)).toHaveLength(1);
    expect(scoreProblems(criteria, { core_technology: 20 }, false)).toEqual([]);
    expect(scoreProblems(criteria, { core_technology: 20 }, true)).toHaveLength(criteria.length - 1);
  });

  it('the total is the sum of criterion scores', () => {
    const full = Object.fromEntries(criteria.map((c) => [c.id, c.max]));
    expect(totalScore(criteria, full)).toBe(100);
    expect(totalScore(criteria, { ...full, core_technology: 20 })).toBe(95);
  });
});
