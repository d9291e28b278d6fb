/**
 * Matching benchmark: our ranking vs BM25 vs BM25 + structured fit on a labelled dataset.
 *
 *   npx tsx bench/match.ts [dataset.json] [--weights='{"semantic":0.6}'] [--tune] [--quiet]
 *
 * Every number is computed in the same run from the same data, so the table is comparable.
 */
import { resolve } from 'node:path';
import { Bm25Index, platformDocument } from '../packages/core/matching/bm25';
import { summarize, type Relevance, type Summary } from '../packages/core/matching/metrics';
import { DEFAULT_WEIGHTS, rank, type CandidatePlatform, type ScenarioInput, type Weights } from '../packages/core/matching/score';
import { concepts } from '../packages/core/matching/text';
import { LocalEmbedder } from '../packages/embed/local';
import { evaluateThroughStack } from './match-stack';
import {
  DEFAULT_DEV_PATH,
  loadDataset,
  profileText,
  scenarioText,
  solutionId,
  solutionText,
  type BenchScenario,
  type MatchingDataset,
} from './dataset';

interface Run {
  key: string;
  ranked: string[];
  labels: Relevance;
}

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const flagValue = (name: string) => flag(name)?.split('=').slice(1).join('=');
const positional = args.find((a) => !a.startsWith('--'));
const path = positional ? resolve(process.cwd(), positional) : DEFAULT_DEV_PATH;
const weights: Weights = { ...DEFAULT_WEIGHTS, ...(flagValue('weights') ? (JSON.parse(flagValue('weights')!) as Partial<Weights>) : {}) };

async function prepare(data: MatchingDataset) {
  const embedder = new LocalEmbedder();
  const platforms: CandidatePlatform[] = [];
  for (const p of data.platforms) {
    const [profile, ...sols] = await embedder.embed([profileText(p), ...p.solutions.map(solutionText)]);
    platforms.push({
      id: p.key,
      name: p.name,
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
        industries: s.industries,
        domains: s.domains,
        technologies: s.technologies,
        vector: sols[i]!,
      })),
    });
  }
  const vectors = await embedder.embed(data.scenarios.map(scenarioText));
  const scenarios: ScenarioInput[] = data.scenarios.map((s, i) => ({
    industry: s.industry,
    domains: s.domains,
    technologies: s.technologies,
    vector: vectors[i]!,
  }));
  return { embedder, platforms, scenarios };
}

function ours(data: MatchingDataset, platforms: CandidatePlatform[], scenarios: ScenarioInput[], w: Weights): Run[] {
  return data.scenarios.map((s, i) => ({
    key: s.key,
    labels: s.relevance,
    ranked: rank(scenarios[i]!, platforms, w, { topK: platforms.length, minScore: -Infinity }).map((m) => m.platformId),
  }));
}

/** Share of the scenario's domains the platform lists. */
const domainOverlap = (s: BenchScenario, p: { domains: readonly string[] }) =>
  s.domains.length ? s.domains.filter((d) => p.domains.includes(d)).length / s.domains.length : 0;

/** 1 when the platform lists the scenario's industry, else 0. */
const industryFit = (s: BenchScenario, p: { industries: readonly string[] }) => (p.industries.includes(s.industry) ? 1 : 0);

function baselines(data: MatchingDataset): { bm25: Run[]; structured: Run[] } {
  const index = new Bm25Index(data.platforms.map((p) => ({ id: p.key, text: platformDocument(p) })));
  const byKey = new Map(data.platforms.map((p) => [p.key, p]));
  const order = (xs: { id: string; score: number }[]) =>
    xs.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((x) => x.id);
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

const f3 = (x: number) => x.toFixed(3);
const row = (name: string, m: Summary) => `${name.padEnd(22)} ${f3(m.ndcg10).padStart(8)} ${f3(m.recall5).padStart(9)} ${f3(m.mrr).padStart(7)}`;
const header = `${'method'.padEnd(22)} ${'nDCG@10'.padStart(8)} ${'Recall@5'.padStart(9)} ${'MRR'.padStart(7)}`;

/** Odd-numbered vs even-numbered scenarios: interleaving keeps both halves' topic mix similar. */
const halves = <T>(xs: readonly T[]): [T[], T[]] => [xs.filter((_, i) => i % 2 === 0), xs.filter((_, i) => i % 2 === 1)];

/** Small grid around the defaults; the objective is the mean of nDCG@10 and MRR. */
function tune(evaluate: (w: Weights) => Summary): { best: Weights; summary: Summary } {
  let best = DEFAULT_WEIGHTS as Weights;
  let bestSummary = evaluate(best);
  const objective = (m: Summary) => (m.ndcg10 + m.mrr) / 2;
  for (const semantic of [0.4, 0.55, 0.7])
    for (const industry of [0.05, 0.1, 0.15, 0.25])
      for (const domain of [0.1, 0.2, 0.3])
        for (const technology of [0, 0.07, 0.15]) {
          const w = { ...DEFAULT_WEIGHTS, semantic, industry, domain, technology };
          const m = evaluate(w);
          if (objective(m) > objective(bestSummary) + 1e-9) {
            best = w;
            bestSummary = m;
          }
        }
  return { best, summary: bestSummary };
}

async function main() {
  const data = loadDataset(path);
  const started = Date.now();
  const { embedder, platforms, scenarios } = await prepare(data);
  const mine = ours(data, platforms, scenarios, weights);
  const { bm25, structured } = baselines(data);

  console.log(`dataset ${path}: ${data.platforms.length} platforms, ${data.scenarios.length} scenarios; embedder ${embedder.modelId}`);
  console.log(header);
  console.log(row('ours (local embed)', summarize(mine)));
  console.log(row('BM25', summarize(bm25)));
  console.log(row('BM25+structured', summarize(structured)));
  if (!process.argv.includes('--no-stack')) {
    // The same data through HTTP, DynamoDB, the queues and the match consumer, as in production.
    const { summary, ms } = await evaluateThroughStack(data);
    console.log(`${row('ours via local stack', summary)}   (${(ms / 1000).toFixed(1)} s: API → DynamoDB → embed/match queues)`);
  }

  const [a, b] = halves(mine);
  console.log(`\nsplit-half (odd S01,S03… / even S02,S04…) with current weights`);
  console.log(row('  ours, odd half', summarize(a)));
  console.log(row('  ours, even half', summarize(b)));

  if (flag('tune')) {
    const idx = halves(data.scenarios.map((_, i) => i));
    const evalOn = (which: number[]) => (w: Weights) =>
      summarize(
        which.map((i) => ({
          labels: data.scenarios[i]!.relevance,
          ranked: rank(scenarios[i]!, platforms, w, { topK: platforms.length, minScore: -Infinity }).map((m) => m.platformId),
        })),
      );
    for (const [tuneName, tuneIdx, checkName, checkIdx] of [
      ['odd', idx[0], 'even', idx[1]],
      ['even', idx[1], 'odd', idx[0]],
    ] as const) {
      const { best, summary } = tune(evalOn(tuneIdx));
      console.log(`\ntuned on ${tuneName} half → ${JSON.stringify(best)}`);
      console.log(row(`  ${tuneName} (tuned)`, summary));
      console.log(row(`  ${checkName} (held out)`, evalOn(checkIdx)(best)));
    }
  }

  // --explain=S01,S02 prints the top four with every reason, to see why a ranking came out.
  for (const key of (flagValue('explain') ?? '').split(',').filter(Boolean)) {
    const i = data.scenarios.findIndex((s) => s.key === key);
    if (i < 0) continue;
    const s = data.scenarios[i]!;
    console.log(`\n${s.key} ${s.title} [${s.industry} ${s.domains.join(',')}] labels ${JSON.stringify(s.relevance)}`);
    console.log(`  concepts: ${concepts(scenarioText(s)).join(', ')}`);
    for (const m of rank(scenarios[i]!, platforms, weights, { topK: 4, minScore: -Infinity })) {
      console.log(`  ${m.platformId} ${m.score.toFixed(3)} ${m.solutionId ?? ''}`);
      for (const r of m.reasons) console.log(`      ${r.factor.padEnd(10)} ${(r.weight * r.value).toFixed(3)}  ${r.text}`);
    }
  }

  if (!flag('quiet')) {
    console.log('\nper-scenario misses (top-ranked platform is not one of the best-labelled):');
    const labelsOf = new Map(data.scenarios.map((s) => [s.key, s]));
    let misses = 0;
    for (const r of mine) {
      const s = labelsOf.get(r.key)!;
      const maxRel = Math.max(...Object.values(s.relevance));
      const expected = Object.entries(s.relevance)
        .filter(([, v]) => v === maxRel)
        .map(([k]) => k);
      if (expected.includes(r.ranked[0]!)) continue;
      misses++;
      const got = r.ranked.slice(0, 4).map((k) => `${k}(${s.relevance[k] ?? 0})`).join(' ');
      console.log(`  ${r.key} ${s.title}: expected ${expected.join('/')}(${maxRel}), got ${got}`);
    }
    if (misses === 0) console.log('  none');
  }
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)}s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
