import { TopHeap, doubles } from '#core/matching/vector';

/** 2^26: two int8·int8 dot products of up to 2080 dimensions fit side by side in one float64. */
const LANE = 2 ** 26;
const MAX_PAIR_DIMS = Math.floor((LANE / 2 - 1) / (127 * 127));

/**
 * Int8-quantised copy of a row-major matrix of unit vectors, for a first pass that picks
 * `rescore` candidates which are then re-scored exactly in float32.
 *
 * Each row keeps its own scale (max |x| → 127). Two kernels compute the same integer dot products:
 * - `int8`: the codes as one Int8Array (1 byte per dimension), read four at a time as an int32
 *   and split with shifts, so the JIT does one bounds-checked load per four dimensions;
 * - `pair`: two rows' codes packed into one float64 (a + b·2^26), so one multiply-add serves two
 *   rows; exact because every partial sum stays an integer below 2^53. Costs 4 bytes/dimension.
 */
export class Int8Index {
  readonly n: number;
  readonly d: number;
  private readonly codes: Int8Array;
  private readonly words: Int32Array;
  /** 1 / scale of each row: approx dot = intDot · inv[row] / queryScale. */
  private readonly inv: Float64Array;
  private packed?: Float64Array;

  constructor(
    private readonly matrix: Float32Array,
    d: number,
  ) {
    if (d % 4 !== 0) throw new Error('Int8Index needs dimensions divisible by 4');
    this.d = d;
    this.n = matrix.length / d;
    this.codes = new Int8Array(matrix.length);
    this.words = new Int32Array(this.codes.buffer);
    this.inv = new Float64Array(this.n);
    for (let i = 0, off = 0; i < this.n; i++, off += d) {
      let max = 0;
      for (let j = 0; j < d; j++) max = Math.max(max, Math.abs(matrix[off + j]!));
      const scale = max > 0 ? 127 / max : 1;
      for (let j = 0; j < d; j++) this.codes[off + j] = Math.round(matrix[off + j]! * scale);
      this.inv[i] = 1 / scale;
    }
  }

  get bytes(): number {
    return this.codes.byteLength + this.inv.byteLength;
  }

  get packedBytes(): number {
    return (this.packed?.byteLength ?? 0) + this.inv.byteLength;
  }

  /** Builds the pair-packed float64 copy (only needed for the `pair` kernel). */
  pack(): void {
    const d = this.d;
    if (d > MAX_PAIR_DIMS) throw new Error(`pair packing supports at most ${MAX_PAIR_DIMS} dimensions`);
    const pairs = Math.ceil(this.n / 2);
    const p = new Float64Array(pairs * d);
    for (let r = 0; r < pairs; r++) {
      const a = 2 * r * d;
      const b = a + d;
      const hasB = 2 * r + 1 < this.n;
      for (let j = 0; j < d; j++) p[r * d + j] = this.codes[a + j]! + (hasB ? this.codes[b + j]! * LANE : 0);
    }
    this.packed = p;
  }

  /** Plain arrays, not typed arrays: see `doubles` in vector.ts (detach checks). */
  private quantizeQuery(q: Float32Array): number[] {
    let max = 0;
    for (let j = 0; j < q.length; j++) max = Math.max(max, Math.abs(q[j]!));
    const scale = max > 0 ? 127 / max : 1;
    const out: number[] = [];
    // `| 0`: Math.round gives -0 for small negatives, which would turn the array into doubles.
    for (let j = 0; j < q.length; j++) out.push(Math.round(q[j]! * scale) | 0);
    return out;
  }

  /** The `c` rows with the best approximate score (unsorted heap order does not matter here). */
  candidates(query: Float32Array, c: number, kernel: 'int8' | 'pair'): number[] {
    const qi = this.quantizeQuery(query);
    const heap = new TopHeap(Math.min(c, this.n));
    if (kernel === 'int8') this.scanInt8(qi, heap);
    else this.scanPair(doubles(qi), heap);
    return heap.sorted().map((h) => h.index);
  }

  private scanInt8(q: number[], heap: TopHeap): void {
    scanInt8(this.words, this.inv, this.n, this.d >> 2, q, heap);
  }

  private scanPair(q: number[], heap: TopHeap): void {
    if (!this.packed) this.pack();
    scanPairs(this.packed!, this.inv, this.n, this.d, q, heap);
  }

  /** Top-k: `rescore` int8 candidates re-scored with the float32 rows. */
  search(query: Float32Array, k: number, rescore: number, kernel: 'int8' | 'pair'): { index: number; score: number }[] {
    const cand = this.candidates(query, Math.max(k, rescore), kernel);
    const m = this.matrix, d = this.d;
    const q = doubles(query);
    const heap = new TopHeap(Math.min(k, cand.length));
    cand.sort((a, b) => a - b);
    for (const i of cand) {
      const off = i * d;
      let s = 0;
      for (let j = 0; j < d; j++) s += m[off + j]! * q[j]!;
      heap.offer(s, i);
    }
    return heap.sorted();
  }
}

/** Int8 codes read as int32 words (4 dimensions each); three rows per pass share the query loads. */
function scanInt8(w: Int32Array, inv: Float64Array, n: number, W: number, q: number[], heap: TopHeap): void {
  let i = 0;
  for (let a = 0; i + 2 < n; i += 3, a += 3 * W) {
    const b = a + W;
    const c = b + W;
    let a0 = 0, a1 = 0, b0 = 0, b1 = 0, c0 = 0, c1 = 0;
    for (let k = 0, j = 0; k < W; k++, j += 4) {
      const x = w[a + k]!, y = w[b + k]!, z = w[c + k]!;
      const q0 = q[j]!, q1 = q[j + 1]!, q2 = q[j + 2]!, q3 = q[j + 3]!;
      a0 = (a0 + ((x << 24) >> 24) * q0 + ((x << 16) >> 24) * q1) | 0;
      a1 = (a1 + ((x << 8) >> 24) * q2 + (x >> 24) * q3) | 0;
      b0 = (b0 + ((y << 24) >> 24) * q0 + ((y << 16) >> 24) * q1) | 0;
      b1 = (b1 + ((y << 8) >> 24) * q2 + (y >> 24) * q3) | 0;
      c0 = (c0 + ((z << 24) >> 24) * q0 + ((z << 16) >> 24) * q1) | 0;
      c1 = (c1 + ((z << 8) >> 24) * q2 + (z >> 24) * q3) | 0;
    }
    heap.offer((a0 + a1) * inv[i]!, i);
    heap.offer((b0 + b1) * inv[i + 1]!, i + 1);
    heap.offer((c0 + c1) * inv[i + 2]!, i + 2);
  }
  for (; i < n; i++) {
    const a = i * W;
    let s = 0;
    for (let k = 0, j = 0; k < W; k++, j += 4) {
      const x = w[a + k]!;
      s = (s + ((x << 24) >> 24) * q[j]! + ((x << 16) >> 24) * q[j + 1]! + ((x << 8) >> 24) * q[j + 2]! + (x >> 24) * q[j + 3]!) | 0;
    }
    heap.offer(s * inv[i]!, i);
  }
}

/** Pair-packed float64 rows (two int8 rows per lane), three packed rows (six rows) per pass. */
function scanPairs(p: Float64Array, inv: Float64Array, n: number, d: number, q: number[], heap: TopHeap): void {
  const pairs = Math.ceil(n / 2);
  const offer = (total: number, r: number) => {
    const hi = Math.round(total / LANE);
    const lo = total - hi * LANE;
    const i = 2 * r;
    heap.offer(lo * inv[i]!, i);
    if (i + 1 < n) heap.offer(hi * inv[i + 1]!, i + 1);
  };
  let r = 0;
  for (let a = 0; r + 2 < pairs; r += 3, a += 3 * d) {
    const b = a + d;
    const c = b + d;
    let a0 = 0, a1 = 0, b0 = 0, b1 = 0, c0 = 0, c1 = 0;
    for (let j = 0; j < d; j += 2) {
      const q0 = q[j]!, q1 = q[j + 1]!;
      a0 += p[a + j]! * q0;
      a1 += p[a + j + 1]! * q1;
      b0 += p[b + j]! * q0;
      b1 += p[b + j + 1]! * q1;
      c0 += p[c + j]! * q0;
      c1 += p[c + j + 1]! * q1;
    }
    offer(a0 + a1, r);
    offer(b0 + b1, r + 1);
    offer(c0 + c1, r + 2);
  }
  for (; r < pairs; r++) {
    const a = r * d;
    let a0 = 0, a1 = 0;
    for (let j = 0; j < d; j += 2) {
      a0 += p[a + j]! * q[j]!;
      a1 += p[a + j + 1]! * q[j + 1]!;
    }
    offer(a0 + a1, r);
  }
}
