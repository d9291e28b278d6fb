import { pathToFileURL } from 'node:url';
import { mulberry32 } from '#core/prng';
import { composeTimedAgenda, eventSlots, recompose, type ComposeTimedInput } from '#core/roadshow/timed';
import { roadshowInstance } from './roadshow';

/**
 * The event form of the roadshow bench: 200 scenarios × 100 platforms as in bench/roadshow.ts,
 * from 120 manufacturers, laid out in 4 rooms over a day of 20-minute slots (09:00–17:30 Beijing
 * time, lunch 12:00–13:30 kept free), then 10 platform declines re-composed.
 */
export function roadshowEventInstance(seed = 42): ComposeTimedInput {
  const base = roadshowInstance(seed);
  const rand = mulberry32(seed + 1);
  const slots = eventSlots({
    startsAt: '2026-12-10T01:00:00Z',
    endsAt: '2026-12-10T09:30:00Z',
    slotMinutes: 20,
    breaks: [{ startsAt: '2026-12-10T04:00:00Z', endsAt: '2026-12-10T05:30:00Z' }],
  });
  return {
    ...base,
    scenarios: base.scenarios.map((s) => ({ ...s, ownerId: `M${String(Math.floor(rand() * 120)).padStart(3, '0')}` })),
    rooms: 4,
    slots: slots.length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchRoadshowEvent(runs = 5) {
  const input = roadshowEventInstance();
  const times: number[] = [];
  let result = composeTimedAgenda(input);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = composeTimedAgenda(input);
    times.push(performance.now() - t0);
  }
  // Ten declines spread over the agenda (deterministic), then re-compose.
  const rand = mulberry32(7);
  const pairs = result.agenda.flatMap((a) => a.platforms.map((p) => ({ scenarioId: a.scenarioId, platformId: p.platformId })));
  const declined = [...pairs].sort(() => rand() - 0.5).slice(0, 10);
  const reTimes: number[] = [];
  let re = recompose({ ...input, agenda: result.agenda, declined, withdrawn: [] });
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    re = recompose({ ...input, agenda: result.agenda, declined, withdrawn: [] });
    reTimes.push(performance.now() - t0);
  }
  const gapPct = result.optimal ? 0 : result.agenda.length < result.openedUpperBound ? NaN : (100 * (result.scoreUpperBound - result.totalScore)) / Math.max(1e-9, result.scoreUpperBound);
  // A dense day: 15 platforms for 200 scenarios in 4 rooms × 10 slots, where the untimed optimum
  // cannot be laid out and the repaired agenda's gap to the bound is what the bench reports.
  const denseBase = roadshowInstance(42, 200, 15, 8);
  const dr = mulberry32(43);
  const dense = { ...denseBase, maxSlotsPerPlatform: 10, scenarios: denseBase.scenarios.map((s) => ({ ...s, ownerId: `M${Math.floor(dr() * 30)}` })), rooms: 4, slots: 10 };
  const denseTimes: number[] = [];
  let denseResult = composeTimedAgenda(dense);
  for (let i = 0; i < runs; i++) {
    const t1 = performance.now();
    denseResult = composeTimedAgenda(dense);
    denseTimes.push(performance.now() - t1);
  }
  const denseGapPct = denseResult.optimal ? 0 : (100 * (denseResult.scoreUpperBound - denseResult.totalScore)) / Math.max(1e-9, denseResult.scoreUpperBound);
  return {
    dense: {
      name: 'dense day 200×15, 4 rooms × 10 slots (k=3, c=10, 30 manufacturers)',
      ms: median(denseTimes),
      scenarios: denseResult.agenda.length,
      openedUpperBound: denseResult.openedUpperBound,
      score: denseResult.totalScore,
      scoreUpperBound: denseResult.scoreUpperBound,
      optimal: denseResult.optimal,
      layout: denseResult.layout,
      gapPct: denseResult.agenda.length < denseResult.openedUpperBound ? NaN : denseGapPct,
    },
    name: `roadshow event 200×100, 4 rooms × ${input.slots} slots (k=3, c=4, M=60, 120 manufacturers)`,
    ms: median(times),
    runs,
    scenarios: result.agenda.length,
    openedUpperBound: result.openedUpperBound,
    score: result.totalScore,
    scoreUpperBound: result.scoreUpperBound,
    optimal: result.optimal,
    layout: result.layout,
    gapPct,
    searchNodes: result.searchNodes,
    layoutSteps: result.layoutSteps,
    recomposeMs: median(reTimes),
    declines: declined.length,
    refilled: re.addedPlatforms.length,
  };
}

export function printRoadshowEventLines(r: Awaited<ReturnType<typeof benchRoadshowEvent>>): string[] {
  const f = (x: number) => x.toFixed(2);
  return [
    r.name,
    `  composeTimedAgenda 中位耗时 median of ${r.runs}: ${f(r.ms)} ms; layout ${r.layout} (${r.layoutSteps} steps), B&B nodes ${r.searchNodes}`,
    `  场景 scenarios ${r.scenarios}/${r.openedUpperBound} (bound), 总分 score ${f(r.score)} / 上界 bound ${f(r.scoreUpperBound)}: ${
      r.optimal ? '已证明最优 proven optimal' : Number.isNaN(r.gapPct) ? 'fewer scenarios than the bound' : `gap ${f(r.gapPct)} %`
    }`,
    `  ${r.dense.name}: ${f(r.dense.ms)} ms; 场景 ${r.dense.scenarios}/${r.dense.openedUpperBound}, 总分 ${f(r.dense.score)} / 上界 ${f(r.dense.scoreUpperBound)}: ${
      r.dense.optimal ? 'proven optimal' : Number.isNaN(r.dense.gapPct) ? 'fewer scenarios than the bound' : `${r.dense.layout}, gap ≤ ${f(r.dense.gapPct)} %`
    }`,
    `  ${r.declines} 家婉拒后重新编排 recompose after ${r.declines} declines: ${f(r.recomposeMs)} ms, ${r.refilled} seats refilled (budget 2 000 ms)`,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of printRoadshowEventLines(await benchRoadshowEvent())) console.log(line);
}
