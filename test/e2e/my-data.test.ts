import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { currentNotice } from '#core/privacy/notices';
import { PageProblems } from '../support/page-problems';
import { roundOnNotice } from '../support/notice-round';
import { objectionBody } from '../support/round-fixtures';
import { lastCode } from '../support/sign-in';
import { startTestStack, type TestStack } from '../support/stack';

const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
let stack: TestStack;
let browser: Browser;
const problems = new PageProblems();

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
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true })).newPage();
  page.setDefaultTimeout(20_000);
  return problems.watch(page);
}

it('a signed-in person reads “我的数据”, exports it as JSON and deletes it, told what is kept and why', async () => {
  const contact = 'my-data.person@example.cn';
  const page = await newPage();
  await page.goto(`${stack.url}/sign-in`);
  await page.getByTestId('code-sign-in-button').click();
  await page.waitForURL('**/auth/code/authorize');
  // The sign-in page tells what happens to the contact before it is sent.
  await expect(page.getByTestId('privacy-notice').getAttribute('data-notice-version')).resolves.toBe(currentNotice('sign-in').version);
  await expect(page.getByTestId('privacy-notice').textContent()).resolves.toContain('保存多久');
  await page.locator('#contact').fill(contact);
  await page.locator('button[type=submit]').first().click();
  await page.locator('#code').fill(lastCode(stack, contact));
  await page.locator('button[type=submit]').first().click();
  await page.waitForURL('**/account');

  await page.getByTestId('nav-my-data').click();
  await page.waitForURL('**/my-data');
  await page.locator('[data-testid=md-section][data-kind=account]').waitFor();
  await expect(page.getByTestId('md-subject').textContent()).resolves.toContain(contact);
  await expect(page.locator('[data-testid=md-section][data-kind=account]').textContent()).resolves.toContain(currentNotice('sign-in').version);
  await expect(page.locator('[data-testid=md-section][data-kind=audit] [data-testid=md-count]').textContent()).resolves.toMatch(/^[1-9]/);
  await page.screenshot({ path: join(SHOTS, 'my-data-1280.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('md-export').click()]);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(exported.subject.contact).toBe(contact);
  expect(exported.sections.find((s: { kind: string }) => s.kind === 'account').items[0].contact).toBe(contact);

  // Deleting needs the box ticked; then the report says what went and what stays.
  await page.getByTestId('md-delete').click();
  await page.getByTestId('error').waitFor();
  await page.getByTestId('md-confirm').check();
  await page.getByTestId('md-delete').click();
  await page.getByTestId('md-report').waitFor();
  await expect(page.locator('[data-testid=md-report-item][data-kind=account]').getAttribute('data-outcome')).resolves.toBe('deleted');
  await expect(page.locator('[data-testid=md-report-item][data-kind=audit]').getAttribute('data-outcome')).resolves.toBe('kept');
  await expect(page.locator('[data-testid=md-report-item][data-kind=audit]').textContent()).resolves.toContain('网络安全法');
  await expect(page.evaluate(() => localStorage.getItem('gf.token'))).resolves.toBeNull();
  expect(problems.list).toEqual([]);
}, 120_000);

it('an objector without an account asks by phone, confirms with the code and sees the objection', async () => {
  const round = await roundOnNotice(stack, '我的数据异议平台', new Date().getUTCFullYear() - 1);
  const phone = '13200002222';
  expect((await stack.call('POST', `/v1/public/notices/${round.roundId}/objections`, { body: objectionBody(round.appId, { contactPhone: phone }) })).status).toBe(201);

  const page = await newPage();
  await page.goto(`${stack.url}/my-data`);
  await expect(page.getByTestId('md-request-form').getByTestId('privacy-notice').getAttribute('data-notice-version')).resolves.toBe(currentNotice('data-request').version);
  await page.getByTestId('md-contact').fill(phone);
  await page.getByTestId('md-request-submit').click();
  await page.getByTestId('md-code-sent').waitFor();
  await expect(page.getByTestId('md-code-sent').textContent()).resolves.toContain('132****2222');
  await page.getByTestId('md-code').fill(lastCode(stack, phone));
  await page.getByTestId('md-confirm-submit').click();
  const objections = page.locator('[data-testid=md-result] [data-testid=md-section][data-kind=objection]');
  await objections.waitFor();
  await expect(objections.textContent()).resolves.toContain(phone);
  await expect(objections.getByTestId('md-count').textContent()).resolves.toMatch(/^1 /);
  await page.screenshot({ path: join(SHOTS, 'my-data-request-1280.png'), fullPage: true });
  expect(problems.list).toEqual([]);
}, 120_000);
