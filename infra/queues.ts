import { QUEUES, QUEUE_NAMES, dlqResourceName, type QueueName } from '#queue/queues';
import { FUNCTION_DEFAULTS, consumerTimeoutSec, functionEnvironment, seconds } from './defaults';
import { secrets } from './secrets';
import { evidenceBucket, table } from './storage';

/** Failed messages stay inspectable for SQS's maximum retention (the local runtime uses the same). */
export const DLQ_RETENTION_SEC = 14 * 24 * 3600;

/**
 * One queue + DLQ + consumer per workflow step, generated from packages/queue/queues.ts (the same
 * declaration the local runtime creates its queues from).
 */
export const dlqs = {} as Record<QueueName, any>;
export const queues = {} as Record<QueueName, any>;
/** Each queue's subscription (infra/alarms.ts reads its function's name from it). */
export const consumers = {} as Record<QueueName, any>;

for (const name of QUEUE_NAMES) {
  const def = QUEUES[name];
  dlqs[name] = new sst.aws.Queue(dlqResourceName(name), {
    transform: { queue: { messageRetentionSeconds: DLQ_RETENTION_SEC } },
  });
  queues[name] = new sst.aws.Queue(def.resource, {
    visibilityTimeout: seconds(def.visibilityTimeoutSec),
    dlq: { queue: dlqs[name].arn, retry: def.maxReceiveCount },
  });
}

/**
 * Every function builds the same Deps (packages/runtime/lambda.ts), which reads the table, the
 * evidence bucket, every
 * workflow queue (consumers publish to the next step) and both secrets: all of them get all links.
 */
export const allLinks = [table, evidenceBucket, ...QUEUE_NAMES.map((name) => queues[name]), ...secrets];

for (const name of QUEUE_NAMES) {
  const def = QUEUES[name];
  consumers[name] = queues[name].subscribe(
    {
      ...FUNCTION_DEFAULTS,
      handler: def.handler,
      timeout: seconds(consumerTimeoutSec(def.visibilityTimeoutSec)),
      link: allLinks,
      environment: functionEnvironment(),
    },
    // Consumers report per-message failures (batchItemFailures), so only those are retried.
    { batch: { size: def.batchSize, partialResponses: true } },
  );
}
