import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { platformBody, scenarioBody } from '../support/fixtures';
import { PageProblems } from '../support/page-problems';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// Roadshow events on a 390-px phone: the bureau creates, publishes and re-composes; a platform
// answers its invitation in 我的路演; a guest registers on the public page; staff check the guest
// in; the handbook prints on A4.

const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const PHONE = { width: 390, height: 844 };
let stack: TestStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems = new PageProblems();
const platformIds: string[] = [];
let clockOffset = 0;

async function phone(token?: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, timezoneId: 'UTC', acceptDownloads: true });
  contexts.push(ctx);
  if (token) await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), token);
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  return problems.watch(page);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  await page.screenshot({ path: join(SHOTS, `${name}-top.png`) });
}

/** No page wider than the phone: nothing to scroll sideways except inside tables. */
async function fitsPhone(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startTestStack({ http: true, deps: { now: () => new Date(Date.now() + clockOffset) }, env: { PORT: '0', MATCH_TOP_K: '1', OBJECTIONS_PER_HOUR: '50' } });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const bureau = await stack.token('bureau');
  for (let i = 0; i < 4; i++) platformIds.push((await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(`手机路演平台${i}`) })).body.id);
  for (const org of ['ent_phone_a', 'ent_phone_b']) {
    const mfr = await stack.token('manufacturer', org);
    const sc = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: `${org === 'ent_phone_a' ? '甲' : '乙'}厂注塑机突发停机` }) });
    await stack.call('POST', `/v1/scenarios/${sc.body.id}/publish`, { token: mfr });
    await eventually(async () => (await stack.call('GET', `/v1/scenarios/${sc.body.id}`, { token: bureau })).body.status === 'matched', 60_000);
  }
}, 180_000);

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  expect(problems.take()).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const local = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16); // datetime-local in UTC (the context's zone)
const DAY = 86_400_000;

it('the bureau, a platform, a guest and the door staff run an event on phones', async () => {
  // --- the bureau creates an event (2 rooms) on its phone
  const b = await phone(await stack.token('bureau'));
  await b.goto(`${stack.url}/b/roadshows`);
  await b.getByTestId('rs-title').fill('手机端设备运维路演');
  await b.getByTestId('rs-platforms-per-scenario').fill('2');
  await b.getByTestId('rs-max-slots').fill('2');
  await b.getByTestId('rs-event-fields').locator('summary').click();
  await b.getByTestId('rs-kind').selectOption('matchmaking');
  await b.getByTestId('rs-region').selectOption('崂山区');
  await b.getByTestId('rs-address').fill('株洲路 151 号');
  await b.getByTestId('rs-starts').fill(local(2 * DAY));
  await b.getByTestId('rs-ends').fill(local(2 * DAY + 2 * 3_600_000));
  await b.getByTestId('rs-rsvp').fill(local(DAY));
  await b.getByTestId('rs-capacity').fill('1');
  await b.getByTestId('rs-submit').click();
  const open = b.getByTestId('roadshow-open');
  await open.waitFor({ timeout: 60_000 });
  await expect(b.getByTestId('calendar-event').textContent()).resolves.toContain('手机端设备运维路演');
  await fitsPhone(b);
  await shot(b, 'roadshow-event-list-390');
  await open.click();
  await b.waitForURL('**/b/roadshows/rs_*');
  const id = b.url().split('/').at(-1)!;
  await b.locator('[data-testid=event-agenda] [data-testid=agenda-row]').first().waitFor();
  await expect(b.getByTestId('rs-venue').textContent()).resolves.toContain('株洲路');
  await b.getByTestId('rs-publish').click();
  await b.getByTestId('rs-publish-done').waitFor();
  await b.locator('[data-testid=rs-reply-status][data-status=invited]').first().waitFor();
  await fitsPhone(b);
  await shot(b, 'roadshow-event-bureau-390');

  // --- a platform declines its first invitation in 我的路演
  const invs = (await stack.call('GET', `/v1/roadshows/${id}/invitations`, { token: await stack.token('bureau') })).body.items as { id: string; party: string; orgId: string }[];
  const target = invs.find((i) => i.party === 'platform')!;
  const p = await phone(await stack.token('platform', target.orgId));
  await p.goto(`${stack.url}/my/roadshows`);
  const row = p.locator(`[data-testid=my-rs-invitation][data-id="${target.id}"]`);
  await row.waitFor();
  expect(await p.locator('[data-testid=agenda-row][data-mine=true]').count()).toBeGreaterThan(0);
  await row.getByTestId('my-rs-reason').selectOption('schedule');
  await row.getByTestId('my-rs-decline').click();
  await p.getByTestId('my-rs-replied').waitFor();
  await p.locator(`[data-testid=my-rs-invitation][data-id="${target.id}"][data-status=declined]`).waitFor();
  await fitsPhone(p);
  await shot(p, 'roadshow-my-roadshows-390');

  // --- the bureau sees the decline and re-composes
  await b.reload();
  await b.locator('[data-testid=rs-reply-status][data-status=declined]').first().waitFor();
  await b.getByTestId('rs-recompose').click();
  await b.getByTestId('rs-recompose-done').waitFor();
  await expect(b.getByTestId('rs-recompose-done').textContent()).resolves.toContain('补位 1 家平台');

  // --- a guest registers on the public page (no sign-in) and gets a code
  const g = await phone();
  await g.goto(`${stack.url}/roadshows/${id}`);
  await g.locator('[data-testid=event-agenda] [data-testid=agenda-row]').first().waitFor();
  await expect(g.getByTestId('pub-rs-seats').textContent()).resolves.toContain('1 / 1');
  await g.getByTestId('pub-rs-name').fill('王先生');
  await g.getByTestId('pub-rs-enterprise').fill('青岛某机械有限公司');
  await g.getByTestId('pub-rs-contact').fill('13912345678');
  await g.getByTestId('pub-rs-interest').first().check();
  await g.getByTestId('pub-rs-submit').click();
  const code = (await g.getByTestId('pub-rs-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await expect(g.getByTestId('pub-rs-registered').getAttribute('data-waitlisted')).resolves.toBe('false');
  // The QR image of the code is shown (rendered: the browser decoded the SVG).
  await expect(g.getByTestId('pub-rs-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
  await fitsPhone(g);
  await shot(g, 'roadshow-public-registration-390');
  // A second guest finds the seats taken and joins the wait list.
  const g2 = await phone();
  await g2.goto(`${stack.url}/roadshows/${id}`);
  await g2.getByTestId('pub-rs-name').fill('李女士');
  await g2.getByTestId('pub-rs-enterprise').fill('青岛某电子有限公司');
  await g2.getByTestId('pub-rs-contact').fill('li@example.cn');
  await g2.getByTestId('pub-rs-submit').click();
  await expect(g2.getByTestId('pub-rs-registered').getAttribute('data-waitlisted')).resolves.toBe('true');

  // --- door staff check the guest in on a phone; twice is once
  await b.reload();
  await b.getByTestId('rs-checkin-code').fill(code.toLowerCase());
  await b.getByTestId('rs-checkin-submit').click();
  await expect(b.getByTestId('rs-checked-in').textContent()).resolves.toContain('王**');
  // The page clears the box once the answer is in: wait for that before typing the next code.
  await expect.poll(() => b.getByTestId('rs-checkin-code').inputValue()).toBe('');
  await b.getByTestId('rs-checkin-code').fill(code);
  await b.getByTestId('rs-checkin-submit').click();
  await expect.poll(() => b.getByTestId('rs-checkin-code').inputValue()).toBe('');
  await expect(b.getByTestId('rs-checked-in').textContent()).resolves.toContain('共 1 人');
  await b.locator('[data-testid=rs-reg-row][data-checked-in=true]').waitFor();
  await expect(b.getByTestId('rep-checked-in').locator('.v').textContent()).resolves.toBe('1');
  await expect(b.getByTestId('rep-replied').locator('.v').textContent()).resolves.toBe('1');
  problems.expected.push(/\/check-ins$/);
  await b.getByTestId('rs-checkin-code').fill('NOPE2345');
  await b.getByTestId('rs-checkin-submit').click();
  await b.getByTestId('rs-checkin-result').getByTestId('error').waitFor();
  await fitsPhone(b);
  await shot(b, 'roadshow-checkin-390');

  // --- after the day: a pairing met (both checked in), the bureau closes, the platform rates it
  const bureauToken = await stack.token('bureau', undefined, { hours: 24 * 7 });
  const all = (await stack.call('GET', `/v1/roadshows/${id}/invitations`, { token: bureauToken })).body.items as { id: string; party: string; orgId: string; scenarioId: string; status: string; checkInCode: string }[];
  const met = all.find((i) => i.party === 'platform' && i.status === 'invited')!;
  const presenter = all.find((i) => i.party === 'manufacturer' && i.scenarioId === met.scenarioId)!;
  for (const i of [met, presenter]) expect((await stack.call('POST', `/v1/roadshows/${id}/check-ins`, { token: bureauToken, body: { checkInCode: i.checkInCode } })).status).toBe(200);
  clockOffset = 2 * DAY + 30 * 60_000;
  const bb = await phone(bureauToken);
  await bb.goto(`${stack.url}/b/roadshows/${id}`);
  await bb.getByTestId('rs-close').click();
  await expect(bb.getByTestId('rs-close-done').textContent()).resolves.toContain('生成 1 条');
  const pr = await phone(await stack.token('platform', met.orgId, { hours: 24 * 7 }));
  await pr.goto(`${stack.url}/my/roadshows`);
  const pair = pr.locator(`[data-testid=my-rs-pair][data-scenario="${met.scenarioId}"]`);
  await pair.getByTestId('my-rs-stars').selectOption('4');
  await pair.getByTestId('my-rs-rate').click();
  await pr.locator(`[data-testid=my-rs-pair][data-scenario="${met.scenarioId}"][data-stars="4"]`).waitFor();
  await fitsPhone(pr);
  await shot(pr, 'roadshow-rating-390');
  await bb.reload();
  await expect(bb.getByTestId('rep-leads').locator('.v').textContent()).resolves.toBe('1');
  await expect(bb.getByTestId('rep-rating').locator('.v').textContent()).resolves.toBe('4');
  clockOffset = 0;

  // --- the handbook prints on A4
  const h = await phone();
  await h.goto(`${stack.url}/roadshows/${id}/print`);
  await h.locator('[data-testid=handbook] [data-testid=agenda-row]').first().waitFor();
  await h.emulateMedia({ media: 'print' });
  expect(await h.locator('nav.main').isVisible()).toBe(false);
  const pdf = await h.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
}, 240_000);
