import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, conflict, notFound } from '#core/errors';
import type { Platform } from '#core/schemas/platform';
import type { Solution } from '#core/schemas/solution';
import { batchGet, getItem, isConditionFailure, putIf, queryAll, queryPage, strip, transactIf, type Item, type PageResult, type Store } from './store';

const pk = (id: string) => `PLATFORM#${id}`;

/**
 * Stored platform: the public shape plus the ordering key of the assessment it carries and, for
 * platforms registered by a signed-in person, the operator organisation whose people act for it.
 */
export type PlatformRecord = Platform & { assessmentSeq?: number; operatorOrgId?: string };

function directoryKeys(p: Platform) {
  // Only graded platforms appear in the public directory index.
  return p.level >= 1 ? { gsi2pk: 'DIRECTORY', gsi2sk: `L${p.level}#${p.category}#${p.id}` } : {};
}

function platformItem(p: PlatformRecord): Item {
  return { pk: pk(p.id), sk: 'PROFILE', entity: 'platform', gsi1pk: 'PLATFORM', gsi1sk: p.id, ...directoryKeys(p), ...p };
}

export async function createPlatform(s: Store, p: Platform): Promise<void> {
  if (!(await putIf(s, platformItem(p), 'attribute_not_exists(pk)'))) throw conflict();
}

export async function getPlatform(s: Store, id: string): Promise<PlatformRecord | undefined> {
  const item = await getItem(s, pk(id), 'PROFILE');
  return item ? strip<PlatformRecord>(item) : undefined;
}

/** The named platforms only (missing ids are left out): a read proportional to the list, not the registry. */
export async function getPlatforms(s: Store, ids: string[]): Promise<PlatformRecord[]> {
  const items = await batchGet<Item>(s, [...new Set(ids)].map((id) => ({ pk: pk(id), sk: 'PROFILE' })));
  return items.map((i) => strip<PlatformRecord>(i));
}

export async function mustGetPlatform(s: Store, id: string): Promise<PlatformRecord> {
  const p = await getPlatform(s, id);
  if (!p) throw notFound('平台 platform');
  return p;
}

/** Replaces the profile only if nobody changed it since `expectedVersion` was read. */
export async function replacePlatform(s: Store, next: PlatformRecord, expectedVersion: number): Promise<void> {
  const ok = await putIf(s, platformItem(next), 'version = :v', { ':v': expectedVersion });
  if (!ok) throw new AppError('CONFLICT', '平台信息已被他人修改，请刷新后重试 / Platform was modified; reload and retry');
}

export async function listPlatforms(s: Store, limit: number, cursor?: string): Promise<PageResult<PlatformRecord>> {
  const page = await queryPage<Item>(s, { index: 'gsi1', pk: 'PLATFORM', limit, cursor });
  return { items: page.items.map((i) => strip<PlatformRecord>(i)), cursor: page.cursor };
}

export async function allPlatforms(s: Store): Promise<PlatformRecord[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'PLATFORM' })).map((i) => strip<PlatformRecord>(i));
}

export async function directoryPage(
  s: Store,
  q: { level?: number; category?: string; region?: string; industry?: string; limit: number; cursor?: string },
): Promise<PageResult<PlatformRecord>> {
  const filters: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  if (q.category) {
    filters.push('#category = :category');
    values[':category'] = q.category;
    names['#category'] = 'category';
  }
  if (q.region) {
    filters.push('#region = :region');
    values[':region'] = q.region;
    names['#region'] = 'region';
  }
  if (q.industry) {
    // A platform that names no industry serves them all.
    filters.push('(contains(#industries, :industry) OR size(#industries) = :none)');
    values[':industry'] = q.industry;
    values[':none'] = 0;
    names['#industries'] = 'industries';
  }
  const page = await queryPage<Item>(s, {
    index: 'gsi2',
    pk: 'DIRECTORY',
    skPrefix: q.level ? `L${q.level}#` : undefined,
    descending: true,
    limit: q.limit,
    cursor: q.cursor,
    filter: filters.length ? { expression: filters.join(' AND '), values, names } : undefined,
  });
  return { items: page.items.map((i) => strip<PlatformRecord>(i)), cursor: page.cursor };
}

/**
 * Records an assessment: the grade on the profile (what the directory and rankings read) and the
 * full explanation in its own item, in one transaction, unless a newer one is already there (`seq`
 * orders assessments by report year and version). The profile stays small, so directory pages do
 * not carry every check of every platform.
 */
export async function applyAssessment(
  s: Store,
  id: string,
  a: { level: number; eligibility: Platform['eligibility']; year: number; seq: number; full: Record<string, unknown>; category: string },
): Promise<boolean> {
  const dir = a.level >= 1;
  return transactIf(s, [
    {
      Update: {
        TableName: s.table,
        Key: { pk: pk(id), sk: 'PROFILE' },
        UpdateExpression: dir
          ? 'SET #level = :level, eligibility = :elig, assessedYear = :year, assessmentSeq = :seq, gsi2pk = :dpk, gsi2sk = :dsk'
          : 'SET #level = :level, eligibility = :elig, assessedYear = :year, assessmentSeq = :seq REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(assessmentSeq) OR assessmentSeq <= :seq)',
        ExpressionAttributeNames: { '#level': 'level' },
        ExpressionAttributeValues: {
          ':level': a.level,
          ':elig': a.eligibility,
          ':year': a.year,
          ':seq': a.seq,
          ...(dir ? { ':dpk': 'DIRECTORY', ':dsk': `L${a.level}#${a.category}#${id}` } : {}),
        },
      },
    },
    {
      Put: {
        TableName: s.table,
        Item: { pk: pk(id), sk: 'ASSESSMENT', entity: 'currentAssessment', gsi1pk: 'ASSESSMENT', gsi1sk: id, ...a.full },
      },
    },
  ]);
}

export async function currentAssessment<T>(s: Store, id: string): Promise<T | undefined> {
  const item = await getItem(s, pk(id), 'ASSESSMENT');
  return item ? strip<T>(item) : undefined;
}

/** Every platform's current assessment (bottleneck statistics). */
export async function allCurrentAssessments<T>(s: Store): Promise<T[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'ASSESSMENT' })).map((i) => strip<T>(i));
}

// ---- solutions ------------------------------------------------------------------------------

function solutionItem(sol: Solution): Item {
  return { pk: pk(sol.platformId), sk: `SOLUTION#${sol.id}`, entity: 'solution', gsi1pk: 'SOLUTION', gsi1sk: `${sol.platformId}#${sol.id}`, ...sol };
}

export async function createSolution(s: Store, sol: Solution): Promise<void> {
  if (!(await putIf(s, solutionItem(sol), 'attribute_not_exists(pk)'))) throw conflict();
}

export async function listSolutions(s: Store, platformId: string): Promise<Solution[]> {
  return (await queryAll<Item>(s, { pk: pk(platformId), skPrefix: 'SOLUTION#' })).map((i) => strip<Solution>(i));
}

export async function allSolutions(s: Store): Promise<Solution[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'SOLUTION' })).map((i) => strip<Solution>(i));
}

export async function deleteSolution(s: Store, platformId: string, solutionId: string): Promise<boolean> {
  try {
    await s.db.send(
      new DeleteCommand({
        TableName: s.table,
        Key: { pk: pk(platformId), sk: `SOLUTION#${solutionId}` },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

// ---- registry version ----------------------------------------------------------------------------

/** Bumped on every change that can alter a ranking, so caches of the registry know when to reload. */
export async function bumpRegistryVersion(s: Store): Promise<void> {
  await s.db.send(
    new UpdateCommand({
      TableName: s.table,
      Key: { pk: 'REGISTRY', sk: 'VERSION' },
      UpdateExpression: 'ADD #v :one',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
}

export async function registryVersion(s: Store): Promise<number> {
  return (await getItem<{ version: number }>(s, 'REGISTRY', 'VERSION'))?.version ?? 0;
}
