import { pathToFileURL } from 'node:url';
import { allLeads } from '#db/leads';
import { getMatches, getScenario } from '#db/scenarios';
import { embedRegistry, scenarioInput, seedPlatforms } from './seed';
import { expectStatus, pool, startBenchStack } from './stack';
import { envList, envNumber, fmt, percentile, printTable, sleep } from './util';

export interface PipelineRow {
  platforms: number;
  solutionsEach: number;
  scenarios: number;
  /** Scenarios whose every lead landed before the deadline. */
  completed: number;
  leads: number;
  expectedLeads: number | null;
  /** First publish request → last lead written. */
  wallSec: number;
  scenariosPerSec: number;
  leadsPerSec: number;
  leadP50Ms: number;
  leadP99Ms: number;
  matchedP50Ms: number;
  matchedP99Ms: number;
  seedSec: number;
  timedOut: boolean;
}

/**
 * publish → embed → match → pairing → lead through the real queues, at growing registry sizes.
 * One stack; platforms are added between rounds (each with its solutions, embedded as the embed
 * consumer would have done), then a burst of scenarios is published at once.
 */
export async function benchPipeline(
  o: { sizes?: number[]; scenarios?: number[]; solutionsEach?: number; timeoutSec?: number; log?: (s: string) => void } = {},
) {
  const sizes = o.sizes ?? envList('BENCH_PIPELINE_SIZES', [10, 100, 1000], [10, 100]);
  const perSize = o.scenarios ?? envList('BENCH_PIPELINE_SCENARIOS', [50, 50, 50], [10, 10]);
  const solutionsEach = o.solutionsEach ?? 2;
  const timeoutSec = o.timeoutSec ?? envNumber('BENCH_PIPELINE_TIMEOUT_SEC', 150, 60);
  const log = o.log ?? (() => undefined);
  const topK = 5;
  const b = await startBenchStack({ env: { MATCH_TOP_K: String(topK) } });
  const rows: PipelineRow[] = [];
  try {
    const mfr = await b.token('manufacturer', 'ent_pipeline');
    let registered = 0;
    let scenarioNo = 0;
    // Warm-up (not measured): JIT, DynamoDB Local's JVM, the jieba dictionary, pollers' first polls.
    {
      await seedPlatforms(b, 0, 5, solutionsEach);
      registered = 5;
      await embedRegistry(b);
      const warm = await pool(Array.from({ length: 5 }, () => scenarioNo++), 5, async (i) => {
        const sc = await b.call('POST', '/v1/scenarios', { token: mfr, body: scenarioInput(i) });
        expectStatus(sc, 201, 'create scenario');
        expectStatus(await b.call('POST', `/v1/scenarios/${sc.body.id}/publish`, { token: mfr }), 202, 'publish');
        return sc.body.id as string;
      });
      const until = Date.now() + 60_000;
      while (Date.now() < until) {
        const m = await Promise.all(warm.map((id) => getMatches(b.store, id)));
        if (m.every(Boolean) && (await b.queueDepth()) === 0) break;
        await sleep(100);
      }
    }
    for (const [round, size] of sizes.entries()) {
      const t0 = performance.now();
      log(`pipeline: registering platforms ${registered}..${size}`);
      await seedPlatforms(b, registered, size, solutionsEach);
      registered = size;
      await embedRegistry(b);
      const seedSec = (performance.now() - t0) / 1000;
      const count = perSize[round] ?? perSize[perSize.length - 1] ?? 50;

      // Drafts first, then the burst: every publish in flight at once.
      const drafts = await pool(Array.from({ length: count }, () => scenarioNo++), 8, async (i) => {
        const sc = await b.call('POST', '/v1/scenarios', { token: mfr, body: scenarioInput(i) });
        expectStatus(sc, 201, 'create scenario');
        return sc.body.id as string;
      });
      const published = new Map<string, number>();
      log(`pipeline: ${size} platforms, publishing ${count} scenarios`);
      const burst = Date.now();
      await Promise.all(
        drafts.map(async (id) => {
          published.set(id, Date.now());
          expectStatus(await b.call('POST', `/v1/scenarios/${id}/publish`, { token: mfr }), 202, 'publish');
        }),
      );
      const ids = new Set(drafts);
      const deadline = Date.now() + timeoutSec * 1000;
      let expected: number | null = null;
      let timedOut = false;
      let leads = (await allLeads(b.store)).filter((l) => ids.has(l.scenarioId));
      for (;;) {
        if (expected === null) {
          const m = await Promise.all(drafts.map((id) => getMatches(b.store, id)));
          if (m.every(Boolean)) expected = m.reduce((s, x) => s + x!.selected.length, 0);
        }
        if (expected !== null && (await b.queueDepth()) === 0) {
          leads = (await allLeads(b.store)).filter((l) => ids.has(l.scenarioId));
          if (leads.length >= expected) break;
        }
        if (Date.now() > deadline) {
          timedOut = true;
          leads = (await allLeads(b.store)).filter((l) => ids.has(l.scenarioId));
          break;
        }
        await sleep(100);
      }
      const matched = (await Promise.all(drafts.map((id) => getScenario(b.store, id)))).filter((s) => s?.matchedAt);
      const leadLatency = leads.map((l) => Date.parse(l.createdAt) - published.get(l.scenarioId)!);
      const matchedLatency = matched.map((s) => Date.parse(s!.matchedAt!) - published.get(s!.id)!);
      const lastLead = Math.max(...leads.map((l) => Date.parse(l.createdAt)));
      const wallSec = (lastLead - burst) / 1000;
      const leadsOf = new Map<string, number>();
      for (const l of leads) leadsOf.set(l.scenarioId, (leadsOf.get(l.scenarioId) ?? 0) + 1);
      const matches = await Promise.all(drafts.map((id) => getMatches(b.store, id)));
      const completed = drafts.filter((id, i) => matches[i] && (leadsOf.get(id) ?? 0) >= matches[i]!.selected.length).length;
      rows.push({
        platforms: size,
        solutionsEach,
        scenarios: count,
        completed,
        leads: leads.length,
        expectedLeads: expected,
        wallSec,
        scenariosPerSec: completed / wallSec,
        leadsPerSec: leads.length / wallSec,
        leadP50Ms: percentile(leadLatency, 50),
        leadP99Ms: percentile(leadLatency, 99),
        matchedP50Ms: percentile(matchedLatency, 50),
        matchedP99Ms: percentile(matchedLatency, 99),
        seedSec,
        timedOut,
      });
      if (timedOut) {
        // Let the backlog drain (bounded) so the next round starts clean.
        const until = Date.now() + 60_000;
        while (Date.now() < until && (await b.queueDepth()) > 0) await sleep(250);
      }
    }
    return { topK, rows };
  } finally {
    await b.stop();
  }
}

export function printPipeline(r: Awaited<ReturnType<typeof benchPipeline>>) {
  printTable(
    `4. 流水线 pipeline publish → embed → match → pairing → lead (burst publish, top-${r.topK} leads/scenario, local pollers)`,
    ['platforms', 'scenarios', 'leads', 'wall s', 'scen./s', 'leads/s', 'lead p50 ms', 'lead p99 ms', 'matched p50 ms', 'matched p99 ms', 'seed s'],
    r.rows.map((x) => [
      `${x.platforms.toLocaleString('en-US')} ×${x.solutionsEach} sol.`,
      x.completed === x.scenarios ? x.scenarios : `${x.completed}/${x.scenarios} (timeout)`,
      x.expectedLeads === null || x.leads === x.expectedLeads ? x.leads : `${x.leads}/${x.expectedLeads}`,
      fmt(x.wallSec, 1),
      fmt(x.scenariosPerSec, 2),
      fmt(x.leadsPerSec, 1),
      fmt(x.leadP50Ms, 0),
      fmt(x.leadP99Ms, 0),
      fmt(x.matchedP50Ms, 0),
      fmt(x.matchedP99Ms, 0),
      fmt(x.seedSec, 1),
    ]),
    [
      'latency per lead = lead.createdAt − its scenario\'s publish request; wall = first publish → last lead; scen./s = scenarios fully delivered ÷ wall.',
      'matched = the match consumer\'s matchedAt. Locally one poller per queue takes one batch at a time (match: 5); on AWS each queue scales out.',
    ],
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchPipeline({ log: (s) => console.error(s) });
  printPipeline(r);
}
