import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCity, type DemoSummary } from '#local/demo/city';
import { demoClient } from '#local/demo/http';
import { DemoSignIn } from '#local/demo/people';
import { startTestStack, type TestStack } from '../support/stack';

// What a newcomer sees after `npm run demo`: every main console page, for the role that uses it,
// shows content — no empty table, list or chart. Each role is the demo person `npm run demo`
// prints, signed in through the dev mailbox as a newcomer would. With TOUR_SCREENSHOTS=1 (`npm run tour`) the pages
// are also saved as the README's tour (docs/tour/*.png).

const SHOTS = process.env.TOUR_SCREENSHOTS === '1' ? resolve('docs/tour') : null;
let stack: TestStack;
let browser: Browser;
let city: DemoSummary;

beforeAll(async () => {
  stack = await startTestStack({ http: true, env: { PORT: '0', MATCH_MIN_SCORE: '0.3' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  city = await loadDemoCity(demoClient(stack.url!), stack.settings.AUTH_SECRET);
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
  ['expert', '/e/reviews', 'expert-reviews'],
  ['district', '/d/applications', 'district-review'],
];

describe('the demo city in the console', () => {
  it('every main page has content for its role', async () => {
    const people = new DemoSignIn(demoClient(stack.url!));
    const tokens: Record<Who, string | null> = { anon: null, bureau: null, manufacturer: null, platform: null, expert: null, district: null };
    for (const p of city.people) tokens[p.role] = await people.signIn(p.contact);
    // The operator's person lands on its organisation; the page is its platform with most leads.
    const register = (await stack.call('GET', '/v1/stats/platforms', { token: await stack.token('bureau') })).body.items as { id: string; leads: { accepted: number; pending: number } }[];
    const theirs = (await people.me(tokens.platform!)).memberships.flatMap((m) => m.actAs.map((a) => a.org));
    const busiest = register.filter((r) => theirs.includes(r.id)).sort((a, b) => b.leads.accepted + b.leads.pending - (a.leads.accepted + a.leads.pending))[0]!;
    tokens.platform = await people.actFor(tokens.platform!, busiest.id);
    tokens.expert = await people.actFor(tokens.expert!, { expert: (await people.me(tokens.expert!)).experts[0]!.expertId });
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
