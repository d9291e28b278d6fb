import { describe, expect, it } from 'vitest';
import { overQuota, rankFinal, type Candidate } from '#core/recommend/defence';

const cand = (id: string, category: Candidate['category'], reviewScore: number | null, defenceTotals: number[], level = 2): Candidate => ({
  applicationId: id, platformId: `plt_${id}`, platformName: `平台${id}`, operatorName: '运营', category, level, reviewScore, defenceTotals,
});
const quotas = { comprehensive: 1, characteristic: 0, specialized: 2 };

describe('the final list rule', () => {
  it('combines review and defence by the weight, drops the extremes of five or more panel totals, ranks per category within quota', () => {
    const out = rankFinal(
      [cand('a', 'specialized', 90, [60, 60, 60]), cand('b', 'specialized', 80, [100, 85, 85, 85, 0]), cand('c', 'specialized', 70, [99]), cand('d', 'comprehensive', 88, [88])],
      quotas,
      0.5,
    );
    const spec = out.filter((x) => x.category === 'specialized').map((x) => [x.applicationId, x.defenceScore, x.combined, x.rank, x.withinQuota]);
    expect(spec).toEqual([
      ['c', 99, 84.5, 1, true],
      ['b', 85, 82.5, 2, true],
      ['a', 60, 75, 3, false],
    ]);
    expect(out.find((x) => x.applicationId === 'd')).toMatchObject({ combined: 88, withinQuota: true });
  });

  it('never puts a candidate without both scores within quota, even with places left', () => {
    const out = rankFinal([cand('a', 'specialized', 90, []), cand('b', 'specialized', null, [80])], quotas, 0.6);
    expect(out.map((x) => [x.applicationId, x.combined, x.withinQuota])).toEqual([
      ['a', null, false],
      ['b', null, false],
    ]);
  });

  it('a category with no places takes nobody; ties go to the higher level', () => {
    const out = rankFinal([cand('x', 'characteristic', 90, [90]), cand('y', 'specialized', 80, [80], 2), cand('z', 'specialized', 80, [80], 3)], quotas, 0.5);
    expect(out.find((x) => x.applicationId === 'x')!.withinQuota).toBe(false);
    expect(out.filter((x) => x.category === 'specialized').map((x) => x.applicationId)).toEqual(['z', 'y']);
  });

  it('names each category over its quota', () => {
    expect(overQuota([{ category: 'specialized' }, { category: 'specialized' }, { category: 'specialized' }, { category: 'comprehensive' }], quotas)).toEqual([{ category: 'specialized', chosen: 3, quota: 2 }]);
    expect(overQuota([{ category: 'characteristic' }], quotas)).toEqual([{ category: 'characteristic', chosen: 1, quota: 0 }]);
    expect(overQuota([], quotas)).toEqual([]);
  });
});
