import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '#core/indicators';
import { RUBRIC_2025_1 } from '#core/review/rubric';
import { creditCodeFor, platformBody, specializedL2Report } from '../support/fixtures';
import { creditCode } from '../support/round-fixtures';
import { signIn, switchTo } from '../support/sign-in';
import { PageProblems } from '../support/page-problems';
import { startTestStack, type TestStack } from '../support/stack';

// The yearly round run from the console in real Chromium: the bureau announces it on /b/rounds, a
// platform applies on /p/round with an uploaded file, is returned for 补正 and resubmits; the bureau
// closes, notices, resolves a public objection, publishes the 名录, and gets a recommendation list
// once an assigned expert has scored. The service's clock is moved past the notice period, not waited for.

const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const DOWNLOADS = join(process.cwd(), 'test-artifacts', 'downloads');
const DAY = 86_400_000;
const YEAR = chinaYear(new Date()) - 1;
const PDF = Buffer.from('%PDF-1.4 审计报告 round console e2e');
const OPERATOR_CODE = creditCode('91370200500000001');
const PLATFORM = '崂山智造云';

let clockOffset = 0;
let stack: TestStack;
let browser: Browser;
let bureau = '';
let platformId = '';
const contexts: BrowserContext[] = [];

/** Whatever went wrong in any page of the current test (support/page-problems.ts). */
const problems = new PageProblems();
const expected = problems.expected;

async function newPage(token?: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  contexts.push(ctx);
  if (token) await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), token);
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  problems.watch(page);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const statusOf = (page: Page, testid: string) => page.getByTestId(testid).getAttribute('data-status');
/** Waits until the element shows the given data-status (pages re-render after each action). */
const waitStatus = (page: Page, selector: string, status: string) => page.locator(`${selector}[data-status="${status}"]`).first().waitFor();
const appRow = (page: Page) => page.locator(`[data-testid=application-row][data-platform="${platformId}"]`);

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await mkdir(DOWNLOADS, { recursive: true });
  stack = await startTestStack({ http: true, env: { PORT: '0' }, deps: { now: () => new Date(Date.now() + clockOffset) } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  bureau = await stack.token('bureau');
  const p = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(PLATFORM, { operator: { name: '崂山智造科技有限公司', creditCode: OPERATOR_CODE } }) });
  expect(p.status).toBe(201);
  platformId = p.body.id;
}, 90_000);

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  expect(problems.take()).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the yearly round in the console', () => {
  it('the bureau announces the year’s round', async () => {
    const page = await newPage(bureau);
    await page.goto(`${stack.url}/b/rounds`);
    await page.getByTestId('rounds-empty').waitFor();
    await expect(page.getByTestId('rf-year').inputValue()).resolves.toBe(String(YEAR));
    await page.getByTestId('rf-submit').click();
    await page.getByTestId('round-created').waitFor();
    await expect(statusOf(page, 'round-status')).resolves.toBe('open');
    await expect(page.getByTestId('round-close').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('round-publish').isVisible()).resolves.toBe(false);
    const [round] = (await stack.call('GET', '/v1/rounds')).body.items;
    expect(round).toMatchObject({ id: `rnd_${YEAR}`, year: YEAR, status: 'open', noticeDays: 7 });
  });

  it('an operator’s person sees the operator’s platforms and switches to another to apply', async () => {
    const person = await signIn(stack, 'round-operator@example.cn');
    const org = await stack.call('POST', '/v1/organisations', { token: person.access_token, body: { kind: 'operator', name: '胶州湾数智运营有限公司', creditCode: creditCodeFor(61) } });
    expect(org.status).toBe(201);
    const asOperator = (await switchTo(stack, person.access_token, org.body.id)).access_token;
    const ids: string[] = [];
    for (const name of ['胶州湾设备云', '胶州湾能耗云']) ids.push((await stack.call('POST', '/v1/platforms', { token: asOperator, body: platformBody(name) })).body.id);
    const asFirst = await switchTo(stack, person.access_token, ids[0]!);

    // Signed in once (not an init script, which would put the old token back after the switch).
    const page = await newPage();
    await page.goto(`${stack.url}/directory`);
    await page.evaluate((t) => {
      localStorage.setItem('gf.token', t.access_token);
      localStorage.setItem('gf.refresh', t.refresh_token);
    }, asFirst);
    await page.goto(`${stack.url}/p/round`);
    await expect(page.getByTestId('round-platform').textContent()).resolves.toBe('胶州湾设备云');
    await page.getByTestId('operator-platform').nth(1).waitFor();
    await expect(page.getByTestId('operator-platform').count()).resolves.toBe(2);
    await page.locator(`[data-testid=operator-platform][data-id="${ids[1]}"] button`).click();
    await page.locator('[data-testid=round-platform]', { hasText: '胶州湾能耗云' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/p/round');
    await expect(page.getByTestId('whoami-org').getAttribute('data-org')).resolves.toBe(ids[1]);
    // The header names the platform the person now acts for, not its id.
    await page.locator('[data-testid=whoami-org]', { hasText: '胶州湾能耗云' }).waitFor();
    await page.getByTestId('apply').waitFor();
    await expect(page.getByTestId('application-none').textContent()).resolves.toContain('Not applied yet');
  }, 120_000);

  it('a platform applies, uploads evidence, is told to report its indicators first, then submits', async () => {
    const page = await newPage(await stack.token('platform', platformId));
    await page.goto(`${stack.url}/p/round`);
    await expect(page.getByTestId('round-platform').textContent()).resolves.toBe(PLATFORM);
    await page.getByTestId('apply').click();
    await waitStatus(page, '[data-testid=application-status]', 'draft');

    await page.getByTestId('ev-kind').selectOption('audit_or_tax');
    await expect(page.getByTestId('ev-file').getAttribute('accept')).resolves.toContain('.pdf');
    await page.getByTestId('ev-file').setInputFiles({ name: '审计报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('ev-upload').click();
    await page.getByTestId('evidence-ok').waitFor();
    await expect(statusOf(page, 'evidence-item')).resolves.toBe('verified');
    const link = page.getByTestId('evidence-link');
    await expect(link.textContent()).resolves.toBe('审计报告.pdf');
    const file = await page.request.get((await link.getAttribute('href'))!);
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);

    // A file announced but never uploaded (a failed PUT) stays pending until it is withdrawn.
    const appId = (await stack.call('GET', `/v1/rounds/rnd_${YEAR}/applications`, { token: bureau })).body.items[0].id;
    const pending = await stack.call('POST', `/v1/applications/${appId}/evidence`, {
      token: bureau,
      body: { kind: 'case', fileName: '典型案例.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) },
    });
    expect(pending.status).toBe(201);
    await page.reload();
    await waitStatus(page, '[data-testid=evidence-item]', 'pending');
    await page.getByTestId('evidence-withdraw').click();
    await page.getByTestId('evidence-withdrawn').waitFor();
    await expect(page.getByTestId('evidence-item').count()).resolves.toBe(1);
    await expect(page.getByTestId('evidence-withdraw').count()).resolves.toBe(0);

    // No report for the round's year yet: the API's 409, and the way to fix it.
    expected.push(/\/submit$/);
    await page.getByTestId('submit-application').click();
    await page.getByTestId('error').waitFor();
    await expect(page.getByTestId('error').textContent()).resolves.toContain(`${YEAR}`);
    await expect(page.getByTestId('go-indicators').getAttribute('href')).resolves.toBe('/p/indicators');
    expected.length = 0;

    expect((await stack.call('PUT', `/v1/platforms/${platformId}/indicators/${YEAR}`, { token: bureau, body: specializedL2Report() })).status).toBe(202);
    await page.getByTestId('submit-application').click();
    await page.getByTestId('application-assessed').waitFor();
    await expect(statusOf(page, 'application-status')).resolves.toBe('assessed');
    await expect(page.getByTestId('level').getAttribute('data-level')).resolves.toBe('2');
    await expect(page.getByTestId('application-eligibility').textContent()).resolves.toContain('省级');
    await expect(page.getByTestId('ev-upload').isVisible()).resolves.toBe(false);
    await shot(page, 'round-platform-assessed');
  }, 120_000);

  it('the bureau returns the application for 补正 and the platform resubmits', async () => {
    const comment = '审计报告缺少盖章页，请补充后重新提交。';
    const b = await newPage(bureau);
    await b.goto(`${stack.url}/b/rounds`);
    await waitStatus(b, '[data-testid=application-row]', 'assessed');
    await expect(appRow(b).getByTestId('application-eligibility').textContent()).resolves.toContain('省级');
    await appRow(b).getByTestId('return-comment').fill(comment);
    await appRow(b).getByTestId('return-submit').click();
    await b.getByTestId('returned-ok').waitFor();
    await expect(appRow(b).getAttribute('data-status')).resolves.toBe('returned');
    await expect(appRow(b).getByTestId('application-comment').textContent()).resolves.toContain(comment);

    const p = await newPage(await stack.token('platform', platformId));
    await p.goto(`${stack.url}/p/round`);
    await p.getByTestId('returned-comment').waitFor();
    await expect(p.getByTestId('returned-comment').textContent()).resolves.toContain(comment);
    await expect(p.getByTestId('ev-upload').isVisible()).resolves.toBe(true);
    await shot(p, 'round-platform-returned');
    await p.getByTestId('submit-application').click();
    await p.getByTestId('application-assessed').waitFor();
    await expect(statusOf(p, 'application-status')).resolves.toBe('assessed');
    expect((await stack.call('GET', `/v1/applications/${(await stack.call('GET', `/v1/rounds/rnd_${YEAR}/applications`, { token: bureau })).body.items[0].id}`, { token: bureau })).body.submissions).toBe(2);
  }, 120_000);

  it('the bureau closes, notices, resolves a public objection and publishes the 名录', async () => {
    const b = await newPage(bureau);
    await b.goto(`${stack.url}/b/rounds`);
    await waitStatus(b, '[data-testid=application-row]', 'assessed');
    await b.getByTestId('round-close').click();
    await b.getByTestId('closed-ok').waitFor();
    await expect(statusOf(b, 'round-status')).resolves.toBe('closed');
    await b.getByTestId('round-notice').click();
    await b.getByTestId('notice-ok').waitFor();
    await expect(statusOf(b, 'round-status')).resolves.toBe('notice');

    const pub = await newPage();
    await pub.goto(`${stack.url}/notices`);
    await expect(pub.getByTestId('notice-row').first().textContent()).resolves.toContain(PLATFORM);
    await pub.getByTestId('objection-reason').fill('该平台申报的服务企业数量与实际明显不符。');
    await pub.getByTestId('objection-name').fill('李女士');
    await pub.getByTestId('objection-phone').fill('13900000000');
    await pub.getByTestId('objection-submit').click();
    await pub.getByTestId('objection-ok').waitFor();

    await b.reload();
    await waitStatus(b, '[data-testid=objection-item]', 'open');
    // The list shows the objector masked; the full contact is one audited click away.
    await expect(b.getByTestId('objection-contact').textContent()).resolves.toContain('李** · 139****0000');
    await expect(b.getByTestId('objection-item').textContent()).resolves.not.toContain('李女士');
    await b.getByTestId('objection-show-contact').click();
    await b.getByTestId('objection-contact').filter({ hasText: '13900000000' }).waitFor();
    await expect(b.getByTestId('objection-contact').textContent()).resolves.toContain('李女士');

    // Refused while the notice runs, then (the notice period over) while the objection is open.
    expected.push(/\/publish$/);
    await b.getByTestId('round-publish').click();
    await b.getByTestId('error').waitFor();
    await expect(b.getByTestId('error').textContent()).resolves.toMatch(/公示期至.*The notice runs until/);
    clockOffset = 8 * DAY;
    await b.getByTestId('round-publish').click();
    await b.locator('[data-testid=error]', { hasText: 'objection(s) still open' }).waitFor();
    await expect(b.getByTestId('error').textContent()).resolves.toContain('尚有 1 件异议未处理');
    await shot(b, 'round-bureau-publish-refused');
    expected.length = 0;

    await b.getByTestId('resolve-outcome').selectOption('dismissed');
    await b.getByTestId('resolve-note').fill('经核查，服务企业数量有合同佐证。');
    await b.getByTestId('resolve-submit').click();
    await b.getByTestId('resolved-ok').waitFor();
    await waitStatus(b, '[data-testid=objection-item]', 'dismissed');
    await expect(b.getByTestId('resolve-note-shown').textContent()).resolves.toContain('经核查');

    await b.getByTestId('round-publish').click();
    await b.getByTestId('published-ok').waitFor();
    await expect(statusOf(b, 'round-status')).resolves.toBe('published');
    await expect(b.locator(`[data-testid=directory-entry][data-platform="${platformId}"]`).textContent()).resolves.toContain(PLATFORM);
    const xlsx = await b.request.get(`${stack.url}${await b.getByTestId('directory-xlsx').getAttribute('href')}`);
    expect(xlsx.status()).toBe(200);
    await shot(b, 'round-bureau-published');
    expect((await stack.call('GET', `/v1/directory/${YEAR}`)).body.entries.map((e: { platformId: string }) => e.platformId)).toEqual([platformId]);
  }, 120_000);

  it('the bureau assigns an expert (a conflicted one is refused) and sees the recommendation list', async () => {
    const b = await newPage(bureau);
    await b.goto(`${stack.url}/b/rounds`);
    await b.getByTestId('assign-app').waitFor();
    for (const [name, code] of [['赵专家', OPERATOR_CODE], ['钱专家', creditCode('91370200500000009')]] as const) {
      await b.getByTestId('ex-name').fill(name);
      await b.getByTestId('ex-affiliation').fill(`${name}所在研究院`);
      await b.getByTestId('ex-credit-code').fill(code);
      await b.getByTestId('ex-fields').fill('工业互联网，智能制造');
      await b.getByTestId('ex-submit').click();
      await b.locator('[data-testid=expert-ok]', { hasText: name }).waitFor();
    }
    const experts: { id: string; name: string; fields: string[] }[] = (await stack.call('GET', '/v1/experts', { token: bureau })).body.items;
    const conflicted = experts.find((e) => e.name === '赵专家')!;
    const clean = experts.find((e) => e.name === '钱专家')!;
    expect(clean.fields).toEqual(['工业互联网', '智能制造']);

    expected.push(/\/reviews$/);
    await b.getByTestId('assign-app').check();
    await b.locator(`[data-testid=assign-expert][value="${conflicted.id}"]`).check();
    await b.locator(`[data-testid=assign-expert][value="${clean.id}"]`).check();
    await b.getByTestId('assign-submit').click();
    await b.getByTestId('error').waitFor();
    await expect(b.getByTestId('error').textContent()).resolves.toMatch(/利益冲突：专家 赵专家 所在单位与 崂山智造云 运营单位为同一单位/);
    expected.length = 0;

    // Retired from the pool, with a reason: still listed, no longer offered for assignment.
    const row = b.locator('.expert-row', { has: b.locator(`[data-testid=assign-expert][value="${conflicted.id}"]`) });
    await row.getByTestId('retire-expert').locator('summary').click();
    expected.push(/\/retire$/);
    await row.getByTestId('retire-confirm').click();
    await row.getByTestId('error').waitFor();
    await expect(row.getByTestId('error').textContent()).resolves.toMatch(/reason/);
    expected.length = 0;
    await row.getByTestId('retire-reason').fill('与申报单位存在关联');
    await row.getByTestId('retire-confirm').click();
    await b.getByTestId('retire-ok').waitFor();
    await b.getByTestId('expert-retired').waitFor();
    expect((await stack.call('GET', '/v1/experts', { token: bureau })).body.items.find((x: { id: string }) => x.id === conflicted.id).retiredReason).toBe('与申报单位存在关联');
    await expect(b.getByTestId('expert-retired').textContent()).resolves.toContain('赵专家');
    await expect(b.getByTestId('assign-expert').count()).resolves.toBe(1);
    await b.getByTestId('assign-app').check();
    await b.getByTestId('assign-expert').check();
    await b.getByTestId('assign-submit').click();
    await b.getByTestId('assign-ok').waitFor();
    await expect(b.getByTestId('rec-row').textContent()).resolves.toContain('已提交 0/1');

    // The expert scores on their own page (as round-pages.test.ts drives it).
    const e = await newPage();
    await e.goto(`${stack.url}/sign-in`);
    await e.getByTestId('dev-role').selectOption('expert');
    await e.getByTestId('dev-org').fill(clean.id);
    await e.getByTestId('dev-submit').click();
    await e.waitForURL(/\/e\/reviews$/);
    await e.getByTestId('review-open').click();
    await expect(e.getByTestId('evidence-link').textContent()).resolves.toBe('审计报告.pdf');
    for (const c of RUBRIC_2025_1.categories.specialized) await e.getByTestId(`score-${c.id}`).fill(String(c.max * 0.8));
    await e.getByTestId('score-comment').fill('平台能力扎实，建议推荐。');
    await e.getByTestId('score-submit').click();
    await e.getByTestId('score-saved').waitFor();

    await b.getByTestId('rec-refresh').click();
    await b.locator('[data-testid=rec-row]', { hasText: '已提交 1/1' }).waitFor();
    await expect(b.getByTestId('rec-score').textContent()).resolves.toBe('80');
    await expect(b.getByTestId('rec-review').textContent()).resolves.toContain('平台能力扎实');
    await shot(b, 'round-bureau-recommendations');

    const [download] = await Promise.all([b.waitForEvent('download'), b.getByTestId('rec-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`recommendations-${YEAR}.xlsx`);
    const path = join(DOWNLOADS, download.suggestedFilename());
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => cells.push((row.values as unknown[]).join('|'))));
    expect(cells.join('\n')).toContain(PLATFORM);
    expect(cells.join('\n')).toContain('钱专家');
  }, 120_000);
});
