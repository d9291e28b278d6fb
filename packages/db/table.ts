/**
 * The single table's shape, declared once: infra/storage.ts deploys it, the local runtime creates
 * it, and the contract test checks both agree.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: {
    // Collections: all platforms, all leads, scenarios by status, due work by deadline.
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    // Ownership: a platform's leads, a manufacturer's scenarios, the public directory.
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

export type IndexName = keyof typeof TABLE.indexes;

export const keyAttributes = (): string[] => [
  TABLE.partitionKey,
  TABLE.sortKey,
  ...Object.values(TABLE.indexes).flatMap((i) => [i.partitionKey, i.sortKey]),
];
