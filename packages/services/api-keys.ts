import { newApiKey } from '#core/accounts/api-key';
import { forbidden, notFound } from '#core/errors';
import { newId } from '#core/ids';
import type { Principal } from '#core/principal';
import { BUREAU_ORG_ID, type ApiKeyInput, type ApiKeyView } from '#core/schemas/account';
import * as repo from '#db/api-keys';
import type { Deps } from '#runtime/deps';
import { actorOf, audit, type Origin } from './audit';
import { nowIso, storeOf } from './store';

/** Keys act for what the creator's token acts for: a platform, an enterprise or the bureau. */
function owner(who: Principal): { orgId: string; org?: string } {
  if (who.role === 'bureau') return { orgId: who.orgId ?? BUREAU_ORG_ID };
  if ((who.role !== 'platform' && who.role !== 'manufacturer') || !who.org) throw forbidden();
  return { orgId: who.orgId ?? who.org, org: who.org };
}

/** An organisation's admin or the bureau; a key never mints another key. */
function assertMayManage(who: Principal) {
  if (who.via === 'key') throw forbidden();
  if (who.role === 'bureau') return;
  if (who.via === 'user' && !who.orgAdmin) throw forbidden();
}

const view = ({ hash, role, org, orgId, ...v }: repo.ApiKeyRecord): ApiKeyView => (void hash, void role, void org, void orgId, v);

export async function createApiKey(deps: Deps, who: Principal, input: ApiKeyInput, origin: Origin) {
  assertMayManage(who);
  const o = owner(who);
  const id = newId('key', deps.now().getTime());
  const { key, hash } = newApiKey(id);
  const at = nowIso(deps);
  await repo.createApiKey(storeOf(deps), { id, name: input.name, scopes: input.scopes, createdAt: at, createdBy: who.userId, lastUsedAt: null, revokedAt: null, hash, role: who.role, ...o });
  await audit(deps, { action: 'apikey.created', actor: actorOf(who), orgId: o.orgId, target: id, details: { name: input.name, scopes: input.scopes.join(' '), ...(o.org ? { org: o.org } : {}) } }, origin);
  return { id, name: input.name, scopes: input.scopes, key, createdAt: at };
}

export async function listApiKeys(deps: Deps, who: Principal): Promise<ApiKeyView[]> {
  assertMayManage(who);
  const o = owner(who);
  return (await repo.apiKeysOf(storeOf(deps), o.orgId, o.org)).map(view);
}

export async function revokeApiKey(deps: Deps, who: Principal, id: string, origin: Origin): Promise<void> {
  assertMayManage(who);
  const o = owner(who);
  const rec = await repo.getApiKey(storeOf(deps), id);
  if (!rec || rec.orgId !== o.orgId || rec.org !== o.org) throw notFound('API 密钥 API key');
  if (!(await repo.revokeApiKey(storeOf(deps), id, nowIso(deps)))) throw notFound('API 密钥 API key');
  await audit(deps, { action: 'apikey.revoked', actor: actorOf(who), orgId: o.orgId, target: id }, origin);
}
