import type { Evidence } from '#core/schemas/evidence';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { getItem, isConditionFailure, putIf, queryAll, strip, type Item, type Store } from './store';

const pk = (applicationId: string) => `APP#${applicationId}`;

export type StoredEvidence = Omit<Evidence, 'downloadUrl'> & { roundId: string };

const item = (e: StoredEvidence): Item => ({ pk: pk(e.applicationId), sk: `EVID#${e.id}`, entity: 'evidence', ...e });

export async function createEvidence(s: Store, e: StoredEvidence): Promise<boolean> {
  return putIf(s, item(e), 'attribute_not_exists(pk)');
}

export async function getEvidence(s: Store, applicationId: string, id: string): Promise<StoredEvidence | undefined> {
  const i = await getItem(s, pk(applicationId), `EVID#${id}`);
  return i ? strip<StoredEvidence>(i) : undefined;
}

export async function listEvidence(s: Store, applicationId: string): Promise<StoredEvidence[]> {
  return (await queryAll<Item>(s, { pk: pk(applicationId), skPrefix: 'EVID#' })).map((i) => strip<StoredEvidence>(i));
}

/** pending → verified | rejected, once. */
export async function settleEvidence(s: Store, next: StoredEvidence): Promise<boolean> {
  return putIf(s, item(next), '#st = :pending', { ':pending': 'pending' }, { '#st': 'status' });
}

/** Removes a file's record unless it was verified (verified evidence stays with the application). */
export async function deleteEvidence(s: Store, applicationId: string, id: string): Promise<boolean> {
  try {
    await s.db.send(
      new DeleteCommand({
        TableName: s.table,
        Key: { pk: pk(applicationId), sk: `EVID#${id}` },
        ConditionExpression: 'attribute_exists(pk) AND #st <> :verified',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':verified': 'verified' },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
