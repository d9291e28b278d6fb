/**
 * Matching benchmark: our ranking vs BM25 vs BM25 + structured fit, every number from the same run.
 *
 *   npm run bench:match                     dev set, our corpus's frozen test part and each style,
 *                                           the tuning part, 5-fold cross-validation, the local stack
 *   npx tsx bench/match.ts other.json       any labelled set of the same schema (a held-out set)
 *   flags: --no-stack  --fit (fit fusion weights on the tuning part + dev set and print them)
 *          --weights='{"lexical":0.3}'  --explain=S01,A-003  --misses  --tune-only (hide the frozen part)
 *          --draw-split (assign newly written scenarios to a part, before any tuning on them)
 *   EMBEDDER=openai OPENAI_API_KEY=… [OPENAI_BASE_URL=…] npm run bench:match -- --fit
 *                                           the same with real embeddings; deploy the printed
 *                                           weights as MATCH_WEIGHTS (read here too)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ndcgAt, summarize, type Summary } from '#core/matching/metrics';
import { DEFAULT_TUNING, DEFAULT_WEIGHTS, prepareScenario, rank, type TextTuning, type Weights } from '#core/matching/score';
import { concepts } from '#core/matching/text';
import { withoutMarkers } from '#core/matching/main-ask';
import { createEmbedder } from '#embed/factory';
import { loadSettings } from '#settings/settings';
import { drawSplit, loadCorpus, loadCorpusDataset, SPLIT_PATH } from './match-corpus';
import { DEFAULT_DEV_PATH, loadDataset, type MatchingDataset } from './dataset';
import { baselines, evaluateFeatures, featurize, fitWeights, folds, pairedBootstrap, ours, prepare, withTuning, type Features, type Prepared, type Run } from './match-eval';
import { agreement } from './match-agreement';
import { evaluateThroughStack } from './match-stack';

const NEW_STYLE_TEST_SHARE = 0.5;
const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const flagValue = (name: string) => flag(name)?.split('=').slice(1).join('=');
const positional = args.find((a) => !a.startsWith('--'));
// The same settings production reads: EMBEDDER=openai (with OPENAI_*) benchmarks real vectors, and
// MATCH_WEIGHTS is the deployed fusion, so `--fit` under another embedder yields what to deploy.
const settings = loadSettings();
const weights: Weights = {
  ...DEFAULT_WEIGHTS,
  ...(settings.MATCH_WEIGHTS ? (JSON.parse(settings.MATCH_WEIGHTS) as Partial<Weights>) : {}),
  ...(flagValue('weights') ? (JSON.parse(flagValue('weights')!) as Partial<Weights>) : {}),
};
const embedder = createEmbedder(settings);

const f3 = (x: number) => x.toFixed(3);
const header = (title: string) => `${title.padEnd(34)} ${'n'.padStart(4)} ${'nDCG@10'.padStart(8)} ${'Recall@5'.padStart(9)} ${'MRR'.padStart(7)}`;
const row = (name: string, m: Summary) => `${name.padEnd(34)} ${String(m.n).padStart(4)} ${f3(m.ndcg10).padStart(8)} ${f3(m.recall5).padStart(9)} ${f3(m.mrr).padStart(7)}`;

/** Ours next to both baselines on one dataset. */
function table(title: string, data: MatchingDataset, p: Prepared): { ours: Run[] } {
  const mine = ours(p, weights);
  const { bm25, structured } = baselines(data);
  console.log(`\n${header(title)}`);
  console.log(row('  ours', summarize(mine)));
  console.log(row('  BM25', summarize(bm25)));
  console.log(row('  BM25+structured', summarize(structured)));
  return { ours: mine };
}

const ENGINEER_PREFIX = 'H-';

function perStyle(data: MatchingDataset, p: Prepared, part = 'frozen test part') {
  const mine = ours(p, weights);
  const { bm25, structured } = baselines(data);
  const styles = [...new Set(data.scenarios.map((s) => s.style ?? 'plain'))].sort();
  console.log(`\n${`per style (${part})`.padEnd(22)} ${'n'.padStart(4)}   ${'ours nDCG/MRR'.padStart(14)}   ${'BM25'.padStart(13)}   ${'BM25+struct'.padStart(13)}   Δ nDCG vs best baseline [95 % paired bootstrap]`);
  const row = (label: string, keys: Set<string>) => {
    const pick = (runs: Run[]) => summarize(runs.filter((r) => keys.has(r.key)));
    const [o, b, st] = [pick(mine), pick(bm25), pick(structured)];
    const pair = (m: Summary) => `${f3(m.ndcg10)}/${f3(m.mrr)}`.padStart(13);
    const delta = o.ndcg10 - Math.max(b.ndcg10, st.ndcg10);
    const per = (runs: Run[]) => runs.filter((r) => keys.has(r.key)).map((r) => ndcgAt(r.ranked, r.labels, 10));
    const [lo, hi] = pairedBootstrap(per(mine), per(b.ndcg10 > st.ndcg10 ? bm25 : structured));
    const signed = (x: number) => `${x >= 0 ? '+' : ''}${f3(x)}`;
    console.log(`  ${label.padEnd(20)} ${String(o.n).padStart(4)}   ${pair(o).padStart(14)}   ${pair(b)}   ${pair(st)}   ${signed(delta).padStart(6)}  [${signed(lo)}, ${signed(hi)}]`);
  };
  for (const style of styles) {
    const keys = data.scenarios.filter((s) => (s.style ?? 'plain') === style).map((s) => s.key);
    row(style, new Set(keys));
    // A style several writers wrote is also shown per writer (the key's letter); scenarios-h was
    // written by the engineer, who knows the matching code, so it is shown apart from the blind ones.
    const writers = [...new Set(keys.map((k) => k[0]!))].sort();
    if (writers.length > 1) {
      const blind = keys.filter((k) => !k.startsWith(ENGINEER_PREFIX));
      if (blind.length < keys.length) row('  blind writers', new Set(blind));
      for (const w of writers) row(`  ${`${w}-` === ENGINEER_PREFIX ? 'engineer (H)' : `writer ${w}`}`, new Set(keys.filter((k) => k[0] === w)));
    }
  }
  agreementTable(data, mine, structured, part);
}

/** nDCG@10 under both graders' labels, next to what each grader's own grades score under the other's. */
function agreementTable(data: MatchingDataset, mine: Run[], structured: Run[], part: string) {
  const rows = agreement(data, mine, structured);
  if (!rows.length) return;
  console.log(`\nlabel agreement, ${part}: nDCG@10 under the first grader's labels (all tables) and under a second, blind grader's`);
  console.log(`${''.padEnd(22)} ${'n'.padStart(4)}   ${'1st labels: ours / BM25+st / 2nd grader'.padStart(40)}   ${'2nd labels: ours / BM25+st / 1st grader'.padStart(40)}`);
  for (const r of rows)
    console.log(`  ${r.style.padEnd(20)} ${String(r.n).padStart(4)}   ${[r.first.ours, r.first.structured, r.first.secondGrader].map(f3).join(' / ').padStart(40)}   ${[r.second.ours, r.second.structured, r.second.firstGrader].map(f3).join(' / ').padStart(40)}`);
}

/**
 * How much rests on the marker lexicon: the tuning part's multi-problem posts with every priority word
 * the reader knows taken out, as a writer would write with words it has never seen.
 */
async function unmarked(tune: MatchingDataset) {
  const posts = tune.scenarios.filter((s) => s.style === 'multi_problem');
  const stripped = { ...tune, scenarios: posts.map((s) => ({ ...s, description: withoutMarkers(s.description) })) };
  const p = await prepare(stripped, embedder);
  console.log(`\n${header('multi_problem, priority words removed (tuning part)')}`);
  console.log(row('  ours', summarize(ours(p, weights))));
  console.log(row('  BM25+structured', summarize(baselines(stripped).structured)));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

/** k-fold CV on the tuning part: fit on k−1 folds plus the dev set, score the held-out fold. */
function crossValidate(tune: Features[], dev: Features[], k = 5, quiet = false): Summary {
  const parts = folds(tune, k);
  const results: Summary[] = [];
  const fitted: Weights[] = [];
  for (let i = 0; i < k; i++) {
    const train = [...parts.filter((_, j) => j !== i).flat(), ...dev];
    const { weights: w } = fitWeights(train, weights);
    fitted.push(w);
    results.push(evaluateFeatures(parts[i]!, w));
  }
  const pm = (f: (s: Summary) => number) => `${f3(mean(results.map(f)))} ± ${f3(sd(results.map(f)))}`;
  const summary = { ndcg10: mean(results.map((r) => r.ndcg10)), recall5: mean(results.map((r) => r.recall5)), mrr: mean(results.map((r) => r.mrr)), n: tune.length };
  if (quiet) return summary;
  console.log(`\n${k}-fold cross-validation on the tuning part (weights fitted on ${k - 1} folds + dev, scored on the held-out fold)`);
  console.log(`  nDCG@10 ${pm((s) => s.ndcg10)}   Recall@5 ${pm((s) => s.recall5)}   MRR ${pm((s) => s.mrr)}`);
  console.log(`  per fold nDCG@10: ${results.map((r) => f3(r.ndcg10)).join(' ')}`);
  return summary;
}

/** One text setting at a time around the defaults, each judged by cross-validation on the tuning part. */
function sweep(tuneP: Prepared, devP: Prepared) {
  const d = DEFAULT_TUNING;
  const variants: [string, TextTuning][] = [['defaults', d]];
  for (const v of [0.3, 0.6]) variants.push([`background ${v}`, { ...d, background: v }]);
  for (const v of [0.1, 0.5, 1]) variants.push([`otherItems ${v}`, { ...d, otherItems: v }]);
  for (const v of [0.05, 0.3, 0.6]) variants.push([`listContext ${v}`, { ...d, listContext: v }]);
  for (const v of [0, 0.5, 2]) variants.push([`consequence ${v}`, { ...d, consequence: v }]);
  for (const v of [0, 0.25, 1]) variants.push([`gloss ${v}`, { ...d, gloss: v }]);
  for (const v of [0, 0.5]) variants.push([`conceptGloss ${v}`, { ...d, conceptGloss: v }]);
  for (const v of [0, 1]) variants.push([`translated ${v}`, { ...d, translated: v }]);
  for (const v of [0.1, 1]) variants.push([`broadTick ${v}`, { ...d, broadTick: v }]);
  for (const v of [0, 0.2, 0.5]) variants.push([`unsupportedTick ${v}`, { ...d, unsupportedTick: v }]);
  for (const v of [0.25, 0.6]) variants.push([`inferredMin ${v}`, { ...d, inferredMin: v }]);
  for (const v of [1, 2.5]) variants.push([`titleWeight ${v}`, { ...d, titleWeight: v }]);
  for (const v of [0, 0.25, 1]) variants.push([`lexical.bigram ${v}`, { ...d, lexical: { ...d.lexical, bigram: v } }]);
  for (const v of [1, 3]) variants.push([`lexical.title ${v}`, { ...d, lexical: { ...d.lexical, title: v } }]);
  for (const v of [0.3, 1]) variants.push([`lexical.profile ${v}`, { ...d, lexical: { ...d.lexical, profile: v } }]);
  for (const v of [0.5, 0.9]) variants.push([`lexical.b ${v}`, { ...d, lexical: { ...d.lexical, b: v } }]);
  for (const v of [0.8, 2]) variants.push([`lexical.k1 ${v}`, { ...d, lexical: { ...d.lexical, k1: v } }]);
  if (flag('sweep') === '--sweep=short') variants.splice(3);
  console.log(`\nsweep of text settings (5-fold CV on the tuning part, weights refitted per fold)`);
  for (const [name, t] of variants) {
    const m = crossValidate(featurize(withTuning(tuneP, t)), featurize(withTuning(devP, t)), 5, true);
    console.log(`  ${name.padEnd(22)} nDCG@10 ${f3(m.ndcg10)}  R@5 ${f3(m.recall5)}  MRR ${f3(m.mrr)}`);
  }
}

function explain(p: Prepared, keys: string[]) {
  for (const key of keys) {
    const i = p.data.scenarios.findIndex((s) => s.key === key);
    if (i < 0) continue;
    const s = p.data.scenarios[i]!;
    const prepared = prepareScenario(p.scenarios[i]!, p.index);
    console.log(`\n${s.key} [${s.style ?? ''}] ${s.title} [${s.industry} ${s.domains.join(',')}] labels ${JSON.stringify(s.relevance)}`);
    console.log(`  concepts: ${concepts(prepared.need.text).join(', ')}  excluded: ${prepared.need.excluded.join(',')}`);
    for (const m of rank(p.scenarios[i]!, p.platforms, weights, { topK: 4, minScore: -Infinity }, p.index)) {
      console.log(`  ${m.platformId}(${s.relevance[m.platformId] ?? 0}) ${m.score.toFixed(3)} ${m.solutionId ?? ''}`);
      for (const r of m.reasons) console.log(`      ${r.factor.padEnd(10)} ${(r.weight * r.value).toFixed(3)}  ${r.text}`);
    }
  }
}

function misses(data: MatchingDataset, runs: Run[]) {
  const byKey = new Map(data.scenarios.map((s) => [s.key, s]));
  console.log('\nmisses (top-ranked platform is not one of the best-labelled):');
  for (const r of runs) {
    const s = byKey.get(r.key)!;
    const maxRel = Math.max(...Object.values(s.relevance));
    const expected = Object.keys(s.relevance).filter((k) => s.relevance[k] === maxRel);
    if (expected.includes(r.ranked[0]!)) continue;
    console.log(`  ${r.key} [${s.style ?? ''}] ${s.title}: expected ${expected.join('/')}(${maxRel}), got ${r.ranked.slice(0, 4).map((k) => `${k}(${s.relevance[k] ?? 0})`).join(' ')}`);
  }
}

async function main() {
  const started = Date.now();
  if (flag('draw-split')) {
    // Keys already split stay where they are; new scenario files join by the same key-hash rule.
    const previous: { test: string[]; tune: string[] } = existsSync(SPLIT_PATH) ? JSON.parse(readFileSync(SPLIT_PATH, 'utf8')) : { test: [], tune: [] };
    const known = new Set([...previous.test, ...previous.tune]);
    const fresh = loadCorpusDataset().scenarios.filter((s) => !known.has(s.key));
    // The six styles added in December (scenarios-d/-e) are held out at half, not 30 %: each style's
    // frozen part must be large enough to tell a margin per style, and they are what is being judged.
    const test = [...previous.test, ...drawSplit(fresh, NEW_STYLE_TEST_SHARE)].sort();
    const tune = [...previous.tune, ...fresh.map((s) => s.key).filter((k) => !test.includes(k))].sort();
    writeFileSync(SPLIT_PATH, `${JSON.stringify({ rule: 'fmix32(fnv1a("split-v1:" + key)) / 2^32 < share → test; share 0.3 for scenarios-a/b/c, 0.5 for scenarios-d/e/f/g/h (new styles)', test, tune })}\n`);
    console.log(`wrote ${SPLIT_PATH}: ${test.length} test, ${tune.length} tuning scenarios (${fresh.length} new)`);
    return;
  }
  console.log(`embedder ${embedder.modelId}; weights ${JSON.stringify(weights)}`);

  if (positional) {
    const data = loadDataset(resolve(process.cwd(), positional));
    const p = await prepare(data, embedder);
    const { ours: mine } = table(`${positional} (${data.platforms.length} platforms)`, data, p);
    if (data.scenarios.some((s) => s.style)) perStyle(data, p);
    if (!flag('no-stack')) await stackRow(data);
    if (flag('misses')) misses(data, mine);
    explain(p, (flagValue('explain') ?? '').split(',').filter(Boolean));
    return;
  }

  const dev = loadDataset(DEFAULT_DEV_PATH);
  const devP = await prepare(dev, embedder);
  const devRuns = table('dev set (shared/bench, 16 platforms)', dev, devP).ours;
  if (!flag('no-stack')) await stackRow(dev);

  const corpus = loadCorpus();
  // --tune-only while tuning: the frozen part is neither printed nor looked at.
  const testP = flag('tune-only') ? undefined : await prepare(corpus.test, embedder);
  const testRuns = testP ? table(`corpus FROZEN TEST part (${corpus.all.platforms.length} platforms)`, corpus.test, testP).ours : [];
  if (testP && !flag('no-stack')) await stackRow(corpus.test);
  if (testP) perStyle(corpus.test, testP);
  const tuneP = await prepare(corpus.tune, embedder);
  const tuneRuns = table('corpus tuning part (tuned on)', corpus.tune, tuneP).ours;
  if (flag('tune-only')) perStyle(corpus.tune, tuneP, 'tuning part');

  if (flag('sweep')) return sweep(tuneP, devP);
  const tuneF = featurize(tuneP);
  const devF = featurize(devP);
  crossValidate(tuneF, devF);
  await unmarked(corpus.tune);
  if (flag('fit')) {
    const { weights: w, summary } = fitWeights([...tuneF, ...devF], weights);
    console.log(`\nfitted on tuning part + dev: ${JSON.stringify(w)}`);
    console.log(row('  tuning part + dev, fitted', summary));
  }
  if (flag('misses')) {
    misses(dev, devRuns);
    misses(corpus.tune, tuneRuns);
    if (flag('misses') === '--misses=test' && testP) misses(corpus.test, testRuns);
  }
  const key = (flagValue('explain') ?? '').split(',').filter(Boolean);
  explain(devP, key);
  explain(tuneP, key);
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)}s`);
}

async function stackRow(data: MatchingDataset) {
  // The same data through HTTP, DynamoDB, the queues and the match consumer, as in production.
  const { summary, ms } = await evaluateThroughStack(data);
  console.log(`${row('  ours via local stack', summary)}   (${(ms / 1000).toFixed(1)} s: API → DynamoDB → embed/match queues)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
