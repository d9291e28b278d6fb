import { maskAddress, maskContact, maskName } from '#core/privacy/mask';
import { dueBefore } from '#core/privacy/retention';
import { forbidden, notFound } from '#core/errors';
import type { Principal } from '#core/principal';
import type { Objection, ObjectionContact } from '#core/schemas/round';
import { allRounds, getObjection, roundObjections } from '#db/rounds';
import { anonymiseObjectionContact, markRoundContactsAnonymised } from '#db/objection-contacts';
import type { Deps } from '#runtime/deps';
import { actorOf, audit, type Origin } from './audit';
import { nowIso, storeOf } from './store';

/**
 * An objection as the bureau's lists show it: the objector recognisable, not callable. The full
 * contact is one explicit, audited request away (showObjectionContact).
 */
export function maskedObjection(o: Objection): Objection {
  if (o.anonymisedAt) return { ...o, contactMasked: true };
  return { ...o, contactName: maskName(o.contactName), contactPhone: maskContact(o.contactPhone), requesterAddress: maskAddress(o.requesterAddress), contactMasked: true };
}

/** The bureau calling an objector back: the full contact, with an audit entry saying who looked. */
export async function showObjectionContact(deps: Deps, who: Principal, id: string, origin: Origin): Promise<ObjectionContact> {
  if (who.role !== 'bureau') throw forbidden();
  const o = await getObjection(storeOf(deps), id);
  if (!o) throw notFound('异议 objection');
  await audit(deps, { action: 'objection.contact_shown', actor: actorOf(who), target: o.id, details: { roundId: o.roundId } }, origin);
  return { objectionId: o.id, contactName: o.contactName, contactPhone: o.contactPhone, requesterAddress: o.requesterAddress, ...(o.anonymisedAt ? { anonymisedAt: o.anonymisedAt } : {}) };
}

/**
 * Retention (`objection-contact`): a year after a round's directory is published its objectors'
 * names, phones and addresses are blanked; the objections (reason, outcome) stay. Run by the
 * reconciler; idempotent, and a round is skipped once marked done.
 */
export async function anonymiseExpiredObjectionContacts(deps: Deps): Promise<number> {
  const s = storeOf(deps);
  const before = dueBefore('objection-contact', deps.now());
  const at = nowIso(deps);
  let erased = 0;
  for (const r of await allRounds(s)) {
    if (r.status !== 'published' || !r.publishedAt || r.publishedAt > before || r.objectionContactsAnonymisedAt) continue;
    for (const o of await roundObjections(s, r.id)) if (!o.anonymisedAt && (await anonymiseObjectionContact(s, o.id, at))) erased++;
    await markRoundContactsAnonymised(s, r.id, at);
    await audit(deps, { action: 'objection.contacts_anonymised', actor: { via: 'service' }, target: r.id, details: { reason: 'retention' } });
  }
  return erased;
}
