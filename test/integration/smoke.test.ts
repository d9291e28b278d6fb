/**
 * `npm run smoke` against `npm start` (the CI's run of it: start, wait for health, smoke, stop), a
 * failing deployment making it exit non-zero, and what a smoke-test scenario leaves behind on a
 * stack with platforms to match: matches, but no lead, no list entry and no statistic.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/ports';
import { SMOKE_ORG, runSmoke } from '#local/smoke';
import { creditCodeFor, platformBody } from '../support/fixtures';
import { startServiceProcess, type ServiceProcess } from '../support/service-process';
import { eventually, startTestStack } from '../support/stack';

const run = promisify(execFile);
const SECRET = 'smoke-test-secret-0123456789abcdef';

/** The CLI as an operator runs it; resolves with its exit code and output whatever they are. */
async function smokeCli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'packages/local/smoke.ts', ...args], { timeout: 120_000 });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('npm run smoke against npm start', () => {
  let service: ServiceProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'gongfu-smoke-'));
  afterAll(async () => {
    await service?.terminate();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes every check, the scenario ones included, and exits 0', async () => {
    service = await startServiceProcess({ DATA_DIR: dataDir, AUTH_SECRET: SECRET }, { http: await freePort() });
    const { code, out } = await smokeCli(['--url', service.base, '--secret', SECRET]);
    expect(out).toContain(`smoke test of ${service.base}`);
    for (const name of ['health', 'console home page', 'console sign-in page', 'public directory (API)', 'public notice page', 'OpenAPI document', 'scenario posted (marked smoke test)', 'scenario matched', 'scenario withdrawn', 'statistics unchanged by the smoke test'])
      expect(out, name).toMatch(new RegExp(`✓ ${name.replace(/[()]/g, '\\$&')}`));
    expect(out).toContain('passed: 11 checks');
    expect(code, out).toBe(0);
  }, 180_000);

  it('without a token it checks the public surface and says the scenario checks were skipped', async () => {
    const { code, out } = await smokeCli(['--url', service!.base]);
    expect(out).toContain('– scenario: post, match, withdraw');
    expect(out).toContain('skipped');
    expect(code).toBe(0);
  }, 60_000);
});

describe('a deployment that is not well', () => {
  it('health answering 503 and pages missing: each failure is reported and the exit code is 1', async () => {
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/v1/health' ? 503 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'storage down' } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { code, out } = await smokeCli(['--url', base]);
      expect(out).toMatch(/✗ health .*HTTP 503/);
      expect(out).toMatch(/✗ OpenAPI document .*HTTP 404/);
      expect(out).toMatch(/FAILED: 7 of 8 checks/);
      expect(code).toBe(1);
    } finally {
      server.close();
    }
  }, 60_000);
});

describe('a smoke-test scenario on a stack with platforms', () => {
  it('is matched against them, but no platform gets a lead and no list or statistic shows it', async () => {
    const stack = await startTestStack({ env: { RATE_LIMIT_PER_MINUTE: '1000' } });
    try {
      for (let i = 0; i < 3; i++) {
        const p = await stack.call('POST', '/v1/platforms', { token: await stack.token('bureau'), body: platformBody(`设备运维平台${i}`, { operator: { name: `运营商${i}`, creditCode: creditCodeFor(500 + i) } }) });
        expect(p.status).toBe(201);
      }
      const bureau = await stack.token('bureau');
      const manufacturer = await stack.token('manufacturer', SMOKE_ORG);
      // Embeddings settle through the queues before the registry can rank them.
      await eventually(async () => (await stack.call('GET', '/v1/stats/overview', { token: bureau })).body.platforms.total === 3);
      const app = (url: string | URL | Request, init?: RequestInit) => stack.app.request(String(url), init);
      const results = await runSmoke({ base: 'http://stack.local', token: manufacturer, bureauToken: bureau, fetch: app as typeof fetch, matchTimeoutMs: 30_000 });
      expect(results.filter((r) => !r.ok), JSON.stringify(results)).toEqual([]);
      const matched = results.find((r) => r.name === 'scenario matched')!;
      expect(matched.detail).toMatch(/^[1-9]\d* ranked platforms$/);
      const leads = await stack.call('GET', '/v1/leads?limit=200', { token: bureau });
      expect(leads.body.items).toEqual([]);
      const overview = (await stack.call('GET', '/v1/stats/overview', { token: bureau })).body;
      expect(overview.scenarios.total).toBe(0);
    } finally {
      await stack.stop();
    }
  }, 120_000);
});
