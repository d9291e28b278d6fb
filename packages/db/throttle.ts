import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { updateIf, type Store } from './store';

const HOUR_MS = 3_600_000;

/** A count of uses shared by every process: one counter item per key, removed by TTL after its window. */
export interface Budget {
  key: string;
  limit: number;
  /** Epoch seconds: the table's TTL attribute. */
  expiresAt: number;
}

/** The budget named `name` for the hour `now` falls in, kept an hour past its window. */
export function hourlyBudget(name: string, limit: number, now: Date): Budget {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  return { key: `${name}#${hour}`, limit, expiresAt: Math.ceil(((hour + 2) * HOUR_MS) / 1000) };
}

/** The budget named `name` for the calendar month (UTC) `now` falls in, kept until 40 days after it ends. */
export function monthlyBudget(name: string, limit: number, now: Date): Budget {
  const month = now.toISOString().slice(0, 7);
  return { key: `${name}#${month}`, limit, expiresAt: Math.ceil(Date.parse(`${month}-01T00:00:00Z`) / 1000) + 71 * 86_400 };
}

/** Takes one unit, only while fewer than `limit` are taken: alone (takeFromBudget) or inside a transaction. */
export function budgetUpdate(b: Budget) {
  return {
    Key: { pk: `THROTTLE#${b.key}`, sk: 'COUNT' },
    UpdateExpression: 'ADD n :one SET expiresAt = :exp',
    ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
    ExpressionAttributeValues: { ':one': 1, ':exp': b.expiresAt, ':limit': b.limit },
  } satisfies Omit<UpdateCommandInput, 'TableName'>;
}

/** Takes one unit from the budget; false once `limit` units are taken. */
export async function takeFromBudget(s: Store, b: Budget): Promise<boolean> {
  return (await updateIf(s, budgetUpdate(b))) !== false;
}
