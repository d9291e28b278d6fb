import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { Role } from '#core/principal';
import { startLocalDynamo } from '#local/dynamo';
import { startLocalSqs } from '#local/sqs';
import { startStack, type Stack } from '#local/stack';
import { signToken } from '#local/token';
import type { Publisher } from '#queue/publisher';
import { QUEUE_NAMES } from '#queue/queues';
import { makeSqsClient } from '#queue/client';
import type { Store } from '#db/store';
import { storeOf } from '#services/store';

export const BENCH_SECRET = 'bench-secret-for-the-local-stack-0123456789';

export interface BenchStack {
  stack: Stack;
  store: Store;
  token(role: Role, org?: string): Promise<string>;
  /** In-process request through the Hono app (no HTTP): what seeding uses. */
  call(method: string, path: string, opts?: { token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  /**
   * Runs `f` with the publisher swapped for one that drops every message: seeding registers
   * platforms through the API without queueing embed/match work the benchmark is not about.
   */
  quietly<T>(f: () => Promise<T>): Promise<T>;
  /** Messages visible + in flight across all queues (DLQs excluded). */
  queueDepth(): Promise<number>;
  stop(): Promise<void>;
}

const NO_PUBLISH: Publisher = { send: async () => undefined, sendBatch: async () => undefined };

/**
 * The whole service in this process, as `npm start` runs it, but with DynamoDB Local in memory,
 * fauxqs on a free port and the data dir in a temp folder. Request logs and INFO logs are off so
 * the benchmark measures the service, not the terminal.
 */
export async function startBenchStack(opts: { http?: boolean; pollers?: boolean; cron?: boolean; env?: Record<string, string> } = {}): Promise<BenchStack> {
  process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'ERROR';
  process.env.POWERTOOLS_LOG_LEVEL = process.env.LOG_LEVEL;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const dynamo = await startLocalDynamo({ port: 0 });
  const sqsServer = await startLocalSqs({ port: 0 });
  let stack: Stack;
  try {
    stack = await startStack({
      http: opts.http,
      pollers: opts.pollers,
      cron: opts.cron,
      env: {
        STAGE: 'bench',
        PORT: '0',
        DATA_DIR: dataDir,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        SQS_ENDPOINT: sqsServer.endpoint,
        AUTH_SECRET: BENCH_SECRET,
        LOG_REQUESTS: 'false',
        RATE_LIMIT_PER_MINUTE: '1000000',
        MATCH_MIN_SCORE: '0',
        ...opts.env,
      },
    });
  } catch (err) {
    await sqsServer.stop();
    await dynamo.stop();
    throw err;
  }
  const s = stack;
  const realPublisher = s.deps.publisher;
  // The bench's own look at queue depth (waiting for the pipeline to settle) is not the service's
  // work: an unmetered client, so the cost model does not bill it.
  const observer = makeSqsClient({ endpoint: s.deps.settings.SQS_ENDPOINT!, region: s.deps.settings.AWS_REGION });
  return {
    stack: s,
    store: storeOf(s.deps),
    token: (role, org) => signToken(BENCH_SECRET, { role, org, hours: 4 }),
    async call(method, path, o = {}) {
      const headers: Record<string, string> = {};
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: string | undefined;
      if (o.body !== undefined) {
        body = JSON.stringify(o.body);
        headers['content-type'] = 'application/json';
      }
      // One API Lambda invocation behind the router: timed and counted like one.
      const { res, text } = await s.deps.meter.invoke('api', async () => {
        const r = await s.app.request(path, { method, headers, body });
        return { res: r, text: await r.text() };
      });
      s.deps.meter.httpRequest(Buffer.byteLength(text));
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed as any };
    },
    async quietly(f) {
      s.deps.publisher = NO_PUBLISH;
      try {
        return await f();
      } finally {
        s.deps.publisher = realPublisher;
      }
    },
    async queueDepth() {
      let total = 0;
      for (const q of QUEUE_NAMES) {
        const a = await observer.send(
          new GetQueueAttributesCommand({
            QueueUrl: s.queueUrls[q],
            AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
          }),
        );
        total +=
          Number(a.Attributes?.ApproximateNumberOfMessages ?? 0) +
          Number(a.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0) +
          Number(a.Attributes?.ApproximateNumberOfMessagesDelayed ?? 0);
      }
      return total;
    },
    async stop() {
      observer.destroy();
      await s.stop();
      await sqsServer.stop();
      await dynamo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `f` over `items` with at most `limit` in flight; throws the first error. */
export async function pool<T, R>(items: readonly T[], limit: number, f: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function expectStatus(res: { status: number; body: unknown }, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
}
