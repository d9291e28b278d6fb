import { describe, expect, it } from 'vitest';
import { ndcgAt, recallAt, reciprocalRank, summarize } from '#core/matching/metrics';

describe('metrics', () => {
  const labels = { A: 3, C: 2, D: 1 };

  it('nDCG@10 uses gain 2^rel − 1 and an ideal from all labels', () => {
    // DCG = 7/log2(2) + 0 + 3/log2(4) = 8.5; IDCG = 7 + 3/log2(3) + 1/log2(4) ≈ 9.39279
    expect(ndcgAt(['A', 'B', 'C'], labels)).toBeCloseTo(8.5 / (7 + 3 / Math.log2(3) + 0.5), 10);
    expect(ndcgAt(['A', 'C', 'D'], labels)).toBeCloseTo(1, 10);
    expect(ndcgAt(['B', 'E'], labels)).toBe(0);
  });

  it('nDCG@k ignores items ranked below k', () => {
    const ranked = ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7', 'X8', 'X9', 'X10', 'A'];
    expect(ndcgAt(ranked, labels)).toBe(0);
  });

  it('Recall@5 counts only items labelled ≥ 2', () => {
    expect(recallAt(['A', 'B', 'C', 'X', 'Y'], labels)).toBe(1);
    expect(recallAt(['B', 'A', 'X', 'Y', 'Z', 'C'], labels)).toBe(0.5);
    // D (label 1) in the top five does not count.
    expect(recallAt(['D', 'X', 'Y', 'Z', 'W'], labels)).toBe(0);
    expect(recallAt(['A'], { A: 1 })).toBeUndefined();
  });

  it('MRR takes the first item labelled ≥ 2', () => {
    expect(reciprocalRank(['B', 'D', 'C', 'A'], labels)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRank(['A'], labels)).toBe(1);
    expect(reciprocalRank(['D', 'B'], labels)).toBe(0);
  });

  it('summarize averages per scenario, skipping Recall@5 where nothing is labelled ≥ 2', () => {
    const s = summarize([
      { ranked: ['A', 'C', 'D'], labels },
      { ranked: ['B', 'D', 'C', 'A'], labels },
      { ranked: ['A'], labels: { A: 1 } },
    ]);
    expect(s.n).toBe(3);
    expect(s.mrr).toBeCloseTo((1 + 1 / 3 + 0) / 3, 10);
    expect(s.recall5).toBeCloseTo((1 + 1) / 2, 10);
    const second = (1 / Math.log2(3) + 3 / Math.log2(4) + 7 / Math.log2(5)) / (7 + 3 / Math.log2(3) + 0.5);
    expect(s.ndcg10).toBeCloseTo((1 + second + 1) / 3, 10);
  });
});
