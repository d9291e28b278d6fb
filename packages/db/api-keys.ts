import type { Role } from '#core/principal';
import type { ApiKeyView } from '#core/schemas/account';
import { getItem, putIf, queryAll, strip, updateIf, type Item, type Store } from './store';

/** What is stored: the view plus the hash of the secret (never the key itself) and who it acts for. */
export interface ApiKeyRecord extends ApiKeyView {
  hash: string;
  role: Role;
  /** The tenant id the key acts for (platform or enterprise id); absent for the bureau. */
  org?: string;
  orgId: string;
}

const pk = (id: string) => `APIKEY#${id}`;
const owner = (orgId: string, org?: string) => `APIKEYS#${org ?? orgId}`;

export async function createApiKey(s: Store, k: ApiKeyRecord): Promise<void> {
  await putIf(s, { pk: pk(k.id), sk: 'META', entity: 'api-key', gsi1pk: owner(k.orgId, k.org), gsi1sk: k.id, ...k }, 'attribute_not_exists(pk)');
}

export async function getApiKey(s: Store, id: string): Promise<ApiKeyRecord | undefined> {
  const item = await getItem(s, pk(id), 'META');
  return item ? strip<ApiKeyRecord>(item) : undefined;
}

export async function apiKeysOf(s: Store, orgId: string, org?: string): Promise<ApiKeyRecord[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: owner(orgId, org) })).map((i) => strip<ApiKeyRecord>(i));
}

export async function revokeApiKey(s: Store, id: string, at: string): Promise<boolean> {
  return conditionalSet(s, id, 'revokedAt = :at', 'attribute_exists(pk) AND revokedAt = :null', { ':at': at, ':null': null });
}

/** At most one write a minute per key: lastUsedAt is for people, not an access log. */
export async function touchApiKey(s: Store, id: string, at: string, notBefore: string): Promise<void> {
  await conditionalSet(s, id, 'lastUsedAt = :at', 'attribute_exists(pk) AND (lastUsedAt = :null OR lastUsedAt < :nb)', { ':at': at, ':null': null, ':nb': notBefore });
}

async function conditionalSet(s: Store, id: string, set: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
  return (await updateIf(s, { Key: { pk: pk(id), sk: 'META' }, UpdateExpression: `SET ${set}`, ConditionExpression: condition, ExpressionAttributeValues: values })) !== false;
}
