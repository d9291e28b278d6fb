import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Roadshow, RoadshowStatus } from '#core/schemas/roadshow';
import type { RoadshowInvitation, RoadshowRating, RoadshowRegistration } from '#core/schemas/roadshow-event';
import { budgetUpdate, type Budget } from './throttle';
import { batchGet, getItem, isConditionFailure, putIf, queryAll, setClauses, strip, transactIf, updateIf, type Item, type Store, type TransactItems } from './store';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

// Items of a roadshow event, all under the roadshow's partition (one Query lists them):
//   META                        the roadshow (status, history, version, seat counters)
//   INV#<invitationId>          an invitation (gsi1: by invitation id, gsi2: by invited org)
//   REG#<registrationId>        an audience registration (gsi2: by contact, for personal-data requests)
//   CONTACT#<contact>           one registration per contact (conditional put)
//   CODE#<checkInCode>          check-in code → registration or invitation
//   RATING#<scenario>#<platform>#<side>
// Pending notifications sit under pk RSNOTICE until delivered (the reconciler finishes them).

const pk = (id: string) => `ROADSHOW#${id}`;
const META = 'META';

export async function getRoadshowVersioned(s: Store, id: string): Promise<Roadshow | undefined> {
  const item = await getItem(s, pk(id), META);
  return item ? strip<Roadshow>(item) : undefined;
}

/**
 * One status transition, conditional on the current status (and version when given): every step
 * appends to `history` and bumps `version`, so two racing transitions never both win.
 */
export async function transition(
  s: Store,
  id: string,
  from: RoadshowStatus | readonly RoadshowStatus[],
  to: RoadshowStatus,
  at: string,
  set: Record<string, unknown> = {},
  extraCondition?: { expr: string; values: Record<string, unknown> },
): Promise<boolean> {
  const froms = Array.isArray(from) ? from : [from];
  const names: Record<string, string> = { '#st': 'status', '#h': 'history', '#v': 'version' };
  const values: Record<string, unknown> = { ':to': to, ':step': [{ status: to, at }], ':empty': [], ':one': 1, ':zero': 0, ':g': `ROADSHOW#${to}` };
  froms.forEach((f, i) => (values[`:f${i}`] = f));
  const sets = ['#st = :to', '#h = list_append(if_not_exists(#h, :empty), :step)', '#v = if_not_exists(#v, :zero) + :one', 'gsi1pk = :g'];
  Object.entries(set).forEach(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  });
  let cond = `#st IN (${froms.map((_, i) => `:f${i}`).join(', ')})`;
  if (extraCondition) {
    cond += ` AND ${extraCondition.expr}`;
    Object.assign(values, extraCondition.values);
  }
  const res = await updateIf(s, {
    Key: { pk: pk(id), sk: META },
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: cond,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
  return res !== false;
}

/**
 * Edits fields conditional on the version and, in the same transaction, records the notices the
 * edit owes (so a refused edit owes nothing, and a crash after it leaves them for the reconciler).
 */
export async function updateFieldsOwing(s: Store, id: string, version: number, set: Record<string, unknown>, owed: readonly NoticeOwed[]): Promise<boolean> {
  if (owed.length === 0 || owed.length > 99) {
    if (!(await updateFields(s, id, version, set))) return false;
    await markNoticesOwed(s, owed);
    return true;
  }
  return transactIf(s, [
    { Update: { TableName: s.table, ...versionedUpdate(id, version, set) } },
    ...owed.map((n) => noticeOwedPut(s.table, n)),
  ]);
}

/** Edits fields of the roadshow conditional on its version (If-Match / read-modify-write). */
export async function updateFields(s: Store, id: string, version: number, set: Record<string, unknown>, remove: string[] = []): Promise<boolean> {
  return (await updateIf(s, versionedUpdate(id, version, set, remove))) !== false;
}

/** SET (and REMOVE) fields and bump the version, conditional on the version read. */
function versionedUpdate(id: string, version: number, set: Record<string, unknown>, remove: string[] = []) {
  const names: Record<string, string> = { '#v': 'version' };
  const values: Record<string, unknown> = { ':v': version, ':one': 1 };
  const sets = ['#v = :v + :one', ...setClauses(set, names, values)];
  const removes = remove.map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  return {
    Key: { pk: pk(id), sk: META },
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: version === 0 ? 'attribute_not_exists(#v) OR #v = :v' : '#v = :v',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** Re-composition lock: one at a time; a crashed holder's lock lapses at `until`. */
export async function takeRecomposeLock(s: Store, id: string, version: number, token: string, now: string, until: string): Promise<boolean> {
  const res = await updateIf(s, {
    Key: { pk: pk(id), sk: META },
    UpdateExpression: 'SET recomposeLock = :lock',
    ConditionExpression: '(attribute_not_exists(recomposeLock) OR recomposeLock.#until < :now) AND (attribute_not_exists(#v) OR #v = :v) AND #st = :pub',
    ExpressionAttributeNames: { '#until': 'until', '#v': 'version', '#st': 'status' },
    ExpressionAttributeValues: { ':lock': { token, until }, ':now': now, ':v': version, ':pub': 'published' },
  });
  return res !== false;
}

export async function releaseRecomposeLock(s: Store, id: string, token: string, set: Record<string, unknown>): Promise<boolean> {
  const names: Record<string, string> = { '#v': 'version' };
  const values: Record<string, unknown> = { ':t': token, ':one': 1, ':zero': 0 };
  const sets = ['#v = if_not_exists(#v, :zero) + :one'];
  Object.entries(set).forEach(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  });
  const res = await updateIf(s, {
    Key: { pk: pk(id), sk: META },
    UpdateExpression: `SET ${sets.join(', ')} REMOVE recomposeLock`,
    ConditionExpression: 'recomposeLock.#tok = :t',
    ExpressionAttributeNames: { ...names, '#tok': 'token' },
    ExpressionAttributeValues: values,
  });
  return res !== false;
}

// ---- invitations -----------------------------------------------------------------------------

const invItem = (i: RoadshowInvitation): Item => ({
  pk: pk(i.roadshowId),
  sk: `INV#${i.id}`,
  entity: 'roadshow-invitation',
  gsi1pk: `RSINV#${i.id}`,
  gsi1sk: META,
  gsi2pk: `RSINVORG#${i.orgId}`,
  gsi2sk: `${i.createdAt}#${i.id}`,
  ...i,
});

/** Creates the invitation once (a re-run of publish or recompose writes nothing new). */
export async function putInvitation(s: Store, i: RoadshowInvitation): Promise<boolean> {
  return putIf(s, invItem(i), 'attribute_not_exists(pk)');
}

export async function invitationsOf(s: Store, roadshowId: string): Promise<RoadshowInvitation[]> {
  return (await queryAll<Item>(s, { pk: pk(roadshowId), skPrefix: 'INV#' })).map((i) => strip<RoadshowInvitation>(i));
}

export async function invitationsForOrg(s: Store, orgId: string): Promise<RoadshowInvitation[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: `RSINVORG#${orgId}` })).map((i) => strip<RoadshowInvitation>(i));
}

export async function findInvitation(s: Store, invitationId: string): Promise<RoadshowInvitation | undefined> {
  const [hit] = await queryAll<Item>(s, { index: 'gsi1', pk: `RSINV#${invitationId}` });
  if (!hit) return undefined;
  const fresh = await getItem(s, hit.pk, hit.sk);
  return fresh ? strip<RoadshowInvitation>(fresh) : undefined;
}

/** Sets fields on an invitation, conditional on its status being one of `from`. */
export async function updateInvitation(s: Store, i: Pick<RoadshowInvitation, 'id' | 'roadshowId'>, from: readonly string[], set: Record<string, unknown>): Promise<boolean> {
  const names: Record<string, string> = { '#st': 'status' };
  const values: Record<string, unknown> = {};
  from.forEach((f, n) => (values[`:f${n}`] = f));
  const sets = Object.entries(set).map(([k, v], n) => {
    names[`#s${n}`] = k;
    values[`:s${n}`] = v;
    return `#s${n} = :s${n}`;
  });
  const res = await updateIf(s, {
    Key: { pk: pk(i.roadshowId), sk: `INV#${i.id}` },
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: `#st IN (${from.map((_, n) => `:f${n}`).join(', ')})`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
  return res !== false;
}

// ---- notifications owed (crash-safe) ---------------------------------------------------------

export interface NoticeOwed {
  roadshowId: string;
  invitationId: string;
  event: 'roadshow.invited' | 'roadshow.changed';
  /** Distinguishes successive changes to the same invitation (notification ids derive from it). */
  seq: string;
  at: string;
}

const noticeSk = (n: NoticeOwed) => `${n.at}#${n.invitationId}#${n.seq}`;

export const noticeOwedPut = (table: string, n: NoticeOwed): TransactItems[number] => ({
  Put: { TableName: table, Item: { pk: 'RSNOTICE', sk: noticeSk(n), entity: 'roadshow-notice', ...n } },
});

export async function markNoticesOwed(s: Store, ns: readonly NoticeOwed[]): Promise<void> {
  for (let i = 0; i < ns.length; i += 25) {
    const chunk = ns.slice(i, i + 25);
    if (chunk.length) await transactIf(s, chunk.map((n) => noticeOwedPut(s.table, n)));
  }
}

export async function noticeDone(s: Store, n: NoticeOwed): Promise<void> {
  const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
  await s.db.send(new DeleteCommand({ TableName: s.table, Key: { pk: 'RSNOTICE', sk: noticeSk(n) } }));
}

export async function noticesOwedBefore(s: Store, cutoff: string): Promise<NoticeOwed[]> {
  return (await queryAll<Item>(s, { pk: 'RSNOTICE', skBetween: ['!', `${cutoff}\uffff`] })).map((i) => strip<NoticeOwed>(i));
}

// ---- audience registrations ------------------------------------------------------------------

export type RegistrationOutcome = 'registered' | 'waitlisted' | 'duplicate' | 'closed' | 'throttled';

/**
 * One transaction: the registration, its contact's uniqueness marker, its check-in code, a seat
 * (or, when full, a wait-list place) on the roadshow, and a unit of the caller's throttle budget.
 * Nothing is half-written: any failed condition cancels all of it, and the reason is read from
 * the cancellation.
 */
export async function register(s: Store, r: RoadshowRegistration, budget: Budget, closesAt: string, now: string): Promise<RegistrationOutcome> {
  const attempt = async (waitlisted: boolean): Promise<RegistrationOutcome | 'full'> => {
    const seat = waitlisted
      ? { UpdateExpression: 'ADD #wl :one', ConditionExpression: '#st = :pub AND #sa > :now' }
      : { UpdateExpression: 'ADD #reg :one', ConditionExpression: '#st = :pub AND #sa > :now AND (attribute_not_exists(#reg) OR #reg < #cap)' };
    const items: TransactItems = [
      { Put: { TableName: s.table, Item: { pk: pk(r.roadshowId), sk: `REG#${r.id}`, entity: 'roadshow-registration', gsi2pk: `RSREG#${r.contact}`, gsi2sk: `${r.createdAt}#${r.id}`, ...r, waitlisted }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: s.table, Item: { pk: pk(r.roadshowId), sk: `CONTACT#${r.contact}`, entity: 'roadshow-contact', registrationId: r.id, expiresAt: r.expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: s.table, Item: { pk: pk(r.roadshowId), sk: `CODE#${r.checkInCode}`, entity: 'roadshow-code', registrationId: r.id, expiresAt: r.expiresAt }, ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Update: {
          TableName: s.table,
          Key: { pk: pk(r.roadshowId), sk: META },
          UpdateExpression: seat.UpdateExpression,
          ConditionExpression: seat.ConditionExpression,
          ExpressionAttributeNames: waitlisted ? { '#st': 'status', '#sa': 'startsAt', '#wl': 'waitlisted' } : { '#st': 'status', '#sa': 'startsAt', '#reg': 'registered', '#cap': 'capacity' },
          ExpressionAttributeValues: { ':one': 1, ':pub': 'published', ':now': now },
        },
      },
      { Update: { TableName: s.table, ...budgetUpdate(budget) } },
    ];
    try {
      await s.db.send(new (await import('@aws-sdk/lib-dynamodb')).TransactWriteCommand({ TransactItems: items }));
      return waitlisted ? 'waitlisted' : 'registered';
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const codes = (err.CancellationReasons ?? []).map((c) => c.Code);
      if (codes[1] === 'ConditionalCheckFailed') return 'duplicate';
      if (codes[4] === 'ConditionalCheckFailed') return 'throttled';
      if (codes[3] === 'ConditionalCheckFailed') {
        const meta = await getItem(s, pk(r.roadshowId), META);
        if (!meta || meta.status !== 'published' || String(meta.startsAt) <= now) return 'closed';
        return waitlisted ? 'closed' : 'full';
      }
      if (codes[0] === 'ConditionalCheckFailed' || codes[2] === 'ConditionalCheckFailed') throw new Error('registration id or check-in code collision; retry');
      throw err;
    }
  };
  void closesAt;
  const first = await attempt(false);
  if (first !== 'full') return first;
  return (await attempt(true)) as RegistrationOutcome;
}

export async function registrationsOf(s: Store, roadshowId: string): Promise<RoadshowRegistration[]> {
  return (await queryAll<Item>(s, { pk: pk(roadshowId), skPrefix: 'REG#' })).map((i) => strip<RoadshowRegistration>(i));
}

export async function registrationsByContact(s: Store, contact: string): Promise<RoadshowRegistration[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: `RSREG#${contact}` })).map((i) => strip<RoadshowRegistration>(i));
}

/** Deletes a registration and its markers (personal-data deletion); the seat count stays as history. */
export async function deleteRegistration(s: Store, r: RoadshowRegistration): Promise<boolean> {
  const del = (sk: string) => ({ Delete: { TableName: s.table, Key: { pk: pk(r.roadshowId), sk } } });
  return transactIf(s, [del(`REG#${r.id}`), del(`CONTACT#${r.contact}`), del(`CODE#${r.checkInCode}`)]);
}

export async function putCode(s: Store, roadshowId: string, code: string, target: { registrationId?: string; invitationId?: string }, expiresAt?: number): Promise<boolean> {
  return putIf(s, { pk: pk(roadshowId), sk: `CODE#${code}`, entity: 'roadshow-code', ...target, ...(expiresAt ? { expiresAt } : {}) }, 'attribute_not_exists(pk)');
}

export async function resolveCode(s: Store, roadshowId: string, code: string): Promise<{ registrationId?: string; invitationId?: string } | undefined> {
  const item = await getItem(s, pk(roadshowId), `CODE#${code}`);
  return item ? { registrationId: item.registrationId as string | undefined, invitationId: item.invitationId as string | undefined } : undefined;
}

/** Checks a registration or invitation in once; a second check-in keeps the first time. */
export async function checkIn(s: Store, roadshowId: string, sk: string, at: string): Promise<Item | undefined> {
  try {
    const res = await s.db.send(
      new UpdateCommand({
        TableName: s.table,
        Key: { pk: pk(roadshowId), sk },
        UpdateExpression: 'SET checkedInAt = if_not_exists(checkedInAt, :at)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return res.Attributes as Item;
  } catch (err) {
    if (isConditionFailure(err)) return undefined;
    throw err;
  }
}

export async function getInvitation(s: Store, roadshowId: string, invitationId: string): Promise<RoadshowInvitation | undefined> {
  const res = await s.db.send(new GetCommand({ TableName: s.table, Key: { pk: pk(roadshowId), sk: `INV#${invitationId}` }, ConsistentRead: true }));
  return res.Item ? strip<RoadshowInvitation>(res.Item as Item) : undefined;
}

// ---- ratings ---------------------------------------------------------------------------------

export async function putRating(s: Store, r: RoadshowRating): Promise<void> {
  await putIf(s, { pk: pk(r.roadshowId), sk: `RATING#${r.scenarioId}#${r.platformId}#${r.side}`, entity: 'roadshow-rating', ...r }, 'attribute_not_exists(pk) OR attribute_exists(pk)');
}

export async function ratingsOf(s: Store, roadshowId: string): Promise<RoadshowRating[]> {
  return (await queryAll<Item>(s, { pk: pk(roadshowId), skPrefix: 'RATING#' })).map((i) => strip<RoadshowRating>(i));
}

export { batchGet };
