import { DEFAULT_WEIGHTS, indexPlatforms, rank, type CandidatePlatform, type MatchIndex, type Weights } from '#core/matching/score';
import type { MatchItem, Scenario } from '#core/schemas/scenario';
import { allPlatforms, allSolutions, getPlatform, listSolutions, registryVersion, type PlatformRecord } from '#db/platforms';
import { monthOf, openLeadsByPlatform, trackRecords, trackVersion } from '#db/leads';
import { registryPrior, type TrackCounts, type TrackRecordSettings } from '#core/matching/track-record';
import { allScenariosByStatus, getMatches, getScenario, putMatchesOnce, replaceMatches, transitionScenario, type StoredMatches } from '#db/scenarios';
import type { MatchMessage } from '#queue/messages';
import { markPairingsDue } from '#db/pairings';
import type { Deps } from '#runtime/deps';
import type { Solution } from '#core/schemas/solution';
import { nowIso, storeOf } from './store';
import { platformText, scenarioText, solutionText } from './texts';
import { embedCached } from './vectors';

/** How long a published scenario keeps attracting late-registered platforms. */
export const OPEN_WINDOW_DAYS = 90;
/** Matches kept per scenario (the API's max K); leads come from the top K of these. */
const KEEP = 20;

export function weightsOf(deps: Deps): Weights {
  return deps.settings.MATCH_WEIGHTS ? { ...DEFAULT_WEIGHTS, ...JSON.parse(deps.settings.MATCH_WEIGHTS) } : DEFAULT_WEIGHTS;
}

/** Platforms with their solutions and vectors, ready for `rank`. */
async function candidates(deps: Deps, platforms: PlatformRecord[], solutions: Solution[]): Promise<Omit<CandidatePlatform, 'openLeadsThisMonth'>[]> {
  const byPlatform = new Map<string, Solution[]>();
  for (const sol of solutions) byPlatform.set(sol.platformId, [...(byPlatform.get(sol.platformId) ?? []), sol]);
  const texts = [...platforms.map(platformText), ...solutions.map(solutionText)];
  const { vectors } = await embedCached(deps, texts);
  const profileVec = new Map(platforms.map((p, i) => [p.id, vectors[i]!]));
  const solutionVec = new Map(solutions.map((s, i) => [s.id, vectors[platforms.length + i]!]));
  return platforms.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    category: p.category,
    level: p.level,
    industries: p.industries,
    domains: p.domains,
    technologies: p.technologies,
    profileVector: profileVec.get(p.id),
    solutions: (byPlatform.get(p.id) ?? []).map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      industries: s.industries,
      domains: s.domains,
      technologies: s.technologies,
      vector: solutionVec.get(s.id)!,
    })),
  }));
}

/** What the ranking reads of a need: a posted scenario, or words typed into a search box. */
export type Need = Pick<Scenario, 'title' | 'description' | 'domains' | 'technologies'> & { industry: string };

async function needInput(deps: Deps, sc: Need) {
  const { vectors } = await embedCached(deps, [scenarioText(sc)]);
  return { title: sc.title, description: sc.description, industry: sc.industry, domains: sc.domains, technologies: sc.technologies, vector: vectors[0]! };
}

// The registry with its vectors, per Deps (i.e. per process), reused while the registry version is
// unchanged: a burst of publishes ranks against one snapshot (one GetItem per scenario) instead of
// re-reading every platform and solution for each.
interface Registry {
  platforms: Omit<CandidatePlatform, 'openLeadsThisMonth'>[];
  /** Lexical index and concepts of every text, built once per snapshot. */
  index: MatchIndex;
}
const registryCache = new WeakMap<Deps, { version: number; value: Promise<Registry> }>();

async function registry(deps: Deps): Promise<Registry> {
  const s = storeOf(deps);
  const version = await registryVersion(s);
  const hit = registryCache.get(deps);
  if (hit && hit.version === version) return hit.value;
  const value = Promise.all([allPlatforms(s), allSolutions(s)])
    .then(([platforms, solutions]) => candidates(deps, platforms, solutions))
    .then((platforms) => ({ platforms, index: indexPlatforms(platforms) }));
  registryCache.set(deps, { version, value });
  value.catch(() => registryCache.delete(deps));
  return value;
}

// Outcome counters (track record) per Deps, reused while their version item is unchanged: one
// GetItem per scenario once warm. The version is bumped after each counted move; a bump lost to a
// crash is covered by the age limit.
// The registry's own rates (registryPrior) are computed with them, once per load.
interface Records {
  records: Map<string, Map<string, TrackCounts>>;
  settings: TrackRecordSettings;
}
const TRACK_MAX_AGE_MS = 10 * 60_000;
const trackCache = new WeakMap<Deps, { version: number; loadedAt: number; value: Promise<Records> }>();

async function outcomes(deps: Deps): Promise<Records> {
  const s = storeOf(deps);
  const version = await trackVersion(s);
  const hit = trackCache.get(deps);
  const now = deps.now().getTime();
  if (hit && hit.version === version && now - hit.loadedAt < TRACK_MAX_AGE_MS) return hit.value;
  const value = trackRecords(s).then((records) => ({ records, settings: registryPrior(records.values()) }));
  trackCache.set(deps, { version, loadedAt: now, value });
  value.catch(() => trackCache.delete(deps));
  return value;
}

/**
 * Ranks the platforms for a need (best `topK`, or only those `only` admits); pure apart from loading
 * inputs. Matching, proposals and search by need all score with this one function, so their
 * scores and reasons are on one scale.
 */
export async function rankNeed(deps: Deps, need: Need, o: { topK?: number; only?: (platformId: string, level: number) => boolean } = {}): Promise<MatchItem[]> {
  const [reg, open, track] = await Promise.all([registry(deps), openLeadsByPlatform(storeOf(deps), monthOf(nowIso(deps))), outcomes(deps)]);
  // Exposure changes with every lead, so it is read fresh for each scenario.
  const cands = reg.platforms
    .filter((c) => !o.only || o.only(c.id, c.level))
    .map((c) => ({ ...c, openLeadsThisMonth: open.get(c.id) ?? 0, trackRecord: track.records.get(c.id), trackSettings: track.settings }));
  return rank(await needInput(deps, need), cands, weightsOf(deps), { topK: o.topK ?? KEEP, minScore: -Infinity }, reg.index);
}

export const rankScenario = (deps: Deps, sc: Scenario): Promise<MatchItem[]> => rankNeed(deps, sc);

function selectLeads(deps: Deps, items: MatchItem[]): string[] {
  return items
    .filter((m) => m.score >= deps.settings.MATCH_MIN_SCORE)
    .slice(0, deps.settings.MATCH_TOP_K)
    .map((m) => m.platformId);
}

/**
 * The match consumer. A scenario in `matching` gets its ranking written once per run (a re-driven
 * run reuses the stored list, so the selected platforms never change under a retry), then one
 * pairing message per selected platform, then `matching → matched`. The status moves last: if the
 * process dies before, the reconciler re-drives and the pairings are re-sent to idempotent puts.
 */
export async function runMatch(deps: Deps, msg: MatchMessage): Promise<void> {
  if (msg.type === 'MatchOpenScenarios') return matchLatePlatform(deps, msg.platformId);
  const s = storeOf(deps);
  const sc = await getScenario(s, msg.scenarioId);
  if (!sc || sc.status !== 'matching') return;
  const run = sc.version;
  let stored = await getMatches(s, sc.id);
  if (!stored || stored.run !== run) {
    const items = await rankScenario(deps, sc);
    // A smoke test is ranked like any scenario (its matches are what it checks) but selects no one: no platform gets a lead.
    stored = await putMatchesOnce(s, { scenarioId: sc.id, run, items, selected: sc.smokeTest ? [] : selectLeads(deps, items), computedAt: nowIso(deps) });
  }
  const pairings = stored.selected.map((platformId) => ({ type: 'Pairing' as const, scenarioId: sc.id, platformId }));
  await markPairingsDue(s, `scenario:${sc.id}:${run}`, pairings, nowIso(deps));
  await deps.publisher.sendBatch('pairing', pairings);
  await transitionScenario(s, sc.id, ['matching'], 'matched', nowIso(deps), { matchedAt: nowIso(deps) });
  deps.log.info('matched', { scenarioId: sc.id, candidates: stored.items.length, leads: stored.selected.length });
}

/**
 * A platform registered or changed its solutions: score it against every scenario still open and
 * matched within the window, and add it as a lead where it would have made the cut.
 */
async function matchLatePlatform(deps: Deps, platformId: string): Promise<void> {
  const s = storeOf(deps);
  const platform = await getPlatform(s, platformId);
  if (!platform) return;
  const since = new Date(deps.now().getTime() - OPEN_WINDOW_DAYS * 86_400_000).toISOString();
  const open = (await allScenariosByStatus(s, 'matched')).filter((sc) => (sc.publishedAt ?? sc.createdAt) >= since);
  if (!open.length) return;
  // Scored within the whole registry, so its lexical fit is relative to the same field as everyone's.
  const reg = await registry(deps);
  let base = reg.platforms.find((p) => p.id === platformId);
  let index = reg.index;
  if (!base) {
    [base] = await candidates(deps, [platform], await listSolutions(s, platformId));
    index = indexPlatforms([...reg.platforms, base!]);
  }
  const [openLeads, track] = await Promise.all([openLeadsByPlatform(s, monthOf(nowIso(deps))), outcomes(deps)]);
  const cand = { ...base!, openLeadsThisMonth: openLeads.get(platformId) ?? 0, trackRecord: track.records.get(platformId), trackSettings: track.settings };
  const weights = weightsOf(deps);
  for (const sc of open) {
    const [m] = rank(await needInput(deps, sc), [cand], weights, { topK: 1, minScore: -Infinity }, index);
    if (!m) continue;
    for (let attempt = 0; attempt < 5; attempt++) {
      const stored = await getMatches(s, sc.id);
      if (!stored || stored.selected.includes(platformId)) break;
      const next = mergeLate(deps, stored, m);
      if (!next) break;
      if (await replaceMatches(s, next, stored.selected.length)) {
        const pairing = { type: 'Pairing' as const, scenarioId: sc.id, platformId };
        await markPairingsDue(s, `late:${sc.id}:${platformId}`, [pairing], nowIso(deps));
        await deps.publisher.send('pairing', pairing);
        break;
      }
    }
  }
}

/** The late platform joins the leads if it clears the bar and beats the weakest selected one. */
function mergeLate(deps: Deps, stored: StoredMatches, m: MatchItem): StoredMatches | null {
  if (m.score < deps.settings.MATCH_MIN_SCORE) return null;
  const selectedScores = stored.items.filter((i) => stored.selected.includes(i.platformId)).map((i) => i.score);
  const weakest = selectedScores.length ? Math.min(...selectedScores) : -Infinity;
  if (stored.selected.length >= deps.settings.MATCH_TOP_K && m.score <= weakest) return null;
  const items = [...stored.items.filter((i) => i.platformId !== m.platformId), m]
    .sort((a, b) => b.score - a.score || a.platformId.localeCompare(b.platformId))
    .slice(0, KEEP);
  return { ...stored, items, selected: [...stored.selected, m.platformId] };
}
