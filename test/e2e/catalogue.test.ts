import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PageProblems } from '../support/page-problems';
import { platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// On a 390-px phone: the public 场景清单 with filters, a platform stepping forward (揭榜), the
// manufacturer comparing the proposal with the matches and accepting it, and searching the 名录 by
// need, then carrying the words into the scenario form.

const PHONE = { width: 390, height: 844 };
let stack: TestStack;
let browser: Browser;
const problems = new PageProblems();
let scenarioId = '';
let platformId = '';

beforeAll(async () => {
  stack = await startTestStack({ http: true, env: { PORT: '0' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const bureau = await stack.token('bureau');
  for (const [name, extra] of [
    ['海智设备预测维护云', { domains: ['maintenance'], industries: ['C29'], description: '注塑机等设备的状态监测与预测性维护，减少突发停机' }],
    ['青能能耗管理平台', { domains: ['energy'], industries: [], description: '工厂能耗在线监测、空压站节能与电费分析' }],
  ] as const) {
    const id = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(name, extra) })).body.id;
    await stack.call('PUT', `/v1/platforms/${id}/indicators/2025`, { token: bureau, body: specializedL2Report() });
    if (!platformId) platformId = id;
  }
  await eventually(async () => (await stack.call('GET', '/v1/directory')).body.items?.length === 2);
  const mfr = await stack.token('manufacturer', 'ent_cat');
  scenarioId = (await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody() })).body.id;
  await stack.call('POST', `/v1/scenarios/${scenarioId}/publish`, { token: mfr });
  await eventually(async () => (await stack.call('GET', `/v1/scenarios/${scenarioId}`, { token: mfr })).body.status === 'matched');
}, 120_000);

afterEach(() => expect(problems.take()).toEqual([]));
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function phone(token?: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  if (token) await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), token);
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  problems.watch(page);
  return page;
}

const fits = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

describe('the other direction, on a phone', () => {
  it('anyone reads the catalogue with filters; the enterprise is described, not named', async () => {
    const page = await phone();
    await page.goto(`${stack.url}/scenarios`);
    const item = page.locator(`[data-testid="catalogue-item"][data-id="${scenarioId}"]`);
    await item.waitFor();
    expect(await item.getByTestId('catalogue-enterprise').textContent()).toContain('某橡胶和塑料制品企业（黄岛区）');
    expect(await page.getByTestId('proposal-open').count()).toBe(0);
    await page.getByTestId('catalogue-region').selectOption('崂山区');
    await page.getByTestId('catalogue-apply').click();
    await page.getByTestId('catalogue-empty').waitFor();
    await fits(page);
  });

  it('a platform steps forward and sees its score; the manufacturer compares and accepts it', async () => {
    const p = await phone(await stack.token('platform', platformId));
    await p.goto(`${stack.url}/scenarios`);
    const item = p.locator(`[data-testid="catalogue-item"][data-id="${scenarioId}"]`);
    await item.getByTestId('proposal-open').click();
    await item.getByTestId('proposal-summary').fill('振动与电流监测，预测性维护，十二周上线');
    await item.getByTestId('proposal-budget').fill('60');
    await item.getByTestId('proposal-submit').click();
    await item.getByTestId('proposal-sent').waitFor();
    expect(await item.getByTestId('match-reason').count()).toBeGreaterThan(0);
    await fits(p);

    const m = await phone(await stack.token('manufacturer', 'ent_cat'));
    await m.goto(`${stack.url}/m/scenarios/${scenarioId}`);
    const proposal = m.locator(`[data-testid="proposal-item"][data-platform="${platformId}"]`);
    await proposal.waitFor();
    // On the same scale as the match list, with the same factors. Not the same number: scored later,
    // its fair-exposure factor already counts the lead matching sent this platform meanwhile.
    const match = m.locator(`[data-testid="match-item"][data-platform="${platformId}"]`);
    const matchScore = Number(await match.getByTestId('match-score').textContent());
    expect(Math.abs(Number(await proposal.getByTestId('proposal-score').textContent()) - matchScore)).toBeLessThan(5);
    const factors = async (el: typeof match) => (await el.getByTestId('match-reason').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-factor')))).sort();
    expect(await factors(proposal)).toEqual(await factors(match));
    await proposal.getByTestId('proposal-accept').click();
    await m.getByTestId('proposal-accepted').waitFor();
    await m.locator(`[data-testid="proposal-item"][data-platform="${platformId}"][data-status="accepted"]`).waitFor();
    await fits(m);
  }, 60_000);

  it('searches the 名录 by need and carries the words into the scenario form', async () => {
    const page = await phone();
    await page.goto(`${stack.url}/directory`);
    await page.getByTestId('search-q').fill('空压站电费一个月四十万');
    await page.getByTestId('search-submit').click();
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor();
    expect(await hits.first().textContent()).toContain('青能能耗管理平台');
    await fits(page);
    const href = await page.getByTestId('search-post').getAttribute('href');
    const m = await phone(await stack.token('manufacturer', 'ent_cat'));
    await m.goto(`${stack.url}${href}`);
    await expect.poll(() => m.getByTestId('scenario-title').inputValue(), { timeout: 20_000 }).toBe('空压站电费一个月四十万');
  }, 60_000);

  it('a platform follows industries and domains from its profile page', async () => {
    const p = await phone(await stack.token('platform', platformId));
    await p.goto(`${stack.url}/p/profile`);
    await p.getByTestId('subscription-form').waitFor();
    await p.getByTestId('sub-domain-energy').check();
    await p.getByTestId('sub-industry-C29').check();
    await p.getByTestId('sub-submit').click();
    await p.getByTestId('subscription-saved').waitFor();
    const saved = await stack.call('GET', `/v1/platforms/${platformId}/subscription`, { token: await stack.token('platform', platformId) });
    expect(saved.body).toMatchObject({ industries: ['C29'], domains: ['energy'] });
    await p.reload();
    await expect.poll(() => p.getByTestId('sub-domain-energy').isChecked(), { timeout: 20_000 }).toBe(true);
    await fits(p);
  }, 60_000);
});
