import { expiresAtFor } from '#core/privacy/retention';
import type { AuditEntry } from '#core/schemas/account';
import { putIf, queryAll, queryPage, strip, type Item, type PageResult, type Store } from './store';

/**
 * Append-only: entries are written with a condition that the key is new and no code path updates
 * or deletes them; DynamoDB removes them by TTL once the retention table's `audit` period is over
 * (网络安全法 第二十一条: at least six months). One partition per month keeps a busy month from
 * growing one key forever. Entries about a person are also collected under `USER#<id>` (gsi2), so
 * their own data export can list them.
 */
const month = (iso: string) => iso.slice(0, 7);

const personOf = (e: AuditEntry): string | undefined => e.actor.userId ?? (e.target?.startsWith('usr_') ? e.target : undefined);

export async function appendAudit(s: Store, e: AuditEntry): Promise<void> {
  const person = personOf(e);
  await putIf(
    s,
    {
      pk: `AUDIT#${month(e.at)}`,
      sk: `${e.at}#${e.id}`,
      entity: 'audit',
      expiresAt: expiresAtFor('audit', e.at),
      ...(e.orgId ? { gsi1pk: `AUDIT#ORG#${e.orgId}`, gsi1sk: `${e.at}#${e.id}` } : {}),
      ...(person ? { gsi2pk: `USER#${person}`, gsi2sk: `AUDIT#${e.at}#${e.id}` } : {}),
      ...e,
    },
    'attribute_not_exists(pk)',
  );
}

/** Newest first, month by month; the cursor carries the month being read. */
export async function auditPage(s: Store, o: { month: string; limit: number; cursor?: string }): Promise<PageResult<AuditEntry>> {
  const page = await queryPage<Item>(s, { pk: `AUDIT#${o.month}`, limit: o.limit, cursor: o.cursor, descending: true });
  return { items: page.items.map((i) => strip<AuditEntry>(i)), cursor: page.cursor };
}

/** Entries where this person acted or was acted on (written since entries carry the person key). */
export async function auditOfPerson(s: Store, userId: string): Promise<AuditEntry[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: `USER#${userId}`, skPrefix: 'AUDIT#' })).map((i) => strip<AuditEntry>(i));
}
