import { maskContact } from '#core/privacy/mask';
import { AppError, conflict, forbidden, notFound } from '#core/errors';
import { newId } from '#core/ids';
import { expertIdOf, type Principal } from '#core/principal';
import { aggregateScores, rankByScore } from '#core/review/aggregate';
import { RUBRIC_2025_1, Rubric, scoreProblems, totalScore } from '#core/review/rubric';
import type { Application } from '#core/schemas/round';
import type { ConflictInput, Expert, ExpertInput, ExpertRetireInput, Recommendations, Review, ReviewAssignInput, ReviewScoresInput } from '#core/schemas/review';
import { CATEGORIES, type Category } from '#core/taxonomy';
import { getPlan } from '#db/defences';
import * as repo from '#db/reviews';
import { applicationsById } from '#db/rounds';
import type { Deps } from '#runtime/deps';
import { actorOf, audit } from './audit';
import { mustGetRound, reviewId } from './rounds';
import { nowIso, storeOf } from './store';
import { parseVersioned } from './validation';
import { reviewAssigned } from './notifications';

const bureauOnly = (who: Principal) => {
  if (who.role !== 'bureau') throw forbidden();
};

// ---- rubric ------------------------------------------------------------------------------------

export async function rubricByVersion(deps: Deps, version: string): Promise<Rubric | undefined> {
  if (version === RUBRIC_2025_1.version) return RUBRIC_2025_1;
  const stored = await repo.getRubric(storeOf(deps), version);
  return stored ? Rubric.parse(stored) : undefined;
}

export async function activeRubric(deps: Deps): Promise<Rubric> {
  const v = await repo.activeRubricVersion(storeOf(deps));
  return (v && (await rubricByVersion(deps, v))) || RUBRIC_2025_1;
}

/** A new rubric version (other weights or criteria) becomes the one new assignments score against. */
export async function loadRubric(deps: Deps, who: Principal, version: string, body: unknown): Promise<Rubric> {
  bureauOnly(who);
  const rubric = parseVersioned(Rubric, body, version);
  const s = storeOf(deps);
  const at = nowIso(deps);
  if (version === RUBRIC_2025_1.version || !(await repo.putRubric(s, version, rubric, at)))
    throw conflict('该版本已存在，评分细则不可修改 / Rubric versions are immutable; use a new version');
  await repo.setActiveRubric(s, version, at);
  return rubric;
}

// ---- experts -----------------------------------------------------------------------------------

export async function registerExpert(deps: Deps, who: Principal, input: ExpertInput): Promise<Expert> {
  bureauOnly(who);
  const e: Expert = { ...input, id: newId('exp', deps.now().getTime()), conflicts: [], createdAt: nowIso(deps) };
  if (!(await repo.createExpert(storeOf(deps), e))) throw conflict('该联系方式已登记为专家 / An expert with this contact is already registered');
  return e;
}

/** The panel list shows contacts masked: assigning reviews needs names and fields, not numbers. */
export async function listExperts(deps: Deps, who: Principal): Promise<Expert[]> {
  bureauOnly(who);
  return (await repo.allExperts(storeOf(deps))).map((e) => (e.contact ? { ...e, contact: maskContact(e.contact) } : e));
}

/**
 * The bureau takes an expert off the panel list: no new assignments, no more signing in as the
 * expert (checked on every request), open assignments stay for the bureau to reassign, submitted
 * scores keep counting. Retiring twice changes nothing.
 */
export async function retireExpert(deps: Deps, who: Principal, expertId: string, input: ExpertRetireInput): Promise<Expert> {
  bureauOnly(who);
  const s = storeOf(deps);
  const e = await repo.getExpert(s, expertId);
  if (!e) throw notFound('专家 expert');
  if (e.retiredAt) return e;
  if (await repo.retireExpert(s, e, nowIso(deps), input.reason))
    await audit(deps, { action: 'expert.retired', actor: actorOf(who), target: expertId, details: { reason: input.reason } });
  return (await repo.getExpert(s, expertId))!;
}

/** An expert (or the bureau for them) declares a conflict of interest; assignments then refuse it. */
export async function declareConflict(deps: Deps, who: Principal, expertId: string, input: ConflictInput): Promise<Expert> {
  if (who.role !== 'bureau' && expertIdOf(who) !== expertId) throw notFound('专家 expert');
  const s = storeOf(deps);
  const ok = await repo.addConflict(s, expertId, {
    ...(input.platformId ? { platformId: input.platformId } : {}),
    ...(input.creditCode ? { creditCode: input.creditCode } : {}),
    reason: input.reason,
    declaredAt: nowIso(deps),
  });
  if (!ok) throw notFound('专家 expert');
  return (await repo.getExpert(s, expertId))!;
}

/** Why this expert may not review this application, or null. */
export function conflictOf(e: Expert, a: Application): string | null {
  if (e.affiliationCreditCode === a.operatorCreditCode)
    return `专家 ${e.name} 所在单位与 ${a.platformName} 运营单位为同一单位（${a.operatorCreditCode}） / ${e.name} works for the operator of ${a.platformName}`;
  const declared = e.conflicts.find((c) => c.platformId === a.platformId || (c.creditCode && c.creditCode === a.operatorCreditCode));
  if (declared) return `专家 ${e.name} 已申明与 ${a.platformName} 存在利益冲突：${declared.reason} / ${e.name} declared a conflict with ${a.platformName}`;
  return null;
}

// ---- assignments and scoring -------------------------------------------------------------------

/**
 * 第十一条: assigns every listed expert to every listed application. All or nothing: any
 * conflict of interest or ineligible application refuses the whole request, naming each problem.
 */
export async function assignReviews(deps: Deps, who: Principal, roundId: string, input: ReviewAssignInput): Promise<Review[]> {
  bureauOnly(who);
  const s = storeOf(deps);
  await mustGetRound(deps, roundId);
  const apps = await applicationsById(s, input.applicationIds);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const experts = await Promise.all(input.expertIds.map((id) => repo.getExpert(s, id)));
  const problems: { path: string; message: string }[] = [];
  input.applicationIds.forEach((id, i) => {
    const a = byId.get(id);
    if (!a || a.roundId !== roundId) problems.push({ path: `applicationIds.${i}`, message: '本轮无此申报 / no such application in this round' });
    else if (a.status !== 'assessed' || (a.level ?? 0) < 2)
      problems.push({ path: `applicationIds.${i}`, message: `${a.platformName} 未评定为二级及以上 / ${a.platformName} is not assessed at level 2 or above` });
  });
  experts.forEach((e, i) => {
    if (!e) problems.push({ path: `expertIds.${i}`, message: '专家不存在 / no such expert' });
    else if (e.retiredAt) problems.push({ path: `expertIds.${i}`, message: `${e.name} 已退出专家库 / ${e.name} has been retired` });
  });
  if (problems.length) throw new AppError('CONFLICT', '部分申报或专家不能分配 / Some applications or experts cannot be assigned', problems);
  const conflicts: { path: string; message: string }[] = [];
  experts.forEach((e, i) => {
    for (const id of input.applicationIds) {
      const reason = conflictOf(e!, byId.get(id)!);
      if (reason) conflicts.push({ path: `expertIds.${i}`, message: reason });
    }
  });
  if (conflicts.length) throw new AppError('CONFLICT', `利益冲突：${conflicts.map((c) => c.message.split(' / ')[0]).join('；')} / Conflict of interest`, conflicts);

  const rubric = await activeRubric(deps);
  const at = nowIso(deps);
  const out: Review[] = [];
  for (const id of input.applicationIds) {
    const a = byId.get(id)!;
    for (const e of experts) {
      const r: Review = {
        id: reviewId(a.id, e!.id),
        roundId,
        applicationId: a.id,
        platformId: a.platformId,
        platformName: a.platformName,
        category: a.category,
        expertId: e!.id,
        expertName: e!.name,
        rubricVersion: rubric.version,
        status: 'assigned',
        scores: {},
        comment: '',
        total: null,
        version: 1,
        assignedAt: at,
        updatedAt: at,
      };
      const stored = (await repo.createReview(s, r)) ? r : (await repo.getReview(s, r.id))!;
      await deps.notifier.notify(reviewAssigned(stored));
      out.push(stored);
    }
  }
  return out;
}

export async function listReviews(deps: Deps, who: Principal, roundId?: string): Promise<Review[]> {
  const s = storeOf(deps);
  const expertId = expertIdOf(who);
  if (expertId) return (await repo.reviewsOfExpert(s, expertId)).filter((r) => !roundId || r.roundId === roundId);
  bureauOnly(who);
  return roundId ? repo.reviewsOfRound(s, roundId) : repo.allReviews(s);
}

/** Experts see only their own assignments; anyone else but the bureau gets 404. */
export async function readReview(deps: Deps, who: Principal, id: string): Promise<Review> {
  const r = await repo.getReview(storeOf(deps), id);
  if (!r || (who.role !== 'bureau' && expertIdOf(who) !== r.expertId)) throw notFound('评审任务 review');
  return r;
}

async function criteriaFor(deps: Deps, r: Review) {
  const rubric = await rubricByVersion(deps, r.rubricVersion);
  if (!rubric) throw new Error(`rubric ${r.rubricVersion} missing`);
  return rubric.categories[r.category as Category];
}

async function ownReview(deps: Deps, who: Principal, id: string): Promise<Review> {
  const r = await repo.getReview(storeOf(deps), id);
  if (!r || expertIdOf(who) !== r.expertId) throw notFound('评审任务 review');
  return r;
}

/** Saves the expert's (possibly partial) score sheet; only until it is submitted. */
export async function saveScores(deps: Deps, who: Principal, id: string, input: ReviewScoresInput, ifMatch?: number): Promise<Review> {
  const r = await ownReview(deps, who, id);
  if (r.status !== 'assigned') throw conflict('评分已提交，不能修改 / Scores were submitted and can no longer change');
  if (ifMatch !== undefined && ifMatch !== r.version) throw conflict(`版本不匹配：当前为 ${r.version} / Version mismatch: current is ${r.version}`);
  const problems = scoreProblems(await criteriaFor(deps, r), input.scores, false);
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const next: Review = { ...r, scores: input.scores, comment: input.comment, version: r.version + 1, updatedAt: nowIso(deps) };
  if (!(await repo.saveReview(storeOf(deps), next, r.version))) throw conflict();
  return next;
}

export async function submitReview(deps: Deps, who: Principal, id: string): Promise<Review> {
  const r = await ownReview(deps, who, id);
  if (r.status === 'submitted') return r;
  const criteria = await criteriaFor(deps, r);
  const problems = scoreProblems(criteria, r.scores, true);
  if (problems.length) throw new AppError('CONFLICT', '评分未完成 / The score sheet is incomplete', problems);
  const at = nowIso(deps);
  const next: Review = { ...r, status: 'submitted', total: totalScore(criteria, r.scores), version: r.version + 1, updatedAt: at, submittedAt: at };
  if (!(await repo.saveReview(storeOf(deps), next, r.version))) throw conflict();
  return next;
}

// ---- recommendations ---------------------------------------------------------------------------

/** Per category, applications ranked by the panel's aggregated score, with every expert's sheet. */
export async function recommendations(deps: Deps, who: Principal, roundId: string): Promise<Recommendations> {
  bureauOnly(who);
  const s = storeOf(deps);
  const round = await mustGetRound(deps, roundId);
  const reviews = await repo.reviewsOfRound(s, roundId);
  const apps = new Map((await applicationsById(s, [...new Set(reviews.map((r) => r.applicationId))])).map((a) => [a.id, a]));
  const byApp = new Map<string, Review[]>();
  for (const r of reviews) byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r]);
  const rows = [...byApp].flatMap(([appId, rs]) => {
    const a = apps.get(appId);
    // An application rejected after an upheld objection is no longer recommended.
    if (!a || a.status !== 'assessed') return [];
    const submitted = rs.filter((r) => r.status === 'submitted' && r.total !== null);
    const agg = aggregateScores(submitted.map((r) => r.total!));
    return [
      {
        applicationId: a.id,
        platformId: a.platformId,
        platformName: a.platformName,
        operatorName: a.operatorName,
        category: a.category,
        level: a.level ?? 0,
        score: agg.score,
        droppedTotals: agg.dropped,
        assignedExperts: rs.length,
        submittedReviews: submitted.length,
        reviews: submitted.map((r) => ({ expertId: r.expertId, expertName: r.expertName, scores: r.scores, total: r.total!, comment: r.comment })),
      },
    ];
  });
  const plan = await getPlan(s, roundId);
  // With quotas set, the first `quota` scored and eligible in each category are shortlisted.
  const shortlist = (items: readonly (typeof rows)[number][], category: Category, level: 'provincial' | 'national') => {
    const eligible = items.filter((x) => x.score !== null && apps.get(x.applicationId)?.eligibility?.[level === 'provincial' ? 'provincialRecommendation' : 'nationalRecommendation']);
    return new Set(eligible.slice(0, plan!.quotas[level][category]).map((x) => x.applicationId));
  };
  return {
    roundId,
    year: round.year,
    categories: CATEGORIES.map((c) => {
      const ranked = rankByScore(rows.filter((r) => r.category === c.code));
      const [prov, nat] = plan ? [shortlist(ranked, c.code, 'provincial'), shortlist(ranked, c.code, 'national')] : [];
      return {
        category: c.code,
        items: ranked.map(({ category: _c, ...rest }) => ({ ...rest, ...(prov && nat ? { withinQuota: { provincial: prov.has(rest.applicationId), national: nat.has(rest.applicationId) } } : {}) })),
      };
    }),
  };
}
