/** Graded labels of one scenario: 3 solves it, 2 strong partial fit, 1 marginal; absent = 0. */
export type Relevance = Readonly<Record<string, number>>;

const rel = (labels: Relevance, id: string) => labels[id] ?? 0;
const gain = (r: number) => 2 ** r - 1;
const discount = (rank0: number) => 1 / Math.log2(rank0 + 2);

/** nDCG@k with gain 2^rel − 1; the ideal ranking is built from all labels of the scenario. */
export function ndcgAt(ranked: readonly string[], labels: Relevance, k = 10): number {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + gain(rel(labels, id)) * discount(i), 0);
  const ideal = Object.values(labels)
    .filter((r) => r > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((s, r, i) => s + gain(r) * discount(i), 0);
  return ideal > 0 ? dcg / ideal : 0;
}

/** Share of the items labelled ≥ minRel that appear in the top k; undefined when none are labelled so. */
export function recallAt(ranked: readonly string[], labels: Relevance, k = 5, minRel = 2): number | undefined {
  const relevant = Object.keys(labels).filter((id) => rel(labels, id) >= minRel);
  if (relevant.length === 0) return undefined;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

/** 1 / rank of the first item labelled ≥ minRel; 0 if none is ranked. */
export function reciprocalRank(ranked: readonly string[], labels: Relevance, minRel = 2): number {
  const i = ranked.findIndex((id) => rel(labels, id) >= minRel);
  return i < 0 ? 0 : 1 / (i + 1);
}

export interface Summary {
  ndcg10: number;
  recall5: number;
  mrr: number;
  /** Scenarios averaged. */
  n: number;
}

/** Means over scenarios; Recall@5 averages only scenarios that have an item labelled ≥ 2. */
export function summarize(runs: readonly { ranked: readonly string[]; labels: Relevance }[]): Summary {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const recalls = runs.map((r) => recallAt(r.ranked, r.labels)).filter((x): x is number => x !== undefined);
  return {
    ndcg10: mean(runs.map((r) => ndcgAt(r.ranked, r.labels))),
    recall5: mean(recalls),
    mrr: mean(runs.map((r) => reciprocalRank(r.ranked, r.labels))),
    n: runs.length,
  };
}
