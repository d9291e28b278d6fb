import { allPlatforms } from '#db/platforms';
import { embedRegistry, indicatorReport, scenarioInput, seedPlatforms } from './seed';
import { expectStatus, pool, startBenchStack } from './stack';
import { envNumber, printTable, waitFor } from './util';

// Search by need (issue 21) through the API on the local stack: a 名录 of N graded platforms, then
// one query at a time over HTTP (what a citizen's browser does), warm after one first search.

export interface SearchBenchResult {
  platforms: number;
  listed: number;
  queries: number;
  firstMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function benchSearch(o: { log?: (s: string) => void } = {}): Promise<SearchBenchResult> {
  const n = envNumber('BENCH_SEARCH_PLATFORMS', 1000, 100);
  const queries = envNumber('BENCH_SEARCH_QUERIES', 200, 30);
  const log = o.log ?? (() => undefined);
  const b = await startBenchStack({ http: true });
  try {
    const year = new Date().getUTCFullYear() - 1;
    log(`search: seeding ${n} platforms`);
    const seeded = await seedPlatforms(b, 0, n, 1);
    await embedRegistry(b);
    await pool(seeded, 8, async (p, i) => expectStatus(await b.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: indicatorReport(i, p.category) }), 202, 'report'));
    await waitFor('assessments', async () => (await allPlatforms(b.store)).filter((p) => p.assessedYear === year).length >= n, 600_000, 250);
    const listed = (await allPlatforms(b.store)).filter((p) => p.level >= 1).length;
    // One address per query: the hourly per-address budget is not what is measured here.
    const search = async (i: number) => {
      const q = scenarioInput(i).description;
      const t0 = performance.now();
      const res = await fetch(`${b.stack.url}/v1/public/directory/search?q=${encodeURIComponent(q)}`, { headers: { 'x-forwarded-for': `10.9.${i >> 8}.${i & 255}` } });
      const body = (await res.json()) as { items?: unknown[] };
      const ms = performance.now() - t0;
      if (res.status !== 200 || !body.items?.length) throw new Error(`search answered ${res.status} with ${body.items?.length ?? 0} items`);
      return ms;
    };
    const firstMs = await search(0);
    const times: number[] = [];
    for (let i = 1; i <= queries; i++) times.push(await search(i));
    times.sort((a, b2) => a - b2);
    return { platforms: n, listed, queries, firstMs, p50Ms: pct(times, 50), p90Ms: pct(times, 90), p99Ms: pct(times, 99), maxMs: times[times.length - 1]! };
  } finally {
    await b.stop();
  }
}

export function printSearch(r: SearchBenchResult) {
  printTable(
    `Search by need through the API (GET /v1/public/directory/search), ${r.platforms} platforms, ${r.listed} listed`,
    ['queries', 'first (cold registry) ms', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
    [[r.queries, r.firstMs, r.p50Ms, r.p90Ms, r.p99Ms, r.maxMs]],
    ['one query at a time over HTTP; each ranks every listed platform with the matcher (rankNeed) and reads the top ten'],
  );
}
