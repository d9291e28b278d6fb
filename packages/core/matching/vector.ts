export function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`vector dimensions differ: ${a.length} vs ${b.length}`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Cosine similarity of vectors the embedder already L2-normalised, i.e. their dot product, clamped
 * to [-1, 1] so float rounding never reports a similarity above 1.
 */
export function cosine(a: Float32Array, b: Float32Array): number {
  return Math.max(-1, Math.min(1, dot(a, b)));
}

export function l2normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  const out = new Float32Array(v.length);
  if (n > 0) for (let i = 0; i < v.length; i++) out[i] = v[i]! / n;
  return out;
}

export interface Hit<T> {
  item: T;
  score: number;
}

/**
 * Exact nearest neighbours by cosine. A linear scan is plenty for a city's few hundred platforms
 * and keeps results reproducible; ties fall back to input order.
 */
export function topK<T>(query: Float32Array, items: readonly T[], vectorOf: (item: T) => Float32Array, k: number): Hit<T>[] {
  const hits = items.map((item, i) => ({ item, score: cosine(query, vectorOf(item)), i }));
  hits.sort((a, b) => b.score - a.score || a.i - b.i);
  return hits.slice(0, Math.max(0, k)).map(({ item, score }) => ({ item, score }));
}

/**
 * Exact top-k by cosine over one contiguous row-major Float32Array of L2-normalised vectors, for
 * when a scan over thousands of vectors sits on a hot path: no per-item objects, no full sort.
 * Rows are scored three at a time (each query element is loaded once for all three, two
 * independent accumulators per row) and the k best are kept in a bounded min-heap. Same answers
 * as `topK` up to float rounding: scores clamped to [-1, 1], ties in insertion order.
 */
export class FlatIndex {
  readonly dimensions: number;
  private matrix: Float32Array;
  private count = 0;

  constructor(dimensions: number, capacity = 1024) {
    if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error(`invalid dimensions: ${dimensions}`);
    this.dimensions = dimensions;
    this.matrix = new Float32Array(dimensions * Math.max(1, capacity));
  }

  /** Wraps an existing row-major matrix (not copied) holding `matrix.length / dimensions` rows. */
  static fromMatrix(matrix: Float32Array, dimensions: number): FlatIndex {
    if (matrix.length % dimensions !== 0) throw new Error('matrix length is not a multiple of dimensions');
    const index = new FlatIndex(dimensions, 1);
    index.matrix = matrix;
    index.count = matrix.length / dimensions;
    return index;
  }

  static from(vectors: readonly Float32Array[], dimensions = vectors[0]?.length ?? 1): FlatIndex {
    const index = new FlatIndex(dimensions, vectors.length);
    for (const v of vectors) index.add(v);
    return index;
  }

  get size(): number {
    return this.count;
  }

  /** Appends a row and returns its position (the `index` search reports). */
  add(vector: Float32Array): number {
    if (vector.length !== this.dimensions) throw new Error(`vector dimensions differ: ${vector.length} vs ${this.dimensions}`);
    if ((this.count + 1) * this.dimensions > this.matrix.length) {
      const grown = new Float32Array(Math.max(this.matrix.length * 2, (this.count + 1) * this.dimensions));
      grown.set(this.matrix.subarray(0, this.count * this.dimensions));
      this.matrix = grown;
    }
    this.matrix.set(vector, this.count * this.dimensions);
    return this.count++;
  }

  search(query: Float32Array, k: number): { index: number; score: number }[] {
    const d = this.dimensions;
    if (query.length !== d) throw new Error(`vector dimensions differ: ${query.length} vs ${d}`);
    const n = this.count;
    const kk = Math.min(Math.max(0, Math.floor(k)), n);
    if (kk === 0) return [];
    const m = this.matrix;
    const q = doubles(query);
    const heap = new TopHeap(kk);
    scanRows(m, q, n, d, heap);
    return heap.sorted().map(({ index, score }) => ({ index, score: Math.max(-1, Math.min(1, score)) }));
  }
}

/**
 * The query as a plain array of doubles rather than a typed array: once any ArrayBuffer in the
 * process has been detached (loading some native addons, e.g. @node-rs/jieba, does that), V8 guards
 * every typed-array load in optimised code with a detach check, and the query is read once per row.
 * Filled with a double first so the array keeps double elements whatever the values.
 */
export function doubles(v: ArrayLike<number>): number[] {
  const out = Array.from({ length: v.length }, () => 0.5);
  for (let j = 0; j < v.length; j++) out[j] = v[j]!;
  return out;
}

/**
 * Offers every row's dot product with `q` to `heap`. Three rows per pass share each query load;
 * two accumulators per row. Every row, including the leftovers, is summed in the same order, so
 * equal rows score exactly equal. A standalone function: V8 optimises the small hot loop alone.
 */
function scanRows(m: Float32Array, q: number[], n: number, d: number, heap: TopHeap): void {
  const d2 = d - (d % 2);
  let i = 0;
  for (let a = 0; i + 2 < n; i += 3, a += 3 * d) {
    const b = a + d;
    const c = b + d;
    let a0 = 0, a1 = 0, b0 = 0, b1 = 0, c0 = 0, c1 = 0;
    for (let j = 0; j < d2; j += 2) {
      const q0 = q[j]!, q1 = q[j + 1]!;
      a0 += m[a + j]! * q0;
      a1 += m[a + j + 1]! * q1;
      b0 += m[b + j]! * q0;
      b1 += m[b + j + 1]! * q1;
      c0 += m[c + j]! * q0;
      c1 += m[c + j + 1]! * q1;
    }
    if (d2 < d) {
      const ql = q[d2]!;
      a0 += m[a + d2]! * ql;
      b0 += m[b + d2]! * ql;
      c0 += m[c + d2]! * ql;
    }
    heap.offer(a0 + a1, i);
    heap.offer(b0 + b1, i + 1);
    heap.offer(c0 + c1, i + 2);
  }
  for (; i < n; i++) {
    const a = i * d;
    let a0 = 0, a1 = 0;
    for (let j = 0; j < d2; j += 2) {
      a0 += m[a + j]! * q[j]!;
      a1 += m[a + j + 1]! * q[j + 1]!;
    }
    if (d2 < d) a0 += m[a + d2]! * q[d2]!;
    heap.offer(a0 + a1, i);
  }
}

/**
 * The k best (score, index) pairs seen so far; the root is the worst of them. Offers must come in
 * increasing index order, so an equal score never displaces an earlier row.
 */
export class TopHeap {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private n = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.ids = new Int32Array(k);
  }

  /** The score a new entry must beat once the heap is full. */
  get threshold(): number {
    return this.n < this.k ? -Infinity : this.scores[0]!;
  }

  offer(score: number, index: number): void {
    const s = this.scores, ids = this.ids;
    if (this.n < this.k) {
      // Sift up.
      let c = this.n++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (s[p]! < score || (s[p] === score && ids[p]! > index)) break;
        s[c] = s[p]!;
        ids[c] = ids[p]!;
        c = p;
      }
      s[c] = score;
      ids[c] = index;
      return;
    }
    if (!(score > s[0]!)) return;
    // Replace the root and sift down.
    const n = this.n;
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= n) break;
      const r = l + 1;
      let w = l;
      if (r < n && (s[r]! < s[l]! || (s[r] === s[l] && ids[r]! > ids[l]!))) w = r;
      if (s[w]! > score || (s[w] === score && ids[w]! < index)) break;
      s[c] = s[w]!;
      ids[c] = ids[w]!;
      c = w;
    }
    s[c] = score;
    ids[c] = index;
  }

  /** Best first; ties by index. */
  sorted(): { index: number; score: number }[] {
    const out: { index: number; score: number }[] = [];
    for (let i = 0; i < this.n; i++) out.push({ index: this.ids[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
