import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, PRICES } from '#cost/prices';
import {
  CITY,
  ZERO_TOTALS,
  alarmMetrics,
  atSize,
  operationsBill,
  billTotal,
  dominant,
  evidenceStorageGb,
  logLogSlope,
  operationsPerMonth,
  price,
  projectMonth,
  scaleWorkload,
  totalsAtSize,
  type Operation,
} from '#cost/projection';
import { Meter } from '#metering/meter';
import { addUsage, emptyUsage, totals, usageSince } from '#metering/usage';

const x86 = { architecture: 'x86_64' as const, memoryMb: 1024 };

describe('pricing measured usage', () => {
  it('prices each resource from the table: a million of each unit costs the list price', () => {
    const bill = price(
      { ...ZERO_TOTALS, readUnits: 1e6, writeUnits: 1e6, sqsRequests: 1e6, invocations: 1e6, billedMs: 1e6 * 1000, httpRequests: 1e6, httpBytesOut: 1024 ** 3 },
      PRICES,
      x86,
    );
    expect(bill.dynamodb).toBeCloseTo(PRICES.dynamodb.perMillionReadUnits + PRICES.dynamodb.perMillionWriteUnits, 10);
    expect(bill.sqs).toBeCloseTo(PRICES.sqs.perMillionRequests, 10);
    // 1e6 invocations of 1 s at 1 GB: 1e6 GB-s plus the request charge.
    expect(bill.lambda).toBeCloseTo(PRICES.lambda.perMillionRequests + 1e6 * PRICES.lambda.perGbSecond.x86_64, 6);
    const cf = PRICES.cloudfront;
    expect(bill.cloudfront).toBeCloseTo(cf.perMillionRequests + cf.perMillionFunctionInvocations + cf.perMillionKeyValueStoreReads + cf.perGbOut, 10);
    expect(bill.logs).toBeCloseTo((1e6 * ASSUMPTIONS.logBytesPerInvocation * PRICES.cloudwatchLogs.perGbIngested) / 1024 ** 3, 10);
    expect(dominant(bill)).toBe('lambda');
  });

  it('prices AWS WAF per request the router receives, and the web ACL and its rules per month whatever the traffic', () => {
    const bill = price({ ...ZERO_TOTALS, httpRequests: 2e6 }, PRICES, { ...x86, freeTier: true });
    expect(bill.waf).toBeCloseTo(2 * PRICES.waf.perMillionRequests, 12);
    // No alarms or dashboard here (the operations line is tested on its own below).
    const idle = projectMonth(CITY, () => ZERO_TOTALS, PRICES, { ...x86, queues: 0, storageGb: 0, wafRules: 2, alarmMetrics: 0, dashboards: 0 });
    // US$5 the web ACL + US$1 for each of the two rules (infra/waf.ts), on list price and with the free tier alike.
    expect(idle.lines.find((l) => l.operation === 'webAcl')!.monthly.waf).toBeCloseTo(7, 12);
    expect(idle.total).toBeCloseTo(7, 12);
    expect(idle.totalWithFreeTier).toBeCloseTo(7, 12);
    const busy = projectMonth(CITY, (op) => (op === 'directoryRead' ? { ...ZERO_TOTALS, httpRequests: 1 } : ZERO_TOTALS), PRICES, { ...x86, queues: 0, storageGb: 0, wafRules: 2, alarmMetrics: 0, dashboards: 0 });
    expect(busy.monthly.waf).toBeCloseTo(7 + (CITY.directoryReadsPerMonth / 1e6) * PRICES.waf.perMillionRequests, 12);
  });

  it('memory and architecture scale the duration charge; arm64 is cheaper per GB-s', () => {
    const t = { ...ZERO_TOTALS, billedMs: 2000 };
    expect(price(t, PRICES, { ...x86, memoryMb: 2048 }).lambda).toBeCloseTo(2 * price(t, PRICES, x86).lambda, 12);
    expect(price(t, PRICES, { ...x86, architecture: 'arm64' }).lambda).toBeLessThan(price(t, PRICES, x86).lambda);
  });

  it('the free tier only removes the allowance, never goes below zero', () => {
    const t = { ...ZERO_TOTALS, sqsRequests: 1_500_000, invocations: 10 };
    const free = price(t, PRICES, { ...x86, freeTier: true });
    expect(free.sqs).toBeCloseTo(0.5 * PRICES.sqs.perMillionRequests, 10);
    expect(free.lambda).toBe(0);
    // Storage has 25 free GB; point-in-time recovery has no free tier.
    expect(price(t, PRICES, { ...x86, freeTier: true }, 10).dynamodb).toBeCloseTo(10 * PRICES.dynamodb.pitrPerGbMonth, 10);
    expect(price(t, PRICES, { ...x86, freeTier: true }, 35).dynamodb).toBeCloseTo(10 * PRICES.dynamodb.perGbMonth + 35 * PRICES.dynamodb.pitrPerGbMonth, 10);
  });
});

describe('pricing S3 evidence files', () => {
  it('prices PUT-class and GET-class requests per thousand, downloads per GB out, and storage per GB-month', () => {
    const GB = 1024 ** 3;
    const t = { ...ZERO_TOTALS, s3WriteRequests: 2000, s3ReadRequests: 10_000, s3BytesIn: 5 * GB, s3BytesOut: 3 * GB };
    const bill = price(t, PRICES, x86, 0, 7);
    const s3 = PRICES.s3;
    // Uploaded bytes are paid as the storage they become (7 GB here), not again per request.
    expect(bill.s3).toBeCloseTo(2 * s3.perThousandWriteRequests + 10 * s3.perThousandReadRequests + 3 * s3.perGbOut + 7 * s3.perGbMonth, 12);
    expect(bill.dynamodb).toBe(0);
    // The always-free 100 GB of transfer out covers a month's downloads, not the requests or storage.
    expect(price(t, PRICES, { ...x86, freeTier: true }, 0, 7).s3).toBeCloseTo(2 * s3.perThousandWriteRequests + 10 * s3.perThousandReadRequests + 7 * s3.perGbMonth, 12);
    expect(price({ ...t, s3BytesOut: 150 * GB }, PRICES, { ...x86, freeTier: true }).s3).toBeCloseTo(
      2 * s3.perThousandWriteRequests + 10 * s3.perThousandReadRequests + 50 * s3.perGbOut,
      12,
    );
  });

  it('counts a city month of evidence files and stores the years kept', () => {
    const MB = 1024 ** 2;
    expect(operationsPerMonth(CITY).evidenceFile).toBeCloseTo((500 * 5) / 12, 12);
    expect(operationsPerMonth(scaleWorkload(CITY, 10, 'province')).evidenceFile).toBeCloseTo((5000 * 5) / 12, 12);
    // 500 applications × 5 files × 2 MB × the years kept.
    expect(evidenceStorageGb(CITY, 2 * MB)).toBeCloseTo((500 * 5 * 2 * ASSUMPTIONS.evidenceYearsKept) / 1024, 12);
    const perFile = { ...ZERO_TOTALS, s3WriteRequests: 2, s3ReadRequests: 3, s3BytesIn: 2 * MB, s3BytesOut: 2 * MB };
    const p = projectMonth(CITY, (op) => (op === 'evidenceFile' ? perFile : ZERO_TOTALS), PRICES, { ...x86, queues: 0, storageGb: 0, wafRules: 2 });
    const files = (500 * 5) / 12;
    const line = p.lines.find((l) => l.operation === 'evidenceFile')!;
    expect(line.perMonth).toBeCloseTo(files, 12);
    expect(line.monthly.s3).toBeCloseTo(
      files * ((2 * PRICES.s3.perThousandWriteRequests + 3 * PRICES.s3.perThousandReadRequests) / 1000 + (2 / 1024) * PRICES.s3.perGbOut),
      12,
    );
    expect(p.s3Gb).toBeCloseTo(evidenceStorageGb(CITY, 2 * MB), 12);
    expect(p.lines.find((l) => l.operation === 'storage')!.monthly.s3).toBeCloseTo(p.s3Gb * PRICES.s3.perGbMonth, 12);
    expect(p.monthly.s3).toBeCloseTo(line.monthly.s3 + p.s3Gb * PRICES.s3.perGbMonth, 12);
  });
});

describe('growth in registry size', () => {
  it('the log-log slope recovers the exponent of a power law', () => {
    const law = (k: number) => [100, 1000, 10_000].map((n) => ({ n, value: 3 * n ** k }));
    expect(logLogSlope(law(1))).toBeCloseTo(1, 10);
    expect(logLogSlope(law(0))).toBeCloseTo(0, 10);
    expect(logLogSlope(law(0.5))).toBeCloseTo(0.5, 10);
    // Zeros carry no logarithm: nothing measurable grows.
    expect(logLogSlope([{ n: 100, value: 0 }, { n: 1000, value: 0 }])).toBe(0);
  });

  it('interpolates on the power law between measurements and extends the nearest segment outside them', () => {
    const points = [{ n: 100, value: 10 }, { n: 1000, value: 100 }, { n: 10_000, value: 200 }];
    expect(atSize(points, 500)).toBeCloseTo(50, 8);
    expect(atSize(points, 10)).toBeCloseTo(1, 8);
    // Past the largest size the last segment's exponent (log10 2) continues.
    expect(atSize(points, 100_000)).toBeCloseTo(400, 8);
    expect(atSize([{ n: 100, value: 0 }, { n: 1000, value: 9 }], 550)).toBeCloseTo(4.5, 8);
  });

  it('treats a quantity that does not grow as constant rather than extrapolating its noise', () => {
    const measured = [
      { n: 100, totals: { ...ZERO_TOTALS, billedMs: 10, readUnits: 100 } },
      { n: 1000, totals: { ...ZERO_TOTALS, billedMs: 9, readUnits: 1000 } },
      { n: 10_000, totals: { ...ZERO_TOTALS, billedMs: 11, readUnits: 10_000 } },
    ];
    const at = totalsAtSize(measured, 100_000);
    expect(at.billedMs).toBeCloseTo(10, 8);
    expect(at.readUnits).toBeCloseTo(100_000, 4);
  });
});

describe('monthly projection', () => {
  it('counts operations a month from a yearly workload; province and nation are 10× and 100×', () => {
    const city = operationsPerMonth(CITY);
    expect(city.publish).toBe(250);
    expect(city.report).toBeCloseTo(500 / 12, 10);
    expect(city.directoryRead).toBe(50_000);
    expect(city.cronRun).toBe(8640);
    expect(city.containerStart).toBe(ASSUMPTIONS.coldStartsPerMonth);
    expect(city.registryReload).toBeCloseTo((500 / 12) * CITY.levelChangeShare, 10);
    const nation = operationsPerMonth(scaleWorkload(CITY, 100, 'nation'));
    expect(nation.publish).toBe(25_000);
    expect(nation.directoryRead).toBe(5_000_000);
    expect(nation.ruleSetChange).toBe(city.ruleSetChange);
    // Reloads never outnumber the publishes that pay for them.
    const quiet = operationsPerMonth({ ...CITY, scenariosPerYear: 12 });
    expect(quiet.containerStart + quiet.registryReload).toBeLessThanOrEqual(quiet.publish);
  });

  it('sums operation × count × price, adds idle polling and storage, and names the dominant resource', () => {
    const perOp: Record<Operation, number> = { publish: 100, registryReload: 0, containerStart: 0, report: 0, directoryRead: 0, roadshow: 0, ruleSetChange: 0, cronRun: 0, evidenceFile: 0 };
    // Without alarms or a dashboard (their line is tested below), so the usage lines are what shows.
    const p = projectMonth(CITY, (op) => ({ ...ZERO_TOTALS, writeUnits: perOp[op] }), PRICES, { ...x86, queues: 5, storageGb: 2, wafRules: 2, alarmMetrics: 0, dashboards: 0 });
    const publishLine = p.lines.find((l) => l.operation === 'publish')!;
    expect(billTotal(publishLine.monthly)).toBeCloseTo(250 * 100 * (PRICES.dynamodb.perMillionWriteUnits / 1e6), 12);
    const idle = 5 * ASSUMPTIONS.esmEmptyReceivesPerQueuePerMinute * ASSUMPTIONS.minutesPerMonth;
    expect(p.monthly.sqs).toBeCloseTo((idle / 1e6) * PRICES.sqs.perMillionRequests, 10);
    expect(p.monthly.dynamodb).toBeCloseTo(250 * 100 * (PRICES.dynamodb.perMillionWriteUnits / 1e6) + 2 * (PRICES.dynamodb.perGbMonth + PRICES.dynamodb.pitrPerGbMonth), 10);
    const webAcl = PRICES.waf.perWebAclMonth + 2 * PRICES.waf.perRuleMonth;
    expect(p.monthly.waf).toBeCloseTo(webAcl, 12);
    expect(p.total).toBeCloseTo(billTotal(p.monthly), 12);
    // A small month is mostly the web ACL's fixed fee, then the idle pollers.
    expect(p.dominant).toBe('waf');
    // 3.24 M idle receives less the first million free; 2 GB of 25 free, their backups not; WAF has no free tier.
    expect(p.totalWithFreeTier).toBeCloseTo(
      ((idle - 1e6) / 1e6) * PRICES.sqs.perMillionRequests + 250 * 100 * (PRICES.dynamodb.perMillionWriteUnits / 1e6) + 2 * PRICES.dynamodb.pitrPerGbMonth + webAcl,
      10,
    );
  });
});

describe('the meter', () => {
  it('measures a stretch of work as the difference of two snapshots, and bills Lambda milliseconds rounded up', async () => {
    const m = new Meter();
    m.dynamo('t', 'read', 2);
    const before = m.snapshot();
    m.dynamo('t', 'read', 0.5);
    m.dynamo('t/gsi1', 'write', 3);
    m.failedConditionalWrite();
    m.sqs('SendMessage', 1);
    m.invocation('match', 0.2);
    m.invocation('match', 10.01);
    await m.invoke('api', async () => undefined);
    const d = usageSince(before, m.snapshot());
    expect(d.readUnits).toEqual({ t: 0.5 });
    expect(d.lambda.match).toEqual({ invocations: 2, billedMs: 1 + 11 });
    expect(d.lambda.api!.invocations).toBe(1);
    expect(totals(d)).toMatchObject({ readUnits: 0.5, writeUnits: 4, sqsRequests: 1, invocations: 3 });
    expect(totals(addUsage(d, emptyUsage()))).toEqual(totals(d));
  });
});

describe('pricing operations as code', () => {
  it('alarms per metric, dashboards past the free three, log storage for the retention period', () => {
    const cw = PRICES.cloudwatch;
    const bill = operationsBill(PRICES, { alarmMetrics: 38, dashboards: 1, logGbPerMonth: 2 });
    expect(bill.monitoring).toBeCloseTo(38 * cw.perAlarmMetricMonth + cw.perDashboardMonth, 10);
    // Six months of 2 GB a month are stored in a steady month.
    expect(bill.logs).toBeCloseTo(2 * ASSUMPTIONS.logRetentionMonths * PRICES.cloudwatchLogs.perGbMonthStored, 10);
    expect(billTotal(bill)).toBeCloseTo(bill.monitoring + bill.logs, 10);
    const free = operationsBill(PRICES, { alarmMetrics: 38, dashboards: 1, logGbPerMonth: 0.5, freeTier: true });
    expect(free.monitoring).toBeCloseTo((38 - cw.freeAlarmMetrics) * cw.perAlarmMetricMonth, 10);
    expect(free.logs).toBe(0);
  });

  it('counts the alarm metrics of each profile: more queues, more alarms', () => {
    expect(alarmMetrics(5)).toBe(38);
    expect(alarmMetrics(5, 'china')).toBe(34);
    expect(alarmMetrics(6)).toBe(alarmMetrics(5) + 4);
  });

  it("a month's projection carries the operations line, in the total and in the free-tier total", () => {
    const usage = () => ({ ...ZERO_TOTALS, invocations: 10 });
    const p = projectMonth(CITY, usage, PRICES, { ...x86, queues: 5, storageGb: 0, wafRules: 2 });
    const line = p.lines.find((l) => l.operation === 'operations')!;
    expect(line.monthly.monitoring).toBeCloseTo(38 * PRICES.cloudwatch.perAlarmMetricMonth + PRICES.cloudwatch.perDashboardMonth, 10);
    expect(p.monthly.monitoring).toBe(line.monthly.monitoring);
    expect(p.total).toBeGreaterThanOrEqual(line.monthly.monitoring);
    expect(p.totalWithFreeTier).toBeGreaterThanOrEqual((38 - PRICES.cloudwatch.freeAlarmMetrics) * PRICES.cloudwatch.perAlarmMetricMonth - 1e-9);
  });
});
