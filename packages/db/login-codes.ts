import { CODE_MAX_ATTEMPTS, codeSendAllowed, type LoginCodeRecord } from '#core/accounts/login-code';
import { expiresAtFor } from '#core/privacy/retention';
import { getItem, putItem, strip, updateIf, type Store } from './store';

const pk = (contact: string) => `LOGINCODE#${contact}`;

/** A new code replaces the previous one for that contact: only the latest code can sign in. */
export async function putLoginCode(s: Store, r: LoginCodeRecord): Promise<void> {
  // expiresAt (epoch seconds) is the table's TTL attribute: an unused code goes when it expires.
  await putItem(s, { pk: pk(r.contact), sk: 'META', entity: 'login-code', expiresAt: expiresAtFor('login-code', r.expiresAtIso), ...r });
}

export async function getLoginCode(s: Store, contact: string): Promise<LoginCodeRecord | undefined> {
  const item = await getItem(s, pk(contact), 'META');
  return item ? strip<LoginCodeRecord>(item) : undefined;
}

/** Counts a wrong try against this code (only while it can still be used); returns the new count. */
export async function countWrongTry(s: Store, contact: string, nonce: string): Promise<number | undefined> {
  const res = await updateIf(s, {
    Key: { pk: pk(contact), sk: 'META' },
    UpdateExpression: 'ADD attempts :one',
    ConditionExpression: 'nonce = :n AND attribute_not_exists(usedAt) AND attempts < :max',
    ExpressionAttributeValues: { ':one': 1, ':n': nonce, ':max': CODE_MAX_ATTEMPTS },
    ReturnValues: 'ALL_NEW',
  });
  return res ? (res.attempts as number) : undefined;
}

/** The one write that lets a code sign someone in: unused, unlocked, unexpired, this very code. */
export async function consumeLoginCode(s: Store, contact: string, nonce: string, now: string): Promise<boolean> {
  const res = await updateIf(s, {
    Key: { pk: pk(contact), sk: 'META' },
    // A used code has done its job: due for deletion at once (retention table, `login-code`).
    UpdateExpression: 'SET usedAt = :now, expiresAt = :ttl',
    ConditionExpression: 'nonce = :n AND attribute_not_exists(usedAt) AND attempts < :max AND expiresAtIso > :now',
    ExpressionAttributeValues: { ':n': nonce, ':max': CODE_MAX_ATTEMPTS, ':now': now, ':ttl': expiresAtFor('login-code', now) },
  });
  return res !== false;
}

/**
 * Records one more code sent to the contact if the send limits allow it. Optimistic: the list is
 * rewritten only if nobody else changed it since it was read, so two parallel requests cannot both
 * take the last allowed send.
 */
export async function reserveCodeSend(s: Store, contact: string, now: Date): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const item = await getItem(s, pk(contact), 'SENDS');
    const version = (item?.version as number | undefined) ?? 0;
    const { ok, recent } = codeSendAllowed((item?.sentAt as string[] | undefined) ?? [], now);
    if (!ok) return false;
    const res = await updateIf(s, {
      Key: { pk: pk(contact), sk: 'SENDS' },
      UpdateExpression: 'SET sentAt = :recent, version = :next, entity = :entity, expiresAt = :ttl',
      ConditionExpression: 'attribute_not_exists(version) OR version = :version',
      ExpressionAttributeValues: { ':recent': recent, ':next': version + 1, ':version': version, ':entity': 'login-code-sends', ':ttl': expiresAtFor('login-code-sends', now.toISOString()) },
    });
    if (res !== false) return true;
  }
  return false;
}

/**
 * Takes back a send recorded by reserveCodeSend whose message never left (the provider refused or
 * timed out): it must not count against the contact's limits.
 */
export async function releaseCodeSend(s: Store, contact: string, sentAt: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const item = await getItem(s, pk(contact), 'SENDS');
    const sent = (item?.sentAt as string[] | undefined) ?? [];
    if (!item || !sent.includes(sentAt)) return;
    const version = item.version as number;
    const res = await updateIf(s, {
      Key: { pk: pk(contact), sk: 'SENDS' },
      UpdateExpression: 'SET sentAt = :rest, version = :next',
      ConditionExpression: 'version = :version',
      ExpressionAttributeValues: { ':rest': sent.filter((x) => x !== sentAt), ':next': version + 1, ':version': version },
    });
    if (res !== false) return;
  }
}
