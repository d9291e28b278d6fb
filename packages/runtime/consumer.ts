import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import type { Deps } from './deps';

/**
 * A queue consumer: each record is parsed with its zod schema and handled on its own; failures
 * are reported per record (partial batch response) so one poison message never blocks the rest.
 */
export function sqsConsumer<S extends z.ZodType>(
  deps: Deps,
  schema: S,
  handle: (message: z.infer<S>, record: SQSRecord) => Promise<void>,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  return (event, context) =>
    processPartialResponse(
      event,
      async (record: SQSRecord) => {
        const parsed = schema.safeParse(JSON.parse(record.body));
        if (!parsed.success) {
          deps.log.error('malformed queue message', { messageId: record.messageId, issues: parsed.error.issues });
          throw new Error('malformed message');
        }
        try {
          await handle(parsed.data, record);
        } catch (err) {
          deps.log.error('message failed', { messageId: record.messageId, error: String(err) });
          throw err;
        }
      },
      processor,
      { context, throwOnFullBatchFailure: false },
    );
}
