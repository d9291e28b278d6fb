import { label } from '../taxonomy';

/**
 * What a platform's leads in one domain came to. Counted once per lead move (DynamoDB counters
 * updated in the same transaction as the move), so they are sums, never recomputed from leads.
 */
export interface TrackCounts {
  /** Leads accepted. */
  accepted: number;
  /** Leads declined as 不在我方业务范围: full evidence against the domain. */
  outOfScope: number;
  /** Leads declined for other reasons (capacity, budget, region): half evidence, they say less about the domain. */
  declined: number;
  signed: number;
  delivered: number;
  /** Sum of (stars − 1) / 4 over the manufacturer's ratings: 0 for one star, 1 for five. */
  ratingCredit: number;
  rated: number;
}

export const EMPTY_COUNTS: TrackCounts = Object.freeze({ accepted: 0, outOfScope: 0, declined: 0, signed: 0, delivered: 0, ratingCredit: 0, rated: 0 });

/** Track records of one platform, per domain code. */
export type TrackRecord = ReadonlyMap<string, TrackCounts>;

/**
 * The outcome credit of a lead, in [0, 1]: accepting earns part of it, a signature most, delivery
 * and a good rating the rest. A lead declined as out of scope earns 0.
 */
const CREDIT = { accepted: 0.4, signed: 0.4, delivered: 0.1, rating: 0.1 } as const;

export interface TrackRecordSettings {
  /** Prior mean outcome credit: an accepted lead that went no further. */
  priorMean: number;
  /** Pseudo-leads of the prior: a platform with a handful of leads stays close to it. */
  priorLeads: number;
  /** Exploration: how much of one standard deviation of the estimate is added as optimism (UCB). */
  exploration: number;
}

export const DEFAULT_TRACK_RECORD: TrackRecordSettings = Object.freeze({ priorMean: 0.4, priorLeads: 6, exploration: 1 });

/** A decline for capacity or budget counts half: the platform may well take the next lead in the domain. */
const OTHER_DECLINE_WEIGHT = 0.5;

export function leadsIn(c: TrackCounts): number {
  return c.accepted + c.outOfScope + OTHER_DECLINE_WEIGHT * c.declined;
}

function add(a: TrackCounts, b: TrackCounts): TrackCounts {
  return {
    accepted: a.accepted + b.accepted,
    outOfScope: a.outOfScope + b.outOfScope,
    declined: a.declined + b.declined,
    signed: a.signed + b.signed,
    delivered: a.delivered + b.delivered,
    ratingCredit: a.ratingCredit + b.ratingCredit,
    rated: a.rated + b.rated,
  };
}

/**
 * Upper confidence bound of the mean outcome credit, smoothed toward the prior:
 * mean = (k·μ₀ + Σcredit) / (k + n), bound = mean + c·sqrt(mean(1 − mean) / (k + n + 1)).
 * Deterministic, so the same history always gives the same ranking.
 */
export function upperBound(c: TrackCounts, t: TrackRecordSettings = DEFAULT_TRACK_RECORD): { mean: number; bound: number; n: number } {
  const n = leadsIn(c);
  const credit = Math.min(
    n,
    CREDIT.accepted * c.accepted + CREDIT.signed * c.signed + CREDIT.delivered * c.delivered + CREDIT.rating * c.ratingCredit,
  );
  const mean = (t.priorLeads * t.priorMean + credit) / (t.priorLeads + n);
  const sd = Math.sqrt((mean * (1 - mean)) / (t.priorLeads + n + 1));
  return { mean, bound: mean + t.exploration * sd, n };
}

/**
 * The factor's value in [−1, 1]: the bound minus the bound a platform with no history gets, so no
 * history is exactly 0 and a registry without outcomes ranks as before. A record better than the
 * prior lifts a platform; a short one costs little (its bound stays high: exploration), so a
 * newcomer is not buried under incumbents.
 */
export function trackValue(c: TrackCounts, t: TrackRecordSettings = DEFAULT_TRACK_RECORD): number {
  const none = upperBound(EMPTY_COUNTS, t).bound;
  const { bound } = upperBound(c, t);
  const span = bound >= none ? 1 - none : none;
  return span > 0 ? Math.max(-1, Math.min(1, (bound - none) / span)) : 0;
}

export interface TrackPart {
  value: number;
  text: string;
}

/**
 * The platform's record in the domains the need asks for, each weighted as the need weighs it; a
 * need that names no domain reads the record over all domains.
 */
export function trackRecordFit(record: TrackRecord | undefined, wanted: ReadonlyMap<string, number>, t: TrackRecordSettings = DEFAULT_TRACK_RECORD): TrackPart {
  const domains = [...wanted].filter(([, w]) => w > 0);
  let counts = EMPTY_COUNTS;
  if (record) {
    if (domains.length === 0) for (const c of record.values()) counts = add(counts, c);
    else {
      // Weighted value per domain; counts summed only for the sentence.
      let total = 0;
      let value = 0;
      for (const [d, w] of domains) {
        const c = record.get(d) ?? EMPTY_COUNTS;
        value += w * trackValue(c, t);
        total += w;
        counts = add(counts, c);
      }
      if (leadsIn(counts) > 0) return { value: value / total, text: sentence(counts, domains.map(([d]) => d)) };
    }
  }
  if (leadsIn(counts) === 0) return { value: 0, text: '该领域暂无对接记录，不加减分（新平台同样获得推荐机会）' };
  return { value: trackValue(counts, t), text: sentence(counts, []) };
}

function sentence(c: TrackCounts, domains: string[]): string {
  const where = domains.length ? `在${domains.map((d) => label('domain', d)).join('、')}领域` : '';
  const rating = c.rated ? `，平均评分 ${(1 + (4 * c.ratingCredit) / c.rated).toFixed(1)} 星` : '';
  const scope = c.outOfScope ? `，${c.outOfScope} 条以不在业务范围婉拒` : '';
  const other = c.declined ? `，${c.declined} 条因其他原因婉拒` : '';
  const few = leadsIn(c) < DEFAULT_TRACK_RECORD.priorLeads ? '（记录尚少，向平均水平收缩）' : '';
  return `${where}历史对接：承接 ${c.accepted} 条、签约 ${c.signed} 条、交付 ${c.delivered} 条${scope}${other}${rating}${few}`;
}
