import { describe, expect, it } from 'vitest';
import { composeTimedAgenda, eventSlots, recompose, type ComposeTimedInput, type TimedAgenda, type TimedItem } from '#core/roadshow/timed';
import { mulberry32 } from '#core/prng';

/**
 * Every feasible timed agenda: each scenario is off, or in a slot with a non-empty subset (≤ k) of
 * its candidates; ≤ rooms per slot, a platform once per slot and ≤ c overall, an owner once per slot,
 * ≤ M scenarios. Returns the lexicographic best (opened, score).
 */
function bruteForce(input: ComposeTimedInput): { opened: number; score: number } {
  const { scenarios, maxScenarios: m, platformsPerScenario: k, maxSlotsPerPlatform: c, rooms: R, slots: T } = input;
  const load = new Map<string, number>();
  const busy = new Set<string>(); // `${platform}@${slot}` and `owner:${owner}@${slot}`
  const fill = new Array(T).fill(0);
  let best = { opened: 0, score: 0 };
  const visit = (i: number, opened: number, score: number) => {
    if (i === scenarios.length) {
      if (opened > best.opened || (opened === best.opened && score > best.score + 1e-12)) best = { opened, score };
      return;
    }
    visit(i + 1, opened, score);
    if (opened >= m) return;
    const s = scenarios[i]!;
    for (let t = 0; t < T; t++) {
      if (fill[t] >= R || busy.has(`owner:${s.ownerId}@${t}`)) continue;
      fill[t]++;
      busy.add(`owner:${s.ownerId}@${t}`);
      const pick = (j: number, taken: number, sc: number) => {
        if (j === s.candidates.length) {
          if (taken > 0) visit(i + 1, opened + 1, score + sc);
          return;
        }
        pick(j + 1, taken, sc);
        const { platformId, score: w } = s.candidates[j]!;
        const l = load.get(platformId) ?? 0;
        if (taken < k && l < c && !busy.has(`${platformId}@${t}`)) {
          load.set(platformId, l + 1);
          busy.add(`${platformId}@${t}`);
          pick(j + 1, taken + 1, sc + w);
          busy.delete(`${platformId}@${t}`);
          load.set(platformId, l);
        }
      };
      pick(0, 0, 0);
      busy.delete(`owner:${s.ownerId}@${t}`);
      fill[t]--;
    }
  };
  visit(0, 0, 0);
  return best;
}

function randomInstance(rand: () => number): ComposeTimedInput {
  const nS = 1 + Math.floor(rand() * 4);
  const nP = 1 + Math.floor(rand() * 3);
  const owners = 1 + Math.floor(rand() * 3);
  const integral = rand() < 0.5;
  const scenarios = Array.from({ length: nS }, (_, s) => {
    const candidates = [];
    for (let p = 0; p < nP; p++) {
      if (rand() < 0.7) candidates.push({ platformId: `p${p}`, score: integral ? Math.floor(rand() * 4) : rand() * 10 });
    }
    return { id: `s${s}`, ownerId: `m${Math.floor(rand() * owners)}`, candidates };
  });
  return {
    scenarios,
    maxScenarios: 1 + Math.floor(rand() * 4),
    platformsPerScenario: 1 + Math.floor(rand() * 3),
    maxSlotsPerPlatform: 1 + Math.floor(rand() * 3),
    rooms: 1 + Math.floor(rand() * 2),
    slots: 1 + Math.floor(rand() * 3),
  };
}

/** Every timed constraint, checked on the output. */
function checkTimedFeasible(input: ComposeTimedInput, out: Pick<TimedAgenda, 'agenda'> & { totalScore: number }, allowEmpty = false) {
  expect(out.agenda.length).toBeLessThanOrEqual(input.maxScenarios);
  const load = new Map<string, number>();
  const seen = new Set<string>();
  const seat = new Set<string>();
  let total = 0;
  for (const item of out.agenda) {
    const s = input.scenarios.find((x) => x.id === item.scenarioId)!;
    expect(s).toBeDefined();
    expect(item.slot).toBeGreaterThanOrEqual(0);
    expect(item.slot).toBeLessThan(input.slots);
    expect(item.room).toBeGreaterThanOrEqual(0);
    expect(item.room).toBeLessThan(input.rooms);
    expect(seat.has(`${item.slot}/${item.room}`)).toBe(false);
    seat.add(`${item.slot}/${item.room}`);
    expect(seen.has(`owner:${s.ownerId}@${item.slot}`), 'a manufacturer in two rooms at once').toBe(false);
    seen.add(`owner:${s.ownerId}@${item.slot}`);
    // After re-composition a presenter whose respondents all declined keeps the seat.
    expect(item.platforms.length).toBeGreaterThanOrEqual(allowEmpty ? 0 : 1);
    expect(item.platforms.length).toBeLessThanOrEqual(input.platformsPerScenario);
    for (const p of item.platforms) {
      expect(s.candidates.some((c) => c.platformId === p.platformId && c.score === p.score)).toBe(true);
      expect(seen.has(`${p.platformId}@${item.slot}`), 'a platform in two rooms at once').toBe(false);
      seen.add(`${p.platformId}@${item.slot}`);
      load.set(p.platformId, (load.get(p.platformId) ?? 0) + 1);
      total += p.score;
    }
  }
  for (const l of load.values()) expect(l).toBeLessThanOrEqual(input.maxSlotsPerPlatform);
  expect(out.totalScore).toBeCloseTo(total, 9);
}

describe('composeTimedAgenda', () => {
  it('is feasible on 800 random small instances, optimal whenever it says so, and its bounds hold (brute force)', () => {
    const rand = mulberry32(20261203);
    let provedOptimal = 0;
    let repaired = 0;
    let bruteMatched = 0;
    for (let n = 0; n < 800; n++) {
      const input = randomInstance(rand);
      const out = composeTimedAgenda(input);
      const brute = bruteForce(input);
      checkTimedFeasible(input, out);
      const label = `instance ${n}: ${JSON.stringify(input)}`;
      // Never better than the true optimum; the bounds never below it.
      expect(out.agenda.length, label).toBeLessThanOrEqual(brute.opened);
      expect(out.openedUpperBound, label).toBeGreaterThanOrEqual(brute.opened);
      if (out.openedUpperBound === brute.opened) expect(out.scoreUpperBound, label).toBeGreaterThanOrEqual(brute.score - 1e-9);
      if (out.agenda.length === brute.opened) expect(out.totalScore, label).toBeLessThanOrEqual(brute.score + 1e-9);
      if (out.optimal) {
        provedOptimal++;
        expect(out.agenda.length, label).toBe(brute.opened);
        expect(Math.abs(out.totalScore - brute.score), label).toBeLessThanOrEqual(1e-9);
      }
      if (out.layout === 'repaired') repaired++;
      if (out.agenda.length === brute.opened && Math.abs(out.totalScore - brute.score) <= 1e-9) bruteMatched++;
    }
    // The exact path carries most instances, and the repair path is exercised too.
    expect(provedOptimal).toBeGreaterThan(600);
    expect(repaired).toBeGreaterThan(10);
    expect(bruteMatched).toBeGreaterThan(700);
  });

  it('never puts a platform or a manufacturer in two rooms at once (two rooms, shared platform)', () => {
    // A and B both want p, C and D share a manufacturer; one slot pair each is the only way.
    const input: ComposeTimedInput = {
      scenarios: [
        { id: 'A', ownerId: 'm1', candidates: [{ platformId: 'p', score: 5 }] },
        { id: 'B', ownerId: 'm2', candidates: [{ platformId: 'p', score: 4 }] },
        { id: 'C', ownerId: 'm3', candidates: [{ platformId: 'q', score: 3 }] },
        { id: 'D', ownerId: 'm3', candidates: [{ platformId: 'r', score: 3 }] },
      ],
      maxScenarios: 4,
      platformsPerScenario: 1,
      maxSlotsPerPlatform: 2,
      rooms: 2,
      slots: 2,
    };
    const out = composeTimedAgenda(input);
    checkTimedFeasible(input, out);
    expect(out.optimal).toBe(true);
    expect(out.agenda).toHaveLength(4);
    const slot = (id: string) => out.agenda.find((a: TimedItem) => a.scenarioId === id)!.slot;
    expect(slot('A')).not.toBe(slot('B'));
    expect(slot('C')).not.toBe(slot('D'));
  });

  it('reports the gap when the untimed optimum cannot be laid out', () => {
    // One manufacturer presents three scenarios but there are only two slots: the untimed optimum
    // (all three) cannot be laid out, so the answer is a repaired two with the gap stated.
    const input: ComposeTimedInput = {
      scenarios: ['A', 'B', 'C'].map((id, i) => ({ id, ownerId: 'm', candidates: [{ platformId: `p${i}`, score: 3 - i }] })),
      maxScenarios: 3,
      platformsPerScenario: 1,
      maxSlotsPerPlatform: 3,
      rooms: 3,
      slots: 2,
    };
    const out = composeTimedAgenda(input);
    checkTimedFeasible(input, out);
    expect(out.agenda.map((a) => a.scenarioId).sort()).toEqual(['A', 'B']);
    expect(out.totalScore).toBe(5);
    expect(out.optimal).toBe(false);
    expect(out.layout).toBe('repaired');
    expect(out.openedUpperBound).toBe(3);
  });
});

describe('recompose', () => {
  const scenarios = [
    { id: 'A', ownerId: 'm1', candidates: [{ platformId: 'p', score: 9 }, { platformId: 'q', score: 8 }, { platformId: 'r', score: 7 }] },
    { id: 'B', ownerId: 'm2', candidates: [{ platformId: 'p', score: 6 }, { platformId: 'r', score: 5 }] },
    { id: 'W', ownerId: 'm3', candidates: [{ platformId: 'q', score: 4 }] },
  ];
  const base = { scenarios, rooms: 1, slots: 2, platformsPerScenario: 2, maxSlotsPerPlatform: 2, maxScenarios: 2 };
  const agenda = [
    { scenarioId: 'A', slot: 0, room: 0, platforms: [{ platformId: 'p', score: 9 }, { platformId: 'q', score: 8 }] },
    { scenarioId: 'B', slot: 1, room: 0, platforms: [{ platformId: 'p', score: 6 }] },
  ];

  it('refills a declined seat with the next-best platform free at that time and moves nothing else', () => {
    const out = recompose({ ...base, agenda, declined: [{ scenarioId: 'A', platformId: 'q' }], withdrawn: [] });
    expect(out.addedPlatforms).toEqual([{ scenarioId: 'A', platformId: 'r', score: 7, slot: 0 }]);
    expect(out.agenda.find((a) => a.scenarioId === 'B')!.platforms).toEqual([{ platformId: 'p', score: 6 }]);
    expect(out.agenda.map((a) => [a.scenarioId, a.slot, a.room])).toEqual([['A', 0, 0], ['B', 1, 0]]);
  });

  it('never offers the seat back to the platform that declined, nor to one busy at that time', () => {
    const out = recompose({ ...base, agenda, declined: [{ scenarioId: 'B', platformId: 'p' }], withdrawn: [] });
    expect(out.addedPlatforms).toEqual([{ scenarioId: 'B', platformId: 'r', score: 5, slot: 1 }]);
  });

  it("gives a withdrawn manufacturer's seat to the wait list", () => {
    const out = recompose({ ...base, agenda, declined: [], withdrawn: ['B'] });
    expect(out.removedScenarios).toEqual(['B']);
    expect(out.addedScenarios).toEqual(['W']);
    expect(out.agenda.find((a) => a.scenarioId === 'W')).toMatchObject({ slot: 1, room: 0, platforms: [{ platformId: 'q', score: 4 }] });
  });

  it('keeps every timed constraint on random re-compositions', () => {
    const rand = mulberry32(77);
    for (let n = 0; n < 200; n++) {
      const input = randomInstance(rand);
      const first = composeTimedAgenda(input);
      const pairs = first.agenda.flatMap((a) => a.platforms.map((p) => ({ scenarioId: a.scenarioId, platformId: p.platformId })));
      const declined = pairs.filter(() => rand() < 0.4);
      const withdrawn = first.agenda.filter(() => rand() < 0.2).map((a) => a.scenarioId);
      const out = recompose({ ...input, agenda: first.agenda, declined, withdrawn });
      checkTimedFeasible(input, out, true);
      for (const d of declined) {
        expect(out.agenda.find((a) => a.scenarioId === d.scenarioId)?.platforms.some((p) => p.platformId === d.platformId) ?? false).toBe(false);
      }
      // Kept seats do not move.
      for (const a of first.agenda) {
        if (withdrawn.includes(a.scenarioId)) continue;
        const now = out.agenda.find((x) => x.scenarioId === a.scenarioId)!;
        expect([now.slot, now.room]).toEqual([a.slot, a.room]);
      }
    }
  });
});

describe('eventSlots', () => {
  it('cuts the day into slots and keeps the breaks free', () => {
    const slots = eventSlots({
      startsAt: '2026-12-10T01:00:00Z',
      endsAt: '2026-12-10T05:00:00Z',
      slotMinutes: 30,
      breaks: [{ startsAt: '2026-12-10T02:15:00Z', endsAt: '2026-12-10T02:45:00Z' }],
    });
    expect(slots.map((s) => s.startsAt.slice(11, 16))).toEqual(['01:00', '01:30', '02:45', '03:15', '03:45', '04:15']);
    expect(slots.at(-1)!.endsAt).toBe('2026-12-10T04:45:00.000Z');
  });
});
