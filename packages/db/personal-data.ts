import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { expiresAtFor } from '#core/privacy/retention';
import { getItem, putIf, strip, transactIf, updateIf, type Store } from './store';

// Writes behind people's own requests: the data-request record, and deletions of what a person
// asked to erase. Each is a single conditional write, so a repeated request changes nothing more.

export interface DataRequestRecord {
  id: string;
  contact: string;
  codeHash: string;
  attempts: number;
  createdAt: string;
  expiresAtIso: string;
  noticeVersion: string;
  usedAt?: string;
}

const reqPk = (id: string) => `DATAREQ#${id}`;

export async function putDataRequest(s: Store, r: DataRequestRecord): Promise<void> {
  await putIf(s, { pk: reqPk(r.id), sk: 'META', entity: 'data-request', expiresAt: expiresAtFor('data-request', r.createdAt), ...r }, 'attribute_not_exists(pk)');
}

export async function getDataRequest(s: Store, id: string): Promise<DataRequestRecord | undefined> {
  const item = await getItem(s, reqPk(id), 'META');
  return item ? strip<DataRequestRecord>(item) : undefined;
}

/** One more wrong code, only while the request is usable; returns the new count (undefined: not usable). */
export async function countDataRequestMiss(s: Store, id: string, max: number): Promise<number | undefined> {
  const res = await updateIf(s, {
    Key: { pk: reqPk(id), sk: 'META' },
    UpdateExpression: 'ADD attempts :one',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND attempts < :max',
    ExpressionAttributeValues: { ':one': 1, ':max': max },
    ReturnValues: 'ALL_NEW',
  });
  return res ? (res.attempts as number) : undefined;
}

/** The one write that lets a code act: unused, unlocked, unexpired. */
export async function useDataRequest(s: Store, id: string, max: number, now: string): Promise<boolean> {
  const res = await updateIf(s, {
    Key: { pk: reqPk(id), sk: 'META' },
    UpdateExpression: 'SET usedAt = :now',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND attempts < :max AND expiresAtIso > :now',
    ExpressionAttributeValues: { ':now': now, ':max': max },
  });
  return res !== false;
}

/** The person's account and its contact claim, together; false when already gone. */
export async function deleteUser(s: Store, userId: string, contact: string): Promise<boolean> {
  return transactIf(s, [
    { Delete: { TableName: s.table, Key: { pk: `USER#${userId}`, sk: 'META' }, ConditionExpression: 'attribute_exists(pk)' } },
    { Delete: { TableName: s.table, Key: { pk: `CONTACT#${contact}`, sk: 'USER' }, ConditionExpression: 'attribute_not_exists(pk) OR userId = :u', ExpressionAttributeValues: { ':u': userId } } },
  ]);
}

export async function deleteInvitation(s: Store, id: string): Promise<boolean> {
  const res = await s.db.send(new DeleteCommand({ TableName: s.table, Key: { pk: `INVITE#${id}`, sk: 'META' }, ReturnValues: 'ALL_OLD' }));
  return !!res.Attributes;
}

/** Sign-in code state kept for a contact (the current code, the send counter). */
export async function loginCodeState(s: Store, contact: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const sk of ['META', 'SENDS']) {
    const item = await getItem(s, `LOGINCODE#${contact}`, sk);
    if (item) {
      const { nonce, ...rest } = strip<Record<string, unknown>>(item);
      void nonce;
      out.push({ record: sk === 'META' ? 'code' : 'sends', ...rest });
    }
  }
  return out;
}

/** The current sign-in code record (the send counter stays: it limits abuse and expires in a day). */
export async function deleteLoginCode(s: Store, contact: string): Promise<boolean> {
  const res = await s.db.send(new DeleteCommand({ TableName: s.table, Key: { pk: `LOGINCODE#${contact}`, sk: 'META' }, ReturnValues: 'ALL_OLD' }));
  return !!res.Attributes;
}
