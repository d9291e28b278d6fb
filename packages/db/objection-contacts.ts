import { parseContact } from '#core/accounts/contact';
import type { Objection } from '#core/schemas/round';
import { queryAll, strip, updateIf, type Item, type Store } from './store';

// The objector's side of an objection: found by their mobile number, blanked when the retention
// period ends or they ask. The objection itself (reason, outcome) stays with the notice record.

/** The gsi2 key an objection is found by: a mainland mobile, normalised as sign-in contacts are. */
export function objectionContactKey(phone: string): string | undefined {
  const c = parseContact(phone);
  return c?.kind === 'phone' ? `OBJCONTACT#${c.value}` : undefined;
}

export const ANONYMISED_NAME = '（已匿名化 / anonymised）';

export async function objectionsByContact(s: Store, contact: string): Promise<Objection[]> {
  const key = objectionContactKey(contact);
  return key ? (await queryAll<Item>(s, { index: 'gsi2', pk: key })).map((i) => strip<Objection>(i)) : [];
}

/** Blanks the objector's name, phone and address and drops the contact key; false if already done. */
export async function anonymiseObjectionContact(s: Store, id: string, at: string): Promise<boolean> {
  const res = await updateIf(s, {
    Key: { pk: `OBJ#${id}`, sk: 'META' },
    UpdateExpression: 'SET contactName = :name, contactPhone = :blank, requesterAddress = :blank, anonymisedAt = :at REMOVE gsi2pk, gsi2sk',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(anonymisedAt)',
    ExpressionAttributeValues: { ':name': ANONYMISED_NAME, ':blank': '', ':at': at },
  });
  return res !== false;
}

/** Marks a round whose objectors' contacts are all erased, so later passes skip it. */
export async function markRoundContactsAnonymised(s: Store, roundId: string, at: string): Promise<void> {
  await updateIf(s, {
    Key: { pk: `ROUND#${roundId}`, sk: 'META' },
    UpdateExpression: 'SET objectionContactsAnonymisedAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(objectionContactsAnonymisedAt)',
    ExpressionAttributeValues: { ':at': at },
  });
}
