import { randomBytes } from 'node:crypto';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { makeDocumentClient, makeDynamoClient } from '#db/client';
import { putIf } from '#db/store';
import { createEvidenceBucket } from '#files/bucket';
import { makeS3Client } from '#files/client';
import { ensureBucket, ensureTable } from '#local/provision';
import { Meter } from '#metering/meter';
import { totals, usageSince } from '#metering/usage';
import { makeSqsClient } from '#queue/client';
import { platformBody } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

const table = `meter-${randomBytes(4).toString('hex')}`;
const meter = new Meter();
let ddb: DynamoDBClient;
let db: DynamoDBDocumentClient;
let sqs: SQSClient;
let s3: S3Client;
const bucket = `meter-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  ddb = makeDynamoClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', meter });
  db = makeDocumentClient(ddb);
  sqs = makeSqsClient({ endpoint: inject('sqsEndpoint'), region: 'us-east-1', meter });
  s3 = makeS3Client({ endpoint: inject('s3Endpoint'), region: 'us-east-1', meter });
  await ensureTable(ddb, table);
  await ensureBucket(s3, bucket);
});
afterAll(() => {
  ddb?.destroy();
  sqs?.destroy();
  s3?.destroy();
});

/** What `f` added to the meter. */
async function measure(f: () => Promise<unknown>) {
  const before = meter.snapshot();
  await f();
  return usageSince(before, meter.snapshot());
}

describe('the meter sees what DynamoDB Local reports for real calls', () => {
  it('splits a write by table and index, with item size in 1 KB units', async () => {
    const u = await measure(() =>
      db.send(new PutCommand({ TableName: table, Item: { pk: 'P#1', sk: 'A', gsi1pk: 'G', gsi1sk: '1', body: 'x'.repeat(2500) } })),
    );
    // ~2.5 KB item: 3 write units on the table and 3 more to propagate it into gsi1 (not gsi2).
    expect(u.writeUnits).toEqual({ [table]: 3, [`${table}/gsi1`]: 3 });
    expect(u.readUnits).toEqual({});
    expect(u.dynamoCalls).toBe(1);
  });

  it('counts consistent reads double, empty queries at the billed minimum, and transactions double', async () => {
    const consistent = await measure(() => db.send(new GetCommand({ TableName: table, Key: { pk: 'P#1', sk: 'A' }, ConsistentRead: true })));
    const eventual = await measure(() => db.send(new GetCommand({ TableName: table, Key: { pk: 'P#1', sk: 'A' } })));
    expect(totals(consistent).readUnits).toBe(2 * totals(eventual).readUnits);
    const empty = await measure(() =>
      db.send(new QueryCommand({ TableName: table, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': 'nobody' } })),
    );
    expect(empty.readUnits).toEqual({ [`${table}/gsi2`]: 0.5 });
    const tx = await measure(() =>
      db.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: table, Item: { pk: 'P#2', sk: 'A' } } }, { Put: { TableName: table, Item: { pk: 'P#3', sk: 'A' } } }] })),
    );
    expect(totals(tx).writeUnits).toBe(4);
  });

  it('counts a failed conditional write, which DynamoDB bills without reporting it', async () => {
    const u = await measure(async () => expect(await putIf({ db, table }, { pk: 'P#1', sk: 'A' }, 'attribute_not_exists(pk)')).toBe(false));
    expect(u.failedConditionalWrites).toBe(1);
    expect(totals(u).writeUnits).toBe(1);
  });
});

describe('the meter counts SQS requests the way SQS bills them', () => {
  it('one request per call, a batch is one, each 64 KB chunk another; empty receives and admin apart', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `meter-${randomBytes(4).toString('hex')}` }));
    const small = await measure(() => sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello' })));
    expect(totals(small).sqsRequests).toBe(1);
    const large = await measure(() => sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(100 * 1024) })));
    expect(totals(large).sqsRequests).toBe(2);
    const batch = await measure(() =>
      sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 10 }, (_, i) => ({ Id: String(i), MessageBody: `m${i}` })) })),
    );
    expect(totals(batch).sqsRequests).toBe(1);
    // Reading a queue's depth is billed like any request (the reconciler does it every pass);
    // creating queues is administration, outside every operation.
    const depth = await measure(() => sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] })));
    expect(totals(depth).sqsRequests).toBe(1);
    const admin = await measure(() => sqs.send(new CreateQueueCommand({ QueueName: `meter-admin-${randomBytes(4).toString('hex')}` })));
    expect(totals(admin).sqsRequests).toBe(0);
    expect(admin.sqsControlRequests).toBe(1);
    // Drain: 12 messages, one of them 100 KB, in receives of up to 10.
    let received = 0;
    const drain = await measure(async () => {
      for (let i = 0; i < 10 && received < 12; i++) {
        const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60 }));
        received += r.Messages?.length ?? 0;
      }
    });
    expect(received).toBe(12);
    expect(totals(drain).sqsRequests).toBeGreaterThanOrEqual(3);
    const idle = await measure(() => sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 })));
    expect(totals(idle).sqsRequests).toBe(0);
    expect(idle.sqsEmptyReceives).toBe(1);
  });
});

describe('the meter counts S3 requests by billing class', () => {
  it('PUT and COPY in the dearer class, GET and HEAD in the cheaper, DELETE free; bytes where the call shows them', async () => {
    const body = randomBytes(3000);
    const put = await measure(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a', Body: body })));
    expect(put).toMatchObject({ s3WriteRequests: 1, s3ReadRequests: 0, s3BytesIn: 3000 });
    const copy = await measure(() => s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'b', CopySource: `${bucket}/a` })));
    expect(copy).toMatchObject({ s3WriteRequests: 1, s3ReadRequests: 0 });
    const get = await measure(async () => {
      const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'b' }));
      expect((await res.Body!.transformToByteArray()).length).toBe(3000);
    });
    expect(get).toMatchObject({ s3WriteRequests: 0, s3ReadRequests: 1, s3BytesReadInRegion: 3000, s3BytesOut: 0 });
    // A HEAD that finds nothing is billed like one that does.
    const head = await measure(() => s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'none' })).catch(() => undefined));
    expect(head).toMatchObject({ s3WriteRequests: 0, s3ReadRequests: 1 });
    const del = await measure(() => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'a' })));
    expect(totals(del)).toMatchObject({ s3WriteRequests: 0, s3ReadRequests: 0 });
  });

  it('counts a presigned URL when it is issued, as the browser request it stands for', async () => {
    const files = createEvidenceBucket({ region: 'us-east-1', name: bucket, client: s3, meter });
    const up = await measure(() => files.presignPut('c', { contentType: 'application/pdf', size: 5000, expiresInSec: 60 }));
    expect(up).toMatchObject({ s3WriteRequests: 1, s3ReadRequests: 0, s3BytesIn: 5000 });
    const down = await measure(() => files.presignGet('b', { fileName: 'b.pdf', size: 3000, expiresInSec: 60 }));
    expect(down).toMatchObject({ s3WriteRequests: 0, s3ReadRequests: 1, s3BytesOut: 3000 });
    // The browser's own use of the URL goes straight to S3, past the SDK: nothing more is counted.
    const url = await files.presignGet('b', { fileName: 'b.pdf', size: 3000, expiresInSec: 60 });
    const fetched = await measure(async () => expect((await (await fetch(url)).arrayBuffer()).byteLength).toBe(3000));
    expect(totals(fetched)).toMatchObject({ s3WriteRequests: 0, s3ReadRequests: 0, s3BytesOut: 0 });
  });
});

describe('the local stack meters its own clients and consumers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ cron: false });
  });
  afterAll(() => stack?.stop());

  it('a platform registration shows its writes, and the embed consumer it triggers is one timed invocation', async () => {
    const bureau = await stack.token('bureau');
    const before = stack.deps.meter.snapshot();
    const res = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('计量测试平台') });
    expect(res.status).toBe(201);
    const u = await eventually(async () => {
      const d = usageSince(before, stack.deps.meter.snapshot());
      return (d.lambda.embed?.invocations ?? 0) >= 1 ? d : undefined;
    });
    expect(u.writeUnits[stack.settings.TABLE_NAME]).toBeGreaterThanOrEqual(1);
    expect(u.writeUnits[`${stack.settings.TABLE_NAME}/gsi1`]).toBeGreaterThanOrEqual(1);
    expect(u.sqsRequests.SendMessage).toBeGreaterThanOrEqual(1);
    expect(u.lambda.embed!.billedMs).toBeGreaterThanOrEqual(1);
  });
});
