import { parseArgs } from 'node:util';
import { creditCodeCheckChar } from '#core/credit-code';
import { signToken } from './token';

/**
 * A deployment's smoke test: `npm run smoke -- --url <base> [--token <manufacturer service token>]
 * [--bureau-token <…>] | [--secret <AUTH_SECRET>]`. Reads what anyone may read (health, the
 * console's home and sign-in pages, the public directory and notice page, the OpenAPI document)
 * and, with a manufacturer's service token, posts, matches and withdraws one scenario marked
 * `smokeTest` (no platform gets a lead, no list or statistic shows it). With the bureau's token it
 * also checks that the statistics did not move. Prints one line per check; exits 1 if any failed.
 */
export interface SmokeOptions {
  base: string;
  /** A manufacturer's service token; without it the write checks are skipped (and reported so). */
  token?: string;
  bureauToken?: string;
  /** How long matching may take before the check fails. */
  matchTimeoutMs?: number;
  fetch?: typeof fetch;
}

export interface SmokeResult {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
  skipped?: boolean;
}

/** The org smoke scenarios are filed under: no real enterprise's list shows them. */
export const SMOKE_ORG = 'smoke-test';

const SMOKE_CREDIT_CODE = '91370200MA9999999' + creditCodeCheckChar('91370200MA9999999')!;

export const smokeScenario = () => ({
  title: '冒烟测试：注塑设备预测性维护（自动创建，随即撤回）',
  description: '部署后的自动冒烟测试场景：注塑机突发停机，希望基于设备数据提前发现故障。该场景不生成线索，不计入统计。',
  enterprise: { name: '冒烟测试 / smoke test', creditCode: SMOKE_CREDIT_CODE },
  industry: 'C29',
  domains: ['maintenance'],
  technologies: ['iot'],
  region: '黄岛区',
  smokeTest: true as const,
});

export async function runSmoke(o: SmokeOptions): Promise<SmokeResult[]> {
  const f = o.fetch ?? fetch;
  const base = o.base.replace(/\/$/, '');
  const results: SmokeResult[] = [];
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await f(base + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), accept: 'application/json, text/html' },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json, type: res.headers.get('content-type') ?? '' };
  };
  const check = async (name: string, run: () => Promise<string>) => {
    const t = Date.now();
    try {
      const detail = await run();
      results.push({ name, ok: true, ms: Date.now() - t, detail });
    } catch (err) {
      results.push({ name, ok: false, ms: Date.now() - t, detail: (err as Error).message });
    }
  };
  const expectStatus = (r: { status: number; text: string }, want: number, what: string) => {
    if (r.status !== want) throw new Error(`${what}: HTTP ${r.status}, expected ${want}: ${r.text.slice(0, 160)}`);
  };
  const page = (path: string, mustContain: RegExp) => async () => {
    const r = await call('GET', path);
    expectStatus(r, 200, path);
    if (!r.type.includes('text/html')) throw new Error(`${path}: content-type ${r.type}, expected HTML`);
    if (!mustContain.test(r.text)) throw new Error(`${path}: the page does not contain ${mustContain}`);
    return `HTML, ${r.text.length} bytes`;
  };

  await check('health', async () => {
    const r = await call('GET', '/v1/health');
    expectStatus(r, 200, '/v1/health');
    if (r.json?.status !== 'ok') throw new Error(`status ${JSON.stringify(r.json?.status)}`);
    return 'ok';
  });
  await check('console home page', page('/', /<html/i));
  await check('console sign-in page', page('/sign-in', /<html/i));
  await check('public directory (API)', async () => {
    const r = await call('GET', '/v1/directory');
    expectStatus(r, 200, '/v1/directory');
    if (!Array.isArray(r.json?.items)) throw new Error('no items array');
    return `${r.json.items.length} listed platforms`;
  });
  await check('public directory page', page('/directory', /<html/i));
  await check('public notice page', page('/notices', /<html/i));
  await check('OpenAPI document', async () => {
    const r = await call('GET', '/v1/openapi.json');
    expectStatus(r, 200, '/v1/openapi.json');
    const paths = Object.keys(r.json?.paths ?? {});
    if (!String(r.json?.openapi ?? '').startsWith('3.') || !paths.includes('/v1/scenarios')) throw new Error('not an OpenAPI 3 document describing /v1/scenarios');
    return `OpenAPI ${r.json.openapi}, ${paths.length} paths`;
  });

  if (!o.token) {
    results.push({ name: 'scenario: post, match, withdraw', ok: true, ms: 0, detail: 'skipped: no --token (or --secret)', skipped: true });
    return results;
  }
  const statsNow = async () => {
    const r = await call('GET', '/v1/stats/overview', o.bureauToken);
    expectStatus(r, 200, '/v1/stats/overview');
    return { scenarios: r.json.scenarios, leads: r.json.leads.total };
  };
  const before = o.bureauToken ? await statsNow().catch(() => undefined) : undefined;
  let id = '';
  await check('scenario posted (marked smoke test)', async () => {
    const r = await call('POST', '/v1/scenarios', o.token, smokeScenario());
    expectStatus(r, 201, 'POST /v1/scenarios');
    if (r.json?.smokeTest !== true) throw new Error('the scenario came back without smokeTest: this deployment predates smoke tests, so it would count');
    id = r.json.id;
    return id;
  });
  if (!id) return results;
  await check('scenario matched', async () => {
    expectStatus(await call('POST', `/v1/scenarios/${id}/publish`, o.token), 202, 'publish');
    const deadline = Date.now() + (o.matchTimeoutMs ?? 60_000);
    let status = '';
    while (Date.now() < deadline) {
      status = (await call('GET', `/v1/scenarios/${id}`, o.token)).json?.status;
      if (status === 'matched') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (status !== 'matched') throw new Error(`still ${status} after ${(o.matchTimeoutMs ?? 60_000) / 1000} s: are the queue consumers running?`);
    const m = await call('GET', `/v1/scenarios/${id}/matches`, o.token);
    expectStatus(m, 200, 'matches');
    return `${m.json.items.length} ranked platforms`;
  });
  await check('scenario withdrawn', async () => {
    const r = await call('POST', `/v1/scenarios/${id}/withdraw`, o.token);
    expectStatus(r, 200, 'withdraw');
    if (r.json?.status !== 'withdrawn') throw new Error(`status ${r.json?.status}`);
    return 'withdrawn';
  });
  if (o.bureauToken) {
    await check('statistics unchanged by the smoke test', async () => {
      if (!before) throw new Error('could not read the statistics before the test');
      const after = await statsNow();
      // Real traffic during the run moves them too: run the smoke test when the service is quiet.
      if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
      const listed = await call('GET', '/v1/scenarios?status=withdrawn&limit=200', o.bureauToken);
      if ((listed.json?.items ?? []).some((x: { id: string }) => x.id === id)) throw new Error("the bureau's scenario list shows the smoke scenario");
      return `${after.scenarios.total} scenarios, ${after.leads} leads, as before`;
    });
  }
  return results;
}

export function report(results: SmokeResult[], base: string): string {
  const lines = results.map((r) => `${r.skipped ? '–' : r.ok ? '✓' : '✗'} ${r.name.padEnd(42)} ${String(r.ms).padStart(6)} ms  ${r.detail}`);
  const failed = results.filter((r) => !r.ok).length;
  return [`smoke test of ${base}`, ...lines, failed ? `FAILED: ${failed} of ${results.length} checks` : `passed: ${results.filter((r) => !r.skipped).length} checks`].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, token: { type: 'string' }, 'bureau-token': { type: 'string' }, secret: { type: 'string' }, 'match-timeout': { type: 'string' } },
  });
  if (!values.url) {
    console.error('usage: npm run smoke -- --url <base> [--token <manufacturer token>] [--bureau-token <token>] [--secret <AUTH_SECRET>] [--match-timeout <seconds>]');
    process.exit(2);
  }
  // With the service's AUTH_SECRET the script signs both tokens itself (service tokens, API.md).
  const secret = values.secret ?? process.env.SMOKE_AUTH_SECRET;
  const token = values.token ?? (secret ? await signToken(secret, { role: 'manufacturer', org: SMOKE_ORG, sub: 'smoke-test', hours: 1 }) : undefined);
  const bureauToken = values['bureau-token'] ?? (secret ? await signToken(secret, { role: 'bureau', sub: 'smoke-test', hours: 1 }) : undefined);
  const results = await runSmoke({ base: values.url, token, bureauToken, matchTimeoutMs: values['match-timeout'] ? Number(values['match-timeout']) * 1000 : undefined });
  console.log(report(results, values.url));
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
