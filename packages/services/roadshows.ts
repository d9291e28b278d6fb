import { forbidden, invalid, notFound } from '#core/errors';
import { composeTimedAgenda, eventSlots } from '#core/roadshow/timed';
import { isEvent, shanghaiDate, type AgendaEntry } from '#core/schemas/roadshow';
import { newId } from '#core/ids';
import type { Principal } from '#core/principal';
import { hosts } from '#core/roadshow/hosts';
import { composeAgenda } from '#core/roadshow/solver';
import type { Roadshow, RoadshowInput } from '#core/schemas/roadshow';
import type { Scenario } from '#core/schemas/scenario';
import { getPlatforms } from '#db/platforms';
import * as repo from '#db/roadshows';
import { allScenariosByStatus, getMatches, getScenario } from '#db/scenarios';
import type { RoadshowMessage } from '#queue/messages';
import { markPairingsDue } from '#db/pairings';
import type { Deps } from '#runtime/deps';
import { nowIso, storeOf } from './store';

export async function createRoadshow(deps: Deps, who: Principal, input: RoadshowInput): Promise<Roadshow> {
  if (who.role !== 'bureau' && who.role !== 'district') throw forbidden();
  // A district hosts events (a date, a place) in its own region; the untimed agenda is the city's.
  if (who.role === 'district' && (input.startsAt === undefined || input.venue?.region !== who.district))
    throw invalid('venue.region', `区（市）只能在本区（市）举办有时间和场地的活动（${who.district}） / A district hosts dated events in its own region (${who.district})`);
  const at = nowIso(deps);
  const event = input.startsAt !== undefined;
  const utc = (x?: string) => (x === undefined ? undefined : new Date(x).toISOString());
  const times = event
    ? {
        kind: input.kind ?? 'roadshow',
        startsAt: utc(input.startsAt),
        endsAt: utc(input.endsAt),
        rsvpBy: utc(input.rsvpBy),
        breaks: (input.breaks ?? []).map((b) => ({ ...b, startsAt: utc(b.startsAt)!, endsAt: utc(b.endsAt)! })),
        date: input.date ?? shanghaiDate(input.startsAt!),
      }
    : {};
  if (event) {
    if (!(at < times.rsvpBy!)) throw invalid('rsvpBy', '回复截止时间须晚于现在 / rsvpBy must be in the future');
    if (eventSlots({ startsAt: times.startsAt!, endsAt: times.endsAt!, slotMinutes: input.slotMinutes!, breaks: times.breaks }).length === 0)
      throw invalid('slotMinutes', '活动时间内排不下一个时段 / Not one slot fits between startsAt and endsAt (breaks excluded)');
  }
  const r: Roadshow = {
    ...input,
    ...times,
    id: newId('rs', deps.now().getTime()),
    status: 'composing',
    agenda: [],
    createdAt: at,
    ...(event ? { history: [{ status: 'composing' as const, at }], version: 0, registered: 0, waitlisted: 0 } : {}),
    ...(who.role === 'district' ? { hostDistrict: who.district } : {}),
  };
  await repo.createRoadshow(storeOf(deps), r);
  await deps.publisher.send('roadshow', { type: 'ComposeRoadshow', roadshowId: r.id });
  return r;
}

export async function readRoadshow(deps: Deps, who: Principal, id: string): Promise<Roadshow> {
  // The host's view, with scores and the wait list; invitees read theirs at GET /v1/my/roadshows.
  if (who.role !== 'bureau' && who.role !== 'district') throw forbidden();
  const r = await repo.getRoadshow(storeOf(deps), id);
  if (!r || !hosts(who, r)) throw notFound('路演 roadshow');
  return r;
}

async function eligibleScenarios(deps: Deps, r: Roadshow): Promise<Scenario[]> {
  const s = storeOf(deps);
  // A district's event pairs its own region's scenarios only.
  const ours = (sc: Scenario) => !r.hostDistrict || sc.region === r.hostDistrict;
  if (r.scenarioIds?.length) {
    const found = await Promise.all(r.scenarioIds.map((id) => getScenario(s, id)));
    return found.filter((sc): sc is Scenario => !!sc && sc.status === 'matched' && ours(sc));
  }
  return (await allScenariosByStatus(s, 'matched')).filter(
    (sc) =>
      ours(sc) &&
      (!r.industries?.length || r.industries.includes(sc.industry)) &&
      (!r.domains?.length || sc.domains.some((d) => r.domains!.includes(d))),
  );
}

/**
 * The roadshow consumer: picks scenarios and platforms from their match lists to maximise total
 * match score under the capacity limits (exact solver), stores the agenda once, then invites each
 * platform with a lead marked with the roadshow.
 */
export async function runRoadshow(deps: Deps, msg: RoadshowMessage): Promise<void> {
  const s = storeOf(deps);
  let r = await repo.getRoadshow(s, msg.roadshowId);
  if (!r) return;
  if (r.status === 'composing') {
    const scenarios = await eligibleScenarios(deps, r);
    const matches = await Promise.all(scenarios.map((sc) => getMatches(s, sc.id)));
    const minScore = deps.settings.MATCH_MIN_SCORE;
    if (isEvent(r)) {
      await composeEvent(deps, r, scenarios, matches.map((m) => (m?.items ?? []).filter((x) => x.score >= minScore)));
      return; // events invite at publish and make leads at close, not at composition
    }
    const plan = composeAgenda({
      scenarios: scenarios.map((sc, i) => ({
        id: sc.id,
        candidates: (matches[i]?.items ?? []).filter((m) => m.score >= minScore).map((m) => ({ platformId: m.platformId, score: m.score })),
      })),
      maxScenarios: r.maxScenarios,
      platformsPerScenario: r.platformsPerScenario,
      maxSlotsPerPlatform: r.maxSlotsPerPlatform,
    });
    // Names of the invited platforms only: reading the whole registry here made every roadshow's
    // capacity grow with the number of platforms.
    const invited = plan.agenda.flatMap((a) => a.platforms.map((p) => p.platformId));
    const names = new Map((await getPlatforms(s, invited)).map((p) => [p.id, p.name]));
    const titles = new Map(scenarios.map((sc) => [sc.id, sc.title]));
    const agenda = plan.agenda.map((a) => ({
      scenarioId: a.scenarioId,
      scenarioTitle: titles.get(a.scenarioId) ?? a.scenarioId,
      platforms: a.platforms.map((p) => ({ platformId: p.platformId, platformName: names.get(p.platformId) ?? p.platformId, score: p.score })),
    }));
    await repo.completeRoadshow(s, r.id, {
      agenda,
      totalScore: plan.totalScore,
      optimal: plan.optimal,
      unassignedScenarioIds: plan.unassignedScenarioIds,
      composedAt: nowIso(deps),
    });
    r = (await repo.getRoadshow(s, r.id))!;
  }
  if (isEvent(r)) return;
  const invites = r.agenda.flatMap((a) => a.platforms.map((p) => ({ type: 'Pairing' as const, scenarioId: a.scenarioId, platformId: p.platformId, roadshowId: r!.id })));
  await markPairingsDue(s, `roadshow:${r.id}`, invites, nowIso(deps));
  await deps.publisher.sendBatch('pairing', invites);
}

export async function listRoadshows(deps: Deps, who: Principal) {
  if (who.role !== 'bureau' && who.role !== 'district') throw forbidden();
  return (await repo.allRoadshows(storeOf(deps))).filter((r) => hosts(who, r));
}

/** An event's agenda: rooms × time slots (timed solver), clock times on every entry. */
async function composeEvent(deps: Deps, r: Roadshow, scenarios: Scenario[], candidates: { platformId: string; score: number }[][]) {
  const s = storeOf(deps);
  const slots = eventSlots({ startsAt: r.startsAt!, endsAt: r.endsAt!, slotMinutes: r.slotMinutes!, breaks: r.breaks });
  const plan = composeTimedAgenda({
    scenarios: scenarios.map((sc, i) => ({ id: sc.id, ownerId: sc.ownerOrg, candidates: candidates[i]!.map((m) => ({ platformId: m.platformId, score: m.score })) })),
    maxScenarios: r.maxScenarios,
    platformsPerScenario: r.platformsPerScenario,
    maxSlotsPerPlatform: r.maxSlotsPerPlatform,
    rooms: r.rooms!,
    slots: slots.length,
  });
  const names = new Map((await getPlatforms(s, plan.agenda.flatMap((a) => a.platforms.map((p) => p.platformId)))).map((p) => [p.id, p.name]));
  const byId = new Map(scenarios.map((sc) => [sc.id, sc]));
  const agenda: AgendaEntry[] = plan.agenda.map((a) => {
    const sc = byId.get(a.scenarioId)!;
    return {
      scenarioId: a.scenarioId,
      scenarioTitle: sc.title,
      platforms: a.platforms.map((p) => ({ platformId: p.platformId, platformName: names.get(p.platformId) ?? p.platformId, score: p.score })),
      room: a.room + 1,
      startsAt: slots[a.slot]!.startsAt,
      endsAt: slots[a.slot]!.endsAt,
      ownerOrg: sc.ownerOrg,
      enterpriseName: sc.enterprise.name,
    };
  });
  await repo.completeRoadshow(s, r.id, {
    agenda,
    totalScore: plan.totalScore,
    optimal: plan.optimal,
    scoreUpperBound: plan.scoreUpperBound,
    unassignedScenarioIds: plan.unassignedScenarioIds,
    composedAt: nowIso(deps),
  });
}
