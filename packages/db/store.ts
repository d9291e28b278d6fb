import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
  type QueryCommandInput,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { AppError } from '#core/errors';
import type { IndexName } from './table';

export type Item = Record<string, unknown> & { pk: string; sk: string };

/** The table handle every repository takes: the client plus the table's name. */
export interface Store {
  db: DynamoDBDocumentClient;
  table: string;
}

export async function getItem<T = Item>(s: Store, pk: string, sk: string, consistent = true): Promise<T | undefined> {
  const res = await s.db.send(new GetCommand({ TableName: s.table, Key: { pk, sk }, ConsistentRead: consistent }));
  return res.Item as T | undefined;
}

export async function putItem(s: Store, item: Item): Promise<void> {
  await s.db.send(new PutCommand({ TableName: s.table, Item: item }));
}

/** Put that succeeds only when the condition holds; returns false instead of throwing on a miss. */
export async function putIf(s: Store, item: Item, condition: string, values?: Record<string, unknown>, names?: Record<string, string>): Promise<boolean> {
  try {
    await s.db.send(
      new PutCommand({
        TableName: s.table,
        Item: item,
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
        ExpressionAttributeNames: names,
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

/** Update that succeeds only when its condition holds; false instead of throwing on a miss. */
export async function updateIf(s: Store, input: Omit<UpdateCommandInput, 'TableName'>): Promise<UpdateCommandOutput['Attributes'] | false> {
  try {
    return (await s.db.send(new UpdateCommand({ TableName: s.table, ...input }))).Attributes ?? {};
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/** `SET` clauses for a record of fields; their names and values go into the expression maps given. */
export function setClauses(set: Record<string, unknown>, names: Record<string, string>, values: Record<string, unknown>): string[] {
  return Object.entries(set).map(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    return `#s${i} = :s${i}`;
  });
}

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** A transaction that commits only when every condition holds; false instead of throwing on a miss. */
export async function transactIf(s: Store, items: TransactItems): Promise<boolean> {
  try {
    await s.db.send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

export const isConditionFailure = (err: unknown) =>
  err instanceof ConditionalCheckFailedException ||
  (err instanceof TransactionCanceledException &&
    (err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'));

export interface PageResult<T> {
  items: T[];
  cursor: string | null;
}

/** Cursors are opaque to clients: the LastEvaluatedKey, base64url-encoded. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')) return v;
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', '分页游标无效 / Invalid cursor', [{ path: 'cursor', message: 'invalid cursor' }]);
}

export interface QueryOptions {
  index?: IndexName;
  pk: string;
  skPrefix?: string;
  skBetween?: [string, string];
  limit?: number;
  cursor?: string;
  descending?: boolean;
  filter?: { expression: string; values: Record<string, unknown>; names?: Record<string, string> };
}

export async function queryPage<T = Item>(s: Store, o: QueryOptions): Promise<PageResult<T>> {
  const pkName = o.index ? `${o.index}pk` : 'pk';
  const skName = o.index ? `${o.index}sk` : 'sk';
  const names: Record<string, string> = { '#pk': pkName, ...(o.filter?.names ?? {}) };
  const values: Record<string, unknown> = { ':pk': o.pk, ...(o.filter?.values ?? {}) };
  let keyCond = '#pk = :pk';
  if (o.skPrefix !== undefined) {
    names['#sk'] = skName;
    values[':skp'] = o.skPrefix;
    keyCond += ' AND begins_with(#sk, :skp)';
  } else if (o.skBetween) {
    names['#sk'] = skName;
    values[':a'] = o.skBetween[0];
    values[':b'] = o.skBetween[1];
    keyCond += ' AND #sk BETWEEN :a AND :b';
  }
  const input: QueryCommandInput = {
    TableName: s.table,
    IndexName: o.index,
    KeyConditionExpression: keyCond,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    FilterExpression: o.filter?.expression,
    Limit: o.limit,
    ExclusiveStartKey: decodeCursor(o.cursor),
    ScanIndexForward: !o.descending,
  };
  // With a filter, one DynamoDB page can come back empty though more match later: keep reading
  // until the page has items or the key range is exhausted.
  const items: T[] = [];
  let last: Record<string, unknown> | undefined;
  do {
    const res = await s.db.send(new QueryCommand({ ...input, ExclusiveStartKey: last ?? input.ExclusiveStartKey }));
    items.push(...((res.Items ?? []) as T[]));
    last = res.LastEvaluatedKey;
  } while (last && items.length === 0 && o.filter);
  return { items, cursor: encodeCursor(last) };
}

export async function queryAll<T = Item>(s: Store, o: Omit<QueryOptions, 'cursor' | 'limit'>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage<T>(s, { ...o, cursor });
    out.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return out;
}

export async function batchGet<T = Item>(s: Store, keys: { pk: string; sk: string }[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    for (let attempt = 0; pending?.length; attempt++) {
      const res = await s.db.send(new BatchGetCommand({ RequestItems: { [s.table]: { Keys: pending } } }));
      out.push(...((res.Responses?.[s.table] ?? []) as T[]));
      pending = res.UnprocessedKeys?.[s.table]?.Keys as Record<string, unknown>[] | undefined;
      if (pending?.length) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    }
  }
  return out;
}

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** Puts and deletes, 25 to a batch; what DynamoDB leaves unprocessed is sent again, with backoff, until none is left. */
export async function batchWrite(s: Store, requests: readonly WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: WriteRequest[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; pending?.length; attempt++) {
      const res = await s.db.send(new BatchWriteCommand({ RequestItems: { [s.table]: pending as never } }));
      pending = res.UnprocessedItems?.[s.table] as WriteRequest[] | undefined;
      if (pending?.length) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    }
  }
}

/** Strips the storage keys so what goes back to a client is the domain object alone. */
export function strip<T>(item: Record<string, unknown>): T {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, expiresAt, entity, ...rest } = item;
  void pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, expiresAt, entity;
  return rest as T;
}
