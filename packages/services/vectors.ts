import { contentHash } from '#core/ids';
import { getVectors, putVectors } from '#db/vectors';
import type { Deps } from '#runtime/deps';
import { storeOf } from './store';

// Vectors are immutable per (model, text), so the in-process cache (one per Deps, i.e. per process
// or per test stack) never needs invalidation, only a bound.
const memories = new WeakMap<Deps, Map<string, Float32Array>>();
const MEMORY_LIMIT = 50_000;

export interface EmbedStats {
  requested: number;
  memoryHits: number;
  storeHits: number;
  embedded: number;
}

/**
 * Embeds texts through the cache: process memory, then DynamoDB, then the embedder in one batched
 * call for whatever is left. Unchanged text is never embedded twice.
 */
export async function embedCached(deps: Deps, texts: string[]): Promise<{ vectors: Float32Array[]; stats: EmbedStats }> {
  const model = deps.embedder.modelId;
  let memory = memories.get(deps);
  if (!memory) memories.set(deps, (memory = new Map()));
  const hashes = texts.map((t) => contentHash(model, t));
  const stats: EmbedStats = { requested: texts.length, memoryHits: 0, storeHits: 0, embedded: 0 };
  const found = new Map<string, Float32Array>();
  for (const h of hashes) {
    const v = memory.get(h);
    if (v) found.set(h, v);
  }
  stats.memoryHits = hashes.filter((h) => found.has(h)).length;
  const notInMemory = [...new Set(hashes.filter((h) => !found.has(h)))];
  if (notInMemory.length) {
    const stored = await getVectors(storeOf(deps), notInMemory);
    for (const [h, v] of stored) found.set(h, v);
    stats.storeHits = hashes.filter((h) => stored.has(h)).length;
  }
  const missing: { hash: string; text: string }[] = [];
  const seen = new Set<string>();
  hashes.forEach((h, i) => {
    if (!found.has(h) && !seen.has(h)) {
      seen.add(h);
      missing.push({ hash: h, text: texts[i]! });
    }
  });
  if (missing.length) {
    const vectors = await deps.embedder.embed(missing.map((m) => m.text));
    await putVectors(
      storeOf(deps),
      missing.map((m, i) => ({ hash: m.hash, modelId: model, vector: vectors[i]! })),
    );
    missing.forEach((m, i) => found.set(m.hash, vectors[i]!));
    stats.embedded = missing.length;
  }
  if (memory.size > MEMORY_LIMIT) memory.clear();
  for (const [h, v] of found) memory.set(h, v);
  return { vectors: hashes.map((h) => found.get(h)!), stats };
}
