import { label } from '../taxonomy';

/**
 * What a platform's leads in one domain came to. Counted once per lead move (DynamoDB counters
 * updated in the same transaction as the move), so they are sums, never recomputed from leads.
 */
export interface TrackCounts {
  /** Leads accepted. */
  accepted: number;
  /** Leads declined as 不在我方业务范围: evidence against this domain only. */
  outOfScope: number;
  /** Leads declined for other reasons (capacity, budget, region): evidence about the platform's responsiveness. */
  declined: number;
  signed: number;
  /** Accepted leads the platform reported lost without a contract: a decided "no signature". */
  lost: number;
  delivered: number;
  /** Sum of (stars − 1) / 4 over the manufacturer's ratings: 0 for one star, 1 for five. */
  ratingCredit: number;
  rated: number;
}

export const EMPTY_COUNTS: TrackCounts = Object.freeze({ accepted: 0, outOfScope: 0, declined: 0, signed: 0, lost: 0, delivered: 0, ratingCredit: 0, rated: 0 });

/** Track records of one platform, per domain code. */
export type TrackRecord = ReadonlyMap<string, TrackCounts>;

/**
 * What the factor estimates is expected signatures per lead, as the funnel that produces them:
 * P(in scope) × P(accept | in scope) × P(sign | accepted) × a small satisfaction multiplier.
 * Acceptance answers within days, signatures within months, so splitting them lets the fast signal
 * work while the slow one builds.
 *
 * Whether a platform answers leads and closes them is mostly a property of the platform (its sales
 * team, its business model), so a domain's acceptance and signing are shrunk toward the platform's
 * record in its other domains, which is shrunk toward the registry's. Scope is the exception:
 * 不在我方业务范围 is about one domain, so a domain's scope is shrunk toward the registry's scope rate
 * and never toward the platform's other domains (a platform declining one listed domain whole sinks
 * there and nowhere else).
 */
export interface TrackRecordSettings {
  /** Share of leads not declined as out of scope, for a platform with no history. */
  priorScope: number;
  /** Share of in-scope leads accepted. */
  priorAccept: number;
  /** Share of accepted leads that end in a signature. */
  priorSign: number;
  /** Pseudo-leads of the registry's rates in a platform's pooled record (and the prior's own certainty). */
  platformStrength: number;
  /** Pseudo-leads of the platform's pooled record (registry's, for scope) in one domain's estimate. */
  domainStrength: number;
  /** Optimism: standard deviations of each rate added before comparing (upper confidence bound). */
  exploration: number;
  /** The expected-signature ratio to a platform with no history that maps to ±1 (log scale). */
  ratioAtFull: number;
  /**
   * How much of a failed signature an accepted lead still open counts as. Signatures come weeks
   * after acceptance: counting every open lead as unsigned would judge a platform that just accepted
   * many leads (a newcomer, typically) a poor closer before any of them could close.
   */
  openWeight: number;
}

// Default rates are used until the registry has outcomes of its own (registryPrior); strengths and
// exploration were chosen on the simulation's tuning seeds only (bench/learning.ts --tune).
export const DEFAULT_TRACK_RECORD: TrackRecordSettings = Object.freeze({
  priorScope: 0.8,
  priorAccept: 0.6,
  priorSign: 0.33,
  platformStrength: 8,
  domainStrength: 8,
  exploration: 0.25,
  ratioAtFull: 4,
  openWeight: 0.5,
});

/** Ratings: prior four stars over three pseudo-ratings; five stars multiply by 1.05, one star by 0.85. */
const RATING = { prior: 0.75, strength: 3, base: 0.85, span: 0.2 } as const;

/** Pseudo-leads of the default rates in the registry's own rates. */
const REGISTRY_STRENGTH = 20;

/** Leads with a decision in this record. */
export function leadsIn(c: TrackCounts): number {
  return c.accepted + c.outOfScope + c.declined;
}

/** Accepted leads weighed as trials of signing: decided ones fully, open ones by `openWeight`. */
function signTrials(c: TrackCounts, t: TrackRecordSettings): number {
  const open = Math.max(0, c.accepted - c.signed - c.lost);
  return c.signed + c.lost + t.openWeight * open;
}

const FIELDS = Object.keys(EMPTY_COUNTS) as (keyof TrackCounts)[];

/** a + sign·b, field by field. */
function add(a: TrackCounts, b: TrackCounts, sign = 1): TrackCounts {
  const out = { ...EMPTY_COUNTS };
  for (const f of FIELDS) out[f] = a[f] + sign * b[f];
  return out;
}

const total = (record: TrackRecord | undefined): TrackCounts => [...(record?.values() ?? [])].reduce((a, b) => add(a, b), EMPTY_COUNTS);

/**
 * The settings with the registry's own rates as the prior: a platform with no history is expected to
 * do what the average lead in this registry does, so the factor compares platforms with each other
 * rather than with a guess. Deterministic in the records; with no outcomes, the defaults.
 */
export function registryPrior(records: Iterable<TrackRecord>, t: TrackRecordSettings = DEFAULT_TRACK_RECORD): TrackRecordSettings {
  let all = EMPTY_COUNTS;
  for (const r of records) all = add(all, total(r));
  const k = REGISTRY_STRENGTH;
  return {
    ...t,
    priorScope: (k * t.priorScope + all.accepted + all.declined) / (k + leadsIn(all)),
    priorAccept: (k * t.priorAccept + all.accepted) / (k + all.accepted + all.declined),
    priorSign: (k * t.priorSign + all.signed) / (k + signTrials(all, t)),
  };
}

/** A smoothed rate and how many observations (real plus inherited) stand behind it. */
interface Rate {
  mean: number;
  n: number;
}

/** (k·prior + hits) / (k + trials); the prior lends no more certainty than it has itself. */
function shrink(hits: number, trials: number, prior: Rate, k: number): Rate {
  const mean = (k * prior.mean + hits) / (k + trials);
  return { mean: Math.min(1, Math.max(0, mean)), n: trials + Math.min(k, prior.n) };
}

const optimistic = (r: Rate, c: number) => Math.min(1, r.mean + c * Math.sqrt((r.mean * (1 - r.mean)) / (r.n + 1)));

export interface TrackEstimate {
  scope: number;
  accept: number;
  sign: number;
  /** Expected signatures per lead (satisfaction-adjusted), smoothed. */
  expected: number;
  /** The same with the exploration bonus: what ranking compares. */
  bound: number;
}

/** The estimate for one domain, or with `domain` undefined for the platform as a whole. Deterministic. */
export function estimate(record: TrackRecord | undefined, domain: string | undefined, t: TrackRecordSettings = DEFAULT_TRACK_RECORD): TrackEstimate {
  const all = total(record);
  const own = domain === undefined ? all : (record?.get(domain) ?? EMPTY_COUNTS);
  // The platform's record in its other domains: the domain's own leads must not count twice.
  const rest = domain === undefined ? all : add(all, own, -1);
  const k = t.platformStrength;
  const prior = (mean: number): Rate => ({ mean, n: k });
  const pa = shrink(rest.accepted, rest.accepted + rest.declined, prior(t.priorAccept), k);
  const ps = shrink(rest.signed, signTrials(rest, t), prior(t.priorSign), k);
  const kd = domain === undefined ? 0 : t.domainStrength;
  const scope = shrink(own.accepted + own.declined, leadsIn(own), prior(t.priorScope), domain === undefined ? k : kd);
  const accept = domain === undefined ? pa : shrink(own.accepted, own.accepted + own.declined, pa, kd);
  const sign = domain === undefined ? ps : shrink(own.signed, signTrials(own, t), ps, kd);
  const rating = (RATING.strength * RATING.prior + all.ratingCredit) / (RATING.strength + all.rated);
  const satisfaction = (RATING.base + RATING.span * rating) / (RATING.base + RATING.span * RATING.prior);
  const c = t.exploration;
  return {
    scope: scope.mean,
    accept: accept.mean,
    sign: sign.mean,
    expected: scope.mean * accept.mean * sign.mean * satisfaction,
    bound: optimistic(scope, c) * optimistic(accept, c) * optimistic(sign, c) * satisfaction,
  };
}

/**
 * The factor's value in [−1, 1]: log of the bound over what a platform with no history gets, scaled
 * so `ratioAtFull` times as many expected signatures is +1. No history is exactly 0, so a registry
 * without outcomes ranks as before; a newcomer's wider uncertainty keeps it level with an average
 * incumbent until its own leads speak.
 */
export function trackValue(record: TrackRecord | undefined, domain: string | undefined, t: TrackRecordSettings = DEFAULT_TRACK_RECORD): number {
  if (leadsIn(total(record)) === 0) return 0;
  const none = estimate(undefined, undefined, t).bound;
  const { bound } = estimate(record, domain, t);
  if (!(bound > 0)) return -1;
  return Math.max(-1, Math.min(1, Math.log(bound / none) / Math.log(t.ratioAtFull)));
}

export interface TrackPart {
  value: number;
  text: string;
}

/**
 * The platform's record in the domains the need asks for, each weighted as the need weighs it; a
 * need that names no domain reads the platform's record as a whole.
 */
export function trackRecordFit(record: TrackRecord | undefined, wanted: ReadonlyMap<string, number>, t: TrackRecordSettings = DEFAULT_TRACK_RECORD): TrackPart {
  const all = total(record);
  if (leadsIn(all) === 0) return { value: 0, text: '暂无对接记录，不加减分（新平台同样获得推荐机会）' };
  const domains = [...wanted].filter(([, w]) => w > 0);
  let value: number;
  let expected: number;
  let counts = all;
  if (domains.length === 0) [value, expected] = [trackValue(record, undefined, t), estimate(record, undefined, t).expected];
  else {
    let [sum, exp, weight] = [0, 0, 0];
    counts = EMPTY_COUNTS;
    for (const [d, w] of domains) {
      sum += w * trackValue(record, d, t);
      exp += w * estimate(record, d, t).expected;
      weight += w;
      counts = add(counts, record?.get(d) ?? EMPTY_COUNTS);
    }
    [value, expected] = [sum / weight, exp / weight];
  }
  const rate = `；估计每 10 条线索签约 ${(10 * expected).toFixed(1)} 单（全市平均 ${(10 * estimate(undefined, undefined, t).expected).toFixed(1)} 单）`;
  return { value, text: sentence(counts, all, domains.map(([d]) => d), t) + rate };
}

function sentence(c: TrackCounts, all: TrackCounts, domains: string[], t: TrackRecordSettings): string {
  const where = domains.length ? `在${domains.map((d) => label('domain', d)).join('、')}领域` : '';
  const rating = all.rated ? `，平台平均评分 ${(1 + (4 * all.ratingCredit) / all.rated).toFixed(1)} 星` : '';
  const scope = c.outOfScope ? `，${c.outOfScope} 条以不在业务范围婉拒` : '';
  const other = c.declined ? `，${c.declined} 条因其他原因婉拒` : '';
  const lost = c.lost ? `、未成交 ${c.lost} 条` : '';
  const own = `${where}历史对接：承接 ${c.accepted} 条、签约 ${c.signed} 条${lost}、交付 ${c.delivered} 条${scope}${other}${rating}`;
  // Say what a short record leans on, so the reader sees why few leads moved the score little.
  const rest = add(all, c, -1);
  const lean =
    leadsIn(all) < t.platformStrength
      ? '（记录尚少，向全市平均收缩）'
      : domains.length && leadsIn(c) < t.domainStrength
        ? `；该领域记录尚少，参考其在其他领域的记录（承接 ${rest.accepted} 条、签约 ${rest.signed} 条）`
        : '';
  return `${own}${lean}`;
}
