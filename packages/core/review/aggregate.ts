/**
 * A panel's verdict on one application (第十一条): with five or more experts the single highest and
 * lowest totals are dropped (one outlier cannot carry a platform up or down), otherwise the plain
 * mean. Rounded to two decimals, the precision the recommendation list shows.
 */
export function aggregateScores(totals: readonly number[]): { score: number | null; dropped: number[] } {
  if (totals.length === 0) return { score: null, dropped: [] };
  const sorted = [...totals].sort((a, b) => a - b);
  const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  const dropped = sorted.length >= 5 ? [sorted[0]!, sorted[sorted.length - 1]!] : [];
  const mean = kept.reduce((s, x) => s + x, 0) / kept.length;
  return { score: Math.round(mean * 100) / 100, dropped };
}

export interface Rankable {
  applicationId: string;
  platformName: string;
  level: number;
  score: number | null;
}

/** Best aggregated score first; unscored last; ties go to the higher maturity level, then by name. */
export function rankByScore<T extends Rankable>(items: readonly T[]): (T & { rank: number })[] {
  return [...items]
    .sort(
      (a, b) =>
        (b.score ?? -1) - (a.score ?? -1) ||
        b.level - a.level ||
        a.platformName.localeCompare(b.platformName, 'zh-CN') ||
        a.applicationId.localeCompare(b.applicationId),
    )
    .map((x, i) => ({ ...x, rank: i + 1 }));
}
