import { batchGet, batchWrite, type Store } from './store';

const key = (hash: string) => ({ pk: `VEC#${hash}`, sk: 'V' });

/** Vectors keyed by a hash of (model, text): immutable, so any copy anywhere is valid forever. */
export async function getVectors(s: Store, hashes: string[]): Promise<Map<string, Float32Array>> {
  const items = await batchGet<{ pk: string; vector: Uint8Array }>(s, [...new Set(hashes)].map(key));
  return new Map(
    items.map((i) => {
      const bytes = Uint8Array.from(i.vector);
      return [i.pk.slice(4), new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)];
    }),
  );
}

export async function putVectors(s: Store, entries: { hash: string; modelId: string; vector: Float32Array }[]): Promise<void> {
  await batchWrite(
    s,
    entries.map((e) => ({
      PutRequest: {
        Item: { ...key(e.hash), entity: 'vector', modelId: e.modelId, dims: e.vector.length, vector: new Uint8Array(e.vector.buffer.slice(e.vector.byteOffset, e.vector.byteOffset + e.vector.byteLength)) },
      },
    })),
  );
}
