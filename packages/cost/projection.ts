import type { UsageTotals } from '#metering/usage';
import { ASSUMPTIONS, type Architecture, type PriceTable } from './prices';

/** Pure arithmetic of the cost model: measured usage × prices × workload. No I/O. */

export const RESOURCES = ['dynamodb', 'sqs', 'lambda', 'cloudfront', 'waf', 's3', 'logs', 'monitoring'] as const;
export type Resource = (typeof RESOURCES)[number];
export type Bill = Record<Resource, number>;

export interface PriceOptions {
  architecture: Architecture;
  memoryMb: number;
  /** Subtract the monthly always-free allowances (only meaningful for a whole month's totals). */
  freeTier?: boolean;
}

export const ZERO_TOTALS: UsageTotals = {
  readUnits: 0,
  writeUnits: 0,
  sqsRequests: 0,
  invocations: 0,
  billedMs: 0,
  httpRequests: 0,
  httpBytesOut: 0,
  s3WriteRequests: 0,
  s3ReadRequests: 0,
  s3BytesIn: 0,
  s3BytesOut: 0,
};

export function addTotals(a: UsageTotals, b: UsageTotals): UsageTotals {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof UsageTotals)[]) out[k] += b[k];
  return out;
}

export function scaleTotals(a: UsageTotals, k: number): UsageTotals {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof UsageTotals)[]) out[key] *= k;
  return out;
}

export const gbSeconds = (t: UsageTotals, memoryMb: number) => (t.billedMs / 1000) * (memoryMb / 1024);

const GB = 1024 ** 3;

/**
 * Dollars for `t` (and `storageGb` of table data and `s3Gb` of evidence files for a month), by
 * resource. Bytes uploaded to S3 are priced only as the storage they become, never per request.
 */
export function price(t: UsageTotals, p: PriceTable, o: PriceOptions, storageGb = 0, s3Gb = 0): Bill {
  const over = (x: number, free: number) => (o.freeTier ? Math.max(0, x - free) : x);
  const gbs = gbSeconds(t, o.memoryMb);
  return {
    dynamodb:
      (t.readUnits / 1e6) * p.dynamodb.perMillionReadUnits +
      (t.writeUnits / 1e6) * p.dynamodb.perMillionWriteUnits +
      over(storageGb, p.dynamodb.freeGbMonth) * p.dynamodb.perGbMonth +
      storageGb * p.dynamodb.pitrPerGbMonth,
    sqs: (over(t.sqsRequests, p.sqs.freeRequestsPerMonth) / 1e6) * p.sqs.perMillionRequests,
    lambda:
      (over(t.invocations, p.lambda.freeRequestsPerMonth) / 1e6) * p.lambda.perMillionRequests +
      over(gbs, p.lambda.freeGbSecondsPerMonth) * p.lambda.perGbSecond[o.architecture],
    cloudfront:
      (over(t.httpRequests, p.cloudfront.freeRequestsPerMonth) / 1e6) * p.cloudfront.perMillionRequests +
      (over(t.httpRequests, p.cloudfront.freeFunctionInvocationsPerMonth) / 1e6) * p.cloudfront.perMillionFunctionInvocations +
      (t.httpRequests / 1e6) * p.cloudfront.perMillionKeyValueStoreReads +
      over(t.httpBytesOut / GB, p.cloudfront.freeGbOutPerMonth) * p.cloudfront.perGbOut,
    waf: (t.httpRequests / 1e6) * p.waf.perMillionRequests,
    s3:
      (t.s3WriteRequests / 1000) * p.s3.perThousandWriteRequests +
      (t.s3ReadRequests / 1000) * p.s3.perThousandReadRequests +
      over(t.s3BytesOut / GB, p.s3.freeGbOutPerMonth) * p.s3.perGbOut +
      s3Gb * p.s3.perGbMonth,
    logs: ((t.invocations * ASSUMPTIONS.logBytesPerInvocation) / GB) * p.cloudwatchLogs.perGbIngested,
    monitoring: 0,
  };
}

/**
 * Alarm metrics infra/alarms.ts declares (the infra contract test checks this count against the
 * synthesized alarms): per queue its DLQ depth and its oldest message; per function errors and
 * throttles (a consumer per queue plus the API, the console, the sign-in server and the
 * reconciler); the reconciler failing and not running; the table's read and write throttles; and
 * the 5xx rate over the three functions' URL counters (global) or API Gateway's two (China).
 */
export function alarmMetrics(queues: number, profile: 'global' | 'china' = 'global'): number {
  const functions = queues + 4;
  return 2 * queues + 2 * functions + 2 + 2 + (profile === 'global' ? 3 * 2 : 2);
}

/**
 * A month of operations as code: the alarms, the dashboard and the log lines kept for the
 * retention period (`logGbPerMonth` ingested each month, stored for ASSUMPTIONS.logRetentionMonths).
 */
export function operationsBill(p: PriceTable, o: { alarmMetrics: number; dashboards: number; logGbPerMonth: number; freeTier?: boolean }): Bill {
  const over = (x: number, free: number) => (o.freeTier ? Math.max(0, x - free) : x);
  const stored = o.logGbPerMonth * ASSUMPTIONS.logRetentionMonths;
  return {
    ...price(ZERO_TOTALS, p, { architecture: 'x86_64', memoryMb: 1024 }),
    monitoring: over(o.alarmMetrics, p.cloudwatch.freeAlarmMetrics) * p.cloudwatch.perAlarmMetricMonth + over(o.dashboards, p.cloudwatch.freeDashboards) * p.cloudwatch.perDashboardMonth,
    logs: over(stored, p.cloudwatchLogs.freeGbPerMonth) * p.cloudwatchLogs.perGbMonthStored,
  };
}

/** The web ACL and its rules for a month, whatever the traffic (the requests are priced per operation). */
export const webAclMonthly = (p: PriceTable, rules: number) => p.waf.perWebAclMonth + rules * p.waf.perRuleMonth;

export const billTotal = (b: Bill) => RESOURCES.reduce((s, r) => s + b[r], 0);

export function addBills(a: Bill, b: Bill): Bill {
  return Object.fromEntries(RESOURCES.map((r) => [r, a[r] + b[r]])) as Bill;
}

/** The resource that costs most; ties go to the first in RESOURCES order. */
export function dominant(b: Bill): Resource {
  return RESOURCES.reduce((best, r) => (b[r] > b[best] ? r : best), RESOURCES[0]);
}

// ---- growth in registry size ---------------------------------------------------------------

export interface Point {
  n: number;
  value: number;
}

/**
 * Least-squares slope of log(value) against log(n): consumption ∝ n^slope. Points with a zero
 * value carry no logarithm; if fewer than two remain the slope is 0 (nothing measurable grows).
 */
export function logLogSlope(points: Point[]): number {
  const ps = points.filter((p) => p.n > 0 && p.value > 0);
  if (ps.length < 2) return 0;
  const xs = ps.map((p) => Math.log(p.n));
  const ys = ps.map((p) => Math.log(p.value));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

/**
 * The value at `n` on the piecewise power law through the measured points (sorted by n), extended
 * past either end along the nearest segment. Where a segment touches zero it is linear instead.
 */
export function atSize(points: Point[], n: number): number {
  const ps = [...points].sort((a, b) => a.n - b.n);
  if (ps.length === 0) return 0;
  if (ps.length === 1) return ps[0]!.value;
  // The segment that holds n, or the first / last one when n lies outside the measured range.
  const above = ps.findIndex((p) => p.n >= n);
  const i = above === -1 ? ps.length - 1 : Math.max(1, above);
  const a = ps[i - 1]!;
  const b = ps[i]!;
  if (a.value > 0 && b.value > 0) {
    const k = Math.log(b.value / a.value) / Math.log(b.n / a.n);
    return a.value * (n / a.n) ** k;
  }
  return Math.max(0, a.value + ((b.value - a.value) * (n - a.n)) / (b.n - a.n));
}

/** Below this growth exponent a quantity counts as constant per operation. */
export const FLAT_SLOPE = 0.15;

/**
 * Usage of one operation at registry size `n`, field by field: a quantity whose exponent over the
 * measured sizes is below FLAT_SLOPE is taken as constant (the mean of the measurements, so timer
 * noise in a few milliseconds is not extrapolated a hundredfold); anything else follows `atSize`.
 */
export function totalsAtSize(measured: { n: number; totals: UsageTotals }[], n: number): UsageTotals {
  const out = { ...ZERO_TOTALS };
  for (const k of Object.keys(out) as (keyof UsageTotals)[]) {
    const points = measured.map((m) => ({ n: m.n, value: m.totals[k] }));
    out[k] = Math.abs(logLogSlope(points)) < FLAT_SLOPE ? points.reduce((s, p) => s + p.value, 0) / points.length : atSize(points, n);
  }
  return out;
}

// ---- workloads ------------------------------------------------------------------------------

export const OPERATIONS = [
  'publish',
  'registryReload',
  'containerStart',
  'report',
  'directoryRead',
  'roadshow',
  'ruleSetChange',
  'cronRun',
  'evidenceFile',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface Workload {
  name: string;
  platforms: number;
  scenariosPerYear: number;
  reportsPerYear: number;
  directoryReadsPerMonth: number;
  roadshowsPerYear: number;
  ruleSetChangesPerYear: number;
  /** Reports that move a platform to another level (only those invalidate registry snapshots). */
  levelChangeShare: number;
  /** Applications to the yearly cultivation round, and the evidence files each uploads. */
  applicationsPerYear: number;
  evidenceFilesPerApplication: number;
}

export const CITY: Workload = {
  name: 'city',
  platforms: 500,
  scenariosPerYear: 3000,
  reportsPerYear: 500,
  directoryReadsPerMonth: 50_000,
  roadshowsPerYear: 12,
  ruleSetChangesPerYear: 1,
  levelChangeShare: 0.5,
  applicationsPerYear: 500,
  evidenceFilesPerApplication: 5,
};

/** Everything (registry and traffic) `k` times a workload; rule-set changes stay yearly. */
export function scaleWorkload(w: Workload, k: number, name: string): Workload {
  return {
    name,
    platforms: w.platforms * k,
    scenariosPerYear: w.scenariosPerYear * k,
    reportsPerYear: w.reportsPerYear * k,
    directoryReadsPerMonth: w.directoryReadsPerMonth * k,
    roadshowsPerYear: w.roadshowsPerYear * k,
    ruleSetChangesPerYear: w.ruleSetChangesPerYear,
    levelChangeShare: w.levelChangeShare,
    applicationsPerYear: w.applicationsPerYear * k,
    evidenceFilesPerApplication: w.evidenceFilesPerApplication,
  };
}

/**
 * How often each measured operation happens in a month. A warm match consumer re-reads the
 * registry (registryReload) on its next match after a report changed a level; a new container
 * (containerStart) also reads every vector. Neither happens more often than a publish.
 */
export function operationsPerMonth(w: Workload): Record<Operation, number> {
  const publish = w.scenariosPerYear / 12;
  const report = w.reportsPerYear / 12;
  const containerStart = Math.min(publish, ASSUMPTIONS.coldStartsPerMonth);
  return {
    publish,
    registryReload: Math.min(publish - containerStart, report * w.levelChangeShare),
    containerStart,
    report,
    directoryRead: w.directoryReadsPerMonth,
    roadshow: w.roadshowsPerYear / 12,
    ruleSetChange: w.ruleSetChangesPerYear / 12,
    cronRun: ASSUMPTIONS.cronRunsPerMonth,
    evidenceFile: (w.applicationsPerYear * w.evidenceFilesPerApplication) / 12,
  };
}

/**
 * Evidence held in S3 in a steady month: the bytes one file's operation uploads (measured; verify
 * moves the upload out of `incoming/`, so each is stored once) for every file of the years kept.
 */
export function evidenceStorageGb(w: Workload, bytesPerFile: number): number {
  return (w.applicationsPerYear * w.evidenceFilesPerApplication * ASSUMPTIONS.evidenceYearsKept * bytesPerFile) / GB;
}

/** Lambda's pollers on every queue of an idle month, billed as SQS receives. */
export function idlePollingTotals(queues: number): UsageTotals {
  return { ...ZERO_TOTALS, sqsRequests: queues * ASSUMPTIONS.esmEmptyReceivesPerQueuePerMinute * ASSUMPTIONS.minutesPerMonth };
}

export interface ProjectionLine {
  operation: Operation | 'idlePolling' | 'storage' | 'webAcl' | 'operations';
  perMonth: number;
  /** One operation at this workload's registry size, list price. */
  perOperation: Bill;
  monthly: Bill;
}

export interface Projection {
  workload: Workload;
  lines: ProjectionLine[];
  monthly: Bill;
  total: number;
  /** The same month with the always-free allowances subtracted. */
  totalWithFreeTier: number;
  /** Evidence stored in S3 that month. */
  s3Gb: number;
  dominant: Resource;
}

/**
 * A month of `w`: each operation's usage at the workload's registry size (from `usageAt`, i.e.
 * the measured growth curve), times its monthly count, plus idle polling, storage and the web ACL
 * with `wafRules` rules (infra/waf.ts).
 */
export function projectMonth(
  w: Workload,
  usageAt: (op: Operation, platforms: number) => UsageTotals,
  p: PriceTable,
  o: PriceOptions & { queues: number; storageGb: number; wafRules: number; alarmMetrics?: number; dashboards?: number },
): Projection {
  const list = { ...o, freeTier: false };
  const counts = operationsPerMonth(w);
  let month = { ...ZERO_TOTALS };
  const lines: ProjectionLine[] = OPERATIONS.map((op) => {
    const one = usageAt(op, w.platforms);
    month = addTotals(month, scaleTotals(one, counts[op]));
    return { operation: op, perMonth: counts[op], perOperation: price(one, p, list), monthly: price(scaleTotals(one, counts[op]), p, list) };
  });
  const idle = idlePollingTotals(o.queues);
  month = addTotals(month, idle);
  const idleBill = price(idle, p, list);
  lines.push({ operation: 'idlePolling', perMonth: 1, perOperation: idleBill, monthly: idleBill });
  const s3Gb = evidenceStorageGb(w, usageAt('evidenceFile', w.platforms).s3BytesIn);
  const storageBill = price(ZERO_TOTALS, p, list, o.storageGb, s3Gb);
  lines.push({ operation: 'storage', perMonth: 1, perOperation: storageBill, monthly: storageBill });
  const webAcl = { ...price(ZERO_TOTALS, p, list), waf: webAclMonthly(p, o.wafRules) };
  lines.push({ operation: 'webAcl', perMonth: 1, perOperation: webAcl, monthly: webAcl });
  const ops = { alarmMetrics: o.alarmMetrics ?? alarmMetrics(o.queues), dashboards: o.dashboards ?? 1, logGbPerMonth: (month.invocations * ASSUMPTIONS.logBytesPerInvocation) / GB };
  const opsBill = operationsBill(p, ops);
  lines.push({ operation: 'operations', perMonth: 1, perOperation: opsBill, monthly: opsBill });
  const monthly = lines.reduce((b, l) => addBills(b, l.monthly), price(ZERO_TOTALS, p, list));
  return {
    workload: w,
    lines,
    monthly,
    total: billTotal(monthly),
    totalWithFreeTier: billTotal(price(month, p, { ...o, freeTier: true }, o.storageGb, s3Gb)) + webAcl.waf + billTotal(operationsBill(p, { ...ops, freeTier: true })),
    s3Gb,
    dominant: dominant(monthly),
  };
}
