/**
 * AWS list prices for what infra/ deploys, as data. Region: ap-northeast-1 (Tokyo), the region
 * sst.config.ts targets unless GONGFU_AWS_REGION says otherwise. US dollars, on-demand, no
 * reserved capacity, no Savings Plans. Taken from the public AWS pricing pages as of the date
 * below (DynamoDB on-demand after the November 2024 price reduction; Lambda billing the INIT
 * phase since August 2025); check them again before a budget relies on them.
 */
export const PRICES = {
  region: 'ap-northeast-1',
  asOf: '2025-09',
  currency: 'USD',
  dynamodb: {
    /** On-demand, Standard table class. */
    perMillionWriteUnits: 0.715,
    perMillionReadUnits: 0.1425,
    perGbMonth: 0.285,
    freeGbMonth: 25,
    /** Continuous backups (point-in-time recovery, on for the table): per GB of table, no free tier. */
    pitrPerGbMonth: 0.228,
  },
  sqs: {
    /** Standard queues; each 64 KB chunk of a request is one request. */
    perMillionRequests: 0.4,
    freeRequestsPerMonth: 1_000_000,
  },
  lambda: {
    perMillionRequests: 0.2,
    perGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
    freeRequestsPerMonth: 1_000_000,
    freeGbSecondsPerMonth: 400_000,
  },
  /** S3 Standard, evidence files (infra's private bucket). */
  s3: {
    perThousandWriteRequests: 0.0047, // PUT, COPY, POST, LIST
    perThousandReadRequests: 0.00037, // GET, HEAD and all other non-free requests (DELETE is free)
    perGbMonth: 0.025, // first 50 TB
    /** Data transfer out to the internet (presigned downloads); transfer to Lambda in-region is free. */
    perGbOut: 0.114,
    /** The always-free 100 GB a month of internet transfer out, shared by all services but CloudFront. */
    freeGbOutPerMonth: 100,
  },
  /** sst.aws.Router: a CloudFront distribution whose CloudFront Function routes by KeyValueStore. */
  cloudfront: {
    /** Japan edge; HTTPS requests. */
    perMillionRequests: 1.2,
    perMillionFunctionInvocations: 0.1,
    perMillionKeyValueStoreReads: 0.03,
    perGbOut: 0.114,
    freeRequestsPerMonth: 10_000_000,
    freeFunctionInvocationsPerMonth: 2_000_000,
    freeGbOutPerMonth: 1024,
  },
  /**
   * AWS WAF on the router (infra/waf.ts): a web ACL a month, each rule in it a month (a managed rule
   * group counts as one rule; the AWS common rule set has no subscription fee), and every request
   * the ACL inspects, which is every request CloudFront receives. No free tier. Same price in every
   * region (CloudFront's web ACLs live in us-east-1). https://aws.amazon.com/waf/pricing/ (2026-12).
   */
  waf: { perWebAclMonth: 5, perRuleMonth: 1, perMillionRequests: 0.6 },
  /** Function URLs behind the router cost nothing beyond the Lambda invocation. */
  functionUrl: { perMillionRequests: 0 },
  /** Log storage is billed on what is kept: infra/logs.ts keeps every group six months. */
  cloudwatchLogs: { perGbIngested: 0.76, perGbMonthStored: 0.033, freeGbPerMonth: 5 },
  /**
   * infra/alarms.ts: standard-resolution alarms are billed per metric they read (a metric-math alarm
   * per metric in it); dashboards per month, the first three free. Alarm e-mails through SNS: the
   * first 1,000 a month are free, which a service with a handful of alarms never passes.
   */
  cloudwatch: { perAlarmMetricMonth: 0.1, freeAlarmMetrics: 10, perDashboardMonth: 3, freeDashboards: 3 },
  /** EventBridge scheduled rules (sst.aws.Cron) are free; listed so the table says so. */
  eventbridgeSchedule: { perMillionInvocations: 0 },
} as const;

export type PriceTable = typeof PRICES;
export type Architecture = keyof PriceTable['lambda']['perGbSecond'];

/**
 * What the model assumes where the local stack cannot show AWS's behaviour. Each is stated in the
 * bench output next to the figures it moves.
 */
export const ASSUMPTIONS = {
  /**
   * An SQS event source mapping long-polls an idle queue with about five pollers doing 20-second
   * receives: 5 × 3 a minute. Lambda's own pollers are not documented precisely; this is the figure
   * commonly measured as NumberOfEmptyReceives on an idle queue.
   */
  esmEmptyReceivesPerQueuePerMinute: 15,
  minutesPerMonth: 30 * 24 * 60,
  /** infra/cron.ts: rate(5 minutes). */
  cronRunsPerMonth: (30 * 24 * 60) / 5,
  /** Platform START/END/REPORT lines plus one request or step log line per invocation. */
  logBytesPerInvocation: 400,
  /** A new container a day for the match consumer (idle gaps longer than Lambda keeps one). */
  coldStartsPerMonth: 30,
  /**
   * Billed INIT per new container: the cold-start benchmark's budget per function (bench/cold-start.ts),
   * for each of the functions a publish passes through (api, embed, match, pairing).
   */
  initMsPerContainerStart: 4 * 150,
  /** infra/logs.ts: every log group keeps six months, so a steady month stores six months of lines. */
  logRetentionMonths: 6,
  /** Evidence files are kept this long (a round's files stay for appeals and later audits). */
  evidenceYearsKept: 3,
} as const;
