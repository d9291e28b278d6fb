import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { Server } from 'node:http';
import { createApp, type Api } from '../../functions/api/app';
import { createAuthApp } from '../../functions/auth/issuer';
import { consoleRoutes } from '../../functions/console/app';
import { CONSUMERS } from '../../functions/consumers';
import { reconcile } from '#services/reconcile';
import { loadSettings, type Settings } from '#settings/settings';
import { makeDynamoClient } from '#db/client';
import { makeSqsClient } from '#queue/client';
import { QUEUES, QUEUE_NAMES, type QueueName } from '#queue/queues';
import { createDeps, type Deps } from '#runtime/deps';
import { createEmbedder } from '#embed/factory';
import { Meter } from '#metering/meter';
import { createMessenger } from '#notify/factory';
import { openauthLocalCredentials } from './openauth-env';
import { devRoutes } from './dev-routes';
import { startLocalDynamo } from './dynamo';
import { startLocalSqs } from './sqs';
import { ensureBucket, ensureQueues, ensureTable, type QueueUrls } from './provision';
import { startLocalS3 } from './s3';
import { makeS3Client } from '#files/client';
import { createEvidenceBucket } from '#files/bucket';
import { startPoller, type Poller } from './poller';
import { closeHttp, listenHttp } from './http-server';
import { StartupError } from './startup-error';

export interface StackOptions {
  env?: Record<string, string | undefined>;
  /** Start the Node HTTP server on settings.PORT (npm start); tests call app.request instead. */
  http?: boolean;
  /** Start queue pollers (default true). */
  pollers?: boolean;
  /** Extra overrides for the dependency bag (e.g. a fetch that records webhooks). */
  deps?: Partial<Deps>;
  log?: (line: string) => void;
  /** Aborting during start-up (Ctrl-C) stops whatever was already started. */
  signal?: AbortSignal;
  /** Run the reconciler every minute, the local stand-in for infra/cron.ts (default true). */
  cron?: boolean;
}

export interface Stack {
  settings: Settings;
  deps: Deps;
  app: Api;
  queueUrls: QueueUrls;
  url?: string;
  pollers: Map<QueueName, Poller>;
  /**
   * Starts the consumers; with `consumerDeps` they run on that bag instead of the API's (a fresh
   * bag is what a new Lambda container starts with: empty in-process caches).
   */
  startPollers(consumerDeps?: Deps): void;
  stopPollers(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole service in one process: DynamoDB Local and fauxqs (unless endpoints are given), the
 * table and queues, the Hono app, and one poller per queue feeding the Lambda handlers. If any step
 * fails, everything already started is stopped again before the error is thrown: no orphan JVM.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  // Stops for what has been started so far, run last-started first.
  const started: (() => Promise<void> | void)[] = [];
  const stopStarted = async () => {
    for (const stop of started.splice(0).reverse()) await stop();
  };
  try {
    return await startInOrder(opts, started, stopStarted);
  } catch (err) {
    await stopStarted();
    throw err;
  }
}

async function startInOrder(opts: StackOptions, started: (() => Promise<void> | void)[], stopStarted: () => Promise<void>): Promise<Stack> {
  const env = { ...process.env, ...opts.env };
  let settings = loadSettings(env);
  const log = opts.log ?? (() => undefined);
  const checkpoint = () => opts.signal?.throwIfAborted();

  // The API port is taken first, so a busy PORT fails at once, before any server is spawned;
  // requests that arrive while the rest starts wait for the app.
  let server: Server | undefined;
  let url: string | undefined;
  let appReady!: (app: Api) => void;
  let appFailed!: (err: Error) => void;
  const ready = new Promise<Api>((resolve, reject) => ((appReady = resolve), (appFailed = reject)));
  ready.catch(() => undefined);
  if (opts.http) {
    const srv = (server = await listenHttp(async (req, bindings) => (await ready).fetch(req, bindings), settings.PORT));
    started.push(() => closeHttp(srv));
    // Requests parked on `ready` must end (as 500s) before the server can close.
    started.push(() => appFailed(new StartupError('服务未能启动 / The service did not start')));
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : settings.PORT}`;
  }
  if (!settings.DYNAMODB_ENDPOINT) {
    const dynamo = await startLocalDynamo({ port: settings.DYNAMODB_PORT, portSetting: 'DYNAMODB_PORT', dataDir: settings.DATA_DIR, signal: opts.signal });
    started.push(() => dynamo.stop());
    settings = { ...settings, DYNAMODB_ENDPOINT: dynamo.endpoint };
    log(`DynamoDB Local on ${dynamo.endpoint} (data in ${settings.DATA_DIR})`);
  }
  checkpoint();
  if (!settings.SQS_ENDPOINT) {
    const sqs = await startLocalSqs({ port: settings.SQS_PORT, portSetting: 'SQS_PORT' });
    started.push(() => sqs.stop());
    settings = { ...settings, SQS_ENDPOINT: sqs.endpoint };
    log(`SQS (fauxqs) on ${sqs.endpoint}`);
  }
  checkpoint();
  if (!settings.S3_ENDPOINT) {
    const s3 = await startLocalS3({ port: settings.S3_PORT, portSetting: 'S3_PORT', dataDir: settings.DATA_DIR });
    started.push(() => s3.stop());
    settings = { ...settings, S3_ENDPOINT: s3.endpoint };
    log(`S3 (s3rver behind a SigV4 check) on ${s3.endpoint} (files in ${settings.DATA_DIR}/s3)`);
  }
  checkpoint();
  // One meter for the process: every client and every handler invocation reports into it.
  const meter = opts.deps?.meter ?? new Meter();
  const ddb = makeDynamoClient({ endpoint: settings.DYNAMODB_ENDPOINT!, region: settings.AWS_REGION, meter });
  const sqs = makeSqsClient({ endpoint: settings.SQS_ENDPOINT!, region: settings.AWS_REGION, meter });
  const s3 = makeS3Client({ endpoint: settings.S3_ENDPOINT, region: settings.AWS_REGION, meter });
  started.push(() => {
    ddb.destroy();
    sqs.destroy();
    s3.destroy();
  });
  await ensureTable(ddb, settings.TABLE_NAME);
  await ensureBucket(s3, settings.BUCKET_NAME);
  const queueUrls = await ensureQueues(sqs, settings.QUEUE_PREFIX, {
    visibilityTimeoutSec: settings.QUEUE_VISIBILITY_TIMEOUT_SEC,
    maxReceiveCount: settings.QUEUE_MAX_RECEIVE_COUNT,
  });
  checkpoint();
  const urls = Object.fromEntries(QUEUE_NAMES.map((q) => [q, queueUrls[q]])) as Record<QueueName, string>;
  openauthLocalCredentials(settings);
  // The API verifies people's tokens against the issuer it serves itself at /auth (same process).
  const jwks = async () => (await app.request('/auth/.well-known/jwks.json')).json() as Promise<{ keys: Record<string, unknown>[] }>;
  const deps = createDeps(settings, { tableName: settings.TABLE_NAME, queueUrls: urls, bucketName: settings.BUCKET_NAME, deadLetterUrls: queueUrls.dlq }, {
    ddb,
    sqs,
    meter,
    bucket: createEvidenceBucket({ region: settings.AWS_REGION, name: settings.BUCKET_NAME, client: s3, meter }),
    embedder: createEmbedder(settings),
    jwks,
    messenger: createMessenger(settings, log),
    ...opts.deps,
  });
  const controls = { queueUrls: [...QUEUE_NAMES.map((q) => urls[q]), ...Object.values(queueUrls.dlq)], stopPollers: () => stopPollers(), startPollers: () => startPollers() };
  const app: Api = createApp(deps, consoleRoutes, devRoutes(deps, controls), (a) => a.route('/', createAuthApp(deps)));

  const arns = new Map<QueueName, string>();
  for (const q of QUEUE_NAMES) {
    const a = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: urls[q], AttributeNames: ['QueueArn'] }));
    arns.set(q, a.Attributes?.QueueArn ?? q);
  }
  const pollers = new Map<QueueName, Poller>();
  const startPollers = (consumerDeps: Deps = deps) => {
    for (const q of QUEUE_NAMES) {
      if (pollers.has(q)) continue;
      const handler = CONSUMERS[q](consumerDeps);
      pollers.set(
        q,
        startPoller({
          sqs,
          queueUrl: urls[q],
          queueArn: arns.get(q)!,
          functionName: q,
          handler: (event, context) => meter.invoke(q, () => handler(event, context)),
          batchSize: QUEUES[q].batchSize,
          region: settings.AWS_REGION,
          onError: (err) => deps.log.error('poller error', { queue: q, error: String(err) }),
        }),
      );
    }
  };
  const stopPollers = async () => {
    await Promise.all([...pollers.values()].map((p) => p.stop()));
    pollers.clear();
  };
  if (opts.pollers !== false) startPollers();

  started.push(stopPollers);
  checkpoint();
  // The API answers from here on, while the reconciler below re-drives leftovers.
  appReady(app);

  // fauxqs keeps messages in memory: whatever was in flight when the last process died is gone,
  // so everything DynamoDB says is unfinished is re-driven now.
  await reconcile(deps, { olderThanSec: 0 });
  // The local stand-in for infra/cron.ts.
  if (opts.cron !== false) {
    const cron = setInterval(() => {
      meter
        .invoke('reconcile', () => reconcile(deps, { olderThanSec: settings.RECONCILE_AFTER_SEC }))
        .catch((err) => deps.log.error('reconcile failed', { error: String(err) }));
    }, 60_000);
    cron.unref();
    started.push(() => clearInterval(cron));
  }

  return {
    settings,
    deps,
    app,
    queueUrls,
    url,
    pollers,
    startPollers,
    stopPollers,
    async stop() {
      // No new requests while the queues and DynamoDB go down.
      if (server) await closeHttp(server);
      await stopStarted();
    },
  };
}
