import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface PollerOptions {
  sqs: SQSClient;
  queueUrl: string;
  queueArn: string;
  functionName: string;
  handler: SqsHandler;
  batchSize: number;
  region: string;
  waitTimeSeconds?: number;
  onError?: (err: unknown) => void;
}

export interface Poller {
  stop(): Promise<void>;
  /** Resolves once the queue was seen empty with no batch in flight (tests wait on this). */
  idle(): Promise<void>;
}

/**
 * Feeds a queue to a Lambda-style handler the way the SQS event source mapping does: a batch of
 * records in, `batchItemFailures` out. Successful records are deleted; failed ones stay invisible
 * until their visibility timeout ends, then SQS redelivers them or moves them to the DLQ once
 * maxReceiveCount is reached (the redrive policy lives on the queue, as on AWS).
 */
export function startPoller(opts: PollerOptions): Poller {
  const abort = new AbortController();
  let busy = false;
  let lastEmpty = false;
  const loop = (async () => {
    while (!abort.signal.aborted) {
      let messages: Message[] = [];
      try {
        const res = await opts.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: opts.queueUrl,
            MaxNumberOfMessages: opts.batchSize,
            WaitTimeSeconds: opts.waitTimeSeconds ?? 1,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        messages = res.Messages ?? [];
      } catch (err) {
        if (abort.signal.aborted) break;
        opts.onError?.(err);
        await sleep(500);
        continue;
      }
      lastEmpty = messages.length === 0;
      if (lastEmpty) continue;
      busy = true;
      try {
        await dispatch(opts, messages);
      } catch (err) {
        opts.onError?.(err);
      } finally {
        busy = false;
      }
    }
  })();

  return {
    async stop() {
      abort.abort();
      await loop;
    },
    async idle() {
      while (busy || !lastEmpty) await sleep(50);
    },
  };
}

async function dispatch(opts: PollerOptions, messages: Message[]): Promise<void> {
  const records = messages.map((m) => toRecord(m, opts));
  let failed: Set<string>;
  try {
    const res = await opts.handler({ Records: records }, fakeContext(opts.functionName));
    const ids = (res?.batchItemFailures ?? []).map((f) => f.itemIdentifier);
    const known = new Set(records.map((r) => r.messageId));
    // Lambda treats a malformed failure report as a failure of the whole batch.
    failed = ids.every((id) => id && known.has(id)) ? new Set(ids) : known;
  } catch (err) {
    opts.onError?.(err);
    failed = new Set(records.map((r) => r.messageId));
  }
  const done = messages.filter((m) => !failed.has(m.MessageId!));
  if (done.length === 0) return;
  await opts.sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl: opts.queueUrl,
      Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
    }),
  );
}

function toRecord(m: Message, opts: PollerOptions): SQSRecord {
  const a = m.Attributes ?? {};
  return {
    messageId: m.MessageId!,
    receiptHandle: m.ReceiptHandle!,
    body: m.Body ?? '',
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? String(Date.now()),
      SenderId: a.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => [
        k,
        { dataType: v.DataType ?? 'String', stringValue: v.StringValue, stringListValues: [], binaryListValues: [] },
      ]),
    ),
    md5OfBody: m.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: opts.queueArn,
    awsRegion: opts.region,
  };
}

function fakeContext(functionName: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 300_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
