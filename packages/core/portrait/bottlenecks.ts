import { CATEGORIES } from '../taxonomy';

// Programme-level view for the bureau: which indicators most often hold platforms back from the
// next maturity level, per category, so support measures can target the common gaps.

export interface BottleneckAssessment {
  category: string;
  level: number;
  gapsToNextLevel: readonly { indicator: string }[];
}

export interface BottleneckItem {
  indicator: string;
  /** Platforms held back by this indicator (each platform counted once per indicator). */
  count: number;
  /** count / heldBack: the share of held-back platforms of the category that miss this indicator. */
  share: number;
}

export interface CategoryBottlenecks {
  category: string;
  /** Assessments of the category in the input. */
  assessed: number;
  /** Assessments with at least one gap to the next level (the top level has none). */
  heldBack: number;
  /** Count descending, then indicator ascending. */
  items: BottleneckItem[];
}

const CATEGORY_ORDER = new Map<string, number>(CATEGORIES.map((c, i) => [c.code, i]));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per category present in the input (taxonomy order, unknown categories after, alphabetically),
 * the indicators among the gaps to the next level ranked by how many platforms they block.
 */
export function bottlenecks(assessments: readonly BottleneckAssessment[]): CategoryBottlenecks[] {
  const groups = new Map<string, { assessed: number; heldBack: number; counts: Map<string, number> }>();
  for (const a of assessments) {
    let g = groups.get(a.category);
    if (!g) {
      g = { assessed: 0, heldBack: 0, counts: new Map() };
      groups.set(a.category, g);
    }
    g.assessed++;
    // A rule set may list several checks on one indicator (gate and threshold); the platform is
    // held back by the indicator once.
    const indicators = new Set(a.gapsToNextLevel.map((gap) => gap.indicator));
    if (indicators.size > 0) g.heldBack++;
    for (const i of indicators) g.counts.set(i, (g.counts.get(i) ?? 0) + 1);
  }

  const rank = (c: string) => CATEGORY_ORDER.get(c) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || cmp(a, b))
    .map(([category, g]) => ({
      category,
      assessed: g.assessed,
      heldBack: g.heldBack,
      items: [...g.counts.entries()]
        .map(([indicator, count]) => ({ indicator, count, share: count / g.heldBack }))
        .sort((a, b) => b.count - a.count || cmp(a.indicator, b.indicator)),
    }));
}
