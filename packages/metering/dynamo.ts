import type { ConsumedCapacity, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Meter } from './meter';

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);
const RANGE_READS = new Set(['QueryCommand', 'ScanCommand']);

function record(meter: Meter, kind: 'read' | 'write', cc: ConsumedCapacity, floor?: { target: string; units: number }) {
  const table = cc.TableName ?? 'table';
  const parts: [string, number][] = [];
  if (cc.Table || cc.GlobalSecondaryIndexes || cc.LocalSecondaryIndexes) {
    if (cc.Table?.CapacityUnits) parts.push([table, cc.Table.CapacityUnits]);
    for (const [name, c] of Object.entries({ ...cc.GlobalSecondaryIndexes, ...cc.LocalSecondaryIndexes }))
      if (c.CapacityUnits) parts.push([`${table}/${name}`, c.CapacityUnits]);
  } else if (cc.CapacityUnits) {
    parts.push([table, cc.CapacityUnits]);
  }
  // DynamoDB bills a Query or Scan at least one read (0.5 unit eventually consistent) even when it
  // finds nothing; DynamoDB Local reports 0 for those, so the floor is applied here.
  if (floor) {
    const got = parts.filter(([t]) => t === floor.target).reduce((s, [, u]) => s + u, 0);
    if (got < floor.units) parts.push([floor.target, floor.units - got]);
  }
  for (const [target, units] of parts) meter.dynamo(target, kind, units);
}

type TransactInput = { TransactItems?: Record<string, { TableName?: string } | undefined>[] };

/**
 * DynamoDB rounds each item of a transaction up to 1 KB (2 write units per item); DynamoDB Local
 * rounds the transaction's total once, so an n-item transaction of small items reports 2 units
 * instead of 2n. Adding 2 per further item per table gives AWS's figure for items under 1 KB and
 * at most 2 units per item too many for larger ones.
 */
function transactionRounding(meter: Meter, input: TransactInput) {
  const perTable = new Map<string, number>();
  for (const entry of input.TransactItems ?? []) {
    const op = Object.values(entry).find((v) => v?.TableName);
    if (op?.TableName) perTable.set(op.TableName, (perTable.get(op.TableName) ?? 0) + 1);
  }
  for (const [table, n] of perTable) if (n > 1) meter.dynamo(table, 'write', 2 * (n - 1));
}

const isConditionalFailure = (err: unknown) => {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
  return (
    e?.name === 'ConditionalCheckFailedException' ||
    (e?.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'))
  );
};

/**
 * Asks DynamoDB for the capacity of every data call (ReturnConsumedCapacity INDEXES: the total
 * split by table and index) and adds it to `meter`. Registered once on the client, so the document
 * client built from it and every repository are counted without knowing about it.
 */
export function meterDynamo(client: DynamoDBClient, meter: Meter): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const kind = READS.has(command) ? 'read' : WRITES.has(command) ? 'write' : undefined;
      if (!kind) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string; TableName?: string; IndexName?: string; ConsistentRead?: boolean };
      meter.dynamoCall();
      try {
        const res = await next({ ...args, input: { ...input, ReturnConsumedCapacity: input.ReturnConsumedCapacity ?? 'INDEXES' } });
        const consumed = (res.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
        const floor = RANGE_READS.has(command)
          ? { target: input.IndexName ? `${input.TableName}/${input.IndexName}` : String(input.TableName), units: input.ConsistentRead ? 1 : 0.5 }
          : undefined;
        for (const cc of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) record(meter, kind, cc, floor);
        if (command === 'TransactWriteItemsCommand') transactionRounding(meter, args.input as TransactInput);
        return res;
      } catch (err) {
        if (isConditionalFailure(err)) meter.failedConditionalWrite();
        throw err;
      }
    },
    { step: 'initialize', name: 'meterConsumedCapacity', override: true },
  );
}
