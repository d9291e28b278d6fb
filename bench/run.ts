/**
 * `npm run bench`: every performance benchmark in one run, one table each, all ratios measured
 * side by side in this run; results in bench/results.json.
 *
 *   BENCH_QUICK=1            ~1-minute smoke run (small sizes)
 *   BENCH_ONLY=vector,cold   run a subset: vector, cold, api, pipeline, reassess, roadshow, roadshow-event, search, round, learning, cost
 *   sizes: BENCH_VECTOR_N, BENCH_VECTOR_DIMS, BENCH_VECTOR_QUERIES, BENCH_ANN_MAX_BUILD_SEC,
 *          BENCH_COLD_RUNS, BENCH_LOAD_PLATFORMS, BENCH_LOAD_SCENARIOS, BENCH_LOAD_SECONDS,
 *          BENCH_LOAD_CONNECTIONS, BENCH_PIPELINE_SIZES, BENCH_PIPELINE_SCENARIOS, BENCH_REASSESS_N, BENCH_ROUND_N,
 *          BENCH_LEARNING_SEED, BENCH_LEARNING_MONTHS, BENCH_LEARNING_SCENARIOS, BENCH_LEARNING_K, BENCH_LEARNING_WEIGHT,
 *          BENCH_LEARNING_COPIES, BENCH_COST_SIZES
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchApiLoad, printApiLoad } from './api-load';
import { benchColdStart, printColdStart } from './cold-start';
import { benchLearningRuns, learningOptions, printLearningRuns } from './learning';
import { benchCost, printCost } from './cost';
import { benchPipeline, printPipeline } from './pipeline';
import { benchReassess, printReassess } from './reassess';
import { benchRoadshow } from './roadshow';
import { benchRoadshowEvent } from './roadshow-event';
import { benchSearch, printSearch } from './search';
import { benchRound, printRound } from './round';
import { QUICK, fmt, machine, printTable } from './util';
import { benchVectorSearch, printVectorSearch, vectorSearchOptions } from './vector-search';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const progress = (s: string) => process.stderr.write(`[bench ${elapsed()}] ${s}\n`);

const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const enabled = (name: string) => only.length === 0 || only.includes(name);

const m = machine();
console.log(`工赋青岛 benchmarks — ${QUICK ? 'QUICK smoke run (BENCH_QUICK=1)' : 'full run'}`);
console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node} (${m.platform}); load average at start ${m.loadAverage.join(' / ')}`);

interface Section {
  name: string;
  seconds: number;
  error?: string;
}
const sections: Section[] = [];
const results: Record<string, unknown> = {};

async function section<T>(key: string, name: string, run: () => Promise<T>, print: (r: T) => void) {
  if (!enabled(key)) return;
  progress(`${name}…`);
  const t0 = Date.now();
  try {
    const r = await run();
    const seconds = (Date.now() - t0) / 1000;
    sections.push({ name, seconds });
    results[key] = { seconds, loadAverageAfter: machine().loadAverage, ...(r as object) };
    print(r);
  } catch (err) {
    const seconds = (Date.now() - t0) / 1000;
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    sections.push({ name, seconds, error: message.split('\n')[0] });
    results[key] = { seconds, error: message };
    console.log(`\n${name}: FAILED — ${message}`);
  }
  progress(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

await section('vector', 'vector search', () => benchVectorSearch({ ...vectorSearchOptions(), log: progress }), printVectorSearch);
await section('cold', 'cold start', () => benchColdStart({ log: progress }), printColdStart);
await section('api', 'API load', () => benchApiLoad({ log: progress }), printApiLoad);
await section('pipeline', 'pipeline', () => benchPipeline({ log: progress }), printPipeline);
await section('reassess', 'reassess', () => benchReassess({ log: progress }), printReassess);
await section('round', 'yearly round', () => benchRound({ log: progress }), printRound);
await section(
  'roadshow',
  'roadshow',
  () => benchRoadshow(),
  (r) =>
    printTable(
      '6. 路演编排 roadshow agenda solver',
      ['instance', 'solver ms', 'greedy ms', 'solver score', 'greedy score', 'scenarios (solver/greedy)', 'optimality', 'nodes'],
      [
        [
          r.name,
          fmt(r.ms, 2),
          fmt(r.greedyMs, 2),
          fmt(r.solverScore, 2),
          fmt(r.greedyScore, 2),
          `${r.solverScenarios}/${r.greedyScenarios}`,
          r.solverOptimal ? 'proven optimal' : `upper bound ${fmt(r.solverUpperBound, 2)}`,
          r.searchNodes,
        ],
      ],
      [`median of ${r.runs} runs; solver vs greedy measured side by side.`],
    ),
);
await section('search', 'search by need', () => benchSearch({ log: progress }), printSearch);
await section(
  'roadshow-event',
  'roadshow event',
  () => benchRoadshowEvent(),
  (r) =>
    printTable(
      '6b. 路演活动排期 roadshow event: rooms × time slots, re-composition',
      ['instance', 'compose ms', 'scenarios / bound', 'score / bound', 'optimality', 'recompose after 10 declines ms', 'refilled'],
      [
        [
          r.name,
          fmt(r.ms, 2),
          `${r.scenarios}/${r.openedUpperBound}`,
          `${fmt(r.score, 2)} / ${fmt(r.scoreUpperBound, 2)}`,
          r.optimal ? 'proven optimal' : Number.isNaN(r.gapPct) ? 'fewer scenarios than bound' : `gap ${fmt(r.gapPct, 2)} %`,
          fmt(r.recomposeMs, 2),
          r.refilled,
        ],
        [
          r.dense.name,
          fmt(r.dense.ms, 2),
          `${r.dense.scenarios}/${r.dense.openedUpperBound}`,
          `${fmt(r.dense.score, 2)} / ${fmt(r.dense.scoreUpperBound, 2)}`,
          r.dense.optimal ? 'proven optimal' : Number.isNaN(r.dense.gapPct) ? 'fewer scenarios than bound' : `${r.dense.layout}, gap ≤ ${fmt(r.dense.gapPct, 2)} %`,
          '—',
          '—',
        ],
      ],
      [`median of ${r.runs} runs; the bound is the untimed relaxation's (solver.ts); target: re-composition under 2 000 ms.`],
    ),
);
await section('learning', 'learning ranking simulation', () => benchLearningRuns({ ...learningOptions(), log: progress }), printLearningRuns);
await section('cost', 'AWS cost model', () => benchCost({ log: progress }), printCost);

const total = (Date.now() - started) / 1000;
const slowest = [...sections].sort((a, b) => b.seconds - a.seconds)[0];
printTable(
  'Run summary',
  ['benchmark', 'seconds', 'status'],
  sections.map((s) => [s.name, fmt(s.seconds, 1), s.error ? `FAILED: ${s.error.slice(0, 100)}` : 'ok']),
  [
    `total ${fmt(total, 1)} s${slowest ? `; slowest: ${slowest.name} (${fmt(slowest.seconds, 1)} s)` : ''}; load average at end ${machine().loadAverage.join(' / ')}`,
  ],
);

const out = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
writeFileSync(
  out,
  JSON.stringify({ startedAt: new Date(started).toISOString(), quick: QUICK, only: only.length ? only : undefined, machine: m, totalSeconds: total, sections, results }, null, 2),
);
console.log(`\nwrote ${out}`);
// Native addons and SDK sockets may keep handles open; every stack was stopped above.
process.exit(sections.some((s) => s.error) ? 1 : 0);
