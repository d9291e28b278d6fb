import { newId } from '#core/ids';
import type { Principal } from '#core/principal';
import type { AuditAction, AuditEntry } from '#core/schemas/account';
import { maskAuditContacts } from '#core/privacy/mask';
import { appendAudit, auditPage } from '#db/audit';
import type { Deps } from '#runtime/deps';
import { nowIso, storeOf } from './store';

/** Where a request came from, as the edge reported it. */
export interface Origin {
  ip?: string;
  userAgent?: string;
}

export type Actor = AuditEntry['actor'];

export const actorOf = (p: Principal | undefined, userId?: string): Actor =>
  p ? { userId: p.userId, role: p.role, via: p.via ?? 'service' } : { userId, via: 'user' };

export interface AuditInput {
  action: AuditAction;
  actor: Actor;
  orgId?: string;
  target?: string;
  details?: AuditEntry['details'];
}

/**
 * Who did what, when, from where; written once and never changed. Contacts are stored masked: the
 * log is kept for a year and read by people who need to know what happened, not whom to call.
 */
export async function audit(deps: Deps, input: AuditInput, origin: Origin = {}): Promise<void> {
  const at = nowIso(deps);
  const entry: AuditEntry = maskAuditContacts({ id: newId('aud', deps.now().getTime()), at, ...input, ...origin });
  await appendAudit(storeOf(deps), entry);
}

/** Entries written before contacts were masked on write are masked on the way out. */
export async function listAudit(deps: Deps, q: { month?: string; limit: number; cursor?: string }) {
  const page = await auditPage(storeOf(deps), { month: q.month ?? nowIso(deps).slice(0, 7), limit: q.limit, cursor: q.cursor });
  return { ...page, items: page.items.map(maskAuditContacts) };
}
