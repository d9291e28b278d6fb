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
      const chunks: QueueMessages[typeof queue][][] = [];
      for (let i = 0; i < messages.length; i += 10) chunks.push(messages.slice(i, i + 10));
      // A few calls in flight: reassessing a thousand platforms is 100 calls, not 100 round trips.
      let next = 0;
      const worker = async () => {
        while (next < chunks.length) {
          const chunk = chunks[next++]!;
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
      };
      await Promise.all(Array.from({ length: Math.min(8, chunks.length) }, worker));
    },
  };
}
