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
 * Rows are scored two at a time (each query element is loaded once for both rows, four
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
    // Float64 query: the multiply needs no float32 → float64 conversion on the query side.
    const q = Float64Array.from(query);
    const d4 = d - (d % 4);
    const heap = new TopHeap(kk);
    let i = 0;
    for (let a = 0; i + 1 < n; i += 2, a += 2 * d) {
      const b = a + d;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
      let j = 0;
      for (; j < d4; j += 4) {
        const q0 = q[j]!, q1 = q[j + 1]!, q2 = q[j + 2]!, q3 = q[j + 3]!;
        a0 += m[a + j]! * q0;
        a1 += m[a + j + 1]! * q1;
        a2 += m[a + j + 2]! * q2;
        a3 += m[a + j + 3]! * q3;
        b0 += m[b + j]! * q0;
        b1 += m[b + j + 1]! * q1;
        b2 += m[b + j + 2]! * q2;
        b3 += m[b + j + 3]! * q3;
      }
      for (; j < d; j++) {
        a0 += m[a + j]! * q[j]!;
        b0 += m[b + j]! * q[j]!;
      }
      heap.offer(a0 + a1 + (a2 + a3), i);
      heap.offer(b0 + b1 + (b2 + b3), i + 1);
    }
    if (i < n) {
      // The odd last row, summed in the same order as the pairs so equal rows score equal.
      const a = i * d;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      let j = 0;
      for (; j < d4; j += 4) {
        a0 += m[a + j]! * q[j]!;
        a1 += m[a + j + 1]! * q[j + 1]!;
        a2 += m[a + j + 2]! * q[j + 2]!;
        a3 += m[a + j + 3]! * q[j + 3]!;
      }
      for (; j < d; j++) a0 += m[a + j]! * q[j]!;
      heap.offer(a0 + a1 + (a2 + a3), i);
    }
    return heap.sorted().map(({ index, score }) => ({ index, score: Math.max(-1, Math.min(1, score)) }));
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
