/**
 * Every workflow step is one queue with a DLQ and one consumer. Declared once: infra/queues.ts
 * deploys these, the local runtime creates and polls them, the contract test checks both agree.
 */
export interface QueueDefinition {
  /** SST resource name; code reads the URL through `Resource[resource].url`. */
  resource: string;
  /** Path of the consumer, as SST's `handler` string. */
  handler: string;
  batchSize: number;
  visibilityTimeoutSec: number;
  /** Receives before SQS moves a message to the DLQ. */
  maxReceiveCount: number;
}

export const QUEUES = {
  assess: {
    resource: 'AssessQueue',
    handler: 'functions/assess/handler.handler',
    batchSize: 10,
    visibilityTimeoutSec: 60,
    maxReceiveCount: 5,
  },
  embed: {
    resource: 'EmbedQueue',
    handler: 'functions/embed/handler.handler',
    batchSize: 10,
    visibilityTimeoutSec: 120,
    maxReceiveCount: 5,
  },
  match: {
    resource: 'MatchQueue',
    handler: 'functions/match/handler.handler',
    batchSize: 5,
    visibilityTimeoutSec: 120,
    maxReceiveCount: 5,
  },
  pairing: {
    resource: 'PairingQueue',
    handler: 'functions/pairing/handler.handler',
    batchSize: 10,
    visibilityTimeoutSec: 120,
    maxReceiveCount: 8,
  },
  roadshow: {
    resource: 'RoadshowQueue',
    handler: 'functions/roadshow/handler.handler',
    batchSize: 1,
    visibilityTimeoutSec: 300,
    maxReceiveCount: 3,
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

export const queueResourceName = (q: QueueName) => QUEUES[q].resource;
export const dlqResourceName = (q: QueueName) => `${QUEUES[q].resource}Dlq`;
