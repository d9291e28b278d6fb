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
