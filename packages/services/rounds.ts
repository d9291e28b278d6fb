import { AppError, conflict, forbidden, notFound } from '#core/errors';
import type { DistrictReview } from '#core/schemas/round';
import { actorOf, audit, type Origin } from './audit';
import { deterministicId } from '#core/ids';
import { assess, type Assessment } from '#core/maturity/assess';
import type { IndicatorReportFor } from '#core/indicators';
import type { Principal } from '#core/principal';
import type { Application, Round, RoundInput } from '#core/schemas/round';
import type { Category } from '#core/taxonomy';
import * as ind from '#db/indicators';
import { getPlatform } from '#db/platforms';
import * as repo from '#db/rounds';
import { assertCanActFor, readApplication } from './application-access';
import { evidenceProblems } from './evidence';
import { applicationAssessed, applicationReturned } from './notifications';
import type { ApplicationMessage } from '#queue/messages';
import type { Deps } from '#runtime/deps';
import { activeRuleSet, ruleSetByVersion } from './assessment';
import { nowIso, storeOf } from './store';

const DAY_MS = 86_400_000;

export const roundNotFound = () => notFound('评审轮次 round');
export { readApplication, reviewId } from './application-access';
const appNotFound = () => notFound('申报 application');

export async function mustGetRound(deps: Deps, id: string): Promise<Round> {
  const r = await repo.getRound(storeOf(deps), id);
  if (!r) throw roundNotFound();
  return r;
}

const bureauOnly = (who: Principal) => {
  if (who.role !== 'bureau') throw forbidden();
};

// ---- rounds ------------------------------------------------------------------------------------

/** 第九条: the bureau announces the year's round with its window, rule set and notice period. */
export async function openRound(deps: Deps, who: Principal, input: RoundInput): Promise<Round> {
  bureauOnly(who);
  const ruleSetVersion = input.ruleSetVersion ?? (await activeRuleSet(deps)).version;
  if (!(await ruleSetByVersion(deps, ruleSetVersion)))
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'ruleSetVersion', message: '评定规则版本不存在 / no such rule-set version' }]);
  const round: Round = {
    id: `rnd_${input.year}`,
    year: input.year,
    status: 'open',
    opensAt: new Date(input.opensAt).toISOString(),
    closesAt: new Date(input.closesAt).toISOString(),
    noticeDays: input.noticeDays,
    ruleSetVersion,
    ...(input.districtReview ? { districtReview: true } : {}),
    version: 1,
    createdAt: nowIso(deps),
  };
  if (!(await repo.createRound(storeOf(deps), round)))
    throw new AppError('CONFLICT', `${input.year} 年度已有评审轮次 / A round for ${input.year} already exists`);
  return round;
}

export async function listRounds(deps: Deps) {
  return repo.allRounds(storeOf(deps));
}

export async function closeRound(deps: Deps, who: Principal, id: string): Promise<Round> {
  bureauOnly(who);
  const r = await mustGetRound(deps, id);
  if (r.status === 'closed') return r;
  if (!(await repo.transitionRound(storeOf(deps), id, 'open', 'closed')))
    throw conflict(`轮次状态为 ${r.status}，不能截止 / Round is ${r.status}; only an open round can close`);
  return mustGetRound(deps, id);
}

/** 第十条: the assessed result is noticed publicly; only once every submission has been assessed. */
export async function startNotice(deps: Deps, who: Principal, id: string, endsAt?: string): Promise<Round> {
  bureauOnly(who);
  const s = storeOf(deps);
  const r = await mustGetRound(deps, id);
  if (r.status !== 'closed') throw conflict(`轮次状态为 ${r.status}，须先截止申报 / Round is ${r.status}; close it first`);
  const now = deps.now();
  const ends = endsAt ? new Date(endsAt) : new Date(now.getTime() + r.noticeDays * DAY_MS);
  if (ends.getTime() <= now.getTime())
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'endsAt', message: '公示截止时间须在将来 / endsAt must be in the future' }]);
  const pending = (await repo.roundApplications(s, id)).filter((a) => a.status === 'submitted').length;
  if (pending > 0) throw conflict(`尚有 ${pending} 份申报在评定中 / ${pending} application(s) are still being assessed`);
  if (!(await repo.transitionRound(s, id, 'closed', 'notice', { noticeEndsAt: ends.toISOString(), openObjections: 0 })))
    throw conflict();
  return mustGetRound(deps, id);
}

// ---- applications ------------------------------------------------------------------------------

function assertWindow(deps: Deps, r: Round) {
  const now = nowIso(deps);
  if (r.status !== 'open' || now < r.opensAt || now > r.closesAt)
    throw conflict(`不在申报期内（${r.opensAt} – ${r.closesAt}） / Outside the application window`);
}

/** 企业填报、自主入库: the platform enters itself (or the bureau for it); once per round. */
export async function apply(deps: Deps, who: Principal, roundId: string, platformId: string): Promise<{ application: Application; created: boolean }> {
  assertCanActFor(who, platformId);
  const s = storeOf(deps);
  const r = await mustGetRound(deps, roundId);
  const p = await getPlatform(s, platformId);
  if (!p) throw notFound('平台 platform');
  const id = deterministicId('app', roundId, platformId);
  const existing = await repo.getApplication(s, id);
  if (existing) return { application: existing, created: false };
  assertWindow(deps, r);
  const at = nowIso(deps);
  const a: Application = {
    id,
    roundId,
    year: r.year,
    platformId,
    platformName: p.name,
    operatorName: p.operator.name,
    operatorCreditCode: p.operator.creditCode,
    category: p.category,
    ...(p.subtype ? { subtype: p.subtype } : {}),
    region: p.region,
    status: 'draft',
    submissions: 0,
    history: [{ at, status: 'draft', by: who.userId }],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  if (!(await repo.createApplication(s, a))) return { application: (await repo.getApplication(s, id))!, created: false };
  return { application: a, created: true };
}

/** One application with the full explanation of its current assessment (which checks met, the gaps). */
export async function applicationView(deps: Deps, who: Principal, id: string): Promise<Application> {
  const a = await readApplication(deps, who, id);
  if (a.status !== 'assessed') return a;
  const assessment = await repo.getApplicationAssessment<Assessment>(storeOf(deps), a.id, a.submissions);
  return assessment ? { ...a, assessment } : a;
}

export async function listApplications(deps: Deps, who: Principal, roundId: string): Promise<Application[]> {
  await mustGetRound(deps, roundId);
  const s = storeOf(deps);
  if (who.role === 'bureau') return repo.roundApplications(s, roundId);
  if (who.role === 'platform') {
    const own = await repo.getApplication(s, deterministicId('app', roundId, who.org!));
    return own ? [own] : [];
  }
  if (who.role === 'district') return (await repo.roundApplications(s, roundId)).filter((a) => a.region === who.district);
  throw forbidden();
}

/**
 * Submits (or resubmits after 补正) for assessment against the round year's report. The report
 * version is pinned here, so what was submitted is what gets assessed even if a newer one arrives.
 */
export async function submit(deps: Deps, who: Principal, id: string): Promise<Application> {
  const s = storeOf(deps);
  const a = await readApplication(deps, who, id);
  assertCanActFor(who, a.platformId);
  if (a.status === 'submitted') return a;
  if (a.status !== 'draft' && a.status !== 'returned') throw conflict(`申报状态为 ${a.status}，不能提交 / Application is ${a.status}; cannot submit`);
  const round = await mustGetRound(deps, a.roundId);
  assertWindow(deps, round);
  const reportVersion = await ind.latestVersionOfYear(s, a.platformId, a.year);
  if (!reportVersion)
    throw conflict(`尚未申报 ${a.year} 年度指标，请先填报 / No indicator report for ${a.year}; report it first (PUT /v1/platforms/${a.platformId}/indicators/${a.year})`);
  const problems = await evidenceProblems(deps, a);
  if (problems.length) throw new AppError('CONFLICT', '申报材料缺失或校验不符 / Evidence is missing or does not match what was declared', problems);
  const at = nowIso(deps);
  const submissions = a.submissions + 1;
  const ok = await repo.transitionApplication(s, id, {
    from: ['draft', 'returned'],
    to: 'submitted',
    by: who.userId,
    at,
    // A (re)submission waits for its district again where the round asks for first review.
    set: { submissions, reportVersion, submittedAt: at, ...repo.DUE_KEYS(at, id), ...(round.districtReview ? { districtReview: { status: 'pending' } } : {}) },
    remove: ['comment'],
  });
  if (!ok) throw conflict();
  await deps.publisher.send('assess', { type: 'AssessApplication', applicationId: id, submission: submissions });
  return (await repo.getApplication(s, id))!;
}

/** 补正: the bureau sends an application back with a comment while the round is open. */
export async function returnApplication(deps: Deps, who: Principal, id: string, comment: string, origin: Origin = {}): Promise<Application> {
  if (who.role !== 'bureau' && who.role !== 'district') throw forbidden();
  const s = storeOf(deps);
  const a = await repo.getApplication(s, id);
  if (!a || (who.role === 'district' && who.district !== a.region)) throw appNotFound();
  const r = await mustGetRound(deps, a.roundId);
  if (who.role === 'district' && !r.districtReview) throw conflict('本轮次未设区（市）初审 / This round has no district first review');
  const at = nowIso(deps);
  if (r.status !== 'open') throw conflict('申报已截止，不能退回补正 / The round is closed; applications can no longer be returned');
  const ok = await repo.transitionApplication(s, id, {
    from: ['submitted', 'assessed'],
    to: 'returned',
    by: who.userId,
    at,
    note: comment,
    set: { comment, ...(r.districtReview ? { districtReview: districtDecision(who, 'returned', at, comment) } : {}) },
    remove: ['gsi2pk', 'gsi2sk'],
  });
  if (!ok) throw conflict(`申报状态为 ${a.status}，不能退回 / Application is ${a.status}; only submitted or assessed ones can be returned`);
  const returned = (await repo.getApplication(s, id))!;
  if (r.districtReview) await auditDistrict(deps, who, 'application.district_returned', returned, origin);
  await deps.notifier.notify(applicationReturned(returned, comment));
  return returned;
}

const districtDecision = (who: Principal, status: 'endorsed' | 'returned', at: string, comment?: string): DistrictReview => ({
  status,
  by: who.userId,
  at,
  ...(comment ? { comment } : {}),
  ...(who.role === 'bureau' ? { onBehalf: true } : {}),
});

const auditDistrict = (deps: Deps, who: Principal, action: 'application.district_endorsed' | 'application.district_returned', a: Application, origin: Origin) =>
  audit(deps, { action, actor: actorOf(who), target: a.id, details: { region: a.region, platformId: a.platformId, ...(who.role === 'bureau' ? { onBehalfOf: a.region } : {}) } }, origin);

/**
 * 初审: the applicant's district (or the bureau in its place, audited as such) recommends a submitted
 * application for the city's list. Endorsing again gives the same result and writes nothing; once
 * the notice has started the list is fixed (409).
 */
export async function endorse(deps: Deps, who: Principal, id: string, comment: string | undefined, origin: Origin = {}): Promise<Application> {
  if (who.role !== 'bureau' && who.role !== 'district') throw forbidden();
  const s = storeOf(deps);
  const a = await repo.getApplication(s, id);
  if (!a || (who.role === 'district' && who.district !== a.region)) throw appNotFound();
  const r = await mustGetRound(deps, a.roundId);
  if (!r.districtReview) throw conflict('本轮次未设区（市）初审 / This round has no district first review');
  if (a.districtReview?.status === 'endorsed') return a;
  if (r.status !== 'open' && r.status !== 'closed') throw conflict('公示已开始，名单不能再变 / The notice has started; the list is fixed');
  if (a.status !== 'submitted' && a.status !== 'assessed')
    throw conflict(`申报状态为 ${a.status}，须提交后方可初审 / Application is ${a.status}; only a submitted application can be endorsed`);
  const at = nowIso(deps);
  const ok = await repo.transitionApplication(s, id, {
    from: [a.status],
    to: a.status,
    by: who.userId,
    at,
    note: `区（市）初审通过 / endorsed by ${a.region}${who.role === 'bureau' ? '（市局代为）/ by the bureau on its behalf' : ''}${comment ? `: ${comment}` : ''}`,
    set: { districtReview: districtDecision(who, 'endorsed', at, comment) },
    // '#st' is the transition's own name for `status`; here it names the review's.
    condition: 'submissions = :n AND districtReview.#st = :pending',
    values: { ':n': a.submissions, ':pending': 'pending' },
  });
  if (!ok) {
    const now = (await repo.getApplication(s, id))!;
    if (now.districtReview?.status === 'endorsed') return now;
    throw conflict('申报刚被修改，请刷新后重试 / The application changed meanwhile; reload and retry');
  }
  const endorsed = (await repo.getApplication(s, id))!;
  await auditDistrict(deps, who, 'application.district_endorsed', endorsed, origin);
  return endorsed;
}

/**
 * The assess consumer's part for applications: grades the pinned report of the round's year with
 * the round's rule set. The write is conditional on the same submission still being current, so a
 * redelivered or stale message changes nothing.
 */
export async function assessApplication(deps: Deps, msg: ApplicationMessage): Promise<void> {
  const s = storeOf(deps);
  const a = await repo.getApplication(s, msg.applicationId);
  if (!a || a.submissions !== msg.submission) return;
  // Assessed already (a redelivery, or a crash after the write): make sure the applicant was told.
  if (a.status === 'assessed') return deps.notifier.notify(applicationAssessed(a));
  if (a.status !== 'submitted' || !a.reportVersion) return;
  const round = await repo.getRound(s, a.roundId);
  if (!round) return;
  const report = await ind.getReport(s, a.platformId, a.year, a.reportVersion);
  const ruleSet = await ruleSetByVersion(deps, round.ruleSetVersion);
  if (!report || !ruleSet) throw new Error(`cannot assess ${a.id}: report or rule set ${round.ruleSetVersion} missing`);
  const at = nowIso(deps);
  const result = assess(ruleSet, report.category as Category, { general: report.general, specific: report.specific } as IndicatorReportFor, {
    platformId: a.platformId,
    year: a.year,
    assessedAt: at,
  });
  // Written first and keyed by submission: a crash before the transition re-drives to the same key.
  await repo.putApplicationAssessment(s, a.id, msg.submission, result);
  const ok = await repo.transitionApplication(s, a.id, {
    from: ['submitted'],
    to: 'assessed',
    by: 'assess',
    at,
    note: result.summary.zh,
    set: { level: result.level, eligibility: result.eligibility, ruleSetVersion: ruleSet.version, assessedAt: at },
    remove: ['gsi2pk', 'gsi2sk'],
    condition: 'submissions = :n',
    values: { ':n': msg.submission },
  });
  if (!ok) return;
  deps.log.info('application assessed', { applicationId: a.id, level: result.level });
  await deps.notifier.notify(applicationAssessed((await repo.getApplication(s, a.id))!));
}
