import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { specializedL2Report } from '../support/fixtures';
import { PageProblems, signedInPage } from '../support/page-problems';
import { listedIn, reviewedRound } from '../support/recommend-fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// The bureau's pages after the list (issue 25): quotas and a 答辩 session scheduled in the browser
// (a conflicted panel refused with the API's message), and a tracking case from the yearly check
// through the platform's explanation to the bureau's decision.

let stack: TestStack;
let browser: Browser;
const problems = new PageProblems();
let rr: Awaited<ReturnType<typeof reviewedRound>>;
let trackedId = '';

beforeAll(async () => {
  stack = await startTestStack({ http: true, env: { PORT: '0' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  rr = await reviewedRound(stack, 2025);
  // Tracking: listed in 2024 at level 3, reported 2025 at level 2.
  trackedId = (await listedIn(stack, 2024, { 跟踪浏览器平台: 3 }))['跟踪浏览器平台']!;
  const bureau = await stack.token('bureau');
  await stack.call('PUT', `/v1/platforms/${trackedId}/indicators/2025`, { token: bureau, body: specializedL2Report() });
  await eventually(async () => (await stack.call('GET', '/v1/stats/platforms', { token: bureau })).body.items.find((p: { id: string }) => p.id === trackedId)?.level === 2, 60_000);
}, 180_000);
afterEach(() => expect(problems.take()).toEqual([]));
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const as = (token: string): Promise<Page> => signedInPage(browser, problems, token);

describe('recommendation and tracking in the console', () => {
  it('the bureau sets quotas, schedules a 答辩 (a conflicted panel is refused) and sees the timed order', async () => {
    // No quotas yet when the page opens (404), and the conflicted panel (409).
    problems.expected.push(/\/quotas$/, /\/defences$/);
    const page = await as(await stack.token('bureau'));
    await page.goto(`${stack.url}/b/recommendation`);
    await page.getByTestId('d-presenter').first().waitFor();
    await page.getByTestId('q-provincial-specialized').fill('2');
    await page.getByTestId('q-weight').fill('0.5');
    await page.getByTestId('quota-save').click();
    await page.getByTestId('quota-saved').waitFor();
    // Within quota (A and B by review score) are ticked once the quotas are saved.
    await eventually(async () => (await page.locator('[data-testid="d-presenter"]:checked').count()) === 2);
    await page.getByTestId('d-starts').fill('2026-12-20T09:00');
    await page.getByTestId('d-venue').fill('市工信局 301 会议室');
    for (const e of rr.experts.slice(1, 4)) await page.locator(`[data-testid="d-panel-member"][value="${e.id}"]`).check();
    await page.getByTestId('d-submit').click();
    expect(await page.locator('#defence-msg [data-testid="error"]').textContent()).toContain('答辩平台A');
    await page.locator(`[data-testid="d-panel-member"][value="${rr.experts[3]!.id}"]`).uncheck();
    await page.locator(`[data-testid="d-panel-member"][value="${rr.experts[0]!.id}"]`).check();
    await page.getByTestId('d-submit').click();
    await page.getByTestId('defence-scheduled').waitFor();
    const slots = await page.getByTestId('defence-slot').allTextContents();
    expect(slots).toHaveLength(2);
    expect(slots[0]).toMatch(/^09:00 答辩平台A/);
    expect(slots[1]).toMatch(/^09:20 答辩平台B/);
    expect(await page.getByTestId('final-row').count()).toBe(2);
    // The list as the letter's attachment, in PDF too (the draft until it is fixed).
    const pdf = page.waitForEvent('download');
    await page.getByTestId('final-pdf').click();
    const file = await pdf;
    expect(file.suggestedFilename()).toMatch(/^recommendation-(provincial|national)\.pdf$/);
    expect((await readFile((await file.path())!)).subarray(0, 4).toString()).toBe('%PDF');
    await page.context().close();
  }, 60_000);

  it('a panel member scores a presenter on the defence rubric from the expert page', async () => {
    const page = await as(rr.experts[0]!.token);
    await page.goto(`${stack.url}/e/reviews`);
    const sheet = page.locator(`[data-testid="defence-sheet"][data-app="${rr.apps.a}"]`);
    await sheet.waitFor();
    for (const [id, v] of Object.entries({ presentation: 16, live_demo: 20, technical_depth: 20, answers: 12, replicability: 12 })) await sheet.getByTestId(`defence-score-${id}`).fill(String(v));
    await sheet.getByTestId('defence-comment').fill('演示完整，回答清楚');
    await sheet.getByTestId('defence-save').click();
    expect(await page.getByTestId('defence-saved').textContent()).toContain('80');
    const list = await stack.call('GET', `/v1/rounds/${rr.roundId}/final-lists/provincial`, { token: await stack.token('bureau') });
    expect(list.body.items.find((x: { applicationId: string }) => x.applicationId === rr.apps.a).defenceScore).toBe(80);
    await page.context().close();
  }, 60_000);

  it('a tracking case goes from the yearly check through the platform’s explanation to the bureau’s decision', async () => {
    problems.expected.push(/\/decide$/); // a downgrade without its level, refused
    const bureauPage = await as(await stack.token('bureau'));
    await bureauPage.goto(`${stack.url}/b/tracking`);
    await bureauPage.getByTestId('trk-year').fill('2025');
    await bureauPage.getByTestId('trk-year').dispatchEvent('change');
    await bureauPage.getByTestId('trk-run').click();
    await bureauPage.getByTestId('trk-ran').waitFor();
    await bureauPage.locator('[data-testid="trk-case"][data-status="open"]').waitFor();

    const platformPage = await as(await stack.token('platform', trackedId));
    await platformPage.goto(`${stack.url}/p/tracking`);
    await platformPage.getByTestId('trk-year').fill('2025');
    await platformPage.getByTestId('trk-year').dispatchEvent('change');
    await platformPage.getByTestId('trk-reply').fill('今年主动收缩了低毛利业务，明年恢复投入。');
    await platformPage.getByTestId('trk-reply-send').click();
    await platformPage.locator('[data-testid="trk-case"][data-status="replied"]').waitFor();

    await bureauPage.reload();
    await bureauPage.getByTestId('trk-year').fill('2025');
    await bureauPage.getByTestId('trk-year').dispatchEvent('change');
    await bureauPage.locator('[data-testid="trk-case"][data-status="replied"]').waitFor();
    expect(await bureauPage.getByTestId('trk-reply-text').textContent()).toContain('低毛利');
    await bureauPage.getByTestId('trk-outcome').selectOption('downgrade');
    await bureauPage.getByTestId('trk-decide').click();
    expect(await bureauPage.locator('[data-testid="trk-case"] [data-testid="error"]').textContent()).toContain('降级须给出等级');
    await bureauPage.getByTestId('trk-level').fill('2');
    await bureauPage.getByTestId('trk-note').fill('2025 年度指标仅达二级，降为二级');
    await bureauPage.getByTestId('trk-decide').click();
    await bureauPage.locator('[data-testid="trk-case"][data-status="decided"]').waitFor();
    expect(await bureauPage.getByTestId('trk-decision').textContent()).toContain('降级');
    await bureauPage.getByTestId('trk-publish').click();
    await bureauPage.getByTestId('trk-published').waitFor();
    const pub = await stack.call('GET', '/v1/public/adjustments/2025');
    expect(pub.body.items).toMatchObject([{ platformId: trackedId, outcome: 'downgrade', toLevel: 2 }]);
  }, 60_000);

  it('a support programme goes from eligibility to payment, and the budget holds', async () => {
    problems.expected.push(/\/approve$/); // the second approval would pass the budget
    const page = await as(await stack.token('bureau'));
    await page.goto(`${stack.url}/b/support`);
    await page.getByTestId('sp-name').fill('2025 年度平台培育奖励');
    await page.getByTestId('sp-year').fill('2025');
    await page.getByTestId('sp-budget').fill('50');
    await page.getByTestId('sp-amount').fill('30');
    await page.getByTestId('sp-cap').fill('30');
    await page.getByTestId('sp-level').selectOption('2');
    await page.getByTestId('sp-reported').check();
    await page.getByTestId('sp-create').click();
    await page.getByTestId('sp-created').waitFor();
    const row = (name: string) => page.locator('[data-testid="sp-eligible-row"]', { hasText: name });
    await row('答辩平台A').waitFor();
    expect(await row('答辩平台A').getAttribute('data-eligible')).toBe('true');
    expect(await row('答辩平台A').textContent()).toContain('30 万元');

    await row('答辩平台A').getByTestId('sp-nominate').click();
    await page.locator('[data-testid="sp-grant"][data-status="proposed"]').waitFor();
    await page.getByTestId('sp-approve').click();
    await page.locator('[data-testid="sp-grant"][data-status="approved"]').waitFor();
    await row('答辩平台B').getByTestId('sp-nominate').click();
    await page.locator('[data-testid="sp-grant"][data-status="proposed"]').waitFor();
    await page.getByTestId('sp-approve').click();
    expect(await page.locator('#sp-ledger-msg [data-testid="error"]').textContent()).toMatch(/预算|budget/i);

    const approved = page.locator('[data-testid="sp-grant"][data-status="approved"]');
    await approved.getByTestId('sp-paid-on').fill('2026-11-30');
    await approved.getByTestId('sp-voucher').fill('青财付〔2026〕118号');
    await approved.getByTestId('sp-pay').click();
    await page.locator('[data-testid="sp-grant"][data-status="paid"]').waitFor();
    expect(await page.getByTestId('sp-figures').textContent()).toContain('已拨付 30');
    await page.context().close();
  }, 60_000);

  it('a platform applies for 奖补 on its own page: refused with the unmet condition named, or applied and followed to payment', async () => {
    problems.expected.push(/\/grants$/); // the refused application (409)
    const bureau = await stack.token('bureau');
    const national = await stack.call('POST', '/v1/support-programmes', {
      token: bureau,
      body: { name: '国家级平台配套奖励', year: 2025, grantor: 'city', budgetWan: 100, rule: { selected: 'nation' }, amount: { kind: 'fixed', wan: 50 }, capWan: 50 },
    });
    expect(national.status).toBe(201);
    const page = await as(await stack.token('platform', trackedId));
    await page.goto(`${stack.url}/p/support`);
    const refused = page.locator(`[data-testid="ps-programme"][data-id="${national.body.id}"]`);
    await refused.waitFor();
    expect(await refused.textContent()).toContain('入选国家级平台');
    await refused.getByTestId('ps-apply').click();
    expect(await refused.locator('[data-testid="error"]').textContent()).toMatch(/未入选国家级平台/);
    expect(await page.getByTestId('ps-grant').count()).toBe(0);

    // The level-2, reported programme of the test before: applied, and waiting for the bureau.
    const open = page.locator('[data-testid="ps-programme"]', { hasText: '2025 年度平台培育奖励' });
    await open.getByTestId('ps-note').fill('今年新增服务企业 120 家。');
    await open.getByTestId('ps-apply').click();
    await page.locator('[data-testid="ps-grant"][data-status="proposed"]').waitFor();
    await open.getByTestId('ps-applied').waitFor();
    const grants = (await stack.call('GET', `/v1/platforms/${trackedId}/grants`, { token: bureau })).body.items;
    expect(grants).toMatchObject([{ via: 'application', status: 'proposed', note: '今年新增服务企业 120 家。', eligibleWan: 30 }]);
    await page.context().close();

    // The platform paid in the test before sees its grant through to the voucher.
    const paidId = ((await stack.call('GET', '/v1/stats/platforms', { token: bureau })).body.items as { id: string; name: string }[]).find((p) => p.name === '答辩平台A')!.id;
    const paid = await as(await stack.token('platform', paidId));
    await paid.goto(`${stack.url}/p/support`);
    const card = paid.locator('[data-testid="ps-grant"][data-status="paid"]');
    await card.waitFor();
    expect(await card.getByTestId('ps-payments').textContent()).toContain('青财付〔2026〕118号');
    await paid.context().close();
  }, 60_000);

  it('a diagnosis institution files the report assigned to it, and the platform sees it', async () => {
    const bureau = await stack.token('bureau');
    const code = '91370200MA0009999X'.slice(0, 17);
    const creditCode = code + (await import('#core/credit-code')).creditCodeCheckChar(code);
    expect((await stack.call('POST', '/v1/organisations', { token: bureau, body: { kind: 'institution', name: '青岛诊断服务中心', creditCode } })).status).toBe(201);
    const platformId = ((await stack.call('GET', '/v1/stats/platforms', { token: bureau })).body.items as { id: string; name: string }[]).find((p) => p.name === '答辩平台C')!.id;
    const d = await stack.call('POST', `/v1/platforms/${platformId}/diagnoses`, { token: bureau, body: { institution: { name: '青岛诊断服务中心', creditCode }, scope: '技术能力与数据安全' } });
    const page = await as(await stack.token('institution', `ins_${creditCode}`));
    await page.goto(`${stack.url}/i/diagnoses`);
    const item = page.locator(`[data-testid="diagnosis-item"][data-id="${d.body.id}"]`);
    await item.waitFor();
    await item.getByTestId('report-visited').fill('2026-11-28');
    await item.getByTestId('report-summary').fill('设备接入能力强，机理模型沉淀不足。');
    await item.getByTestId('finding-dimension').selectOption('resources');
    await item.getByTestId('finding-text').fill('机理模型数量少');
    await item.getByTestId('report-recommendations').fill('建设机理模型库\n与高校共建模型');
    await item.getByTestId('report-submit').click();
    await page.getByTestId('report-filed').waitFor();
    await page.locator(`[data-testid="diagnosis-item"][data-id="${d.body.id}"][data-status="reported"]`).waitFor();
    const seen = await stack.call('GET', `/v1/platforms/${platformId}/diagnoses`, { token: await stack.token('platform', platformId) });
    expect(seen.body.items[0].report).toMatchObject({ visitedOn: '2026-11-28', recommendations: ['建设机理模型库', '与高校共建模型'] });
    await page.context().close();
  }, 60_000);
});
