import { parseContact } from '../../packages/core/accounts/contact';
import type { DevMailbox } from '../../packages/notify/dev-mailbox';
import type { Stack } from '../../packages/local/stack';

export const CLIENT_ID = 'console';
export const REDIRECT_URI = 'http://localhost/callback';

/** A browser's cookie jar, enough for OpenAuth's state cookies. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly stack: Pick<Stack, 'app'>) {}

  async request(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.stack.app.request(path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, ...v] = pair!.split('=');
      const gone = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (gone) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), v.join('='));
    }
    return res;
  }
}

export function mailbox(stack: Pick<Stack, 'deps'>): DevMailbox {
  return stack.deps.messenger as DevMailbox;
}

/** The newest code the dev mailbox holds for this contact. */
export function lastCode(stack: Pick<Stack, 'deps'>, contact: string): string {
  const msg = mailbox(stack).list(parseContact(contact)?.value ?? contact)[0];
  const code = /\b(\d{6})\b/.exec(msg?.text ?? '')?.[1];
  if (!code) throw new Error(`no code in the dev mailbox for ${contact}`);
  return code;
}

/** Starts an authorization (code flow) and asks for a code; the issuer's answer, whatever it is. */
export async function askForCode(
  stack: Pick<Stack, 'app' | 'deps'>,
  contact: string,
  o: { browser?: Browser; headers?: Record<string, string> } = {},
): Promise<{ browser: Browser; res: Response }> {
  const browser = o.browser ?? new Browser(stack);
  const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', provider: 'code', state: 's1' });
  const start = await browser.request(`/auth/authorize?${q}`);
  if (start.status !== 302) throw new Error(`authorize answered ${start.status}`);
  const page = await browser.request(start.headers.get('location')!);
  if (page.status !== 200) throw new Error(`code page ${start.headers.get('location')} answered ${page.status}`);
  return { browser, res: await browser.request('/auth/code/authorize', { form: { action: 'request', contact }, headers: o.headers }) };
}

/** Asks for a code and expects it sent; returns the browser at the code page. */
export async function requestCode(stack: Pick<Stack, 'app' | 'deps'>, contact: string, browser = new Browser(stack)): Promise<Browser> {
  const { res } = await askForCode(stack, contact, { browser });
  if (res.status !== 200) throw new Error(`request code answered ${res.status}: ${await res.text()}`);
  return browser;
}

export async function submitCode(browser: Browser, code: string): Promise<Response> {
  return browser.request('/auth/code/authorize', { form: { action: 'verify', code } });
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** The redirect back to the client carries a one-time authorization code; trade it for tokens. */
export async function exchange(browser: Browser, redirect: Response): Promise<Tokens> {
  if (redirect.status !== 302) throw new Error(`expected a redirect to the client, got ${redirect.status}: ${await redirect.text()}`);
  const code = new URL(redirect.headers.get('location')!).searchParams.get('code');
  if (!code) throw new Error(`no code in ${redirect.headers.get('location')}`);
  const res = await browser.request('/auth/token', { form: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: CLIENT_ID } });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Tokens;
}

/** The whole sign-in: code by "e-mail" from the dev mailbox, verify, exchange. */
export async function signIn(stack: Pick<Stack, 'app' | 'deps'>, contact: string): Promise<Tokens> {
  const browser = await requestCode(stack, contact);
  return exchange(browser, await submitCode(browser, lastCode(stack, contact)));
}

/** Act for another organisation or platform (or as an expert): a new token through the switch provider. */
export async function switchTo(stack: Pick<Stack, 'app' | 'deps'>, accessToken: string, target: string | { expert: string }): Promise<Tokens> {
  const browser = new Browser(stack);
  const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', provider: 'switch', state: 's2' });
  const start = await browser.request(`/auth/authorize?${q}`);
  if (start.status !== 302) throw new Error(`authorize answered ${start.status}`);
  return exchange(browser, await browser.request('/auth/switch/authorize', { form: { token: accessToken, ...(typeof target === 'string' ? { org: target } : target) } }));
}

export async function refresh(stack: Pick<Stack, 'app' | 'deps'>, refreshToken: string): Promise<Response> {
  return new Browser(stack).request('/auth/token', { form: { grant_type: 'refresh_token', refresh_token: refreshToken } });
}
