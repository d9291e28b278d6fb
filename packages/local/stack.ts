import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type Api } from '../../functions/api/app';
import { consoleRoutes } from '../../functions/console/app';
import { CONSUMERS } from '../../functions/consumers';
import { reconcile } from '../services/reconcile';
import { loadSettings, type Settings } from '../settings/settings';
import { makeDynamoClient } from '../db/client';
import { makeSqsClient } from '../queue/client';
import { QUEUES, QUEUE_NAMES, type QueueName } from '../queue/queues';
import { createDeps, type Deps } from '../runtime/deps';
import { createEmbedder } from '../embed/factory';
import { Meter } from '../metering/meter';
import { startLocalDynamo, type LocalDynamo } from './dynamo';
import { startLocalSqs, type LocalSqs } from './sqs';
import { ensureQueues, ensureTable, type QueueUrls } from './provision';
import { startPoller, type Poller } from './poller';

export interface StackOptions {
  env?: Record<string, string | undefined>;
  /** Start the Node HTTP server on settings.PORT (npm start); tests call app.request instead. */
  http?: boolean;
  /** Start queue pollers (default true). */
  pollers?: boolean;
  /** Extra overrides for the dependency bag (e.g. a fetch that records webhooks). */
  deps?: Partial<Deps>;
  log?: (line: string) => void;
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
 * table and queues, the Hono app, and one poller per queue feeding the Lambda handlers.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const env = { ...process.env, ...opts.env };
  let settings = loadSettings(env);
  const log = opts.log ?? (() => undefined);
  const owned: { dynamo?: LocalDynamo; sqs?: LocalSqs } = {};
  if (!settings.DYNAMODB_ENDPOINT) {
    owned.dynamo = await startLocalDynamo({ port: settings.DYNAMODB_PORT, dataDir: settings.DATA_DIR });
    log(`DynamoDB Local on ${owned.dynamo.endpoint} (data in ${settings.DATA_DIR})`);
  }
  if (!settings.SQS_ENDPOINT) {
    owned.sqs = await startLocalSqs({ port: settings.SQS_PORT });
    log(`SQS (fauxqs) on ${owned.sqs.endpoint}`);
  }
  settings = {
    ...settings,
    DYNAMODB_ENDPOINT: settings.DYNAMODB_ENDPOINT ?? owned.dynamo!.endpoint,
    SQS_ENDPOINT: settings.SQS_ENDPOINT ?? owned.sqs!.endpoint,
  };
  // One meter for the process: every client and every handler invocation reports into it.
  const meter = opts.deps?.meter ?? new Meter();
  const ddb = makeDynamoClient({ endpoint: settings.DYNAMODB_ENDPOINT, region: settings.AWS_REGION, meter });
  const sqs = makeSqsClient({ endpoint: settings.SQS_ENDPOINT, region: settings.AWS_REGION, meter });
  await ensureTable(ddb, settings.TABLE_NAME);
  const queueUrls = await ensureQueues(sqs, settings.QUEUE_PREFIX, {
    visibilityTimeoutSec: settings.QUEUE_VISIBILITY_TIMEOUT_SEC,
    maxReceiveCount: settings.QUEUE_MAX_RECEIVE_COUNT,
  });
  const urls = Object.fromEntries(QUEUE_NAMES.map((q) => [q, queueUrls[q]])) as Record<QueueName, string>;
  const deps = createDeps(settings, { tableName: settings.TABLE_NAME, queueUrls: urls }, { ddb, sqs, meter, embedder: createEmbedder(settings), ...opts.deps });
  const app = createApp(deps, consoleRoutes);

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

  let server: ServerType | undefined;
  let url: string | undefined;
  if (opts.http) {
    server = await new Promise<ServerType>((resolve) => {
      const srv = serve({ fetch: app.fetch, port: settings.PORT, hostname: '127.0.0.1' }, () => resolve(srv));
    });
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : settings.PORT}`;
  }

  // fauxqs keeps messages in memory: whatever was in flight when the last process died is gone,
  // so everything DynamoDB says is unfinished is re-driven now.
  await reconcile(deps, { olderThanSec: 0 });
  // The local stand-in for infra/cron.ts.
  const cron =
    opts.cron === false
      ? undefined
      : setInterval(() => {
          meter
            .invoke('reconcile', () => reconcile(deps, { olderThanSec: settings.RECONCILE_AFTER_SEC }))
            .catch((err) => deps.log.error('reconcile failed', { error: String(err) }));
        }, 60_000);
  cron?.unref();

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
      clearInterval(cron);
      await stopPollers();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      ddb.destroy();
      sqs.destroy();
      await owned.sqs?.stop();
      await owned.dynamo?.stop();
    },
  };
}
