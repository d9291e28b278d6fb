import { DOMAINS, TECHNOLOGIES, label } from '../taxonomy';
import { cosine } from './vector';

export type Factor = 'semantic' | 'industry' | 'domain' | 'technology' | 'maturity' | 'exposure';

export interface Reason {
  factor: Factor;
  weight: number;
  value: number;
  /** One zh-CN sentence shown to the manufacturer and the platform. */
  text: string;
}

export interface Match {
  platformId: string;
  platformName: string;
  score: number;
  solutionId?: string;
  reasons: Reason[];
}

export interface CandidateSolution {
  id: string;
  title: string;
  /** Empty means a cross-industry solution. */
  industries: readonly string[];
  domains: readonly string[];
  technologies: readonly string[];
  vector: Float32Array;
}

export interface CandidatePlatform {
  id: string;
  name: string;
  category: string;
  /** Assessed maturity level 0–3 (0 = not assessed). */
  level: number;
  industries: readonly string[];
  domains: readonly string[];
  technologies: readonly string[];
  /** Leads sent to this platform this month that it has not yet handled. */
  openLeadsThisMonth: number;
  profileVector?: Float32Array;
  solutions: readonly CandidateSolution[];
}

export interface ScenarioInput {
  industry: string;
  domains: readonly string[];
  technologies: readonly string[];
  vector: Float32Array;
}

/**
 * Weight per factor; every factor's value is in [0, 1] except exposure, whose value is in [-1, 0],
 * so a weight is always the most a factor can move the score.
 */
export interface Weights {
  semantic: number;
  industry: number;
  domain: number;
  technology: number;
  maturity: number;
  exposure: number;
}

// Meaning first: the manufacturer's own words carry the most information; the structured fields
// they ticked confirm it (a requested technology is an explicit ask, hence its sizeable weight).
// Maturity is deliberately tiny (a level-3 platform gains 0.03 over an unrated one), and exposure
// damping at its cap (0.06) can reorder near-equal fits but not bury a clearly better one.
// Unrelated platforms that merely share a domain land around 0.2–0.3, strong fits above 0.5.
export const DEFAULT_WEIGHTS: Weights = Object.freeze({
  semantic: 0.5,
  industry: 0.15,
  domain: 0.25,
  technology: 0.12,
  maturity: 0.03,
  exposure: 0.06,
});

export interface RankOptions {
  topK: number;
  minScore: number;
}

/** Share of the semantic value that comes from the platform profile rather than the best solution. */
export const PROFILE_SHARE = 0.15;
/** Industry credit for a solution that names no industry (built to work across industries). */
export const CROSS_INDUSTRY_CREDIT = 0.6;
/** Open leads at which exposure damping reaches its maximum. */
export const EXPOSURE_CAP = 30;

// Divisions close enough that experience transfers in part (same GB/T section neighbourhood).
const INDUSTRY_FAMILIES: readonly (readonly string[])[] = [
  ['C13', 'C14', 'C15', 'C16'],
  ['C17', 'C18', 'C19'],
  ['C20', 'C21', 'C22', 'C23', 'C24'],
  ['C25', 'C26', 'C27', 'C28', 'C29'],
  ['C30', 'C31', 'C32', 'C33'],
  ['C34', 'C35', 'C36', 'C37', 'C43'],
  ['C38', 'C39', 'C40'],
  ['G55', 'G59'],
  ['I63', 'I64', 'I65'],
];
const FAMILY = new Map<string, number>();
INDUSTRY_FAMILIES.forEach((f, i) => f.forEach((c) => FAMILY.set(c, i)));

const related = (a: string, b: string) => FAMILY.has(a) && FAMILY.get(a) === FAMILY.get(b);

const industryLabel = (code: string) => `${code} ${label('industry', code)}`;
const domainOrder = new Map<string, number>(DOMAINS.map((d, i) => [d.code, i]));
const techOrder = new Map<string, number>(TECHNOLOGIES.map((t, i) => [t.code, i]));
const ordered = (codes: Iterable<string>, order: Map<string, number>) =>
  [...codes].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99) || a.localeCompare(b));

interface Part {
  value: number;
  text: string;
}

function industryFit(industry: string, platform: CandidatePlatform, solution?: CandidateSolution): Part {
  if (!industry) return { value: 0, text: '需求未注明行业' };
  const platformServes = platform.industries.includes(industry);
  if (solution?.industries.includes(industry)) return { value: 1, text: `行业完全匹配：${industryLabel(industry)}` };
  const cross = solution ? solution.industries.length === 0 : platform.industries.length === 0;
  if (cross && platformServes)
    return { value: 0.8, text: `跨行业通用方案，平台已服务${industryLabel(industry)}` };
  if (!solution && platformServes) return { value: 0.8, text: `平台服务行业包含${industryLabel(industry)}` };
  if (cross) return { value: CROSS_INDUSTRY_CREDIT, text: '跨行业通用方案' };
  if (platformServes)
    return { value: 0.6, text: `平台服务${industryLabel(industry)}，该方案主要面向其他行业` };
  const near = [...(solution?.industries ?? []), ...platform.industries].find((c) => related(c, industry));
  if (near) return { value: 0.3, text: `相近行业：${industryLabel(near)}` };
  return { value: 0, text: `行业不匹配：需求属${industryLabel(industry)}` };
}

// Solution coverage counts most because the named solution is what the manufacturer will see;
// platform coverage still matters because a platform can combine its solutions.
const SOLUTION_COVERAGE_SHARE = 0.6;

function coverage(
  wanted: readonly string[],
  platformCodes: readonly string[],
  solutionCodes: readonly string[] | undefined,
): { value: number; hit: string[]; miss: string[] } {
  if (wanted.length === 0) return { value: 0, hit: [], miss: [] };
  const sol = solutionCodes ?? platformCodes;
  const inSol = wanted.filter((c) => sol.includes(c)).length / wanted.length;
  const inPlat = wanted.filter((c) => platformCodes.includes(c) || sol.includes(c)).length / wanted.length;
  const hit = wanted.filter((c) => platformCodes.includes(c) || sol.includes(c));
  return {
    value: SOLUTION_COVERAGE_SHARE * inSol + (1 - SOLUTION_COVERAGE_SHARE) * inPlat,
    hit,
    miss: wanted.filter((c) => !hit.includes(c)),
  };
}

function domainFit(wanted: readonly string[], platform: CandidatePlatform, solution?: CandidateSolution): Part {
  if (wanted.length === 0) return { value: 0, text: '需求未注明业务领域' };
  const c = coverage(wanted, platform.domains, solution?.domains);
  const names = (codes: string[]) => ordered(codes, domainOrder).map((d) => label('domain', d)).join('、');
  if (c.hit.length === 0) return { value: 0, text: `未覆盖需求领域：${names(c.miss)}` };
  const text = `覆盖需求领域：${names(c.hit)}${c.miss.length ? `；未覆盖：${names(c.miss)}` : ''}`;
  return { value: c.value, text };
}

function technologyFit(wanted: readonly string[], platform: CandidatePlatform, solution?: CandidateSolution): Part {
  if (wanted.length === 0) return { value: 0, text: '需求未指定技术方向' };
  const c = coverage(wanted, platform.technologies, solution?.technologies);
  const names = (codes: string[]) => ordered(codes, techOrder).map((t) => label('technology', t)).join('、');
  if (c.hit.length === 0) return { value: 0, text: `不具备所需技术：${names(c.miss)}` };
  const text = `具备所需技术：${names(c.hit)}${c.miss.length ? `；缺少：${names(c.miss)}` : ''}`;
  return { value: c.value, text };
}

const LEVEL_ZH = ['零', '一', '二', '三'];

function maturityFit(level: number): Part {
  const l = Math.max(0, Math.min(3, Math.round(level)));
  if (l === 0) return { value: 0, text: '平台暂无成熟度评级，不加分' };
  return { value: l / 3, text: `平台成熟度${LEVEL_ZH[l]}级，${l === 3 ? '适度' : '小幅'}加分` };
}

function exposurePenalty(openLeads: number): Part {
  const n = Math.max(0, Math.floor(openLeads));
  if (n === 0) return { value: 0, text: '本月暂无未处理线索，不降权' };
  // Logarithmic so the first few leads barely matter and a flood of them saturates at the cap.
  const damp = Math.min(1, Math.log1p(n) / Math.log1p(EXPOSURE_CAP));
  return { value: -damp, text: `本月已有 ${n} 条未处理线索，适度降权以保证公平曝光` };
}

function semanticFit(scenario: ScenarioInput, platform: CandidatePlatform, solution?: CandidateSolution): Part {
  const profile = platform.profileVector ? Math.max(0, cosine(scenario.vector, platform.profileVector)) : undefined;
  if (!solution) {
    const sim = profile ?? 0;
    return { value: sim, text: `与平台简介语义相似度 ${sim.toFixed(2)}` };
  }
  const sim = Math.max(0, cosine(scenario.vector, solution.vector));
  const value = profile === undefined ? sim : (1 - PROFILE_SHARE) * sim + PROFILE_SHARE * profile;
  // The sentence quotes the solution's own similarity: that is the number a reader can check.
  return { value, text: `与解决方案「${solution.title}」语义相似度 ${sim.toFixed(2)}` };
}

/** Scores one platform through its best-fitting solution; `score` is exactly Σ weight × value. */
export function scorePlatform(scenario: ScenarioInput, platform: CandidatePlatform, weights: Weights = DEFAULT_WEIGHTS): Match {
  const fitOf = (solution?: CandidateSolution) => {
    const semantic = semanticFit(scenario, platform, solution);
    const industry = industryFit(scenario.industry, platform, solution);
    const domain = domainFit(scenario.domains, platform, solution);
    const technology = technologyFit(scenario.technologies, platform, solution);
    const partial =
      weights.semantic * semantic.value +
      weights.industry * industry.value +
      weights.domain * domain.value +
      weights.technology * technology.value;
    return { solution, semantic, industry, domain, technology, partial };
  };

  // The solution shown to the user is the one that fits best overall, not merely the closest text.
  let best = fitOf(platform.solutions[0]);
  for (const s of platform.solutions.slice(1)) {
    const f = fitOf(s);
    if (f.partial > best.partial) best = f;
  }

  const parts: [Factor, Part][] = [
    ['semantic', best.semantic],
    ['industry', best.industry],
    ['domain', best.domain],
    ['technology', best.technology],
    ['maturity', maturityFit(platform.level)],
    ['exposure', exposurePenalty(platform.openLeadsThisMonth)],
  ];
  const reasons: Reason[] = parts.map(([factor, p]) => ({ factor, weight: weights[factor], value: p.value, text: p.text }));
  const score = reasons.reduce((s, r) => s + r.weight * r.value, 0);
  return {
    platformId: platform.id,
    platformName: platform.name,
    score,
    ...(best.solution ? { solutionId: best.solution.id } : {}),
    reasons,
  };
}

/** Best first; equal scores fall back to platform id so repeated runs list ties identically. */
export function compareMatches(a: Pick<Match, 'score' | 'platformId'>, b: Pick<Match, 'score' | 'platformId'>): number {
  return b.score - a.score || (a.platformId < b.platformId ? -1 : a.platformId > b.platformId ? 1 : 0);
}

export function rank(
  scenario: ScenarioInput,
  platforms: readonly CandidatePlatform[],
  weights: Weights = DEFAULT_WEIGHTS,
  opts: RankOptions = { topK: 5, minScore: 0 },
): Match[] {
  return platforms
    .map((p) => scorePlatform(scenario, p, weights))
    .filter((m) => m.score >= opts.minScore)
    .sort(compareMatches)
    .slice(0, Math.max(0, opts.topK));
}
