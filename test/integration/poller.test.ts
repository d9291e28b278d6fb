import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPoller } from '#local/poller';
import { leadId } from '#services/leads';
import { platformBody, scenarioBody } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  // No service pollers: these tests drive the queues with their own handlers.
  stack = await startTestStack({ pollers: false });
});
afterAll(() => stack?.stop());

const sqs = () => stack.deps.sqs;
async function depth(url: string) {
  const a = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(a.Attributes?.ApproximateNumberOfMessages ?? 0) + Number(a.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

describe('local poller honours the Lambda SQS contract', () => {
  it('retries only the failed records of a batch and moves a poison message to the DLQ after maxReceiveCount', async () => {
    const url = stack.queueUrls.roadshow;
    const dlq = stack.queueUrls.dlq.roadshow;
    const seen = new Map<string, number>();
    const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
      const failures = [];
      for (const r of event.Records) {
        seen.set(r.body, (seen.get(r.body) ?? 0) + 1);
        if (r.body === 'poison') failures.push({ itemIdentifier: r.messageId });
      }
      return { batchItemFailures: failures };
    };
    await sqs().send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: ['a', 'b', 'poison', 'c'].map((body, i) => ({ Id: String(i), MessageBody: body })),
      }),
    );
    const poller = startPoller({ sqs: sqs(), queueUrl: url, queueArn: 'arn:test', functionName: 't', handler, batchSize: 10, region: 'us-east-1' });
    try {
      // maxReceiveCount is 3 in tests and the visibility timeout 1 s.
      await eventually(async () => (await depth(dlq)) === 1, 20_000);
    } finally {
      await poller.stop();
    }
    expect(seen.get('a')).toBe(1);
    expect(seen.get('b')).toBe(1);
    expect(seen.get('c')).toBe(1);
    expect(seen.get('poison')).toBe(3);
    expect(await depth(url)).toBe(0);
    const moved = await sqs().send(new ReceiveMessageCommand({ QueueUrl: dlq, MaxNumberOfMessages: 10 }));
    expect(moved.Messages?.map((m) => m.Body)).toEqual(['poison']);
  });

  it('redelivers the whole batch when the handler throws', async () => {
    const url = stack.queueUrls.roadshow;
    let calls = 0;
    const handler = async () => {
      calls++;
      if (calls === 1) throw new Error('crash');
    };
    await sqs().send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    const poller = startPoller({ sqs: sqs(), queueUrl: url, queueArn: 'arn:test', functionName: 't', handler, batchSize: 10, region: 'us-east-1' });
    try {
      await eventually(async () => calls >= 2 && (await depth(url)) === 0, 15_000);
    } finally {
      await poller.stop();
    }
    expect(calls).toBe(2);
  });
});

describe('consumers are idempotent', () => {
  it('a duplicated pairing message creates one lead', async () => {
    const bureau = await stack.token('bureau');
    const mfr = await stack.token('manufacturer', 'ent_dup');
    const p = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('重复投递测试平台') });
    expect(p.status).toBe(201);
    const sc = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody() });
    expect(sc.status).toBe(201);
    const msg = JSON.stringify({ type: 'Pairing', scenarioId: sc.body.id, platformId: p.body.id });
    for (let i = 0; i < 3; i++) await sqs().send(new SendMessageCommand({ QueueUrl: stack.queueUrls.pairing, MessageBody: msg }));
    stack.startPollers();
    const id = leadId(sc.body.id, p.body.id);
    await eventually(async () => (await depth(stack.queueUrls.pairing)) === 0);
    await stack.stopPollers();
    const leads = await stack.call('GET', '/v1/leads', { token: bureau });
    expect(leads.body.items.filter((l: { id: string }) => l.id === id)).toHaveLength(1);
  });
});
