import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { startStack, type Stack, type StackOptions } from '#local/stack';
import { signToken } from '#local/token';
import type { Role } from '#core/principal';

export const TEST_SECRET = 'test-secret-for-the-local-stack-0123456789';

export interface TestStack extends Stack {
  token(role: Role, org?: string, extra?: { sub?: string; hours?: number; district?: string }): Promise<string>;
  call(method: string, path: string, opts?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
}

/** The service against the shared local DynamoDB and SQS, isolated by a fresh table and queue prefix. */
export async function startTestStack(opts: StackOptions = {}): Promise<TestStack> {
  const suffix = randomBytes(4).toString('hex');
  const stack = await startStack({
    ...opts,
    env: {
      STAGE: 'test',
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      SQS_ENDPOINT: inject('sqsEndpoint'),
      S3_ENDPOINT: inject('s3Endpoint'),
      BUCKET_NAME: `b-${suffix}`,
      TABLE_NAME: `t-${suffix}`,
      QUEUE_PREFIX: `q-${suffix}`,
      AUTH_SECRET: TEST_SECRET,
      QUEUE_VISIBILITY_TIMEOUT_SEC: '1',
      QUEUE_MAX_RECEIVE_COUNT: '3',
      LOG_REQUESTS: 'false',
      MATCH_MIN_SCORE: '0',
      ...opts.env,
    },
  });
  return Object.assign(stack, {
    token: (role: Role, org?: string, extra: { sub?: string; hours?: number; district?: string } = {}) =>
      signToken(stack.settings.AUTH_SECRET, { role, org, ...extra }),
    async call(method: string, path: string, o: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: string | undefined;
      if (o.raw !== undefined) body = o.raw;
      else if (o.body !== undefined) body = JSON.stringify(o.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await stack.app.request(path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed as any, headers: res.headers };
    },
  });
}

/** Polls until `check` returns a truthy value (async pipelines settle through real queues). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
