import type { Adjustments, TrackingKind } from '../schemas/tracking';

export interface Standing {
  platformId: string;
  listedLevel: number;
  /** Whether the platform filed any report for the year. */
  reported: boolean;
  /** The level assessed for that year, once assessed. */
  assessedLevel: number | null;
}

/**
 * What the yearly check finds for one listed platform: nothing reported → missing_report; assessed
 * below the listed level → level_drop; reported but not yet assessed → nothing yet (run again).
 */
export function finding(x: Standing): TrackingKind | null {
  if (!x.reported) return 'missing_report';
  if (x.assessedLevel !== null && x.assessedLevel < x.listedLevel) return 'level_drop';
  return null;
}

/** The published adjustments applied to the next 名录's entry: removed → gone; downgraded → capped. */
export function adjustedLevel(platformId: string, level: number, adjustments: Adjustments | undefined): number | null {
  const a = adjustments?.items.find((x) => x.platformId === platformId);
  if (!a) return level;
  if (a.outcome === 'remove') return null;
  return Math.min(level, a.toLevel ?? level);
}
