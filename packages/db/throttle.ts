import { updateIf, type Store } from './store';

/**
 * Takes one unit from a budget shared by every process (a counter item that expires with its
 * window); false once `limit` units are taken. The same item shape as the objection throttle.
 */
export async function takeFromBudget(s: Store, key: string, limit: number, expiresAtSec: number): Promise<boolean> {
  const res = await updateIf(s, {
    Key: { pk: `THROTTLE#${key}`, sk: 'COUNT' },
    UpdateExpression: 'ADD n :one SET expiresAt = :exp',
    ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
    ExpressionAttributeValues: { ':one': 1, ':exp': expiresAtSec, ':limit': limit },
  });
  return res !== false;
}
