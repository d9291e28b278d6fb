import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { createEvidenceBucket, type EvidenceBucket } from '#files/bucket';
import { inboxNotifier } from '#notify/inbox';
import type { Notifier } from '#notify/port';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Settings } from '#settings/settings';
import { makeDocumentClient, makeDynamoClient } from '#db/client';
import { makeSqsClient } from '#queue/client';
import { createPublisher, type Publisher } from '#queue/publisher';
import type { QueueName } from '#queue/queues';
import type { Embedder } from '#embed/port';
import { Meter } from '#metering/meter';
import type { Messenger } from '#notify/messenger';
import { redactLogValue } from '#core/privacy/redact';

/** The sign-in server's public keys, as served at /auth/.well-known/jwks.json. */
export type JwksSource = () => Promise<{ keys: Record<string, unknown>[] }>;

export interface Resources {
  tableName: string;
  queueUrls: Record<QueueName, string>;
  /** Private bucket for application evidence (S3). */
  bucketName: string;
  /** Dead-letter queues, where the process can see them (the reconciler counts what waits there). */
  deadLetterUrls?: Partial<Record<QueueName, string>>;
}

/**
 * Everything a handler needs, built once per process and passed in: no module reaches for a
 * global client or reads the environment on its own.
 */
export interface Deps {
  settings: Settings;
  resources: Resources;
  ddb: DynamoDBClient;
  db: DynamoDBDocumentClient;
  sqs: SQSClient;
  /** Application evidence files (S3). */
  bucket: EvidenceBucket;
  /** Applicants and experts are told of changes that concern them. */
  notifier: Notifier;
  publisher: Publisher;
  embedder: Embedder;
  log: Logger;
  now: () => Date;
  fetch: typeof fetch;
  /** Sign-in codes and invitations. */
  messenger: Messenger;
  /** Verifies people's tokens; the local stack reads its own issuer in-process. */
  jwks: JwksSource;
  /** What this process's AWS calls and invocations consumed (the cost model reads it). */
  meter: Meter;
}

// Only the API and the sign-in server send (invitations, codes); they pass a messenger in.
const noMessenger: Messenger = { send: () => Promise.reject(new Error('no messenger in this process; pass one to createDeps')) };

const noEmbedder: Embedder = {
  modelId: 'none',
  dimensions: 0,
  embed: () => Promise.reject(new Error('no embedder in this process; pass one to createDeps')),
};

export function createDeps(settings: Settings, resources: Resources, overrides: Partial<Deps> = {}): Deps {
  // Clients passed in were built (and metered) by the caller with the same meter.
  const meter = overrides.meter ?? new Meter();
  const ddb = overrides.ddb ?? makeDynamoClient({ endpoint: settings.DYNAMODB_ENDPOINT, region: settings.AWS_REGION, meter });
  const sqs = overrides.sqs ?? makeSqsClient({ endpoint: settings.SQS_ENDPOINT, region: settings.AWS_REGION, meter });
  const log = overrides.log ?? new Logger({ serviceName: 'gongfu', logLevel: settings.LOG_LEVEL, jsonReplacerFn: redactLogValue });
  const fetchFn = overrides.fetch ?? globalThis.fetch.bind(globalThis);
  const db = makeDocumentClient(ddb);
  return {
    settings,
    resources,
    ddb,
    db,
    notifier: inboxNotifier({ db, table: resources.tableName }),
    sqs,
    bucket: overrides.bucket ?? createEvidenceBucket({ endpoint: settings.S3_ENDPOINT, region: settings.AWS_REGION, name: resources.bucketName, meter }),
    publisher: createPublisher(sqs, resources.queueUrls),
    // The API never embeds; consumers and the local stack pass the real one (embed/factory.ts).
    embedder: noEmbedder,
    log,
    now: () => new Date(),
    fetch: fetchFn,
    messenger: noMessenger,
    jwks: async () => {
      if (!settings.AUTH_ISSUER_URL) throw new Error('AUTH_ISSUER_URL is not set: cannot verify sign-in tokens');
      const res = await fetchFn(`${settings.AUTH_ISSUER_URL.replace(/\/$/, '')}/auth/.well-known/jwks.json`);
      if (!res.ok) throw new Error(`JWKS fetch failed: ${res.status}`);
      return (await res.json()) as { keys: Record<string, unknown>[] };
    },
    meter,
    ...overrides,
  };
}
