import { describe, expect, it } from 'vitest';
import {
  CROSS_INDUSTRY_CREDIT, FOREIGN_PLATFORM_SHARE,
  DEFAULT_WEIGHTS,
  compareMatches,
  rank,
  scorePlatform,
  type CandidatePlatform,
  type CandidateSolution,
  type ScenarioInput,
} from '#core/matching/score';

/** Unit vector in 2-d whose cosine with the scenario's [1, 0] is exactly `sim`. */
const vec = (sim: number) => new Float32Array([sim, Math.sqrt(1 - sim * sim)]);

const scenario: ScenarioInput = { industry: 'C38', domains: ['maintenance'], technologies: [], vector: new Float32Array([1, 0]) };

function solution(over: Partial<CandidateSolution> & { sim: number }): CandidateSolution {
  const { sim, ...rest } = over;
  return { id: 'sol', title: '设备远程运维与预测性维护', industries: ['C38'], domains: ['maintenance'], technologies: [], vector: vec(sim), ...rest };
}

function platform(over: Partial<CandidatePlatform> & { id: string }): CandidatePlatform {
  return {
    name: `平台${over.id}`,
    category: 'comprehensive',
    level: 0,
    industries: ['C38'],
    domains: ['maintenance'],
    technologies: [],
    openLeadsThisMonth: 0,
    solutions: [solution({ id: `${over.id}-s1`, sim: 0.8 })],
    ...over,
  };
}

const factor = (m: ReturnType<typeof scorePlatform>, f: string) => m.reasons.find((r) => r.factor === f)!;

describe('score: reasons', () => {
  it('explains every factor and the parts sum to the score', () => {
    const m = scorePlatform(
      { ...scenario, domains: ['maintenance', 'energy'], technologies: ['iot'] },
      platform({ id: 'p', level: 2, openLeadsThisMonth: 12, technologies: ['iot'] }),
    );
    expect(m.reasons.map((r) => r.factor)).toEqual(['semantic', 'concept', 'lexical', 'industry', 'domain', 'technology', 'maturity', 'exposure', 'track_record']);
    expect(m.score).toBeCloseTo(m.reasons.reduce((s, r) => s + r.weight * r.value, 0), 12);
    for (const r of m.reasons) expect(r.text.length).toBeGreaterThan(4);
    expect(m.solutionId).toBe('p-s1');
    expect(factor(m, 'semantic').text).toBe('与解决方案「设备远程运维与预测性维护」语义相似度 0.80');
    expect(factor(m, 'industry').text).toBe('行业完全匹配：C38 电气机械和器材制造业');
    expect(factor(m, 'domain').text).toBe('覆盖需求领域：设备运维；未覆盖：能耗监测');
    expect(factor(m, 'maturity').text).toBe('平台成熟度二级，小幅加分');
    expect(factor(m, 'exposure').text).toBe('本月已有 12 条未处理线索，适度降权以保证公平曝光');
    expect(factor(m, 'exposure').value).toBeLessThan(0);
    for (const r of m.reasons.filter((x) => x.factor !== 'exposure')) {
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.value).toBeLessThanOrEqual(1);
    }
  });

  it('names the best-fitting solution and falls back to the profile without solutions', () => {
    const p = platform({
      id: 'p',
      solutions: [solution({ id: 'weak', title: '数据看板', sim: 0.2 }), solution({ id: 'strong', title: '预测性维护', sim: 0.9 })],
    });
    expect(scorePlatform(scenario, p).solutionId).toBe('strong');
    const bare = scorePlatform(scenario, platform({ id: 'q', solutions: [], profileVector: vec(0.5) }));
    expect(bare.solutionId).toBeUndefined();
    expect(factor(bare, 'semantic').text).toContain('平台简介');
    expect(factor(bare, 'semantic').value).toBeCloseTo(0.5, 6);
  });
});

describe('score: fairness and fit', () => {
  // A clearly better fit: its solution covers the domain the manufacturer asked for; the other's does not.
  it('a maturity bonus cannot outrank a clearly better fit', () => {
    const better = platform({ id: 'better', level: 0, solutions: [solution({ id: 'b', sim: 0.6 })] });
    const mature = platform({ id: 'mature', level: 3, domains: ['energy'], solutions: [solution({ id: 'm', sim: 0.6, domains: ['energy'] })] });
    expect(rank(scenario, [mature, better], DEFAULT_WEIGHTS, { topK: 2, minScore: -Infinity }).map((m) => m.platformId)).toEqual([
      'better',
      'mature',
    ]);
  });

  it('exposure damping lets a platform with an equal fit and no backlog move ahead', () => {
    const big = platform({ id: 'a-big', openLeadsThisMonth: 40 });
    const small = platform({ id: 'z-small', openLeadsThisMonth: 0 });
    const order = (ps: CandidatePlatform[]) => rank(scenario, ps, DEFAULT_WEIGHTS, { topK: 5, minScore: -Infinity }).map((m) => m.platformId);
    expect(order([big, small])).toEqual(['z-small', 'a-big']);
    // Without the backlog the tie falls back to id order, so it really was the damping.
    expect(order([{ ...big, openLeadsThisMonth: 0 }, small])).toEqual(['a-big', 'z-small']);
  });

  it('exposure damping is smooth, capped and cannot bury a clearly better fit', () => {
    const value = (n: number) => factor(scorePlatform(scenario, platform({ id: 'p', openLeadsThisMonth: n })), 'exposure').value;
    expect(value(0)).toBe(0);
    expect(value(1)).toBeLessThan(0);
    expect(value(10)).toBeLessThan(value(1));
    expect(value(1000)).toBe(-1);
    expect(value(100000)).toBe(-1);
    const busy = platform({ id: 'busy', openLeadsThisMonth: 500, solutions: [solution({ id: 'b', sim: 0.6 })] });
    const weak = platform({ id: 'weak', domains: ['energy'], solutions: [solution({ id: 'w', sim: 0.6, domains: ['energy'] })] });
    expect(rank(scenario, [weak, busy], DEFAULT_WEIGHTS, { topK: 1, minScore: -Infinity })[0]!.platformId).toBe('busy');
  });

  it('gives a cross-industry solution partial industry credit', () => {
    const industryOf = (s: CandidateSolution, platformIndustries: string[] = ['C26']) =>
      factor(scorePlatform(scenario, platform({ id: 'p', industries: platformIndustries, solutions: [s] })), 'industry');
    expect(industryOf(solution({ sim: 0.5, industries: ['C38'] })).value).toBe(1);
    // From a platform that serves a neighbouring industry (C39 beside the need's C38): the full cross-industry credit.
    const cross = industryOf(solution({ sim: 0.5, industries: [] }), ['C39']);
    expect(cross.value).toBe(CROSS_INDUSTRY_CREDIT);
    expect(cross.value).toBeGreaterThan(0);
    expect(cross.value).toBeLessThan(1);
    expect(cross.text).toBe('跨行业通用方案');
    // From a platform whose industries are all far away (chemicals): less, and the reason says why.
    const foreign = industryOf(solution({ sim: 0.5, industries: [] }), ['C26']);
    expect(foreign.value).toBeCloseTo(CROSS_INDUSTRY_CREDIT * FOREIGN_PLATFORM_SHARE, 10);
    expect(foreign.value).toBeGreaterThan(0);
    expect(foreign.text).toContain('平台服务行业不含C38');
    expect(industryOf(solution({ sim: 0.5, industries: ['C13'] }), ['C13']).value).toBe(0);
  });

  it('counts requested technologies and domains as coverage', () => {
    const s = { ...scenario, technologies: ['ai', 'iot'] };
    const half = scorePlatform(s, platform({ id: 'p', technologies: ['iot'], solutions: [solution({ sim: 0.5, technologies: ['iot'] })] }));
    expect(factor(half, 'technology').value).toBeCloseTo(0.5, 10);
    expect(factor(half, 'technology').text).toBe('具备所需技术：物联网；缺少：人工智能');
    expect(factor(scorePlatform(scenario, platform({ id: 'p' })), 'technology').value).toBe(0);
  });
});

describe('rank options and order', () => {
  const ps = [0.9, 0.7, 0.5, 0.3, 0.1].map((sim, i) => platform({ id: `p${i}`, solutions: [solution({ id: `s${i}`, sim })] }));

  it('honours topK and minScore', () => {
    expect(rank(scenario, ps, DEFAULT_WEIGHTS, { topK: 2, minScore: -Infinity }).map((m) => m.platformId)).toEqual(['p0', 'p1']);
    const all = rank(scenario, ps, DEFAULT_WEIGHTS, { topK: 10, minScore: -Infinity });
    const cut = all[2]!.score;
    const kept = rank(scenario, ps, DEFAULT_WEIGHTS, { topK: 10, minScore: cut });
    expect(kept.map((m) => m.platformId)).toEqual(['p0', 'p1', 'p2']);
    expect(kept.every((m) => m.score >= cut)).toBe(true);
    expect(rank(scenario, ps, DEFAULT_WEIGHTS, { topK: 0, minScore: -Infinity })).toEqual([]);
  });

  it('orders ties by platform id, whatever the input order', () => {
    const same = ['c', 'a', 'b'].map((id) => platform({ id }));
    const first = rank(scenario, same, DEFAULT_WEIGHTS, { topK: 3, minScore: -Infinity }).map((m) => m.platformId);
    const second = rank(scenario, [...same].reverse(), DEFAULT_WEIGHTS, { topK: 3, minScore: -Infinity }).map((m) => m.platformId);
    expect(first).toEqual(['a', 'b', 'c']);
    expect(second).toEqual(first);
    expect(compareMatches({ score: 0.5, platformId: 'x' }, { score: 0.5, platformId: 'y' })).toBeLessThan(0);
    expect(compareMatches({ score: 0.4, platformId: 'a' }, { score: 0.5, platformId: 'b' })).toBeGreaterThan(0);
  });
});
