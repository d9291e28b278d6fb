import { describe, expect, it } from 'vitest';
import { cosine } from '#core/matching/vector';
import { LocalEmbedder, createLocalEmbedder } from '#embed/local';

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('local embedder', () => {
  it('identifies its model and dimensions', () => {
    const e = createLocalEmbedder();
    expect(e.modelId).toBe('local-hash-v1-512');
    expect(e.dimensions).toBe(512);
    expect(new LocalEmbedder({ dimensions: 256 }).modelId).toBe('local-hash-v1-256');
    // Re-weighted features give incomparable vectors, so they must not share an id.
    expect(new LocalEmbedder({ conceptWeight: 1 }).modelId).not.toBe('local-hash-v1-512');
  });

  it('is deterministic across instances', async () => {
    const text = '注塑机经常突发停机，想做预测性维护';
    const [a] = await new LocalEmbedder().embed([text]);
    const [b] = await new LocalEmbedder().embed([text]);
    expect(Array.from(a!)).toEqual(Array.from(b!));
  });

  it('returns L2-normalised vectors of the declared size, zeros for empty text', async () => {
    const e = new LocalEmbedder();
    const [v, empty] = await e.embed(['冷库温度异常没人知道，货物损失大', '']);
    expect(v).toHaveLength(512);
    expect(norm(v!)).toBeCloseTo(1, 5);
    expect(norm(empty!)).toBe(0);
    expect(Array.from(empty!).every(Number.isFinite)).toBe(true);
  });

  it('places related needs and products closer than unrelated ones', async () => {
    const [need, pdm, cold, energyNeed, energy, vision] = await new LocalEmbedder().embed([
      '冲压车间压力机经常突然停机，维修靠老师傅，希望提前知道哪台机器要出毛病',
      '设备远程运维与预测性维护：采集振动电流温度，健康评估与剩余寿命预测',
      '冷库温湿度全程监测，异常分级告警',
      '注塑厂电费太高，不知道电都用在哪',
      '能耗在线监测与分项计量，识别异常用能',
      '表面缺陷智能检测，替代人工目检',
    ]);
    expect(cosine(need!, pdm!)).toBeGreaterThan(cosine(need!, cold!) + 0.2);
    expect(cosine(need!, pdm!)).toBeGreaterThan(cosine(need!, vision!));
    expect(cosine(energyNeed!, energy!)).toBeGreaterThan(cosine(energyNeed!, vision!) + 0.2);
    expect(cosine(energyNeed!, energy!)).toBeGreaterThan(cosine(energyNeed!, pdm!));
  });
});
