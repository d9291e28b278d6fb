import { TABLE, keyAttributes } from '#db/table';
import { EVIDENCE_CORS } from '#files/cors';
import { EVIDENCE_PREFIX, INCOMING_PREFIX } from '#files/keys';

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

/** The stages sst.config.ts retains and protects (it cannot import this file: SST evaluates it first). */
const PRODUCTION_STAGES = ['production', 'prod'];

/**
 * The table is the truth: point-in-time recovery on every stage (any second of the last 35 days can
 * be restored after a bad deploy or a wrong bulk edit; at this table's size it costs cents), and in
 * production DynamoDB itself refuses to delete it.
 */
export const tableProtection = (stage: string) => ({
  pointInTimeRecovery: { enabled: true },
  deletionProtectionEnabled: PRODUCTION_STAGES.includes(stage),
});

export const table = new sst.aws.Dynamo('Table', { ...tableArgs, transform: { table: tableProtection($app.stage) } });

/**
 * Evidence files of applications (等保备案证明, 专利/软著清单, 审计报告…). Private: nothing public,
 * every read and write goes through a URL the API presigns for one object after checking who asks.
 * `Resource.Evidence.name` is what code reads.
 */
export const EVIDENCE_LIFECYCLE = [
  // A browser that starts a multipart upload and vanishes leaves parts that cost money forever.
  { id: 'abort-incomplete-uploads', status: 'Enabled', filter: { prefix: '' }, abortIncompleteMultipartUpload: { daysAfterInitiation: 1 } },
  // Uploads announced but never verified (the applicant gave up) are not evidence: removed after a week.
  { id: 'expire-unverified', status: 'Enabled', filter: { prefix: INCOMING_PREFIX }, expiration: { days: 7 } },
  // Evidence is read during the round and rarely after: cheaper storage, never deleted automatically.
  {
    id: 'archive-evidence',
    status: 'Enabled',
    filter: { prefix: EVIDENCE_PREFIX },
    transitions: [
      { days: 180, storageClass: 'STANDARD_IA' },
      { days: 730, storageClass: 'GLACIER_IR' },
    ],
  },
] as const;

export const evidenceBucket = new sst.aws.Bucket('Evidence', {
  // Browsers PUT and GET with presigned URLs issued by the API on the same origin's pages.
  cors: {
    allowMethods: [...EVIDENCE_CORS.allowMethods],
    allowHeaders: [...EVIDENCE_CORS.allowHeaders],
    allowOrigins: [...EVIDENCE_CORS.allowOrigins],
    maxAge: `${EVIDENCE_CORS.maxAgeSec} seconds`,
  },
  transform: {
    publicAccessBlock: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
  },
});

export const evidenceEncryption = new aws.s3.BucketServerSideEncryptionConfiguration('EvidenceEncryption', {
  bucket: evidenceBucket.name,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' }, bucketKeyEnabled: true }],
});

// Our own lifecycle resource, not the Bucket's `lifecycle` argument: SST's takes expirations only,
// and a bucket holds one lifecycle configuration, so the two must never both be set.
export const evidenceLifecycle = new aws.s3.BucketLifecycleConfiguration('EvidenceLifecycle', {
  bucket: evidenceBucket.name,
  rules: EVIDENCE_LIFECYCLE,
});
