import { AppError, conflict, forbidden, notFound } from '#core/errors';
import { deterministicId, newId } from '#core/ids';
import { needDomains } from '#core/matching/score';
import type { Principal } from '#core/principal';
import { catalogueItem, PROPOSALS_PER_MONTH, type CatalogueItem, type Proposal, type ProposalInput, type SearchHit } from '#core/schemas/proposal';
import { OPEN_STATUSES, type Scenario } from '#core/schemas/scenario';
import type { Lead } from '#core/schemas/lead';
import * as leads from '#db/leads';
import { getPlatform, getPlatforms } from '#db/platforms';
import * as repo from '#db/proposals';
import { getScenario, scenariosInStatuses } from '#db/scenarios';
import { hourlyBudget, monthlyBudget, takeFromBudget } from '#db/throttle';
import type { Deps } from '#runtime/deps';
import { rankNeed } from './matching';
import { nowIso, storeOf } from './store';

// 第八条 in the other direction: platforms read the published 场景清单 and step forward (揭榜);
// anyone may search the listed platforms by need. All scores come from the matcher (rankNeed).

const words = (q: string) => q.toLowerCase().split(/[\s,，、;；]+/).filter(Boolean);

/** Published, still-open scenarios, newest first, filtered; never the owner, credit code or contacts. */
export async function catalogue(deps: Deps, q: { industry?: string; domain?: string; region?: string; q?: string }): Promise<CatalogueItem[]> {
  const s = storeOf(deps);
  const open = await scenariosInStatuses(s, OPEN_STATUSES);
  const need = q.q ? words(q.q) : [];
  return open
    .filter((sc) => (!q.industry || sc.industry === q.industry) && (!q.domain || sc.domains.includes(q.domain as never)) && (!q.region || sc.region === q.region))
    .filter((sc) => need.every((w) => `${sc.title}\n${sc.description}`.toLowerCase().includes(w)))
    .sort((a, b) => (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt))
    .map(catalogueItem);
}

/** 揭榜: a platform proposes for an open scenario, scored by the matcher with its reasons. */
export async function propose(deps: Deps, who: Principal, scenarioId: string, input: ProposalInput): Promise<Proposal> {
  if (who.role !== 'platform' || !who.org) throw forbidden();
  const s = storeOf(deps);
  const [sc, platform] = await Promise.all([getScenario(s, scenarioId), getPlatform(s, who.org)]);
  if (!sc || sc.smokeTest || sc.status === 'draft') throw notFound('场景 scenario');
  if (!OPEN_STATUSES.includes(sc.status)) throw conflict(`场景已${sc.status === 'closed' ? '关闭' : '撤回'}，不再接受揭榜 / The scenario is ${sc.status}; it takes no proposals`);
  if (!platform) throw notFound('平台 platform');
  const [m] = await rankNeed(deps, sc, { topK: 1, only: (id) => id === platform.id });
  const p: Proposal = {
    ...input,
    id: newId('prop', deps.now().getTime()),
    scenarioId,
    platformId: platform.id,
    platformName: platform.name,
    status: 'open',
    score: m?.score ?? 0,
    reasons: m?.reasons ?? [],
    createdAt: nowIso(deps),
  };
  const refused = await repo.fileProposal(s, p, monthlyBudget(`proposals#${platform.id}`, PROPOSALS_PER_MONTH, deps.now()));
  if (refused === 'open_exists') throw conflict('已对该场景提交过揭榜方案，请等待企业答复 / This platform already has an open proposal for this scenario');
  if (refused === 'monthly_limit') throw new AppError('RATE_LIMITED', `每个平台每月最多揭榜 ${PROPOSALS_PER_MONTH} 次 / At most ${PROPOSALS_PER_MONTH} proposals per platform a month`);
  return p;
}

function ownScenario(who: Principal, sc: Scenario | undefined): Scenario {
  if (!sc || !(who.role === 'bureau' || (who.role === 'manufacturer' && who.org === sc.ownerOrg))) throw notFound('场景 scenario');
  return sc;
}

/** The scenario's proposals, best first (owner, bureau). */
export async function listProposals(deps: Deps, who: Principal, scenarioId: string): Promise<Proposal[]> {
  ownScenario(who, await getScenario(storeOf(deps), scenarioId));
  return (await repo.scenarioProposals(storeOf(deps), scenarioId)).sort((a, b) => b.score - a.score);
}

/**
 * The manufacturer accepts: an accepted lead with `source: "proposal"` enters the usual lifecycle.
 * The lead's id follows from the proposal, so accepting twice (or a retry after a crash between the
 * lead and the proposal's status) makes one lead.
 */
export async function accept(deps: Deps, who: Principal, proposalId: string): Promise<{ proposal: Proposal; lead: Lead }> {
  const s = storeOf(deps);
  const p = await repo.findProposal(s, proposalId);
  if (!p) throw notFound('揭榜方案 proposal');
  const sc = ownScenario(who, await getScenario(s, p.scenarioId));
  if (who.role !== 'manufacturer') throw forbidden();
  if (p.status === 'declined') throw conflict('该揭榜方案已婉拒 / The proposal was declined');
  const id = deterministicId('lead', p.scenarioId, p.platformId, p.id);
  const at = nowIso(deps);
  if (!(await leads.getLead(s, id))) {
    const platform = await getPlatform(s, p.platformId);
    await leads.createLead(s, {
      id,
      scenarioId: sc.id,
      platformId: p.platformId,
      platformName: platform?.name ?? p.platformName,
      status: 'accepted',
      score: p.score,
      reasons: p.reasons,
      scenario: { title: sc.title, industry: sc.industry, domains: sc.domains, region: sc.region, enterpriseName: sc.enterprise.name, ownerOrg: sc.ownerOrg },
      domains: needDomains(sc) as Lead['domains'],
      source: 'proposal',
      history: [{ status: 'accepted', at, by: 'manufacturer', note: '企业接受揭榜方案 / the manufacturer accepted the proposal' }],
      movedAt: at,
      delivery: { webhook: 'none', attempts: 0 },
      createdAt: at,
    });
  }
  if (p.status === 'open') await repo.decideProposal(s, p, { status: 'accepted', leadId: id, decidedAt: at });
  const proposal = (await repo.findProposal(s, proposalId))!;
  return { proposal, lead: (await leads.getLead(s, id))! };
}

export async function decline(deps: Deps, who: Principal, proposalId: string, reason: string): Promise<Proposal> {
  const s = storeOf(deps);
  const p = await repo.findProposal(s, proposalId);
  if (!p) throw notFound('揭榜方案 proposal');
  ownScenario(who, await getScenario(s, p.scenarioId));
  if (who.role !== 'manufacturer') throw forbidden();
  if (p.status !== 'open' || !(await repo.decideProposal(s, p, { status: 'declined', declineReason: reason, decidedAt: nowIso(deps) })))
    throw conflict(`该揭榜方案已处理（${p.status}） / The proposal is already ${p.status}`);
  return (await repo.findProposal(s, proposalId))!;
}

/** Searches per caller address and hour: the ranking is the costliest public read. */
export const SEARCHES_PER_HOUR = 120;

/** Listed platforms (level ≥ 1) ranked for a need in words, by the same engine as matching. */
export async function searchByNeed(deps: Deps, q: { q: string; industry?: string }, address: string): Promise<SearchHit[]> {
  const s = storeOf(deps);
  if (!(await takeFromBudget(s, hourlyBudget(`search#${address}`, SEARCHES_PER_HOUR, deps.now())))) {
    throw new AppError('RATE_LIMITED', `每小时最多检索 ${SEARCHES_PER_HOUR} 次 / At most ${SEARCHES_PER_HOUR} searches an hour from one address`);
  }
  const items = await rankNeed(deps, { title: q.q, description: q.q, industry: q.industry ?? '', domains: [], technologies: [] }, { topK: 10, only: (_id, level) => level >= 1 });
  const platforms = new Map((await getPlatforms(s, items.map((m) => m.platformId))).map((p) => [p.id, p]));
  return items.map((m) => ({ platformId: m.platformId, platformName: m.platformName, category: platforms.get(m.platformId)!.category, level: platforms.get(m.platformId)!.level, score: m.score, reasons: m.reasons }));
}
