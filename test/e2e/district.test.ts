import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assessApplication } from '#services/rounds';
import { PageProblems } from '../support/page-problems';
import { creditCodeFor, platformBody, specializedL2Report } from '../support/fixtures';
import { fillScenario } from '../support/scenario-form';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// A district official on a phone: signs in, sees the district's share of the city and the round's
// first-review queue, returns one application (a comment is required) and endorses another.

const PHONE = { width: 390, height: 844 };
const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
let stack: TestStack;
let browser: Browser;
const problems = new PageProblems();
const apps: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ http: true, env: { PORT: '0' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const bureau = await stack.token('bureau');
  const day = 86_400_000;
  const roundId = (await stack.call('POST', '/v1/rounds', {
    token: bureau,
    body: { year: 2025, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString(), noticeDays: 7, districtReview: true },
  })).body.id;
  for (const [name, region] of [['黄岛海工云', '黄岛区'], ['黄岛橡塑智造', '黄岛区'], ['崂山设备云', '崂山区']] as const) {
    const id = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(name, { region }) })).body.id;
    const plt = await stack.token('platform', id);
    await stack.call('PUT', `/v1/platforms/${id}/indicators/2025`, { token: plt, body: specializedL2Report() });
    const app = (await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: plt, body: { platformId: id } })).body.id;
    await stack.call('POST', `/v1/applications/${app}/submit`, { token: plt });
    await assessApplication(stack.deps, { type: 'AssessApplication', applicationId: app, submission: 1 });
    apps.push(app);
  }
}, 120_000);

afterEach(() => expect(problems.take()).toEqual([]));
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function phone(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  problems.watch(page);
  return page;
}

describe('district first review (初审) on a phone', () => {
  it('shows only the district’s applications; a return needs a comment; endorse and return change the queue', async () => {
    const page = await phone();
    await page.goto(`${stack.url}/sign-in`);
    await page.getByTestId('dev-role').selectOption('district');
    await page.getByTestId('dev-org').fill('黄岛区');
    await page.getByTestId('dev-submit').click();
    await page.waitForURL('**/d/applications');
    const cards = page.getByTestId('district-application');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    expect(await page.getByTestId('district-platforms').textContent()).toContain('67%');

    const first = page.locator(`[data-testid="district-application"][data-id="${apps[0]}"]`);
    problems.expected.push(/\/v1\/applications\/[^/]+\/return$/);
    await first.getByTestId('return').click();
    await page.getByTestId('error').waitFor();
    await first.getByTestId('review-comment').fill('请补充服务企业清单');
    await first.getByTestId('return').click();
    await page.locator(`[data-testid="district-application"][data-id="${apps[0]}"][data-review="returned"]`).waitFor();

    const second = page.locator(`[data-testid="district-application"][data-id="${apps[1]}"]`);
    await second.getByTestId('endorse').click();
    await page.locator(`[data-testid="district-application"][data-id="${apps[1]}"][data-review="endorsed"]`).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const bureau = await stack.token('bureau');
    const list = await stack.call('GET', `/v1/rounds/rnd_2025/applications`, { token: bureau });
    expect(list.body.items.map((a: { id: string; districtReview: { status: string } }) => [a.id, a.districtReview.status]).sort()).toEqual(
      [[apps[0], 'returned'], [apps[1], 'endorsed'], [apps[2], 'pending']].sort(),
    );
  }, 60_000);

  it('reads its own platforms and their portraits, and opens its events page, on a phone', async () => {
    const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), await stack.token('district', undefined, { district: '黄岛区' }));
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    problems.watch(page);
    await page.goto(`${stack.url}/d/platforms`);
    await page.getByTestId('register-row').first().waitFor();
    expect((await page.getByTestId('platform-link').allTextContents()).sort()).toEqual(['黄岛橡塑智造', '黄岛海工云']);
    await page.getByTestId('platform-link').first().click();
    await page.waitForURL('**/d/platforms/**');
    await page.getByTestId('platform-name').waitFor();
    expect(await page.getByTestId('platform-name').textContent()).toMatch(/^黄岛/);
    await page.goto(`${stack.url}/d/roadshows`);
    await page.getByTestId('roadshow-empty').waitFor();
    expect(await page.getByTestId('roadshow-form').isVisible()).toBe(true);
    await ctx.close();
  }, 60_000);

  it('enters a scenario for an enterprise without an account (代为填报) and publishes it, on a phone', async () => {
    const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), await stack.token('district', undefined, { district: '黄岛区' }));
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    problems.watch(page);
    await page.goto(`${stack.url}/d/scenarios`);
    await page.getByTestId('domain-maintenance').waitFor();
    await fillScenario(page, '注塑机停机没人知道', '我们有二十台注塑机，夜班停机了早上才发现，想要设备联网报警。', { name: '青岛黄岛某塑胶有限公司', creditCode: creditCodeFor(5151) });
    await page.getByTestId('scenario-submit').click();
    await page.getByTestId('scenario-created').waitFor();
    const row = page.getByTestId('scenario-row').first();
    expect(await row.getByTestId('scenario-enterprise').textContent()).toContain('区（市）代为填报');
    await row.getByTestId('scenario-publish').click();
    await page.getByTestId('published').waitFor();
    await ctx.close();
  }, 60_000);

  it('follows the leads on its scenarios, on a phone, and filters them by status', async () => {
    const district = await stack.token('district', undefined, { district: '黄岛区' });
    // The scenario entered above is matched and its leads delivered (to 黄岛区's own platforms and others).
    // Pairing delivers them one by one: wait until the count holds still.
    const read = async () => (await stack.call('GET', '/v1/leads', { token: district })).body.items as { id: string; status: string; scenario: { title: string } }[];
    const leads = await eventually(async () => {
      const before = await read();
      await new Promise((r) => setTimeout(r, 1000));
      const after = await read();
      return after.length && after.length === before.length ? after : undefined;
    }, 60_000);
    const bureau = await stack.token('bureau');
    const first = leads[0]!;
    const platformOf = ((await stack.call('GET', '/v1/leads', { token: bureau })).body.items as { id: string; platformId: string }[]).find((l) => l.id === first.id)!.platformId;
    await stack.call('POST', `/v1/leads/${first.id}/accept`, { token: await stack.token('platform', platformOf) });
    const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), district);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    problems.watch(page);
    await page.goto(`${stack.url}/d/leads`);
    await page.getByTestId('dl-item').first().waitFor();
    expect(await page.getByTestId('dl-item').count()).toBe(leads.length);
    expect(await page.locator(`[data-testid="dl-item"][data-id="${first.id}"]`).textContent()).toContain('注塑机停机没人知道');
    await page.getByTestId('dl-filter').selectOption('accepted');
    await eventually(async () => (await page.getByTestId('dl-item').count()) === 1);
    expect(await page.getByTestId('dl-item').getAttribute('data-status')).toBe('accepted');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'd-leads-390.png'), fullPage: true });
    await ctx.close();
  }, 90_000);

  it('the city compares the districts and exports the table', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), await stack.token('bureau'));
    const page = await ctx.newPage();
    problems.watch(page);
    await page.goto(`${stack.url}/b/districts`);
    const row = page.locator('[data-testid="district-row"][data-region="黄岛区"]');
    await row.waitFor();
    expect(await page.getByTestId('district-row').count()).toBe(10);
    expect(await row.getByTestId('district-review').textContent()).toBe('0 / 1 / 1');
    const download = page.waitForEvent('download');
    await page.getByTestId('districts-xlsx').click();
    expect((await download).suggestedFilename()).toBe('districts.xlsx');
    await ctx.close();
  }, 60_000);
});
