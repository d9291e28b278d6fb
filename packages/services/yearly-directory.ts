import { conflict, forbidden, notFound } from '#core/errors';
import type { Principal } from '#core/principal';
import { isListed, type DirectoryEntry, type DirectoryYear, type Round } from '#core/schemas/round';
import { adjustedLevel } from '#core/tracking/check';
import * as repo from '#db/rounds';
import { getAdjustments } from '#db/tracking';
import type { Deps } from '#runtime/deps';
import { noticeOrder } from './public-notice';
import { mustGetRound } from './rounds';
import { directoryPublished } from './notifications';
import { nowIso, storeOf } from './store';

/**
 * 第十条: after the notice, the year's 名录 is fixed. Refused while the notice runs or any objection
 * is open (checked again inside the conditional write, so a late objection cannot slip through).
 */
export async function publish(deps: Deps, who: Principal, id: string): Promise<DirectoryYear> {
  if (who.role !== 'bureau') throw forbidden();
  const s = storeOf(deps);
  const r = await mustGetRound(deps, id);
  if (r.status === 'published' || r.status === 'publishing') return finishPublishing(deps, r);
  if (r.status !== 'notice') throw conflict(`轮次状态为 ${r.status}，须先完成公示 / Round is ${r.status}; run the public notice first`);
  const now = nowIso(deps);
  if (now < r.noticeEndsAt!) throw conflict(`公示期至 ${r.noticeEndsAt} 结束，期间不能发布 / The notice runs until ${r.noticeEndsAt}`);
  if ((r.openObjections ?? 0) > 0) throw conflict(`尚有 ${r.openObjections} 件异议未处理 / ${r.openObjections} objection(s) still open`);
  const ok = await repo.transitionRound(s, id, 'notice', 'publishing', { publishingAt: now }, ' AND noticeEndsAt <= :now AND (attribute_not_exists(openObjections) OR openObjections = :zero)', {
    ':now': now,
    ':zero': 0,
  });
  if (!ok) throw conflict('公示期未结束或仍有异议未处理 / The notice is running or an objection is open');
  return finishPublishing(deps, await mustGetRound(deps, id));
}

/**
 * Writes the 名录 and marks the round published. Idempotent, and what the reconciler re-runs for a
 * round left in `publishing` by a process that died.
 */
export async function finishPublishing(deps: Deps, r: Round): Promise<DirectoryYear> {
  const s = storeOf(deps);
  const publishedAt = r.publishingAt!;
  // 动态调整 published for this year apply: a removed platform is not listed, a downgraded one is capped.
  const adjustments = await getAdjustments(s, r.year);
  const apps = (await repo.roundApplications(s, r.id))
    .filter((a) => isListed(a, r))
    .flatMap((a) => {
      const level = adjustedLevel(a.platformId, a.level!, adjustments);
      if (level === null) return [];
      return [level === a.level ? a : { ...a, level, eligibility: { ...a.eligibility!, provincialRecommendation: level >= 2, nationalRecommendation: level >= 3 } }];
    });
  const entries: DirectoryEntry[] = noticeOrder(
    apps.map((a) => ({
      applicationId: a.id,
      platformId: a.platformId,
      platformName: a.platformName,
      operatorName: a.operatorName,
      operatorCreditCode: a.operatorCreditCode,
      category: a.category,
      ...(a.subtype ? { subtype: a.subtype } : {}),
      region: a.region,
      level: a.level!,
      eligibility: a.eligibility!,
    })),
  );
  await repo.writeDirectoryYear(s, { year: r.year, roundId: r.id, publishedAt, entries });
  // Before the round is marked published, so a re-run after a crash still tells everyone (once each).
  if (r.status === 'publishing') {
    for (const e of entries) await deps.notifier.notify(directoryPublished(e, r.year, publishedAt));
    await repo.transitionRound(s, r.id, 'publishing', 'published', { publishedAt });
  }
  return (await repo.getDirectoryYear(s, r.year))!;
}

export async function directoryYear(deps: Deps, year: number): Promise<DirectoryYear> {
  const d = await repo.getDirectoryYear(storeOf(deps), year);
  if (!d) throw notFound(`${year} 年度名录 directory`);
  return d;
}

export async function directoryYears(deps: Deps) {
  return repo.publishedYears(storeOf(deps));
}
