import { AppError, forbidden, notFound } from '#core/errors';
import { newId } from '#core/ids';
import { isOwnerOrBureau, type Principal } from '#core/principal';
import { nationalTrack } from '#core/maturity/assess';
import { allowsPrivateWebhooks, webhookTargetProblem } from '#core/webhook';
import { Platform, type PlatformInput, type PlatformPatch } from '#core/schemas/platform';
import type { Solution, SolutionInput } from '#core/schemas/solution';
import { linkPlatform } from '#db/organisations';
import * as repo from '#db/platforms';
import type { Deps } from '#runtime/deps';
import { nowIso, storeOf } from './store';

/**
 * A platform user registers the platform its token names (`org`); the bureau registers any. The
 * platform id is the org id for platform users so tenancy needs no lookup table.
 */
function checkWebhook(deps: Deps, url: string | undefined) {
  if (!url) return;
  const problem = webhookTargetProblem(url, allowsPrivateWebhooks(deps.settings.STAGE));
  if (problem) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'webhookUrl', message: problem }]);
}

export async function registerPlatform(deps: Deps, who: Principal, input: PlatformInput): Promise<repo.PlatformRecord> {
  if (who.role !== 'platform' && who.role !== 'bureau') throw forbidden();
  checkWebhook(deps, input.webhookUrl);
  // A signed-in operator's person registers a new platform of their organisation; the service
  // decides its id. Service tokens keep the documented behaviour (the token's org is the id).
  const byOperator = who.via === 'user' && who.role === 'platform';
  if (who.role === 'platform' && !byOperator && !who.org) throw forbidden();
  const id = who.role === 'platform' && !byOperator ? who.org! : newId('plt', deps.now().getTime());
  if (who.role === 'platform' && !byOperator && (await repo.getPlatform(storeOf(deps), id)))
    throw new AppError('CONFLICT', '该平台已注册 / This platform is already registered');
  const at = nowIso(deps);
  const platform: repo.PlatformRecord = {
    ...input,
    id,
    version: 1,
    level: 0,
    eligibility: {
      cityDirectory: false,
      provincialRecommendation: false,
      nationalRecommendation: false,
      nationalTrack: nationalTrack(input.category),
    },
    assessedYear: null,
    createdAt: at,
    updatedAt: at,
    ...(byOperator ? { operatorOrgId: who.orgId! } : {}),
  };
  await repo.createPlatform(storeOf(deps), platform);
  if (byOperator) await linkPlatform(storeOf(deps), who.orgId!, id, input.name, at);
  await registryChanged(deps, id);
  return platform;
}

/** The directory and profiles are public; drafts and edits are the owner's and the bureau's. */
export async function getPlatform(deps: Deps, id: string): Promise<repo.PlatformRecord> {
  const p = await repo.getPlatform(storeOf(deps), id);
  if (!p) throw notFound('平台 platform');
  return p;
}

/** Rankings read a cached registry: tell the caches, then have the platform (re)embedded and matched. */
async function registryChanged(deps: Deps, platformId: string) {
  await repo.bumpRegistryVersion(storeOf(deps));
  await deps.publisher.send('embed', { type: 'PlatformChanged', platformId });
}

export type PlatformView = repo.PlatformRecord;

export function assertCanEdit(who: Principal, platformId: string) {
  // 404 rather than 403: a platform user should not learn which other ids exist.
  if (!isOwnerOrBureau(who, platformId)) throw notFound('平台 platform');
}

export async function patchPlatform(deps: Deps, who: Principal, id: string, patch: PlatformPatch, ifMatch?: number): Promise<repo.PlatformRecord> {
  assertCanEdit(who, id);
  checkWebhook(deps, patch.webhookUrl);
  const current = await getPlatform(deps, id);
  if (ifMatch !== undefined && ifMatch !== current.version)
    throw new AppError('CONFLICT', `版本不匹配：当前为 ${current.version} / Version mismatch: current is ${current.version}`);
  const { subtype, ...rest } = patch;
  const merged = { ...current, ...rest, version: current.version + 1, updatedAt: nowIso(deps) } as repo.PlatformRecord;
  if (subtype === null) delete merged.subtype;
  else if (subtype !== undefined) merged.subtype = subtype;
  if (patch.category && patch.category !== current.category)
    merged.eligibility = { ...merged.eligibility, nationalTrack: nationalTrack(patch.category) };
  // Re-validate the whole record: a patch may break a cross-field rule (category vs subtype).
  const { operatorOrgId, assessmentSeq, ...profile } = merged;
  void operatorOrgId, assessmentSeq;
  const checked = Platform.safeParse(profile);
  if (!checked.success)
    throw new AppError('VALIDATION_FAILED', undefined, checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  await repo.replacePlatform(storeOf(deps), merged, current.version);
  await registryChanged(deps, id);
  return merged;
}

export async function addSolution(deps: Deps, who: Principal, platformId: string, input: SolutionInput): Promise<Solution> {
  assertCanEdit(who, platformId);
  await getPlatform(deps, platformId);
  const at = nowIso(deps);
  const solution: Solution = { ...input, id: newId('sol', deps.now().getTime()), platformId, createdAt: at, updatedAt: at };
  await repo.createSolution(storeOf(deps), solution);
  await registryChanged(deps, platformId);
  return solution;
}

export async function removeSolution(deps: Deps, who: Principal, platformId: string, solutionId: string): Promise<void> {
  assertCanEdit(who, platformId);
  if (!(await repo.deleteSolution(storeOf(deps), platformId, solutionId))) throw notFound('解决方案 solution');
  await registryChanged(deps, platformId);
}

export async function listSolutions(deps: Deps, platformId: string): Promise<Solution[]> {
  await getPlatform(deps, platformId);
  return repo.listSolutions(storeOf(deps), platformId);
}
