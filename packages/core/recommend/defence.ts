import type { Criterion } from '../review/rubric';
import { aggregateScores } from '../review/aggregate';
import type { CategoryCounts, FinalListItem } from '../schemas/defence';
import type { Category } from '../taxonomy';

const c = (id: string, zh: string, en: string, max: number): Criterion => ({ id, group: 'demonstration', label: { zh, en }, max });

/**
 * The 答辩 panel's sheet, data like the review rubric: every session records the version it was
 * scored against. Weighted toward what a defence shows that paper cannot: a live demonstration and
 * the answers to the panel's questions.
 */
export const DEFENCE_RUBRIC_2026_1 = {
  version: 'dr-2026.1',
  criteria: [
    c('presentation', '陈述：定位、能力与成效讲清楚', 'Presentation: positioning, capability and results', 20),
    c('live_demo', '现场演示：平台真实运行', 'Live demonstration of the running platform', 25),
    c('technical_depth', '技术深度：关键技术与自主可控', 'Technical depth and control of key technology', 25),
    c('answers', '答辩：回答评委提问', 'Answers to the panel’s questions', 15),
    c('replicability', '示范推广：可复制性与带动作用', 'Replicability and pull on others', 15),
  ] as Criterion[],
};

export const ruleText = (reviewWeight: number) => {
  const r = Math.round(reviewWeight * 100);
  return `综合得分 = 专家评审得分 × ${r}% + 答辩得分 × ${100 - r}%（五名及以上评委去掉一个最高分和一个最低分）；每类按综合得分排序，名额内者入选 / combined = review × ${r}% + defence × ${100 - r}% (with five or more panel members the highest and lowest are dropped); ranked per category, the first within quota are selected`;
};

export interface Candidate {
  applicationId: string;
  platformId: string;
  platformName: string;
  operatorName: string;
  category: Category;
  level: number;
  reviewScore: number | null;
  defenceTotals: readonly number[];
}

/**
 * The rule: combined score per candidate; per category best first (unscored last, ties to the higher
 * level, then by name); the first `quota` with a combined score are within quota.
 */
export function rankFinal(candidates: readonly Candidate[], quotas: CategoryCounts, reviewWeight: number): Omit<FinalListItem, 'selected'>[] {
  const scored = candidates.map((x) => {
    const defenceScore = aggregateScores(x.defenceTotals).score;
    const combined = x.reviewScore === null || defenceScore === null ? null : Math.round((x.reviewScore * reviewWeight + defenceScore * (1 - reviewWeight)) * 100) / 100;
    return { ...x, defenceScore, combined };
  });
  const out: Omit<FinalListItem, 'selected'>[] = [];
  for (const category of Object.keys(quotas) as Category[]) {
    const ranked = scored
      .filter((x) => x.category === category)
      .sort((a, b) => (b.combined ?? -1) - (a.combined ?? -1) || b.level - a.level || a.platformName.localeCompare(b.platformName, 'zh-CN') || a.applicationId.localeCompare(b.applicationId));
    ranked.forEach((x, i) =>
      out.push({
        rank: i + 1,
        category,
        applicationId: x.applicationId,
        platformId: x.platformId,
        platformName: x.platformName,
        operatorName: x.operatorName,
        level: x.level,
        reviewScore: x.reviewScore,
        defenceScore: x.defenceScore,
        combined: x.combined,
        withinQuota: x.combined !== null && i < quotas[category],
      }),
    );
  }
  return out;
}

/** Categories where a chosen list exceeds its places, with how many were chosen. */
export function overQuota(chosen: readonly { category: Category }[], quotas: CategoryCounts): { category: Category; chosen: number; quota: number }[] {
  const counts = new Map<Category, number>();
  for (const x of chosen) counts.set(x.category, (counts.get(x.category) ?? 0) + 1);
  return [...counts].filter(([cat, n]) => n > quotas[cat]).map(([category, chosen]) => ({ category, chosen, quota: quotas[category] }));
}
