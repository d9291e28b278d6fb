import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, rank, scorePlatform, type CandidatePlatform, type ScenarioInput } from '#core/matching/score';
import {
  DEFAULT_TRACK_RECORD,
  EMPTY_COUNTS,
  estimate,
  registryPrior,
  trackRecordFit,
  trackValue,
  type TrackCounts,
} from '#core/matching/track-record';

const scenario: ScenarioInput = { title: '设备预测性维护', description: '注塑机经常突发停机，希望提前发现故障', industry: 'C29', domains: ['maintenance'], technologies: [], vector: new Float32Array([1, 0]) };
const energy: ScenarioInput = { ...scenario, title: '能耗监测', description: '想把全厂电表水表接上，看清能耗', domains: ['energy'] };

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
/** n leads accepted and decided: `signed` signed and delivered with five stars, the rest lost. */
const leads = (n: number, signed = n) => counts({ accepted: n, signed, lost: n - signed, delivered: signed, rated: signed, ratingCredit: signed });
const factor = (p: CandidatePlatform, s: ScenarioInput = scenario) => scorePlatform(s, p).reasons.find((r) => r.factor === 'track_record')!;
const order = (s: ScenarioInput, ps: CandidatePlatform[]) => rank(s, ps, DEFAULT_WEIGHTS, { topK: ps.length, minScore: -Infinity }).map((m) => m.platformId);

describe('track record factor', () => {
  it('does not judge a platform a poor closer for leads accepted this month that cannot have closed yet', () => {
    // Both accepted ten leads and signed none: one reported all ten lost, the other's are still open.
    const open = estimate(new Map([['maintenance', counts({ accepted: 10 })]]), 'maintenance');
    const lost = estimate(new Map([['maintenance', counts({ accepted: 10, lost: 10 })]]), 'maintenance');
    const none = estimate(undefined, 'maintenance');
    expect(lost.sign).toBeLessThan(open.sign);
    expect(open.sign).toBeLessThan(none.sign);
    // …but a platform that never reports losses is not a perfect closer either.
    const neverReports = estimate(new Map([['maintenance', counts({ accepted: 10, signed: 2 })]]), 'maintenance');
    const reports = estimate(new Map([['maintenance', counts({ accepted: 10, signed: 2, lost: 8 })]]), 'maintenance');
    expect(neverReports.sign).toBeGreaterThan(reports.sign);
    expect(neverReports.sign).toBeLessThan(estimate(new Map([['maintenance', counts({ accepted: 2, signed: 2 })]]), 'maintenance').sign);
  });

  it('is exactly 0 with no history, so a newcomer ranks as if the factor did not exist', () => {
    const ps = ['a', 'b', 'c'].map((id) => platform(id));
    const withFactor = rank(scenario, ps, DEFAULT_WEIGHTS, { topK: 3, minScore: -Infinity });
    const without = rank(scenario, ps, { ...DEFAULT_WEIGHTS, track_record: 0 }, { topK: 3, minScore: -Infinity });
    expect(withFactor.map((m) => [m.platformId, m.score])).toEqual(without.map((m) => [m.platformId, m.score]));
    expect(factor(ps[0]!).value).toBe(0);
    expect(factor(ps[0]!).text).toContain('暂无对接记录');
    // Also inside a registry that has outcomes: the newcomer is compared with the registry's average.
    const settings = registryPrior([new Map([['maintenance', leads(30, 10)]])]);
    expect(factor({ ...platform('new'), trackSettings: settings }).value).toBe(0);
  });

  it('lifts a platform whose leads in the domain end in signed, delivered, well-rated deals', () => {
    const good = platform('good', new Map([['maintenance', leads(20)]]));
    expect(order(scenario, [platform('a'), good, platform('z')])[0]).toBe('good');
    const r = factor(good);
    expect(r.value).toBeGreaterThan(0.2);
    expect(r.text).toContain('签约 20 条');
    expect(r.text).toContain('平均评分 5.0 星');
    expect(r.text).toMatch(/估计每 10 条线索签约 \d+\.\d 单（全市平均 \d+\.\d 单）/);
  });

  it('sinks a platform that declines a whole domain as out of scope in that domain, not in its others', () => {
    const record = new Map([['maintenance', counts({ outOfScope: 15 })], ['energy', leads(10, 5)]]);
    const decliner = platform('decliner', record);
    expect(trackValue(record, 'maintenance')).toBeLessThan(-0.25);
    expect(trackValue(record, 'maintenance')).toBeLessThan(trackValue(record, 'energy') - 0.5);
    expect(factor(decliner).value).toBeLessThan(0);
    expect(factor(decliner).text).toContain('15 条以不在业务范围婉拒');
    expect(order(scenario, [decliner, platform('newcomer')])).toEqual(['newcomer', 'decliner']);
    // In energy its out-of-scope declines elsewhere cost nothing: it ranks above an unknown platform.
    expect(factor(decliner, energy).value).toBeGreaterThan(0);
    expect(order(energy, [platform('newcomer'), decliner])).toEqual(['decliner', 'newcomer']);
  });

  it('does not judge a platform on three leads: they move it far less than thirty alike', () => {
    const three = trackValue(new Map([['maintenance', counts({ declined: 3 })]]), 'maintenance');
    const thirty = trackValue(new Map([['maintenance', counts({ declined: 30 })]]), 'maintenance');
    expect(three).toBeLessThan(0);
    expect(three).toBeGreaterThan(-0.5);
    expect(thirty).toBeLessThan(three - 0.3);
    // Three lucky signatures are not thirty earned ones either.
    expect(trackValue(new Map([['maintenance', leads(3)]]), 'maintenance')).toBeLessThan(trackValue(new Map([['maintenance', leads(30)]]), 'maintenance'));
  });

  it('reads a domain with few leads through the platform record in its other domains', () => {
    // Same two leads in maintenance; one platform signs everything elsewhere, the other answers nothing.
    const responsive = new Map([['maintenance', leads(2, 1)], ['energy', leads(20, 12)]]);
    const silent = new Map([['maintenance', leads(2, 1)], ['energy', counts({ declined: 20 })]]);
    expect(trackValue(responsive, 'maintenance')).toBeGreaterThan(trackValue(silent, 'maintenance') + 0.2);
    expect(trackRecordFit(responsive, new Map([['maintenance', 1]])).text).toContain('该领域记录尚少，参考其在其他领域的记录（承接 20 条、签约 12 条）');
  });

  it('compares with the registry: no outcomes anywhere gives the defaults; the average platform sits near 0', () => {
    expect(registryPrior([])).toEqual(DEFAULT_TRACK_RECORD);
    const avg = leads(40, 10);
    const settings = registryPrior([new Map([['maintenance', avg]]), new Map([['maintenance', avg]])]);
    expect(estimate(new Map([['maintenance', avg]]), 'maintenance', settings).expected).toBeCloseTo(estimate(undefined, undefined, settings).expected, 1);
  });

  it('never carries a misfit past a fitting platform, however good its record', () => {
    const misfit: CandidatePlatform = {
      ...platform('misfit', new Map([['maintenance', leads(1000)]])),
      industries: ['C13'],
      domains: ['quality'],
      solutions: [{ id: 'm-s', title: '食品追溯', industries: ['C13'], domains: ['quality'], technologies: [], vector: new Float32Array([0, 1]) }],
    };
    expect(order(scenario, [misfit, platform('fit')])).toEqual(['fit', 'misfit']);
  });

  it('stays within [-1, 1] at the extremes and is the same for the same history', () => {
    for (const c of [leads(10_000), counts({ outOfScope: 10_000 }), counts({ declined: 10_000 }), counts({ accepted: 1 })]) {
      const v = trackValue(new Map([['maintenance', c]]), 'maintenance');
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThanOrEqual(1);
    }
    const record = new Map([['maintenance', leads(7, 3)], ['energy', counts({ declined: 2 })]]);
    expect(trackRecordFit(record, new Map([['maintenance', 1]]))).toEqual(trackRecordFit(new Map(record), new Map([['maintenance', 1]])));
    expect(trackRecordFit(new Map([['maintenance', leads(5)]]), new Map()).value).toBeGreaterThan(0);
  });
});
