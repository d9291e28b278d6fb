import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RUBRIC_2025_1 } from '#core/review/rubric';
import { latestReport } from '#db/indicators';
import { storeOf } from '#services/store';
import { platformBody, specializedL2Report } from '../support/fixtures';
import { reviewedRound } from '../support/recommend-fixtures';
import { PageProblems, signedInPage } from '../support/page-problems';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// Keyboard alone (GB/T 37668 / WCAG 2.1.1): every flow the other browser tests drive — post and
// publish a scenario, accept a lead, report indicators, score a review, register for an event — with
// Tab, typing, arrows, Space and Enter only; the focused control is always visibly marked, and a
// refused field is tied to the error message.

let stack: TestStack;
let browser: Browser;
const problems = new PageProblems();
let scenarioId = '';

beforeAll(async () => {
  stack = await startTestStack({ http: true, env: { PORT: '0' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const plt = await stack.token('platform', 'plt_kb');
  await stack.call('POST', '/v1/platforms', { token: plt, body: platformBody('键盘设备运维云', { industries: ['C29'] }) });
  await stack.call('PUT', '/v1/platforms/plt_kb/indicators/2025', { token: await stack.token('bureau'), body: specializedL2Report() });
}, 120_000);
afterEach(() => expect(problems.take()).toEqual([]));
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const as = (token: string): Promise<Page> => signedInPage(browser, problems, token);

/** Presses Tab until the focused element matches; fails if the page never lets the keyboard get there. */
async function tabTo(page: Page, selector: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reaches ${selector}`);
}

/** The focused control shows where the keyboard is: an outline of some width. */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
  });

async function typeInto(page: Page, testid: string, text: string) {
  await tabTo(page, `[data-testid="${testid}"]`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** A closed select changes with the arrow keys, as a keyboard user does it. */
async function arrowSelect(page: Page, testid: string, value: string) {
  await tabTo(page, `[data-testid="${testid}"]`);
  for (let i = 0; i < 80 && (await page.getByTestId(testid).inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
  expect(await page.getByTestId(testid).inputValue()).toBe(value);
}

describe('keyboard only', () => {
  it('a manufacturer posts a scenario (a refused credit code is tied to its field) and publishes it', async () => {
    problems.expected.push(/\/v1\/scenarios$/); // the first try with a bad check character
    const page = await as(await stack.token('manufacturer', 'ent_kb'));
    await page.goto(`${stack.url}/m/scenarios`);
    await page.getByTestId('domain-maintenance').waitFor();
    await typeInto(page, 'scenario-title', '注塑机老是突然停机');
    expect(await focusVisible(page)).toBe(true);
    await typeInto(page, 'scenario-description', '我们有80台注塑机，经常突发停机，维修靠老师傅经验，希望提前发现故障。');
    await typeInto(page, 'scenario-enterprise-name', '青岛键盘塑料制品有限公司');
    await typeInto(page, 'scenario-credit-code', '91350100M000100Y44');
    await arrowSelect(page, 'scenario-industry', 'C29');
    await arrowSelect(page, 'scenario-region', '黄岛区');
    await tabTo(page, '[data-testid="domain-maintenance"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Space');
    await tabTo(page, '[data-testid="scenario-submit"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    const error = page.locator('#form-msg [data-testid="error"]');
    await error.waitFor();
    const code = page.getByTestId('scenario-credit-code');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));

    await typeInto(page, 'scenario-credit-code', '91350100M000100Y43');
    await tabTo(page, '[data-testid="scenario-submit"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('scenario-created').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBeNull();
    const row = page.getByTestId('scenario-row').first();
    scenarioId = (await row.getAttribute('data-id'))!;
    await tabTo(page, `[data-testid="scenario-row"][data-id="${scenarioId}"] [data-testid="scenario-publish"]`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('published').waitFor();
    await page.context().close();
  }, 90_000);

  it('a platform accepts the lead with the keyboard', async () => {
    const plt = await stack.token('platform', 'plt_kb');
    await eventually(async () => (await stack.call('GET', '/v1/leads', { token: plt })).body.items.some((l: { scenarioId: string }) => l.scenarioId === scenarioId), 60_000);
    const page = await as(plt);
    await page.goto(`${stack.url}/p/leads`);
    const lead = `[data-testid="lead-item"][data-scenario="${scenarioId}"]`;
    await page.locator(lead).waitFor();
    await tabTo(page, `${lead} [data-testid="lead-accept"]`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator(`${lead}[data-status="accepted"]`).waitFor();
    await page.context().close();
  }, 90_000);

  it('a platform reports its indicators with the keyboard', async () => {
    const plt = await stack.token('platform', 'plt_kb');
    const page = await as(plt);
    await page.goto(`${stack.url}/p/indicators`);
    await page.locator('#general-fields input').first().waitFor();
    const report = specializedL2Report({ general: { teamSize: 61 } });
    for (const block of ['general', 'specific'] as const)
      for (const input of await page.locator(`#${block}-fields input`).all()) {
        const path = (await input.getAttribute('data-path'))!;
        const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], report[block]);
        await tabTo(page, `#${block}-fields input[data-path="${path}"]`);
        if (typeof value === 'boolean') {
          if ((await input.isChecked()) !== value) await page.keyboard.press('Space');
        } else {
          await page.keyboard.press('Control+A');
          await page.keyboard.type(String(value));
        }
      }
    await typeInto(page, 'ind-year', '2026');
    await tabTo(page, '[data-testid="ind-submit"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('indicator-assessed').waitFor({ timeout: 60_000 });
    const saved = await latestReport(storeOf(stack.deps), 'plt_kb');
    expect([saved?.year, saved?.general.teamSize]).toEqual([2026, 61]);
    await page.context().close();
  }, 90_000);

  it('an expert scores a review with the keyboard', async () => {
    const { experts, reviews } = await reviewedRound(stack, 2025, { scored: false });
    const expert = experts[0]!;
    const page = await as(expert.token);
    await page.goto(`${stack.url}/e/reviews`);
    await page.getByTestId('review-open').first().waitFor();
    await tabTo(page, '[data-testid="review-open"]');
    await page.keyboard.press('Enter');
    for (const c of RUBRIC_2025_1.categories.specialized) await typeInto(page, `score-${c.id}`, String(c.max * 0.8));
    await typeInto(page, 'score-comment', '平台能力扎实，建议推荐。');
    await tabTo(page, '[data-testid="score-submit"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('score-saved').waitFor();
    const mine = reviews.filter((r) => r.expertId === expert.id).map((r) => r.id);
    const done = await Promise.all(mine.map(async (id) => (await stack.call('GET', `/v1/reviews/${id}`, { token: expert.token })).body.status));
    expect(done).toContain('submitted');
    await page.context().close();
  }, 90_000);

  it('a guest registers for a roadshow with the keyboard', async () => {
    const bureau = await stack.token('bureau');
    const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const id = (await stack.call('POST', '/v1/roadshows', {
      token: bureau,
      body: { title: '键盘路演', kind: 'matchmaking', venue: { address: '株洲路 1 号', region: '崂山区' }, startsAt: at(48), endsAt: at(51), rsvpBy: at(24), rooms: 1, slotMinutes: 30, capacity: 10, scenarioIds: [scenarioId], maxScenarios: 1, platformsPerScenario: 1, maxSlotsPerPlatform: 1 },
    })).body.id;
    await eventually(async () => (await stack.call('GET', `/v1/roadshows/${id}`, { token: bureau })).body.status === 'composed', 60_000);
    expect((await stack.call('POST', `/v1/roadshows/${id}/publish`, { token: bureau })).status).toBe(202);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    problems.watch(page);
    await page.goto(`${stack.url}/roadshows/${id}`);
    await page.getByTestId('pub-rs-name').waitFor();
    await typeInto(page, 'pub-rs-name', '王先生');
    await typeInto(page, 'pub-rs-enterprise', '青岛键盘机械有限公司');
    await typeInto(page, 'pub-rs-contact', '13912340000');
    if (await page.getByTestId('pub-rs-interest').count()) {
      await tabTo(page, '[data-testid="pub-rs-interest"]');
      await page.keyboard.press('Space');
    }
    await tabTo(page, '[data-testid="pub-rs-submit"]');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    expect((await page.getByTestId('pub-rs-code').textContent())!.trim()).toMatch(/^[A-Z2-9]{8}$/);
    await ctx.close();
  }, 90_000);
});
