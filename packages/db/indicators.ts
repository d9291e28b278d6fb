import { TransactWriteCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '#core/errors';
import { getItem, isConditionFailure, putIf, putItem, queryAll, strip, type Item, type Store } from './store';
import { versionedDocuments } from './versioned';

const pk = (id: string) => `PLATFORM#${id}`;
const pad = (n: number) => String(n).padStart(6, '0');

export interface StoredReport {
  platformId: string;
  year: number;
  version: number;
  category: string;
  general: Record<string, unknown>;
  specific: Record<string, unknown>;
  reportedBy: string;
  reportedAt: string;
}

interface LatestPointer {
  platformId: string;
  year: number;
  version: number;
}

/**
 * Stores a report as a new version and moves the year's "latest" pointer, together with the
 * "assessment due" marker, in one transaction. Two concurrent reports both land as versions;
 * the pointer's condition serialises them so exactly one is latest and nothing is overwritten.
 */
export async function appendReport(s: Store, r: Omit<StoredReport, 'version'>, dueAt: string): Promise<StoredReport> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const latest = await getItem<LatestPointer>(s, pk(r.platformId), `INDLATEST#${r.year}`);
    const prev = latest?.version ?? 0;
    const report: StoredReport = { ...r, version: prev + 1 };
    try {
      await s.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: s.table,
                Item: { pk: pk(r.platformId), sk: `IND#${r.year}#${pad(report.version)}`, entity: 'indicators', ...report },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: s.table,
                Item: { pk: pk(r.platformId), sk: `INDLATEST#${r.year}`, entity: 'indicatorsLatest', platformId: r.platformId, year: r.year, version: report.version, reportedAt: r.reportedAt },
                ConditionExpression: prev === 0 ? 'attribute_not_exists(pk)' : 'version = :prev',
                ExpressionAttributeValues: prev === 0 ? undefined : { ':prev': prev },
              },
            },
            {
              Put: {
                TableName: s.table,
                Item: {
                  pk: pk(r.platformId),
                  sk: 'DUE#ASSESS',
                  entity: 'assessmentDue',
                  gsi1pk: 'DUE#ASSESS',
                  gsi1sk: `${dueAt}#${r.platformId}`,
                  platformId: r.platformId,
                  year: r.year,
                  version: report.version,
                },
              },
            },
          ],
        }),
      );
      return report;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      await new Promise((res) => setTimeout(res, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
  throw new AppError('CONFLICT', '指标正在被并发更新，请重试 / Indicators are being updated concurrently; retry');
}

export async function reportedYears(s: Store, platformId: string): Promise<LatestPointer[]> {
  return (await queryAll<Item>(s, { pk: pk(platformId), skPrefix: 'INDLATEST#' })).map((i) => strip<LatestPointer>(i));
}

/** The newest version reported for one year, if any (what a round's application is assessed on). */
export async function latestVersionOfYear(s: Store, platformId: string, year: number): Promise<number | undefined> {
  return (await getItem<LatestPointer>(s, pk(platformId), `INDLATEST#${year}`))?.version;
}

export async function getReport(s: Store, platformId: string, year: number, version: number): Promise<StoredReport | undefined> {
  const item = await getItem(s, pk(platformId), `IND#${year}#${pad(version)}`);
  return item ? strip<StoredReport>(item) : undefined;
}

/** The newest version of the most recent year reported, which is what an assessment grades. */
export async function latestReport(s: Store, platformId: string): Promise<StoredReport | undefined> {
  const years = await reportedYears(s, platformId);
  const newest = years.sort((a, b) => b.year - a.year)[0];
  return newest ? getReport(s, platformId, newest.year, newest.version) : undefined;
}

/** Latest version of every reported year, oldest first (trends, data-quality checks). */
export async function reportHistory(s: Store, platformId: string): Promise<StoredReport[]> {
  const years = (await reportedYears(s, platformId)).sort((a, b) => a.year - b.year);
  const out: StoredReport[] = [];
  for (const y of years) {
    const r = await getReport(s, platformId, y.year, y.version);
    if (r) out.push(r);
  }
  return out;
}

export interface AssessmentDue {
  platformId: string;
  year: number;
  version: number;
}

/** Clears the marker only if no newer report replaced it meanwhile. */
export async function clearAssessmentDue(s: Store, due: AssessmentDue): Promise<void> {
  try {
    await s.db.send(
      new DeleteCommand({
        TableName: s.table,
        Key: { pk: pk(due.platformId), sk: 'DUE#ASSESS' },
        ConditionExpression: '#y = :y AND version = :v',
        ExpressionAttributeNames: { '#y': 'year' },
        ExpressionAttributeValues: { ':y': due.year, ':v': due.version },
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}

export async function markAssessmentDue(s: Store, due: AssessmentDue, dueAt: string): Promise<void> {
  await putItem(s, { pk: pk(due.platformId), sk: 'DUE#ASSESS', entity: 'assessmentDue', gsi1pk: 'DUE#ASSESS', gsi1sk: `${dueAt}#${due.platformId}`, ...due });
}

export async function dueAssessments(s: Store, before: string): Promise<AssessmentDue[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'DUE#ASSESS', skBetween: ['!', `${before}~`] })).map((i) => strip<AssessmentDue>(i));
}

// ---- assessment history ----------------------------------------------------------------------

export async function putAssessment(s: Store, platformId: string, key: string, assessment: Record<string, unknown>): Promise<boolean> {
  return putIf(s, { pk: pk(platformId), sk: `ASMT#${key}`, entity: 'assessment', ...assessment }, 'attribute_not_exists(pk)');
}

export async function getAssessment<T>(s: Store, platformId: string, key: string): Promise<T | undefined> {
  const item = await getItem(s, pk(platformId), `ASMT#${key}`);
  if (!item) return undefined;
  const { reportVersion, ...rest } = strip<Record<string, unknown>>(item);
  void reportVersion;
  return rest as T;
}

export async function assessmentHistory<T>(s: Store, platformId: string): Promise<T[]> {
  const items = (await queryAll<Item>(s, { pk: pk(platformId), skPrefix: 'ASMT#' })).map((i) => strip<T & { assessedAt: string }>(i));
  return items.sort((a, b) => a.assessedAt.localeCompare(b.assessedAt));
}

// ---- rule sets ---------------------------------------------------------------------------------

const ruleSets = versionedDocuments('RULESET', 'ruleSet');
export const putRuleSet = ruleSets.put;
export const getRuleSet = ruleSets.get;
export const setActiveRuleSet = ruleSets.activate;
export const activeRuleSetVersion = ruleSets.activeVersion;
