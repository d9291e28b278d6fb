import { Bm25Index, platformDocument } from '#core/matching/bm25';
import { summarize, type Relevance, type Summary } from '#core/matching/metrics';
import { needText } from '#core/matching/negation';
import {
  DEFAULT_WEIGHTS,
  indexPlatforms,
  prepareScenario,
  rank,
  scorePlatform,
  type CandidatePlatform,
  type Factor,
  type MatchIndex,
  type ScenarioInput,
  type TextTuning,
  type Weights,
} from '#core/matching/score';
import { mulberry32 } from '#core/prng';
import type { Embedder } from '#embed/port';
import { percentile } from './util';
import { profileText, scenarioText, solutionId, solutionText, type BenchScenario, type MatchingDataset } from './dataset';

export interface Run {
  key: string;
  ranked: string[];
  labels: Relevance;
}

export interface Prepared {
  data: MatchingDataset;
  platforms: CandidatePlatform[];
  index: MatchIndex;
  scenarios: ScenarioInput[];
}

/** Embeds a dataset the way production does: platform profile and each solution; the scenario's need. */
export async function prepare(data: MatchingDataset, embedder: Embedder): Promise<Prepared> {
  const platforms: CandidatePlatform[] = [];
  for (const p of data.platforms) {
    const [profile, ...sols] = await embedder.embed([profileText(p), ...p.solutions.map(solutionText)]);
    platforms.push({
      id: p.key,
      name: p.name,
      description: p.description,
      category: p.category,
      level: p.level ?? 0,
      industries: p.industries,
      domains: p.domains,
      technologies: p.technologies,
      openLeadsThisMonth: 0,
      profileVector: profile,
      solutions: p.solutions.map((s, i) => ({
        id: solutionId(p.key, i),
        title: s.title,
        description: s.description,
        industries: s.industries,
        domains: s.domains,
        technologies: s.technologies,
        vector: sols[i]!,
      })),
    });
  }
  const vectors = await embedder.embed(data.scenarios.map((s) => needText(s.title, s.description)));
  const scenarios = data.scenarios.map((s, i) => ({
    title: s.title,
    description: s.description,
    industry: s.industry,
    domains: s.domains,
    technologies: s.technologies,
    vector: vectors[i]!,
  }));
  return { data, platforms, index: indexPlatforms(platforms), scenarios };
}

/** The same embedded data read with other text settings (vectors do not depend on them). */
export const withTuning = (p: Prepared, tuning: TextTuning): Prepared => ({ ...p, index: indexPlatforms(p.platforms, tuning) });

export function ours(p: Prepared, w: Weights = DEFAULT_WEIGHTS): Run[] {
  return p.data.scenarios.map((s, i) => ({
    key: s.key,
    labels: s.relevance,
    ranked: rank(p.scenarios[i]!, p.platforms, w, { topK: p.platforms.length, minScore: -Infinity }, p.index).map((m) => m.platformId),
  }));
}

/** Share of the scenario's domains the platform lists. */
const domainOverlap = (s: BenchScenario, p: { domains: readonly string[] }) =>
  s.domains.length ? s.domains.filter((d) => p.domains.includes(d)).length / s.domains.length : 0;

/** 1 when the platform lists the scenario's industry, else 0. */
const industryFit = (s: BenchScenario, p: { industries: readonly string[] }) => (p.industries.includes(s.industry) ? 1 : 0);

const order = (xs: { id: string; score: number }[]) => xs.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((x) => x.id);

/** The baselines of shared/bench/README.md: plain BM25, and BM25 + 0.5 × domain overlap + 0.3 × industry fit. */
export function baselines(data: MatchingDataset): { bm25: Run[]; structured: Run[] } {
  const index = new Bm25Index(data.platforms.map((p) => ({ id: p.key, text: platformDocument(p) })));
  const byKey = new Map(data.platforms.map((p) => [p.key, p]));
  const bm25: Run[] = [];
  const structured: Run[] = [];
  for (const s of data.scenarios) {
    const scores = index.scores(scenarioText(s));
    bm25.push({ key: s.key, labels: s.relevance, ranked: order(scores.map((x) => ({ ...x }))) });
    // BM25 is unbounded; min–max scaling per scenario puts it on the 0–1 scale of the fits.
    const max = Math.max(...scores.map((x) => x.score));
    const min = Math.min(...scores.map((x) => x.score));
    const combined = scores.map(({ id, score }) => {
      const p = byKey.get(id)!;
      return { id, score: (score - min) / (max - min || 1) + 0.5 * domainOverlap(s, p) + 0.3 * industryFit(s, p) };
    });
    structured.push({ key: s.key, labels: s.relevance, ranked: order(combined) });
  }
  return { bm25, structured };
}

// ── fitting the fusion weights ───────────────────────────────────────────────────────────────────

/** The factors whose weights are fitted; maturity and exposure are policy and stay as set. */
export const FITTED: readonly Factor[] = ['semantic', 'concept', 'lexical', 'industry', 'domain', 'technology'];
const PER_SOLUTION: readonly Factor[] = ['semantic', 'concept', 'industry', 'domain', 'technology'];

/** Factor values of every (scenario, platform, solution): they do not depend on the weights. */
export interface Features {
  key: string;
  labels: Relevance;
  platforms: { id: string; level: number; lexical: number; maturity: number; solutions: number[][] }[];
}

export function featurize(p: Prepared): Features[] {
  return p.data.scenarios.map((s, i) => {
    const prepared = prepareScenario(p.scenarios[i]!, p.index);
    return {
      key: s.key,
      labels: s.relevance,
      platforms: p.platforms.map((pl) => {
        const value = (m: ReturnType<typeof scorePlatform>, f: Factor) => m.reasons.find((r) => r.factor === f)!.value;
        const solutions = (pl.solutions.length ? pl.solutions.map((sol) => [sol]) : [[]]).map((only) => {
          const m = scorePlatform(prepared, { ...pl, solutions: only }, DEFAULT_WEIGHTS, p.index);
          return PER_SOLUTION.map((f) => value(m, f));
        });
        const any = scorePlatform(prepared, { ...pl, solutions: pl.solutions.slice(0, 1) }, DEFAULT_WEIGHTS, p.index);
        return { id: pl.id, level: pl.level, lexical: value(any, 'lexical'), maturity: value(any, 'maturity'), solutions };
      }),
    };
  });
}

/** Same arithmetic as scorePlatform (best solution by its partial sum), on precomputed values. */
export function rankFeatures(f: Features, w: Weights): string[] {
  const ws = PER_SOLUTION.map((k) => w[k]);
  const scored = f.platforms.map((p) => {
    let best = -Infinity;
    for (const v of p.solutions) {
      let s = 0;
      for (let j = 0; j < ws.length; j++) s += ws[j]! * v[j]!;
      if (s > best) best = s;
    }
    return { id: p.id, score: best + w.lexical * p.lexical + w.maturity * p.maturity };
  });
  return order(scored);
}

export const evaluateFeatures = (fs: readonly Features[], w: Weights): Summary =>
  summarize(fs.map((f) => ({ labels: f.labels, ranked: rankFeatures(f, w) })));

/** The six fitted weights sum to one; maturity and exposure keep their absolute size. */
export function normalise(w: Weights): Weights {
  const total = FITTED.reduce((s, k) => s + w[k], 0) || 1;
  const out = { ...w };
  for (const k of FITTED) out[k] = Number((w[k] / total).toFixed(3));
  return out;
}

const objective = (m: Summary) => (m.ndcg10 + m.mrr) / 2;

/**
 * Coordinate ascent on mean (nDCG@10 + MRR) / 2: one weight at a time over a multiplicative grid,
 * kept when it helps, until a full pass changes nothing.
 */
export function fitWeights(fs: readonly Features[], start: Weights = DEFAULT_WEIGHTS): { weights: Weights; summary: Summary } {
  let best = normalise(start);
  let bestScore = objective(evaluateFeatures(fs, best));
  for (let pass = 0; pass < 8; pass++) {
    let improved = false;
    for (const k of FITTED) {
      for (const step of [0, 0.25, 0.5, 0.7, 0.85, 1.2, 1.5, 2, 3]) {
        const candidate = normalise({ ...best, [k]: step === 0 ? 0 : Math.max(best[k], 0.02) * step });
        const score = objective(evaluateFeatures(fs, candidate));
        if (score > bestScore + 1e-6) {
          best = candidate;
          bestScore = score;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { weights: best, summary: evaluateFeatures(fs, best) };
}

/** k folds by position after a fixed shuffle; every scenario is held out exactly once. */
export function folds<T extends { key: string }>(xs: readonly T[], k: number): T[][] {
  const shuffled = [...xs].sort((a, b) => (a.key < b.key ? -1 : 1));
  const out: T[][] = Array.from({ length: k }, () => []);
  shuffled.forEach((x, i) => out[i % k]!.push(x));
  return out;
}

/**
 * 95 % interval of mean(a − b) by the paired bootstrap over scenarios (seeded, so a rerun prints the
 * same interval). With 9–27 scenarios per style it says whether a margin is more than label noise.
 */
export function pairedBootstrap(a: readonly number[], b: readonly number[], resamples = 2000, seed = 9): [number, number] {
  const rnd = mulberry32(seed);
  const n = a.length;
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rnd() * n);
      s += a[j]! - b[j]!;
    }
    means.push(s / n);
  }
  return [percentile(means, 2.5), percentile(means, 97.5)];
}
