import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../functions/api/env';
import { platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// WCAG 2.1 A/AA (GB/T 37668-2019 asks the same of public-sector sites), checked with axe-core in
// Chromium on every console page for the role that uses it, with data on the pages.

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let stack: TestStack;
let browser: Browser;
let scenarioId = '';
let cityEvent = '';
let districtEvent = '';

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
  // A city roadshow (published: its public page and print agenda) and one a district hosts.
  const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const event = (title: string) => ({
    title, kind: 'matchmaking', venue: { address: '长江中路 1 号', region: '黄岛区' }, startsAt: at(48), endsAt: at(51), rsvpBy: at(24),
    rooms: 1, slotMinutes: 30, capacity: 20, scenarioIds: [scenarioId], maxScenarios: 1, platformsPerScenario: 1, maxSlotsPerPlatform: 1,
  });
  const huangdao = await stack.token('district', undefined, { district: '黄岛区' });
  cityEvent = (await stack.call('POST', '/v1/roadshows', { token: bureau, body: event('无障碍检查路演') })).body.id;
  districtEvent = (await stack.call('POST', '/v1/roadshows', { token: huangdao, body: event('黄岛区无障碍检查对接会') })).body.id;
  for (const [id, token] of [[cityEvent, bureau], [districtEvent, huangdao]] as const)
    await eventually(async () => (await stack.call('GET', `/v1/roadshows/${id}`, { token })).body.status === 'composed', 60_000);
  await stack.call('POST', `/v1/roadshows/${cityEvent}/publish`, { token: bureau });
}, 180_000);
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
      huangdao: await stack.token('district', undefined, { district: '黄岛区' }),
      institution: await stack.token('institution', 'ins_a11y'),
    };
    const pages: [keyof typeof tokens, string][] = [
      ['anon', '/'], ['anon', '/sign-in'], ['anon', '/signed-in'], ['anon', `/roadshows/${cityEvent}`], ['anon', `/roadshows/${cityEvent}/print`], ['anon', '/directory'], ['anon', '/scenarios'], ['anon', '/notices'], ['anon', '/my-data'],
      ['bureau', '/b/overview'], ['bureau', '/b/directory'], ['bureau', '/b/platforms/plt_a11y'], ['bureau', '/b/roadshows'], ['bureau', `/b/roadshows/${cityEvent}`], ['bureau', '/b/rounds'], ['bureau', '/b/districts'], ['bureau', '/b/recommendation'], ['bureau', '/b/tracking'], ['bureau', '/b/support'],
      ['manufacturer', '/m/scenarios'], ['manufacturer', `/m/scenarios/${scenarioId}`], ['manufacturer', '/my/roadshows'], ['manufacturer', '/account'],
      ['platform', '/p/leads'], ['platform', '/p/profile'], ['platform', '/p/indicators'], ['platform', '/p/round'], ['platform', '/p/tracking'], ['platform', '/p/support'], ['platform', '/scenarios'],
      ['expert', '/e/reviews'], ['district', '/d/applications'], ['district', '/d/platforms'], ['district', '/d/platforms/plt_a11y'], ['district', '/d/roadshows'], ['district', '/d/scenarios'], ['district', '/d/leads'], ['huangdao', `/d/roadshows/${districtEvent}`], ['institution', '/i/diagnoses'],
    ];
    // Every page the console serves is in the list: a new page joins the check or this fails.
    // (Imported here, after the stack: the route modules expect zod already extended by the API's.)
    const { pageRoutes } = await import('../../functions/console/pages/routes');
    const served = new Hono<ApiEnv>();
    pageRoutes(served);
    const unchecked = served.routes
      .filter((r) => r.method === 'GET')
      .map((r) => r.path)
      .filter((route) => !pages.some(([, path]) => new RegExp(`^${route.replace(/:[a-z]+/gi, '[^/]+')}$`).test(path)));
    expect(unchecked).toEqual([]);
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
      // 200 % zoom on this 1280-px window is a 640-px CSS viewport: the page reflows, nothing but a
      // table inside its own scroller goes sideways (WCAG 1.4.4, 1.4.10).
      await page.setViewportSize({ width: 640, height: 430 });
      await page.waitForTimeout(50);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) found.push(`${role} ${path}: ${overflow}px sideways scroll at 200 % zoom`);
      await ctx.close();
    }
    console.log(`accessibility: ${pages.length} pages checked (axe, and reflow at 200 % zoom) across ${new Set(Object.keys(tokens).map((k) => (k === 'huangdao' ? 'district' : k))).size} roles`);
    expect(found).toEqual([]);
  }, 180_000);
});
