import { UPSTREAM_LEVEL_LABELS } from '#core/labels';
import { AppError, conflict, forbidden, notFound } from '#core/errors';
import { deterministicId, newId } from '#core/ids';
import { expertIdOf, type Principal } from '#core/principal';
import { DEFENCE_RUBRIC_2026_1, overQuota, rankFinal, ruleText } from '#core/recommend/defence';
import { scoreProblems, totalScore } from '#core/review/rubric';
import type { DefenceScore, DefenceScoreInput, DefenceSession, DefenceSessionInput, FinalList, FinalListInput, QuotaInput, RecommendationPlan, UpstreamLevel } from '#core/schemas/defence';
import { label } from '#core/taxonomy';
import * as repo from '#db/defences';
import { getExpert } from '#db/reviews';
import { applicationsById } from '#db/rounds';
import type { Deps } from '#runtime/deps';
import { actorOf, audit, type Origin } from './audit';
import { conflictOf, recommendations } from './reviews';
import { mustGetRound } from './rounds';
import { nowIso, storeOf } from './store';

const eligibleFor = (level: UpstreamLevel) => (level === 'provincial' ? 'provincialRecommendation' : 'nationalRecommendation');

const bureauOnly = (who: Principal) => {
  if (who.role !== 'bureau') throw forbidden();
};

async function assertNotFixed(deps: Deps, roundId: string, level: UpstreamLevel) {
  if (await repo.getFinalList(storeOf(deps), roundId, level)) throw conflict(`${UPSTREAM_LEVEL_LABELS[level].zh}推荐名单已确定 / The ${level} list is fixed`);
}

// ---- quotas ------------------------------------------------------------------------------------

export async function setQuotas(deps: Deps, who: Principal, roundId: string, input: QuotaInput, origin: Origin = {}): Promise<RecommendationPlan> {
  bureauOnly(who);
  await mustGetRound(deps, roundId);
  for (const level of ['provincial', 'national'] as const) await assertNotFixed(deps, roundId, level);
  const plan: RecommendationPlan = { roundId, quotas: input.quotas, reviewWeight: input.reviewWeight, updatedAt: nowIso(deps), updatedBy: who.userId };
  await repo.putPlan(storeOf(deps), plan);
  await audit(deps, { action: 'recommendation.quotas_set', actor: actorOf(who), target: roundId, details: { quotas: JSON.stringify(input.quotas), reviewWeight: input.reviewWeight } }, origin);
  return plan;
}

export async function getQuotas(deps: Deps, who: Principal, roundId: string): Promise<RecommendationPlan> {
  bureauOnly(who);
  const plan = await repo.getPlan(storeOf(deps), roundId);
  if (!plan) throw notFound('推荐名额 quotas');
  return plan;
}

// ---- 答辩 sessions -------------------------------------------------------------------------------

/**
 * Schedules a 答辩 session: presenters in the given order, one slot each; the panel is checked
 * against every presenter for conflicts of interest (all or nothing), then told, as are the platforms.
 */
export async function scheduleDefence(deps: Deps, who: Principal, roundId: string, input: DefenceSessionInput, origin: Origin = {}): Promise<DefenceSession> {
  bureauOnly(who);
  const s = storeOf(deps);
  await mustGetRound(deps, roundId);
  await assertNotFixed(deps, roundId, input.level);
  const apps = new Map((await applicationsById(s, input.presenters)).map((a) => [a.id, a]));
  const problems: { path: string; message: string }[] = [];
  input.presenters.forEach((id, i) => {
    const a = apps.get(id);
    if (!a || a.roundId !== roundId) problems.push({ path: `presenters.${i}`, message: '不是本轮次的申报 / not an application of this round' });
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const ineligible = input.presenters.map((id) => apps.get(id)!).filter((a) => a.status !== 'assessed' || !a.eligibility?.[eligibleFor(input.level)]);
  if (ineligible.length)
    throw conflict(`不具备${UPSTREAM_LEVEL_LABELS[input.level].zh}推荐资格：${ineligible.map((a) => a.platformName).join('、')} / Not eligible for the ${input.level} recommendation`);
  const panel = await Promise.all(input.panel.map((id) => getExpert(s, id)));
  const missing = input.panel.filter((_, i) => !panel[i] || panel[i]!.retiredAt);
  if (missing.length) throw new AppError('VALIDATION_FAILED', undefined, missing.map((id) => ({ path: 'panel', message: `专家不存在或已退出：${id} / unknown or retired expert` })));
  const conflicts = panel.flatMap((e) => input.presenters.map((id) => conflictOf(e!, apps.get(id)!)).filter((x): x is string => !!x));
  if (conflicts.length) throw conflict(conflicts.join('；'));

  const slot = input.slotMinutes * 60_000;
  const start = Date.parse(input.startsAt);
  const session: DefenceSession = {
    id: newId('def', deps.now().getTime()),
    roundId,
    level: input.level,
    startsAt: new Date(start).toISOString(),
    venue: input.venue,
    slotMinutes: input.slotMinutes,
    panel: panel.map((e) => ({ expertId: e!.id, name: e!.name })),
    schedule: input.presenters.map((id, i) => {
      const a = apps.get(id)!;
      return { order: i + 1, applicationId: id, platformId: a.platformId, platformName: a.platformName, category: a.category, startsAt: new Date(start + i * slot).toISOString(), endsAt: new Date(start + (i + 1) * slot).toISOString() };
    }),
    rubricVersion: DEFENCE_RUBRIC_2026_1.version,
    createdAt: nowIso(deps),
  };
  await repo.createSession(s, session);
  const when = `${session.startsAt.slice(0, 16).replace('T', ' ')} UTC · ${session.venue}`;
  for (const m of session.panel)
    await deps.notifier.notify({
      id: deterministicId('ntf', session.id, 'panel', m.expertId),
      recipient: { kind: 'expert', id: m.expertId },
      event: 'defence.scheduled',
      title: { zh: `答辩评审：${UPSTREAM_LEVEL_LABELS[session.level].zh}推荐（${session.schedule.length} 个平台）`, en: `Defence panel: ${session.schedule.length} platform(s)` },
      body: { zh: when, en: when },
      ref: `defences/${session.id}`,
      at: session.createdAt,
    });
  for (const x of session.schedule)
    await deps.notifier.notify({
      id: deterministicId('ntf', session.id, 'presenter', x.applicationId),
      recipient: { kind: 'platform', id: x.platformId },
      event: 'defence.scheduled',
      title: { zh: `请参加${UPSTREAM_LEVEL_LABELS[session.level].zh}推荐答辩（第 ${x.order} 位）`, en: `Please defend for the ${session.level} recommendation (no. ${x.order})` },
      body: { zh: `${x.startsAt.slice(0, 16).replace('T', ' ')} UTC · ${session.venue}`, en: `${x.startsAt.slice(0, 16).replace('T', ' ')} UTC · ${session.venue}` },
      ref: `defences/${session.id}`,
      at: session.createdAt,
    });
  await audit(deps, { action: 'recommendation.defence_scheduled', actor: actorOf(who), target: session.id, details: { roundId, level: session.level, presenters: session.schedule.length } }, origin);
  return session;
}

/** The bureau sees every session; a panel member the sessions they sit on. */
export async function listDefences(deps: Deps, who: Principal, roundId: string): Promise<DefenceSession[]> {
  const all = await repo.sessionsOfRound(storeOf(deps), roundId);
  if (who.role === 'bureau') return all;
  const me = expertIdOf(who);
  if (!me) throw forbidden();
  return all.filter((d) => d.panel.some((m) => m.expertId === me));
}

async function panelSession(deps: Deps, who: Principal, id: string): Promise<DefenceSession> {
  const d = await repo.getSession(storeOf(deps), id);
  const me = expertIdOf(who);
  if (!d || !(who.role === 'bureau' || (me && d.panel.some((m) => m.expertId === me)))) throw notFound('答辩 defence session');
  return d;
}

/** The session with its score sheets: all of them for the bureau, a panel member's own. */
export async function readDefence(deps: Deps, who: Principal, id: string): Promise<DefenceSession & { scores: DefenceScore[]; rubric: typeof DEFENCE_RUBRIC_2026_1 }> {
  const d = await panelSession(deps, who, id);
  const scores = (await repo.scoresOfSession(storeOf(deps), id)).filter((x) => who.role === 'bureau' || x.expertId === expertIdOf(who));
  return { ...d, scores, rubric: DEFENCE_RUBRIC_2026_1 };
}

/** A panel member scores one presenter on the defence rubric (a complete sheet), again until the list is fixed. */
export async function scoreDefence(deps: Deps, who: Principal, id: string, applicationId: string, input: DefenceScoreInput): Promise<DefenceScore> {
  const me = expertIdOf(who);
  if (!me) throw forbidden();
  const d = await panelSession(deps, who, id);
  if (!d.schedule.some((x) => x.applicationId === applicationId)) throw notFound('答辩申报 presenter');
  await assertNotFixed(deps, d.roundId, d.level);
  const problems = scoreProblems(DEFENCE_RUBRIC_2026_1.criteria, input.scores, true);
  if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const x: DefenceScore = {
    sessionId: d.id,
    applicationId,
    expertId: me,
    expertName: d.panel.find((m) => m.expertId === me)!.name,
    scores: input.scores,
    total: totalScore(DEFENCE_RUBRIC_2026_1.criteria, input.scores),
    comment: input.comment,
    at: nowIso(deps),
  };
  await repo.putScore(storeOf(deps), x);
  return x;
}

// ---- the final list ---------------------------------------------------------------------------

async function ranking(deps: Deps, who: Principal, roundId: string, level: UpstreamLevel, plan: RecommendationPlan) {
  const s = storeOf(deps);
  const sessions = (await repo.sessionsOfRound(s, roundId)).filter((d) => d.level === level);
  const totals = new Map<string, number[]>();
  for (const d of sessions) {
    for (const x of d.schedule) if (!totals.has(x.applicationId)) totals.set(x.applicationId, []);
    for (const sc of await repo.scoresOfSession(s, d.id)) totals.get(sc.applicationId)?.push(sc.total);
  }
  const review = new Map((await recommendations(deps, who, roundId)).categories.flatMap((c) => c.items.map((i) => [i.applicationId, i.score] as const)));
  const apps = await applicationsById(s, [...totals.keys()]);
  return rankFinal(
    apps.map((a) => ({ applicationId: a.id, platformId: a.platformId, platformName: a.platformName, operatorName: a.operatorName, category: a.category, level: a.level ?? 0, reviewScore: review.get(a.id) ?? null, defenceTotals: totals.get(a.id) ?? [] })),
    plan.quotas[level],
    plan.reviewWeight,
  );
}

/** The fixed list, or (before the bureau fixes it) the rule's draft: within quota are selected. */
export async function finalList(deps: Deps, who: Principal, roundId: string, level: UpstreamLevel): Promise<FinalList> {
  bureauOnly(who);
  const round = await mustGetRound(deps, roundId);
  const fixed = await repo.getFinalList(storeOf(deps), roundId, level);
  if (fixed) return fixed;
  const plan = await repo.getPlan(storeOf(deps), roundId);
  if (!plan) throw conflict('请先设定推荐名额 / Set the quotas first (PUT /v1/rounds/{id}/quotas)');
  const items = (await ranking(deps, who, roundId, level, plan)).map((x) => ({ ...x, selected: x.withinQuota }));
  return { roundId, year: round.year, level, rule: ruleText(plan.reviewWeight), quotas: plan.quotas[level], items, status: 'draft' };
}

/**
 * Fixes the recommendation list: the rule's selection, or the bureau's own choice among the defended
 * (within quota per category: over → 409 naming the category). Once per round and level.
 */
export async function fixFinal(deps: Deps, who: Principal, roundId: string, level: UpstreamLevel, input: FinalListInput, origin: Origin = {}): Promise<FinalList> {
  const draft = await finalList(deps, who, roundId, level);
  if (draft.status === 'fixed') throw conflict(`${UPSTREAM_LEVEL_LABELS[level].zh}推荐名单已确定 / The ${level} list is fixed`);
  const byId = new Map(draft.items.map((x) => [x.applicationId, x]));
  let chosen = draft.items.filter((x) => x.withinQuota);
  if (input.applicationIds) {
    const problems = input.applicationIds.flatMap((id, i) => (byId.has(id) ? [] : [{ path: `applicationIds.${i}`, message: '未参加本级答辩 / did not defend at this level' }]));
    if (problems.length) throw new AppError('VALIDATION_FAILED', undefined, problems);
    chosen = input.applicationIds.map((id) => byId.get(id)!);
    const unscored = chosen.filter((x) => x.combined === null);
    if (unscored.length) throw conflict(`尚无综合得分：${unscored.map((x) => x.platformName).join('、')} / No combined score yet`);
  }
  const over = overQuota(chosen, draft.quotas);
  if (over.length)
    throw conflict(over.map((o) => `${label('category', o.category)}（${o.category}）超出名额：${o.chosen} > ${o.quota}`).join('；') + ' / Over quota');
  const selected = new Set(chosen.map((x) => x.applicationId));
  const at = nowIso(deps);
  const list: FinalList = { ...draft, items: draft.items.map((x) => ({ ...x, selected: selected.has(x.applicationId) })), status: 'fixed', fixedAt: at, fixedBy: who.userId };
  if (!(await repo.fixFinalList(storeOf(deps), list))) throw conflict(`${UPSTREAM_LEVEL_LABELS[level].zh}推荐名单已确定 / The ${level} list is fixed`);
  await audit(deps, { action: 'recommendation.final_list_fixed', actor: actorOf(who), target: roundId, details: { level, selected: selected.size } }, origin);
  return list;
}
