import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MARKER_ORG, loadDemoCity } from '../../packages/local/demo/city';
import { demoClient } from '../../packages/local/demo/http';
import { startTestStack, type TestStack } from '../support/stack';

// What a newcomer sees after `npm run demo`: every main console page, for the role that uses it,
// shows content — no empty table, list or chart. With TOUR_SCREENSHOTS=1 (`npm run tour`) the pages
// are also saved as the README's tour (docs/tour/*.png).

const SHOTS = process.env.TOUR_SCREENSHOTS === '1' ? resolve('docs/tour') : null;
let stack: TestStack;
let browser: Browser;
let platformId = '';
let district = '';

beforeAll(async () => {
  stack = await startTestStack({ http: true, env: { PORT: '0', MATCH_MIN_SCORE: '0.3' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const city = await loadDemoCity(demoClient(stack.url!), stack.settings.AUTH_SECRET);
  // The district with most applications in the demo round: its first-review page has the most to show.
  const apps = (await stack.call('GET', `/v1/rounds/${city.roundId}/applications`, { token: await stack.token('bureau') })).body.items as { region: string }[];
  const counts = new Map<string, number>();
  for (const a of apps) counts.set(a.region, (counts.get(a.region) ?? 0) + 1);
  district = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const register = (await stack.call('GET', '/v1/stats/platforms', { token: await stack.token('bureau') })).body.items as { id: string; leads: { accepted: number; declined: number; pending: number } }[];
  platformId = register.sort((a, b) => b.leads.accepted + b.leads.pending - (a.leads.accepted + a.leads.pending))[0]!.id;
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Who = 'anon' | 'bureau' | 'manufacturer' | 'platform' | 'expert' | 'district';
const PAGES: [Who, string, string][] = [
  ['anon', '/directory', 'directory'],
  ['anon', '/scenarios', 'scenario-catalogue'],
  ['anon', '/notices', 'public-notice'],
  ['bureau', '/b/overview', 'bureau-overview'],
  ['bureau', '/b/directory', 'bureau-register'],
  ['bureau', '/b/roadshows', 'bureau-roadshows'],
  ['bureau', '/b/rounds', 'bureau-round'],
  ['bureau', '/b/districts', 'bureau-districts'],
  ['manufacturer', '/m/scenarios', 'manufacturer-scenarios'],
  ['platform', '/p/leads', 'platform-leads'],
  ['district', '/d/applications', 'district-review'],
];

describe('the demo city in the console', () => {
  it('every main page has content for its role', async () => {
    const tokens: Record<Who, string | null> = {
      anon: null,
      bureau: await stack.token('bureau'),
      manufacturer: await stack.token('manufacturer', DEMO_MARKER_ORG),
      platform: await stack.token('platform', platformId),
      expert: null,
      district: await stack.token('district', undefined, { district }),
    };
    const empty: string[] = [];
    for (const [who, path, name] of PAGES) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
      const token = tokens[who];
      if (token) await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), token);
      const page = await ctx.newPage();
      await page.goto(stack.url + path);
      await page.locator('main').waitFor();
      await page.waitForLoadState('networkidle');
      // Content: table rows, list items, chart marks or cards in the page's main part; and no "nothing yet" line.
      const filled = await page
        .locator('main table tbody tr:has(td:not(.muted)), main li, main svg rect, main svg path, main .card .card, main [data-testid$="-row"], main [data-testid$="-item"], main [data-testid="district-application"], main .kpi')
        .count();
      const nothing = await page.locator('main [data-testid$="-empty"], main [data-testid="need-sign-in"]').count();
      if (filled === 0 || nothing > 0) empty.push(`${who} ${path}: ${filled} items, ${nothing} empty notes`);
      if (SHOTS) {
        // Charts animate in; a picture for the README waits for them to settle (not a test of speed).
        await page.waitForTimeout(1500);
        await page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: false });
      }
      await ctx.close();
    }
    expect(empty).toEqual([]);
  }, 240_000);
});
