import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '#core/indicators';
import { fillScenario } from '../support/scenario-form';
import { PageProblems } from '../support/page-problems';
import { eventually, startTestStack, type TestStack } from '../support/stack';

const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const LAPTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const Y = chinaYear(new Date()) - 1;

let stack: TestStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
let scenarioId = '';

/** Whatever went wrong in any page of the current test (support/page-problems.ts). */
const problems = new PageProblems();
const expected = problems.expected;

async function newPage(viewport = LAPTOP, token?: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport, ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}) });
  contexts.push(ctx);
  if (token) await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), token);
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  problems.watch(page);
  return page;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  // A tall phone page shrinks to a sliver when viewed whole; the first screen shows what a user sees.
  if (page.viewportSize()?.width === PHONE.width) await page.screenshot({ path: join(SHOTS, `${name}-top.png`) });
}

async function signInWithDevForm(page: Page, role: string, org?: string) {
  await page.goto(`${stack.url}/sign-in`);
  await page.getByTestId('dev-role').selectOption(role);
  if (org) await page.getByTestId('dev-org').fill(org);
  await page.getByTestId('dev-submit').click();
}

const specialized = (scale: number) => ({
  general: {
    revenueWan: 900 * scale, investmentWan: 300 * scale, profitWan: 40 * scale, teamSize: 20 * scale, servedEnterprises: 80 * scale,
    patentsAndCopyrights: 12 * scale, standards: 1, dataTb: 8 * scale, security: { protected: true, mlpsLevel: 2 }, monitoringConnected: true,
  },
  specific: {
    devices: 900 * scale, ownApps: 12 * scale, mechanismModels: 60 * scale, appSubscriptions: 6000 * scale, registeredUsers: 1500 * scale,
    dailyActiveUsers: 150 * scale, developers: { registered: 260 * scale, active: 70 * scale }, lowCode: scale > 1,
  },
});

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  stack = await startTestStack({ http: true, env: { PORT: '0' } });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  // Supply side, seeded through the API: two platforms with solutions and reports, so matching has
  // candidates and the bureau's charts and portraits have something to show.
  const bureau = await stack.token('bureau');
  const seeds = [
    { id: 'plt_e2e', name: '海智设备云', scale: 2, solution: ['注塑机预测性维护', '采集注塑机振动、温度与电流数据，提前发现设备故障，减少突发停机。'] },
    { id: 'plt_peer', name: '青工物联', scale: 1, solution: ['设备联网与能耗监测', '工业设备联网采集，能耗分析与设备状态看板。'] },
  ];
  for (const s of seeds) {
    const token = await stack.token('platform', s.id);
    const reg = await stack.call('POST', '/v1/platforms', {
      token,
      body: {
        name: s.name,
        operator: { name: `${s.name}科技有限公司`, creditCode: '91370200163562681G' },
        category: 'specialized',
        region: '崂山区',
        industries: ['C29', 'C35'],
        domains: ['maintenance', 'energy'],
        technologies: ['iot', 'ai'],
        description: `${s.name}：工业设备远程运维与预测性维护平台`,
      },
    });
    expect(reg.status).toBe(201);
    const sol = await stack.call('POST', `/v1/platforms/${s.id}/solutions`, {
      token,
      body: { title: s.solution[0], description: s.solution[1], industries: ['C29'], domains: ['maintenance'], technologies: ['iot', 'ai'] },
    });
    expect(sol.status).toBe(201);
    expect((await stack.call('PUT', `/v1/platforms/${s.id}/indicators/${Y}`, { token: bureau, body: specialized(s.scale) })).status).toBe(202);
  }
  await eventually(async () => (await stack.call('GET', '/v1/platforms/plt_e2e/assessment')).status === 200);
}, 120_000);

afterEach(async () => {
  // Closed per test: a page left polling would blame its errors on the next test.
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  expect(problems.take()).toEqual([]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await stack?.stop();
});

describe('web console', () => {
  it('home and sign-in render', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/`);
    await expect(page.getByTestId('home-manufacturer').isVisible()).resolves.toBe(true);
    await shot(page, 'home-1280');
    await page.goto(`${stack.url}/sign-in`);
    await expect(page.getByTestId('dev-token-form').isVisible()).resolves.toBe(true);
    await shot(page, 'sign-in-1280');
  });

  it('a manufacturer posts and publishes a scenario and sees its matches', async () => {
    const page = await newPage();
    await signInWithDevForm(page, 'manufacturer', 'ent_e2e');
    await page.waitForURL('**/m/scenarios');
    await page.getByTestId('domain-maintenance').waitFor();

    await fillScenario(page, '注塑车间设备经常突发停机', '我们有80台注塑机，经常突发停机，维修靠老师傅经验，希望通过设备数据提前发现故障。');
    await page.getByTestId('domain-maintenance').check();
    await page.getByTestId('tech-iot').check();
    await page.getByTestId('tech-ai').check();
    await page.getByTestId('scenario-submit').click();
    await page.getByTestId('scenario-created').waitFor();

    const row = page.getByTestId('scenario-row').first();
    await expect(row.getAttribute('data-status')).resolves.toBe('draft');
    scenarioId = (await row.getAttribute('data-id'))!;
    await shot(page, 'manufacturer-scenarios-1280');

    await row.getByTestId('scenario-publish').click();
    await page.getByTestId('published').waitFor();
    await page.locator(`[data-testid="scenario-row"][data-id="${scenarioId}"]:not([data-status="draft"])`).waitFor();

    await row.getByTestId('scenario-open').click();
    await page.waitForURL(`**/m/scenarios/${scenarioId}`);
    await page.locator('[data-testid="scenario-status"][data-status="matched"]').waitFor({ timeout: 60_000 });
    const first = page.getByTestId('match-item').first();
    await expect(first.getAttribute('data-platform')).resolves.toBe('plt_e2e');
    expect(await first.getByTestId('match-reason').count()).toBeGreaterThan(0);
    await shot(page, 'manufacturer-matches-1280');
  }, 120_000);

  it('a manufacturer can post a scenario with no domain ticked: the text is enough', async () => {
    const page = await newPage();
    await signInWithDevForm(page, 'manufacturer', 'ent_e2e_text');
    await page.waitForURL('**/m/scenarios');
    await page.getByTestId('domain-maintenance').waitFor();
    await fillScenario(page, '电费越来越高', '厂里一个月电费四十多万，不知道哪几台设备最费电，晚上空压机也一直开着。');
    await page.getByTestId('scenario-submit').click();
    await page.getByTestId('scenario-created').waitFor();
    await expect(page.getByTestId('scenario-row').first().innerText()).resolves.toContain('领域由描述判断');
  });

  it('the platform finds the lead in its inbox and accepts it', async () => {
    const page = await newPage(LAPTOP, await stack.token('platform', 'plt_e2e'));
    await page.goto(`${stack.url}/p/leads`);
    // The lead is written by the pairing consumer after matching; the inbox refreshes itself.
    const lead = page.locator(`[data-testid="lead-item"][data-scenario="${scenarioId}"]`);
    await lead.waitFor({ timeout: 60_000 });
    await expect(lead.getAttribute('data-status')).resolves.toBe('pending');
    await shot(page, 'platform-leads-1280');
    await lead.getByTestId('lead-accept').click();
    await page.getByTestId('lead-decided').waitFor();
    await page.locator(`[data-testid="lead-item"][data-scenario="${scenarioId}"][data-status="accepted"]`).waitFor();
    const res = await stack.call('GET', '/v1/leads?status=accepted', { token: await stack.token('platform', 'plt_e2e') });
    expect(res.body.items.map((l: { scenarioId: string }) => l.scenarioId)).toContain(scenarioId);

    await page.goto(`${stack.url}/p/profile`);
    await page.getByTestId('solution-item').first().waitFor();
    await page.getByTestId('sol-title').fill('注塑工艺参数优化');
    await page.getByTestId('sol-description').fill('基于历史工艺数据推荐注塑参数，降低不良率。');
    await page.getByTestId('sol-domain-quality').check();
    await page.getByTestId('sol-submit').click();
    await page.getByTestId('solution-added').waitFor();
    expect(await page.getByTestId('solution-item').count()).toBe(2);
    await shot(page, 'platform-profile-1280');

    await page.goto(`${stack.url}/p/indicators`);
    await page.getByTestId('level').first().waitFor();
    await page.getByTestId('gap-row').first().waitFor();
    await page.getByTestId('development-index').waitFor();
    await expect(page.getByTestId('indicator-category').textContent()).resolves.toContain('Specialized');
    // A corrected report through the form: every field of the category, then a fresh assessment.
    const report = specialized(3);
    for (const block of ['general', 'specific'] as const) {
      for (const input of await page.locator(`#${block}-fields input`).all()) {
        const path = (await input.getAttribute('data-path'))!;
        const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], report[block]);
        if (typeof value === 'boolean') await input.setChecked(value);
        else await input.fill(String(value));
      }
    }
    await page.getByTestId('ind-year').fill(String(Y));
    await page.getByTestId('ind-submit').click();
    await page.getByTestId('indicator-assessed').waitFor({ timeout: 60_000 });
    await shot(page, 'platform-indicators-1280');

    // The other platform declines its lead, with a reason.
    const peer = await newPage(LAPTOP, await stack.token('platform', 'plt_peer'));
    await peer.goto(`${stack.url}/p/leads`);
    const peerLead = peer.locator(`[data-testid="lead-item"][data-scenario="${scenarioId}"]`);
    await peerLead.waitFor({ timeout: 60_000 });
    await peerLead.getByTestId('lead-decline').click();
    await peerLead.getByTestId('lead-decline-reason').fill('本季度产能已满，暂不承接。');
    await peerLead.getByTestId('lead-decline-confirm').click();
    await peer.locator(`[data-testid="lead-item"][data-scenario="${scenarioId}"][data-status="declined"]`).waitFor();
  }, 120_000);

  it('the platform records the deal; the manufacturer confirms and rates it; the bureau sees the funnel', async () => {
    const plt = await newPage(LAPTOP, await stack.token('platform', 'plt_e2e'));
    await plt.goto(`${stack.url}/p/leads`);
    const lead = () => plt.locator(`[data-testid="lead-item"][data-scenario="${scenarioId}"]`);
    await lead().getByTestId('lead-progress-form').waitFor();
    await lead().getByTestId('lead-progress-status').selectOption('signed');
    await lead().getByTestId('lead-progress-value').fill('120');
    await lead().getByTestId('lead-progress-date').fill('2026-03-18');
    await lead().getByTestId('lead-progress-submit').click();
    await plt.locator(`[data-testid="lead-item"][data-scenario="${scenarioId}"][data-status="signed"]`).waitFor();
    await expect(lead().getByTestId('lead-contract').textContent()).resolves.toContain('120');
    // The form offers only the steps the API allows from here.
    await expect(lead().locator('[data-testid="lead-progress-status"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).resolves.toEqual(['delivered', 'lost']);
    await lead().getByTestId('lead-progress-status').selectOption('delivered');
    await lead().getByTestId('lead-progress-date').fill('2026-05-30');
    await lead().getByTestId('lead-progress-submit').click();
    await plt.locator(`[data-testid="lead-item"][data-scenario="${scenarioId}"][data-status="delivered"]`).waitFor();
    await shot(plt, 'platform-lead-progress-1280');

    const mfr = await newPage(LAPTOP, await stack.token('manufacturer', 'ent_e2e'));
    await mfr.goto(`${stack.url}/m/scenarios/${scenarioId}`);
    const item = () => mfr.locator('[data-testid="progress-item"][data-platform="plt_e2e"]');
    await item().getByTestId('confirm-signed').click();
    await item().getByTestId('lead-signed-confirmed').waitFor();
    await item().getByTestId('confirm-delivered').click();
    await item().getByTestId('lead-delivered-confirmed').waitFor();
    await item().getByTestId('rating-stars').selectOption('5');
    await item().getByTestId('rating-comment').fill('停机明显减少，响应及时');
    await item().getByTestId('rating-submit').click();
    await expect(item().getByTestId('lead-rating').getAttribute('data-stars')).resolves.toBe('5');
    expect(await item().locator('[data-testid="lead-step"][data-by="manufacturer"]').count()).toBe(3);
    await shot(mfr, 'manufacturer-lead-progress-1280');

    await plt.reload();
    await expect(plt.getByTestId('own-funnel-signed').locator('.v').textContent()).resolves.toContain('1（确认 1）');
    await expect(plt.getByTestId('own-funnel-stars').locator('.v').textContent()).resolves.toBe('5.0 ★');

    const bureau = await newPage(LAPTOP, await stack.token('bureau'));
    await bureau.goto(`${stack.url}/b/overview`);
    const row = bureau.locator('[data-testid="funnel-category"] [data-testid="funnel-row"][data-key="specialized"]');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toContain('专业型');
    expect(cells.slice(3)).toEqual(['1', '1', '120']);
    await expect(bureau.getByTestId('funnel-contract').locator('.v').textContent()).resolves.toBe('120');
  }, 120_000);

  it('the bureau sees the overview charts, composes a roadshow and opens a portrait', async () => {
    const page = await newPage();
    await signInWithDevForm(page, 'bureau');
    await page.waitForURL('**/b/overview');
    await page.locator('[data-testid="chart-levels"] canvas').waitFor();
    await page.locator('[data-testid="chart-leads"] canvas').waitFor();
    await expect(page.getByTestId('kpi-platforms').locator('.v').textContent()).resolves.toBe('2');
    await expect(page.getByTestId('kpi-acceptance').locator('.v').textContent()).resolves.toBe('50%');
    // Each chart's numbers are also a table a screen reader and the keyboard reach (folded under 数据表).
    await expect(page.getByTestId('chart-leads').getAttribute('role')).resolves.toBe('img');
    const leadsTable = page.getByTestId('chart-leads-table');
    await leadsTable.locator('summary').click();
    const leadRows = await leadsTable.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!, Number(tr.querySelector('td')!.textContent)] as const));
    expect(leadRows.reduce((a, [, n]) => a + n, 0)).toBe(2);
    const byStatus = (await stack.call('GET', '/v1/stats/overview', { token: await stack.token('bureau') })).body.leads.byStatus as Record<string, number>;
    const nonzero = (xs: number[]) => xs.filter((n) => n > 0).sort();
    expect(nonzero(leadRows.map(([, n]) => n))).toEqual(nonzero(Object.values(byStatus)));
    const levels = await page.getByTestId('chart-levels-table').locator('tbody tr').count();
    expect(levels).toBe(await page.getByTestId('chart-levels-table').locator('tbody th[scope=row]').count());
    expect(levels).toBeGreaterThan(0);
    await expect(page.getByTestId('chart-trend-table').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await page.waitForTimeout(600); // let the charts' entry animation finish before the picture
    await shot(page, 'bureau-overview-1280');

    await page.goto(`${stack.url}/b/roadshows`);
    await page.getByTestId('rs-title').fill('第一期注塑行业场景路演');
    await page.getByTestId('rs-submit').click();
    const item = page.locator('[data-testid="roadshow-item"][data-status="composed"]');
    await item.waitFor({ timeout: 60_000 });
    const agendaRow = item.locator(`[data-testid="agenda-row"][data-scenario="${scenarioId}"]`);
    await agendaRow.waitFor();
    await expect(agendaRow.textContent()).resolves.toContain('海智设备云');
    await shot(page, 'bureau-roadshows-1280');

    await page.goto(`${stack.url}/b/directory`);
    await page.locator('[data-testid="register-row"][data-id="plt_e2e"] [data-testid="platform-link"]').click();
    await page.waitForURL('**/b/platforms/plt_e2e');
    await page.locator('[data-testid="chart-radar"] canvas').waitFor();
    expect(await page.getByTestId('dimension').count()).toBe(6);
    await expect(page.getByTestId('chart-radar-table').locator('tbody tr').count()).resolves.toBe(6);
    await page.waitForTimeout(600);
    await shot(page, 'bureau-portrait-1280');
  }, 120_000);

  it('the public directory needs no sign-in', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/directory`);
    await page.getByTestId('directory-table').waitFor();
    await page.locator('[data-testid="directory-row"], [data-testid="directory-empty"]').first().waitFor();
    await shot(page, 'directory-1280');
  });

  it('an upstream selection shows on the public 名录 and in the bureau\'s recommended-vs-selected table', async () => {
    const bureau = await stack.token('bureau');
    const b = await newPage(LAPTOP, bureau);
    await b.goto(`${stack.url}/b/platforms/plt_e2e`);
    // The form is the script's once the recorded selections are listed (a click before would submit natively).
    await b.locator('#selections li').first().waitFor();
    await b.getByTestId('sel-year').fill(String(Y));
    await b.getByTestId('sel-body').selectOption('province');
    // A province cannot name a national platform: the API's refusal is shown and nothing is recorded.
    expected.push(/\/v1\/platforms\/plt_e2e\/selections\//);
    await b.getByTestId('sel-result').selectOption('cross_industry');
    await b.getByTestId('sel-document').fill(`鲁工信字〔${Y}〕12号`);
    await b.getByTestId('sel-decided').fill(`${Y}-10-15`);
    await b.getByTestId('sel-submit').click();
    await b.getByTestId('error').waitFor();
    expect(await b.getByTestId('selection-item').count()).toBe(0);
    await b.getByTestId('sel-result').selectOption('key_platform');
    await b.getByTestId('sel-submit').click();
    await b.getByTestId('selection-recorded').waitFor();
    expect(await b.getByTestId('selection-item').first().textContent()).toContain(`${Y} 省级重点平台`);
    const pub = await newPage(PHONE);
    await pub.goto(`${stack.url}/directory`);
    await expect.poll(() => pub.locator('[data-testid="directory-row"][data-id="plt_e2e"] [data-testid="directory-selection"]').textContent(), { timeout: 20_000 }).toContain(`${Y} 省级重点平台`);
    await b.goto(`${stack.url}/b/overview`);
    const row = b.locator(`[data-testid="selection-year"][data-year="${Y}"]`);
    await row.waitFor();
    // Year, recommended, provincial, national, not selected.
    expect(await row.locator('th, td').allTextContents()).toEqual([String(Y), '1', '1', '0', '0']);
  });

  it('the public 名录 prints on A4 without the menus and filters', async () => {
    const page = await newPage();
    await page.goto(`${stack.url}/directory`);
    await page.locator('[data-testid="directory-row"]').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.main').isVisible()).toBe(false);
    expect(await page.getByTestId('search-form').isVisible()).toBe(false);
    expect(await page.getByTestId('directory-table').isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    // A4 in PDF points (595 × 842).
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)/.exec(pdf.toString('latin1'));
    expect(box?.slice(1).map((x) => Math.round(Number(x))), box?.[0]).toEqual([595, 842]);
  });

  it('pages fit a phone', async () => {
    const m = await newPage(PHONE, await stack.token('manufacturer', 'ent_e2e'));
    await m.goto(`${stack.url}/m/scenarios`);
    await m.getByTestId('scenario-row').first().waitFor();
    await shot(m, 'manufacturer-scenarios-390');
    await m.goto(`${stack.url}/m/scenarios/${scenarioId}`);
    await m.getByTestId('match-item').first().waitFor();
    await shot(m, 'manufacturer-matches-390');

    const p = await newPage(PHONE, await stack.token('platform', 'plt_e2e'));
    await p.goto(`${stack.url}/p/leads`);
    await p.getByTestId('lead-item').first().waitFor();
    await shot(p, 'platform-leads-390');

    const b = await newPage(PHONE, await stack.token('bureau'));
    await b.goto(`${stack.url}/b/overview`);
    await b.locator('[data-testid="chart-levels"] canvas').waitFor();
    await b.waitForTimeout(600);
    await shot(b, 'bureau-overview-390');
    // Nothing wider than the screen: the layout reflows instead of scrolling sideways.
    for (const page of [m, p, b]) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  }, 60_000);

  it('the pages after the list (推荐与答辩, 动态评价, 奖补 for the bureau and a platform, 诊断任务) fit a phone', async () => {
    expected.push(/\/quotas$/); // a round without quotas yet answers 404, which the page shows as "set them"
    const pages: [string, string][] = [
      [await stack.token('bureau'), '/b/recommendation'],
      [await stack.token('bureau'), '/b/tracking'],
      [await stack.token('bureau'), '/b/support'],
      [await stack.token('platform', 'plt_e2e'), '/p/tracking'],
      [await stack.token('platform', 'plt_e2e'), '/p/support'],
      [await stack.token('institution', 'ins_e2e'), '/i/diagnoses'],
    ];
    for (const [token, path] of pages) {
      const page = await newPage(PHONE, token);
      await page.goto(`${stack.url}${path}`);
      await page.locator('main').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByTestId('need-sign-in').count(), path).toBe(0);
      await shot(page, `${path.slice(1).replace(/\//g, '-')}-390`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  }, 60_000);

  it('a page without the right sign-in says so', async () => {
    const page = await newPage(LAPTOP, await stack.token('manufacturer', 'ent_e2e'));
    await page.goto(`${stack.url}/b/overview`);
    await page.getByTestId('need-sign-in').waitFor();
  });

  it('the navigation shows a signed-in user the menus of their role and the public ones', async () => {
    const visible = async (page: Page) =>
      (await page.locator('nav.main a:visible').evaluateAll((as) => as.map((a) => a.getAttribute('data-testid')))).sort();
    const anon = await newPage();
    await anon.goto(`${stack.url}/`);
    await anon.getByTestId('nav-sign-in').waitFor();
    // The directory, the scenario catalogue (场景清单), the public notice (公示) and 我的数据 are public.
    expect(await visible(anon)).toEqual(['nav-directory', 'nav-my-data', 'nav-notices', 'nav-scenarios']);

    const cases = [
      ['manufacturer', 'ent_e2e', ['nav-directory', 'nav-m-scenarios', 'nav-my-roadshows', 'nav-notices']],
      ['platform', 'plt_e2e', ['nav-directory', 'nav-my-roadshows', 'nav-notices', 'nav-p-indicators', 'nav-p-leads', 'nav-p-profile', 'nav-p-round', 'nav-p-support', 'nav-p-tracking']],
      ['bureau', undefined, ['nav-b-directory', 'nav-b-districts', 'nav-b-overview', 'nav-b-recommendation', 'nav-b-roadshows', 'nav-b-rounds', 'nav-b-support', 'nav-b-tracking', 'nav-directory', 'nav-notices']],
      ['expert', undefined, ['nav-directory', 'nav-e-reviews', 'nav-notices']],
      ['district', undefined, ['nav-d-applications', 'nav-d-leads', 'nav-d-platforms', 'nav-d-roadshows', 'nav-d-scenarios', 'nav-directory', 'nav-notices']],
    ] as const;
    for (const [role, org, links] of cases) {
      const page = await newPage(LAPTOP, await stack.token(role, org, role === 'expert' ? { sub: 'exp_e2e' } : role === 'district' ? { district: '黄岛区' } : {}));
      await page.goto(`${stack.url}/directory`);
      await page.getByTestId('whoami-role').waitFor();
      expect(await visible(page), role).toEqual([...links, 'nav-my-data', 'nav-scenarios'].sort());
    }
  });

  it('a platform that has not registered yet gets the registration form', async () => {
    // The profile asks for the platform first; 404 is the expected answer for a new platform.
    expected.push(/^\/v1\/platforms\/plt_new$/);
    const page = await newPage(LAPTOP, await stack.token('platform', 'plt_new'));
    await page.goto(`${stack.url}/p/profile`);
    await page.getByTestId('platform-register-form').waitFor();
    await page.getByTestId('reg-submit').click();
    // Empty required fields: the browser's own validation keeps the form from being sent.
    expect(await page.getByTestId('platform-register-form').isVisible()).toBe(true);
  });

  it('an API refusal shows its zh/en message', async () => {
    const page = await newPage();
    expected.push(/^\/dev\/token$/);
    await page.goto(`${stack.url}/sign-in`);
    await page.getByTestId('dev-role').selectOption('platform');
    await page.getByTestId('dev-org').fill('bad org!');
    await page.getByTestId('dev-submit').click();
    const err = page.getByTestId('error');
    await err.waitFor();
    await expect(err.textContent()).resolves.toMatch(/[\u4e00-\u9fff].*[A-Za-z]/);
    await expect(err.locator('li').count()).resolves.toBeGreaterThan(0);
  });
});
