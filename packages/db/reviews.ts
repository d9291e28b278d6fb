import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Expert, Review } from '#core/schemas/review';
import { getItem, isConditionFailure, putIf, queryAll, strip, transactIf, type Item, type Store } from './store';
import { versionedDocuments } from './versioned';

const expertPk = (id: string) => `EXPERT#${id}`;
const expertContactPk = (contact: string) => `CONTACT#${contact}`;
const reviewPk = (id: string) => `REVIEW#${id}`;

// ---- experts -----------------------------------------------------------------------------------

/** One expert per contact: with a contact, its claim is written in the same transaction (false when taken). */
export async function createExpert(s: Store, e: Expert): Promise<boolean> {
  const item = { pk: expertPk(e.id), sk: 'META', entity: 'expert', gsi1pk: 'EXPERT', gsi1sk: e.id, ...e };
  if (!e.contact) return putIf(s, item, 'attribute_not_exists(pk)');
  return transactIf(s, [
    { Put: { TableName: s.table, Item: { pk: expertContactPk(e.contact), sk: 'EXPERT', entity: 'expert_contact', expertId: e.id }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: s.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
}

export async function expertIdByContact(s: Store, contact: string): Promise<string | undefined> {
  return (await getItem<{ expertId: string }>(s, expertContactPk(contact), 'EXPERT'))?.expertId;
}

export async function getExpert(s: Store, id: string): Promise<Expert | undefined> {
  const item = await getItem(s, expertPk(id), 'META');
  return item ? strip<Expert>(item) : undefined;
}

export async function allExperts(s: Store): Promise<Expert[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'EXPERT' })).map((i) => strip<Expert>(i));
}

/**
 * Marks the expert retired and frees their contact (someone registered again later may use it);
 * false when there is no such expert or it is retired already.
 */
export async function retireExpert(s: Store, e: Expert, at: string, reason: string): Promise<boolean> {
  const update = {
    Update: {
      TableName: s.table,
      Key: { pk: expertPk(e.id), sk: 'META' },
      UpdateExpression: 'SET retiredAt = :at, retiredReason = :reason',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(retiredAt)',
      ExpressionAttributeValues: { ':at': at, ':reason': reason },
    },
  };
  const freeContact = e.contact
    ? [{ Delete: { TableName: s.table, Key: { pk: expertContactPk(e.contact), sk: 'EXPERT' }, ConditionExpression: 'expertId = :id', ExpressionAttributeValues: { ':id': e.id } } }]
    : [];
  return transactIf(s, [update, ...freeContact]);
}

export async function addConflict(s: Store, id: string, conflict: Expert['conflicts'][number]): Promise<boolean> {
  try {
    await s.db.send(
      new UpdateCommand({
        TableName: s.table,
        Key: { pk: expertPk(id), sk: 'META' },
        UpdateExpression: 'SET conflicts = list_append(conflicts, :c)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':c': [conflict] },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

// ---- reviews -----------------------------------------------------------------------------------

function reviewItem(r: Review): Item {
  return {
    pk: reviewPk(r.id),
    sk: 'META',
    entity: 'review',
    gsi1pk: 'REVIEW',
    gsi1sk: `${r.roundId}#${r.applicationId}#${r.expertId}`,
    gsi2pk: `EXPERTREV#${r.expertId}`,
    gsi2sk: `${r.assignedAt}#${r.id}`,
    ...r,
  };
}

/** Review ids are (application, expert)-deterministic: assigning twice keeps the first. */
export async function createReview(s: Store, r: Review): Promise<boolean> {
  return putIf(s, reviewItem(r), 'attribute_not_exists(pk)');
}

export async function getReview(s: Store, id: string): Promise<Review | undefined> {
  const item = await getItem(s, reviewPk(id), 'META');
  return item ? strip<Review>(item) : undefined;
}

/** Saves a draft or submits: only while still `assigned`, and only over the version read. */
export async function saveReview(s: Store, next: Review, expectedVersion: number): Promise<boolean> {
  return putIf(s, reviewItem(next), '#st = :assigned AND version = :v', { ':assigned': 'assigned', ':v': expectedVersion }, { '#st': 'status' });
}

export async function reviewsOfRound(s: Store, roundId: string): Promise<Review[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'REVIEW', skPrefix: `${roundId}#` })).map((i) => strip<Review>(i));
}

export async function allReviews(s: Store): Promise<Review[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'REVIEW' })).map((i) => strip<Review>(i));
}

export async function reviewsOfExpert(s: Store, expertId: string): Promise<Review[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: `EXPERTREV#${expertId}` })).map((i) => strip<Review>(i));
}

// ---- rubrics -----------------------------------------------------------------------------------

const rubrics = versionedDocuments('RUBRIC', 'rubric');
export const putRubric = rubrics.put;
export const getRubric = rubrics.get;
export const setActiveRubric = rubrics.activate;
export const activeRubricVersion = rubrics.activeVersion;
