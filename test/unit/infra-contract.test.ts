/**
 * Infra contract: evaluates sst.config.ts and infra/* with SST's globals replaced by recorders, then
 * checks the recorded resources against the code that runs on them (handler files and exports,
 * QUEUES, TABLE, the links packages/runtime/lambda.ts reads) and against what the local runtime
 * (packages/local/provision.ts) creates. No AWS, no SST CLI.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { TABLE, keyAttributes } from '#db/table';
import { QUEUES, QUEUE_NAMES, dlqResourceName, type QueueName } from '#queue/queues';
import { ensureQueues, ensureTable } from '#local/provision';
import { VENDOR_FILES } from '../../functions/console/vendor-files';
import { EVIDENCE_PREFIX, INCOMING_PREFIX, evidenceKey, incomingKey } from '#files/keys';
import { BUNDLED_ASSET_DIR, MANIFEST, type AssetManifest } from '../../functions/console/asset-manifest';
import { PAGE_SCRIPTS } from '../../functions/console/shared/scripts';
import { EVIDENCE_CORS } from '#files/cors';
import { readFileSync } from 'node:fs';
import { createApp } from '../../functions/api/app';
import type { Deps } from '#runtime/deps';
import { PUBLIC_WRITES_PER_ADDRESS, PUBLIC_WRITE_PATH_REGEX, RATE_WINDOW_SEC } from '../../infra/waf';
import { FUNCTION_DEFAULTS } from '../../infra/defaults';

const ROOT = resolve(__dirname, '../..');

// ---------------------------------------------------------------------------------------------
// Recorders standing in for SST's globals.

interface Subscription {
  subscriber: unknown;
  args: any;
}

interface Recorded {
  kind: string;
  name: string;
  args: any;
  opts: unknown;
  subscriptions: Subscription[];
  routes: { pattern: string; target: unknown }[];
  instance: any;
}

const recorded: Recorded[] = [];
const transforms: unknown[] = [];

function recorder(kind: string) {
  return class Fake {
    readonly arn: string;
    readonly url: string;
    readonly name: string;
    readonly value: string;
    readonly rec: Recorded;
    constructor(name: string, args?: unknown, opts?: unknown) {
      this.arn = `arn:fake:${kind}:${name}`;
      this.url = `https://fake.invalid/${kind}/${name}`;
      this.name = `fake-${name}`;
      this.value = `fake-value-${name}`;
      this.rec = { kind, name, args, opts, subscriptions: [], routes: [], instance: this };
      recorded.push(this.rec);
    }
    subscribe(subscriber: unknown, args?: unknown) {
      this.rec.subscriptions.push({ subscriber, args });
      return { subscriber, args };
    }
    route(pattern: string, target: unknown) {
      this.rec.routes.push({ pattern, target });
    }
  };
}

/** `sst.aws.X` / `sst.X`: any component name yields a (cached) recording constructor. */
function namespace(prefix: string, extra: Record<string, unknown> = {}) {
  const cache = new Map<string, unknown>();
  return new Proxy(extra, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      if (key in target) return target[key];
      if (!cache.has(key)) cache.set(key, recorder(`${prefix}.${key}`));
      return cache.get(key);
    },
  });
}

const FAKE_GLOBALS: Record<string, unknown> = {
  $config: (config: unknown) => config,
  $app: { name: 'gongfu-qingdao', stage: 'contract-test' },
  $dev: false,
  $interpolate: (literals: TemplateStringsArray, ...values: unknown[]) => String.raw(literals, ...values),
  $resolve: (value: unknown) => value,
  $jsonStringify: (value: unknown) => JSON.stringify(value),
  $transform: (component: unknown, cb: unknown) => transforms.push({ component, cb }),
  sst: namespace('sst', { aws: namespace('sst.aws') }),
  aws: namespace('aws', { s3: namespace('aws.s3'), sns: namespace('aws.sns'), cloudwatch: namespace('aws.cloudwatch'), cloudfront: namespace('aws.cloudfront') }),
};

const g = globalThis as Record<string, unknown>;
const saved = new Map<string, PropertyDescriptor | undefined>();

// ---------------------------------------------------------------------------------------------
// Helpers over the recording.

const of = (kind: string) => recorded.filter((r) => r.kind === kind);
const queuesRec = () => of('sst.aws.Queue');
const byName = (kind: string, name: string) => {
  const hits = of(kind).filter((r) => r.name === name);
  expect(hits, `${kind} "${name}" declared exactly once`).toHaveLength(1);
  return hits[0]!;
};

/** SST duration string ("90 seconds", "2 minutes", "1 hour") → seconds. */
function toSeconds(d: unknown): number {
  const m = /^(\d+(?:\.\d+)?)\s*(second|minute|hour|day)s?$/.exec(String(d));
  if (!m) throw new Error(`not an SST duration: ${String(d)}`);
  return Number(m[1]) * { second: 1, minute: 60, hour: 3600, day: 86400 }[m[2] as 'second'];
}

/** Normalizes a subscriber / job argument (string or FunctionArgs) to FunctionArgs. */
const fnArgs = (s: unknown): any => (typeof s === 'string' ? { handler: s } : s);

interface HandlerRef {
  where: string;
  handler: string;
}

function allHandlerRefs(): HandlerRef[] {
  const refs: HandlerRef[] = [];
  for (const q of queuesRec()) {
    for (const s of q.subscriptions) refs.push({ where: `subscriber of ${q.name}`, handler: fnArgs(s.subscriber).handler });
  }
  for (const f of of('sst.aws.Function')) refs.push({ where: `function ${f.name}`, handler: f.args.handler });
  for (const c of of('sst.aws.Cron')) refs.push({ where: `cron ${c.name}`, handler: fnArgs(c.args.function ?? c.args.job).handler });
  for (const a of of('sst.aws.Auth')) refs.push({ where: `auth ${a.name}`, handler: fnArgs(a.args.issuer).handler });
  return refs;
}

/** Every function-like thing infra declares, with its FunctionArgs. */
function allFunctions(): { where: string; args: any }[] {
  return [
    ...queuesRec().flatMap((q) => q.subscriptions.map((s) => ({ where: `subscriber of ${q.name}`, args: fnArgs(s.subscriber) }))),
    ...of('sst.aws.Function').map((f) => ({ where: `function ${f.name}`, args: f.args })),
    ...of('sst.aws.Cron').map((c) => ({ where: `cron ${c.name}`, args: fnArgs(c.args.function ?? c.args.job) })),
    ...of('sst.aws.Auth').map((a) => ({ where: `auth ${a.name}`, args: fnArgs(a.args.issuer) })),
  ];
}

const splitHandler = (h: string) => {
  const dot = h.lastIndexOf('.');
  return { path: h.slice(0, dot), exportName: h.slice(dot + 1) };
};

// ---------------------------------------------------------------------------------------------

let config: any;
let outputs: any;

beforeAll(async () => {
  for (const [key, value] of Object.entries(FAKE_GLOBALS)) {
    saved.set(key, Object.getOwnPropertyDescriptor(g, key));
    Object.defineProperty(g, key, { value, configurable: true, writable: true });
  }
  config = (await import('../../sst.config')).default;
  outputs = await config.run();
});

afterAll(() => {
  for (const [key, desc] of saved) {
    if (desc) Object.defineProperty(g, key, desc);
    else delete g[key];
  }
});

describe('sst.config.ts app()', () => {
  it.each(['production', 'prod'])('retains resources on stage %s', (stage) => {
    const app = config.app({ stage });
    expect(app.removal).toBe('retain');
    expect(app.name).toBe('gongfu-qingdao');
    expect(app.home).toBe('aws');
  });

  it('removes resources on other stages', () => {
    expect(config.app({ stage: 'dev' }).removal).toBe('remove');
    expect(config.app({ stage: 'alice' }).removal).toBe('remove');
  });

  it('run() outputs the router url, the API url and the sign-in server url', () => {
    expect(outputs.url).toBe(byName('sst.aws.Router', 'Web').instance.url);
    expect(outputs.api).toBe(byName('sst.aws.Function', 'Api').instance.url);
    expect(outputs.auth).toBe(byName('sst.aws.Auth', 'Auth').instance.url);
  });
});

describe('handlers', () => {
  it('infra references the expected handlers, one consumer per queue', () => {
    const refs = allHandlerRefs().map((r) => r.handler).sort();
    expect(refs).toEqual(
      [
        ...QUEUE_NAMES.map((q) => QUEUES[q].handler),
        'functions/api/handler.handler',
        'functions/auth/handler.handler',
        'functions/console/handler.handler',
        'functions/reconcile/handler.handler',
      ].sort(),
    );
  });

  it('every referenced handler file exists and exports the named function', async () => {
    const refs = allHandlerRefs();
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const { path, exportName } = splitHandler(ref.handler);
      const file = resolve(ROOT, `${path}.ts`);
      expect(existsSync(file), `${ref.where}: ${path}.ts exists`).toBe(true);
      const mod = await import(file);
      expect(typeof mod[exportName], `${ref.where}: ${path}.ts exports function "${exportName}"`).toBe('function');
    }
  });

  it('each queue consumer on Lambda is the one the local pollers run', async () => {
    const { CONSUMERS } = await import('../../functions/consumers');
    for (const q of QUEUE_NAMES) {
      const mod = await import(resolve(ROOT, `${splitHandler(QUEUES[q].handler).path}.ts`));
      expect(mod.createHandler, `${q}: createHandler`).toBe(CONSUMERS[q]);
    }
  });
});

describe('queues', () => {
  it('declares exactly one queue and one DLQ per QUEUES entry, under the names code reads', () => {
    const declared = queuesRec().map((r) => r.name).sort();
    expect(declared).toEqual(QUEUE_NAMES.flatMap((q) => [QUEUES[q].resource, dlqResourceName(q)]).sort());
  });

  it.each(QUEUE_NAMES)('%s: DLQ with retry = maxReceiveCount, visibility timeout as declared', (q) => {
    const def = QUEUES[q];
    const main = byName('sst.aws.Queue', def.resource);
    const dlq = byName('sst.aws.Queue', dlqResourceName(q));
    expect(main.args?.dlq, `${def.resource} has a DLQ`).toBeTypeOf('object');
    expect(main.args.dlq.queue).toBe(dlq.instance.arn);
    expect(main.args.dlq.retry).toBe(def.maxReceiveCount);
    expect(toSeconds(main.args.visibilityTimeout)).toBe(def.visibilityTimeoutSec);
    expect(dlq.args?.dlq, 'a DLQ has no DLQ of its own').toBeUndefined();
    expect(dlq.subscriptions, 'nothing consumes the DLQ').toHaveLength(0);
  });

  it.each(QUEUE_NAMES)('%s: one subscriber, batch size as declared, partial responses, timeout < visibility', (q) => {
    const def = QUEUES[q];
    const main = byName('sst.aws.Queue', def.resource);
    expect(main.subscriptions).toHaveLength(1);
    const sub = main.subscriptions[0]!;
    expect(fnArgs(sub.subscriber).handler).toBe(def.handler);
    expect(sub.args?.batch?.size).toBe(def.batchSize);
    expect(sub.args?.batch?.partialResponses).toBe(true);
    const timeout = fnArgs(sub.subscriber).timeout;
    expect(timeout, 'subscriber sets an explicit timeout').toBeDefined();
    expect(toSeconds(timeout)).toBeLessThan(def.visibilityTimeoutSec);
  });
});

describe('links and function settings', () => {
  it('every function links the table, every workflow queue and both secrets (lambdaDeps reads them all)', () => {
    const table = byName('sst.aws.Dynamo', 'Table').instance;
    const bucket = byName('sst.aws.Bucket', 'Evidence').instance;
    const authSecret = byName('sst.Secret', 'AuthSecret').instance;
    const openai = byName('sst.Secret', 'OpenAIApiKey').instance;
    const mains = QUEUE_NAMES.map((q) => byName('sst.aws.Queue', QUEUES[q].resource).instance);
    const fns = allFunctions();
    // One consumer per queue, plus the API, the console, the reconciler and the sign-in server.
    expect(fns).toHaveLength(QUEUE_NAMES.length + 4);
    for (const f of fns) {
      const link: unknown[] = f.args.link ?? [];
      for (const needed of [table, bucket, authSecret, openai, ...mains]) {
        expect(link.includes(needed), `${f.where} links ${needed.name}`).toBe(true);
      }
      expect(f.args.environment?.STAGE, `${f.where} gets STAGE`).toBe('contract-test');
      // SST imports this file for esbuild plugins; the cold-start benchmark bundles with the same one.
      expect(existsSync(resolve(ROOT, f.args.nodejs?.plugins ?? '')), `${f.where} esbuild plugins file exists`).toBe(true);
    }
  });

  it('AuthSecret must be set per stage; OpenAIApiKey has a placeholder default', () => {
    expect(byName('sst.Secret', 'AuthSecret').args).toBeUndefined();
    expect(byName('sst.Secret', 'OpenAIApiKey').args).toBe('unset');
  });

  it('the console is a URL function shipping every vendor asset under vendor/<pkg>/<file>', () => {
    const web = byName('sst.aws.Function', 'Console').args;
    expect(web.url).toBe(true);
    const vendor = (web.copyFiles as { from: string; to: string }[]).filter((f) => f.to.startsWith('vendor/'));
    expect(vendor).toEqual(
      VENDOR_FILES.map(({ pkg, file }) => ({ from: `node_modules/${pkg}/${file}`, to: `vendor/${pkg}/${file}` })),
    );
    for (const { from } of web.copyFiles as { from: string }[]) expect(existsSync(resolve(ROOT, from)), `${from} exists`).toBe(true);
  });

  it('the deploy builds the browser code and ships it beside the console, not in the API function', async () => {
    const web = byName('sst.aws.Function', 'Console').args;
    const assets = (web.copyFiles as { from: string; to: string }[]).filter((f) => f.to === BUNDLED_ASSET_DIR);
    expect(assets, `one copyFiles entry to ${BUNDLED_ASSET_DIR}/`).toHaveLength(1);
    // run() built it: the manifest names a hashed module for every page script, and each file is there.
    const dir = resolve(ROOT, assets[0]!.from);
    const manifest = JSON.parse(readFileSync(resolve(dir, MANIFEST), 'utf8')) as AssetManifest;
    expect(Object.keys(manifest.scripts).sort()).toEqual([...PAGE_SCRIPTS].sort());
    for (const { src, preload } of Object.values(manifest.scripts)) {
      expect(src).toMatch(/^\/assets\/[\w-]+-[A-Z0-9]{8}\.js$/);
      for (const url of [src, ...preload]) expect(existsSync(resolve(dir, url.slice('/assets/'.length))), `${url} built`).toBe(true);
    }
    expect(existsSync(resolve(dir, manifest.favicon.slice('/assets/'.length)))).toBe(true);
    // The API function ships no page assets: its only file is the PDFs' font, which must be there.
    const apiFiles = byName('sst.aws.Function', 'Api').args.copyFiles as { from: string; to: string }[];
    expect(apiFiles).toEqual([{ from: 'assets/fonts/NotoSansSC-GB2312.ttf', to: 'fonts/NotoSansSC-GB2312.ttf' }]);
    for (const f of apiFiles) expect(existsSync(resolve(ROOT, f.from)), f.from).toBe(true);
  });

  it('one router sends /v1 to the API, /auth to the sign-in server and everything else to the console', () => {
    const router = byName('sst.aws.Router', 'Web');
    expect(byName('sst.aws.Function', 'Api').args.url).toBe(true);
    expect(router.routes).toEqual([
      { pattern: '/v1', target: byName('sst.aws.Function', 'Api').instance.url },
      { pattern: '/auth', target: byName('sst.aws.Auth', 'Auth').instance.url },
      { pattern: '/', target: byName('sst.aws.Function', 'Console').instance.url },
    ]);
  });

  it('the sign-in server is sst.aws.Auth (its own DynamoDB storage) and the API links it to find the JWKS', () => {
    const authRec = byName('sst.aws.Auth', 'Auth');
    const issuer = fnArgs(authRec.args.issuer);
    // OpenAuth's storage comes from the component (OPENAUTH_STORAGE); infra must not override it.
    expect(issuer.environment?.OPENAUTH_STORAGE).toBeUndefined();
    const api = byName('sst.aws.Function', 'Api').args;
    expect(api.link).toContain(authRec.instance);
    // lambdaDeps reads the issuer's url from that link (Resource.Auth.url).
    expect(authRec.name).toBe('Auth');
  });

  it('only the functions that send codes or invitations may use SES and SNS, and they deliver through AWS', () => {
    const senders = new Map([
      ['auth Auth', fnArgs(byName('sst.aws.Auth', 'Auth').args.issuer)],
      ['function Api', byName('sst.aws.Function', 'Api').args],
    ]);
    for (const [where, args] of senders) {
      const actions = (args.permissions ?? []).flatMap((p: { actions: string[] }) => p.actions);
      expect(actions, where).toEqual(expect.arrayContaining(['ses:SendEmail', 'sns:Publish']));
      expect(args.environment?.CODE_DELIVERY, where).toBe('aws');
    }
    for (const f of allFunctions().filter((f) => !senders.has(f.where))) {
      expect(f.args.permissions, `${f.where} has no delivery permissions`).toBeUndefined();
      expect(f.args.environment?.CODE_DELIVERY, f.where).toBeUndefined();
    }
  });

  it('the SES and SNS clients deploy beside the bundles, as the notifier loads them on first send', () => {
    for (const f of allFunctions()) expect(f.args.nodejs?.install, f.where).toEqual(expect.arrayContaining(['@aws-sdk/client-sesv2', '@aws-sdk/client-sns']));
  });

  it('the reconciler runs on a schedule', () => {
    const cron = byName('sst.aws.Cron', 'Reconciler').args;
    expect(cron.schedule).toMatch(/^(rate|cron)\(.+\)$/);
  });

  it('the reconciler alone links the dead-letter queues, under the names lambdaDeps looks for', () => {
    const dlqs = QUEUE_NAMES.map((q) => byName('sst.aws.Queue', dlqResourceName(q)).instance);
    const reconcilerLinks: unknown[] = fnArgs(byName('sst.aws.Cron', 'Reconciler').args.function).link;
    for (const d of dlqs) expect(reconcilerLinks.includes(d), `reconciler links ${d.name}`).toBe(true);
    for (const f of allFunctions().filter((f) => !f.where.startsWith('cron')))
      expect((f.args.link ?? []).some((l: unknown) => dlqs.includes(l as never)), `${f.where} links no DLQ`).toBe(false);
  });
});

describe('table', () => {
  it('the Dynamo declaration equals TABLE', () => {
    expect(of('sst.aws.Dynamo')).toHaveLength(1);
    const args = byName('sst.aws.Dynamo', 'Table').args;
    expect(args.fields).toEqual(Object.fromEntries(keyAttributes().map((k) => [k, 'string'])));
    expect(args.primaryIndex).toEqual({ hashKey: TABLE.partitionKey, rangeKey: TABLE.sortKey });
    expect(Object.keys(args.globalIndexes ?? {}).sort()).toEqual(Object.keys(TABLE.indexes).sort());
    for (const [name, idx] of Object.entries(TABLE.indexes)) {
      expect(args.globalIndexes[name]).toMatchObject({ hashKey: idx.partitionKey, rangeKey: idx.sortKey });
    }
    expect(args.ttl).toBe(TABLE.ttlAttribute);
  });

  it('can be restored to any point of the last 35 days on every stage, and cannot be deleted in production', async () => {
    expect(byName('sst.aws.Dynamo', 'Table').args.transform.table).toEqual({ pointInTimeRecovery: { enabled: true }, deletionProtectionEnabled: false });
    const { tableProtection } = await import('../../infra/storage');
    expect(tableProtection('production').deletionProtectionEnabled).toBe(true);
    expect(tableProtection('prod').deletionProtectionEnabled).toBe(true);
    expect(tableProtection('alice').pointInTimeRecovery.enabled).toBe(true);
  });
});

describe('evidence bucket', () => {
  it('is private: no public access, every public-access block on, no public policy', () => {
    const b = byName('sst.aws.Bucket', 'Evidence').args;
    expect(b.access, 'no public or CloudFront access').toBeUndefined();
    expect(b.public).toBeUndefined();
    expect(b.transform.publicAccessBlock).toEqual({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    // Presigned URLs carry only GET and PUT.
    expect(b.cors.allowMethods).toEqual(['GET', 'PUT']);
    // The same rule the local S3 answers preflights by (packages/local/s3-cors.ts).
    expect(b.cors.allowHeaders).toEqual([...EVIDENCE_CORS.allowHeaders]);
  });

  it('is encrypted at rest with KMS by default', () => {
    const enc = byName('aws.s3.BucketServerSideEncryptionConfiguration', 'EvidenceEncryption').args;
    expect(enc.bucket).toBe(byName('sst.aws.Bucket', 'Evidence').instance.name);
    expect(enc.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm).toBe('aws:kms');
  });

  it('lifecycle rules match the keys the code writes: unverified uploads expire, evidence is archived, never expired', () => {
    const lc = byName('aws.s3.BucketLifecycleConfiguration', 'EvidenceLifecycle').args;
    expect(lc.bucket).toBe(byName('sst.aws.Bucket', 'Evidence').instance.name);
    const rules = lc.rules as any[];
    expect(rules.every((r) => r.status === 'Enabled')).toBe(true);
    expect(rules.some((r) => r.abortIncompleteMultipartUpload?.daysAfterInitiation >= 1)).toBe(true);
    const incoming = rules.find((r) => incomingKey('app', 'ev').startsWith(r.filter.prefix) && r.expiration);
    expect(incoming?.filter.prefix).toBe(INCOMING_PREFIX);
    expect(incoming.expiration.days).toBeGreaterThanOrEqual(1);
    const kept = rules.filter((r) => evidenceKey('rnd', 'app', 'ev').startsWith(r.filter.prefix));
    expect(kept.some((r) => r.filter.prefix === EVIDENCE_PREFIX && r.transitions?.length)).toBe(true);
    expect(kept.every((r) => !r.expiration), 'verified evidence is never expired').toBe(true);
  });

  it('code reads the bucket through its link (Resource.Evidence.name)', () => {
    expect(readFileSync(resolve(ROOT, 'packages/runtime/lambda.ts'), 'utf8')).toContain('linked.Evidence!.name');
  });
});

describe('the local runtime creates what infra deploys', () => {
  it('ensureQueues: same queues, redrive maxReceiveCount = DLQ retry, same visibility and DLQ retention', async () => {
    const created: Record<string, Record<string, string>> = {};
    const arnOf = (url: string) => `arn:local:${url}`;
    const sqs = {
      send: async (cmd: unknown) => {
        if (cmd instanceof CreateQueueCommand) {
          created[cmd.input.QueueName!] = cmd.input.Attributes ?? {};
          return { QueueUrl: `http://sqs.local/${cmd.input.QueueName}` };
        }
        if (cmd instanceof GetQueueAttributesCommand) return { Attributes: { QueueArn: arnOf(cmd.input.QueueUrl!) } };
        throw new Error(`unexpected SQS command ${(cmd as object).constructor.name}`);
      },
    } as unknown as SQSClient;

    const prefix = 'pfx';
    await ensureQueues(sqs, prefix);

    const names = Object.keys(created).map((n) => n.slice(prefix.length + 1));
    const mains = names.filter((n) => !n.endsWith('-dlq')).sort();
    const dlqNames = names.filter((n) => n.endsWith('-dlq')).map((n) => n.slice(0, -'-dlq'.length)).sort();
    // Local queues are named by QueueName; infra's by resource: map infra's back through QUEUES.
    const infraMains = queuesRec()
      .map((r) => QUEUE_NAMES.find((q) => QUEUES[q].resource === r.name))
      .filter((q): q is QueueName => q !== undefined)
      .sort();
    const infraDlqs = queuesRec()
      .map((r) => QUEUE_NAMES.find((q) => dlqResourceName(q) === r.name))
      .filter((q): q is QueueName => q !== undefined)
      .sort();
    expect(mains).toEqual([...QUEUE_NAMES].sort());
    expect(mains).toEqual(infraMains);
    expect(dlqNames).toEqual(infraDlqs);

    for (const q of QUEUE_NAMES) {
      const main = byName('sst.aws.Queue', QUEUES[q].resource).args;
      const dlq = byName('sst.aws.Queue', dlqResourceName(q)).args;
      const attrs = created[`${prefix}-${q}`]!;
      const redrive = JSON.parse(attrs.RedrivePolicy!);
      expect(Number(redrive.maxReceiveCount), `${q} maxReceiveCount`).toBe(main.dlq.retry);
      expect(redrive.deadLetterTargetArn, `${q} redrives to its own DLQ`).toBe(arnOf(`http://sqs.local/${prefix}-${q}-dlq`));
      expect(Number(attrs.VisibilityTimeout), `${q} visibility`).toBe(toSeconds(main.visibilityTimeout));
      expect(Number(created[`${prefix}-${q}-dlq`]!.MessageRetentionPeriod), `${q} DLQ retention`).toBe(
        dlq.transform?.queue?.messageRetentionSeconds,
      );
    }
  });

  it('ensureTable: same keys, attribute types, GSIs (all-projected) and TTL', async () => {
    let create: CreateTableCommand['input'] | undefined;
    let ttl: UpdateTimeToLiveCommand['input'] | undefined;
    const ddb = {
      send: async (cmd: unknown) => {
        if (cmd instanceof CreateTableCommand) create = cmd.input;
        else if (cmd instanceof UpdateTimeToLiveCommand) ttl = cmd.input;
        else if (!(cmd instanceof DescribeTableCommand)) throw new Error(`unexpected DynamoDB command ${(cmd as object).constructor.name}`);
        return {};
      },
    } as unknown as DynamoDBClient;

    await ensureTable(ddb, 'contract');
    const infra = byName('sst.aws.Dynamo', 'Table').args;
    const sstType = { string: 'S', number: 'N', binary: 'B' } as const;

    expect(
      Object.fromEntries((create!.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType])),
    ).toEqual(Object.fromEntries(Object.entries(infra.fields as Record<string, keyof typeof sstType>).map(([k, t]) => [k, sstType[t]])));

    const keys = (schema: { AttributeName?: string; KeyType?: string }[] | undefined) => ({
      hashKey: schema?.find((k) => k.KeyType === 'HASH')?.AttributeName,
      rangeKey: schema?.find((k) => k.KeyType === 'RANGE')?.AttributeName,
    });
    expect(keys(create!.KeySchema)).toEqual(infra.primaryIndex);

    const localGsis = Object.fromEntries(
      (create!.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, { ...keys(i.KeySchema), projection: i.Projection?.ProjectionType }]),
    );
    const infraGsis = Object.fromEntries(
      Object.entries(infra.globalIndexes as Record<string, any>).map(([name, i]) => [
        name,
        // SST projects all attributes unless told otherwise.
        { hashKey: i.hashKey, rangeKey: i.rangeKey, projection: i.projection === 'keys-only' ? 'KEYS_ONLY' : Array.isArray(i.projection) ? 'INCLUDE' : 'ALL' },
      ]),
    );
    expect(localGsis).toEqual(infraGsis);

    expect(ttl?.TimeToLiveSpecification).toEqual({ AttributeName: infra.ttl, Enabled: true });
  });
});

describe('SST 4 on the AWS provider v7', () => {
  it('every function runs on nodejs24.x, the Node major npm test itself runs on', () => {
    const fns = allFunctions();
    expect(fns).toHaveLength(QUEUE_NAMES.length + 4);
    for (const f of fns) expect(f.args.runtime, f.where).toBe('nodejs24.x');
    expect(FUNCTION_DEFAULTS.runtime).toBe(`nodejs${process.versions.node.split('.')[0]}.x`);
  });

  it('S3 resources use the provider v7 names: nothing declared under a V2 name', () => {
    const kinds = [...new Set(recorded.map((r) => r.kind))];
    expect(kinds.filter((k) => /V2$/.test(k))).toEqual([]);
    expect(kinds).toEqual(expect.arrayContaining(['aws.s3.BucketServerSideEncryptionConfiguration', 'aws.s3.BucketLifecycleConfiguration']));
  });

  it("the evidence bucket's lifecycle is our resource alone, not also the Bucket's own (a bucket holds one)", () => {
    expect(byName('sst.aws.Bucket', 'Evidence').args.lifecycle).toBeUndefined();
    expect(of('aws.s3.BucketLifecycleConfiguration')).toHaveLength(1);
  });
});

describe('AWS WAF on the router', () => {
  /** What SST 4 builds the web ACL from after our transform ran over its defaults. */
  const webAclRules = () => {
    const router = byName('sst.aws.Router', 'Web').args;
    const args: { rules?: unknown } = { rules: [{ name: 'RateLimitPerIP' }, { name: 'AWSManagedRulesSQLiRuleSet' }] };
    router.transform.waf(args, {}, 'WebWaf');
    return args.rules as any[];
  };
  const rule = (name: string) => {
    const hit = webAclRules().find((r) => r.name === name);
    expect(hit, `rule ${name}`).toBeDefined();
    return hit;
  };
  const rateLimited = (path: string) => new RegExp(PUBLIC_WRITE_PATH_REGEX).test(path);

  it('the router has WAF on, with exactly the per-address write limit and the common rule set, in that order', () => {
    expect(byName('sst.aws.Router', 'Web').args.waf).toBe(true);
    const rules = webAclRules();
    expect(rules.map((r) => r.name)).toEqual(['PublicWritesPerAddress', 'AWSManagedRulesCommonRuleSet']);
    expect(rules.map((r) => r.priority)).toEqual([0, 1]);
    for (const r of rules) expect(r.visibilityConfig).toEqual({ cloudwatchMetricsEnabled: true, metricName: r.name, sampledRequestsEnabled: true });
  });

  it('counts requests per client address over five minutes on the public write routes, answering 429 past the limit', () => {
    const r = rule('PublicWritesPerAddress');
    expect(r.action).toEqual({ block: { customResponse: { responseCode: 429 } } });
    const rate = r.statement.rateBasedStatement;
    expect(rate).toMatchObject({ aggregateKeyType: 'IP', limit: PUBLIC_WRITES_PER_ADDRESS, evaluationWindowSec: RATE_WINDOW_SEC });
    expect(RATE_WINDOW_SEC).toBe(300);
    // WAF's floor for a rate-based rule is 10 requests per window.
    expect(rate.limit).toBeGreaterThanOrEqual(10);
    const match = rate.scopeDownStatement.regexMatchStatement;
    expect(match.fieldToMatch).toEqual({ uriPath: {} });
    expect(match.regexString).toBe(PUBLIC_WRITE_PATH_REGEX);
    // WAF regexes: at most 512 characters, no capturing groups.
    expect(match.regexString.length).toBeLessThanOrEqual(512);
    expect(match.regexString).not.toContain('(');
    expect(match.textTransformations.map((t: { type: string }) => t.type)).toEqual(['URL_DECODE', 'NORMALIZE_PATH']);
  });

  it.each([
    '/v1/public/notices/rnd_2026/objections',
    '/v1/public/roadshows/rs_01/registrations',
    '/v1/scenarios/sc_01/proposals',
    '/v1/public/directory/search',
    '/auth/code/authorize',
    '/auth/code/callback',
  ])('limits %s', (path) => expect(rateLimited(path)).toBe(true));

  it.each([
    '/',
    '/v1/public/notices/rnd_2026',
    '/v1/scenarios',
    '/v1/scenarios/sc_01',
    '/v1/openapi.json',
    '/auth/authorize',
    '/auth/token',
    '/auth/.well-known/jwks.json',
    '/v1/public/notices//objections',
  ])('leaves %s to the service (reading, tokens, pages)', (path) => expect(rateLimited(path)).toBe(false));

  it('every public POST route the API declares falls under the limit', () => {
    const doc = createApp({} as Deps).getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'contract', version: '1' } });
    const publicPosts = Object.entries(doc.paths ?? {})
      .filter(([path, ops]) => path.startsWith('/v1/public/') && ops?.post && !ops.post.security?.length)
      .map(([path]) => path.replace(/\{[^}]+\}/g, 'id_1'));
    expect(publicPosts.length).toBeGreaterThan(0);
    for (const path of publicPosts) expect(rateLimited(path), path).toBe(true);
  });

  it('runs the AWS managed common rule set, overriding only its body-size rule to count', () => {
    const r = rule('AWSManagedRulesCommonRuleSet');
    expect(r.overrideAction).toEqual({ none: {} });
    expect(r.statement.managedRuleGroupStatement).toEqual({
      vendorName: 'AWS',
      name: 'AWSManagedRulesCommonRuleSet',
      ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
    });
  });
});
