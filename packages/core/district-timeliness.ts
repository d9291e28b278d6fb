const DAY_MS = 86_400_000;

export interface Reviewed {
  submittedAt?: string;
  districtReview?: { status: 'pending' | 'endorsed' | 'returned'; at?: string };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * How quickly a district does its first review: the median days from submission to its decision,
 * and how long the oldest application still waiting has waited (as of `now`).
 */
export function timeliness(apps: readonly Reviewed[], now: Date): { medianDays: number | null; oldestPendingDays: number | null } {
  const decided = apps
    .filter((a) => a.submittedAt && a.districtReview && a.districtReview.status !== 'pending' && a.districtReview.at)
    .map((a) => (Date.parse(a.districtReview!.at!) - Date.parse(a.submittedAt!)) / DAY_MS)
    .sort((x, y) => x - y);
  const mid = decided.length / 2;
  const median = decided.length ? (decided.length % 2 ? decided[Math.floor(mid)]! : (decided[mid - 1]! + decided[mid]!) / 2) : null;
  const waiting = apps.filter((a) => a.submittedAt && a.districtReview?.status === 'pending').map((a) => (now.getTime() - Date.parse(a.submittedAt!)) / DAY_MS);
  return { medianDays: median === null ? null : round1(median), oldestPendingDays: waiting.length ? round1(Math.max(...waiting)) : null };
}
