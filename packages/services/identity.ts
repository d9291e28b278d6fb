import { parseApiKey, secretMatches } from '#core/accounts/api-key';
import { AppError } from '#core/errors';
import type { Principal } from '#core/principal';
import { ROLE_OF_KIND } from '#core/schemas/account';
import { getApiKey, touchApiKey } from '#db/api-keys';
import { getMember, getOrganisation } from '#db/organisations';
import { getPlatform } from '#db/platforms';
import type { Deps } from '#runtime/deps';
import { expertForPerson } from './accounts';
import { storeOf } from './store';

const revoked = () => new AppError('UNAUTHENTICATED', '访问权限已变更 / Your access changed');

// A platform never changes operator, so which organisation stands behind it is safe to remember.
const operatorOfPlatform = new Map<string, string | null>();

async function operatorOf(deps: Deps, platformId: string): Promise<string | undefined> {
  if (!operatorOfPlatform.has(platformId)) {
    const p = await getPlatform(storeOf(deps), platformId);
    if (!p) return undefined;
    operatorOfPlatform.set(platformId, p.operatorOrgId ?? null);
  }
  return operatorOfPlatform.get(platformId) ?? undefined;
}

/**
 * A signed-in person's principal for this request. The token says whom they act for (`org`); the
 * membership is read again now, consistently, so a removal or role change holds on the next
 * request rather than when the token expires.
 */
export async function principalForUser(deps: Deps, userId: string, org: string): Promise<Principal> {
  const s = storeOf(deps);
  const direct = await getOrganisation(s, org);
  const orgId = direct ? direct.id : await operatorOf(deps, org);
  if (!orgId) throw revoked();
  const organisation = direct ?? (await getOrganisation(s, orgId));
  const member = await getMember(s, orgId, userId);
  if (!organisation || !member) throw revoked();
  const role = ROLE_OF_KIND[organisation.kind];
  const base = { userId, role, via: 'user' as const, orgId, orgAdmin: member.role === 'admin' };
  if (organisation.kind === 'bureau') return base;
  if (organisation.kind === 'district') return { ...base, district: organisation.region };
  // An operator's person who has not picked a platform acts for no platform yet.
  if (organisation.kind === 'operator' && direct) return base;
  return { ...base, org };
}

/**
 * A signed-in person acting as an expert: the principal is the expert record (API.md: `sub` is the
 * expert id, no org), and the contact match is checked again on every request.
 */
export async function principalForExpert(deps: Deps, userId: string, expertId: string): Promise<Principal> {
  if (!(await expertForPerson(deps, userId, expertId))) throw revoked();
  return { userId: expertId, role: 'expert', via: 'user' };
}

const KEY_TOUCH_EVERY_MS = 60_000;

/** `X-Api-Key`: the key's organisation within its scopes; unknown, malformed or revoked → 401. */
export async function principalForApiKey(deps: Deps, raw: string): Promise<Principal> {
  const parsed = parseApiKey(raw);
  if (!parsed) throw new AppError('UNAUTHENTICATED', 'API 密钥无效 / Invalid API key');
  const rec = await getApiKey(storeOf(deps), parsed.id);
  if (!rec || rec.revokedAt || !secretMatches(parsed.secret, rec.hash)) throw new AppError('UNAUTHENTICATED', 'API 密钥无效 / Invalid API key');
  const now = deps.now();
  if (!rec.lastUsedAt || now.getTime() - Date.parse(rec.lastUsedAt) >= KEY_TOUCH_EVERY_MS)
    await touchApiKey(storeOf(deps), rec.id, now.toISOString(), new Date(now.getTime() - KEY_TOUCH_EVERY_MS).toISOString());
  return { userId: `key:${rec.id}`, role: rec.role, org: rec.org, via: 'key', orgId: rec.orgId, scopes: rec.scopes };
}
