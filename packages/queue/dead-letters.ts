import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueName } from './queues';

/**
 * Messages waiting in each dead-letter queue (SQS's approximate count). The reconciler re-drives
 * the work itself from DynamoDB, so a dead letter is not lost work, but one that keeps coming back
 * is a step that fails every time, and only a person can fix that.
 */
export async function deadLetterCounts(sqs: SQSClient, urls: Partial<Record<QueueName, string>>): Promise<Partial<Record<QueueName, number>>> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const res = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
      return [name, Number(res.Attributes?.ApproximateNumberOfMessages ?? 0)] as const;
    }),
  );
  return Object.fromEntries(entries);
}
