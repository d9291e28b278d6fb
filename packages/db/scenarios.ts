import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conflict, notFound } from '#core/errors';
import { newestOfEach } from '#core/newest';
import type { MatchItem, Scenario, ScenarioStatus } from '#core/schemas/scenario';
import { getItem, isConditionFailure, putIf, queryAll, queryPage, strip, type Item, type PageResult, type Store } from './store';

const pk = (id: string) => `SCENARIO#${id}`;

function scenarioItem(sc: Scenario): Item {
  return {
    pk: pk(sc.id),
    sk: 'META',
    entity: 'scenario',
    gsi1pk: `SCN#${sc.status}`,
    gsi1sk: `${sc.updatedAt}#${sc.id}`,
    gsi2pk: `ORG#${sc.ownerOrg}`,
    gsi2sk: `SCN#${sc.createdAt}#${sc.id}`,
    ...sc,
  };
}

export async function createScenario(s: Store, sc: Scenario): Promise<void> {
  if (!(await putIf(s, scenarioItem(sc), 'attribute_not_exists(pk)'))) throw conflict();
}

export async function getScenario(s: Store, id: string): Promise<Scenario | undefined> {
  const item = await getItem(s, pk(id), 'META');
  return item ? strip<Scenario>(item) : undefined;
}

export async function mustGetScenario(s: Store, id: string): Promise<Scenario> {
  const sc = await getScenario(s, id);
  if (!sc) throw notFound('场景 scenario');
  return sc;
}

/**
 * Moves a scenario from one of `from` to `to` atomically; returns null when the scenario is not in
 * any of `from` (someone else moved it first), which callers treat as "already done" or 409.
 */
export async function transitionScenario(
  s: Store,
  id: string,
  from: ScenarioStatus[],
  to: ScenarioStatus,
  at: string,
  extra: Record<string, unknown> = {},
): Promise<Scenario | null> {
  const values: Record<string, unknown> = { ':to': to, ':at': at, ':g1': `SCN#${to}`, ':g1s': `${at}#${id}`, ':one': 1 };
  from.forEach((f, i) => (values[`:f${i}`] = f));
  const sets = ['#status = :to', 'updatedAt = :at', 'gsi1pk = :g1', 'gsi1sk = :g1s', 'version = version + :one'];
  const names: Record<string, string> = { '#status': 'status' };
  Object.entries(extra).forEach(([k, v], i) => {
    names[`#x${i}`] = k;
    values[`:x${i}`] = v;
    sets.push(`#x${i} = :x${i}`);
  });
  try {
    const res = await s.db.send(
      new UpdateCommand({
        TableName: s.table,
        Key: { pk: pk(id), sk: 'META' },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: `attribute_exists(pk) AND #status IN (${from.map((_, i) => `:f${i}`).join(', ')})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<Scenario>(res.Attributes as Item);
  } catch (err) {
    if (isConditionFailure(err)) return null;
    throw err;
  }
}

export async function scenariosByStatus(
  s: Store,
  status: ScenarioStatus,
  q: { limit?: number; cursor?: string; updatedBefore?: string; industry?: string } = {},
): Promise<PageResult<Scenario>> {
  const page = await queryPage<Item>(s, {
    index: 'gsi1',
    pk: `SCN#${status}`,
    skBetween: q.updatedBefore ? ['!', `${q.updatedBefore}~`] : undefined,
    limit: q.limit,
    cursor: q.cursor,
    descending: !q.updatedBefore,
    // Smoke-test scenarios (npm run smoke) are in no list but their own.
    filter: {
      expression: ['attribute_not_exists(smokeTest)', ...(q.industry ? ['industry = :ind'] : [])].join(' AND '),
      values: q.industry ? { ':ind': q.industry } : {},
    },
  });
  return { items: page.items.map((i) => strip<Scenario>(i)), cursor: page.cursor };
}

/** Every scenario in a status, smoke tests left out: statistics, roadshows, late matching and the reconciler never see them. */
export async function allScenariosByStatus(s: Store, status: ScenarioStatus, updatedBefore?: string): Promise<Scenario[]> {
  return (
    await queryAll<Item>(s, { index: 'gsi1', pk: `SCN#${status}`, skBetween: updatedBefore ? ['!', `${updatedBefore}~`] : undefined })
  )
    .filter((i) => !i.smokeTest)
    .map((i) => strip<Scenario>(i));
}

/**
 * Scenarios in any of these statuses (smoke tests left out, as above), each once: one moving from one status to the next while the
 * partitions are read (published → matched) would otherwise be listed twice (the catalogue did).
 */
export async function scenariosInStatuses(s: Store, statuses: readonly ScenarioStatus[]): Promise<Scenario[]> {
  const read = await Promise.all(statuses.map((st) => allScenariosByStatus(s, st)));
  return newestOfEach(read.flat()).filter((sc) => statuses.includes(sc.status));
}

export async function scenariosOfOrg(
  s: Store,
  org: string,
  q: { limit: number; cursor?: string; status?: ScenarioStatus; industry?: string },
): Promise<PageResult<Scenario>> {
  const filters: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  if (q.status) {
    filters.push('#status = :st');
    values[':st'] = q.status;
    names['#status'] = 'status';
  }
  if (q.industry) {
    filters.push('industry = :ind');
    values[':ind'] = q.industry;
  }
  const page = await queryPage<Item>(s, {
    index: 'gsi2',
    pk: `ORG#${org}`,
    skPrefix: 'SCN#',
    descending: true,
    limit: q.limit,
    cursor: q.cursor,
    filter: filters.length ? { expression: filters.join(' AND '), values, names } : undefined,
  });
  return { items: page.items.map((i) => strip<Scenario>(i)), cursor: page.cursor };
}

// ---- matches -----------------------------------------------------------------------------------

export interface StoredMatches {
  scenarioId: string;
  /** Which matching run produced this list; a re-driven run reuses it instead of re-ranking. */
  run: number;
  items: MatchItem[];
  /** Platforms that become leads (top K above the minimum score, plus late arrivals). */
  selected: string[];
  computedAt: string;
}

export async function getMatches(s: Store, scenarioId: string): Promise<StoredMatches | undefined> {
  const item = await getItem(s, pk(scenarioId), 'MATCHES');
  return item ? strip<StoredMatches>(item) : undefined;
}

/** Writes the ranking of run `run` once; a second writer of the same run gets the first's list. */
export async function putMatchesOnce(s: Store, m: StoredMatches): Promise<StoredMatches> {
  const ok = await putIf(s, { pk: pk(m.scenarioId), sk: 'MATCHES', entity: 'matches', ...m }, 'attribute_not_exists(pk) OR #run < :run', { ':run': m.run }, { '#run': 'run' });
  return ok ? m : ((await getMatches(s, m.scenarioId)) ?? m);
}

export async function replaceMatches(s: Store, m: StoredMatches, expectedSelected: number): Promise<boolean> {
  return putIf(
    s,
    { pk: pk(m.scenarioId), sk: 'MATCHES', entity: 'matches', ...m },
    '#run = :run AND size(selected) = :n',
    { ':run': m.run, ':n': expectedSelected },
    { '#run': 'run' },
  );
}

