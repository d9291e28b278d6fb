import { AppError, conflict, forbidden, notFound } from '#core/errors';
import { newId } from '#core/ids';
import type { Principal } from '#core/principal';
import { isListed, type Application, type NoticeEntry, type Objection, type ObjectionInput, type ResolveInput, type Round } from '#core/schemas/round';
import * as repo from '#db/rounds';
import { hourlyBudget } from '#db/throttle';
import type { Deps } from '#runtime/deps';
import { mustGetRound, roundNotFound } from './rounds';
import { applicationRejected } from './notifications';
import { nowIso, storeOf } from './store';
import { maskedObjection } from './objection-contacts';


function entry(a: Application): NoticeEntry {
  return { applicationId: a.id, platformId: a.platformId, platformName: a.platformName, operatorName: a.operatorName, category: a.category, level: a.level ?? 0 };
}

/** Highest level first, then by category and name: the order the bureau's notice is printed in. */
export function noticeOrder<T extends { level: number; category: string; platformName: string }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => b.level - a.level || a.category.localeCompare(b.category) || a.platformName.localeCompare(b.platformName, 'zh-CN'));
}

/** The 公示 list: every assessed application at level ≥ 1, public while and after the notice runs. */
export async function publicNotice(deps: Deps, roundId: string) {
  const r = await repo.getRound(storeOf(deps), roundId);
  if (!r || !r.noticeEndsAt) throw notFound('公示 notice');
  const apps = (await repo.roundApplications(storeOf(deps), roundId)).filter((a) => isListed(a, r));
  return { round: { id: r.id, year: r.year, status: r.status }, noticeEndsAt: r.noticeEndsAt, entries: noticeOrder(apps.map(entry)) };
}

const noticeRuns = (r: Round, now: string) => r.status === 'notice' && !!r.noticeEndsAt && now < r.noticeEndsAt;

/**
 * Anyone may object while the notice runs. Stored with the requester's address; each address has
 * an hourly budget counted in DynamoDB in the same transaction as the objection, so the limit holds
 * across every API instance and a refused objection leaves no trace.
 */
export async function object(deps: Deps, roundId: string, input: ObjectionInput, requesterAddress: string): Promise<{ id: string }> {
  const s = storeOf(deps);
  const r = await repo.getRound(s, roundId);
  if (!r) throw roundNotFound();
  const at = nowIso(deps);
  if (!noticeRuns(r, at)) throw conflict('不在公示期内，不受理异议 / Objections are accepted only while the notice runs');
  const app = await repo.getApplication(s, input.applicationId);
  if (!app || app.roundId !== roundId || !isListed(app, r))
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'applicationId', message: '不在本次公示名单中 / not on this notice list' }]);
  const o: Objection = {
    id: newId('obj', deps.now().getTime()),
    roundId,
    applicationId: app.id,
    platformName: app.platformName,
    reason: input.reason,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    requesterAddress,
    status: 'open',
    createdAt: at,
    noticeVersion: input.noticeVersion,
  };
  const refused = await repo.fileObjection(s, o, at, hourlyBudget(`objection#${requesterAddress}`, deps.settings.OBJECTIONS_PER_HOUR, deps.now()));
  if (refused === 'throttled') throw new AppError('RATE_LIMITED', '异议提交过于频繁，请一小时后再试 / Too many objections from this address; try again in an hour');
  if (refused === 'notice') throw conflict('不在公示期内，不受理异议 / Objections are accepted only while the notice runs');
  if (refused === 'application')
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'applicationId', message: '不在本次公示名单中 / not on this notice list' }]);
  return { id: o.id };
}

export async function listObjections(deps: Deps, who: Principal, roundId: string): Promise<Objection[]> {
  if (who.role !== 'bureau') throw forbidden();
  await mustGetRound(deps, roundId);
  return (await repo.roundObjections(storeOf(deps), roundId)).map(maskedObjection);
}

/** The bureau settles an objection with a note; upheld takes the application off the list. */
export async function resolve(deps: Deps, who: Principal, id: string, input: ResolveInput): Promise<Objection> {
  if (who.role !== 'bureau') throw forbidden();
  const s = storeOf(deps);
  const o = await repo.getObjection(s, id);
  if (!o) throw notFound('异议 objection');
  if (o.status !== 'open') throw conflict(`该异议已处理（${o.status}） / Objection already resolved (${o.status})`);
  if (!(await repo.resolveObjection(s, o, { ...input, by: who.userId, at: nowIso(deps) })))
    throw conflict('异议已被处理或公示已结束 / Objection already resolved or the notice has ended');
  const resolved = (await repo.getObjection(s, id))!;
  if (resolved.status === 'upheld') {
    const app = await repo.getApplication(s, o.applicationId);
    if (app) await deps.notifier.notify(applicationRejected(app, o.id, input.note, resolved.resolvedAt!));
  }
  return maskedObjection(resolved);
}
