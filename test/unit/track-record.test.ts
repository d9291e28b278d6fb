import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, rank, scorePlatform, type CandidatePlatform, type ScenarioInput } from '../../packages/core/matching/score';
import { EMPTY_COUNTS, trackRecordFit, trackValue, type TrackCounts } from '../../packages/core/matching/track-record';

const scenario: ScenarioInput = { title: '设备预测性维护', description: '注塑机经常突发停机，希望提前发现故障', industry: 'C29', domains: ['maintenance'], technologies: [], vector: new Float32Array([1, 0]) };

function platform(id: string, trackRecord?: Map<string, TrackCounts>): CandidatePlatform {
  return {
    id,
    name: `平台${id}`,
    category: 'comprehensive',
    level: 0,
    industries: ['C29'],
    domains: ['maintenance', 'energy'],
    technologies: [],
    openLeadsThisMonth: 0,
    trackRecord,
    solutions: [{ id: `${id}-s`, title: '设备预测性维护', industries: ['C29'], domains: ['maintenance', 'energy'], technologies: [], vector: new Float32Array([0.8, 0.6]) }],
  };
}

const counts = (c: Partial<TrackCounts>): TrackCounts => ({ ...EMPTY_COUNTS, ...c });
const signs = (n: number) => counts({ accepted: n, signed: n, delivered: n, rated: n, ratingCredit: n });
const value = (p: CandidatePlatform, s: ScenarioInput = scenario) => scorePlatform(s, p).reasons.find((r) => r.factor === 'track_record')!;

describe('track record factor', () => {
  it('is 0 with no history, so a registry without outcomes ranks exactly as without the factor', () => {
    const ps = ['a', 'b', 'c'].map((id) => platform(id));
    const withFactor = rank(scenario, ps, DEFAULT_WEIGHTS, { topK: 3, minScore: -Infinity });
    const without = rank(scenario, ps, { ...DEFAULT_WEIGHTS, track_record: 0 }, { topK: 3, minScore: -Infinity });
    expect(withFactor.map((m) => [m.platformId, m.score])).toEqual(without.map((m) => [m.platformId, m.score]));
    expect(value(ps[0]!).value).toBe(0);
    expect(value(ps[0]!).text).toContain('暂无对接记录');
  });

  it('lifts a platform whose leads in the domain end in signed, delivered, well-rated deals', () => {
    const good = platform('good', new Map([['maintenance', signs(20)]]));
    const ranked = rank(scenario, [platform('a'), good, platform('z')], DEFAULT_WEIGHTS, { topK: 3, minScore: -Infinity });
    expect(ranked[0]!.platformId).toBe('good');
    const r = value(good);
    expect(r.value).toBeGreaterThan(0.3);
    expect(r.text).toContain('签约 20 条');
    expect(r.text).toContain('平均评分 5.0 星');
  });

  it('counts 不在我方业务范围 declines against that domain only', () => {
    const record = new Map([['maintenance', counts({ outOfScope: 15 })], ['energy', signs(10)]]);
    const p = platform('p', record);
    expect(value(p).value).toBeLessThan(-0.5);
    const energy = { ...scenario, title: '能耗监测', description: '想把全厂电表水表接上，看清能耗', domains: ['energy'] };
    expect(value(p, energy).value).toBeGreaterThan(0);
  });

  it('counts a decline for capacity or budget as half the evidence of one out of scope', () => {
    expect(trackValue(counts({ declined: 10 }))).toBeLessThan(0);
    expect(trackValue(counts({ declined: 10 }))).toBeCloseTo(trackValue(counts({ outOfScope: 5 })), 12);
  });

  it('smooths a short record toward the prior: three great leads weigh less than thirty', () => {
    expect(trackValue(signs(3))).toBeGreaterThan(0);
    expect(trackValue(signs(3))).toBeLessThan(trackValue(signs(30)));
    expect(trackValue(counts({ outOfScope: 3 }))).toBeGreaterThan(trackValue(counts({ outOfScope: 30 })));
  });

  it('explores: a newcomer with no history is ranked above an incumbent whose many leads never close', () => {
    const stale = platform('incumbent', new Map([['maintenance', counts({ accepted: 40 })]]));
    const ranked = rank(scenario, [stale, platform('newcomer')], DEFAULT_WEIGHTS, { topK: 2, minScore: -Infinity });
    expect(ranked.map((m) => m.platformId)).toEqual(['newcomer', 'incumbent']);
  });

  it('stays within [-1, 1] at the extremes and moves the score by at most its weight', () => {
    for (const c of [signs(10_000), counts({ outOfScope: 10_000 }), counts({ accepted: 1 }), EMPTY_COUNTS]) {
      const v = trackValue(c);
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(trackRecordFit(new Map([['maintenance', signs(5)]]), new Map()).value).toBeGreaterThan(0);
  });
});
