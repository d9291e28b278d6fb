import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Application, ApplicationStatus, DirectoryEntry, Objection, Round, RoundStatus } from '#core/schemas/round';
import { budgetUpdate, type Budget } from './throttle';
import { objectionContactKey } from './objection-contacts';
import { batchGet, getItem, isConditionFailure, putIf, putItem, queryAll, setClauses, strip, transactIf, type Item, type Store, type TransactItems } from './store';

// Keys of the yearly round. A round is `ROUND#<id>`; its applications, objections and the year's
// 名录 are their own items found through gsi1 collections named after the round.

const roundPk = (id: string) => `ROUND#${id}`;
const appPk = (id: string) => `APP#${id}`;
const objPk = (id: string) => `OBJ#${id}`;
const dirPk = (year: number) => `DIRYEAR#${year}`;

type TransactItem = TransactItems[number];

interface Update {
  set: Record<string, unknown>;
  /** Raw SET clauses that need expressions, e.g. list_append. */
  setRaw?: string[];
  remove?: string[];
  condition: string;
  values: Record<string, unknown>;
}

/** "Set these (and bump version), only if the condition holds": false when it does not. */
async function updateIf(s: Store, key: { pk: string; sk: string }, u: Update): Promise<boolean> {
  const names: Record<string, string> = { '#st': 'status' };
  const values: Record<string, unknown> = { ...u.values, ':one': 1 };
  const sets = setClauses(u.set, names, values);
  (u.remove ?? []).forEach((k, i) => (names[`#r${i}`] = k));
  const remove = u.remove?.length ? ` REMOVE ${u.remove.map((_, i) => `#r${i}`).join(', ')}` : '';
  try {
    await s.db.send(
      new UpdateCommand({
        TableName: s.table,
        Key: key,
        UpdateExpression: `SET ${[...sets, ...(u.setRaw ?? [])].join(', ')}${remove} ADD version :one`,
        ConditionExpression: u.condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

const statusIn = (from: readonly string[]) => ({
  cond: `#st IN (${from.map((_, i) => `:f${i}`).join(', ')})`,
  values: Object.fromEntries(from.map((f, i) => [`:f${i}`, f])),
});

// ---- rounds ------------------------------------------------------------------------------------

function roundItem(r: Round): Item {
  return { pk: roundPk(r.id), sk: 'META', entity: 'round', gsi1pk: 'ROUND', gsi1sk: `${r.year}`, ...r };
}

/** The round id is the year's, so "one round per year" is a conditional put and nothing more. */
export async function createRound(s: Store, r: Round): Promise<boolean> {
  return putIf(s, roundItem(r), 'attribute_not_exists(pk)');
}

export async function getRound(s: Store, id: string): Promise<Round | undefined> {
  const item = await getItem(s, roundPk(id), 'META');
  return item ? strip<Round>(item) : undefined;
}

export async function allRounds(s: Store): Promise<Round[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'ROUND', descending: true })).map((i) => strip<Round>(i));
}

export async function transitionRound(s: Store, id: string, from: RoundStatus, to: RoundStatus, set: Record<string, unknown> = {}, extraCondition = '', extraValues: Record<string, unknown> = {}): Promise<boolean> {
  return updateIf(s, { pk: roundPk(id), sk: 'META' }, {
    set: { ...set, status: to },
    condition: `#st = :from${extraCondition}`,
    values: { ':from': from, ...extraValues },
  });
}

// ---- applications ------------------------------------------------------------------------------

function appItem(a: Application): Item {
  return { pk: appPk(a.id), sk: 'META', entity: 'application', gsi1pk: `ROUNDAPP#${a.roundId}`, gsi1sk: a.platformId, ...a };
}

export async function createApplication(s: Store, a: Application): Promise<boolean> {
  return putIf(s, appItem(a), 'attribute_not_exists(pk)');
}

export async function getApplication(s: Store, id: string): Promise<Application | undefined> {
  const item = await getItem(s, appPk(id), 'META');
  return item ? strip<Application>(item) : undefined;
}

export async function roundApplications(s: Store, roundId: string): Promise<Application[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: `ROUNDAPP#${roundId}` })).map((i) => strip<Application>(i));
}

export async function applicationsById(s: Store, ids: string[]): Promise<Application[]> {
  return (await batchGet<Item>(s, ids.map((id) => ({ pk: appPk(id), sk: 'META' })))).map((i) => strip<Application>(i));
}

export interface AppTransition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: string;
  at: string;
  note?: string;
  set?: Record<string, unknown>;
  remove?: string[];
  /** Extra condition, e.g. that the submission being assessed is still the current one. */
  condition?: string;
  values?: Record<string, unknown>;
}

/**
 * Moves an application between states with a condition on where it is now, appending the step to
 * its history in the same write: a transition either happened whole or not at all.
 */
export async function transitionApplication(s: Store, id: string, t: AppTransition): Promise<boolean> {
  const { cond, values } = statusIn(t.from);
  const entry = { at: t.at, status: t.to, by: t.by, ...(t.note ? { note: t.note } : {}) };
  return updateIf(s, { pk: appPk(id), sk: 'META' }, {
    set: { ...t.set, status: t.to, updatedAt: t.at },
    setRaw: ['history = list_append(history, :h)'],
    remove: t.remove,
    condition: `${cond}${t.condition ? ` AND ${t.condition}` : ''}`,
    values: { ...values, ...t.values, ':h': [entry] },
  });
}

/**
 * The full explanation of an application's assessment lives in its own item keyed by submission,
 * so round-wide lists (notice, 名录, 1,000 applications) read small items.
 */
export async function putApplicationAssessment(s: Store, applicationId: string, submission: number, assessment: unknown): Promise<void> {
  await putItem(s, { pk: appPk(applicationId), sk: `ASMT#${String(submission).padStart(4, '0')}`, entity: 'applicationAssessment', assessment });
}

export async function getApplicationAssessment<T>(s: Store, applicationId: string, submission: number): Promise<T | undefined> {
  return (await getItem<{ assessment: T }>(s, appPk(applicationId), `ASMT#${String(submission).padStart(4, '0')}`))?.assessment;
}

/** Submitted applications owe an assessment; the reconciler reads this collection. */
export const DUE_KEYS = (submittedAt: string, id: string) => ({ gsi2pk: 'APPDUE', gsi2sk: `${submittedAt}#${id}` });

export async function applicationsDue(s: Store, before: string): Promise<Application[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: 'APPDUE', skBetween: ['!', `${before}~`] })).map((i) => strip<Application>(i));
}

// ---- objections --------------------------------------------------------------------------------

function objectionItem(o: Objection): Item {
  // A mobile number is also a key (gsi2), so the objector can find, export or erase it later.
  const key = objectionContactKey(o.contactPhone);
  return { pk: objPk(o.id), sk: 'META', entity: 'objection', gsi1pk: `ROUNDOBJ#${o.roundId}`, gsi1sk: `${o.createdAt}#${o.id}`, ...(key ? { gsi2pk: key, gsi2sk: `${o.createdAt}#${o.id}` } : {}), ...o };
}

export type ObjectionRefusal = 'notice' | 'application' | 'throttled';

/**
 * Moves the round's count of open objections, only while the round is in notice; a new objection
 * (`runningAt`) also needs the notice period still running at that instant.
 */
function openObjectionsBy(s: Store, roundId: string, delta: 1 | -1, runningAt?: string): TransactItem {
  return {
    Update: {
      TableName: s.table,
      Key: { pk: roundPk(roundId), sk: 'META' },
      UpdateExpression: 'ADD openObjections :d',
      ConditionExpression: runningAt ? '#st = :notice AND noticeEndsAt > :now' : '#st = :notice',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':d': delta, ':notice': 'notice', ...(runningAt ? { ':now': runningAt } : {}) },
    },
  };
}

/**
 * Files an objection, counts it on the round and on the requester's hourly budget in one
 * transaction: refused for any reason, nothing is written (not even the throttle counter).
 */
export async function fileObjection(s: Store, o: Objection, at: string, throttle: Budget): Promise<ObjectionRefusal | null> {
  const items: TransactItem[] = [
    { Put: { TableName: s.table, Item: objectionItem(o), ConditionExpression: 'attribute_not_exists(pk)' } },
    openObjectionsBy(s, o.roundId, 1, at),
    {
      ConditionCheck: {
        TableName: s.table,
        Key: { pk: appPk(o.applicationId), sk: 'META' },
        ConditionExpression: '#st = :assessed AND roundId = :r',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':assessed': 'assessed', ':r': o.roundId },
      },
    },
    { Update: { TableName: s.table, ...budgetUpdate(throttle) } },
  ];
  try {
    await s.db.send(new TransactWriteCommand({ TransactItems: items }));
    return null;
  } catch (err) {
    if (!(err instanceof TransactionCanceledException)) throw err;
    const codes = (err.CancellationReasons ?? []).map((r) => r.Code);
    if (codes[1] === 'ConditionalCheckFailed') return 'notice';
    if (codes[2] === 'ConditionalCheckFailed') return 'application';
    if (codes[3] === 'ConditionalCheckFailed') return 'throttled';
    throw err;
  }
}

export async function getObjection(s: Store, id: string): Promise<Objection | undefined> {
  const item = await getItem(s, objPk(id), 'META');
  return item ? strip<Objection>(item) : undefined;
}

export async function roundObjections(s: Store, roundId: string): Promise<Objection[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: `ROUNDOBJ#${roundId}` })).map((i) => strip<Objection>(i));
}

/**
 * Resolves an open objection, takes it off the round's open count and, when upheld, removes the
 * application from the notice (`rejected`), all in one transaction.
 */
export async function resolveObjection(
  s: Store,
  o: Objection,
  r: { outcome: 'upheld' | 'dismissed'; note: string; by: string; at: string },
): Promise<boolean> {
  const items: TransactItem[] = [
    {
      Update: {
        TableName: s.table,
        Key: { pk: objPk(o.id), sk: 'META' },
        UpdateExpression: 'SET #st = :out, note = :note, resolvedAt = :at, resolvedBy = :by',
        ConditionExpression: '#st = :open',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':out': r.outcome, ':note': r.note, ':at': r.at, ':by': r.by, ':open': 'open' },
      },
    },
    openObjectionsBy(s, o.roundId, -1),
  ];
  if (r.outcome === 'upheld')
    items.push({
      Update: {
        TableName: s.table,
        Key: { pk: appPk(o.applicationId), sk: 'META' },
        UpdateExpression: 'SET #st = :rej, updatedAt = :at, history = list_append(history, :h) ADD version :one',
        // A second upheld objection against an already rejected application still resolves.
        ConditionExpression: '#st IN (:assessed, :rej)',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: {
          ':rej': 'rejected',
          ':assessed': 'assessed',
          ':at': r.at,
          ':one': 1,
          ':h': [{ at: r.at, status: 'rejected', by: r.by, note: `异议成立 / objection upheld: ${r.note}` }],
        },
      },
    });
  return transactIf(s, items);
}

// ---- the year's 名录 ------------------------------------------------------------------------------

const PART_SIZE = 200;

/**
 * Writes the year's 名录: entry parts first, the header last with attribute_not_exists, so a
 * half-written year is invisible (readers need the header) and a written one is never replaced.
 * Re-running after a crash rewrites identical parts, because the entries are derived from state
 * that no longer changes once publishing has begun.
 */
export async function writeDirectoryYear(s: Store, d: { year: number; roundId: string; publishedAt: string; entries: DirectoryEntry[] }): Promise<void> {
  if (await getItem(s, dirPk(d.year), 'META')) return;
  const parts = Math.ceil(d.entries.length / PART_SIZE);
  for (let i = 0; i < parts; i++) {
    await putItem(s, { pk: dirPk(d.year), sk: `PART#${String(i).padStart(4, '0')}`, entity: 'directoryPart', entries: d.entries.slice(i * PART_SIZE, (i + 1) * PART_SIZE) });
  }
  await putIf(
    s,
    { pk: dirPk(d.year), sk: 'META', entity: 'directoryYear', gsi1pk: 'DIRYEAR', gsi1sk: `${d.year}`, year: d.year, roundId: d.roundId, publishedAt: d.publishedAt, parts, count: d.entries.length },
    'attribute_not_exists(pk)',
  );
}

export async function getDirectoryYear(s: Store, year: number): Promise<{ year: number; roundId: string; publishedAt: string; entries: DirectoryEntry[] } | undefined> {
  const meta = await getItem<{ year: number; roundId: string; publishedAt: string; parts: number }>(s, dirPk(year), 'META');
  if (!meta) return undefined;
  const parts = await queryAll<Item & { entries: DirectoryEntry[] }>(s, { pk: dirPk(year), skPrefix: 'PART#' });
  return { year: meta.year, roundId: meta.roundId, publishedAt: meta.publishedAt, entries: parts.slice(0, meta.parts).flatMap((p) => p.entries) };
}

export async function publishedYears(s: Store): Promise<{ year: number; publishedAt: string; count: number }[]> {
  return (await queryAll<Item & { year: number; publishedAt: string; count: number }>(s, { index: 'gsi1', pk: 'DIRYEAR', descending: true })).map((i) => ({
    year: i.year,
    publishedAt: i.publishedAt,
    count: i.count,
  }));
}

/** The first reminder of a district for a round on a day claims it; a second the same day finds it taken. */
export async function claimDistrictReminder(s: Store, roundId: string, district: string, at: string): Promise<boolean> {
  return putIf(s, { pk: roundPk(roundId), sk: `REMIND#${district}#${at.slice(0, 10)}`, entity: 'district-reminder', district, at }, 'attribute_not_exists(pk)');
}
