/**
 * Each AWS service or feature the service uses, and whether AWS's own China documentation
 * (Getting Started with Amazon Web Services in China, docs.amazonaws.cn) lists it in the Beijing and
 * Ningxia regions. The README's table is this data; the infra contract test refuses a China profile
 * that uses anything marked `unavailable` or `unverified`.
 *
 * Checked 2026-12-03 against the pages named in `source`.
 */
export type ChinaStatus = 'available' | 'differs' | 'unavailable' | 'unverified';

export interface FeatureRow {
  feature: string;
  /** How the service uses it (global profile). */
  use: string;
  china: ChinaStatus;
  /** What the China page says, and what the China profile does about it. */
  finding: string;
  source: string;
}

const GUIDE = 'https://docs.amazonaws.cn/en_us/aws/latest/userguide';

export const CHINA_AVAILABILITY = {
  lambda: {
    feature: 'Lambda',
    use: 'every function (Node.js runtime)',
    china: 'differs',
    finding: 'Available in both regions; X-Ray integration, recursive-loop detection and some metrics are not. The service uses none of them.',
    source: `${GUIDE}/lambda.html`,
  },
  lambdaFunctionUrl: {
    feature: 'Lambda function URLs',
    use: "the router's origins (API, console, sign-in server)",
    china: 'unavailable',
    finding: '"Amazon Lambda Function URLs is not available in the China Regions." China profile: an API Gateway HTTP API routes /v1, /auth and the rest to the three functions.',
    source: `${GUIDE}/lambda.html`,
  },
  apiGatewayHttp: {
    feature: 'API Gateway HTTP API',
    use: 'China profile only: the origin behind CloudFront',
    china: 'differs',
    finding: 'Available; unauthenticated requests are served only for an account with an ICP licence, edge-optimized endpoints are not supported (regional only).',
    source: `${GUIDE}/api-gateway.html`,
  },
  sqs: {
    feature: 'SQS (standard queues, dead-letter queues)',
    use: 'one queue and DLQ per workflow step',
    china: 'differs',
    finding: 'Available; the console\'s DLQ "redrive" feature is not. The reconciler re-drives work from DynamoDB, so nothing depends on it.',
    source: `${GUIDE}/sqs.html`,
  },
  dynamodb: {
    feature: 'DynamoDB incl. point-in-time recovery, TTL',
    use: 'the single table',
    china: 'differs',
    finding: 'Available; only global tables with multi-Region strong consistency are missing (not used). PITR is documented in the China developer guide.',
    source: `${GUIDE}/dynamodb.html`,
  },
  s3Presign: {
    feature: 'S3 with presigned URLs, SSE-KMS, lifecycle',
    use: 'evidence files (browser PUT/GET through presigned URLs)',
    china: 'available',
    finding: 'Available in both regions; the SDK signs with SigV4 for `s3.<region>.amazonaws.com.cn`, the bucket CORS rule is the same.',
    source: `${GUIDE}/s3.html`,
  },
  kms: {
    feature: 'KMS (AWS-managed key for S3)',
    use: 'encryption at rest of the evidence bucket',
    china: 'available',
    finding: 'Available in both regions.',
    source: `${GUIDE}/kms.html`,
  },
  cloudfront: {
    feature: 'CloudFront',
    use: 'the one origin for console, API and sign-in (sst.aws.Router)',
    china: 'differs',
    finding: 'Available, but only on an ICP-filed alternate domain (no *.cloudfront.cn), with the certificate uploaded to IAM (no ACM). China profile: GONGFU_ICP_DOMAIN and GONGFU_IAM_CERTIFICATE_ID are required.',
    source: `${GUIDE}/cloudfront.html`,
  },
  cloudfrontFunctionsKvs: {
    feature: "CloudFront Functions + KeyValueStore (the Router's routing)",
    use: 'sst.aws.Router picks the origin per path at the edge',
    china: 'unverified',
    finding: 'The China CloudFront page does not say; not relied on. China profile: a plain distribution with one origin (API Gateway routes by path).',
    source: `${GUIDE}/cloudfront.html`,
  },
  wafOnCloudFront: {
    feature: 'WAF on CloudFront',
    use: 'rate and managed rules at the edge (global profile)',
    china: 'unavailable',
    finding: '"Amazon WAF is supported at a regional level only in the Beijing and Ningxia Regions." It cannot be attached to CloudFront there; a regional web ACL cannot be attached to an HTTP API either.',
    source: `${GUIDE}/waf.html`,
  },
  ses: {
    feature: 'SES (e-mail sign-in codes)',
    use: 'AwsMessenger e-mail',
    china: 'unavailable',
    finding: 'SES has no page among the services of the China Regions. China profile: e-mail codes over SMTP (nodemailer) to the operator\'s mail server.',
    source: `${GUIDE}/services.html`,
  },
  snsSms: {
    feature: 'SNS SMS (text sign-in codes)',
    use: 'AwsMessenger SMS',
    china: 'unavailable',
    finding: '"The following Amazon SNS features are not yet available in the Beijing and Ningxia Regions: … SMS messaging". China profile: Tencent Cloud SMS (registered signature and template).',
    source: `${GUIDE}/sns.html`,
  },
  snsEmail: {
    feature: 'SNS topics with e-mail subscription',
    use: 'alarm notifications to the operator',
    china: 'differs',
    finding: 'SNS is available in both regions (mobile push, SMS and message data protection are not).',
    source: `${GUIDE}/sns.html`,
  },
  eventbridgeSchedule: {
    feature: 'EventBridge scheduled rule (sst.aws.Cron)',
    use: 'the reconciler every 5 minutes',
    china: 'available',
    finding: 'EventBridge event buses are available in Beijing and Ningxia (feature table lists both).',
    source: 'https://docs.amazonaws.cn/en_us/eventbridge/latest/userguide/feature-availability.html',
  },
  cloudwatch: {
    feature: 'CloudWatch metrics, alarms, dashboards, Logs with retention',
    use: 'operations (infra/alarms.ts, infra/logs.ts)',
    china: 'available',
    finding: 'Available; the China CloudWatch guide documents alarms on metrics. Lambda\'s asynchronous-invocation metrics are missing (not used).',
    source: 'https://docs.amazonaws.cn/en_us/AmazonCloudWatch/latest/monitoring/Alarm-On-Metrics.html',
  },
  iamServerCertificate: {
    feature: 'IAM server certificates',
    use: 'China profile: the CloudFront certificate',
    china: 'available',
    finding: 'The documented way to give CloudFront in China a certificate.',
    source: `${GUIDE}/cloudfront.html`,
  },
} as const satisfies Record<string, FeatureRow>;

export type Feature = keyof typeof CHINA_AVAILABILITY;

export const usableInChina = (f: Feature) => {
  const s: ChinaStatus = CHINA_AVAILABILITY[f].china;
  return s === 'available' || s === 'differs';
};

/** The README table, one row per feature (a test keeps the README in step with this data). */
export function availabilityTable(): string {
  const label: Record<ChinaStatus, string> = { available: 'available', differs: 'available, differs', unavailable: '**not available**', unverified: 'not documented — not relied on' };
  const rows = Object.values(CHINA_AVAILABILITY).map((r: FeatureRow) => `| ${r.feature} | ${r.use} | ${label[r.china]} | ${r.finding} | ${r.source} |`);
  return ['| service / feature | used for | China regions | finding, and what the China profile does | source |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
