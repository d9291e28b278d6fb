import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createReview } from '#db/reviews';
import { storeOf } from '#services/store';
import { creditCodeFor } from '../support/fixtures';
import { assignmentFor, creditCode, expertBody } from '../support/round-fixtures';
import { fillScenario } from '../support/scenario-form';
import { lastCode } from '../support/sign-in';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
let stack: TestStack;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startTestStack({ http: true, env: { PORT: '0' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'] });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function newPage(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => problems.push(`script error on ${page.url()}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error on ${page.url()}: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.request().method()} ${r.url()} answered ${r.status()}`));
  return page;
}

/** The sign-in server's own pages: contact, then the code from the dev mailbox. */
async function signInWithCode(page: Page, contact: string, shot?: string) {
  await page.goto(`${stack.url}/sign-in`);
  await page.getByTestId('code-sign-in-button').click();
  await page.waitForURL('**/auth/code/authorize');
  await page.locator('#contact').fill(contact);
  await page.locator('button[type=submit]').first().click();
  await page.locator('#code').waitFor();
  if (shot) await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
  await page.locator('#code').fill(lastCode(stack, contact));
  await page.locator('button[type=submit]').first().click();
}

it('a new manufacturer signs up with a code, registers its enterprise and publishes a scenario', async () => {
  const contact = 'new-user@haiyue.example.cn';
  const page = await newPage();
  await signInWithCode(page, contact, 'sign-up-code-1280.png');

  // Back in the console, signed in but acting for nobody: register the enterprise.
  await page.waitForURL('**/account');
  await page.getByTestId('no-membership').waitFor();
  await expect(page.getByTestId('me-contact').textContent()).resolves.toContain(contact);
  await page.getByTestId('org-kind').selectOption('enterprise');
  await page.getByTestId('org-name').fill('青岛海悦塑料制品有限公司');
  await page.getByTestId('org-credit-code').fill(creditCodeFor(77));
  await page.getByTestId('org-submit').click();

  // Registering switches the token to the new enterprise and lands on the manufacturer's home.
  await page.waitForURL('**/m/scenarios');
  await expect(page.getByTestId('whoami-role').getAttribute('data-role')).resolves.toBe('manufacturer');
  await page.getByTestId('domain-maintenance').waitFor();
  await fillScenario(page, '注塑车间设备经常突发停机', '我们有80台注塑机，经常突发停机，希望通过设备数据提前发现故障。', { name: '青岛海悦塑料制品有限公司', creditCode: creditCodeFor(77) });
  await page.getByTestId('domain-maintenance').check();
  await page.getByTestId('tech-iot').check();
  await page.getByTestId('scenario-submit').click();
  await page.getByTestId('scenario-created').waitFor();
  const row = page.getByTestId('scenario-row').first();
  await row.getByTestId('scenario-publish').click();
  await page.getByTestId('published').waitFor();
  await page.screenshot({ path: join(SHOTS, 'sign-up-published-1280.png'), fullPage: true });

  // The API agrees: the scenario belongs to the enterprise this person created.
  const me = await stack.call('GET', '/v1/me', { token: await page.evaluate(() => localStorage.getItem('gf.token') ?? '') });
  const entId = me.body.memberships[0].orgId;
  const bureau = await stack.token('bureau');
  const scenarios = (await stack.call('GET', '/v1/scenarios', { token: bureau })).body.items as { ownerOrg: string; status: string }[];
  expect(scenarios.filter((s) => s.ownerOrg === entId).map((s) => s.status)).not.toContain('draft');
  expect(problems).toEqual([]);
}, 120_000);

it('an expert the bureau registered with their mobile signs in with a code and reaches their reviews', async () => {
  const bureau = await stack.token('bureau');
  const reg = await stack.call('POST', '/v1/experts', { token: bureau, body: { ...expertBody('周专家', creditCode('91370200400000001')), contact: '13700003333' } });
  expect(reg.status).toBe(201);
  await createReview(storeOf(stack.deps), assignmentFor(reg.body.id, '周专家'));

  const page = await newPage();
  await signInWithCode(page, '137 0000 3333');
  await page.waitForURL('**/account');
  await page.getByTestId('act-as-expert-button').click();
  await page.waitForURL('**/e/reviews');
  await expect(page.getByTestId('whoami-role').getAttribute('data-role')).resolves.toBe('expert');
  await expect(page.getByTestId('review-item').getAttribute('data-id')).resolves.toBe(`rev_${reg.body.id}`);
  expect(problems).toEqual([]);
}, 120_000);
