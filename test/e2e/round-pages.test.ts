import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUBRIC_2025_1 } from '#core/review/rubric';
import { platformBody, specializedL2Report } from '../support/fixtures';
import { creditCode, expertBody } from '../support/round-fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// The round's pages in real Chromium: an expert opens an assigned application's evidence and submits
// scores; anyone reads the public notice and files an objection.

const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4 审计报告 e2e');
let stack: TestStack;
let browser: Browser;
let bureau: string;
let expertId = '';
let roundId = '';
let appId = '';
const problems: string[] = [];

async function newPage(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  // Generous: on a loaded 2-core machine the first page build and the JVM share the CPU.
  page.setDefaultTimeout(45_000);
  page.on('pageerror', (e) => problems.push(`script error on ${page.url()}: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.request().method()} ${r.url()} answered ${r.status()}`);
  });
  return page;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startTestStack({ http: true, env: { PORT: '0' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  bureau = await stack.token('bureau');
  const year = new Date().getUTCFullYear() - 1;
  const p = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('琴岛工业云', { operator: { name: '琴岛工业云公司', creditCode: creditCode('91370200400000001') } }) });
  const plt = await stack.token('platform', p.body.id);
  await stack.call('PUT', `/v1/platforms/${p.body.id}/indicators/${year}`, { token: plt, body: specializedL2Report() });
  roundId = (await stack.call('POST', '/v1/rounds', { token: bureau, body: { year, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + DAY).toISOString(), noticeDays: 7 } })).body.id;
  appId = (await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: plt, body: { platformId: p.body.id } })).body.id;
  const ev = await stack.call('POST', `/v1/applications/${appId}/evidence`, {
    token: plt,
    body: { kind: 'audit_or_tax', fileName: '审计报告.pdf', contentType: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') },
  });
  expect((await fetch(ev.body.uploadUrl, { method: 'PUT', headers: ev.body.headers, body: new Uint8Array(PDF) })).status).toBe(200);
  await stack.call('POST', `/v1/applications/${appId}/evidence/${ev.body.id}/verify`, { token: plt });
  expect((await stack.call('POST', `/v1/applications/${appId}/submit`, { token: plt })).status).toBe(202);
  await eventually(async () => (await stack.call('GET', `/v1/applications/${appId}`, { token: bureau })).body.status === 'assessed');
  await stack.call('POST', `/v1/rounds/${roundId}/close`, { token: bureau });
  await stack.call('POST', `/v1/rounds/${roundId}/notice`, { token: bureau });
  expertId = (await stack.call('POST', '/v1/experts', { token: bureau, body: expertBody('王专家', creditCode('91370200400000009')) })).body.id;
  await stack.call('POST', `/v1/rounds/${roundId}/reviews`, { token: bureau, body: { applicationIds: [appId], expertIds: [expertId] } });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('expert console', () => {
  it('an expert signs in, opens the assigned application’s evidence and submits scores', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/sign-in`);
    await page.getByTestId('dev-role').selectOption('expert');
    await page.getByTestId('dev-org').fill(expertId);
    await page.getByTestId('dev-submit').click();
    await page.waitForURL(/\/e\/reviews$/);
    await page.getByTestId('review-open').click();
    await expect(page.getByTestId('review-platform').textContent()).resolves.toBe('琴岛工业云');

    const link = page.getByTestId('evidence-link');
    await expect(link.textContent()).resolves.toBe('审计报告.pdf');
    const file = await page.request.get((await link.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).toString()).toBe(PDF.toString());

    for (const c of RUBRIC_2025_1.categories.specialized) await page.getByTestId(`score-${c.id}`).fill(String(c.max * 0.8));
    await page.getByTestId('score-comment').fill('技术能力突出，案例可推广。');
    await page.screenshot({ path: join(SHOTS, 'expert-review.png'), fullPage: true });
    await page.getByTestId('score-submit').click();
    await page.getByTestId('score-saved').waitFor();
    await expect(page.getByTestId('score-saved').textContent()).resolves.toContain('80');

    const [review] = (await stack.call('GET', `/v1/reviews?roundId=${roundId}`, { token: bureau })).body.items;
    expect(review).toMatchObject({ status: 'submitted', total: 80, comment: '技术能力突出，案例可推广。' });
    await expect(page.getByTestId('review-status').getAttribute('data-status')).resolves.toBe('submitted');
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('public notice page', () => {
  it('lists the noticed platforms and takes an objection', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/notices`);
    await expect(page.getByTestId('notice-row').first().textContent()).resolves.toContain('琴岛工业云');
    await page.getByTestId('objection-reason').fill('该平台申报的服务企业数量与实际明显不符。');
    await page.getByTestId('objection-name').fill('李女士');
    await page.getByTestId('objection-phone').fill('13900000000');
    await page.getByTestId('objection-submit').click();
    await page.getByTestId('objection-ok').waitFor();
    await page.screenshot({ path: join(SHOTS, 'public-notice.png'), fullPage: true });
    const objections = (await stack.call('GET', `/v1/rounds/${roundId}/objections`, { token: bureau })).body.items;
    expect(objections).toHaveLength(1);
    // The bureau's list shows the objector masked (README, Personal information).
    expect(objections[0]).toMatchObject({ applicationId: appId, contactName: '李**', status: 'open', contactMasked: true });
    expect(objections[0].requesterAddress).toMatch(/127\.0\.0\.\*$/);
    expect(problems).toEqual([]);
  }, 120_000);
});
