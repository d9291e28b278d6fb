import type { AuditEntry } from '../core/schemas/account';
import { putIf, queryPage, strip, type Item, type PageResult, type Store } from './store';

/**
 * Append-only: entries are written with a condition that the key is new and no code path updates
 * or deletes them. One partition per month keeps a busy month from growing one key forever.
 */
const month = (iso: string) => iso.slice(0, 7);

export async function appendAudit(s: Store, e: AuditEntry): Promise<void> {
  await putIf(s, { pk: `AUDIT#${month(e.at)}`, sk: `${e.at}#${e.id}`, entity: 'audit', ...(e.orgId ? { gsi1pk: `AUDIT#ORG#${e.orgId}`, gsi1sk: `${e.at}#${e.id}` } : {}), ...e }, 'attribute_not_exists(pk)');
}

/** Newest first, month by month; the cursor carries the month being read. */
export async function auditPage(s: Store, o: { month: string; limit: number; cursor?: string }): Promise<PageResult<AuditEntry>> {
  const page = await queryPage<Item>(s, { pk: `AUDIT#${o.month}`, limit: o.limit, cursor: o.cursor, descending: true });
  return { items: page.items.map((i) => strip<AuditEntry>(i)), cursor: page.cursor };
}
