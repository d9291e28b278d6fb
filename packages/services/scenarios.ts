import { AppError, forbidden, notFound } from '#core/errors';
import { newId } from '#core/ids';
import { isOwnerOrBureau, type Principal } from '#core/principal';
import { enterpriseOrgId } from '#core/schemas/account';
import { OPEN_STATUSES, ScenarioStatus, type Scenario, type ScenarioInput } from '#core/schemas/scenario';
import { getOrganisation } from '#db/organisations';
import * as repo from '#db/scenarios';
import type { Deps } from '#runtime/deps';
import { nowIso, storeOf } from './store';

export async function createScenario(deps: Deps, who: Principal, input: ScenarioInput): Promise<Scenario> {
  if (who.role !== 'manufacturer' && who.role !== 'district') throw forbidden();
  const at = nowIso(deps);
  // 代为填报: a district enters the need of an enterprise of its region that has no account yet.
  if (who.role === 'district' && input.region !== who.district) throw outsideDistrict(who.district!);
  const owner = who.role === 'district' ? { ownerOrg: enterpriseOrgId(input.enterprise.creditCode), enteredByDistrict: who.district } : { ownerOrg: who.org! };
  const sc: Scenario = { ...input, id: newId('scn', deps.now().getTime()), status: 'draft', ...owner, version: 1, createdAt: at, updatedAt: at };
  await repo.createScenario(storeOf(deps), sc);
  return sc;
}

/**
 * Who may read a scenario: owner and bureau always; platforms once it is published (they are the
 * supply side it was published for). Others get 404 so drafts do not leak their existence.
 */
export async function readScenario(deps: Deps, who: Principal, id: string): Promise<Scenario> {
  const sc = await repo.getScenario(storeOf(deps), id);
  const visible =
    sc &&
    (isOwnerOrBureau(who, sc.ownerOrg) || (who.role === 'platform' && OPEN_STATUSES.includes(sc.status)) || (who.role === 'district' && who.district === sc.region));
  if (!visible) throw notFound('场景 scenario');
  return sc;
}

const outsideDistrict = (district: string) =>
  new AppError('VALIDATION_FAILED', `只能填报本区（市）企业的场景（${district}） / A district enters scenarios of its own region only (${district})`, [{ path: 'region', message: district }]);

/** A district speaks for the scenarios it entered until their enterprise has signed up and owns them. */
async function enteredFor(deps: Deps, who: Principal, sc: Scenario): Promise<boolean> {
  return who.role === 'district' && sc.enteredByDistrict === who.district && !(await getOrganisation(storeOf(deps), sc.ownerOrg));
}

export async function publishScenario(deps: Deps, who: Principal, id: string, batch?: string): Promise<Scenario> {
  const s = storeOf(deps);
  const sc = await repo.getScenario(s, id);
  if (!sc || !(isOwnerOrBureau(who, sc.ownerOrg) || (await enteredFor(deps, who, sc)))) throw notFound('场景 scenario');
  const at = nowIso(deps);
  const moved = await repo.transitionScenario(s, id, ['draft'], 'published', at, { publishedAt: at, ...(batch ? { batch } : {}) });
  if (!moved) throw new AppError('CONFLICT', `场景当前状态为 ${sc.status}，不能发布 / Cannot publish a scenario in state '${sc.status}'`);
  // If this send is lost the scenario stays `published` and the reconciler re-drives it.
  await deps.publisher.send('embed', { type: 'ScenarioPublished', scenarioId: id });
  return moved;
}

/**
 * 第N批场景清单: the bureau publishes a batch in one call. Each scenario moves on its own; the
 * answer says which were published and which were refused and why, and nothing half-happens.
 */
export async function publishBatch(deps: Deps, who: Principal, batch: string, ids: string[]) {
  if (who.role !== 'bureau') throw forbidden();
  const results: { id: string; ok: boolean; status?: ScenarioStatus; error?: string }[] = [];
  for (const id of ids) {
    try {
      const sc = await publishScenario(deps, who, id, batch);
      results.push({ id, ok: true, status: sc.status });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, error: err.code });
    }
  }
  return { batch, published: results.filter((r) => r.ok).length, results };
}

export async function changeStatus(deps: Deps, who: Principal, id: string, to: 'closed' | 'withdrawn'): Promise<Scenario> {
  const s = storeOf(deps);
  const sc = await repo.getScenario(s, id);
  if (!sc || !isOwnerOrBureau(who, sc.ownerOrg)) throw notFound('场景 scenario');
  const from: ScenarioStatus[] = to === 'withdrawn' ? ['draft', 'published', 'matching', 'matched'] : ['published', 'matching', 'matched'];
  const moved = await repo.transitionScenario(s, id, from, to, nowIso(deps));
  if (!moved) throw new AppError('CONFLICT', `场景当前状态为 ${sc.status} / Illegal transition from '${sc.status}' to '${to}'`);
  return moved;
}

export async function listScenarios(
  deps: Deps,
  who: Principal,
  q: { status?: ScenarioStatus; industry?: string; limit: number; cursor?: string },
) {
  const s = storeOf(deps);
  if (who.role === 'expert') throw forbidden();
  if (who.role === 'manufacturer') return repo.scenariosOfOrg(s, who.org!, q);
  if (who.role === 'platform') {
    if (q.status && !OPEN_STATUSES.includes(q.status)) return { items: [], cursor: null };
    return q.status ? repo.scenariosByStatus(s, q.status, q) : allStatusesPage(deps, q, OPEN_STATUSES);
  }
  if (who.role === 'district') return allStatusesPage(deps, { ...q, region: who.district }, q.status ? [q.status] : ScenarioStatus.options);
  if (q.status) return repo.scenariosByStatus(s, q.status, q);
  return allStatusesPage(deps, q, ScenarioStatus.options);
}

/**
 * The bureau's unfiltered list spans every status partition. A city holds thousands of scenarios,
 * so reading them all and paging by offset is cheaper than another index.
 */
async function allStatusesPage(deps: Deps, q: { industry?: string; region?: string; limit: number; cursor?: string }, statuses: readonly ScenarioStatus[]) {
  const s = storeOf(deps);
  const offset = q.cursor ? Number.parseInt(Buffer.from(q.cursor, 'base64url').toString(), 10) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw new AppError('VALIDATION_FAILED', '分页游标无效 / Invalid cursor', [{ path: 'cursor', message: 'invalid cursor' }]);
  const all = (await repo.scenariosInStatuses(s, statuses))
    .filter((sc) => (!q.industry || sc.industry === q.industry) && (!q.region || sc.region === q.region))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const items = all.slice(offset, offset + q.limit);
  const next = offset + q.limit < all.length ? Buffer.from(String(offset + q.limit)).toString('base64url') : null;
  return { items, cursor: next };
}

export async function scenarioMatches(deps: Deps, who: Principal, id: string) {
  const s = storeOf(deps);
  const sc = await repo.getScenario(s, id);
  if (!sc || !isOwnerOrBureau(who, sc.ownerOrg)) throw notFound('场景 scenario');
  const m = await repo.getMatches(s, id);
  return { status: sc.status, items: m?.items ?? [], selected: m?.selected ?? [] };
}
