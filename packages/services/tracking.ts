import { conflict, forbidden, invalid, notFound } from '#core/errors';
import { deterministicId } from '#core/ids';
import type { Principal } from '#core/principal';
import type { Adjustments, TrackingCase, TrackingDecisionInput, TrackingReplyInput, TrackingRun, TrackingRunInput } from '#core/schemas/tracking';
import { finding } from '#core/tracking/check';
import { latestVersionOfYear } from '#db/indicators';
import { getPlatforms } from '#db/platforms';
import { getDirectoryYear } from '#db/rounds';
import * as repo from '#db/tracking';
import type { Deps } from '#runtime/deps';
import { actorOf, audit, type Origin } from './audit';
import { postPlatformEvent } from './platform-webhook';
import { nowIso, storeOf } from './store';

const DAY_MS = 86_400_000;
const bureauOnly = (who: Principal) => {
  if (who.role !== 'bureau') throw forbidden();
};
const caseNotFound = () => notFound('跟踪事项 tracking case');

/**
 * 动态评价, after the year's reporting deadline: every platform in last year's 名录 is checked for a
 * report this year and for its level. A miss or a drop opens a case (once per platform and year)
 * with a reply window, and the platform is reminded by notice and webhook.
 */
export async function runTracking(deps: Deps, who: Principal, year: number, input: TrackingRunInput, origin: Origin = {}): Promise<TrackingRun> {
  bureauOnly(who);
  const s = storeOf(deps);
  const listed = await getDirectoryYear(s, year - 1);
  if (!listed) throw notFound(`${year - 1} 年度名录 directory`);
  const platforms = new Map((await getPlatforms(s, listed.entries.map((e) => e.platformId))).map((p) => [p.id, p]));
  const at = nowIso(deps);
  let opened = 0;
  for (const e of listed.entries) {
    const p = platforms.get(e.platformId);
    const reported = (await latestVersionOfYear(s, e.platformId, year)) !== undefined;
    const assessedLevel = p && p.assessedYear === year ? p.level : null;
    const kind = finding({ platformId: e.platformId, listedLevel: e.level, reported, assessedLevel });
    if (!kind) continue;
    const c: TrackingCase = {
      id: deterministicId('trk', String(year), e.platformId),
      year,
      platformId: e.platformId,
      platformName: e.platformName,
      kind,
      listedLevel: e.level,
      currentLevel: reported ? assessedLevel : null,
      status: 'open',
      openedAt: at,
      replyBy: new Date(deps.now().getTime() + input.replyDays * DAY_MS).toISOString(),
    };
    if (!(await repo.openCase(s, c))) continue;
    opened++;
    const what = kind === 'missing_report' ? { zh: `未报送 ${year} 年度指标`, en: `no ${year} indicator report` } : { zh: `${year} 年度等级由 ${e.level} 级降为 ${assessedLevel} 级`, en: `level fell from ${e.level} to ${assessedLevel} in ${year}` };
    await deps.notifier.notify({
      id: deterministicId('ntf', c.id, 'opened'),
      recipient: { kind: 'platform', id: c.platformId },
      event: 'tracking.opened',
      title: { zh: `动态评价：${what.zh}，请于 ${c.replyBy.slice(0, 10)} 前说明`, en: `Yearly tracking: ${what.en}; reply by ${c.replyBy.slice(0, 10)}` },
      body: { zh: kind === 'missing_report' ? '请尽快报送指标，或在申辩期内说明情况。' : '请在申辩期内说明情况。', en: kind === 'missing_report' ? 'Report your indicators, or explain within the reply window.' : 'Explain within the reply window.' },
      ref: `tracking/${c.id}`,
      at,
    });
    await postPlatformEvent(deps, c.platformId, deterministicId('evt', c.id, 'opened'), { type: 'tracking.opened', case: c });
  }
  const cases = await repo.casesOfYear(s, year);
  await audit(deps, { action: 'tracking.run', actor: actorOf(who), target: String(year), details: { checked: listed.entries.length, opened } }, origin);
  return { year, checked: listed.entries.length, opened, cases };
}

export async function listCases(deps: Deps, who: Principal, year: number): Promise<TrackingCase[]> {
  const all = await repo.casesOfYear(storeOf(deps), year);
  if (who.role === 'bureau') return all;
  if (who.role !== 'platform') throw forbidden();
  return all.filter((c) => c.platformId === who.org);
}

async function visibleCase(deps: Deps, who: Principal, id: string): Promise<TrackingCase> {
  const c = await repo.getCase(storeOf(deps), id);
  if (!c || !(who.role === 'bureau' || (who.role === 'platform' && who.org === c.platformId))) throw caseNotFound();
  return c;
}

export const readCase = visibleCase;

/** 申辩: the platform explains, once, within the reply window. */
export async function replyToCase(deps: Deps, who: Principal, id: string, input: TrackingReplyInput): Promise<TrackingCase> {
  if (who.role !== 'platform') throw forbidden();
  const c = await visibleCase(deps, who, id);
  const at = nowIso(deps);
  if (c.status !== 'open') throw conflict('已说明或已决定 / Already replied or decided');
  if (at > c.replyBy) throw conflict(`申辩期已于 ${c.replyBy} 结束 / The reply window closed at ${c.replyBy}`);
  const reply = { text: input.text, at, by: who.userId };
  if (!(await repo.updateCase(storeOf(deps), id, ['open'], { status: 'replied', reply }))) throw conflict('已说明或已决定 / Already replied or decided');
  return { ...c, status: 'replied', reply };
}

/**
 * The bureau decides keep / downgrade / remove with a note, after hearing the platform: before a
 * reply, only once the window has closed. Decided once.
 */
export async function decideCase(deps: Deps, who: Principal, id: string, input: TrackingDecisionInput, origin: Origin = {}): Promise<TrackingCase> {
  bureauOnly(who);
  const c = await visibleCase(deps, who, id);
  const at = nowIso(deps);
  if (c.status === 'decided') throw conflict('已决定 / Already decided');
  if (c.status === 'open' && at <= c.replyBy) throw conflict(`申辩期至 ${c.replyBy}，平台尚未说明 / The platform may reply until ${c.replyBy}`);
  if (input.outcome === 'downgrade' && !(input.level! < c.listedLevel)) throw invalid('level', `降级须低于原等级 ${c.listedLevel} / a downgrade is below level ${c.listedLevel}`);
  const decision = { outcome: input.outcome, level: input.outcome === 'downgrade' ? input.level! : input.outcome === 'keep' ? c.listedLevel : null, note: input.note, at, by: who.userId };
  if (!(await repo.updateCase(storeOf(deps), id, ['open', 'replied'], { status: 'decided', decision }))) throw conflict('已决定 / Already decided');
  await audit(deps, { action: 'tracking.decided', actor: actorOf(who), target: id, details: { platformId: c.platformId, year: c.year, outcome: input.outcome } }, origin);
  return { ...c, status: 'decided', decision };
}

/** The dated public list of adjustments, once every case of the year is decided; fixed once published. */
export async function publishAdjustments(deps: Deps, who: Principal, year: number, origin: Origin = {}): Promise<Adjustments> {
  bureauOnly(who);
  const s = storeOf(deps);
  const existing = await repo.getAdjustments(s, year);
  if (existing) return existing;
  const cases = await repo.casesOfYear(s, year);
  const open = cases.filter((c) => c.status !== 'decided');
  if (open.length) throw conflict(`尚有 ${open.length} 件未决定：${open.map((c) => c.platformName).join('、')} / ${open.length} case(s) undecided`);
  const items = cases
    .filter((c) => c.decision!.outcome !== 'keep')
    .map((c) => ({ platformId: c.platformId, platformName: c.platformName, outcome: c.decision!.outcome as 'downgrade' | 'remove', fromLevel: c.listedLevel, toLevel: c.decision!.level, note: c.decision!.note, decidedAt: c.decision!.at }));
  const a: Adjustments = { year, publishedAt: nowIso(deps), items, kept: cases.length - items.length };
  if (!(await repo.publishAdjustments(s, a))) return (await repo.getAdjustments(s, year))!;
  await audit(deps, { action: 'tracking.published', actor: actorOf(who), target: String(year), details: { adjusted: items.length, kept: a.kept } }, origin);
  return a;
}

export async function publicAdjustments(deps: Deps, year: number): Promise<Adjustments> {
  const a = await repo.getAdjustments(storeOf(deps), year);
  if (!a) throw notFound(`${year} 年度动态调整 adjustments`);
  return a;
}
