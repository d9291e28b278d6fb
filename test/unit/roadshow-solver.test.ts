import { describe, expect, it } from 'vitest';
import {
  composeAgenda,
  composeAgendaGreedy,
  type Agenda,
  type AgendaPlan,
  type ComposeAgendaInput,
} from '#core/roadshow/solver';
import { mulberry32 } from '#core/prng';

/** Every feasible assignment, scenario by scenario; returns the lexicographic best (opened, score). */
function bruteForce(input: ComposeAgendaInput): { opened: number; score: number } {
  const { scenarios, maxScenarios: m, platformsPerScenario: k, maxSlotsPerPlatform: c } = input;
  const load = new Map<string, number>();
  let best = { opened: 0, score: 0 };
  const visit = (i: number, opened: number, score: number) => {
    if (i === scenarios.length) {
      if (opened > best.opened || (opened === best.opened && score > best.score)) best = { opened, score };
      return;
    }
    const cands = scenarios[i]!.candidates;
    // Subsets of this scenario's candidates of size ≤ k, each platform respecting its capacity.
    const pick = (j: number, taken: number, sc: number) => {
      if (j === cands.length) {
        if (taken > 0 && opened >= m) return;
        visit(i + 1, opened + (taken > 0 ? 1 : 0), score + sc);
        return;
      }
      pick(j + 1, taken, sc);
      const { platformId, score: w } = cands[j]!;
      const l = load.get(platformId) ?? 0;
      if (taken < k && l < c) {
        load.set(platformId, l + 1);
        pick(j + 1, taken + 1, sc + w);
        load.set(platformId, l);
      }
    };
    pick(0, 0, 0);
  };
  visit(0, 0, 0);
  return best;
}

function randomInstance(rand: () => number): ComposeAgendaInput {
  const nS = 1 + Math.floor(rand() * 4);
  const nP = 1 + Math.floor(rand() * 4);
  // Integer scores (with zeros) half of the time so that ties and zero-score openings get exercised.
  const integral = rand() < 0.5;
  const scenarios = Array.from({ length: nS }, (_, s) => {
    const candidates = [];
    for (let p = 0; p < nP; p++) {
      if (rand() < 0.6) {
        candidates.push({ platformId: `p${p}`, score: integral ? Math.floor(rand() * 4) : rand() * 10 });
      }
    }
    return { id: `s${s}`, candidates };
  });
  return {
    scenarios,
    maxScenarios: Math.floor(rand() * 5),
    platformsPerScenario: Math.floor(rand() * 4),
    maxSlotsPerPlatform: Math.floor(rand() * 4),
  };
}

/** Structural validity: capacities, caps, candidate membership, ordering and bookkeeping. */
function checkFeasible(input: ComposeAgendaInput, out: AgendaPlan) {
  expect(out.agenda.length).toBeLessThanOrEqual(input.maxScenarios);
  const load = new Map<string, number>();
  let total = 0;
  for (const item of out.agenda) {
    const scenario = input.scenarios.find((s) => s.id === item.scenarioId)!;
    expect(scenario).toBeDefined();
    expect(item.platforms.length).toBeGreaterThanOrEqual(1);
    expect(item.platforms.length).toBeLessThanOrEqual(input.platformsPerScenario);
    expect(new Set(item.platforms.map((p) => p.platformId)).size).toBe(item.platforms.length);
    for (let i = 0; i < item.platforms.length; i++) {
      const p = item.platforms[i]!;
      const cand = scenario.candidates.find((x) => x.platformId === p.platformId);
      expect(cand?.score).toBe(p.score);
      load.set(p.platformId, (load.get(p.platformId) ?? 0) + 1);
      if (i > 0) expect(item.platforms[i - 1]!.score).toBeGreaterThanOrEqual(p.score);
    }
    expect(item.score).toBeCloseTo(item.platforms.reduce((t, p) => t + p.score, 0), 12);
    total += item.score;
  }
  for (const l of load.values()) expect(l).toBeLessThanOrEqual(input.maxSlotsPerPlatform);
  for (let i = 1; i < out.agenda.length; i++) {
    expect(out.agenda[i - 1]!.score).toBeGreaterThanOrEqual(out.agenda[i]!.score);
  }
  expect(out.totalScore).toBeCloseTo(total, 9);
  const onAgenda = new Set(out.agenda.map((a) => a.scenarioId));
  expect(out.unassignedScenarioIds).toEqual(input.scenarios.map((s) => s.id).filter((id) => !onAgenda.has(id)));
}

describe('composeAgenda', () => {
  it('matches brute force on 600 random small instances (scenarios opened, then total score)', () => {
    const rand = mulberry32(20250101);
    let capBound = 0;
    for (let n = 0; n < 600; n++) {
      const input = randomInstance(rand);
      const out = composeAgenda(input);
      const brute = bruteForce(input);
      checkFeasible(input, out);
      expect(out.optimal).toBe(true);
      expect(out.agenda.length, `instance ${n}`).toBe(brute.opened);
      expect(Math.abs(out.totalScore - brute.score), `instance ${n}`).toBeLessThanOrEqual(1e-9);
      expect(out.scoreUpperBound).toBe(out.totalScore);
      if (out.searchNodes > 0) capBound++;
    }
    // The branch-and-bound path must be exercised, not just the uncapped flow.
    expect(capBound).toBeGreaterThan(30);
  });

  it('stays exact on denser instances where the scenario cap binds', () => {
    const rand = mulberry32(7);
    for (let n = 0; n < 150; n++) {
      const nS = 4;
      const nP = 4;
      const scenarios = Array.from({ length: nS }, (_, s) => ({
        id: `s${s}`,
        candidates: Array.from({ length: nP }, (_, p) => ({ platformId: `p${p}`, score: rand() * 5 })).filter(
          () => rand() < 0.8,
        ),
      }));
      const input = {
        scenarios,
        maxScenarios: 1 + Math.floor(rand() * 3),
        platformsPerScenario: 1 + Math.floor(rand() * 3),
        maxSlotsPerPlatform: 1 + Math.floor(rand() * 2),
      };
      const out = composeAgenda(input);
      const brute = bruteForce(input);
      checkFeasible(input, out);
      expect(out.agenda.length).toBe(brute.opened);
      expect(Math.abs(out.totalScore - brute.score)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('reports a valid upper bound when the node budget runs out', () => {
    const rand = mulberry32(12345);
    let truncated = 0;
    for (let n = 0; n < 400; n++) {
      const nS = 4 + Math.floor(rand() * 4);
      const nP = 3 + Math.floor(rand() * 3);
      const scenarios = Array.from({ length: nS }, (_, s) => ({
        id: `s${s}`,
        candidates: Array.from({ length: nP }, (_, p) => ({ platformId: `p${p}`, score: rand() })).filter(
          () => rand() < 0.6,
        ),
      }));
      const input = {
        scenarios,
        maxScenarios: 1 + Math.floor(rand() * nS),
        platformsPerScenario: 1 + Math.floor(rand() * 3),
        maxSlotsPerPlatform: 1,
      };
      const out = composeAgenda(input, { maxNodes: 1 });
      if (out.optimal) continue;
      truncated++;
      const brute = bruteForce(input);
      checkFeasible(input, out);
      expect(out.agenda.length).toBe(brute.opened);
      expect(out.totalScore).toBeLessThanOrEqual(brute.score + 1e-9);
      expect(out.scoreUpperBound).toBeGreaterThanOrEqual(brute.score - 1e-9);
    }
    expect(truncated).toBeGreaterThan(0);
  });

  it('beats greedy when a platform capacity binds', () => {
    // Greedy gives p to A (10) and then has nothing left for B; the optimum moves A to q.
    const input: ComposeAgendaInput = {
      scenarios: [
        { id: 'A', candidates: [{ platformId: 'p', score: 10 }, { platformId: 'q', score: 9 }] },
        { id: 'B', candidates: [{ platformId: 'p', score: 9 }] },
      ],
      maxScenarios: 2,
      platformsPerScenario: 1,
      maxSlotsPerPlatform: 1,
    };
    const greedy = composeAgendaGreedy(input);
    expect(greedy.agenda.map((a) => a.scenarioId)).toEqual(['A']);
    expect(greedy.totalScore).toBe(10);
    const out = composeAgenda(input);
    expect(out.agenda).toEqual([
      { scenarioId: 'A', platforms: [{ platformId: 'q', score: 9 }], score: 9 },
      { scenarioId: 'B', platforms: [{ platformId: 'p', score: 9 }], score: 9 },
    ]);
    expect(out.totalScore).toBe(18);
    expect(out.unassignedScenarioIds).toEqual([]);
  });

  it('beats greedy when the scenario cap binds', () => {
    // Greedy opens A for its single 10 and spends the only scenario slot; B's three 8s are worth 24.
    const input: ComposeAgendaInput = {
      scenarios: [
        { id: 'A', candidates: [{ platformId: 'p', score: 10 }] },
        {
          id: 'B',
          candidates: [
            { platformId: 'p', score: 8 },
            { platformId: 'q', score: 8 },
            { platformId: 'r', score: 8 },
          ],
        },
      ],
      maxScenarios: 1,
      platformsPerScenario: 3,
      maxSlotsPerPlatform: 2,
    };
    expect(composeAgendaGreedy(input).totalScore).toBe(10);
    const out = composeAgenda(input);
    expect(out.agenda.map((a) => a.scenarioId)).toEqual(['B']);
    expect(out.totalScore).toBe(24);
    expect(out.unassignedScenarioIds).toEqual(['A']);
    expect(out.optimal).toBe(true);
  });

  it('prefers opening more scenarios over a higher score', () => {
    const input: ComposeAgendaInput = {
      scenarios: [
        { id: 'A', candidates: [{ platformId: 'p', score: 100 }, { platformId: 'q', score: 100 }] },
        { id: 'B', candidates: [{ platformId: 'q', score: 0 }] },
      ],
      maxScenarios: 2,
      platformsPerScenario: 2,
      maxSlotsPerPlatform: 1,
    };
    const out = composeAgenda(input);
    expect(out.agenda.map((a) => a.scenarioId)).toEqual(['A', 'B']);
    expect(out.totalScore).toBe(100);
  });

  it('never exceeds capacities on larger random instances', () => {
    const rand = mulberry32(99);
    for (let n = 0; n < 20; n++) {
      const scenarios = Array.from({ length: 30 }, (_, s) => ({
        id: `s${s}`,
        candidates: Array.from({ length: 12 }, (_, p) => ({ platformId: `p${p}`, score: rand() })).filter(
          () => rand() < 0.5,
        ),
      }));
      const input = {
        scenarios,
        maxScenarios: 5 + Math.floor(rand() * 10),
        platformsPerScenario: 1 + Math.floor(rand() * 3),
        maxSlotsPerPlatform: 1 + Math.floor(rand() * 3),
      };
      const out: Agenda = composeAgenda(input);
      checkFeasible(input, out);
      expect(out.totalScore).toBeLessThanOrEqual(out.scoreUpperBound + 1e-9);
      const greedy = composeAgendaGreedy(input);
      checkFeasible(input, greedy);
      const better =
        out.agenda.length > greedy.agenda.length ||
        (out.agenda.length === greedy.agenda.length && out.totalScore >= greedy.totalScore - 1e-9);
      expect(better).toBe(true);
    }
  });

  it('leaves a scenario without candidates unassigned', () => {
    const out = composeAgenda({
      scenarios: [
        { id: 'empty', candidates: [] },
        { id: 'full', candidates: [{ platformId: 'p', score: 1 }] },
      ],
      maxScenarios: 5,
      platformsPerScenario: 2,
      maxSlotsPerPlatform: 2,
    });
    expect(out.agenda.map((a) => a.scenarioId)).toEqual(['full']);
    expect(out.unassignedScenarioIds).toEqual(['empty']);
  });

  it('is deterministic and independent of input order', () => {
    const rand = mulberry32(3);
    for (let n = 0; n < 30; n++) {
      const input = randomInstance(rand);
      const a = composeAgenda(input);
      const b = composeAgenda(input);
      expect(b).toEqual(a);
      const shuffled = {
        ...input,
        scenarios: [...input.scenarios].reverse().map((s) => ({ ...s, candidates: [...s.candidates].reverse() })),
      };
      const c = composeAgenda(shuffled);
      expect(c.agenda).toEqual(a.agenda);
      expect(c.totalScore).toBe(a.totalScore);
    }
  });

  it('handles zero caps and rejects invalid input', () => {
    const scenarios = [{ id: 'a', candidates: [{ platformId: 'p', score: 1 }] }];
    for (const caps of [
      { maxScenarios: 0, platformsPerScenario: 1, maxSlotsPerPlatform: 1 },
      { maxScenarios: 1, platformsPerScenario: 0, maxSlotsPerPlatform: 1 },
      { maxScenarios: 1, platformsPerScenario: 1, maxSlotsPerPlatform: 0 },
    ]) {
      const out = composeAgenda({ scenarios, ...caps });
      expect(out.agenda).toEqual([]);
      expect(out.unassignedScenarioIds).toEqual(['a']);
    }
    const base = { maxScenarios: 1, platformsPerScenario: 1, maxSlotsPerPlatform: 1 };
    expect(() => composeAgenda({ scenarios: [{ id: 'a', candidates: [{ platformId: 'p', score: -1 }] }], ...base })).toThrow(
      RangeError,
    );
    expect(() => composeAgenda({ scenarios: [...scenarios, ...scenarios], ...base })).toThrow(RangeError);
    expect(() => composeAgenda({ scenarios, ...base, maxScenarios: 1.5 })).toThrow(RangeError);
  });
});
