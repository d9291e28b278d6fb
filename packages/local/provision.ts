import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { TABLE, keyAttributes } from '#db/table';
import { QUEUES, QUEUE_NAMES, type QueueName } from '#queue/queues';

export type QueueUrls = Record<QueueName, string> & { dlq: Record<QueueName, string> };

/** Creates the single table as infra/storage.ts declares it; a no-op when it already exists. */
export async function ensureTable(ddb: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await ddb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: keyAttributes().map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Object.entries(TABLE.indexes).map(([name, idx]) => ({
          IndexName: name,
          KeySchema: [
            { AttributeName: idx.partitionKey, KeyType: 'HASH' },
            { AttributeName: idx.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    await ddb.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  await ddb.send(new DescribeTableCommand({ TableName: tableName }));
}

export interface QueueOverrides {
  visibilityTimeoutSec?: number;
  maxReceiveCount?: number;
}

/** Creates each workflow queue and its DLQ with the redrive policy infra declares (idempotent). */
export async function ensureQueues(sqs: SQSClient, prefix: string, overrides: QueueOverrides = {}): Promise<QueueUrls> {
  const urls = { dlq: {} } as QueueUrls;
  for (const name of QUEUE_NAMES) {
    const def = QUEUES[name];
    const dlq = await sqs.send(
      new CreateQueueCommand({
        QueueName: `${prefix}-${name}-dlq`,
        Attributes: { MessageRetentionPeriod: String(14 * 24 * 3600) },
      }),
    );
    const dlqAttrs = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    const main = await sqs.send(
      new CreateQueueCommand({
        QueueName: `${prefix}-${name}`,
        Attributes: {
          VisibilityTimeout: String(overrides.visibilityTimeoutSec ?? def.visibilityTimeoutSec),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: dlqAttrs.Attributes?.QueueArn,
            maxReceiveCount: String(overrides.maxReceiveCount ?? def.maxReceiveCount),
          }),
        },
      }),
    );
    urls[name] = main.QueueUrl!;
    urls.dlq[name] = dlq.QueueUrl!;
  }
  return urls;
}

/** Creates the evidence bucket (idempotent); private by default, as infra/storage.ts declares it. */
export async function ensureBucket(s3: S3Client, name: string): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  } catch (err) {
    if (!(err instanceof BucketAlreadyOwnedByYou) && (err as { name?: string }).name !== 'BucketAlreadyExists') throw err;
  }
}
