/**
 * Simulation of the ranking that learns from lead outcomes (issue 14). Platforms of our own corpus
 * (bench/corpus) get hidden propensities per domain; a stream of the corpus's scenarios arrives over
 * simulated months; every policy sends leads to its top K and the leads are answered by the hidden
 * propensities with the same random draws for every policy (common random numbers), so differences
 * are the rankings', not the dice's.
 *
 *   today     the production ranking with no outcome history (track-record value 0 for everyone)
 *   learning  the production ranking with the track-record factor fed by the outcomes so far
 *   ceiling   the production ranking with the factor fed the hidden propensities instead of
 *             estimates: what this factor, at this weight, gives with perfect knowledge
 *   oracle of fit only  knows which platforms truly fit (the corpus grades), not the propensities:
 *             the part of the oracle's lead that is matching quality, which no track record learns
 *   oracle    knows the hidden propensities and the true fit: sends each lead where a signature is
 *             likeliest; regret is measured against it
 *
 * The population, and why it looks like this (judged by realism and by the problem's own headroom,
 * oracle over today, never by what the learning policy scores on it):
 * - Whether a platform answers leads is mostly a property of the platform (a sales team, a business
 *   model), so each platform draws one acceptance and one closing propensity from its role and each
 *   listed domain varies around them by ±20 %.
 * - Roles: strong incumbents (15 %), average platforms (25 %), platforms that list a domain they
 *   decline whole as 不在我方业务范围 (20 %, otherwise average), listings that rarely answer leads
 *   (20 %: registered for the programme's recognition, nobody follows leads up), and capable newcomers
 *   (20 %) joining month by month over the first half of the run.
 * - Fit still rules: the corpus's graded relevance bends every propensity (a platform rarely accepts,
 *   and almost never signs, a need it cannot serve), so no propensity lifts a misfit above a fit.
 * - Two registries: the corpus as is (64 platforms; about three platforms per scenario fit at all, so
 *   even the oracle has little room: the top five already hold every fitting platform), and a
 *   denser city where each corpus platform is listed three times with its own propensities —
 *   look-alike platforms competing for the same need, which is how a city registry of a few hundred
 *   platforms looks, and where choosing among fits is what the track record is for.
 *
 * Seeds: tuning seeds choose the factor's weight and settings (`--tune`); the printed table is on
 * different held-out seeds, mean ± standard deviation over seeds. A figure counts only on seeds the
 * settings never saw.
 *
 * Run alone: BENCH_ONLY=learning npm run bench   (or npx tsx bench/learning.ts [--tune])
 */
import { mulberry32 } from '#core/prng';
import {
  DEFAULT_WEIGHTS,
  compareMatches,
  indexPlatforms,
  needDomains,
  prepareScenario,
  scorePlatform,
  type CandidatePlatform,
  type Match,
  type MatchIndex,
  fitShare,
  type PreparedScenario,
  type Weights,
} from '#core/matching/score';
import { DEFAULT_TRACK_RECORD, EMPTY_COUNTS, registryPrior, type TrackCounts, type TrackRecordSettings } from '#core/matching/track-record';
import { LocalEmbedder } from '#embed/local';
import type { MatchingDataset } from './dataset';
import { loadCorpusDataset } from './match-corpus';
import { prepare, type Prepared } from './match-eval';
import { QUICK, envList, envNumber, fmt, printTable } from './util';

export interface LearningOptions {
  /** Held-out seeds the table is reported on. */
  seeds: number[];
  /** Seeds the settings were chosen on (`--tune`); never reported as the result. */
  tuningSeeds: number[];
  months: number;
  scenariosPerMonth: number;
  leadsPerScenario: number;
  /** Weight of the track-record factor in the learning policy (production's by default). */
  trackWeight: number;
  track: TrackRecordSettings;
  /** Registries to simulate: each corpus platform listed this many times (1 = the corpus as is). */
  copies: number[];
  log?: (s: string) => void;
}

export function learningOptions(): LearningOptions {
  return {
    seeds: envList('BENCH_LEARNING_SEEDS', [201, 202, 203, 204, 205], [201, 202]),
    tuningSeeds: envList('BENCH_LEARNING_TUNING_SEEDS', [101, 102, 103], [101, 102]),
    months: envNumber('BENCH_LEARNING_MONTHS', 12, 12),
    scenariosPerMonth: envNumber('BENCH_LEARNING_SCENARIOS', 60, 60),
    leadsPerScenario: envNumber('BENCH_LEARNING_K', 5, 5),
    trackWeight: envNumber('BENCH_LEARNING_WEIGHT', DEFAULT_WEIGHTS.track_record, DEFAULT_WEIGHTS.track_record),
    track: DEFAULT_TRACK_RECORD,
    copies: envList('BENCH_LEARNING_COPIES', [1, 3], [1, 3]),
  };
}

type Kind = 'strong' | 'average' | 'domain_decliner' | 'rarely_answers' | 'newcomer';
const ROLES: readonly [Kind, number][] = [
  ['newcomer', 0.2],
  ['strong', 0.15],
  ['domain_decliner', 0.2],
  ['rarely_answers', 0.2],
  ['average', 0.25],
];
/** Platform-level acceptance and closing (share of accepted leads signed) ranges per role. */
const PROPENSITY: Record<Kind, { accept: [number, number]; sign: [number, number] }> = {
  strong: { accept: [0.75, 0.95], sign: [0.45, 0.65] },
  newcomer: { accept: [0.75, 0.95], sign: [0.45, 0.7] },
  average: { accept: [0.5, 0.75], sign: [0.25, 0.45] },
  domain_decliner: { accept: [0.5, 0.75], sign: [0.25, 0.45] },
  rarely_answers: { accept: [0.05, 0.2], sign: [0.1, 0.3] },
};
const DOMAIN_SPREAD = 0.2;

interface Hidden {
  kind: Kind;
  /** Day the platform joins (0 for incumbents). */
  joins: number;
  accept: Map<string, number>;
  sign: Map<string, number>;
  /** Domains it declines whole (不在我方业务范围). */
  declines: Set<string>;
}

// How the scenario's graded relevance (0–3, the corpus labels) bends the platform's propensities.
const ACCEPT_FIT = [0.1, 0.55, 0.85, 1];
const SIGN_FIT = [0.02, 0.3, 0.65, 1];
const DELIVER = 0.85;
const DAY = { decide: 7, sign: 35, deliver: 90 };
const MONTH_DAYS = 30;
const NEWCOMER_WINDOW_DAYS = 90;

const between = (rnd: () => number, [lo, hi]: [number, number]) => lo + (hi - lo) * rnd();
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

function population(platforms: readonly CandidatePlatform[], rnd: () => number, months: number): Map<string, Hidden> {
  const ids = platforms.map((p) => p.id);
  // Fisher–Yates with the seeded generator: which platform plays which role is part of the seed.
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const role = (r: number): Kind => {
    let acc = 0;
    for (const [k, share] of ROLES) if (r < (acc += share)) return k;
    return ROLES[ROLES.length - 1]![0];
  };
  const byId = new Map(platforms.map((p) => [p.id, p]));
  const out = new Map<string, Hidden>();
  const joinSpan = Math.max(1, Math.floor(months / 2));
  ids.forEach((id, i) => {
    const p = byId.get(id)!;
    const kind = role(i / ids.length);
    const base = { accept: between(rnd, PROPENSITY[kind].accept), sign: between(rnd, PROPENSITY[kind].sign) };
    const accept = new Map<string, number>();
    const sign = new Map<string, number>();
    const declines = new Set<string>();
    const vary = () => 1 + DOMAIN_SPREAD * (2 * rnd() - 1);
    for (const d of p.domains) {
      accept.set(d, clamp01(base.accept * vary()));
      sign.set(d, clamp01(base.sign * vary()));
    }
    if (kind === 'domain_decliner' && p.domains.length > 1) {
      // It lists the domain but will not work in it: every lead there is declined as out of scope.
      const d = p.domains[Math.floor(rnd() * p.domains.length)]!;
      declines.add(d);
      accept.set(d, 0);
      sign.set(d, 0);
    }
    const joins = kind === 'newcomer' ? MONTH_DAYS * (1 + Math.floor(rnd() * joinSpan)) : 0;
    out.set(id, { kind, joins, accept, sign, declines });
  });
  return out;
}

/** Hidden probabilities of one lead; a domain the platform does not list gets its weakest listed one. */
function truth(h: Hidden, domains: readonly string[], grade: number): { accept: number; sign: number; outOfScope: boolean } {
  const ds = domains.length ? domains : [...h.accept.keys()];
  const listed = ds.filter((d) => h.accept.has(d));
  const pick = (m: Map<string, number>) => (listed.length ? listed.reduce((s, d) => s + m.get(d)!, 0) / listed.length : Math.min(...m.values()));
  const outOfScope = listed.length > 0 && listed.every((d) => h.declines.has(d));
  return { accept: pick(h.accept) * ACCEPT_FIT[grade]!, sign: pick(h.sign) * SIGN_FIT[grade]!, outOfScope: outOfScope || grade === 0 };
}

interface Instance {
  day: number;
  scenario: number;
  /** Per platform: uniforms for accept, sign, deliver and rating, shared by every policy. */
  draws: Map<string, [number, number, number, number]>;
}

type Event = { day: number; platformId: string; domains: string[]; apply: (c: TrackCounts) => TrackCounts };

export interface PolicySummary {
  name: string;
  leads: number;
  accepted: number;
  signed: number;
  delivered: number;
  regret: number;
  regretByMonth: number[];
  exposureGini: number;
  newcomerShare: number;
}

function gini(xs: readonly number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  const sum = v.reduce((a, b) => a + b, 0);
  if (!n || !sum) return 0;
  let acc = 0;
  v.forEach((x, i) => (acc += (2 * (i + 1) - n - 1) * x));
  return acc / (n * sum);
}

/** One registry, built once: platforms, index, prepared scenarios and fit-only scores. */
interface Registry {
  copies: number;
  platforms: CandidatePlatform[];
  index: MatchIndex;
  prepared: PreparedScenario[];
  domainsOf: string[][];
  grade: (scenario: number, platformId: string) => number;
  /** Score of every platform for every scenario with exposure and track record at weight 0. */
  fit: Float64Array[];
}

function buildRegistry(data: MatchingDataset, corpus: Prepared, copies: number): Registry {
  const original = new Map<string, string>();
  const platforms: CandidatePlatform[] = corpus.platforms.flatMap((pl) =>
    Array.from({ length: copies }, (_, k) => {
      const id = copies === 1 ? pl.id : `${pl.id}~${k + 1}`;
      original.set(id, pl.id);
      return { ...pl, id, solutions: pl.solutions.map((s) => ({ ...s, id: `${s.id}~${k + 1}` })) };
    }),
  );
  const index = copies === 1 ? corpus.index : indexPlatforms(platforms);
  const prepared = corpus.scenarios.map((s) => prepareScenario(s, index));
  const fitOnly = { ...DEFAULT_WEIGHTS, exposure: 0, track_record: 0 };
  const fit = prepared.map((ps) => Float64Array.from(platforms, (pl) => scorePlatform(ps, { ...pl, openLeadsThisMonth: 0 }, fitOnly, index).score));
  return {
    copies,
    platforms,
    index,
    prepared,
    domainsOf: corpus.scenarios.map((s) => needDomains(s)),
    grade: (scenario, pid) => data.scenarios[scenario]!.relevance[original.get(pid)!] ?? 0,
    fit,
  };
}

// Today and the oracle do not depend on the track-record settings: tuning computes them once per seed.
type Baselines = { today: PolicySummary; relevance: PolicySummary; oracle: PolicySummary };
const baselines = new Map<string, Baselines>();
function baseline(key: string, f: () => Baselines) {
  let b = baselines.get(key);
  if (!b) baselines.set(key, (b = f()));
  return b;
}

export interface SeedResult {
  seed: number;
  platforms: number;
  newcomers: number;
  today: PolicySummary;
  learning: PolicySummary;
  /** Today's ranking with the track-record factor fed the hidden propensities: the most this factor could give. */
  ceiling?: PolicySummary;
  /** Knows the true fit, not the propensities. */
  relevance: PolicySummary;
  oracle: PolicySummary;
}

/** Today, learning and oracle on one seed's population and stream. */
type SimOptions = Pick<LearningOptions, 'months' | 'scenariosPerMonth' | 'leadsPerScenario' | 'trackWeight' | 'track'> & { ceiling?: boolean };

export function simulate(reg: Registry, seed: number, opts: SimOptions): SeedResult {
  const rnd = mulberry32(seed);
  const hidden = population(reg.platforms, rnd, opts.months);
  const K = opts.leadsPerScenario;
  const instances: Instance[] = [];
  for (let m = 0; m < opts.months; m++)
    for (let j = 0; j < opts.scenariosPerMonth; j++) {
      const draws = new Map<string, [number, number, number, number]>();
      for (const pl of reg.platforms) draws.set(pl.id, [rnd(), rnd(), rnd(), rnd()]);
      instances.push({ day: m * MONTH_DAYS + (j * MONTH_DAYS) / opts.scenariosPerMonth, scenario: Math.floor(rnd() * reg.prepared.length), draws });
    }

  const expectedSign = (pid: string, inst: Instance) => {
    const t = truth(hidden.get(pid)!, reg.domainsOf[inst.scenario]!, reg.grade(inst.scenario, pid));
    return t.accept * t.sign;
  };
  /** The platform's hidden expected signatures per lead in the need's domains, before fit. */
  const ownWay = (pid: string, domains: readonly string[]) => {
    const t = truth(hidden.get(pid)!, domains, 3);
    return t.accept * t.sign;
  };
  const presentIdx = (inst: Instance) => reg.platforms.map((_, i) => i).filter((i) => hidden.get(reg.platforms[i]!.id)!.joins <= inst.day);
  const oracleTop = (inst: Instance) =>
    presentIdx(inst)
      .map((i) => ({ platformId: reg.platforms[i]!.id, score: expectedSign(reg.platforms[i]!.id, inst) }))
      .sort(compareMatches)
      .slice(0, K);
  // Knows which platforms truly fit (the corpus grades) but not how they answer leads: what better
  // matching alone would buy, which no track record can learn.
  const relevanceTop = (inst: Instance) =>
    presentIdx(inst)
      .map((i) => {
        const g = reg.grade(inst.scenario, reg.platforms[i]!.id);
        return { platformId: reg.platforms[i]!.id, score: ACCEPT_FIT[g]! * SIGN_FIT[g]! + 1e-6 * reg.fit[inst.scenario]![i]! };
      })
      .sort(compareMatches)
      .slice(0, K);

  /**
   * The production ranking's top K. Only platforms that could reach the top K are scored in full:
   * exposure moves a score by at most −w_exposure and track record by ±w_track, so a platform whose
   * best case is below the K-th best worst case cannot make it. Exact, and fast enough to run seeds.
   */
  function productionTop(inst: Instance, weights: Weights, open: Map<string, number>, track?: Map<string, Map<string, TrackCounts>> | 'truth'): string[] {
    const fit = reg.fit[inst.scenario]!;
    const idx = presentIdx(inst);
    const worst = idx.map((i) => fit[i]! - weights.exposure - weights.track_record).sort((a, b) => b - a);
    const bar = worst[Math.min(K, worst.length) - 1] ?? -Infinity;
    const records = track === 'truth' ? undefined : track;
    const trackSettings = records ? registryPrior(records.values(), opts.track) : undefined;
    const average = track === 'truth' ? idx.reduce((s, i) => s + ownWay(reg.platforms[i]!.id, []), 0) / idx.length : 0;
    return idx
      .filter((i) => fit[i]! + weights.track_record >= bar)
      .map((i): Match => {
        const pl = reg.platforms[i]!;
        const cand = { ...pl, openLeadsThisMonth: open.get(pl.id) ?? 0, trackRecord: records?.get(pl.id), trackSettings };
        if (track !== 'truth') return scorePlatform(reg.prepared[inst.scenario]!, cand, weights, reg.index);
        // The factor fed the hidden truth instead of estimates, on the same log scale and fit scaling.
        const m = scorePlatform(reg.prepared[inst.scenario]!, cand, { ...weights, track_record: 0 }, reg.index);
        const ratio = Math.log(Math.max(1e-6, ownWay(pl.id, reg.domainsOf[inst.scenario]!)) / average) / Math.log(opts.track.ratioAtFull);
        return { ...m, score: m.score + weights.track_record * Math.max(-1, Math.min(1, ratio)) * fitShare(m.reasons, weights) };
      })
      .sort(compareMatches)
      .slice(0, K)
      .map((m) => m.platformId);
  }

  function run(name: string, choose: 'today' | 'learning' | 'ceiling' | 'relevance' | 'oracle'): PolicySummary {
    const weights: Weights = choose === 'learning' || choose === 'ceiling' ? { ...DEFAULT_WEIGHTS, track_record: opts.trackWeight } : DEFAULT_WEIGHTS;
    const records = new Map<string, Map<string, TrackCounts>>();
    const pending: Event[] = [];
    const recent: { day: number; platformId: string }[] = [];
    const regretByMonth = Array.from({ length: opts.months }, () => 0);
    const leadsPerPlatform = new Map(reg.platforms.map((pl) => [pl.id, 0]));
    const res = { leads: 0, accepted: 0, signed: 0, delivered: 0, newcomerWindowLeads: 0, windowLeads: 0 };
    const applyDue = (day: number) => {
      pending.sort((a, b) => a.day - b.day);
      while (pending.length && pending[0]!.day <= day) {
        const e = pending.shift()!;
        const rec = records.get(e.platformId) ?? new Map<string, TrackCounts>();
        for (const d of e.domains) rec.set(d, e.apply(rec.get(d) ?? EMPTY_COUNTS));
        records.set(e.platformId, rec);
      }
    };
    for (const inst of instances) {
      applyDue(inst.day);
      while (recent.length && recent[0]!.day <= inst.day - DAY.decide) recent.shift();
      const open = new Map<string, number>();
      for (const r of recent) open.set(r.platformId, (open.get(r.platformId) ?? 0) + 1);
      const chosen =
        choose === 'oracle' || choose === 'relevance'
          ? (choose === 'oracle' ? oracleTop : relevanceTop)(inst).map((m) => m.platformId)
          : productionTop(inst, weights, open, choose === 'learning' ? records : choose === 'ceiling' ? 'truth' : undefined);
      const month = Math.floor(inst.day / MONTH_DAYS);
      const best = oracleTop(inst).reduce((s, m) => s + m.score, 0);
      regretByMonth[month]! += best - chosen.reduce((s, id) => s + expectedSign(id, inst), 0);
      const newcomerWindowOpen = [...hidden.values()].some((h) => h.kind === 'newcomer' && h.joins <= inst.day && inst.day < h.joins + NEWCOMER_WINDOW_DAYS);
      const domains = reg.domainsOf[inst.scenario]!;
      for (const id of chosen) {
        const h = hidden.get(id)!;
        res.leads++;
        leadsPerPlatform.set(id, leadsPerPlatform.get(id)! + 1);
        recent.push({ day: inst.day, platformId: id });
        if (newcomerWindowOpen) {
          res.windowLeads++;
          if (h.kind === 'newcomer' && inst.day < h.joins + NEWCOMER_WINDOW_DAYS) res.newcomerWindowLeads++;
        }
        const t = truth(h, domains, reg.grade(inst.scenario, id));
        const [ua, us, ud, ur] = inst.draws.get(id)!;
        const at = (d: number) => inst.day + d;
        if (ua >= t.accept) {
          pending.push({
            day: at(DAY.decide), platformId: id, domains,
            apply: t.outOfScope ? (c) => ({ ...c, outOfScope: c.outOfScope + 1 }) : (c) => ({ ...c, declined: c.declined + 1 }),
          });
          continue;
        }
        res.accepted++;
        pending.push({ day: at(DAY.decide), platformId: id, domains, apply: (c) => ({ ...c, accepted: c.accepted + 1 }) });
        if (us >= t.sign) {
          // The platform reports the lead lost once it is clear no contract will come.
          pending.push({ day: at(DAY.sign), platformId: id, domains, apply: (c) => ({ ...c, lost: c.lost + 1 }) });
          continue;
        }
        res.signed++;
        pending.push({ day: at(DAY.sign), platformId: id, domains, apply: (c) => ({ ...c, signed: c.signed + 1 }) });
        if (ud >= DELIVER) continue;
        res.delivered++;
        // Satisfaction follows the platform's hidden signing quality in the domain, with noise.
        const stars = Math.max(1, Math.min(5, Math.round(2 + 4 * t.sign + 2 * (ur - 0.5))));
        pending.push({
          day: at(DAY.deliver), platformId: id, domains,
          apply: (c) => ({ ...c, delivered: c.delivered + 1, rated: c.rated + 1, ratingCredit: c.ratingCredit + (stars - 1) / 4 }),
        });
      }
    }
    return {
      name,
      leads: res.leads,
      accepted: res.accepted,
      signed: res.signed,
      delivered: res.delivered,
      regret: regretByMonth.reduce((a, b) => a + b, 0),
      regretByMonth,
      exposureGini: gini([...leadsPerPlatform.values()]),
      newcomerShare: res.windowLeads ? res.newcomerWindowLeads / res.windowLeads : 0,
    };
  }

  return {
    seed,
    platforms: reg.platforms.length,
    newcomers: [...hidden.values()].filter((h) => h.kind === 'newcomer').length,
    ...baseline(`${reg.copies}:${seed}:${opts.months}:${opts.scenariosPerMonth}:${K}`, () => ({
      today: run('today (no outcome history)', 'today'),
      relevance: run('oracle of fit only (knows relevance)', 'relevance'),
      oracle: run('oracle (knows propensities)', 'oracle'),
    })),
    learning: run('learning (track record)', 'learning'),
    ...(opts.ceiling ? { ceiling: run('ceiling: factor fed the truth', 'ceiling') } : {}),
  };
}

export interface RegistryResult {
  copies: number;
  platforms: number;
  newcomers: number;
  seeds: SeedResult[];
}

export interface LearningResult {
  options: Omit<LearningOptions, 'log'>;
  runs: RegistryResult[];
}

// Embedded once per process, registries built once per density: seeds and tuning reuse them.
let corpusOnce: Promise<{ data: MatchingDataset; corpus: Prepared }> | undefined;
const registries = new Map<number, Registry>();

async function registryOf(copies: number, log?: (s: string) => void): Promise<Registry> {
  corpusOnce ??= (async () => {
    const data = loadCorpusDataset();
    log?.(`learning: embedding ${data.platforms.length} platforms and ${data.scenarios.length} scenarios`);
    return { data, corpus: await prepare(data, new LocalEmbedder()) };
  })();
  const { data, corpus } = await corpusOnce;
  let reg = registries.get(copies);
  if (!reg) registries.set(copies, (reg = buildRegistry(data, corpus, copies)));
  return reg;
}

/** Every registry density on every held-out seed. */
export async function benchLearningRuns(opts: LearningOptions = learningOptions()): Promise<LearningResult> {
  const runs: RegistryResult[] = [];
  for (const copies of opts.copies) {
    const reg = await registryOf(copies, opts.log);
    opts.log?.(`learning: ${reg.platforms.length} platforms, seeds ${opts.seeds.join(', ')}: today, learning and oracle on the same stream`);
    const seeds = opts.seeds.map((seed) => simulate(reg, seed, { ...opts, ceiling: true }));
    runs.push({ copies, platforms: reg.platforms.length, newcomers: Math.round(mean(seeds.map((s) => s.newcomers))), seeds });
  }
  const { log: _log, ...options } = opts;
  return { options, runs };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1)) : 0;
};
const pm = (xs: readonly number[], digits: number) => `${fmt(mean(xs), digits)} ± ${fmt(sd(xs), digits)}`;
/** Regret in the first and the last quarter of the run, per seed. */
const quarters = (p: PolicySummary) => {
  const q = Math.max(1, Math.floor(p.regretByMonth.length / 4));
  return { first: mean(p.regretByMonth.slice(0, q)), last: mean(p.regretByMonth.slice(-q)) };
};

/** What the goal checks, per registry: signed gain, Gini and newcomer share against today, regret trend. */
export function goalOf(r: RegistryResult) {
  const gain = r.seeds.map((s) => s.learning.signed / s.today.signed - 1);
  const oracleGain = r.seeds.map((s) => s.oracle.signed / s.today.signed - 1);
  const ceilingGain = r.seeds.flatMap((s) => (s.ceiling ? [s.ceiling.signed / s.today.signed - 1] : []));
  const relevanceGain = r.seeds.map((s) => s.relevance.signed / s.today.signed - 1);
  const gini = r.seeds.map((s) => s.learning.exposureGini - s.today.exposureGini);
  const newcomer = r.seeds.map((s) => s.learning.newcomerShare - s.today.newcomerShare);
  const trend = r.seeds.map((s) => quarters(s.learning).last - quarters(s.learning).first);
  return {
    gain,
    oracleGain,
    ceilingGain,
    relevanceGain,
    gini,
    newcomer,
    trend,
    met: mean(gain) >= 0.25 && mean(gini) <= 0 && mean(newcomer) >= 0 && mean(trend) < 0,
  };
}

export function printLearningRuns(r: LearningResult): void {
  r.runs.forEach((run, i) => printLearning(run, r.options, `7${'abcd'[i] ?? i}`));
}

function printLearning(run: RegistryResult, o: Omit<LearningOptions, 'log'>, n: string): void {
  const registry = run.copies === 1 ? 'corpus registry' : `denser registry: each corpus platform × ${run.copies}`;
  const pols = (['today', 'learning', 'ceiling', 'relevance', 'oracle'] as const)
    .filter((k) => run.seeds.every((s) => s[k]))
    .map((k) => ({ name: run.seeds[0]![k]!.name, xs: run.seeds.map((s) => s[k]!) }));
  const g = goalOf(run);
  const pct = (xs: number[]) => `${mean(xs) >= 0 ? '+' : ''}${fmt(100 * mean(xs), 1)} ± ${fmt(100 * sd(xs), 1)} %`;
  printTable(
    `${n}. 学习型排序仿真 learning ranking simulation — ${registry}; held-out seeds, mean ± sd over ${run.seeds.length}`,
    ['policy', 'accepted', 'signed', 'delivered', 'regret (exp. signed)', 'regret Q1 → Q4 /month', 'exposure Gini', 'newcomer share, first 3 months'],
    pols.map(({ name, xs }) => [
      name,
      pm(xs.map((p) => p.accepted), 0),
      pm(xs.map((p) => p.signed), 0),
      pm(xs.map((p) => p.delivered), 0),
      pm(xs.map((p) => p.regret), 1),
      `${fmt(mean(xs.map((p) => quarters(p).first)), 2)} → ${fmt(mean(xs.map((p) => quarters(p).last)), 2)}`,
      pm(xs.map((p) => p.exposureGini), 3),
      `${pm(xs.map((p) => 100 * p.newcomerShare), 1)} %`,
    ]),
    [
      `${run.platforms} platforms (about ${run.newcomers} capable newcomers joining in the first half), ${o.months} months × ${o.scenariosPerMonth} scenarios, top ${o.leadsPerScenario} get leads (${run.platforms && o.months * o.scenariosPerMonth * o.leadsPerScenario} leads per policy); held-out seeds ${o.seeds.join(', ')} (settings chosen on ${o.tuningSeeds.join(', ')}).`,
      `track record: weight ${o.trackWeight}, ${JSON.stringify(o.track)}.`,
      `signed deals vs today: learning ${pct(g.gain)}; ceiling ${g.ceilingGain.length ? pct(g.ceilingGain) : 'not run'}; oracle of fit only ${pct(g.relevanceGain)}; oracle ${pct(g.oracleGain)}.`,
      `learning vs today: Gini Δ ${fmt(mean(g.gini), 3)}, newcomer share Δ ${fmt(100 * mean(g.newcomer), 1)} pts, regret last − first quarter ${fmt(mean(g.trend), 2)}/month.`,
      `goal (≥ +25 % signed, Gini no higher, newcomer share no lower, regret shrinking): ${g.met ? 'MET' : 'NOT met'}.`,
    ],
  );
  printTable(
    `${n}. regret by month (expected signatures below the oracle, mean over seeds) — ${registry}`,
    ['month', 'today', 'learning', 'learning ÷ today'],
    run.seeds[0]!.today.regretByMonth.map((_, m) => {
      const today = mean(run.seeds.map((s) => s.today.regretByMonth[m]!));
      const learning = mean(run.seeds.map((s) => s.learning.regretByMonth[m]!));
      return [m + 1, fmt(today, 2), fmt(learning, 2), fmt(learning / today, 2)];
    }),
    [`The oracle gains every month as capable newcomers join, so regret can grow for every policy; the last column is learning's regret as a share of today's.`],
  );
}

/**
 * Grid over the factor's weight and settings on the tuning seeds only. The objective is the mean
 * signed gain over today across both registries, among settings that keep the Gini no higher and the
 * newcomer share no lower on those seeds; prints the grid so the choice can be checked.
 */
async function tune(opts: LearningOptions): Promise<void> {
  const regs = await Promise.all(opts.copies.map((c) => registryOf(c, opts.log)));
  const weights = envList('BENCH_TUNE_WEIGHTS', [0.1, 0.2, 0.3], [0.2]);
  const explorations = envList('BENCH_TUNE_EXPLORATION', [0, 0.25, 0.5, 1], [0.5]);
  const strengths = envList('BENCH_TUNE_STRENGTHS', [2, 4, 8], [4]);
  const ratios = envList('BENCH_TUNE_RATIO', [opts.track.ratioAtFull], [opts.track.ratioAtFull]);
  const opens = envList('BENCH_TUNE_OPEN', [opts.track.openWeight], [opts.track.openWeight]);
  const rows: (string | number)[][] = [];
  let best: { score: number; label: string } | undefined;
  for (const w of weights)
    for (const exploration of explorations)
      for (const k of strengths)
        for (const ratioAtFull of ratios)
        for (const openWeight of opens) {
          const track = { ...opts.track, exploration, platformStrength: k, domainStrength: k, ratioAtFull, openWeight };
          const gs = regs.map((reg) => {
            const seeds = opts.tuningSeeds.map((seed) => simulate(reg, seed, { ...opts, trackWeight: w, track }));
            return goalOf({ copies: reg.copies, platforms: reg.platforms.length, newcomers: 0, seeds });
          });
          const score = mean(gs.map((g) => mean(g.gain)));
          const feasible = gs.every((g) => mean(g.gini) <= 0 && mean(g.newcomer) >= 0);
          const label = `w=${w} c=${exploration} k=${k}${ratios.length > 1 ? ` r=${ratioAtFull}` : ''}${opens.length > 1 ? ` open=${openWeight}` : ''}`;
          rows.push([label, ...gs.flatMap((g) => [`${fmt(100 * mean(g.gain), 1)} %`, fmt(mean(g.gini), 3), fmt(100 * mean(g.newcomer), 1), fmt(mean(g.trend), 2)]), feasible ? 'yes' : 'no']);
          if (feasible && (!best || score > best.score)) best = { score, label };
          opts.log?.(`${label}: ${rows[rows.length - 1]!.slice(1).join(' ')}`);
        }
  printTable(
    `learning: tuning grid on seeds ${opts.tuningSeeds.join(', ')} (never the reported seeds)`,
    ['settings', ...regs.flatMap((r) => [`×${r.copies} signed Δ`, 'Gini Δ', 'newc. Δ pts', 'regret trend']), 'feasible'],
    rows,
    [best ? `best feasible: ${best.label} (mean signed gain ${fmt(100 * best.score, 1)} %)` : 'no feasible setting'],
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = { ...learningOptions(), log: (s: string) => process.stderr.write(`${s}\n`) };
  if (process.argv.includes('--tune')) await tune(opts);
  else printLearningRuns(await benchLearningRuns(opts));
  if (QUICK) console.log('(quick run)');
}
