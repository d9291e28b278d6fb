import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allLeads } from '#db/leads';
import { allPlatforms } from '#db/platforms';
import { getMatches } from '#db/scenarios';
import { embedRegistry, indicatorReport, scenarioInput, seedPlatforms } from './seed';
import { expectStatus, pool, startBenchStack } from './stack';
import { envNumber, fmt, printTable, waitFor } from './util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface LoadResult {
  endpoint: string;
  connections: number;
  durationSec: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  avgBodyBytes: number;
}

/**
 * autocannon in its own process so the load generator does not share an event loop with the
 * server under test (on 2 cores they still share the machine).
 */
function autocannon(url: string, connections: number, durationSec: number, headers: Record<string, string>): Promise<any> {
  const script = `
import autocannon from 'autocannon';
const r = await autocannon({ url: ${JSON.stringify(url)}, connections: ${connections}, duration: ${durationSec}, headers: ${JSON.stringify(headers)} });
process.stdout.write('\\nBENCH ' + JSON.stringify(r) + '\\n');
`;
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', rej);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) return rej(new Error(`autocannon exited ${code}: ${err.slice(-1000)}`));
      res(JSON.parse(line.slice(6)));
    });
  });
}

export async function benchApiLoad(
  o: { platforms?: number; graded?: number; scenarios?: number; connections?: number; durationSec?: number; log?: (s: string) => void } = {},
) {
  const platforms = o.platforms ?? envNumber('BENCH_LOAD_PLATFORMS', 200, 30);
  const graded = o.graded ?? Math.round(platforms * 0.6);
  const topK = 5;
  const scenarios = o.scenarios ?? envNumber('BENCH_LOAD_SCENARIOS', 100, 10);
  const connections = o.connections ?? envNumber('BENCH_LOAD_CONNECTIONS', 50, 50);
  const durationSec = o.durationSec ?? envNumber('BENCH_LOAD_SECONDS', 10, 2);
  const log = o.log ?? (() => undefined);

  const b = await startBenchStack({ http: true, env: { MATCH_TOP_K: String(topK) } });
  try {
    const bureau = await b.token('bureau');
    const year = new Date().getUTCFullYear() - 1;
    const t0 = performance.now();
    log(`api-load: seeding ${platforms} platforms`);
    const seeded = await seedPlatforms(b, 0, platforms, 1);
    await embedRegistry(b);
    // Graded platforms: indicators through the API, assessed by the assess consumer.
    await pool(seeded.slice(0, graded), 8, async (p, i) => {
      const res = await b.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: indicatorReport(i, p.category) });
      expectStatus(res, 202, 'report indicators');
    });
    await waitFor('assessments', async () => (await allPlatforms(b.store)).filter((p) => p.assessedYear === year).length >= graded, 120_000, 250);
    const directoryRows = (await allPlatforms(b.store)).filter((p) => p.level >= 1).length;

    log(`api-load: publishing ${scenarios} scenarios`);
    const mfr = await b.token('manufacturer', 'ent_bench');
    const ids = await pool(Array.from({ length: scenarios }, (_, i) => i), 8, async (i) => {
      const sc = await b.call('POST', '/v1/scenarios', { token: mfr, body: scenarioInput(i) });
      expectStatus(sc, 201, 'create scenario');
      expectStatus(await b.call('POST', `/v1/scenarios/${sc.body.id}/publish`, { token: mfr }), 202, 'publish');
      return sc.body.id as string;
    });
    const expected = await waitFor(
      'scenarios matched',
      async () => {
        const m = await Promise.all(ids.map((id) => getMatches(b.store, id)));
        return m.every(Boolean) ? m.reduce((s, x) => s + x!.selected.length, 0) : null;
      },
      300_000,
      250,
    );
    await waitFor('leads', async () => (await allLeads(b.store)).length >= expected, 300_000, 250);
    const leads = (await allLeads(b.store)).length;
    const seedSec = (performance.now() - t0) / 1000;

    const results: LoadResult[] = [];
    const targets = [
      { endpoint: 'GET /v1/directory', path: '/v1/directory', headers: {} as Record<string, string> },
      { endpoint: 'GET /v1/leads (bureau)', path: '/v1/leads', headers: { authorization: `Bearer ${bureau}` } },
    ];
    for (const t of targets) {
      // Correctness first: the endpoint answers 200 with rows before it is loaded.
      const probe = await fetch(`${b.stack.url}${t.path}`, { headers: t.headers });
      const body = (await probe.json()) as { items?: unknown[] };
      if (probe.status !== 200 || !body.items?.length) throw new Error(`${t.endpoint} answered ${probe.status} with ${body.items?.length ?? 0} items`);
      log(`api-load: ${t.endpoint} ${connections}×${durationSec}s`);
      const r = await autocannon(`${b.stack.url}${t.path}`, connections, durationSec, t.headers);
      // Requests autocannon left queued are still being served: wait until a probe is answered
      // without queueing, so the next run (or stopping DynamoDB) does not overlap with them.
      for (const until = Date.now() + 30_000; Date.now() < until; ) {
        const t0 = performance.now();
        await (await fetch(`${b.stack.url}${t.path}`, { headers: t.headers })).arrayBuffer();
        if (performance.now() - t0 < 150) break;
      }
      results.push({
        endpoint: t.endpoint,
        connections,
        durationSec,
        requests: r.requests.total,
        rps: r.requests.average,
        p50Ms: r.latency.p50,
        p90Ms: r.latency.p90,
        p99Ms: r.latency.p99,
        maxMs: r.latency.max,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        avgBodyBytes: r.requests.total ? r.throughput.total / r.requests.total : 0,
      });
    }
    return { platforms, graded, directoryRows, scenarios, leads, seedSec, results };
  } finally {
    await b.stop();
  }
}

export function printApiLoad(r: Awaited<ReturnType<typeof benchApiLoad>>) {
  printTable(
    `3. API 负载 load (autocannon, ${r.results[0]?.connections ?? '?'} connections × ${r.results[0]?.durationSec ?? '?'} s; ${r.platforms} platforms, ${r.directoryRows} in the directory, ${r.leads} leads)`,
    ['endpoint', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx', 'errors', 'KiB/resp'],
    r.results.map((x) => [x.endpoint, fmt(x.rps, 0), fmt(x.p50Ms, 0), fmt(x.p90Ms, 0), fmt(x.p99Ms, 0), fmt(x.maxMs, 0), x.requests, x.non2xx, x.errors + x.timeouts, fmt(x.avgBodyBytes / 1024, 1)]),
    [
      `seeding (API + queues: ${r.graded} indicator reports assessed, ${r.scenarios} scenarios → ${r.leads} leads) took ${fmt(r.seedSec, 1)} s; pages are the default 50 rows.`,
      `non-2xx must be 0: ${r.results.every((x) => x.non2xx === 0 && x.errors === 0 && x.timeouts === 0) ? 'PASS' : 'FAIL'}. Server, pollers and DynamoDB Local share this machine with the load generator.`,
    ],
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchApiLoad({ log: (s) => console.error(s) });
  printApiLoad(r);
}
