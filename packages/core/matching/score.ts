import { DOMAINS, TECHNOLOGIES, label, type Domain, type Technology } from '../taxonomy';
import { conceptProfile, inferNeed, type InferredNeed, type SentenceWeights } from './infer';
import { DEFAULT_LEXICAL, LexicalIndex, type LexicalOptions, type LexicalScore } from './lexical';
import { conceptById } from './thesaurus';
import { trackRecordFit, type TrackRecord, type TrackRecordSettings } from './track-record';
import { cosine } from './vector';
import type { ReasonFactor } from '../schemas/scenario';

export type Factor = ReasonFactor;

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
  /** The solution's own words; indexed lexically and read for concepts. */
  description?: string;
  /** Empty means a cross-industry solution. */
  industries: readonly string[];
  domains: readonly string[];
  technologies: readonly string[];
  vector: Float32Array;
}

export interface CandidatePlatform {
  id: string;
  name: string;
  /** The platform's profile text (name and description). */
  description?: string;
  category: string;
  /** Assessed maturity level 0–3 (0 = not assessed). */
  level: number;
  /** Empty means the platform serves every industry. */
  industries: readonly string[];
  domains: readonly string[];
  technologies: readonly string[];
  /** Leads sent to this platform this month that it has not yet handled. */
  openLeadsThisMonth: number;
  /** What its past leads came to, per domain; absent or empty means no history (factor value 0). */
  trackRecord?: TrackRecord;
  /** How track records are read, with the registry's own rates as prior (registryPrior); defaults if absent. */
  trackSettings?: TrackRecordSettings;
  profileVector?: Float32Array;
  solutions: readonly CandidateSolution[];
}

export interface ScenarioInput {
  /** The manufacturer's words; without them only the ticked fields and the vector count. */
  title?: string;
  description?: string;
  industry: string;
  domains: readonly string[];
  technologies: readonly string[];
  vector: Float32Array;
}

/**
 * Weight per factor; every factor's value is in [0, 1] except exposure, whose value is in [-1, 0],
 * and track record, in [-1, 1] with 0 for no history, so a weight is always the most a factor can
 * move the score.
 */
export interface Weights {
  semantic: number;
  concept: number;
  lexical: number;
  industry: number;
  domain: number;
  technology: number;
  maturity: number;
  exposure: number;
  track_record: number;
}

// Fitted on the tuning part of bench/corpus and the dev set (`npm run bench:match -- --fit`); see
// bench/README.md. Maturity and exposure are policy, not fitted: a level-3 platform gains 0.03 over
// an unrated one, and exposure damping at its cap can reorder near-equal fits but not bury a
// clearly better one. Track record's weight was chosen on the tuning seeds of bench/learning.ts
// (`--tune`): scaled by fit, at ±0.1 it reorders platforms of near-equal fit by what their leads
// came to, never a clear misfit upward; heavier weights lost signatures and raised the Gini there.
export const DEFAULT_WEIGHTS: Weights = Object.freeze({
  semantic: 0.092,
  concept: 0.157,
  lexical: 0.33,
  industry: 0.212,
  domain: 0.148,
  technology: 0.06,
  maturity: 0.03,
  exposure: 0.06,
  track_record: 0.1,
});

export interface RankOptions {
  topK: number;
  minScore: number;
}

/** Share of the semantic value that comes from the platform profile rather than the best solution. */
export const PROFILE_SHARE = 0.15;
/** Industry credit for a solution that names no industry (built to work across industries). */
export const CROSS_INDUSTRY_CREDIT = 0.6;
/** What that credit keeps when the platform's declared industries are all far from the need's. */
export const FOREIGN_PLATFORM_SHARE = 0.7;
/** Open leads at which exposure damping reaches its maximum. */
export const EXPOSURE_CAP = 30;
/** Settings of how text is read, fitted with the weights (bench/match.ts --sweep); sentence weights in infer.ts. */
export interface TextTuning extends SentenceWeights {
  lexical: LexicalOptions;
  /** How much a ticked domain or technology counts when the text points elsewhere (the text wins). */
  unsupportedTick: number;
  /** Inferred domains, technologies and industries weaker than this share of the strongest are ignored. */
  inferredMin: number;
  /** Title words name the need; they count for more than the story around it. */
  titleWeight: number;
  /** What a broad technology tick (ai, big_data, digital_twin…) counts when the text does not ask for it. */
  broadTick: number;
}

export const DEFAULT_TUNING: TextTuning = Object.freeze({
  lexical: DEFAULT_LEXICAL,
  unsupportedTick: 0.35,
  inferredMin: 0.4,
  titleWeight: 1.5,
  background: 0.6,
  otherItems: 0.05,
  listContext: 0.12,
  broadTick: 0.35,
  consequence: 1,
  gloss: 0.5,
  conceptGloss: 1,
  translated: 0.5,
});

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

function industryFitOf(industry: string, platform: CandidatePlatform, solution?: CandidateSolution): Part {
  if (!industry) return { value: 0, text: '需求未注明行业' };
  const platformServes = platform.industries.includes(industry);
  if (solution?.industries.includes(industry)) return { value: 1, text: `行业完全匹配：${industryLabel(industry)}` };
  const solutionCross = solution ? solution.industries.length === 0 : false;
  if (platform.industries.length === 0 && (!solution || solutionCross))
    return { value: 0.8, text: `跨行业平台，服务包括${industryLabel(industry)}在内的各行业` };
  if (solutionCross && platformServes) return { value: 0.8, text: `跨行业通用方案，平台已服务${industryLabel(industry)}` };
  if (!solution && platformServes) return { value: 0.8, text: `平台服务行业包含${industryLabel(industry)}` };
  if (solutionCross) {
    // A general solution from a platform whose declared industries are all elsewhere: it has not
    // served this industry or its neighbours, so it counts less than one with that experience nearby.
    const nearby = platform.industries.length === 0 || platform.industries.some((c) => related(c, industry));
    return nearby ? { value: CROSS_INDUSTRY_CREDIT, text: '跨行业通用方案' } : { value: CROSS_INDUSTRY_CREDIT * FOREIGN_PLATFORM_SHARE, text: `跨行业通用方案（平台服务行业不含${industryLabel(industry)}）` };
  }
  if (platformServes) return { value: 0.6, text: `平台服务${industryLabel(industry)}，该方案主要面向其他行业` };
  if (platform.industries.length === 0) return { value: 0.5, text: '跨行业平台，该方案主要面向其他行业' };
  const near = [...(solution?.industries ?? []), ...platform.industries].find((c) => related(c, industry));
  if (near) return { value: 0.3, text: `相近行业：${industryLabel(near)}` };
  return { value: 0, text: `行业不匹配：需求属${industryLabel(industry)}` };
}

/** The ticked industry, or one the text names more clearly, whichever the platform fits better. */
function industryFit(scenario: ScenarioInput, need: InferredNeed, inferredMin: number, platform: CandidatePlatform, solution?: CandidateSolution): Part {
  let best = industryFitOf(scenario.industry, platform, solution);
  if (need.industries.has(scenario.industry as never)) return best;
  for (const [code, strength] of need.industries) {
    if (strength < inferredMin) continue;
    const f = industryFitOf(code, platform, solution);
    if (f.value * strength > best.value) best = { value: f.value * strength, text: `根据描述推断行业为${industryLabel(code)}；${f.text}` };
  }
  return best;
}

/**
 * What the need asks for in one taxonomy dimension, weighted: what the text says wins; a tick the
 * text supports counts fully, a tick alone counts fully only when the text says nothing there.
 */
function wanted<K extends string>(ticked: readonly string[], inferred: Map<K, number>, t: TextTuning, textSpeaks = false, mainAsk = false): { weights: Map<string, number>; inferred: string[] } {
  const weights = new Map<string, number>();
  const fromText: string[] = [];
  for (const [k, s] of inferred) if (s >= t.inferredMin) weights.set(k, s);
  // A heavyweight technology ticked on a simple need ("ai, big_data, digital_twin" for a paper form)
  // is a wish list, not a requirement: unless the text asks for it, it pulls like a contradicted tick.
  // Without a readable need there is nothing to weigh a tick against, and it counts fully.
  // In a post with a marked main ask, a tick only a side item supports is about the side item.
  const supported = (k: string) => inferred.has(k as K) && (!mainAsk || inferred.get(k as K)! >= t.inferredMin);
  const tickWeight = (k: string) => (supported(k) ? 1 : textSpeaks && BROAD_TECHNOLOGIES.has(k) ? t.broadTick : inferred.size === 0 ? 1 : t.unsupportedTick);
  for (const k of ticked) weights.set(k, tickWeight(k));
  for (const k of weights.keys()) if (!ticked.includes(k)) fromText.push(k);
  return { weights, inferred: fromText };
}

/** Technologies people tick because they sound modern; the text has to ask for them to count fully. */
export const BROAD_TECHNOLOGIES: ReadonlySet<string> = new Set(['ai', 'big_data', 'digital_twin', 'blockchain', '5g', 'xr', 'simulation']);

// Solution coverage counts most because the named solution is what the manufacturer will see;
// platform coverage still matters because a platform can combine its solutions.
const SOLUTION_COVERAGE_SHARE = 0.6;

function coverage(want: Map<string, number>, platformCodes: readonly string[], solutionCodes: readonly string[] | undefined) {
  let total = 0;
  let inSol = 0;
  let inAny = 0;
  const sol = solutionCodes ?? platformCodes;
  const hit: string[] = [];
  const miss: string[] = [];
  for (const [c, w] of want) {
    total += w;
    const s = sol.includes(c);
    const any = s || platformCodes.includes(c);
    if (s) inSol += w;
    if (any) inAny += w;
    (any ? hit : miss).push(c);
  }
  if (total === 0) return { value: 0, hit, miss };
  return { value: (SOLUTION_COVERAGE_SHARE * inSol + (1 - SOLUTION_COVERAGE_SHARE) * inAny) / total, hit, miss };
}

function taxonomyFit(
  kind: 'domain' | 'technology',
  want: { weights: Map<string, number>; inferred: string[] },
  platformCodes: readonly string[],
  solution: CandidateSolution | undefined,
): Part {
  const zh = kind === 'domain' ? { none: '需求未注明业务领域', hit: '覆盖需求领域', miss: '未覆盖', nohit: '未覆盖需求领域' } : { none: '需求未指定技术方向', hit: '具备所需技术', miss: '缺少', nohit: '不具备所需技术' };
  if (want.weights.size === 0) return { value: 0, text: zh.none };
  const c = coverage(want.weights, platformCodes, kind === 'domain' ? solution?.domains : solution?.technologies);
  const order = kind === 'domain' ? domainOrder : techOrder;
  const names = (codes: string[]) => ordered(codes, order).map((d) => label(kind, d)).join('、');
  const inferred = want.inferred.length ? `（根据描述推断：${names(want.inferred)}）` : '';
  if (c.hit.length === 0) return { value: 0, text: `${zh.nohit}：${names(c.miss)}${inferred}` };
  return { value: c.value, text: `${zh.hit}：${names(c.hit)}${c.miss.length ? `；${zh.miss}：${names(c.miss)}` : ''}${inferred}` };
}

const clip = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}…` : text);

/** "主要需求：第2条（共3条，标注“最急”）「…」；" when a post lists several problems and marks one; a told story has no numbers. */
function mainAskText(need: InferredNeed): string {
  const m = need.mainAsk;
  if (!m) return '';
  const which = m.of ? `第${m.items.join('、')}条（共${m.of}条，标注“${m.marker}”）` : `（标注“${m.marker}”）`;
  return `主要需求：${which}「${clip(m.text.replace(/\s+/g, ' '), 24)}」；`;
}

/** "由「电费一个月四十万」推断：能耗监测与计量；" for needs told only through their consequences. */
function consequenceText(need: InferredNeed): string {
  const parts = need.consequences.slice(0, 2).map((c) => `由「${clip(c.phrase, 16)}」推断：${c.concepts.map((id) => conceptById(id)!.zh).join('、')}`);
  return parts.length ? `${parts.join('；')}；` : '';
}

/** Share of the need's concepts (by strength) that the solution, or at half credit its platform, names. */
function conceptFit(need: InferredNeed, profile: ReadonlyMap<string, number> | undefined, solution: ReadonlyMap<string, number> | undefined): Part {
  const excluded = need.excluded.length ? `；已排除：${need.excluded.map((w) => (/^[a-z0-9 ]+$/.test(w) ? w.toUpperCase() : w)).join('、')}` : '';
  if (need.concepts.size === 0) return { value: 0, text: `描述中未识别出明确的需求要点${excluded}` };
  let total = 0;
  let got = 0;
  const hit: [string, number][] = [];
  for (const [id, s] of need.concepts) {
    total += s;
    const credit = solution?.has(id) ? 1 : profile?.has(id) ? 0.5 : 0;
    got += s * credit;
    if (credit) hit.push([id, s]);
  }
  const names = hit.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => conceptById(id)!.zh);
  return {
    value: got / total,
    text: `${mainAskText(need)}${consequenceText(need)}${names.length ? `需求要点对应：${names.join('、')}${excluded}` : `未对应需求要点${excluded}`}`,
  };
}

function lexicalFit(score: LexicalScore | undefined): Part {
  if (!score || score.value === 0) return { value: 0, text: '与平台方案无共同关键词' };
  return { value: score.value, text: `关键词重合：${score.terms.map((t) => (/^[a-z0-9]+$/.test(t) ? t.toUpperCase() : t)).join('、')}` };
}

/**
 * What ranking reads from the registry beyond each platform's own fields: the lexical index and
 * every text's concepts. Built once per registry snapshot.
 */
export interface MatchIndex {
  tuning: TextTuning;
  lexical: LexicalIndex;
  concepts: Map<string, ReadonlyMap<string, number>>;
}

const profileKey = (platformId: string) => `platform:${platformId}`;

export function indexPlatforms(platforms: readonly Omit<CandidatePlatform, 'openLeadsThisMonth'>[], tuning: TextTuning = DEFAULT_TUNING): MatchIndex {
  const concepts = new Map<string, ReadonlyMap<string, number>>();
  for (const p of platforms) {
    // The platform as a whole (profile and every solution): what it could combine for a need.
    const whole = new Map(conceptProfile(`${p.name}\n${p.description ?? ''}`));
    for (const s of p.solutions) {
      const own = conceptProfile(`${s.title}\n${s.description ?? ''}`);
      concepts.set(s.id, own);
      for (const [id, v] of own) whole.set(id, Math.max(whole.get(id) ?? 0, v));
    }
    concepts.set(profileKey(p.id), whole);
  }
  const lexical = new LexicalIndex(
    platforms.map((p) => ({
      id: p.id,
      profile: `${p.name}\n${p.description ?? ''}`,
      titles: p.solutions.map((s) => s.title),
      texts: p.solutions.map((s) => s.description ?? ''),
    })),
    tuning.lexical,
  );
  return { tuning, lexical, concepts };
}

/**
 * The domains a need is about: the ticks the text supports plus what the text names. Outcomes of a
 * lead are credited to these (a scenario may tick none).
 */
export function needDomains(scenario: Pick<ScenarioInput, 'title' | 'description' | 'domains'>, tuning: TextTuning = DEFAULT_TUNING): string[] {
  const need = inferNeed(scenario.title ?? '', scenario.description ?? '', tuning);
  const { weights } = wanted(scenario.domains, need.domains, tuning);
  // A tick the text contradicts (weighted down to unsupportedTick) is not what the lead was about.
  return ordered([...weights].filter(([, v]) => v > tuning.unsupportedTick).map(([d]) => d), domainOrder);
}

/** A scenario read once: what its text needs, and how each platform's words meet it. */
export interface PreparedScenario {
  input: ScenarioInput;
  need: InferredNeed;
  lexical: Map<string, LexicalScore>;
}

export function prepareScenario(scenario: ScenarioInput, index: MatchIndex): PreparedScenario {
  const need = inferNeed(scenario.title ?? '', scenario.description ?? '', index.tuning);
  const [title, ...rest] = need.sentences;
  const lexical = need.text.trim()
    ? index.lexical.score([...rest, ...(title ? [{ text: title.text, weight: index.tuning.titleWeight }] : []), ...need.gloss])
    : new Map<string, LexicalScore>();
  return { input: scenario, need, lexical };
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

const FIT_FACTORS: readonly Factor[] = ['semantic', 'concept', 'lexical', 'industry', 'domain', 'technology'];

/** How well a platform fits the need, 0–1: its weighted fit factors over their total weight. */
export function fitShare(parts: readonly { factor: Factor; value: number }[], weights: Weights): number {
  const total = FIT_FACTORS.reduce((s, f) => s + weights[f], 0);
  const fit = total > 0 ? parts.reduce((s, p) => s + (FIT_FACTORS.includes(p.factor) ? weights[p.factor] * p.value : 0), 0) / total : 0;
  return Math.max(0, Math.min(1, fit));
}

/**
 * A track record scales with how well the platform fits this need: expected signatures are fit
 * times the platform's way with leads, so a good record lifts a fitting platform among its peers
 * but cannot carry a misfit past a fit.
 */
function scaledByFit(track: Part, parts: readonly [Factor, Part][], weights: Weights): Part {
  if (track.value === 0) return track;
  return { value: track.value * fitShare(parts.map(([factor, p]) => ({ factor, value: p.value })), weights), text: track.text };
}

/** Scores one platform through its best-fitting solution; `score` is exactly Σ weight × value. */
export function scorePlatform(
  scenario: ScenarioInput | PreparedScenario,
  platform: CandidatePlatform,
  weights: Weights = DEFAULT_WEIGHTS,
  index: MatchIndex = indexPlatforms([platform]),
): Match {
  const prepared = 'need' in scenario ? scenario : prepareScenario(scenario, index);
  const { input, need } = prepared;
  const domainsWanted = wanted(input.domains, need.domains, index.tuning, need.concepts.size > 0, !!need.mainAsk);
  const techWanted = wanted(input.technologies, need.technologies, index.tuning, need.concepts.size > 0, !!need.mainAsk);
  const profileConcepts = index.concepts.get(profileKey(platform.id));
  const fitOf = (solution?: CandidateSolution) => {
    const semantic = semanticFit(input, platform, solution);
    const concept = conceptFit(need, profileConcepts, solution ? index.concepts.get(solution.id) : profileConcepts);
    const industry = industryFit(input, need, index.tuning.inferredMin, platform, solution);
    const domain = taxonomyFit('domain', domainsWanted, platform.domains, solution);
    const technology = taxonomyFit('technology', techWanted, platform.technologies, solution);
    const partial =
      weights.semantic * semantic.value +
      weights.concept * concept.value +
      weights.industry * industry.value +
      weights.domain * domain.value +
      weights.technology * technology.value;
    return { solution, semantic, concept, industry, domain, technology, partial };
  };

  // The solution shown to the user is the one that fits best overall, not merely the closest text.
  let best = fitOf(platform.solutions[0]);
  for (const s of platform.solutions.slice(1)) {
    const f = fitOf(s);
    if (f.partial > best.partial) best = f;
  }

  const parts: [Factor, Part][] = [
    ['semantic', best.semantic],
    ['concept', best.concept],
    ['lexical', lexicalFit(prepared.lexical.get(platform.id))],
    ['industry', best.industry],
    ['domain', best.domain],
    ['technology', best.technology],
    ['maturity', maturityFit(platform.level)],
    ['exposure', exposurePenalty(platform.openLeadsThisMonth)],
  ];
  parts.push(['track_record', scaledByFit(trackRecordFit(platform.trackRecord, domainsWanted.weights, platform.trackSettings), parts, weights)]);
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

/**
 * Ranks the platforms for a scenario. Pass the index built for the registry the platforms come
 * from; lexical scores are relative to the best platform in that index.
 */
export function rank(
  scenario: ScenarioInput,
  platforms: readonly CandidatePlatform[],
  weights: Weights = DEFAULT_WEIGHTS,
  opts: RankOptions = { topK: 5, minScore: 0 },
  index: MatchIndex = indexPlatforms(platforms),
): Match[] {
  const prepared = prepareScenario(scenario, index);
  return platforms
    .map((p) => scorePlatform(prepared, p, weights, index))
    .filter((m) => m.score >= opts.minScore)
    .sort(compareMatches)
    .slice(0, Math.max(0, opts.topK));
}
