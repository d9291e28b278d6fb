import type { Grant, Programme } from '#core/schemas/support';
import { cents, wan } from '#core/support/eligibility';
import { getItem, putIf, queryAll, strip, transactIf, type Item, type Store } from './store';

// A programme and its grants share a partition; money is kept as integer cents (committedCents,
// paidCents) so conditions compare exactly and two approvals racing for the last yuan cannot both pass.

const PK = (id: string) => `SUPPORT#${id}`;

type StoredProgramme = Omit<Programme, 'committedWan' | 'paidWan'> & { committedCents: number; paidCents: number };
type StoredGrant = Omit<Grant, 'approvedWan' | 'paidWan'> & { approvedCents?: number; paidCents: number };

const toProgramme = (i: Item): Programme => {
  const { committedCents, paidCents, ...rest } = strip<StoredProgramme>(i);
  return { ...rest, committedWan: wan(committedCents), paidWan: wan(paidCents) } as Programme;
};
const toGrant = (i: Item): Grant => {
  const { approvedCents, paidCents, ...rest } = strip<StoredGrant>(i);
  return { ...rest, ...(approvedCents !== undefined ? { approvedWan: wan(approvedCents) } : {}), paidWan: wan(paidCents) } as Grant;
};

export async function createProgramme(s: Store, p: Programme): Promise<boolean> {
  const { committedWan: _c, paidWan: _p, ...rest } = p;
  return putIf(s, { pk: PK(p.id), sk: 'META', entity: 'support-programme', gsi1pk: 'SUPPORT', gsi1sk: `${p.year}#${p.id}`, ...rest, committedCents: 0, paidCents: 0 }, 'attribute_not_exists(pk)');
}

export async function getProgramme(s: Store, id: string): Promise<Programme | undefined> {
  const i = await getItem<Item>(s, PK(id), 'META');
  return i ? toProgramme(i) : undefined;
}

export async function allProgrammes(s: Store): Promise<Programme[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'SUPPORT', descending: true })).map(toProgramme);
}

/** One grant per platform and programme: a second application or nomination is refused. */
export async function createGrant(s: Store, g: Grant): Promise<boolean> {
  const { approvedWan: _a, paidWan: _p, ...rest } = g;
  return putIf(
    s,
    { pk: PK(g.programmeId), sk: `GRANT#${g.platformId}`, entity: 'support-grant', gsi1pk: 'GRANT', gsi1sk: g.id, gsi2pk: `PGRANT#${g.platformId}`, gsi2sk: g.createdAt, ...rest, paidCents: 0 },
    'attribute_not_exists(pk)',
  );
}

export async function findGrant(s: Store, id: string): Promise<Grant | undefined> {
  const [i] = await queryAll<Item>(s, { index: 'gsi1', pk: 'GRANT', skBetween: [id, id] });
  return i ? toGrant(i) : undefined;
}

export async function programmeGrants(s: Store, programmeId: string): Promise<Grant[]> {
  return (await queryAll<Item>(s, { pk: PK(programmeId), skPrefix: 'GRANT#' })).map(toGrant);
}

export async function platformGrants(s: Store, platformId: string): Promise<Grant[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: `PGRANT#${platformId}` })).map(toGrant);
}

/** proposed → approved, and the programme's commitment grows, only while it stays within the budget. */
export async function approveGrant(s: Store, g: Grant, budgetWan: number, amountWan: number, at: string, note?: string): Promise<boolean> {
  const amount = cents(amountWan);
  return transactIf(s, [
    {
      Update: {
        TableName: s.table,
        Key: { pk: PK(g.programmeId), sk: 'META' },
        UpdateExpression: 'SET committedCents = committedCents + :a',
        ConditionExpression: 'committedCents <= :limit',
        ExpressionAttributeValues: { ':a': amount, ':limit': cents(budgetWan) - amount },
      },
    },
    {
      Update: {
        TableName: s.table,
        Key: { pk: PK(g.programmeId), sk: `GRANT#${g.platformId}` },
        UpdateExpression: `SET #st = :approved, approvedCents = :a, decidedAt = :at${note ? ', decisionNote = :note' : ''}`,
        ConditionExpression: '#st = :proposed',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':approved': 'approved', ':proposed': 'proposed', ':a': amount, ':at': at, ...(note ? { ':note': note } : {}) },
      },
    },
  ]);
}

export async function rejectGrant(s: Store, g: Grant, at: string, note: string): Promise<boolean> {
  return transactIf(s, [
    {
      Update: {
        TableName: s.table,
        Key: { pk: PK(g.programmeId), sk: `GRANT#${g.platformId}` },
        UpdateExpression: 'SET #st = :rejected, decidedAt = :at, decisionNote = :note',
        ConditionExpression: '#st = :proposed',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':rejected': 'rejected', ':proposed': 'proposed', ':at': at, ':note': note },
      },
    },
  ]);
}

/** A payment within what was approved; the grant is `paid` once the approved amount is paid in full. */
export async function recordPayment(s: Store, g: Grant, p: Grant['payments'][number]): Promise<boolean> {
  const amount = cents(p.amountWan);
  const approved = cents(g.approvedWan ?? 0);
  const full = cents(g.paidWan) + amount === approved;
  return transactIf(s, [
    {
      Update: {
        TableName: s.table,
        Key: { pk: PK(g.programmeId), sk: `GRANT#${g.platformId}` },
        UpdateExpression: 'SET paidCents = paidCents + :a, payments = list_append(payments, :p), #st = :next',
        ConditionExpression: '#st = :approved AND paidCents <= :limit AND paidCents = :seen',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':a': amount, ':p': [p], ':next': full ? 'paid' : 'approved', ':approved': 'approved', ':limit': approved - amount, ':seen': cents(g.paidWan) },
      },
    },
    {
      Update: {
        TableName: s.table,
        Key: { pk: PK(g.programmeId), sk: 'META' },
        UpdateExpression: 'SET paidCents = paidCents + :a',
        ExpressionAttributeValues: { ':a': amount },
      },
    },
  ]);
}
