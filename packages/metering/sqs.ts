import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Meter } from './meter';

/** SQS bills each 64 KB chunk of a request's payload as one request. */
export const SQS_CHUNK_BYTES = 64 * 1024;

const chunks = (bytes: number) => Math.max(1, Math.ceil(bytes / SQS_CHUNK_BYTES));

interface Attr {
  DataType?: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
}
const attrBytes = (attrs: Record<string, Attr> | undefined) =>
  Object.entries(attrs ?? {}).reduce(
    (s, [k, v]) => s + Buffer.byteLength(k) + Buffer.byteLength(v.DataType ?? '') + Buffer.byteLength(v.StringValue ?? '') + (v.BinaryValue?.byteLength ?? 0),
    0,
  );
const messageBytes = (m: { MessageBody?: string; Body?: string; MessageAttributes?: Record<string, Attr> }) =>
  Buffer.byteLength(m.MessageBody ?? m.Body ?? '') + attrBytes(m.MessageAttributes);

/**
 * The calls an operation makes: moving messages, and reading a queue's depth (the reconciler counts
 * the dead-letter queues every pass). Everything else (CreateQueue, …) is administration.
 */
const DATA = new Set([
  'GetQueueAttributesCommand',
  'SendMessageCommand',
  'SendMessageBatchCommand',
  'ReceiveMessageCommand',
  'DeleteMessageCommand',
  'DeleteMessageBatchCommand',
  'ChangeMessageVisibilityCommand',
  'ChangeMessageVisibilityBatchCommand',
]);

/**
 * Counts SQS requests the way SQS bills them: every API call is a request, a batch of up to ten
 * messages is one request, and each further 64 KB of payload is another. Empty receives are kept
 * apart: locally the pollers spin on one-second polls, on AWS Lambda's pollers long-poll, and the
 * cost model prices idle polling from the event source mapping's behaviour instead.
 */
export function meterSqs(client: SQSClient, meter: Meter): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const res = await next(args);
      const action = command.replace(/Command$/, '');
      if (!DATA.has(command)) {
        meter.sqsControl();
        return res;
      }
      const input = args.input as { MessageBody?: string; MessageAttributes?: Record<string, Attr>; Entries?: { MessageBody?: string; MessageAttributes?: Record<string, Attr> }[] };
      if (command === 'SendMessageCommand') meter.sqs(action, chunks(messageBytes(input)));
      else if (command === 'SendMessageBatchCommand') meter.sqs(action, chunks((input.Entries ?? []).reduce((s, e) => s + messageBytes(e), 0)));
      else if (command === 'ReceiveMessageCommand') {
        const messages = (res.output as { Messages?: { Body?: string; MessageAttributes?: Record<string, Attr> }[] }).Messages ?? [];
        if (messages.length === 0) meter.sqsEmptyReceive();
        else meter.sqs(action, chunks(messages.reduce((s, m) => s + messageBytes(m), 0)));
      } else meter.sqs(action, 1);
      return res;
    },
    { step: 'initialize', name: 'meterSqsRequests', override: true },
  );
}
