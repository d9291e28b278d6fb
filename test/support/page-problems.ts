import type { Browser, Page } from 'playwright-core';

/**
 * Whatever goes wrong in the browser pages of a test: script errors, console errors, failed
 * requests and HTTP errors. A test that expects an error response pushes its path onto `expected`.
 */
export class PageProblems {
  readonly list: string[] = [];
  readonly expected: RegExp[] = [];

  private isExpected(url: string) {
    return this.expected.some((re) => re.test(new URL(url).pathname));
  }

  watch(page: Page): Page {
    page.on('pageerror', (e) => this.list.push(`script error on ${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !this.isExpected(m.location().url || page.url())) this.list.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !this.isExpected(r.url())) this.list.push(`${r.request().method()} ${r.url()} answered ${r.status()}`);
    });
    page.on('requestfailed', (r) => {
      // A fetch still in flight when the test navigates away is cancelled by the browser, not failed.
      if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
      this.list.push(`${r.method()} ${r.url()} failed: ${r.failure()?.errorText}`);
    });
    return page;
  }

  /** This test's problems, cleared for the next one (the expectations too). */
  take(): string[] {
    this.expected.length = 0;
    return this.list.splice(0);
  }
}

/** A page in a fresh browser context, signed in with `token` (as the console keeps it), watched for problems. */
export async function signedInPage(browser: Browser, problems: PageProblems, token: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport });
  await ctx.addInitScript((t) => localStorage.setItem('gf.token', t), token);
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  problems.watch(page);
  return page;
}
