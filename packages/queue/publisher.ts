import { SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueueName } from './queues';
import type { QueueMessages } from './messages';

export interface Publisher {
  send<Q extends QueueName>(queue: Q, message: QueueMessages[Q], opts?: { delaySeconds?: number }): Promise<void>;
  /** SendMessageBatch in chunks of 10 (the SQS limit); throws if any entry failed. */
  sendBatch<Q extends QueueName>(queue: Q, messages: QueueMessages[Q][]): Promise<void>;
}

export function createPublisher(sqs: SQSClient, urls: Record<QueueName, string>): Publisher {
  return {
    async send(queue, message, opts) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: urls[queue],
          MessageBody: JSON.stringify(message),
          DelaySeconds: opts?.delaySeconds,
        }),
      );
    },
    async sendBatch(queue, messages) {
      for (let i = 0; i < messages.length; i += 10) {
        const chunk = messages.slice(i, i + 10);
        const res = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: urls[queue],
            Entries: chunk.map((m, j) => ({ Id: String(j), MessageBody: JSON.stringify(m) })),
          }),
        );
        if (res.Failed?.length) {
          throw new Error(`SendMessageBatch to ${queue}: ${res.Failed.length} entries failed (${res.Failed[0]?.Code})`);
        }
      }
    },
  };
}
