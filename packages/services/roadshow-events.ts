import { createHmac, randomBytes } from 'node:crypto';
import { AppError, conflict, forbidden, invalid, notFound } from '#core/errors';
import { deterministicId, newId } from '#core/ids';
import type { Principal } from '#core/principal';
import { hosts } from '#core/roadshow/hosts';
import { maskContact, maskName } from '#core/privacy/mask';
import { parseContact } from '#core/accounts/contact';
import { expiresAtFor } from '#core/privacy/retention';
import { checkInQrSvg } from './check-in-qr';
import { eventSlots, recompose as recomposeAgenda, type TimedScenarioInput } from '#core/roadshow/timed';
import { wasAccepted, wasSigned } from '#core/funnel';
import type { Lead } from '#core/schemas/lead';
import { isEvent, type AgendaEntry, type Roadshow, type RoadshowPatch } from '#core/schemas/roadshow';
import type { CloseInput, MetPair, RatingInput, RegistrationInput, ReplyInput, RoadshowInvitation, RoadshowRegistration, RoadshowReport } from '#core/schemas/roadshow-event';
import { getLead } from '#db/leads';
import { markPairingsDue } from '#db/pairings';
import { getPlatforms } from '#db/platforms';
import * as ev from '#db/roadshow-events';
import { getMatches, getScenario } from '#db/scenarios';
import { updateIf } from '#db/store';
import { hourlyBudget } from '#db/throttle';
import { inboxNotifier } from '#notify/inbox';
import { postPlatformEvent } from './platform-webhook';
import type { Notification } from '#notify/port';
import type { PairingMessage } from '#queue/messages';
import type { Deps } from '#runtime/deps';
import { leadId } from './leads';
import { nowIso, storeOf } from './store';

// Roadshows as events (issue 20): publish → invitations and replies → re-composition → audience
// registration and check-in → close (leads) → ratings and report. The untimed composition and the
// consumer stay in roadshows.ts.

const ms = Date.parse;

async function mustGet(deps: Deps, id: string): Promise<Roadshow> {
  const r = await ev.getRoadshowVersioned(storeOf(deps), id);
  if (!r) throw notFound('路演 roadshow');
  return r;
}

async function mustGetEvent(deps: Deps, id: string): Promise<Roadshow> {
  const r = await mustGet(deps, id);
  if (!isEvent(r)) throw conflict('这场路演没有活动时间与场地（旧式议程），不能发布、报名或签到 / This roadshow has no event time or venue (an untimed agenda)');
  return r;
}

/**
 * The host runs an event: the bureau any, a district (第四条, 区级活动) only those it created for its
 * region; another district's event is not found.
 */
async function hostedEvent(deps: Deps, who: Principal, id: string): Promise<Roadshow> {
  if (who.role !== 'bureau' && who.role !== 'district') throw forbidden();
  const r = await mustGetEvent(deps, id);
  if (!hosts(who, r)) throw notFound('路演 roadshow');
  return r;
}

// ---- invitations -----------------------------------------------------------------------------

const invitationId = (roadshowId: string, scenarioId: string, party: string, orgId: string) => deterministicId('rsi', roadshowId, scenarioId, party, orgId);

/** An invitee's door code: derived from the invitation and the service secret (same on every re-run, not guessable). */
const inviteeCode = (deps: Deps, invId: string) => {
  const h = createHmac('sha256', deps.settings.AUTH_SECRET).update(`rs-checkin:${invId}`).digest();
  return toCode(h);
};
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const toCode = (bytes: Uint8Array) => Array.from(bytes.subarray(0, 8), (b) => CODE_ALPHABET[b % 32]).join('');

function invitationsFor(deps: Deps, r: Roadshow, entries: readonly AgendaEntry[], names: Map<string, string>, at: string): RoadshowInvitation[] {
  return entries.flatMap((a) => {
    const base = { roadshowId: r.id, scenarioId: a.scenarioId, scenarioTitle: a.scenarioTitle, room: a.room, startsAt: a.startsAt, endsAt: a.endsAt, status: 'invited' as const, createdAt: at };
    const mOrg = a.ownerOrg ?? '';
    const mId = invitationId(r.id, a.scenarioId, 'manufacturer', mOrg);
    return [
      { ...base, id: mId, party: 'manufacturer' as const, orgId: mOrg, orgName: a.enterpriseName, checkInCode: inviteeCode(deps, mId) },
      ...a.platforms.map((p) => {
        const id = invitationId(r.id, a.scenarioId, 'platform', p.platformId);
        return { ...base, id, party: 'platform' as const, orgId: p.platformId, orgName: names.get(p.platformId) ?? p.platformName, checkInCode: inviteeCode(deps, id) };
      }),
    ];
  });
}

async function writeInvitations(deps: Deps, invs: readonly RoadshowInvitation[]) {
  const s = storeOf(deps);
  for (const i of invs) {
    await ev.putInvitation(s, i);
    await ev.putCode(s, i.roadshowId, i.checkInCode!, { invitationId: i.id });
  }
}

const fmtTime = (iso?: string) => (iso ? new Date(ms(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

function invitationNotice(r: Roadshow, i: RoadshowInvitation, owed: ev.NoticeOwed): Notification {
  const changed = owed.event === 'roadshow.changed';
  const when = `${fmtTime(i.startsAt)}–${fmtTime(i.endsAt).slice(11)}`;
  const where = r.venue ? `${r.venue.region}${r.venue.address}${r.venue.park ? `（${r.venue.park}）` : ''}` : '';
  const role = i.party === 'manufacturer' ? { zh: '介绍场景', en: 'present your scenario' } : { zh: '对接场景', en: 'respond to the scenario' };
  const status = i.status === 'cancelled' ? { zh: '该场次已取消。', en: 'This slot was cancelled.' } : { zh: `请于 ${fmtTime(r.rsvpBy)} 前回复。`, en: `Please reply by ${fmtTime(r.rsvpBy)} (Beijing time).` };
  return {
    id: deterministicId('ntf', i.id, owed.event, owed.seq),
    recipient: { kind: i.party === 'platform' ? 'platform' : 'enterprise', id: i.orgId },
    event: owed.event,
    title: changed ? { zh: `路演安排有变：${r.title}`, en: `Roadshow changed: ${r.title}` } : { zh: `路演邀请：${r.title}`, en: `Roadshow invitation: ${r.title}` },
    body: {
      zh: `「${i.scenarioTitle ?? i.scenarioId}」第${i.room ?? 1}会场 ${when}，${where}。请您${role.zh}。${status.zh}`,
      en: `“${i.scenarioTitle ?? i.scenarioId}”, room ${i.room ?? 1}, ${when} (Beijing time), ${where}. You are invited to ${role.en}. ${status.en}`,
    },
    ref: `roadshow-invitations/${i.id}`,
    at: owed.at,
  };
}

/**
 * Delivers one owed notification: the inbox (idempotent by id) and, for platforms with a webhook,
 * a signed `roadshow.invited` / `roadshow.changed` event (one try; the inbox is the record).
 * Then the marker goes; a crash before that leaves it for the reconciler, which sends it once more
 * with the same notification id.
 */
export async function deliverNotice(deps: Deps, owed: ev.NoticeOwed): Promise<void> {
  const s = storeOf(deps);
  const [r, inv] = await Promise.all([ev.getRoadshowVersioned(s, owed.roadshowId), ev.getInvitation(s, owed.roadshowId, owed.invitationId)]);
  // Owed by a publish that has not flipped the status yet: kept until it does (or is retried).
  if (r && (r.status === 'composing' || r.status === 'composed')) return;
  if (r && inv) {
    const n = invitationNotice(r, inv, owed);
    await inboxNotifier(s).notify(n);
    if (inv.party === 'platform') await postPlatformEvent(deps, inv.orgId, n.id, { type: owed.event, id: n.id, roadshow: publicHeader(r), invitation: inv });
  }
  await ev.noticeDone(s, owed);
}

async function owe(deps: Deps, owed: ev.NoticeOwed[]) {
  await ev.markNoticesOwed(storeOf(deps), owed);
}
async function deliverAll(deps: Deps, owed: ev.NoticeOwed[]) {
  for (const o of owed) await deliverNotice(deps, o);
}

/** The reconciler's part: notifications owed longer than `cutoff` ago are delivered (once). */
export async function finishOwedNotices(deps: Deps, cutoff: string): Promise<number> {
  const due = await ev.noticesOwedBefore(storeOf(deps), cutoff);
  await deliverAll(deps, due);
  return due.length;
}

// ---- publish ---------------------------------------------------------------------------------

export async function publish(deps: Deps, who: Principal, id: string) {
  const r = await hostedEvent(deps, who, id);
  const at = nowIso(deps);
  if (r.status !== 'composed' && r.status !== 'published') throw conflict(`当前状态（${r.status}）不能发布 / Cannot publish from status ${r.status}`);
  if (r.status === 'composed' && !(at < r.rsvpBy!)) throw conflict('回复截止时间已过，请先修改时间 / The RSVP deadline has passed; change the time first');
  const names = new Map((await getPlatforms(storeOf(deps), r.agenda.flatMap((a) => a.platforms.map((p) => p.platformId)))).map((p) => [p.id, p.name]));
  const publishedAt = r.publishedAt ?? at;
  const invs = invitationsFor(deps, r, r.agenda, names, publishedAt);
  // Invitations and the notices they owe are written before the status flips, with ids that do
  // not change, so publishing twice (or after a crash) writes and tells nothing new.
  const existing = new Set((await ev.invitationsOf(storeOf(deps), r.id)).map((i) => i.id));
  const fresh = invs.filter((i) => !existing.has(i.id));
  const owed = fresh.map((i) => ({ roadshowId: r.id, invitationId: i.id, event: 'roadshow.invited' as const, seq: 'publish', at: publishedAt }));
  await writeInvitations(deps, fresh);
  await owe(deps, owed);
  if (r.status === 'composed') {
    const ok = await ev.transition(storeOf(deps), r.id, 'composed', 'published', at, { publishedAt });
    if (!ok) throw conflict();
  }
  // Also whatever an earlier, interrupted publish still owes.
  const earlier = (await ev.noticesOwedBefore(storeOf(deps), '\uffff')).filter((n) => n.roadshowId === r.id && !owed.some((o) => o.invitationId === n.invitationId && o.seq === n.seq));
  await deliverAll(deps, [...owed, ...earlier]);
  return { id: r.id, status: 'published' as const, invitations: invs.length };
}

export async function listInvitations(deps: Deps, who: Principal, id: string) {
  const r = await mustGet(deps, id);
  const all = await ev.invitationsOf(storeOf(deps), r.id);
  if (who.role === 'bureau' || who.role === 'district') {
    if (!hosts(who, r)) throw notFound('路演 roadshow');
    return all;
  }
  if (who.role !== 'manufacturer' && who.role !== 'platform') throw forbidden();
  const mine = all.filter((i) => i.orgId === who.org && i.party === (who.role === 'platform' ? 'platform' : 'manufacturer'));
  if (!mine.length) throw notFound('路演 roadshow');
  return mine;
}

/** 我的路演: the caller's invitations over all roadshows, with each roadshow's header. */
export async function myRoadshows(deps: Deps, who: Principal) {
  if ((who.role !== 'manufacturer' && who.role !== 'platform') || !who.org) throw forbidden();
  const party = who.role === 'platform' ? 'platform' : 'manufacturer';
  const invs = (await ev.invitationsForOrg(storeOf(deps), who.org)).filter((i) => i.party === party);
  const ids = [...new Set(invs.map((i) => i.roadshowId))];
  const rs = (await Promise.all(ids.map((id) => ev.getRoadshowVersioned(storeOf(deps), id)))).filter((r): r is Roadshow => !!r);
  return Promise.all(
    rs.map(async (r) => {
      // After the event: the caller's pairings that met, with the caller's own rating (the short form).
      const owners = new Map(r.agenda.map((a) => [a.scenarioId, a.ownerOrg]));
      const mine = ((r as Roadshow & { metPairs?: MetPair[] }).metPairs ?? []).filter((m) => (party === 'platform' ? m.platformId === who.org : owners.get(m.scenarioId) === who.org));
      const ratings = mine.length ? (await ev.ratingsOf(storeOf(deps), r.id)).filter((x) => x.side === party) : [];
      const titles = new Map(r.agenda.map((a) => [a.scenarioId, { scenario: a.scenarioTitle, platforms: new Map(a.platforms.map((p) => [p.platformId, p.platformName])) }]));
      return {
        roadshow: { ...publicHeader(r), status: r.status, agenda: publicAgenda(r) },
        invitations: invs.filter((i) => i.roadshowId === r.id),
        pairs: mine.map((m) => ({
          scenarioId: m.scenarioId,
          platformId: m.platformId,
          scenarioTitle: titles.get(m.scenarioId)?.scenario ?? m.scenarioId,
          platformName: titles.get(m.scenarioId)?.platforms.get(m.platformId) ?? m.platformId,
          myStars: ratings.find((x) => x.scenarioId === m.scenarioId && x.platformId === m.platformId)?.stars ?? null,
        })),
      };
    }),
  );
}

export async function reply(deps: Deps, who: Principal, invitationId: string, input: ReplyInput): Promise<RoadshowInvitation> {
  const s = storeOf(deps);
  const inv = await ev.findInvitation(s, invitationId);
  const party = who.role === 'platform' ? 'platform' : who.role === 'manufacturer' ? 'manufacturer' : null;
  if (!inv || !party || inv.party !== party || inv.orgId !== who.org) throw notFound('路演邀请 invitation');
  const r = await mustGetEvent(deps, inv.roadshowId);
  const at = nowIso(deps);
  if (r.status !== 'published') throw conflict('路演未在发布状态，不能回复 / The roadshow is not open for replies');
  if (!(at < r.rsvpBy!)) throw conflict('已过回复截止时间 / The RSVP deadline has passed');
  if (inv.status === 'cancelled') throw conflict('该场次已取消 / This slot was cancelled');
  if (inv.status === 'declined') {
    if (!input.accept) return inv;
    throw conflict('已婉拒的邀请不能再接受（席位可能已重新安排） / A declined invitation cannot be accepted again (the seat may have been reassigned)');
  }
  if (inv.status === 'accepted' && input.accept) return inv;
  const set: Record<string, unknown> = { status: input.accept ? 'accepted' : 'declined', repliedAt: at };
  if (!input.accept) {
    set.reason = input.reason;
    if (input.note) set.note = input.note;
  }
  if (!(await ev.updateInvitation(s, inv, [inv.status], set))) throw conflict();
  return { ...inv, ...(set as Partial<RoadshowInvitation>) };
}

// ---- re-composition ------------------------------------------------------------------------------

async function candidateScenarios(deps: Deps, r: Roadshow, ids: readonly string[]): Promise<{ input: TimedScenarioInput[]; titles: Map<string, { title: string; owner: string; enterprise: string }> }> {
  const s = storeOf(deps);
  const scs = await Promise.all(ids.map((id) => getScenario(s, id)));
  const matches = await Promise.all(ids.map((id) => getMatches(s, id)));
  const min = deps.settings.MATCH_MIN_SCORE;
  const titles = new Map<string, { title: string; owner: string; enterprise: string }>();
  const input: TimedScenarioInput[] = [];
  ids.forEach((id, i) => {
    const sc = scs[i];
    if (!sc) return;
    titles.set(id, { title: sc.title, owner: sc.ownerOrg, enterprise: sc.enterprise.name });
    input.push({ id, ownerId: sc.ownerOrg, candidates: (matches[i]?.items ?? []).filter((m) => m.score >= min).map((m) => ({ platformId: m.platformId, score: m.score })) });
  });
  void r;
  return { input, titles };
}

export async function recompose(deps: Deps, who: Principal, id: string) {
  const s = storeOf(deps);
  const r = await hostedEvent(deps, who, id);
  if (r.status !== 'published') throw conflict('只有已发布的路演可以重新编排 / Only a published roadshow is re-composed');
  const at = nowIso(deps);
  const token = randomBytes(8).toString('hex');
  const until = new Date(deps.now().getTime() + 60_000).toISOString();
  if (!(await ev.takeRecomposeLock(s, r.id, r.version ?? 0, token, at, until))) {
    throw conflict('另一次重新编排正在进行或路演刚被修改 / Another re-composition is running, or the roadshow just changed');
  }
  try {
    const invs = await ev.invitationsOf(s, r.id);
    const slots = eventSlots({ startsAt: r.startsAt!, endsAt: r.endsAt!, slotMinutes: r.slotMinutes!, breaks: r.breaks });
    const slotOf = new Map(slots.map((t, i) => [t.startsAt, i]));
    const onAgenda = r.agenda.map((a) => a.scenarioId);
    const ids = [...new Set([...onAgenda, ...(r.unassignedScenarioIds ?? [])])];
    const { input, titles } = await candidateScenarios(deps, r, ids);
    const declined = invs.filter((i) => i.party === 'platform' && i.status === 'declined').map((i) => ({ scenarioId: i.scenarioId, platformId: i.orgId }));
    const withdrawn = invs.filter((i) => i.party === 'manufacturer' && i.status === 'declined').map((i) => i.scenarioId).filter((x) => onAgenda.includes(x));
    const out = recomposeAgenda({
      scenarios: input,
      rooms: r.rooms!,
      slots: slots.length,
      platformsPerScenario: r.platformsPerScenario,
      maxSlotsPerPlatform: r.maxSlotsPerPlatform,
      maxScenarios: r.maxScenarios,
      agenda: r.agenda.map((a) => ({ scenarioId: a.scenarioId, slot: slotOf.get(a.startsAt!) ?? 0, room: (a.room ?? 1) - 1, platforms: a.platforms })),
      declined,
      withdrawn,
    });
    const names = new Map((await getPlatforms(s, out.addedPlatforms.map((p) => p.platformId))).map((p) => [p.id, p.name]));
    const oldById = new Map(r.agenda.map((a) => [a.scenarioId, a]));
    const agenda: AgendaEntry[] = out.agenda.map((a) => {
      const old = oldById.get(a.scenarioId);
      const t = titles.get(a.scenarioId);
      return {
        scenarioId: a.scenarioId,
        scenarioTitle: old?.scenarioTitle ?? t?.title ?? a.scenarioId,
        platforms: a.platforms.map((p) => ({ platformId: p.platformId, platformName: old?.platforms.find((x) => x.platformId === p.platformId)?.platformName ?? names.get(p.platformId) ?? p.platformId, score: p.score })),
        room: a.room + 1,
        startsAt: slots[a.slot]!.startsAt,
        endsAt: slots[a.slot]!.endsAt,
        ownerOrg: old?.ownerOrg ?? t?.owner,
        enterpriseName: old?.enterpriseName ?? t?.enterprise,
      };
    });
    const seq = `v${(r.version ?? 0) + 1}`;
    // New invitees: platforms added to a seat, and a wait-listed scenario's manufacturer and platforms.
    const addedKeys = new Set(out.addedPlatforms.map((p) => `${p.scenarioId}\u0000${p.platformId}`));
    const newInvs = invitationsFor(deps, { ...r, agenda }, agenda, names, at).filter((i) =>
      i.party === 'platform' ? addedKeys.has(`${i.scenarioId}\u0000${i.orgId}`) : out.addedScenarios.includes(i.scenarioId),
    );
    // Changed invitees: the manufacturer of a scenario whose respondents changed, and everyone
    // still invited to a withdrawn scenario (cancelled).
    const changedScenarios = new Set(out.addedPlatforms.filter((p) => !out.addedScenarios.includes(p.scenarioId)).map((p) => p.scenarioId));
    for (const d of declined) if (oldById.get(d.scenarioId)?.platforms.some((p) => p.platformId === d.platformId)) changedScenarios.add(d.scenarioId);
    const changed = invs.filter((i) => i.party === 'manufacturer' && i.status !== 'declined' && changedScenarios.has(i.scenarioId));
    const cancelled = invs.filter((i) => out.removedScenarios.includes(i.scenarioId) && i.party === 'platform' && (i.status === 'invited' || i.status === 'accepted'));
    const owed: ev.NoticeOwed[] = [
      ...newInvs.map((i) => ({ roadshowId: r.id, invitationId: i.id, event: 'roadshow.invited' as const, seq, at })),
      ...[...changed, ...cancelled].map((i) => ({ roadshowId: r.id, invitationId: i.id, event: 'roadshow.changed' as const, seq, at })),
    ];
    // Order: invitations and owed notices first, then the agenda with the lock released; a crash
    // in between leaves the lock to lapse and the notices for the reconciler.
    await writeInvitations(deps, newInvs);
    for (const i of cancelled) await ev.updateInvitation(s, i, ['invited', 'accepted'], { status: 'cancelled' });
    await owe(deps, owed);
    const stillOff = ids.filter((x) => !agenda.some((a) => a.scenarioId === x));
    if (!(await ev.releaseRecomposeLock(s, r.id, token, { agenda, totalScore: out.totalScore, unassignedScenarioIds: stillOff, recomposedAt: at }))) throw conflict();
    await deliverAll(deps, owed);
    return { id: r.id, addedPlatforms: out.addedPlatforms.length, addedScenarios: out.addedScenarios.length, removedScenarios: out.removedScenarios.length, notified: owed.length };
  } catch (err) {
    // Release on failure so the bureau can retry at once (the lock would lapse anyway).
    await updateIf(s, { Key: { pk: `ROADSHOW#${r.id}`, sk: 'META' }, UpdateExpression: 'REMOVE recomposeLock', ConditionExpression: 'recomposeLock.#t = :t', ExpressionAttributeNames: { '#t': 'token' }, ExpressionAttributeValues: { ':t': token } });
    throw err;
  }
}

// ---- editing venue and time --------------------------------------------------------------------

export async function patchRoadshow(deps: Deps, who: Principal, id: string, patch: RoadshowPatch, ifMatch?: number) {
  const r = await hostedEvent(deps, who, id);
  if (r.hostDistrict && patch.venue && patch.venue.region !== r.hostDistrict) throw invalid('venue.region', `区（市）活动须在${r.hostDistrict}举办 / A district's event stays in ${r.hostDistrict}`);
  const version = r.version ?? 0;
  if (ifMatch !== undefined && ifMatch !== version) throw conflict();
  if (r.status === 'closed' || r.status === 'reported') throw conflict('活动已结束，不能修改 / The event is over');
  const iso = (x?: string) => (x ? new Date(x).toISOString() : undefined);
  const shift = patch.startsAt ? ms(patch.startsAt) - ms(r.startsAt!) : 0;
  const move = (x: string) => new Date(ms(x) + shift).toISOString();
  const startsAt = iso(patch.startsAt) ?? r.startsAt!;
  const endsAt = iso(patch.endsAt) ?? (shift ? move(r.endsAt!) : r.endsAt!);
  const rsvpBy = iso(patch.rsvpBy) ?? r.rsvpBy!;
  const agenda = shift ? r.agenda.map((a) => ({ ...a, startsAt: a.startsAt && move(a.startsAt), endsAt: a.endsAt && move(a.endsAt) })) : r.agenda;
  const breaks = shift ? (r.breaks ?? []).map((b) => ({ ...b, startsAt: move(b.startsAt), endsAt: move(b.endsAt) })) : r.breaks;
  if (!(ms(rsvpBy) <= ms(startsAt))) throw invalid('rsvpBy', '回复截止须不晚于开始时间 / rsvpBy must be at or before startsAt');
  if (!(ms(startsAt) < ms(endsAt))) throw invalid('endsAt', '结束须晚于开始 / endsAt must be after startsAt');
  const lastEnd = Math.max(ms(startsAt), ...agenda.map((a) => (a.endsAt ? ms(a.endsAt) : 0)));
  if (ms(endsAt) < lastEnd) throw invalid('endsAt', '结束时间早于议程最后一场 / endsAt is before the last slot on the agenda');
  const set: Record<string, unknown> = { startsAt, endsAt, rsvpBy, agenda, date: new Date(ms(startsAt) + 8 * 3_600_000).toISOString().slice(0, 10) };
  if (breaks) set.breaks = breaks;
  if (patch.venue) set.venue = patch.venue;
  if (patch.title) set.title = patch.title;
  if (patch.capacity) set.capacity = patch.capacity;
  const at = nowIso(deps);
  const timeOrPlace = patch.venue !== undefined || shift !== 0 || patch.endsAt !== undefined;
  let owed: ev.NoticeOwed[] = [];
  let invs: RoadshowInvitation[] = [];
  if (r.status === 'published' && timeOrPlace) {
    invs = (await ev.invitationsOf(storeOf(deps), r.id)).filter((i) => i.status !== 'cancelled' && i.status !== 'declined');
    owed = invs.map((i) => ({ roadshowId: r.id, invitationId: i.id, event: 'roadshow.changed' as const, seq: `v${version + 1}`, at }));
  }
  if (!(await ev.updateFieldsOwing(storeOf(deps), r.id, version, set, owed))) throw conflict();
  // Invitations carry their slot times: move them too, then tell everyone.
  if (shift) for (const i of invs) await ev.updateInvitation(storeOf(deps), i, [i.status], { startsAt: i.startsAt && move(i.startsAt), endsAt: i.endsAt && move(i.endsAt) });
  await deliverAll(deps, owed);
  return mustGet(deps, id);
}

// ---- public page and audience registration -----------------------------------------------------

function publicHeader(r: Roadshow) {
  return { id: r.id, title: r.title, kind: r.kind ?? 'roadshow', venue: r.venue, date: r.date, startsAt: r.startsAt, endsAt: r.endsAt, rsvpBy: r.rsvpBy, rooms: r.rooms, breaks: r.breaks ?? [] };
}

function publicAgenda(r: Roadshow) {
  return r.agenda
    .map((a) => ({ scenarioId: a.scenarioId, scenarioTitle: a.scenarioTitle, room: a.room, startsAt: a.startsAt, endsAt: a.endsAt, platforms: a.platforms.map((p) => ({ platformId: p.platformId, platformName: p.platformName })) }))
    .sort((x, y) => (x.startsAt ?? '').localeCompare(y.startsAt ?? '') || (x.room ?? 0) - (y.room ?? 0));
}

export async function publicRoadshow(deps: Deps, id: string) {
  const r = await ev.getRoadshowVersioned(storeOf(deps), id);
  if (!r || !isEvent(r) || r.status === 'composing' || r.status === 'composed') throw notFound('路演 roadshow');
  const at = nowIso(deps);
  return {
    ...publicHeader(r),
    status: r.status,
    capacity: r.capacity!,
    seatsLeft: Math.max(0, r.capacity! - (r.registered ?? 0)),
    registrationOpen: r.status === 'published' && at < r.startsAt!,
    agenda: publicAgenda(r),
  };
}

export async function register(deps: Deps, id: string, input: RegistrationInput, address: string) {
  const s = storeOf(deps);
  const r = await ev.getRoadshowVersioned(s, id);
  if (!r || !isEvent(r) || r.status === 'composing' || r.status === 'composed') throw notFound('路演 roadshow');
  const at = nowIso(deps);
  if (r.status !== 'published' || !(at < r.startsAt!)) throw conflict('报名已截止 / Registration has closed');
  const known = new Set(r.agenda.map((a) => a.scenarioId));
  const bad = (input.interests ?? []).findIndex((x) => !known.has(x));
  if (bad >= 0) throw invalid(`interests.${bad}`, '不在本场议程上的场景 / Not a scenario on this agenda');
  const reg: RoadshowRegistration = {
    id: newId('rsr', deps.now().getTime()),
    roadshowId: r.id,
    name: input.name,
    enterprise: input.enterprise,
    contact: input.contact,
    interests: input.interests,
    checkInCode: toCode(randomBytes(8)),
    waitlisted: false,
    noticeVersion: input.noticeVersion,
    createdAt: at,
    expiresAt: expiresAtFor('roadshow-registration', r.endsAt!),
  };
  const outcome = await ev.register(s, reg, hourlyBudget(`rsreg#${address}`, deps.settings.OBJECTIONS_PER_HOUR, deps.now()), r.startsAt!, at);
  if (outcome === 'duplicate') throw conflict('该联系方式已报名 / This contact is already registered');
  if (outcome === 'closed') throw conflict('报名已截止 / Registration has closed');
  if (outcome === 'throttled') throw new AppError('RATE_LIMITED', '报名过于频繁，请一小时后再试 / Too many registrations from this address; try again in an hour');
  const waitlisted = outcome === 'waitlisted';
  // The confirmation goes through the messenger (e-mail, SMS where free text is allowed); the
  // answer already carries the code, so a failed send does not undo the registration.
  const to = parseContact(reg.contact);
  if (to) {
    const when = `${fmtTime(r.startsAt)}（北京时间）`;
    await deps.messenger
      .send(to, {
        subject: `${waitlisted ? '候补登记' : '报名成功'}：${r.title}`,
        text: `${reg.name}，您${waitlisted ? '已进入候补名单' : '已报名'}「${r.title}」，${when}，${r.venue?.region ?? ''}${r.venue?.address ?? ''}。签到码 ${reg.checkInCode}，入场时出示。 / Check-in code ${reg.checkInCode}.`,
      })
      .catch((err: unknown) => deps.log.warn('roadshow registration confirmation not sent', { registrationId: reg.id, error: String(err) }));
  }
  return { id: reg.id, checkInCode: reg.checkInCode, waitlisted, qrSvg: await checkInQrSvg(reg.checkInCode) };
}

export async function listRegistrations(deps: Deps, who: Principal, id: string) {
  const r = await hostedEvent(deps, who, id);
  const regs = await ev.registrationsOf(storeOf(deps), r.id);
  return regs
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map(({ expiresAt: _e, ...x }) => ({ ...x, contact: maskContact(x.contact), contactMasked: true as const }));
}

export async function checkIn(deps: Deps, who: Principal, id: string, code: string) {
  const s = storeOf(deps);
  const r = await hostedEvent(deps, who, id);
  const norm = code.trim().toUpperCase();
  // Unknown and other events' codes look the same: the code is looked up under this roadshow only.
  const target = /^[A-Z0-9]{4,32}$/.test(norm) ? await ev.resolveCode(s, r.id, norm) : undefined;
  if (!target) throw notFound('签到码 check-in code');
  const at = nowIso(deps);
  const item = target.registrationId ? await ev.checkIn(s, r.id, `REG#${target.registrationId}`, at) : await ev.checkIn(s, r.id, `INV#${target.invitationId}`, at);
  if (!item) throw notFound('签到码 check-in code');
  const [regs, invs] = await Promise.all([ev.registrationsOf(s, r.id), ev.invitationsOf(s, r.id)]);
  const checkedIn = regs.filter((x) => x.checkedInAt).length + invs.filter((x) => x.checkedInAt).length;
  return target.registrationId
    ? { kind: 'registration' as const, id: String(item.id), name: maskName(String(item.name)), checkedInAt: String(item.checkedInAt), waitlisted: Boolean(item.waitlisted), checkedIn }
    : { kind: 'invitation' as const, id: String(item.id), name: String(item.orgName ?? item.orgId), checkedInAt: String(item.checkedInAt), checkedIn };
}

// ---- close: what the event produced --------------------------------------------------------------

export async function close(deps: Deps, who: Principal, id: string, input: CloseInput) {
  const s = storeOf(deps);
  const r = await hostedEvent(deps, who, id);
  const at = nowIso(deps);
  if (r.status !== 'published') throw conflict(`当前状态（${r.status}）不能结束 / Cannot close from status ${r.status}`);
  if (!(at >= r.startsAt!)) throw conflict('活动尚未开始，不能结束 / The event has not started yet');
  const invs = await ev.invitationsOf(s, r.id);
  const inv = (scenarioId: string, party: string, orgId: string) => invs.find((i) => i.id === invitationId(r.id, scenarioId, party, orgId));
  const onAgenda = new Set(r.agenda.flatMap((a) => a.platforms.map((p) => `${a.scenarioId}\u0000${p.platformId}`)));
  (input.attendedPairs ?? []).forEach((p, i) => {
    if (!onAgenda.has(`${p.scenarioId}\u0000${p.platformId}`)) throw invalid(`attendedPairs.${i}`, '不在议程上的配对 / Not a pairing on the agenda');
  });
  const marked = new Set((input.attendedPairs ?? []).map((p) => `${p.scenarioId}\u0000${p.platformId}`));
  const met: { scenarioId: string; platformId: string }[] = [];
  for (const a of r.agenda) {
    for (const p of a.platforms) {
      const bothIn = !!inv(a.scenarioId, 'manufacturer', a.ownerOrg ?? '')?.checkedInAt && !!inv(a.scenarioId, 'platform', p.platformId)?.checkedInAt;
      if (bothIn || marked.has(`${a.scenarioId}\u0000${p.platformId}`)) met.push({ scenarioId: a.scenarioId, platformId: p.platformId });
    }
  }
  // An open lead for the same pair (a matched push or a proposal) is linked, not duplicated.
  const metPairs: MetPair[] = [];
  for (const m of met) {
    const existing = await getLead(s, leadId(m.scenarioId, m.platformId));
    const open = existing && !['declined', 'lost', 'delivered'].includes(existing.status);
    metPairs.push({ ...m, leadId: open ? existing.id : leadId(m.scenarioId, m.platformId, r.id), linked: !!open });
  }
  const pairings: PairingMessage[] = metPairs.filter((m) => !m.linked).map((m) => ({ type: 'Pairing', scenarioId: m.scenarioId, platformId: m.platformId, roadshowId: r.id }));
  await markPairingsDue(s, `roadshow-close:${r.id}`, pairings, at);
  if (!(await ev.transition(s, r.id, 'published', 'closed', at, { closedAt: at, metPairs }))) throw conflict();
  for (const m of metPairs.filter((x) => x.linked)) {
    await updateIf(s, {
      Key: { pk: `LEAD#${m.leadId}`, sk: 'META' },
      UpdateExpression: 'SET roadshowIds = list_append(if_not_exists(roadshowIds, :empty), :one)',
      ConditionExpression: 'attribute_exists(pk) AND NOT contains(roadshowIds, :rid)',
      ExpressionAttributeValues: { ':empty': [], ':one': [r.id], ':rid': r.id },
    });
  }
  await deps.publisher.sendBatch('pairing', pairings);
  return { id: r.id, status: 'closed' as const, metPairs };
}

export async function rate(deps: Deps, who: Principal, id: string, input: RatingInput) {
  const s = storeOf(deps);
  const r = await mustGetEvent(deps, id);
  const met = ((r as Roadshow & { metPairs?: MetPair[] }).metPairs ?? []).find((m) => m.scenarioId === input.scenarioId && m.platformId === input.platformId);
  const entry = r.agenda.find((a) => a.scenarioId === input.scenarioId);
  const side = who.role === 'platform' && who.org === input.platformId ? 'platform' : who.role === 'manufacturer' && entry?.ownerOrg === who.org ? 'manufacturer' : null;
  if (!side || !met) throw notFound('路演配对 pairing');
  if (r.status !== 'closed' && r.status !== 'reported') throw conflict('活动结束后才能评价 / Rate after the event is closed');
  const rating = { roadshowId: r.id, scenarioId: input.scenarioId, platformId: input.platformId, side: side as 'platform' | 'manufacturer', stars: input.stars, comment: input.comment, at: nowIso(deps) };
  await ev.putRating(s, rating);
  return rating;
}

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const a = [...xs].sort((x, y) => x - y);
  const m = Math.floor(a.length / 2);
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
};

export async function computeReport(deps: Deps, r: Roadshow): Promise<RoadshowReport> {
  const s = storeOf(deps);
  const [invs, regs, ratings] = await Promise.all([ev.invitationsOf(s, r.id), ev.registrationsOf(s, r.id), ev.ratingsOf(s, r.id)]);
  const live = invs.filter((i) => i.status !== 'cancelled');
  const metPairs = (r as Roadshow & { metPairs?: MetPair[] }).metPairs ?? [];
  const leads = (await Promise.all(metPairs.map((m) => getLead(s, m.leadId)))).filter((l): l is Lead => !!l);
  return {
    roadshowId: r.id,
    status: r.status,
    invited: invs.length,
    replied: invs.filter((i) => i.status === 'accepted' || i.status === 'declined').length,
    accepted: live.filter((i) => i.status === 'accepted').length,
    declined: invs.filter((i) => i.status === 'declined').length,
    registered: regs.filter((x) => !x.waitlisted).length,
    waitlisted: regs.filter((x) => x.waitlisted).length,
    checkedIn: regs.filter((x) => x.checkedInAt).length,
    attended: invs.filter((i) => i.checkedInAt).length,
    leads: metPairs.length,
    leadsAccepted: leads.filter(wasAccepted).length,
    signed: leads.filter(wasSigned).length,
    contractValueWan: leads.reduce((t, l) => t + (l.contract?.valueWan ?? 0), 0),
    ratings: ratings.length,
    medianRating: median(ratings.map((x) => x.stars)),
  };
}

export async function report(deps: Deps, who: Principal, id: string) {
  return computeReport(deps, await hostedEvent(deps, who, id));
}

/** closed → reported: the figures as of now are kept on the roadshow. */
export async function finishReport(deps: Deps, who: Principal, id: string) {
  const r = await hostedEvent(deps, who, id);
  if (r.status !== 'closed') throw conflict(`当前状态（${r.status}）不能出报告 / Cannot report from status ${r.status}`);
  const figures = await computeReport(deps, r);
  const at = nowIso(deps);
  if (!(await ev.transition(storeOf(deps), r.id, 'closed', 'reported', at, { reportedAt: at, report: figures }))) throw conflict();
  return { ...figures, status: 'reported' };
}

/** Per event figures for the bureau's overview. */
export async function eventFigures(deps: Deps, roadshows: readonly Roadshow[]) {
  return Promise.all(roadshows.filter(isEvent).map(async (r) => ({ title: r.title, startsAt: r.startsAt, ...(await computeReport(deps, r)) })));
}

// ---- personal data ---------------------------------------------------------------------------------

export async function registrationsOfContact(deps: Deps, contact: string) {
  return ev.registrationsByContact(storeOf(deps), contact);
}
export async function eraseRegistrations(deps: Deps, regs: readonly RoadshowRegistration[]) {
  let n = 0;
  for (const r of regs) if (await ev.deleteRegistration(storeOf(deps), r)) n++;
  return n;
}
