import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEmbedder } from '#embed/local';
import type { Embedder } from '#embed/port';
import { createDeps } from '#runtime/deps';
import { embedCached } from '#services/vectors';
import { startTestStack, type TestStack } from '../support/stack';

/** Wraps the local embedder and counts what actually reaches it. */
function counting(): Embedder & { calls: string[][] } {
  const inner = createLocalEmbedder();
  const calls: string[][] = [];
  return { modelId: inner.modelId, dimensions: inner.dimensions, calls, embed: (t) => (calls.push(t), inner.embed(t)) };
}

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ pollers: false });
});
afterAll(() => stack?.stop());

describe('embedding cache by content hash', () => {
  it('embeds each distinct text once, in one batch, across calls and across processes', async () => {
    const e1 = counting();
    const deps1 = { ...stack.deps, embedder: e1 };
    const first = await embedCached(deps1, ['设备预测性维护', '能耗在线监测', '设备预测性维护']);
    expect(e1.calls).toEqual([['设备预测性维护', '能耗在线监测']]);
    expect(first.stats).toMatchObject({ requested: 3, embedded: 2 });
    expect(Array.from(first.vectors[0]!)).toEqual(Array.from(first.vectors[2]!));

    const again = await embedCached(deps1, ['能耗在线监测', '质量追溯']);
    expect(e1.calls[1]).toEqual(['质量追溯']);
    expect(again.stats).toMatchObject({ memoryHits: 1, embedded: 1 });

    // A fresh process (new Deps, empty memory) finds the vectors in DynamoDB.
    const e2 = counting();
    const deps2 = createDeps(stack.settings, stack.deps.resources, { ddb: stack.deps.ddb, sqs: stack.deps.sqs, embedder: e2 });
    const fromStore = await embedCached(deps2, ['设备预测性维护', '能耗在线监测', '质量追溯']);
    expect(e2.calls).toEqual([]);
    expect(fromStore.stats).toMatchObject({ storeHits: 3, embedded: 0 });
    expect(Array.from(fromStore.vectors[0]!)).toEqual(Array.from(first.vectors[0]!));
  });
});
