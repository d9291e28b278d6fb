import { TABLE, keyAttributes } from '../packages/db/table';

/**
 * The single table, generated from packages/db/table.ts (the same declaration the local runtime
 * creates from). Only key attributes are declared as fields: DynamoDB rejects unused ones.
 * The `Table` name is what code reads through `Resource.Table.name`.
 */
export const tableArgs = {
  fields: Object.fromEntries(keyAttributes().map((name) => [name, 'string' as const])),
  primaryIndex: { hashKey: TABLE.partitionKey, rangeKey: TABLE.sortKey },
  globalIndexes: Object.fromEntries(
    Object.entries(TABLE.indexes).map(([name, idx]) => [
      name,
      { hashKey: idx.partitionKey, rangeKey: idx.sortKey, projection: 'all' as const },
    ]),
  ),
  ttl: TABLE.ttlAttribute,
};

export const table = new sst.aws.Dynamo('Table', tableArgs);
