// The sign-in code flow as a browser walks it (authorize → code page → request → verify → token),
// over any fetch-like transport: in-process for tests (app.request), over HTTP for the demo.

export const CLIENT_ID = 'console';
export const REDIRECT_URI = 'http://localhost/callback';

/** One request to the service, relative path in, Response out; redirects are not followed. */
export type Transport = (path: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;

export function httpTransport(base: string): Transport {
  return (path, init) => fetch(base + path, { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
}

/** A browser's cookie jar, enough for OpenAuth's state cookies. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly transport: Transport) {}

  async request(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.transport(path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
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

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** Starts an authorization (code flow) and asks for a code; the issuer's answer, whatever it is. */
export async function askForCode(browser: Browser, contact: string, headers?: Record<string, string>): Promise<Response> {
  const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', provider: 'code', state: 's1' });
  const start = await browser.request(`/auth/authorize?${q}`);
  if (start.status !== 302) throw new Error(`authorize answered ${start.status}`);
  const page = await browser.request(start.headers.get('location')!);
  if (page.status !== 200) throw new Error(`code page ${start.headers.get('location')} answered ${page.status}`);
  return browser.request('/auth/code/authorize', { form: { action: 'request', contact }, headers });
}

export async function submitCode(browser: Browser, code: string): Promise<Response> {
  return browser.request('/auth/code/authorize', { form: { action: 'verify', code } });
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

/** The code in the newest message of a mailbox's list (newest first). */
export function codeIn(messages: readonly { text?: string }[], contact: string): string {
  const code = /\b(\d{6})\b/.exec(messages[0]?.text ?? '')?.[1];
  if (!code) throw new Error(`no code in the dev mailbox for ${contact}`);
  return code;
}

/** The whole sign-in: ask for a code, read it where it was "sent", verify, exchange. */
export async function signInWithCode(transport: Transport, contact: string, readCode: (contact: string) => Promise<string> | string): Promise<Tokens> {
  const browser = new Browser(transport);
  const res = await askForCode(browser, contact);
  if (res.status !== 200) throw new Error(`request code answered ${res.status}: ${await res.text()}`);
  return exchange(browser, await submitCode(browser, await readCode(contact)));
}

/** The dev mailbox of a running local instance (`/auth/dev/mailbox.json`, local and test stages only). */
export function devMailboxCode(transport: Transport): (contact: string) => Promise<string> {
  return async (contact) => {
    const res = await transport(`/auth/dev/mailbox.json?to=${encodeURIComponent(contact)}`, { method: 'GET', headers: {} });
    if (res.status !== 200) throw new Error(`the dev mailbox answered ${res.status}: is this a local instance?`);
    return codeIn(((await res.json()) as { items: { text?: string }[] }).items, contact);
  };
}

/** Act for another organisation or platform (or as an expert): a new token through the switch provider. */
export async function switchTo(transport: Transport, accessToken: string, target: string | { expert: string }): Promise<Tokens> {
  const browser = new Browser(transport);
  const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, response_type: 'code', provider: 'switch', state: 's2' });
  const start = await browser.request(`/auth/authorize?${q}`);
  if (start.status !== 302) throw new Error(`authorize answered ${start.status}`);
  return exchange(browser, await browser.request('/auth/switch/authorize', { form: { token: accessToken, ...(typeof target === 'string' ? { org: target } : target) } }));
}
