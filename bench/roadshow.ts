import { pathToFileURL } from 'node:url';
import { composeAgenda, composeAgendaGreedy, type ComposeAgendaInput } from '#core/roadshow/solver';
import { mulberry32 } from '#core/prng';

export function roadshowInstance(seed = 42, scenarios = 200, platforms = 100, candidatesEach = 20): ComposeAgendaInput {
  const rand = mulberry32(seed);
  return {
    scenarios: Array.from({ length: scenarios }, (_, s) => {
      const pool = Array.from({ length: platforms }, (_, p) => p);
      // Partial Fisher–Yates: the first `candidatesEach` entries become a uniform random sample.
      for (let i = 0; i < candidatesEach; i++) {
        const j = i + Math.floor(rand() * (platforms - i));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return {
        id: `S${String(s).padStart(3, '0')}`,
        candidates: pool.slice(0, candidatesEach).map((p) => ({
          platformId: `P${String(p).padStart(3, '0')}`,
          score: Math.round(rand() * 1e4) / 100,
        })),
      };
    }),
    maxScenarios: 60,
    platformsPerScenario: 3,
    maxSlotsPerPlatform: 4,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export async function benchRoadshow(runs = 5) {
  const input = roadshowInstance();
  const times: number[] = [];
  let result = composeAgenda(input);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = composeAgenda(input);
    times.push(performance.now() - t0);
  }
  const greedyTimes: number[] = [];
  let greedy = composeAgendaGreedy(input);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    greedy = composeAgendaGreedy(input);
    greedyTimes.push(performance.now() - t0);
  }
  return {
    name: 'roadshow.composeAgenda 200×100 (20 candidates, k=3, c=4, M=60)',
    ms: median(times),
    runs,
    greedyMs: median(greedyTimes),
    solverScore: result.totalScore,
    solverScenarios: result.agenda.length,
    solverOptimal: result.optimal,
    solverUpperBound: result.scoreUpperBound,
    searchNodes: result.searchNodes,
    greedyScore: greedy.totalScore,
    greedyScenarios: greedy.agenda.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchRoadshow();
  const f = (x: number) => x.toFixed(2);
  console.log(r.name);
  console.log(`  composeAgenda 中位耗时 median of ${r.runs}: ${f(r.ms)} ms (贪心 greedy ${f(r.greedyMs)} ms)`);
  console.log(`  总分 total score   求解器 solver ${f(r.solverScore)} (${r.solverScenarios} 场景 scenarios)  |  贪心 greedy ${f(r.greedyScore)} (${r.greedyScenarios} 场景 scenarios)`);
  console.log(
    `  最优性 optimality: ${r.solverOptimal ? '已证明最优 proven optimal' : `上界 upper bound ${f(r.solverUpperBound)}`}, 搜索节点 nodes ${r.searchNodes}`,
  );
}
