/**
 * Both deployment profiles synthesized offline (sst.config.ts and infra/* with SST's globals
 * recorded, test/support/sst-recorder.ts): ARNs in the right partition, nothing the China table
 * records as unavailable used in the China profile, an alarm for every queue and function, six
 * months' retention on every log group, and a China deploy that stops before anything exists when a
 * required setting is missing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { QUEUES, QUEUE_NAMES, dlqResourceName } from '#queue/queues';
import { CHINA_AVAILABILITY, usableInChina, type Feature } from '../../infra/china-availability';
import { CHINA_REQUIRED, LOG_RETENTION, ProfileError } from '../../infra/profile';
import { alarmMetrics } from '#cost/projection';
import { installSstRecorder, type Recorded, type Recording } from '../support/sst-recorder';

const ROOT = resolve(__dirname, '../..');

const CHINA_ENV = {
  GONGFU_AWS_REGION: 'cn-north-1',
  GONGFU_ICP_DOMAIN: 'gongfu.qingdao.example.cn',
  GONGFU_IAM_CERTIFICATE_ID: 'ASCA0000000000EXAMPLE',
  GONGFU_SMS_SDK_APP_ID: '1400000000',
  GONGFU_SMS_SIGN_NAME: '工赋青岛',
  GONGFU_SMS_TEMPLATE_SIGNIN: '2000001',
  GONGFU_SMTP_HOST: 'smtp.qingdao.example.cn',
  GONGFU_MAIL_FROM: 'noreply@qingdao.example.cn',
  GONGFU_ALARM_EMAIL: 'ops@qingdao.example.cn',
};
const GLOBAL_ENV = { GONGFU_ALARM_EMAIL: 'ops@example.com' };

interface Synth {
  recording: Recording;
  outputs: any;
  partition: string;
}

/** Evaluates sst.config.ts's run() afresh under `env` (only GONGFU_* settings are replaced). */
async function synthesize(env: Record<string, string>, partition: string): Promise<Synth> {
  const saved = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('GONGFU_')).map((k) => [k, process.env[k]]));
  for (const k of Object.keys(saved)) delete process.env[k];
  Object.assign(process.env, env);
  vi.resetModules();
  const { recording, restore } = installSstRecorder({ partition });
  try {
    const config = (await import('../../sst.config')).default;
    return { recording, outputs: await config.run(), partition };
  } finally {
    restore();
    for (const k of Object.keys(env)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

const fnArgs = (s: unknown): any => (typeof s === 'string' ? { handler: s } : s);

/** Every function infra declares: its args and the name CloudWatch knows it by. */
function functionsOf(r: Recording): { where: string; args: any; name: string }[] {
  return [
    ...r.of('sst.aws.Queue').flatMap((q) => q.subscriptions.map((s) => ({ where: `subscriber of ${q.name}`, args: fnArgs(s.subscriber), name: s.result.nodes.function.name }))),
    ...r.of('sst.aws.Function').map((f) => ({ where: `function ${f.name}`, args: f.args, name: f.instance.name })),
    ...r.of('sst.aws.Cron').map((c) => ({ where: `cron ${c.name}`, args: fnArgs(c.args.function), name: c.instance.name })),
    ...r.of('sst.aws.Auth').map((a) => ({ where: `auth ${a.name}`, args: fnArgs(a.args.issuer), name: a.instance.name })),
  ];
}

/** Every string anywhere in a value (args are nested objects and arrays). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object' && !(v as { rec?: unknown }).rec) Object.values(v).forEach((x) => strings(x, out));
  return out;
}

/** Which rows of the China table a recording uses. */
function featuresUsed(r: Recording): Set<Feature> {
  const used = new Set<Feature>();
  for (const f of functionsOf(r)) {
    if (f.args.url) used.add('lambdaFunctionUrl');
    const actions: string[] = (f.args.permissions ?? []).flatMap((p: { actions: string[] }) => p.actions);
    if (actions.some((a) => a.startsWith('ses:'))) used.add('ses');
    if (actions.includes('sns:Publish') || f.args.environment?.CODE_DELIVERY === 'aws') used.add('snsSms');
    if (f.args.environment?.CODE_DELIVERY === 'aws') used.add('ses');
    used.add('lambda');
  }
  // sst.aws.Auth gives its issuer a function URL; sst.aws.Router routes with CloudFront Functions and a KeyValueStore.
  if (r.of('sst.aws.Auth').length) used.add('lambdaFunctionUrl');
  if (r.of('sst.aws.Router').length) used.add('cloudfront').add('cloudfrontFunctionsKvs');
  if (r.of('aws.cloudfront.Function').length || r.of('aws.cloudfront.KeyValueStore').length) used.add('cloudfrontFunctionsKvs');
  for (const d of r.of('aws.cloudfront.Distribution')) {
    used.add('cloudfront');
    if (d.args.defaultCacheBehavior?.functionAssociations?.length || d.args.defaultCacheBehavior?.lambdaFunctionAssociations?.length) used.add('cloudfrontFunctionsKvs');
    if (d.args.webAclId) used.add('wafOnCloudFront');
  }
  for (const w of [...r.of('aws.wafv2.WebAcl')]) if (String(w.args?.scope).toUpperCase() === 'CLOUDFRONT') used.add('wafOnCloudFront');
  if (r.of('sst.aws.ApiGatewayV2').length) used.add('apiGatewayHttp');
  if (r.of('aws.cloudwatch.MetricAlarm').length || r.of('aws.cloudwatch.Dashboard').length) used.add('cloudwatch');
  if (r.of('aws.sns.TopicSubscription').length) used.add('snsEmail');
  if (r.of('sst.aws.Cron').length) used.add('eventbridgeSchedule');
  if (r.of('sst.aws.Queue').length) used.add('sqs');
  if (r.of('sst.aws.Dynamo').length) used.add('dynamodb');
  if (r.of('sst.aws.Bucket').length) used.add('s3Presign');
  return used;
}

const alarmsOf = (r: Recording) => r.of('aws.cloudwatch.MetricAlarm');
const dimensionOf = (a: Recorded, key: string) => a.args.dimensions?.[key];

const profiles: { name: string; env: Record<string, string>; partition: string; synth?: Synth }[] = [
  { name: 'global', env: GLOBAL_ENV, partition: 'aws' },
  { name: 'china', env: CHINA_ENV, partition: 'aws-cn' },
];

beforeAll(async () => {
  for (const p of profiles) p.synth = await synthesize(p.env, p.partition);
}, 120_000);

describe.each(profiles)('the $name profile', (p) => {
  const rec = () => p.synth!.recording;

  it('builds every ARN from its partition: the recorded resources hold no ARN of another partition', () => {
    const arns = rec().resources.flatMap((r) => strings(r.args)).filter((s) => /^arn:/.test(s));
    expect(arns.length, 'the check sees ARNs at all').toBeGreaterThan(0);
    for (const a of arns) expect(a, a).toMatch(new RegExp(`^arn:${p.partition}:`));
  });

  it('every function has an errors alarm and a throttles alarm on its own name', () => {
    const fns = functionsOf(rec());
    expect(fns).toHaveLength(QUEUE_NAMES.length + 4);
    for (const f of fns) {
      for (const metric of ['Errors', 'Throttles']) {
        const hits = alarmsOf(rec()).filter((a) => a.args.metricName === metric && dimensionOf(a, 'FunctionName') === f.name);
        expect(hits.length, `${f.where}: ${metric} alarm`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('every dead-letter queue alarms on depth > 0 and every queue on the age of its oldest message', () => {
    const queueName = (resource: string) => {
      const q = rec().of('sst.aws.Queue').find((r) => r.name === resource)!;
      return q.instance.url.slice(q.instance.url.lastIndexOf('/') + 1);
    };
    for (const q of QUEUE_NAMES) {
      const depth = alarmsOf(rec()).find((a) => a.args.metricName === 'ApproximateNumberOfMessagesVisible' && dimensionOf(a, 'QueueName') === queueName(dlqResourceName(q)));
      expect(depth, `${q}: DLQ depth alarm`).toBeDefined();
      expect(depth!.args).toMatchObject({ threshold: 0, comparisonOperator: 'GreaterThanThreshold' });
      const age = alarmsOf(rec()).find((a) => a.args.metricName === 'ApproximateAgeOfOldestMessage' && dimensionOf(a, 'QueueName') === queueName(QUEUES[q].resource));
      expect(age, `${q}: oldest message alarm`).toBeDefined();
      // Older than every retry the queue allows means stuck, not busy.
      expect(age!.args.threshold).toBeGreaterThanOrEqual(QUEUES[q].visibilityTimeoutSec * QUEUES[q].maxReceiveCount);
    }
  });

  it('alarms on DynamoDB throttling, the API 5xx rate and a failing reconciler', () => {
    const all = alarmsOf(rec());
    const table = rec().of('sst.aws.Dynamo').find((d) => d.name === 'Table')!;
    const throttled = all.find((a) => a.name === 'AlarmTableThrottled')!;
    expect(strings(throttled.args.metricQueries)).toEqual(expect.arrayContaining(['ReadThrottleEvents', 'WriteThrottleEvents', table.instance.name]));
    const api = all.find((a) => a.name === 'AlarmApi5xxRate')!;
    expect(api.args.threshold).toBe(5);
    expect(strings(api.args.metricQueries)).toEqual(expect.arrayContaining(p.name === 'global' ? ['Url5xxCount', 'UrlRequestCount'] : ['5xx', 'Count']));
    const reconciler = rec().of('sst.aws.Cron')[0]!.instance.name;
    expect(all.find((a) => a.name === 'AlarmReconcilerFailing')!.args.dimensions.FunctionName).toBe(reconciler);
    expect(all.find((a) => a.name === 'AlarmReconcilerNotRunning')!.args).toMatchObject({ metricName: 'Invocations', treatMissingData: 'breaching' });
  });

  it("every alarm notifies the one topic, which mails the operator's address", () => {
    const topics = rec().of('aws.sns.Topic');
    expect(topics).toHaveLength(1);
    for (const a of alarmsOf(rec())) expect(a.args.alarmActions, a.name).toEqual([topics[0]!.instance.arn]);
    const sub = rec().of('aws.sns.TopicSubscription');
    expect(sub.map((s) => s.args)).toEqual([{ topic: topics[0]!.instance.arn, protocol: 'email', endpoint: p.env.GONGFU_ALARM_EMAIL }]);
  });

  it('the cost model prices exactly the alarm metrics declared', () => {
    // A metric-math alarm is billed per metric it reads; a plain alarm reads one.
    const metrics = alarmsOf(rec()).reduce((n, a) => n + (a.args.metricQueries ? a.args.metricQueries.filter((q: { metric?: unknown }) => q.metric).length : 1), 0);
    expect(metrics).toBe(alarmMetrics(QUEUE_NAMES.length, p.name as 'global' | 'china'));
  });

  it('one dashboard shows every alarm', () => {
    const [dash] = rec().of('aws.cloudwatch.Dashboard');
    const body = JSON.parse(dash!.args.dashboardBody);
    const alarmWidget = body.widgets.find((w: { type: string }) => w.type === 'alarm');
    expect(alarmWidget.properties.alarms.sort()).toEqual(alarmsOf(rec()).map((a) => a.instance.arn).sort());
    expect(body.widgets.length).toBeGreaterThan(5);
  });

  it('keeps every log group six months: the function transform is registered before any function exists', () => {
    const t = rec().transforms.filter((x) => x.component.kind === 'sst.aws.Function');
    expect(t).toHaveLength(1);
    expect(t[0]!.before, 'no function was created before the transform').toBe(0);
    for (const f of functionsOf(rec())) {
      const args = structuredClone({ ...f.args, link: undefined, nodejs: undefined });
      t[0]!.cb(args, {}, f.where);
      expect(args.logging?.retention, f.where).toBe(LOG_RETENTION);
    }
    for (const g of rec().of('sst.aws.ApiGatewayV2')) expect(g.args.accessLog.retention).toBe(LOG_RETENTION);
    // No log group is declared by hand (which would escape the transform).
    expect(rec().of('aws.cloudwatch.LogGroup')).toHaveLength(0);
  });
});

describe('the China profile uses only what the China regions have', () => {
  const china = () => profiles[1]!.synth!.recording;
  const global = () => profiles[0]!.synth!.recording;

  it('no feature the table records as unavailable or undocumented', () => {
    const used = [...featuresUsed(china())];
    for (const f of used) expect(usableInChina(f), `${f}: ${CHINA_AVAILABILITY[f].china}`).toBe(true);
    // The detector does see what the global profile uses (so this check can fail).
    expect([...featuresUsed(global())].filter((f) => !usableInChina(f)).sort()).toEqual(['cloudfrontFunctionsKvs', 'lambdaFunctionUrl', 'ses', 'snsSms']);
  });

  it('serves on the ICP-filed domain with the IAM certificate, through API Gateway routes to the three functions', () => {
    const [dist] = china().of('aws.cloudfront.Distribution');
    expect(dist!.args.aliases).toEqual([CHINA_ENV.GONGFU_ICP_DOMAIN]);
    expect(dist!.args.viewerCertificate).toMatchObject({ iamCertificateId: CHINA_ENV.GONGFU_IAM_CERTIFICATE_ID, sslSupportMethod: 'sni-only' });
    expect(dist!.args.origins[0].customHeaders).toEqual([{ name: 'x-forwarded-host', value: CHINA_ENV.GONGFU_ICP_DOMAIN }]);
    const [gw] = china().of('sst.aws.ApiGatewayV2');
    const fn = (name: string) => china().of('sst.aws.Function').find((f) => f.name === name)!.instance.arn;
    expect(gw!.routes).toEqual([
      { pattern: 'ANY /v1', target: fn('Api') },
      { pattern: 'ANY /v1/{proxy+}', target: fn('Api') },
      { pattern: 'ANY /auth', target: fn('AuthIssuer') },
      { pattern: 'ANY /auth/{proxy+}', target: fn('AuthIssuer') },
      { pattern: '$default', target: fn('Console') },
    ]);
    expect(dist!.args.origins[0].domainName).toBe(new URL(gw!.instance.url).host);
    expect(profiles[1]!.synth!.outputs.url).toBe(`https://${CHINA_ENV.GONGFU_ICP_DOMAIN}`);
  });

  it('the sign-in server keeps OpenAuth state in its own table, and the senders deliver through SMTP and Tencent Cloud SMS', () => {
    const issuer = china().of('sst.aws.Function').find((f) => f.name === 'AuthIssuer')!;
    const storage = china().of('sst.aws.Dynamo').find((d) => d.name === 'AuthStorage')!;
    expect(JSON.parse(issuer.args.environment.OPENAUTH_STORAGE)).toEqual({ type: 'dynamo', options: { table: storage.instance.name } });
    expect(issuer.args.link).toContain(storage.instance);
    const secrets = china().of('sst.Secret').filter((s) => ['SmsSecretId', 'SmsSecretKey', 'SmtpPassword'].includes(s.name)).map((s) => s.instance);
    expect(secrets).toHaveLength(3);
    for (const f of functionsOf(china())) {
      const sender = ['function Api', 'function AuthIssuer'].includes(f.where);
      expect(f.args.environment?.CODE_DELIVERY, f.where).toBe(sender ? 'china' : undefined);
      for (const s of secrets) expect((f.args.link ?? []).includes(s), `${f.where} links ${s.name}: ${sender}`).toBe(sender);
      expect(f.args.permissions, `${f.where}: no SES/SNS permissions`).toBeUndefined();
    }
    expect(issuer.args.environment).toMatchObject({ SMS_SDK_APP_ID: CHINA_ENV.GONGFU_SMS_SDK_APP_ID, SMS_SIGN_NAME: CHINA_ENV.GONGFU_SMS_SIGN_NAME, SMS_TEMPLATE_SIGNIN: CHINA_ENV.GONGFU_SMS_TEMPLATE_SIGNIN, SMTP_HOST: CHINA_ENV.GONGFU_SMTP_HOST, MAIL_FROM: CHINA_ENV.GONGFU_MAIL_FROM });
    // The API verifies people's tokens against the issuer behind the same domain.
    expect(china().of('sst.aws.Function').find((f) => f.name === 'Api')!.args.environment.AUTH_ISSUER_URL).toBe(`https://${CHINA_ENV.GONGFU_ICP_DOMAIN}`);
  });

  it.each(CHINA_REQUIRED.map((r) => r.env))('without %s the deploy stops naming it, before any resource is declared', async (missing) => {
    const env = { ...CHINA_ENV } as Record<string, string>;
    delete env[missing];
    const err = await synthesize(env, 'aws-cn').then(
      () => undefined,
      (e: unknown) => e,
    );
    // The config's own copy of the module (the registry was reset), hence by name.
    expect((err as Error).name).toBe(new ProfileError('').name);
    const message = (err as Error).message;
    expect(message).toContain(missing);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('the stop comes before anything is recorded', async () => {
    const env = { ...CHINA_ENV } as Record<string, string>;
    delete env.GONGFU_ICP_DOMAIN;
    vi.resetModules();
    Object.assign(process.env, env);
    delete process.env.GONGFU_ICP_DOMAIN;
    const { recording, restore } = installSstRecorder({ partition: 'aws-cn' });
    try {
      const config = (await import('../../sst.config')).default;
      await expect(config.run()).rejects.toThrow(/GONGFU_ICP_DOMAIN/);
      expect(recording.resources).toHaveLength(0);
    } finally {
      restore();
      for (const k of Object.keys(env)) delete process.env[k];
    }
  });
});

describe('infra source', () => {
  it('holds no ARN literal of one partition (ARNs come from infra/profile.ts)', () => {
    for (const file of readdirSync(resolve(ROOT, 'infra')).filter((f) => /\.(ts|mjs)$/.test(f))) {
      expect(readFileSync(resolve(ROOT, 'infra', file), 'utf8'), file).not.toMatch(/arn:aws(-cn)?:/);
    }
  });

  it("the README's China table is the data the test checks against, with a source for every row", () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    for (const row of Object.values(CHINA_AVAILABILITY)) {
      expect(readme, row.feature).toContain(`| ${row.feature} |`);
      expect(row.source).toMatch(/^https:\/\//);
      expect(readme, row.source).toContain(row.source);
    }
  });
});

afterAll(() => vi.resetModules());
