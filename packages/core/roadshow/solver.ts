// Roadshow (场景路演) agenda composition.
//
// Problem. Scenarios s each carry a match list of candidate platforms p with scores w(s,p) ≥ 0.
// Choose x(s,p) ∈ {0,1} on candidate pairs with
//   Σ_p x(s,p) ≤ k  (platformsPerScenario),  Σ_s x(s,p) ≤ c  (maxSlotsPerPlatform),
//   |{ s : Σ_p x(s,p) ≥ 1 }| ≤ M  (maxScenarios),
// and maximise lexicographically (number of scenarios with ≥ 1 platform, total score). A scenario
// without platforms is simply not on the agenda, so "no selected scenario without a platform" holds
// by construction.
//
// Why not one min-cost flow. Without the M cap the problem is a b-matching: source → scenario
// (one "first slot" arc worth a lexicographic bonus, k−1 plain arcs) → platform (capacity c) → sink,
// and min-cost flow is exact. The M cap is a fixed charge on *opening* a scenario, which no flow
// network can express: a gate node with capacity M in front of the first-slot arcs lets a scenario
// leak in through its plain arcs without passing the gate. The capped problem is in fact strongly
// NP-hard: with k = 3, c = 1 and unit scores, "is the best total 3M?" is Exact Cover by 3-Sets
// (scenarios = triples, platforms = elements). So no polynomial exact formulation exists unless
// P = NP, and a Lagrangian price on the cap cannot close it either: pricing an open scenario at λ
// makes the first slot worth (bonus − λ), and once that is negative the first arc is no longer the
// cheapest way in, i.e. the fixed charge reappears.
//
// What this module does instead, exactly:
//  1. Solve the uncapped problem by min-cost flow with lexicographic (opened, score) arc costs. The
//     flow opens C* scenarios, the most that can be opened at all. If C* ≤ M the cap never binds and
//     this is the optimum.
//  2. Otherwise the optimum opens exactly M scenarios and we need the best score over M-subsets.
//     Branch and bound on "scenario s is open / closed". At each node the platform capacities are
//     relaxed with prices μ_p ≥ 0: L(μ) = c·Σμ_p + Σ over the best M admissible scenarios of
//     v_s(μ) = max over 1..k candidates of Σ(w − μ_p). For every feasible solution consistent with
//     the node, score = Σ(w − μ)x + Σ_p μ_p·load_p ≤ L(μ) because load_p ≤ c and μ ≥ 0, so L(μ) is
//     a valid upper bound for any μ; subgradient steps only make it tighter. A node is closed when its
//     bound cannot beat the incumbent, when the flow over its relaxed choice meets the bound, or when
//     every scenario is fixed (then the flow over the open set is that node's exact optimum).
//     Incumbents come from min-cost flow restricted to the relaxation's chosen scenarios; the first
//     one comes from step 1 (the M best-scoring of the C* simultaneously opened scenarios), so a
//     feasible M-scenario answer always exists.
// The search is exhaustive, so the result is optimal unless the node budget runs out first; then the
// best agenda found is returned with optimal = false and a proven upper bound on the score. The
// budget counts nodes, not milliseconds, so equal inputs always give equal outputs.

export interface RoadshowCandidate {
  platformId: string;
  score: number;
}

export interface RoadshowScenarioInput {
  id: string;
  candidates: readonly RoadshowCandidate[];
}

export interface ComposeAgendaInput {
  scenarios: readonly RoadshowScenarioInput[];
  maxScenarios: number;
  platformsPerScenario: number;
  maxSlotsPerPlatform: number;
}

export interface AgendaItem {
  scenarioId: string;
  /** Score descending, then platformId ascending. */
  platforms: RoadshowCandidate[];
  score: number;
}

export interface AgendaPlan {
  /** Total score descending, then scenarioId ascending. */
  agenda: AgendaItem[];
  totalScore: number;
  /** Input scenarios not on the agenda, in input order. */
  unassignedScenarioIds: string[];
}

export interface Agenda extends AgendaPlan {
  /** True when the search proved the agenda optimal (always, unless the node budget ran out). */
  optimal: boolean;
  /** Proven upper bound on totalScore among agendas that open as many scenarios; equals totalScore when optimal. */
  scoreUpperBound: number;
  /** Branch-and-bound nodes explored; 0 when the scenario cap did not bind. */
  searchNodes: number;
}

export interface ComposeAgendaOptions {
  /** Branch-and-bound node budget. Default 2 000 (roughly 15–20 ms per node at 200 scenarios × 100 platforms). */
  maxNodes?: number;
}

const DEFAULT_MAX_NODES = 2_000;

// ---------------------------------------------------------------------------------------------
// Canonical instance

interface Instance {
  scenarioIds: string[]; // sorted
  platformIds: string[]; // sorted
  // Per scenario: candidate platform indices (ascending) and their scores.
  candP: Int32Array[];
  candW: Float64Array[];
  k: number;
  c: number;
  m: number;
  // Absolute tolerance for "no better than": scores are floats, so exact ties must not fail pruning.
  eps: number;
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function assertCount(name: string, zh: string, v: number) {
  if (!Number.isInteger(v) || v < 0) {
    throw new RangeError(`${zh}必须为非负整数 / ${name} must be a non-negative integer (got ${v})`);
  }
}

// Sorting by id makes the result independent of input order, so "equal inputs" includes permutations.
function canonical(input: ComposeAgendaInput): Instance {
  assertCount('maxScenarios', '路演场景数上限', input.maxScenarios);
  assertCount('platformsPerScenario', '每个场景平台数', input.platformsPerScenario);
  assertCount('maxSlotsPerPlatform', '每个平台场次上限', input.maxSlotsPerPlatform);

  const seen = new Set<string>();
  const platformSet = new Set<string>();
  let maxScore = 0;
  for (const s of input.scenarios) {
    if (seen.has(s.id)) throw new RangeError(`场景 ID 重复 / duplicate scenario id: ${s.id}`);
    seen.add(s.id);
    for (const cand of s.candidates) {
      if (!Number.isFinite(cand.score) || cand.score < 0) {
        throw new RangeError(
          `匹配得分必须为有限非负数 / score must be finite and non-negative (${s.id} × ${cand.platformId}: ${cand.score})`,
        );
      }
      platformSet.add(cand.platformId);
      if (cand.score > maxScore) maxScore = cand.score;
    }
  }
  const scenarioIds = [...seen].sort(cmpStr);
  const platformIds = [...platformSet].sort(cmpStr);
  const pIndex = new Map(platformIds.map((id, i) => [id, i]));
  const byId = new Map(input.scenarios.map((s) => [s.id, s]));

  const candP: Int32Array[] = [];
  const candW: Float64Array[] = [];
  for (const id of scenarioIds) {
    // A platform listed twice for one scenario keeps its best score: it can take the stage only once.
    const best = new Map<number, number>();
    for (const cand of byId.get(id)!.candidates) {
      const p = pIndex.get(cand.platformId)!;
      best.set(p, Math.max(best.get(p) ?? 0, cand.score));
    }
    const ps = [...best.keys()].sort((a, b) => a - b);
    candP.push(Int32Array.from(ps));
    candW.push(Float64Array.from(ps.map((p) => best.get(p)!)));
  }
  return {
    scenarioIds,
    platformIds,
    candP,
    candW,
    k: input.platformsPerScenario,
    c: input.maxSlotsPerPlatform,
    m: input.maxScenarios,
    eps: 1e-11 * Math.max(1, maxScore),
  };
}

// ---------------------------------------------------------------------------------------------
// Min-cost flow with lexicographic costs (primary = −1 per opened scenario, secondary = −score).
// Pair costs instead of "bonus = big number" keep the score part exact however large scores get.

class LexFlow {
  private readonly head: Int32Array;
  private readonly to: Int32Array;
  private readonly next: Int32Array;
  readonly cap: Int32Array;
  private readonly ca: Float64Array;
  private readonly cb: Float64Array;
  private m = 0;

  constructor(
    private readonly n: number,
    maxEdges: number,
  ) {
    this.head = new Int32Array(n).fill(-1);
    this.to = new Int32Array(2 * maxEdges);
    this.next = new Int32Array(2 * maxEdges);
    this.cap = new Int32Array(2 * maxEdges);
    this.ca = new Float64Array(2 * maxEdges);
    this.cb = new Float64Array(2 * maxEdges);
  }

  addEdge(u: number, v: number, cap: number, a: number, b: number): number {
    const e = this.m;
    this.push(u, v, cap, a, b);
    this.push(v, u, 0, -a, -b);
    return e;
  }

  private push(u: number, v: number, cap: number, a: number, b: number) {
    const e = this.m++;
    this.to[e] = v;
    this.cap[e] = cap;
    this.ca[e] = a;
    this.cb[e] = b;
    this.next[e] = this.head[u]!;
    this.head[u] = e;
  }

  /** Successive shortest paths; stops at the first path that does not strictly improve the cost. */
  run(src: number, sink: number, eps: number) {
    const { n, head, to, next, cap, ca, cb } = this;
    const pa = new Float64Array(n);
    const pb = new Float64Array(n);
    // Initial potentials by Bellman–Ford (queue variant); the initial graph is a DAG with negative arcs.
    {
      pa.fill(Infinity);
      pb.fill(Infinity);
      pa[src] = 0;
      pb[src] = 0;
      const inQ = new Uint8Array(n);
      const q: number[] = [src];
      inQ[src] = 1;
      for (let qi = 0; qi < q.length; qi++) {
        const u = q[qi]!;
        inQ[u] = 0;
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          if (cap[e]! <= 0) continue;
          const v = to[e]!;
          const a = pa[u]! + ca[e]!;
          const b = pb[u]! + cb[e]!;
          if (a < pa[v]! || (a === pa[v]! && b < pb[v]! - eps)) {
            pa[v] = a;
            pb[v] = b;
            if (!inQ[v]) {
              inQ[v] = 1;
              q.push(v);
            }
          }
        }
      }
      for (let v = 0; v < n; v++) {
        if (pa[v] === Infinity) {
          pa[v] = 0;
          pb[v] = 0;
        }
      }
    }

    const da = new Float64Array(n);
    const db = new Float64Array(n);
    const prevE = new Int32Array(n);
    const done = new Uint8Array(n);
    const heap = new PairHeap(n);
    for (;;) {
      da.fill(Infinity);
      db.fill(Infinity);
      prevE.fill(-1);
      done.fill(0);
      da[src] = 0;
      db[src] = 0;
      heap.clear();
      heap.push(src, 0, 0);
      while (heap.size > 0) {
        const u = heap.pop();
        if (done[u]) continue;
        done[u] = 1;
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          if (cap[e]! <= 0) continue;
          const v = to[e]!;
          if (done[v]) continue;
          const ra = ca[e]! + pa[u]! - pa[v]!;
          let rb = cb[e]! + pb[u]! - pb[v]!;
          // Reduced costs are ≥ 0 in exact arithmetic; float noise on the secondary part is clamped.
          if (ra === 0 && rb < 0) rb = 0;
          const a = da[u]! + ra;
          const b = db[u]! + rb;
          if (a < da[v]! || (a === da[v]! && b < db[v]!)) {
            da[v] = a;
            db[v] = b;
            prevE[v] = e;
            heap.push(v, a, b);
          }
        }
      }
      if (!done[sink]) return;
      const costA = da[sink]! + pa[sink]! - pa[src]!;
      const costB = db[sink]! + pb[sink]! - pb[src]!;
      if (costA > 0 || (costA === 0 && costB >= -eps)) return;

      let maxA = 0;
      let maxB = 0;
      for (let v = 0; v < n; v++) {
        if (done[v] && (da[v]! > maxA || (da[v] === maxA && db[v]! > maxB))) {
          maxA = da[v]!;
          maxB = db[v]!;
        }
      }
      for (let v = 0; v < n; v++) {
        if (done[v]) {
          pa[v] = pa[v]! + da[v]!;
          pb[v] = pb[v]! + db[v]!;
        } else {
          // Unreached nodes move by the largest distance so arcs into the reached part stay ≥ 0.
          pa[v] = pa[v]! + maxA;
          pb[v] = pb[v]! + maxB;
        }
      }
      let f = Infinity;
      for (let v = sink; v !== src; v = to[prevE[v]! ^ 1]!) f = Math.min(f, cap[prevE[v]!]!);
      for (let v = sink; v !== src; v = to[prevE[v]! ^ 1]!) {
        cap[prevE[v]!] = cap[prevE[v]!]! - f;
        cap[prevE[v]! ^ 1] = cap[prevE[v]! ^ 1]! + f;
      }
    }
  }
}

class PairHeap {
  private node: Int32Array;
  private ka: Float64Array;
  private kb: Float64Array;
  size = 0;
  constructor(cap: number) {
    this.node = new Int32Array(cap);
    this.ka = new Float64Array(cap);
    this.kb = new Float64Array(cap);
  }
  clear() {
    this.size = 0;
  }
  private less(i: number, j: number) {
    const { ka, kb, node } = this;
    return ka[i]! < ka[j]! || (ka[i] === ka[j] && (kb[i]! < kb[j]! || (kb[i] === kb[j] && node[i]! < node[j]!)));
  }
  private swap(i: number, j: number) {
    const { ka, kb, node } = this;
    [ka[i], ka[j]] = [ka[j]!, ka[i]!];
    [kb[i], kb[j]] = [kb[j]!, kb[i]!];
    [node[i], node[j]] = [node[j]!, node[i]!];
  }
  push(v: number, a: number, b: number) {
    if (this.size === this.node.length) this.grow();
    let i = this.size++;
    this.node[i] = v;
    this.ka[i] = a;
    this.kb[i] = b;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): number {
    const top = this.node[0]!;
    this.size--;
    if (this.size > 0) {
      this.swap(0, this.size);
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && this.less(l, m)) m = l;
        if (r < this.size && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private grow() {
    const n = this.node.length * 2 + 16;
    const node = new Int32Array(n);
    node.set(this.node);
    const ka = new Float64Array(n);
    ka.set(this.ka);
    const kb = new Float64Array(n);
    kb.set(this.kb);
    this.node = node;
    this.ka = ka;
    this.kb = kb;
  }
}

interface Solution {
  opened: number;
  score: number;
  // Per scenario index: chosen candidate positions (indices into candP[s]).
  picks: Map<number, number[]>;
}

/** Exact lexicographic optimum when only `scenarios` may open and the scenario cap is ignored. */
function flowSolve(inst: Instance, scenarios: readonly number[]): Solution {
  const { k, c, candP, candW, eps } = inst;
  const picks = new Map<number, number[]>();
  if (k === 0 || c === 0 || scenarios.length === 0) return { opened: 0, score: 0, picks };
  const P = inst.platformIds.length;
  const S = scenarios.length;
  const src = 0;
  const sink = 1;
  const pNode = (p: number) => 2 + S + p;
  let edges = P;
  for (const s of scenarios) edges += 2 + candP[s]!.length;
  const g = new LexFlow(2 + S + P, edges);
  const pairEdges: number[][] = [];
  scenarios.forEach((s, i) => {
    const sNode = 2 + i;
    g.addEdge(src, sNode, 1, -1, 0);
    if (k > 1) g.addEdge(src, sNode, k - 1, 0, 0);
    const ps = candP[s]!;
    const ws = candW[s]!;
    const es: number[] = [];
    for (let j = 0; j < ps.length; j++) es.push(g.addEdge(sNode, pNode(ps[j]!), 1, 0, -ws[j]!));
    pairEdges.push(es);
  });
  for (let p = 0; p < P; p++) g.addEdge(pNode(p), sink, c, 0, 0);
  g.run(src, sink, eps);

  let opened = 0;
  let score = 0;
  scenarios.forEach((s, i) => {
    const chosen: number[] = [];
    pairEdges[i]!.forEach((e, j) => {
      if (g.cap[e] === 0) chosen.push(j);
    });
    if (chosen.length > 0) {
      opened++;
      for (const j of chosen) score += candW[s]![j]!;
      picks.set(s, chosen);
    }
  });
  return { opened, score, picks };
}

// ---------------------------------------------------------------------------------------------
// Lagrangian relaxation of the platform capacities (phase 2)

const OUT = -1;
const FREE = 0;
const IN = 1;

interface LagrangeEval {
  bound: number;
  chosen: number[]; // scenarios in the relaxed solution: forced-in first, then best free ones
  value: Float64Array; // v_s(μ) per scenario (NaN for scenarios not evaluated)
  picks: number[][]; // per scenario: candidate positions in the relaxed solution
  usage: Int32Array; // per platform: slots used by the relaxed solution
}

function evalLagrange(inst: Instance, openable: readonly number[], mu: Float64Array, status: Int8Array): LagrangeEval {
  const { k, c, m, candP, candW } = inst;
  const S = inst.scenarioIds.length;
  const value = new Float64Array(S).fill(NaN);
  const picks: number[][] = new Array(S);
  const forced: number[] = [];
  const free: number[] = [];
  const order: number[] = [];
  for (const s of openable) {
    if (status[s] === OUT) continue;
    const ps = candP[s]!;
    const ws = candW[s]!;
    order.length = 0;
    for (let j = 0; j < ps.length; j++) order.push(j);
    const red = (j: number) => ws[j]! - mu[ps[j]!]!;
    order.sort((x, y) => red(y) - red(x) || x - y);
    // At least one platform (the scenario must open), then every further one that still pays.
    const take: number[] = [order[0]!];
    let v = red(order[0]!);
    for (let t = 1; t < order.length && take.length < k; t++) {
      const r = red(order[t]!);
      if (r <= 0) break;
      take.push(order[t]!);
      v += r;
    }
    value[s] = v;
    picks[s] = take;
    (status[s] === IN ? forced : free).push(s);
  }
  free.sort((x, y) => value[y]! - value[x]! || x - y);
  const chosen = forced.concat(free.slice(0, Math.max(0, m - forced.length)));
  let bound = 0;
  for (let p = 0; p < mu.length; p++) bound += c * mu[p]!;
  const usage = new Int32Array(mu.length);
  for (const s of chosen) {
    bound += value[s]!;
    for (const j of picks[s]!) usage[candP[s]![j]!]!++;
  }
  return { bound, chosen, value, picks, usage };
}

interface Node {
  status: Int8Array;
  mu: Float64Array;
  bound: number; // inherited from the parent until evaluated
  depth: number;
  seq: number;
}

class NodeQueue {
  private items: Node[] = [];
  get size() {
    return this.items.length;
  }
  // Best bound first; deeper first on ties (reaches leaves and incumbents sooner); then creation order.
  private before(a: Node, b: Node) {
    return a.bound > b.bound || (a.bound === b.bound && (a.depth > b.depth || (a.depth === b.depth && a.seq < b.seq)));
  }
  push(n: Node) {
    const h = this.items;
    h.push(n);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): Node {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
  maxBound() {
    return this.items.reduce((b, n) => Math.max(b, n.bound), -Infinity);
  }
}

interface SearchResult {
  best: Solution;
  optimal: boolean;
  upperBound: number;
  nodes: number;
}

function branchAndBound(inst: Instance, openable: number[], start: Solution, maxNodes: number): SearchResult {
  const { m, c, eps } = inst;
  const S = inst.scenarioIds.length;
  const P = inst.platformIds.length;
  let best = start;

  const tryOpenSet = (set: readonly number[]) => {
    const sol = flowSolve(inst, set);
    if (sol.opened === m && sol.score > best.score + eps) best = sol;
    return sol;
  };

  // Subgradient descent on μ from a warm start; any μ gives a valid bound, so this only tightens.
  const tighten = (node: Node, iterations: number) => {
    const mu = node.mu.slice();
    let bestEval = evalLagrange(inst, openable, mu, node.status);
    let bestMu = mu.slice();
    let theta = 1;
    let stall = 0;
    let cur = bestEval;
    for (let it = 0; it < iterations; it++) {
      if (bestEval.bound <= best.score + eps) break;
      let norm2 = 0;
      const g = new Float64Array(P);
      for (let p = 0; p < P; p++) {
        let gp = c - cur.usage[p]!;
        if (mu[p] === 0 && gp > 0) gp = 0; // projected: a zero price cannot fall further
        g[p] = gp;
        norm2 += gp * gp;
      }
      // Zero projected subgradient: the relaxed choice respects every capacity and every priced
      // platform is full, so the bound is attained; the flow over that choice will find it.
      if (norm2 === 0) break;
      const step = (theta * Math.max(cur.bound - best.score, eps)) / norm2;
      for (let p = 0; p < P; p++) mu[p] = Math.max(0, mu[p]! - step * g[p]!);
      cur = evalLagrange(inst, openable, mu, node.status);
      if (cur.bound < bestEval.bound - eps) {
        bestEval = cur;
        bestMu = mu.slice();
        stall = 0;
      } else if (++stall >= 8) {
        theta /= 2;
        stall = 0;
        if (theta < 1e-6) break;
      }
    }
    return { ev: bestEval, mu: bestMu };
  };

  const queue = new NodeQueue();
  let seq = 0;
  const rootStatus = new Int8Array(S).fill(OUT);
  for (const s of openable) rootStatus[s] = FREE;
  queue.push({ status: rootStatus, mu: new Float64Array(P), bound: Infinity, depth: 0, seq: seq++ });
  let nodes = 0;

  while (queue.size > 0) {
    if (nodes >= maxNodes) {
      return { best, optimal: false, upperBound: Math.max(best.score, queue.maxBound()), nodes };
    }
    const node = queue.pop();
    if (node.bound <= best.score + eps) continue;
    nodes++;

    const inSet: number[] = [];
    const freeSet: number[] = [];
    for (const s of openable) {
      if (node.status[s] === IN) inSet.push(s);
      else if (node.status[s] === FREE) freeSet.push(s);
    }
    if (inSet.length > m || inSet.length + freeSet.length < m) continue;
    if (inSet.length === m || inSet.length + freeSet.length === m) {
      // Leaf: the open set is fixed, and flow is exact for a fixed open set.
      tryOpenSet(inSet.length === m ? inSet : inSet.concat(freeSet));
      continue;
    }

    const { ev, mu } = tighten(node, node.depth === 0 ? 300 : 40);
    if (ev.bound <= best.score + eps) continue;
    const sol = tryOpenSet(ev.chosen);
    if (sol.opened === m && sol.score >= ev.bound - eps) continue;

    // Branch on the free scenario that leans hardest on over-subscribed platforms; with no
    // over-subscription, on the weakest free scenario in the relaxed choice.
    let pick = -1;
    let pickOver = -1;
    let pickValue = Infinity;
    for (const s of ev.chosen) {
      if (node.status[s] !== FREE) continue;
      let over = 0;
      for (const j of ev.picks[s]!) over += Math.max(0, ev.usage[inst.candP[s]![j]!]! - c);
      if (over > pickOver || (over === pickOver && ev.value[s]! < pickValue)) {
        pick = s;
        pickOver = over;
        pickValue = ev.value[s]!;
      }
    }
    if (pick < 0) continue; // unreachable: inSet.length < m leaves free scenarios in the choice
    for (const mark of [IN, OUT]) {
      const status = node.status.slice();
      status[pick] = mark;
      queue.push({ status, mu, bound: ev.bound, depth: node.depth + 1, seq: seq++ });
    }
  }
  return { best, optimal: true, upperBound: best.score, nodes };
}

// ---------------------------------------------------------------------------------------------
// Public API

function toPlan(inst: Instance, input: ComposeAgendaInput, sol: Solution): AgendaPlan {
  const agenda: AgendaItem[] = [];
  for (const [s, js] of sol.picks) {
    const platforms = js
      .map((j) => ({ platformId: inst.platformIds[inst.candP[s]![j]!]!, score: inst.candW[s]![j]! }))
      .sort((a, b) => b.score - a.score || cmpStr(a.platformId, b.platformId));
    agenda.push({ scenarioId: inst.scenarioIds[s]!, platforms, score: platforms.reduce((t, p) => t + p.score, 0) });
  }
  agenda.sort((a, b) => b.score - a.score || cmpStr(a.scenarioId, b.scenarioId));
  const onAgenda = new Set(agenda.map((a) => a.scenarioId));
  return {
    agenda,
    totalScore: agenda.reduce((t, a) => t + a.score, 0),
    unassignedScenarioIds: input.scenarios.map((s) => s.id).filter((id) => !onAgenda.has(id)),
  };
}

/**
 * Compose a roadshow agenda: open as many scenarios as possible (at most maxScenarios), then
 * maximise the total match score. See the header comment for why this is exact and when it is not.
 */
export function composeAgenda(input: ComposeAgendaInput, options: ComposeAgendaOptions = {}): Agenda {
  const inst = canonical(input);
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const openable = inst.candP.flatMap((ps, s) => (ps.length > 0 ? [s] : []));
  const empty: Solution = { opened: 0, score: 0, picks: new Map() };
  if (inst.m === 0 || inst.k === 0 || inst.c === 0 || openable.length === 0) {
    return { ...toPlan(inst, input, empty), optimal: true, scoreUpperBound: 0, searchNodes: 0 };
  }

  const uncapped = flowSolve(inst, openable);
  if (uncapped.opened <= inst.m) {
    const plan = toPlan(inst, input, uncapped);
    return { ...plan, optimal: true, scoreUpperBound: plan.totalScore, searchNodes: 0 };
  }

  // The uncapped flow opened these scenarios together, so any M of them can open together again.
  const byScore = [...uncapped.picks.entries()]
    .map(([s, js]) => ({ s, score: js.reduce((t, j) => t + inst.candW[s]![j]!, 0) }))
    .sort((a, b) => b.score - a.score || a.s - b.s)
    .slice(0, inst.m)
    .map((x) => x.s);
  const start = flowSolve(inst, byScore);
  const result = branchAndBound(inst, openable, start, maxNodes);
  const plan = toPlan(inst, input, result.best);
  return {
    ...plan,
    optimal: result.optimal,
    scoreUpperBound: result.optimal ? plan.totalScore : result.upperBound,
    searchNodes: result.nodes,
  };
}

/**
 * The obvious baseline: take (scenario, platform) pairs by score, highest first, whenever the
 * capacities and the scenario cap still allow. Kept for benchmarks and tests, not for production.
 */
export function composeAgendaGreedy(input: ComposeAgendaInput): AgendaPlan {
  const inst = canonical(input);
  const pairs: { s: number; j: number; w: number }[] = [];
  inst.candP.forEach((ps, s) => ps.forEach((_, j) => pairs.push({ s, j, w: inst.candW[s]![j]! })));
  pairs.sort((a, b) => b.w - a.w || a.s - b.s || a.j - b.j);
  const load = new Int32Array(inst.platformIds.length);
  const picks = new Map<number, number[]>();
  let score = 0;
  for (const { s, j, w } of pairs) {
    const p = inst.candP[s]![j]!;
    const mine = picks.get(s);
    if (load[p]! >= inst.c) continue;
    if (mine ? mine.length >= inst.k : picks.size >= inst.m || inst.k === 0) continue;
    load[p]!++;
    if (mine) mine.push(j);
    else picks.set(s, [j]);
    score += w;
  }
  return toPlan(inst, input, { opened: picks.size, score, picks });
}
