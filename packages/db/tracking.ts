import type { Adjustments, TrackingCase } from '#core/schemas/tracking';
import { getItem, putIf, queryAll, setClauses, strip, updateIf, type Item, type Store } from './store';

const casePk = (id: string) => `TRACK#${id}`;
const item = (c: TrackingCase): Item => ({ pk: casePk(c.id), sk: 'META', entity: 'tracking-case', gsi1pk: `TRACKYEAR#${c.year}`, gsi1sk: `${c.platformName}#${c.id}`, ...c });

/** A case per platform and year: a second run finds it and writes nothing. */
export async function openCase(s: Store, c: TrackingCase): Promise<boolean> {
  return putIf(s, item(c), 'attribute_not_exists(pk)');
}

export async function getCase(s: Store, id: string): Promise<TrackingCase | undefined> {
  const it = await getItem(s, casePk(id), 'META');
  return it ? strip<TrackingCase>(it) : undefined;
}

export async function casesOfYear(s: Store, year: number): Promise<TrackingCase[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: `TRACKYEAR#${year}` })).map((i) => strip<TrackingCase>(i));
}

/** Moves a case on only from the status the caller read; false when someone else moved it first. */
export async function updateCase(s: Store, id: string, from: TrackingCase['status'][], set: Partial<TrackingCase>): Promise<boolean> {
  const names: Record<string, string> = { '#st': 'status' };
  const values: Record<string, unknown> = Object.fromEntries(from.map((f, i) => [`:from${i}`, f]));
  const clauses = setClauses(set, names, values);
  const done = await updateIf(s, {
    Key: { pk: casePk(id), sk: 'META' },
    UpdateExpression: `SET ${clauses.join(', ')}`,
    ConditionExpression: `#st IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
  return done !== false;
}

export async function publishAdjustments(s: Store, a: Adjustments): Promise<boolean> {
  return putIf(s, { pk: `ADJUST#${a.year}`, sk: 'META', entity: 'adjustments', ...a }, 'attribute_not_exists(pk)');
}

export async function getAdjustments(s: Store, year: number): Promise<Adjustments | undefined> {
  const it = await getItem(s, `ADJUST#${year}`, 'META');
  return it ? strip<Adjustments>(it) : undefined;
}
