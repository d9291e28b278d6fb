import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Roadshow } from '#core/schemas/roadshow';
import { getItem, isConditionFailure, putIf, queryAll, strip, type Item, type Store } from './store';

const pk = (id: string) => `ROADSHOW#${id}`;

export async function createRoadshow(s: Store, r: Roadshow): Promise<void> {
  await putIf(s, { pk: pk(r.id), sk: 'META', entity: 'roadshow', gsi1pk: `ROADSHOW#${r.status}`, gsi1sk: `${r.createdAt}#${r.id}`, ...r }, 'attribute_not_exists(pk)');
}

export async function getRoadshow(s: Store, id: string): Promise<Roadshow | undefined> {
  const item = await getItem(s, pk(id), 'META');
  return item ? strip<Roadshow>(item) : undefined;
}

/** composing → composed once; a second composer of the same roadshow changes nothing. */
export async function completeRoadshow(
  s: Store,
  id: string,
  result: Pick<Roadshow, 'agenda' | 'totalScore' | 'optimal' | 'unassignedScenarioIds' | 'composedAt'> & Partial<Pick<Roadshow, 'scoreUpperBound'>>,
): Promise<boolean> {
  try {
    await s.db.send(
      new UpdateCommand({
        TableName: s.table,
        Key: { pk: pk(id), sk: 'META' },
        UpdateExpression:
          'SET #st = :done, agenda = :a, totalScore = :t, optimal = :o, unassignedScenarioIds = :u, composedAt = :at, gsi1pk = :g, scoreUpperBound = :ub, #h = list_append(if_not_exists(#h, :empty), :step), #v = if_not_exists(#v, :zero) + :one',
        ConditionExpression: '#st = :composing',
        ExpressionAttributeNames: { '#st': 'status', '#h': 'history', '#v': 'version' },
        ExpressionAttributeValues: {
          ':ub': result.scoreUpperBound ?? result.totalScore,
          ':empty': [],
          ':step': [{ status: 'composed', at: result.composedAt }],
          ':zero': 0,
          ':one': 1,
          ':done': 'composed',
          ':composing': 'composing',
          ':a': result.agenda,
          ':t': result.totalScore,
          ':o': result.optimal,
          ':u': result.unassignedScenarioIds,
          ':at': result.composedAt,
          ':g': 'ROADSHOW#composed',
        },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

export async function roadshowsComposing(s: Store): Promise<Roadshow[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: 'ROADSHOW#composing' })).map((i) => strip<Roadshow>(i));
}

export async function allRoadshows(s: Store): Promise<Roadshow[]> {
  const parts = await Promise.all(
    (['composing', 'composed', 'published', 'closed', 'reported'] as const).map((st) => queryAll<Item>(s, { index: 'gsi1', pk: `ROADSHOW#${st}` })),
  );
  return parts.flat().map((i) => strip<Roadshow>(i)).sort((x, y) => y.createdAt.localeCompare(x.createdAt));
}
