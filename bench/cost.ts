import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { FUNCTION_DEFAULTS } from '../infra/defaults';
import { routerWafRules } from '../infra/waf';
import { QD_2025_1 } from '#core/maturity/qd-2025.1';
import type { Category } from '#core/taxonomy';
import { createLead } from '#db/leads';
import { bumpRegistryVersion } from '#db/platforms';
import { getMatches } from '#db/scenarios';
import { ASSUMPTIONS, PRICES, type Architecture } from '#cost/prices';
import {
  CITY,
  FLAT_SLOPE,
  alarmMetrics,
  OPERATIONS,
  ZERO_TOTALS,
  billTotal,
  dominant,
  gbSeconds,
  logLogSlope,
  price,
  projectMonth,
  scaleWorkload,
  totalsAtSize,
  type Operation,
  type Projection,
} from '#cost/projection';
import { totals, usageSince, type Usage, type UsageTotals } from '#metering/usage';
import { QUEUE_NAMES } from '#queue/queues';
import { createDeps } from '#runtime/deps';
import { runAssessment } from '#services/assessment';
import { reconcile } from '#services/reconcile';
import { embedRegistry, indicatorReport, scenarioInput, seedPlatforms, type SeededPlatform } from './seed';
import { expectStatus, pool, startBenchStack, type BenchStack } from './stack';
import { envList, fmt, printTable, sleep } from './util';

/** What infra/ configures for every function (infra/defaults.ts); SST's default architecture is x86_64. */
const MEMORY_MB = Number.parseInt(FUNCTION_DEFAULTS.memory, 10);
const ARCHITECTURE: Architecture = (FUNCTION_DEFAULTS as { architecture?: Architecture }).architecture ?? 'x86_64';

/** Publishes measured as they happen; the model's reload operations are differences of these. */
type Measured = 'publishCold' | 'publishAfterChange';
type Derived = 'registryReload' | 'containerStart';
type MeasuredOperation = Exclude<Operation, Derived> | Measured;

export interface SizeRun {
  platforms: number;
  solutions: number;
  tableBytes: number;
  /** Raw meter readings per measured operation (`publish` is the first warm one). */
  usage: Record<MeasuredOperation, Usage>;
  totals: Record<MeasuredOperation, UsageTotals>;
}

const mean = (us: UsageTotals[]) => {
  const out = { ...ZERO_TOTALS };
  for (const k of Object.keys(out) as (keyof UsageTotals)[]) out[k] = us.reduce((s, u) => s + u[k], 0) / us.length;
  return out;
};

/** Until every queue is empty and every poller has seen it empty with no batch in flight. */
async function settle(b: BenchStack, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await b.queueDepth()) === 0) {
      await Promise.all([...b.stack.pollers.values()].map((p) => p.idle()));
      if ((await b.queueDepth()) === 0) return;
    }
    if (Date.now() > deadline) throw new Error(`queues did not drain within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/**
 * The consumers restarted on a fresh dependency bag: what a new Lambda container starts with (no
 * registry snapshot, no vectors in memory), sharing the process's clients and meter.
 */
async function newContainer(b: BenchStack) {
  await b.stack.stopPollers();
  // An aborted long poll stays open on the server until its 1 s wait ends and would swallow a
  // message sent meanwhile (invisible for the visibility timeout): let those polls expire first.
  await sleep(1500);
  const d = b.stack.deps;
  b.stack.startPollers(createDeps(b.stack.settings, d.resources, { ddb: d.ddb, sqs: d.sqs, meter: d.meter, embedder: d.embedder, log: d.log }));
}

/**
 * A month in progress: every platform already has an open lead this month, so its exposure counter
 * exists. That is the steady state of a city (250 scenarios × 5 leads a month over 500 platforms),
 * and what makes a per-match read of all counters grow with the registry.
 */
async function busyMonth(b: BenchStack, platformIds: string[]) {
  const now = Date.now();
  const monthStart = Date.parse(`${new Date(now).toISOString().slice(0, 7)}-01T00:00:00.000Z`);
  const at = new Date(Math.max(monthStart, now - 30 * 60_000)).toISOString();
  await pool(platformIds, 8, (platformId) =>
    createLead(b.store, {
      id: `lead_cost_${platformId}`,
      scenarioId: 'scn_cost_earlier',
      platformId,
      platformName: platformId,
      status: 'pending',
      score: 0.5,
      reasons: [],
      scenario: { title: '本月较早的场景', industry: 'C38', domains: ['maintenance'], region: '市南区', enterpriseName: '青岛某企业', ownerOrg: 'ent_cost' },
      delivery: { webhook: 'none', attempts: 0 },
      createdAt: at,
    }),
  );
}

async function tableBytes(b: BenchStack): Promise<number> {
  const t = await b.stack.deps.ddb.send(new DescribeTableCommand({ TableName: b.stack.settings.TABLE_NAME }));
  return t.Table?.TableSizeBytes ?? 0;
}

/** One evidence file as an applicant sends it: a 2 MB PDF (the projection's ~2 MB per file). */
const EVIDENCE_BYTES = 2 * 1024 * 1024;
const DAY = 86_400_000;
const MB = 1024 * 1024;

/**
 * One evidence file's life on an open application: the upload URL, the browser's PUT to it, the
 * check (copy out of `incoming/`, hash), and one download by a reader through the listed link.
 */
async function evidenceFile(b: BenchStack, token: string, applicationId: string, no: number) {
  const content = Buffer.alloc(EVIDENCE_BYTES, `%PDF-1.4 成本测算 ${no} `);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const ann = await b.call('POST', `/v1/applications/${applicationId}/evidence`, {
    token,
    body: { kind: 'case', fileName: `典型案例-${no}.pdf`, contentType: 'application/pdf', size: content.length, sha256 },
  });
  expectStatus(ann, 201, 'declare evidence');
  const put = await fetch(ann.body.uploadUrl, { method: 'PUT', headers: ann.body.headers, body: new Uint8Array(content) });
  if (put.status !== 200) throw new Error(`evidence upload: HTTP ${put.status}`);
  const verified = await b.call('POST', `/v1/applications/${applicationId}/evidence/${ann.body.id}/verify`, { token });
  expectStatus(verified, 200, 'verify evidence');
  // The list signs a link for every verified file; only the new one is downloaded here, so a
  // list of n files counts n GETs issued: the operation is measured on an application's first file.
  const list = await b.call('GET', `/v1/applications/${applicationId}/evidence`, { token });
  expectStatus(list, 200, 'list evidence');
  const item = (list.body.items as { id: string; downloadUrl?: string }[]).find((e) => e.id === ann.body.id);
  const got = await fetch(item!.downloadUrl!);
  if ((await got.arrayBuffer()).byteLength !== content.length) throw new Error('evidence download: wrong size');
}

export async function benchCost(o: { sizes?: number[]; log?: (s: string) => void } = {}) {
  const sizes = o.sizes ?? envList('BENCH_COST_SIZES', [100, 1000, 10_000], [50, 200, 800]);
  const log = o.log ?? (() => undefined);
  const solutionsEach = 2;
  const b = await startBenchStack({ cron: false, env: { MATCH_TOP_K: '5', RECONCILE_AFTER_SEC: '300' } });
  const meter = b.stack.deps.meter;
  const runs: SizeRun[] = [];
  const year = new Date().getUTCFullYear() - 1;
  try {
    const mfr = await b.token('manufacturer', 'ent_cost');
    const bureau = await b.token('bureau');
    let registered = 0;
    let scenarioNo = 0;
    let reportNo = 0;
    const seeded: SeededPlatform[] = [];
    let roundId: string | undefined;

    /**
     * Usage of `f` and all the queued work it causes. With `markers`, also the reconciler's
     * clearing of the pairing markers it left (work the next cron run does on its behalf; counted
     * here, not as an extra invocation, because that cron runs anyway).
     */
    const measure = async (f: () => Promise<void>, o: { timeoutMs?: number; markers?: boolean } = {}): Promise<Usage> => {
      const before = meter.snapshot();
      await f();
      await settle(b, o.timeoutMs ?? 300_000);
      if (o.markers) await reconcile(b.stack.deps, { olderThanSec: 0 });
      return usageSince(before, meter.snapshot());
    };
    const publishOne = async () => {
      const sc = await b.call('POST', '/v1/scenarios', { token: mfr, body: scenarioInput(scenarioNo++) });
      expectStatus(sc, 201, 'create scenario');
      expectStatus(await b.call('POST', `/v1/scenarios/${sc.body.id}/publish`, { token: mfr }), 202, 'publish');
      return sc.body.id as string;
    };
    const report = async (p: SeededPlatform, i: number) => {
      const res = await b.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: indicatorReport(i, p.category as Category) });
      expectStatus(res, 202, 'report indicators');
      return res.body as { version: number };
    };

    // Warm-up, not measured: JIT, the JVM, the tokenizer's dictionary, the pollers' first polls.
    seeded.push(...(await seedPlatforms(b, 0, 5, solutionsEach)));
    await busyMonth(b, seeded.map((p) => p.id));
    registered = 5;
    await embedRegistry(b);
    await measure(async () => void (await publishOne()), { markers: true });

    for (const size of sizes) {
      log(`cost: registering platforms ${registered}..${size} (${solutionsEach} solutions each) and grading them`);
      const fresh = await seedPlatforms(b, registered, size, solutionsEach);
      seeded.push(...fresh);
      registered = size;
      await embedRegistry(b);
      // Every new platform reports and is graded (in this process, not through the queue), so the
      // directory and a rule-set change see a graded registry.
      await b.quietly(() =>
        pool(fresh, 8, async (p) => {
          const r = await report(p, reportNo++);
          await runAssessment(b.stack.deps, { type: 'IndicatorsReported', platformId: p.id, year, version: r.version });
        }),
      );
      await busyMonth(b, fresh.map((p) => p.id));

      log(`cost: ${size} platforms — publish (new container, then warm)`);
      await newContainer(b);
      const published: string[] = [];
      const publishCold = await measure(async () => void published.push(await publishOne()), { markers: true });
      const warm: Usage[] = [];
      for (let i = 0; i < 3; i++) warm.push(await measure(async () => void published.push(await publishOne()), { markers: true }));
      const matches = await getMatches(b.store, published[published.length - 1]!);
      if (!matches?.selected.length) throw new Error('publish produced no leads');

      log(`cost: ${size} platforms — indicator report, directory reads, roadshow, cron`);
      const reporter = seeded[Math.floor(seeded.length / 2)]!;
      const reportUsage = await measure(async () => void (await report(reporter, reportNo++)));
      // A level change invalidates the warm consumer's registry snapshot; what does the next publish pay?
      await bumpRegistryVersion(b.store);
      const publishAfterChange = await measure(async () => void (await publishOne()), { markers: true });
      const directory: Usage[] = [];
      for (let i = 0; i < 5; i++)
        directory.push(await measure(async () => expectStatus(await b.call('GET', '/v1/directory'), 200, 'directory')));
      // The same agenda size at every registry size: this size's four scenarios, three platforms each.
      const roadshow = await measure(async () =>
        expectStatus(
          await b.call('POST', '/v1/roadshows', {
            token: bureau,
            body: { title: `成本测算路演 ${size}`, date: '2026-06-01', scenarioIds: published, maxScenarios: 4, platformsPerScenario: 3, maxSlotsPerPlatform: 4 },
          }),
          202,
          'roadshow',
        ),
        { markers: true },
      );
      const cronRun = await measure(async () => void (await meter.invoke('reconcile', () => reconcile(b.stack.deps, { olderThanSec: 300 }))));

      log(`cost: ${size} platforms — one evidence file (upload URL, upload, verify, download)`);
      if (!roundId) {
        const round = await b.call('POST', '/v1/rounds', {
          token: bureau,
          body: { year, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString(), noticeDays: 7 },
        });
        expectStatus(round, 201, 'open round');
        roundId = round.body.id as string;
      }
      // A new applicant at every size: verified files cannot be withdrawn, and the measured file is
      // an application's first.
      const applicant = fresh[0]!;
      const application = await b.call('POST', `/v1/rounds/${roundId}/applications`, { token: applicant.token, body: { platformId: applicant.id } });
      expectStatus(application, 201, 'apply');
      const evidence = await measure(() => evidenceFile(b, applicant.token, application.body.id as string, size));

      log(`cost: ${size} platforms — rule-set change (reassess all)`);
      const ruleSet = { ...structuredClone(QD_2025_1), version: `cost-${size}` };
      const ruleSetChange = await measure(
        async () => expectStatus(await b.call('PUT', `/v1/rule-sets/${ruleSet.version}`, { token: bureau, body: ruleSet }), 202, 'rule set'),
        { timeoutMs: 600_000 },
      );

      const usage = {
        publishCold,
        publishAfterChange,
        publish: warm[0]!,
        report: reportUsage,
        directoryRead: directory[0]!,
        roadshow,
        ruleSetChange,
        cronRun,
        evidenceFile: evidence,
      };
      runs.push({
        platforms: size,
        solutions: size * solutionsEach,
        tableBytes: await tableBytes(b),
        usage,
        totals: {
          publishCold: totals(publishCold),
          publishAfterChange: totals(publishAfterChange),
          publish: mean(warm.map(totals)),
          report: totals(reportUsage),
          directoryRead: mean(directory.map(totals)),
          roadshow: totals(roadshow),
          ruleSetChange: totals(ruleSetChange),
          cronRun: totals(cronRun),
          evidenceFile: totals(evidence),
        },
      });
    }
  } finally {
    await b.stop();
  }
  return analyse(runs);
}

/** What a new container and a registry change add to a publish: the excess over a warm one. */
function derived(t: Record<MeasuredOperation, UsageTotals>): Record<Derived, UsageTotals> {
  const extra = (x: UsageTotals) => {
    const out = { ...ZERO_TOTALS };
    for (const k of Object.keys(out) as (keyof UsageTotals)[]) out[k] = Math.max(0, x[k] - t.publish[k]);
    return out;
  };
  const start = extra(t.publishCold);
  return {
    registryReload: extra(t.publishAfterChange),
    // Lambda bills INIT too; the local stack has no INIT to time, so the cold-start budget is added.
    containerStart: { ...start, billedMs: start.billedMs + ASSUMPTIONS.initMsPerContainerStart },
  };
}

/** Prices, growth exponents and the city / province / nation projections from the measured runs. */
export function analyse(measured: SizeRun[]) {
  // Runs saved before a quantity or an operation was measured read as zero for it (--reprint).
  const complete = (t: Partial<Record<string, Partial<UsageTotals>>>) =>
    Object.fromEntries((['publishCold', 'publishAfterChange', ...OPERATIONS] as const).map((op) => [op, { ...ZERO_TOTALS, ...t[op] }])) as Record<
      MeasuredOperation,
      UsageTotals
    >;
  const runs = measured.map((r) => {
    const t = complete(r.totals);
    return { ...r, totals: { ...t, ...derived(t) } };
  });
  const opts = { architecture: ARCHITECTURE, memoryMb: MEMORY_MB };
  const measuredOps = ['publishCold', 'publishAfterChange', ...OPERATIONS] as const;
  const perOp = runs.flatMap((r) =>
    measuredOps.map((op) => {
      const t = r.totals[op];
      const bill = price(t, PRICES, opts);
      return { op, platforms: r.platforms, ...t, gbSeconds: gbSeconds(t, MEMORY_MB), usd: billTotal(bill), dominant: billTotal(bill) > 0 ? dominant(bill) : '—' };
    }),
  );
  const slopeOf = (op: string, value: (t: UsageTotals) => number) =>
    logLogSlope(runs.map((r) => ({ n: r.platforms, value: value(r.totals[op as Operation]) })));
  const growth = measuredOps.map((op) => ({
    op,
    readUnits: slopeOf(op, (t) => t.readUnits),
    writeUnits: slopeOf(op, (t) => t.writeUnits),
    sqsRequests: slopeOf(op, (t) => t.sqsRequests),
    gbSeconds: slopeOf(op, (t) => t.billedMs),
    usd: slopeOf(op, (t) => billTotal(price(t, PRICES, opts))),
  }));

  // Storage: the registry's bytes grow with platforms; scenarios add their share for a year.
  const largest = runs[runs.length - 1]!;
  const bytesPerPlatform = largest.tableBytes / largest.platforms;
  const usageAt = (op: Operation, n: number) => totalsAtSize(runs.map((r) => ({ n: r.platforms, totals: r.totals[op] })), n);
  const workloads = [CITY, scaleWorkload(CITY, 10, 'province'), scaleWorkload(CITY, 100, 'nation')];
  const projections = workloads.map((w) => {
    const storageGb = (w.platforms * bytesPerPlatform) / 1024 ** 3;
    const x86 = projectMonth(w, usageAt, PRICES, { ...opts, queues: QUEUE_NAMES.length, storageGb, wafRules: routerWafRules().length });
    const arm = projectMonth(w, usageAt, PRICES, { ...opts, architecture: 'arm64', queues: QUEUE_NAMES.length, storageGb, wafRules: routerWafRules().length });
    return { ...x86, storageGb, totalArm64: arm.total };
  });
  return {
    prices: { region: PRICES.region, asOf: PRICES.asOf, architecture: ARCHITECTURE, memoryMb: MEMORY_MB },
    assumptions: ASSUMPTIONS,
    runs,
    perOp,
    growth,
    bytesPerPlatform,
    projections,
  };
}

export type CostResult = Awaited<ReturnType<typeof benchCost>>;

/** Why an operation whose consumption grows with the registry is left so (or what bounds it). */
const WHY_IT_GROWS: Partial<Record<string, string>> = {
  containerStart: 'a new match container reads every platform, solution, vector and exposure counter once, then ranks from memory',
  publishCold: 'the same: the first publish a new container handles',
  registryReload: 'a level change makes warm containers re-read platforms and solutions (vectors stay in memory)',
  publishAfterChange: 'the same: the first publish after a level change',
  ruleSetChange: 'reassesses every platform by definition; once a year',
  directoryRead: 'one page of 50: grows only until the directory holds 50 graded platforms',
  roadshow: 'agenda of fixed size; reads one match list per chosen scenario',
};

const usd = (x: number) => (x === 0 ? '0' : x < 0.0001 ? `$${x.toExponential(1)}` : x < 1 ? `$${x.toFixed(4)}` : `$${x.toFixed(2)}`);
const slope = (x: number) => (Math.abs(x) < FLAT_SLOPE ? `${x.toFixed(2)} (flat)` : x.toFixed(2));

export function printCost(r: CostResult) {
  printTable(
    `7a. 运行成本 consumption per operation on the local stack (${r.prices.region}, list prices ${r.prices.asOf}, Lambda ${r.prices.architecture} ${r.prices.memoryMb} MB)`,
    ['operation', 'platforms', 'read units', 'write units', 'SQS req', 'S3 req PUT/GET', 'S3 MB in/out', 'invocations', 'GB-s', 'US$ / op', 'dominant'],
    r.perOp.map((p) => [
      p.op,
      p.platforms,
      fmt(p.readUnits, 1),
      fmt(p.writeUnits, 1),
      fmt(p.sqsRequests, 0),
      `${fmt(p.s3WriteRequests, 0)}/${fmt(p.s3ReadRequests, 0)}`,
      `${fmt(p.s3BytesIn / MB, 1)}/${fmt(p.s3BytesOut / MB, 1)}`,
      fmt(p.invocations, 1),
      fmt(p.gbSeconds, 3),
      usd(p.usd),
      p.dominant,
    ]),
    [
      'read/write units: DynamoDB request units from ReturnConsumedCapacity on every call (table + GSIs), failed conditional writes at 1 unit.',
      'publish = create + publish a scenario through embed → match → pairing to its leads and the reconciler clearing its pairing marker, warm',
      'consumers (mean of 3); publishCold = the same on a new container, publishAfterChange = after a level change; containerStart and',
      'registryReload are their excess over publish. roadshow = 4 scenarios × 3 platforms. SQS: billed requests, empty receives excluded (idle',
      'polling is priced separately). GB-s = measured handler time × configured memory (timings of a shared, loaded machine: pessimistic);',
      'API calls count as invocations. evidenceFile = one 2 MB file on a new application: upload URL, browser PUT, verify (HEAD, COPY, GET',
      'to hash, DELETE free), listing with its download link and the browser GET. S3 PUT class = PUT/COPY/POST/LIST, GET class = GET/HEAD;',
      'presigned PUT/GET are counted when the URL is issued (the browser talks to S3 directly). MB in = uploaded (priced as storage), out = downloads.',
    ],
  );
  printTable(
    '7b. 增长指数 growth exponent in registry size (log-log slope over the measured sizes; 0 = constant per operation, 1 = linear)',
    ['operation', 'read units', 'write units', 'SQS req', 'GB-s', 'US$'],
    r.growth.map((g) => [g.op, slope(g.readUnits), slope(g.writeUnits), slope(g.sqsRequests), slope(g.gbSeconds), slope(g.usd)]),
    [
      `sizes: ${r.runs.map((x) => x.platforms).join(', ')} platforms (${r.runs.map((x) => x.solutions).join(', ')} solutions), every platform with an open lead this month.`,
      ...r.growth
        .filter((g) => Math.max(g.readUnits, g.writeUnits, g.sqsRequests) >= FLAT_SLOPE)
        .map((g) => `grows with the registry: ${g.op} — ${WHY_IT_GROWS[g.op] ?? 'not explained'}.`),
    ],
  );
  const lineNames = r.projections[0]!.lines.map((l) => l.operation);
  const cell = (p: Projection, name: string) => {
    const l = p.lines.find((x) => x.operation === name)!;
    return `${usd(billTotal(l.monthly))} (${fmt(l.perMonth, 1)}×)`;
  };
  printTable(
    '7c. 月度成本预测 monthly cost projection (list price, no free tier; × = operations a month)',
    ['line', ...r.projections.map((p) => `${p.workload.name} (${p.workload.platforms.toLocaleString('en-US')} platforms)`)],
    [
      ...lineNames.map((n) => [n, ...r.projections.map((p) => cell(p, n))]),
      ['TOTAL / month', ...r.projections.map((p) => usd(p.total))],
      ['  dominant resource', ...r.projections.map((p) => `${p.dominant} ${usd(p.monthly[p.dominant])}`)],
      ['  with always-free tier', ...r.projections.map((p) => usd(p.totalWithFreeTier))],
      ['  same on arm64', ...r.projections.map((p) => usd(p.totalArm64))],
    ],
    [
      `city: ${CITY.scenariosPerYear.toLocaleString('en-US')} scenarios and ${CITY.reportsPerYear} reports a year, ${CITY.directoryReadsPerMonth.toLocaleString('en-US')} directory reads and 1 roadshow a month, 1 rule-set change a year; province 10×, nation 100×.`,
      `per-operation usage at each registry size follows the measured growth curve (piecewise power law, extended past the largest size).`,
      `idlePolling: ${ASSUMPTIONS.esmEmptyReceivesPerQueuePerMinute} empty receives a minute on each of ${QUEUE_NAMES.length} queues (Lambda's pollers); cronRun: reconciler every 5 minutes.`,
      `containerStart includes ${ASSUMPTIONS.initMsPerContainerStart} ms of billed INIT (cold-start budget × the 4 functions of a publish).`,
      `evidenceFile: ${CITY.applicationsPerYear} applications × ${CITY.evidenceFilesPerApplication} files of ${fmt(EVIDENCE_BYTES / MB, 0)} MB a year at city scale, each downloaded once; evidence kept ${ASSUMPTIONS.evidenceYearsKept} years: ${r.projections.map((p) => `${p.workload.name} ${fmt(p.s3Gb, 1)} GB`).join(', ')} in S3 Standard (storage line).`,
      `webAcl: AWS WAF on the router, US$${PRICES.waf.perWebAclMonth} a month plus US$${PRICES.waf.perRuleMonth} per rule (${routerWafRules().length}: infra/waf.ts); its US$${PRICES.waf.perMillionRequests} per million requests is in each operation's line.`,
      `storage: ${fmt(r.bytesPerPlatform / 1024, 1)} KiB per platform measured (profile, solutions, vectors, reports, assessments); logs: ${ASSUMPTIONS.logBytesPerInvocation} B per invocation assumed.`,
      `operations: ${alarmMetrics(QUEUE_NAMES.length)} alarm metrics (infra/alarms.ts), 1 dashboard (3 are free), every log line kept ${ASSUMPTIONS.logRetentionMonths} months (infra/logs.ts); SNS alarm e-mails within the free 1,000.`,
    ],
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `tsx bench/cost.ts --reprint`: re-price the runs of the last `npm run bench` (bench/results.json).
  if (process.argv.includes('--reprint')) {
    const file = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
    printCost(analyse((JSON.parse(readFileSync(file, 'utf8')) as { results: { cost: { runs: SizeRun[] } } }).results.cost.runs));
  } else printCost(await benchCost({ log: (s) => console.error(s) }));
  process.exit(0);
}
