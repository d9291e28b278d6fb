/**
 * Simulation of the ranking that learns from lead outcomes (issue 14). Platforms of our own corpus
 * (bench/corpus) get hidden propensities per domain; a stream of the corpus's scenarios arrives over
 * simulated months; every policy sends leads to its top K and the leads are answered by the hidden
 * propensities with the same random draws for every policy (common random numbers), so differences
 * are the rankings', not the dice's.
 *
 *   today     the production ranking with no outcome history (track-record value 0 for everyone)
 *   learning  the production ranking with the track-record factor fed by the outcomes so far
 *   oracle    knows the hidden propensities: sends each lead where a signature is likeliest
 *
 * Run alone: BENCH_ONLY=learning npm run bench   (or npx tsx bench/learning.ts)
 */
import { mulberry32 } from '../packages/core/prng';
import {
  DEFAULT_WEIGHTS,
  compareMatches,
  indexPlatforms,
  needDomains,
  prepareScenario,
  scorePlatform,
  type CandidatePlatform,
  type PreparedScenario,
  type Weights,
} from '../packages/core/matching/score';
import { EMPTY_COUNTS, type TrackCounts } from '../packages/core/matching/track-record';
import { LocalEmbedder } from '../packages/embed/local';
import { loadCorpusDataset } from './match-corpus';
import { prepare } from './match-eval';
import { QUICK, envNumber, fmt, printTable } from './util';

export interface LearningOptions {
  seed: number;
  months: number;
  scenariosPerMonth: number;
  leadsPerScenario: number;
  /** Weight of the track-record factor in the learning policy (production's by default). */
  trackWeight: number;
  /**
   * Each corpus platform enters the registry this many times with its own hidden propensities: a
   * denser city where several platforms fit a need equally well on paper (1 = the corpus as is).
   */
  copies: number;
  log?: (s: string) => void;
}

export function learningOptions(): LearningOptions {
  return {
    seed: envNumber('BENCH_LEARNING_SEED', 14, 14),
    months: envNumber('BENCH_LEARNING_MONTHS', 12, 6),
    scenariosPerMonth: envNumber('BENCH_LEARNING_SCENARIOS', 60, 30),
    leadsPerScenario: envNumber('BENCH_LEARNING_K', 5, 5),
    trackWeight: envNumber('BENCH_LEARNING_WEIGHT', DEFAULT_WEIGHTS.track_record, DEFAULT_WEIGHTS.track_record),
    copies: 1,
  };
}

type Kind = 'strong' | 'average' | 'weak' | 'domain_decliner' | 'newcomer';

interface Hidden {
  kind: Kind;
  /** Day the platform joins (0 for incumbents). */
  joins: number;
  accept: Map<string, number>;
  sign: Map<string, number>;
  /** Domains it declines whole (不在我方业务范围). */
  declines: Set<string>;
}

// How the scenario's graded relevance (0–3, the corpus labels) bends the platform's propensities:
// a platform rarely accepts, and almost never signs, a need it cannot serve.
const ACCEPT_FIT = [0.1, 0.55, 0.85, 1];
const SIGN_FIT = [0.02, 0.3, 0.65, 1];
const DELIVER = 0.85;
const DAY = { decide: 7, sign: 35, deliver: 90 };
const MONTH_DAYS = 30;
const NEWCOMER_WINDOW_DAYS = 90;

const between = (rnd: () => number, lo: number, hi: number) => lo + (hi - lo) * rnd();

/** Hidden population: strong and weak incumbents, some that decline one whole domain, capable newcomers. */
function population(platforms: readonly CandidatePlatform[], rnd: () => number, months: number): Map<string, Hidden> {
  const ids = platforms.map((p) => p.id);
  // Fisher–Yates with the seeded generator: which platform plays which role is part of the seed.
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const n = ids.length;
  const roles: Kind[] = ids.map((_, i) => {
    const r = i / n;
    return r < 0.2 ? 'newcomer' : r < 0.35 ? 'strong' : r < 0.55 ? 'domain_decliner' : r < 0.75 ? 'weak' : 'average';
  });
  const byId = new Map(platforms.map((p) => [p.id, p]));
  const out = new Map<string, Hidden>();
  const joinSpan = Math.max(1, Math.floor(months / 2));
  ids.forEach((id, i) => {
    const p = byId.get(id)!;
    const kind = roles[i]!;
    const accept = new Map<string, number>();
    const sign = new Map<string, number>();
    const declines = new Set<string>();
    for (const d of p.domains) {
      const [a, s] =
        kind === 'strong' ? [between(rnd, 0.75, 0.95), between(rnd, 0.45, 0.65)]
        : kind === 'newcomer' ? [between(rnd, 0.8, 0.95), between(rnd, 0.5, 0.7)]
        : kind === 'weak' ? [between(rnd, 0.3, 0.5), between(rnd, 0.08, 0.18)]
        : [between(rnd, 0.55, 0.75), between(rnd, 0.25, 0.4)];
      accept.set(d, a);
      sign.set(d, s);
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
  const pick = (m: Map<string, number>) => (listed.length ? listed.reduce((s, d) => s + m.get(d)!, 0) / listed.length : Math.min(...h.accept.values(), 0.3));
  const outOfScope = listed.length > 0 && listed.every((d) => h.declines.has(d));
  const accept = pick(h.accept) * ACCEPT_FIT[grade]!;
  const sign = pick(h.sign) * SIGN_FIT[grade]!;
  return { accept, sign, outOfScope: outOfScope || grade === 0 };
}

interface Instance {
  day: number;
  scenario: number;
  /** Per platform: uniforms for accept, sign, deliver and rating, shared by every policy. */
  draws: Map<string, [number, number, number, number]>;
}

type Event = { day: number; platformId: string; domains: string[]; apply: (c: TrackCounts) => TrackCounts };

interface PolicyResult {
  name: string;
  leads: number;
  accepted: number;
  signed: number;
  delivered: number;
  contractExpected: number;
  regretByMonth: number[];
  leadsPerPlatform: Map<string, number>;
  newcomerWindowLeads: number;
  windowLeads: number;
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

export interface LearningResult {
  options: LearningOptions;
  platforms: number;
  newcomers: number;
  policies: {
    name: string;
    leads: number;
    accepted: number;
    signed: number;
    delivered: number;
    regret: number;
    regretByMonth: number[];
    exposureGini: number;
    newcomerShare: number;
  }[];
  signedGainVsToday: number;
}

// Embedded once per process: both registry densities read the same vectors.
let corpusOnce: ReturnType<typeof prepare> | undefined;

/** The corpus as is, then the denser registry, on the same seed. */
export async function benchLearningRuns(opts: LearningOptions = learningOptions()): Promise<{ runs: LearningResult[] }> {
  const dense = envNumber('BENCH_LEARNING_COPIES', 3, 3);
  return { runs: [await benchLearning({ ...opts, copies: 1 }), await benchLearning({ ...opts, copies: dense })] };
}

export async function benchLearning(opts: LearningOptions = learningOptions()): Promise<LearningResult> {
  const data = loadCorpusDataset();
  opts.log?.(`learning: embedding ${data.platforms.length} platforms and ${data.scenarios.length} scenarios`);
  corpusOnce ??= prepare(data, new LocalEmbedder());
  const corpus = await corpusOnce;
  const original = new Map<string, string>();
  const platforms: CandidatePlatform[] = corpus.platforms.flatMap((pl) =>
    Array.from({ length: opts.copies }, (_, k) => {
      const id = opts.copies === 1 ? pl.id : `${pl.id}~${k + 1}`;
      original.set(id, pl.id);
      return { ...pl, id, solutions: pl.solutions.map((s) => ({ ...s, id: `${s.id}~${k + 1}` })) };
    }),
  );
  const p = { ...corpus, platforms, index: opts.copies === 1 ? corpus.index : indexPlatforms(platforms) };
  const grade = (scenario: number, pid: string) => data.scenarios[scenario]!.relevance[original.get(pid)!] ?? 0;
  const rnd = mulberry32(opts.seed);
  const hidden = population(p.platforms, rnd, opts.months);
  const prepared: PreparedScenario[] = corpus.scenarios.map((s) => prepareScenario(s, p.index));
  const domainsOf = p.scenarios.map((s) => needDomains(s));

  const instances: Instance[] = [];
  for (let m = 0; m < opts.months; m++)
    for (let j = 0; j < opts.scenariosPerMonth; j++) {
      const draws = new Map<string, [number, number, number, number]>();
      for (const pl of p.platforms) draws.set(pl.id, [rnd(), rnd(), rnd(), rnd()]);
      instances.push({ day: m * MONTH_DAYS + (j * MONTH_DAYS) / opts.scenariosPerMonth, scenario: Math.floor(rnd() * p.scenarios.length), draws });
    }

  const expectedSign = (pid: string, inst: Instance) => {
    const t = truth(hidden.get(pid)!, domainsOf[inst.scenario]!, grade(inst.scenario, pid));
    return t.accept * t.sign;
  };
  const present = (inst: Instance) => p.platforms.filter((pl) => hidden.get(pl.id)!.joins <= inst.day);
  const oracleTop = (inst: Instance) =>
    present(inst)
      .map((pl) => ({ platformId: pl.id, score: expectedSign(pl.id, inst) }))
      .sort(compareMatches)
      .slice(0, opts.leadsPerScenario);

  function run(name: string, learn: boolean, choose?: (inst: Instance) => string[], weights: Weights = DEFAULT_WEIGHTS): PolicyResult {
    const records = new Map<string, Map<string, TrackCounts>>();
    const pending: Event[] = [];
    const recent: { day: number; platformId: string }[] = [];
    const res: PolicyResult = {
      name, leads: 0, accepted: 0, signed: 0, delivered: 0, contractExpected: 0,
      regretByMonth: Array.from({ length: opts.months }, () => 0),
      leadsPerPlatform: new Map(p.platforms.map((pl) => [pl.id, 0])), newcomerWindowLeads: 0, windowLeads: 0,
    };
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
      let chosen: string[];
      if (choose) chosen = choose(inst);
      else {
        const open = new Map<string, number>();
        for (const r of recent) open.set(r.platformId, (open.get(r.platformId) ?? 0) + 1);
        chosen = present(inst)
          .map((pl) =>
            scorePlatform(prepared[inst.scenario]!, { ...pl, openLeadsThisMonth: open.get(pl.id) ?? 0, trackRecord: learn ? records.get(pl.id) : undefined }, weights, p.index),
          )
          .sort(compareMatches)
          .slice(0, opts.leadsPerScenario)
          .map((m) => m.platformId);
      }
      const month = Math.floor(inst.day / MONTH_DAYS);
      const best = oracleTop(inst).reduce((s, m) => s + m.score, 0);
      res.regretByMonth[month]! += best - chosen.reduce((s, id) => s + expectedSign(id, inst), 0);
      const newcomerWindowOpen = [...hidden.values()].some((h) => h.kind === 'newcomer' && h.joins <= inst.day && inst.day < h.joins + NEWCOMER_WINDOW_DAYS);
      const domains = domainsOf[inst.scenario]!;
      for (const id of chosen) {
        const h = hidden.get(id)!;
        res.leads++;
        res.leadsPerPlatform.set(id, res.leadsPerPlatform.get(id)! + 1);
        recent.push({ day: inst.day, platformId: id });
        if (newcomerWindowOpen) {
          res.windowLeads++;
          if (h.kind === 'newcomer' && inst.day < h.joins + NEWCOMER_WINDOW_DAYS) res.newcomerWindowLeads++;
        }
        const t = truth(h, domains, grade(inst.scenario, id));
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
        if (us >= t.sign) continue;
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
    return res;
  }

  opts.log?.('learning: simulating today, learning and oracle on the same stream');
  const today = run('today (no outcome history)', false);
  const learning = run('learning (track record, UCB)', true, undefined, { ...DEFAULT_WEIGHTS, track_record: opts.trackWeight });
  const oracle = run('oracle (knows propensities)', false, (inst) => oracleTop(inst).map((m) => m.platformId));
  const newcomers = [...hidden.values()].filter((h) => h.kind === 'newcomer').length;
  const summary = (r: PolicyResult) => ({
    name: r.name,
    leads: r.leads,
    accepted: r.accepted,
    signed: r.signed,
    delivered: r.delivered,
    regret: r.regretByMonth.reduce((a, b) => a + b, 0),
    regretByMonth: r.regretByMonth,
    exposureGini: gini([...r.leadsPerPlatform.values()]),
    newcomerShare: r.windowLeads ? r.newcomerWindowLeads / r.windowLeads : 0,
  });
  return {
    options: { ...opts, log: undefined },
    platforms: p.platforms.length,
    newcomers,
    policies: [today, learning, oracle].map(summary),
    signedGainVsToday: today.signed ? learning.signed / today.signed - 1 : 0,
  };
}

export function printLearningRuns(r: { runs: LearningResult[] }): void {
  r.runs.forEach((run, i) => printLearning(run, `7${'ab'[i] ?? i}`));
}

export function printLearning(r: LearningResult, n = '7'): void {
  const o = r.options;
  const registry = o.copies === 1 ? 'corpus registry' : `denser registry: each corpus platform × ${o.copies}`;
  printTable(
    `${n}. 学习型排序仿真 learning ranking simulation — ${registry} (same stream, same draws)`,
    ['policy', 'leads', 'accepted', 'signed', 'delivered', 'regret (exp. signed)', 'exposure Gini', 'newcomer share, first 3 months'],
    r.policies.map((p) => [p.name, p.leads, p.accepted, p.signed, p.delivered, fmt(p.regret, 1), fmt(p.exposureGini, 3), `${fmt(100 * p.newcomerShare, 1)} %`]),
    [
      `${r.platforms} platforms (${r.newcomers} capable newcomers joining in the first half), ${o.months} months × ${o.scenariosPerMonth} scenarios, top ${o.leadsPerScenario} get leads; track-record weight ${o.trackWeight}; seed ${o.seed}.`,
      `learning vs today: ${r.signedGainVsToday >= 0 ? '+' : ''}${fmt(100 * r.signedGainVsToday, 1)} % signed deals. Regret = the oracle's expected signatures minus the policy's, on the same leads.`,
    ],
  );
  printTable(
    `${n}. regret by month (expected signatures below the oracle) — ${registry}`,
    ['month', ...r.policies.slice(0, 2).map((p) => p.name)],
    r.policies[0]!.regretByMonth.map((_, m) => [m + 1, ...r.policies.slice(0, 2).map((p) => fmt(p.regretByMonth[m]!, 2))]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printLearningRuns(await benchLearningRuns({ ...learningOptions(), log: (s) => process.stderr.write(`${s}\n`) }));
  if (QUICK) console.log('(quick run)');
}
