import { AppError, notFound } from '#core/errors';
import { indicatorReportSchema, reportYearSchema, type IndicatorReportFor } from '#core/indicators';
import { assess, type Assessment } from '#core/maturity/assess';
import { QD_2025_1 } from '#core/maturity/qd-2025.1';
import { RuleSet } from '#core/maturity/rule-set';
import type { Principal } from '#core/principal';
import type { Category } from '#core/taxonomy';
import * as ind from '#db/indicators';
import { allPlatforms, applyAssessment, bumpRegistryVersion, currentAssessment as currentAssessmentOf, getPlatform } from '#db/platforms';
import type { PlatformAssessMessage } from '#queue/messages';
import type { Deps } from '#runtime/deps';
import { assertCanEdit } from './platforms';
import { nowIso, storeOf } from './store';
import { fromIssues, parseVersioned } from './validation';

export async function reportIndicators(deps: Deps, who: Principal, platformId: string, yearRaw: string, body: unknown) {
  assertCanEdit(who, platformId);
  const s = storeOf(deps);
  const platform = await getPlatform(s, platformId);
  if (!platform) throw notFound('平台 platform');
  const year = reportYearSchema(deps.now()).safeParse(Number(yearRaw));
  if (!/^\d{4}$/.test(yearRaw) || !year.success)
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'year', message: year.success ? '年度须为四位数字 / year must be 4 digits' : year.error.issues[0]!.message },
    ]);
  // The category comes from the registry, so a body with another category's block is refused.
  const parsed = indicatorReportSchema(platform.category).safeParse(body);
  if (!parsed.success) throw fromIssues(parsed.error.issues);
  const at = nowIso(deps);
  const report = await ind.appendReport(
    s,
    { platformId, year: year.data, category: platform.category, general: parsed.data.general, specific: parsed.data.specific, reportedBy: who.userId, reportedAt: at },
    at,
  );
  await deps.publisher.send('assess', { type: 'IndicatorsReported', platformId, year: report.year, version: report.version });
  return { platformId, year: report.year, version: report.version, status: 'assessing' as const };
}

export async function activeRuleSet(deps: Deps): Promise<RuleSet> {
  const version = await ind.activeRuleSetVersion(storeOf(deps));
  return (version && (await ruleSetByVersion(deps, version))) || QD_2025_1;
}

/** A rule set by its version: the built-in one, or one the bureau loaded. */
export async function ruleSetByVersion(deps: Deps, version: string): Promise<RuleSet | undefined> {
  if (version === QD_2025_1.version) return QD_2025_1;
  const stored = await ind.getRuleSet(storeOf(deps), version);
  return stored ? RuleSet.parse(stored) : undefined;
}

/**
 * The assess consumer: grades the newest report of the newest year with the active rule set.
 * Idempotent: the assessment key is (year, rule set, report version), written once; a stale or
 * duplicate message recomputes the same key and changes nothing.
 */
export async function runAssessment(deps: Deps, msg: PlatformAssessMessage): Promise<Assessment | null> {
  const s = storeOf(deps);
  const platform = await getPlatform(s, msg.platformId);
  if (!platform) return null;
  const report = await ind.latestReport(s, msg.platformId);
  if (!report) return null;
  const ruleSet = await activeRuleSet(deps);
  const category = report.category as Category;
  const assessment = assess(ruleSet, category, { general: report.general, specific: report.specific } as IndicatorReportFor, {
    platformId: msg.platformId,
    year: report.year,
    assessedAt: nowIso(deps),
  });
  const key = `${report.year}#${ruleSet.version}#${String(report.version).padStart(6, '0')}`;
  const fresh = await ind.putAssessment(s, msg.platformId, key, { ...assessment, reportVersion: report.version });
  // A redelivery finds the stored result and re-applies that one (a crash may have come between
  // the two writes), so the profile converges without a second, differently-timed assessment.
  const result = fresh ? assessment : ((await ind.getAssessment<Assessment>(s, msg.platformId, key)) ?? assessment);
  const applied = await applyAssessment(s, msg.platformId, {
    level: result.level,
    eligibility: result.eligibility,
    year: report.year,
    seq: report.year * 1_000_000 + report.version,
    full: result,
    category,
  });
  // The level is all a ranking reads of an assessment, so only a new level invalidates the match
  // consumers' registry snapshots: a bump makes every warm container re-read the whole registry
  // on its next match. (If a concurrent assessment changed the level since `platform` was read,
  // a snapshot may keep the old level until the next bump; maturity weighs at most 0.03.)
  if (applied && fresh && result.level !== platform.level) await bumpRegistryVersion(s);
  if (fresh) deps.log.info('assessed', { platformId: msg.platformId, year: report.year, level: result.level, ruleSet: ruleSet.version });
  await ind.clearAssessmentDue(s, { platformId: msg.platformId, year: report.year, version: report.version });
  return result;
}

export async function currentAssessment(deps: Deps, platformId: string): Promise<Assessment> {
  const s = storeOf(deps);
  if (!(await getPlatform(s, platformId))) throw notFound('平台 platform');
  const a = await currentAssessmentOf<Assessment>(s, platformId);
  if (!a) throw notFound('评定结果 assessment');
  return a;
}

export async function assessmentHistory(deps: Deps, platformId: string) {
  const p = await getPlatform(storeOf(deps), platformId);
  if (!p) throw notFound('平台 platform');
  const items = await ind.assessmentHistory<Assessment>(storeOf(deps), platformId);
  return items.map((a) => ({ year: a.year, level: a.level, ruleSetVersion: a.ruleSetVersion, assessedAt: a.assessedAt, summary: a.summary }));
}

/** Loads a new rule-set version, makes it active and queues a reassessment of every platform. */
export async function loadRuleSet(deps: Deps, version: string, body: unknown) {
  const ruleSet = parseVersioned(RuleSet, body, version);
  const s = storeOf(deps);
  const at = nowIso(deps);
  if (!(await ind.putRuleSet(s, version, ruleSet, at)))
    throw new AppError('CONFLICT', '该版本已存在，规则集不可修改 / Rule-set versions are immutable; use a new version');
  await ind.setActiveRuleSet(s, version, at);
  const platforms = await allPlatforms(s);
  await deps.publisher.sendBatch(
    'assess',
    platforms.map((p) => ({ type: 'ReassessRequested' as const, platformId: p.id, ruleSetVersion: version })),
  );
  return { version, active: true, reassessing: platforms.length };
}
