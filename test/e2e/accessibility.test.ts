import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// WCAG 2.1 A/AA (GB/T 37668-2019 asks the same of public-sector sites), checked with axe-core in
// Chromium on every console page for the role that uses it, with data on the pages.

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let stack: TestStack;
let browser: Browser;
let scenarioId = '';

beforeAll(async () => {
  stack = await startTestStack({ http: true, env: { PORT: '0' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const bureau = await stack.token('bureau');
  await stack.call('POST', '/v1/platforms', { token: await stack.token('platform', 'plt_a11y'), body: platformBody('无障碍检查平台') });
  await stack.call('PUT', '/v1/platforms/plt_a11y/indicators/2025', { token: bureau, body: specializedL2Report() });
  const mfr = await stack.token('manufacturer', 'ent_a11y');
  scenarioId = (await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody() })).body.id;
  await stack.call('POST', `/v1/scenarios/${scenarioId}/publish`, { token: mfr });
  await eventually(async () => (await stack.call('GET', `/v1/scenarios/${scenarioId}`, { token: mfr })).body.status === 'matched');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
  it('no serious or critical violation on any page, for the role that uses it', async () => {
    const tokens = {
      anon: undefined,
      bureau: await stack.token('bureau'),
      manufacturer: await stack.token('manufacturer', 'ent_a11y'),
      platform: await stack.token('platform', 'plt_a11y'),
      expert: await stack.token('expert', undefined, { sub: 'exp_a11y' }),
      district: await stack.token('district', undefined, { district: '崂山区' }),
      institution: await stack.token('institution', 'ins_a11y'),
    };
    const pages: [keyof typeof tokens, string][] = [
      ['anon', '/'], ['anon', '/sign-in'], ['anon', '/directory'], ['anon', '/scenarios'], ['anon', '/notices'], ['anon', '/my-data'],
      ['bureau', '/b/overview'], ['bureau', '/b/directory'], ['bureau', '/b/platforms/plt_a11y'], ['bureau', '/b/roadshows'], ['bureau', '/b/rounds'], ['bureau', '/b/districts'], ['bureau', '/b/recommendation'], ['bureau', '/b/tracking'], ['bureau', '/b/support'],
      ['manufacturer', '/m/scenarios'], ['manufacturer', `/m/scenarios/${scenarioId}`], ['manufacturer', '/my/roadshows'], ['manufacturer', '/account'],
      ['platform', '/p/leads'], ['platform', '/p/profile'], ['platform', '/p/indicators'], ['platform', '/p/round'], ['platform', '/p/tracking'], ['platform', '/scenarios'],
      ['expert', '/e/reviews'], ['district', '/d/applications'], ['district', '/d/platforms'], ['district', '/d/roadshows'], ['district', '/d/scenarios'], ['institution', '/i/diagnoses'],
    ];
    const found: string[] = [];
    for (const [role, path] of pages) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const token = tokens[role];
      if (token) await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), token);
      const page = await ctx.newPage();
      await page.goto(stack.url + path);
      await page.locator('main').waitFor();
      await page.waitForLoadState('networkidle');
      await page.addScriptTag({ content: AXE });
      const violations: { id: string; impact: string; nodes: { target: string[] }[] }[] = await page.evaluate(
        async () => (await (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: never[] }> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })).violations,
      );
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) found.push(`${role} ${path}: ${v.impact} ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await ctx.close();
    }
    console.log(`accessibility: ${pages.length} pages checked across ${Object.keys(tokens).length} roles`);
    expect(found).toEqual([]);
  }, 180_000);
});
