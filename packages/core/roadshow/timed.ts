// Timed roadshow agenda: rooms × time slots.
//
// Problem. As in solver.ts (choose platforms per scenario, ≤ k per scenario, ≤ c slots per
// platform, ≤ M scenarios, maximise lexicographically (scenarios opened, total score)), and in
// addition every opened scenario gets a time slot t ∈ 0..T−1 and a room, with
//   · at most R scenarios per slot (R rooms),
//   · a platform in at most one scenario per slot (never in two rooms at once),
//   · a manufacturer's scenarios in different slots (never in parallel).
// Breaks are not slots: the caller cuts the day into slots around them (eventSlots below).
//
// Method. Dropping the three timing constraints and capping M at min(M, R·T) and c at min(c, T)
// gives a relaxation of this problem, which solver.ts solves exactly (or with a proven bound). If
// its agenda can be laid out in rooms × slots, that layout is optimal for the timed problem too
// (same objective, and nothing timed can do better than the relaxation). Laying out is a colouring
// of the conflict graph (scenarios sharing a platform or a manufacturer) with T colours of at most
// R scenarios each, searched exhaustively within a step budget. When the search proves there is
// no layout, or the budget runs out, a repair heuristic places what it can (dropping a clashing
// platform from a scenario rather than the scenario), then refills free seats; the answer carries
// optimal = false and the relaxation's bounds, so the gap is known.

import { composeAgenda, type AgendaItem, type ComposeAgendaInput, type RoadshowCandidate, type RoadshowScenarioInput } from './solver';

export interface TimedScenarioInput extends RoadshowScenarioInput {
  /** The presenting manufacturer: its scenarios never run in parallel. */
  ownerId: string;
}

export interface ComposeTimedInput extends Omit<ComposeAgendaInput, 'scenarios'> {
  scenarios: readonly TimedScenarioInput[];
  rooms: number;
  /** Number of time slots (breaks already cut out). */
  slots: number;
}

export interface TimedItem extends AgendaItem {
  slot: number;
  /** 0-based room index. */
  room: number;
}

export interface TimedAgenda {
  /** Slot ascending, then room ascending. */
  agenda: TimedItem[];
  totalScore: number;
  unassignedScenarioIds: string[];
  optimal: boolean;
  /** Proven upper bounds: scenarios that can open at all, and the score among agendas that open that many. */
  openedUpperBound: number;
  scoreUpperBound: number;
  /** How the layout was found: the relaxation's agenda laid out exactly, or repaired. */
  layout: 'exact' | 'repaired';
  searchNodes: number;
  layoutSteps: number;
}

export interface ComposeTimedOptions {
  maxNodes?: number;
  /** Budget of the exhaustive layout search (placements tried). Default 200 000. */
  maxLayoutSteps?: number;
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const EPS = 1e-9;

function checkTimed(input: ComposeTimedInput) {
  for (const [name, zh, v] of [['rooms', '分会场数', input.rooms], ['slots', '时段数', input.slots]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${zh}必须为非负整数 / ${name} must be a non-negative integer (got ${v})`);
  }
}

interface Placed {
  scenarioId: string;
  ownerId: string;
  platforms: RoadshowCandidate[];
}

/**
 * Exhaustive layout: assign each item a slot (≤ rooms per slot) so that no platform or owner
 * appears twice in a slot. Items most constrained first; symmetric empty slots tried once.
 * Returns the slot per item, null when proven impossible, 'budget' when the budget ran out.
 */
function layoutExact(items: readonly Placed[], rooms: number, slots: number, budget: number): { slots: number[] | null | 'budget'; steps: number } {
  const n = items.length;
  if (n > rooms * slots) return { slots: null, steps: 0 };
  const conflicts: number[][] = items.map(() => []);
  for (let i = 0; i < n; i++) {
    const pi = new Set(items[i]!.platforms.map((p) => p.platformId));
    for (let j = i + 1; j < n; j++) {
      if (items[i]!.ownerId === items[j]!.ownerId || items[j]!.platforms.some((p) => pi.has(p.platformId))) {
        conflicts[i]!.push(j);
        conflicts[j]!.push(i);
      }
    }
  }
  const order = [...items.keys()].sort((a, b) => conflicts[b]!.length - conflicts[a]!.length || a - b);
  const slotOf = new Int32Array(n).fill(-1);
  const fill = new Int32Array(slots);
  let steps = 0;
  let out = false;
  const go = (d: number, usedSlots: number): boolean => {
    if (d === n) return true;
    const i = order[d]!;
    // Slots beyond the first unused one are all alike: trying one of them is enough.
    const top = Math.min(slots, usedSlots + 1);
    for (let t = 0; t < top; t++) {
      if (fill[t]! >= rooms) continue;
      if (conflicts[i]!.some((j) => slotOf[j] === t)) continue;
      if (++steps > budget) {
        out = true;
        return false;
      }
      slotOf[i] = t;
      fill[t]!++;
      if (go(d + 1, Math.max(usedSlots, t + 1))) return true;
      slotOf[i] = -1;
      fill[t]!--;
      if (out) return false;
    }
    return false;
  };
  if (go(0, 0)) return { slots: [...slotOf], steps };
  return { slots: out ? 'budget' : null, steps };
}

/** Seat bookkeeping shared by the repair heuristic and re-composition. */
class Board {
  readonly busy = new Map<string, Set<number>>(); // platform → slots
  readonly load = new Map<string, number>(); // platform → slots used
  readonly ownerBusy = new Map<string, Set<number>>();
  readonly rooms: (string | null)[][]; // slot → room → scenarioId
  readonly items = new Map<string, TimedItem & { ownerId: string }>();
  constructor(
    readonly R: number,
    readonly T: number,
    readonly k: number,
    readonly c: number,
  ) {
    this.rooms = Array.from({ length: T }, () => Array.from({ length: R }, () => null));
  }
  platformFree(p: string, t: number) {
    return !(this.busy.get(p)?.has(t) ?? false) && (this.load.get(p) ?? 0) < this.c;
  }
  ownerFree(o: string, t: number) {
    return !(this.ownerBusy.get(o)?.has(t) ?? false);
  }
  freeRoom(t: number) {
    return this.rooms[t]!.indexOf(null);
  }
  place(scenarioId: string, ownerId: string, t: number, room: number) {
    const item = { scenarioId, ownerId, slot: t, room, platforms: [] as RoadshowCandidate[], score: 0 };
    this.items.set(scenarioId, item);
    this.rooms[t]![room] = scenarioId;
    if (!this.ownerBusy.has(ownerId)) this.ownerBusy.set(ownerId, new Set());
    this.ownerBusy.get(ownerId)!.add(t);
    return item;
  }
  unplace(scenarioId: string) {
    const it = this.items.get(scenarioId);
    if (!it) return;
    for (const p of [...it.platforms]) this.removePlatform(scenarioId, p.platformId);
    this.rooms[it.slot]![it.room] = null;
    this.ownerBusy.get(it.ownerId)!.delete(it.slot);
    this.items.delete(scenarioId);
  }
  addPlatform(scenarioId: string, cand: RoadshowCandidate) {
    const it = this.items.get(scenarioId)!;
    it.platforms.push({ ...cand });
    it.score += cand.score;
    if (!this.busy.has(cand.platformId)) this.busy.set(cand.platformId, new Set());
    this.busy.get(cand.platformId)!.add(it.slot);
    this.load.set(cand.platformId, (this.load.get(cand.platformId) ?? 0) + 1);
  }
  removePlatform(scenarioId: string, platformId: string) {
    const it = this.items.get(scenarioId)!;
    const i = it.platforms.findIndex((p) => p.platformId === platformId);
    if (i < 0) return;
    it.score -= it.platforms[i]!.score;
    it.platforms.splice(i, 1);
    this.busy.get(platformId)!.delete(it.slot);
    this.load.set(platformId, this.load.get(platformId)! - 1);
  }
  /** The best ≤ `want` candidates free at slot t, not already on the item, not excluded. */
  bestFree(cands: readonly RoadshowCandidate[], t: number, want: number, skip: (p: string) => boolean): RoadshowCandidate[] {
    return [...cands]
      .filter((x) => this.platformFree(x.platformId, t) && !skip(x.platformId))
      .sort((a, b) => b.score - a.score || cmpStr(a.platformId, b.platformId))
      .slice(0, Math.max(0, want));
  }
  agenda(): TimedItem[] {
    return [...this.items.values()]
      .map(({ ownerId: _o, ...it }) => ({ ...it, platforms: [...it.platforms].sort((a, b) => b.score - a.score || cmpStr(a.platformId, b.platformId)) }))
      .sort((a, b) => a.slot - b.slot || a.room - b.room);
  }
}

/** Dedupe a scenario's candidates (best score per platform), as solver.ts does. */
function bestCandidates(s: TimedScenarioInput): RoadshowCandidate[] {
  const best = new Map<string, number>();
  for (const c of s.candidates) best.set(c.platformId, Math.max(best.get(c.platformId) ?? 0, c.score));
  return [...best].map(([platformId, score]) => ({ platformId, score }));
}

/** Fill free seats: first platforms into placed scenarios (up to k), then wait-listed scenarios into free rooms. */
/**
 * Places the waiting scenario whose best free layout is worth most into a free room and slot (its
 * manufacturer free then), with its best free platforms; false when none fits anywhere.
 */
function placeBestWaiting(board: Board, waiting: readonly TimedScenarioInput[], cands: Map<string, RoadshowCandidate[]>, excluded: (s: string, p: string) => boolean): boolean {
  let best: { s: TimedScenarioInput; t: number; room: number; picks: RoadshowCandidate[]; value: number } | null = null;
  for (const s of waiting) {
    if (board.items.has(s.id)) continue;
    for (let t = 0; t < board.T; t++) {
      const room = board.freeRoom(t);
      if (room < 0 || !board.ownerFree(s.ownerId, t)) continue;
      const picks = board.bestFree(cands.get(s.id) ?? [], t, board.k, (p) => excluded(s.id, p));
      if (picks.length === 0) continue;
      const value = picks.reduce((a, p) => a + p.score, 0);
      if (!best || value > best.value + EPS) best = { s, t, room, picks, value };
    }
  }
  if (!best) return false;
  board.place(best.s.id, best.s.ownerId, best.t, best.room);
  for (const p of best.picks) board.addPlatform(best.s.id, p);
  return true;
}

function refill(board: Board, all: readonly TimedScenarioInput[], maxScenarios: number, cands: Map<string, RoadshowCandidate[]>, excluded: (s: string, p: string) => boolean = () => false) {
  for (let changed = true; changed; ) {
    changed = false;
    // Platforms into placed scenarios, best single addition first.
    let bestAdd: { s: string; c: RoadshowCandidate } | null = null;
    for (const it of board.items.values()) {
      if (it.platforms.length >= board.k) continue;
      const on = new Set(it.platforms.map((p) => p.platformId));
      const [c] = board.bestFree(cands.get(it.scenarioId) ?? [], it.slot, 1, (p) => on.has(p) || excluded(it.scenarioId, p));
      if (c && (!bestAdd || c.score > bestAdd.c.score + EPS || (Math.abs(c.score - bestAdd.c.score) <= EPS && cmpStr(it.scenarioId, bestAdd.s) < 0))) bestAdd = { s: it.scenarioId, c };
    }
    if (bestAdd) {
      board.addPlatform(bestAdd.s, bestAdd.c);
      changed = true;
      continue;
    }
    if (board.items.size >= maxScenarios) break;
    // A wait-listed scenario into a free room: the one whose best layout is worth most.
    if (placeBestWaiting(board, all, cands, excluded)) changed = true;
  }
}

/**
 * Compose a timed agenda. Exact (optimal = true) whenever the untimed optimum can be laid out in
 * the rooms and slots; otherwise a repaired layout with the untimed bounds as the gap.
 */
export function composeTimedAgenda(input: ComposeTimedInput, options: ComposeTimedOptions = {}): TimedAgenda {
  checkTimed(input);
  const { rooms: R, slots: T } = input;
  const seats = R * T;
  const relaxed = composeAgenda(
    {
      scenarios: input.scenarios,
      maxScenarios: Math.min(input.maxScenarios, seats),
      platformsPerScenario: input.platformsPerScenario,
      maxSlotsPerPlatform: Math.min(input.maxSlotsPerPlatform, T),
    },
    { maxNodes: options.maxNodes },
  );
  const owner = new Map(input.scenarios.map((s) => [s.id, s.ownerId]));
  const items: Placed[] = relaxed.agenda.map((a) => ({ scenarioId: a.scenarioId, ownerId: owner.get(a.scenarioId)!, platforms: a.platforms }));
  const openedUpperBound = relaxed.agenda.length;
  const { slots, steps } = layoutExact(items, R, T, options.maxLayoutSteps ?? 200_000);

  const board = new Board(R, T, input.platformsPerScenario, input.maxSlotsPerPlatform);
  const cands = new Map(input.scenarios.map((s) => [s.id, bestCandidates(s)]));
  let layout: TimedAgenda['layout'] = 'exact';
  if (Array.isArray(slots)) {
    items.forEach((it, i) => {
      const t = slots[i]!;
      board.place(it.scenarioId, it.ownerId, t, board.freeRoom(t));
      for (const p of it.platforms) board.addPlatform(it.scenarioId, p);
    });
  } else {
    layout = 'repaired';
    // Best-scoring first; each goes where it loses least (clashing platforms dropped, ≥ 1 kept).
    const byScore = [...items].sort((a, b) => b.platforms.reduce((x, p) => x + p.score, 0) - a.platforms.reduce((x, p) => x + p.score, 0) || cmpStr(a.scenarioId, b.scenarioId));
    for (const it of byScore) {
      let best: { t: number; keep: RoadshowCandidate[]; value: number } | null = null;
      for (let t = 0; t < T; t++) {
        if (board.freeRoom(t) < 0 || !board.ownerFree(it.ownerId, t)) continue;
        const keep = it.platforms.filter((p) => board.platformFree(p.platformId, t));
        if (keep.length === 0) continue;
        const value = keep.reduce((x, p) => x + p.score, 0);
        if (!best || value > best.value + EPS) best = { t, keep, value };
      }
      if (!best) continue;
      board.place(it.scenarioId, it.ownerId, best.t, board.freeRoom(best.t));
      for (const p of best.keep) board.addPlatform(it.scenarioId, p);
    }
    refill(board, [...input.scenarios].sort((a, b) => cmpStr(a.id, b.id)), Math.min(input.maxScenarios, seats), cands);
  }
  const agenda = board.agenda();
  const totalScore = agenda.reduce((t, a) => t + a.score, 0);
  const onAgenda = new Set(agenda.map((a) => a.scenarioId));
  const optimal = relaxed.optimal && agenda.length === openedUpperBound && totalScore >= relaxed.scoreUpperBound - 1e-9 * Math.max(1, relaxed.scoreUpperBound);
  return {
    agenda,
    totalScore,
    unassignedScenarioIds: input.scenarios.map((s) => s.id).filter((id) => !onAgenda.has(id)),
    optimal,
    openedUpperBound,
    scoreUpperBound: relaxed.scoreUpperBound,
    layout,
    searchNodes: relaxed.searchNodes,
    layoutSteps: steps,
  };
}

// ---------------------------------------------------------------------------------------------
// Re-composition after replies

export interface RecomposeInput {
  scenarios: readonly TimedScenarioInput[];
  rooms: number;
  slots: number;
  platformsPerScenario: number;
  maxSlotsPerPlatform: number;
  maxScenarios: number;
  /** The agenda as published (slot and room fixed). */
  agenda: readonly { scenarioId: string; slot: number; room: number; platforms: readonly RoadshowCandidate[] }[];
  /** Pairs whose platform declined: removed and never offered again for that scenario. */
  declined: readonly { scenarioId: string; platformId: string }[];
  /** Scenarios whose manufacturer withdrew: their seat goes to the wait list. */
  withdrawn: readonly string[];
}

export interface RecomposeResult {
  agenda: TimedItem[];
  /** New (scenario, platform) pairs to invite. */
  addedPlatforms: { scenarioId: string; platformId: string; score: number; slot: number }[];
  /** Scenarios newly on the agenda (their manufacturer is invited). */
  addedScenarios: string[];
  removedScenarios: string[];
  totalScore: number;
}

/**
 * Keeps every slot that did not change, removes the declined pairs and withdrawn scenarios, and
 * refills each gap with the next-best platform free at that time (≤ the scenario's previous count),
 * then offers freed seats to wait-listed scenarios. Nothing already placed moves.
 */
export function recompose(input: RecomposeInput): RecomposeResult {
  const board = new Board(input.rooms, input.slots, input.platformsPerScenario, input.maxSlotsPerPlatform);
  const owner = new Map(input.scenarios.map((s) => [s.id, s.ownerId]));
  const cands = new Map(input.scenarios.map((s) => [s.id, bestCandidates(s)]));
  const declined = new Set(input.declined.map((d) => `${d.scenarioId}\u0000${d.platformId}`));
  const withdrawn = new Set(input.withdrawn);
  const excluded = (s: string, p: string) => declined.has(`${s}\u0000${p}`);
  const before = new Map<string, Set<string>>();
  const target = new Map<string, number>();
  for (const a of input.agenda) {
    before.set(a.scenarioId, new Set(a.platforms.map((p) => p.platformId)));
    if (withdrawn.has(a.scenarioId)) continue;
    board.place(a.scenarioId, owner.get(a.scenarioId) ?? a.scenarioId, a.slot, a.room);
    for (const p of a.platforms) if (!excluded(a.scenarioId, p.platformId)) board.addPlatform(a.scenarioId, p);
    target.set(a.scenarioId, a.platforms.length);
  }
  // Gaps left by declines, biggest loss first: the next-best platform free at that time.
  const gaps = input.agenda
    .filter((a) => !withdrawn.has(a.scenarioId) && board.items.get(a.scenarioId)!.platforms.length < a.platforms.length)
    .map((a) => a.scenarioId)
    .sort(cmpStr);
  for (let filled = true; filled; ) {
    filled = false;
    let best: { s: string; c: RoadshowCandidate } | null = null;
    for (const s of gaps) {
      const it = board.items.get(s)!;
      if (it.platforms.length >= target.get(s)!) continue;
      const on = new Set(it.platforms.map((p) => p.platformId));
      const [c] = board.bestFree(cands.get(s) ?? [], it.slot, 1, (p) => on.has(p) || excluded(s, p));
      if (c && (!best || c.score > best.c.score + EPS)) best = { s, c };
    }
    if (best) {
      board.addPlatform(best.s, best.c);
      filled = true;
    }
  }
  // Freed seats (withdrawals) to the wait list: scenarios not on the agenda, whose manufacturer is free then.
  const waiting = [...input.scenarios].filter((s) => !before.has(s.id) && !withdrawn.has(s.id)).sort((a, b) => cmpStr(a.id, b.id));
  const cap = Math.min(input.maxScenarios, input.rooms * input.slots);
  for (let placed = true; placed && board.items.size < cap; ) {
    placed = placeBestWaiting(board, waiting, cands, excluded);
  }
  const agenda = board.agenda();
  const addedPlatforms = agenda.flatMap((a) =>
    a.platforms.filter((p) => !before.get(a.scenarioId)?.has(p.platformId)).map((p) => ({ scenarioId: a.scenarioId, platformId: p.platformId, score: p.score, slot: a.slot })),
  );
  return {
    agenda,
    addedPlatforms,
    addedScenarios: agenda.filter((a) => !before.has(a.scenarioId)).map((a) => a.scenarioId),
    removedScenarios: input.agenda.filter((a) => withdrawn.has(a.scenarioId)).map((a) => a.scenarioId),
    totalScore: agenda.reduce((t, a) => t + a.score, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Clock times

export interface SlotTime {
  startsAt: string;
  endsAt: string;
}

/**
 * Cuts [startsAt, endsAt) into slots of slotMinutes; a slot that would overlap a break starts
 * after the break instead. Times are ISO strings; output in UTC.
 */
export function eventSlots(e: { startsAt: string; endsAt: string; slotMinutes: number; breaks?: readonly { startsAt: string; endsAt: string }[] }): SlotTime[] {
  const len = e.slotMinutes * 60_000;
  const end = Date.parse(e.endsAt);
  const breaks = (e.breaks ?? []).map((b) => [Date.parse(b.startsAt), Date.parse(b.endsAt)] as const).sort((a, b) => a[0] - b[0]);
  const out: SlotTime[] = [];
  let t = Date.parse(e.startsAt);
  if (!(len > 0)) return out;
  while (t + len <= end && out.length < 500) {
    const clash = breaks.find(([bs, be]) => t < be && bs < t + len);
    if (clash) {
      t = clash[1];
      continue;
    }
    out.push({ startsAt: new Date(t).toISOString(), endsAt: new Date(t + len).toISOString() });
    t += len;
  }
  return out;
}
