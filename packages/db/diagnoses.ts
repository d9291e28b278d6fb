import type { Diagnosis } from '#core/schemas/diagnosis';
import { getItem, putIf, queryAll, strip, type Item, type Store } from './store';

// gsi2 lists an institution's assignments (its credit code names it before it has an account).
const item = (d: Diagnosis): Item => ({ pk: `PLATFORM#${d.platformId}`, sk: `DIAG#${d.id}`, entity: 'diagnosis', gsi1pk: 'DIAG', gsi1sk: d.id, gsi2pk: `DIAGBY#${d.institution.creditCode}`, gsi2sk: `${d.commissionedAt}#${d.id}`, ...d });

export async function createDiagnosis(s: Store, d: Diagnosis): Promise<boolean> {
  return putIf(s, item(d), 'attribute_not_exists(pk)');
}

export async function getDiagnosis(s: Store, platformId: string, id: string): Promise<Diagnosis | undefined> {
  const i = await getItem(s, `PLATFORM#${platformId}`, `DIAG#${id}`);
  return i ? strip<Diagnosis>(i) : undefined;
}

/** Finds a diagnosis by id alone (the report route names only the diagnosis). */
export async function findDiagnosis(s: Store, id: string): Promise<Diagnosis | undefined> {
  const [i] = await queryAll<Item>(s, { index: 'gsi1', pk: 'DIAG', skBetween: [id, id] });
  return i ? strip<Diagnosis>(i) : undefined;
}

export async function platformDiagnoses(s: Store, platformId: string): Promise<Diagnosis[]> {
  return (await queryAll<Item>(s, { pk: `PLATFORM#${platformId}`, skPrefix: 'DIAG#' })).map((i) => strip<Diagnosis>(i));
}

/** commissioned → reported once: a report, once attached, is the record. */
export async function attachReport(s: Store, next: Diagnosis): Promise<boolean> {
  return putIf(s, item(next), '#st = :c', { ':c': 'commissioned' }, { '#st': 'status' });
}

export async function diagnosesOfInstitution(s: Store, creditCode: string): Promise<Diagnosis[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: `DIAGBY#${creditCode}` })).map((i) => strip<Diagnosis>(i));
}

export async function allDiagnoses(s: Store): Promise<Diagnosis[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'DIAG' })).map((i) => strip<Diagnosis>(i));
}
