import { parseContact } from '#core/accounts/contact';
import * as flow from '#local/sign-in-flow';
import type { DevMailbox } from '#notify/dev-mailbox';
import type { Stack } from '#local/stack';

// The sign-in flow of packages/local/sign-in-flow.ts, driven in-process against a test stack.

export { CLIENT_ID, REDIRECT_URI, exchange, submitCode, type Tokens } from '#local/sign-in-flow';

const inProcess = (stack: Pick<Stack, 'app'>): flow.Transport => (path, init) => Promise.resolve(stack.app.request(path, init));

/** A browser's cookie jar against the stack's app. */
export class Browser extends flow.Browser {
  constructor(stack: Pick<Stack, 'app'>) {
    super(inProcess(stack));
  }
}

export function mailbox(stack: Pick<Stack, 'deps'>): DevMailbox {
  return stack.deps.messenger as DevMailbox;
}

/** The newest code the dev mailbox holds for this contact. */
export function lastCode(stack: Pick<Stack, 'deps'>, contact: string): string {
  return flow.codeIn(mailbox(stack).list(parseContact(contact)?.value ?? contact), contact);
}

/** Starts an authorization (code flow) and asks for a code; the issuer's answer, whatever it is. */
export async function askForCode(
  stack: Pick<Stack, 'app' | 'deps'>,
  contact: string,
  o: { browser?: Browser; headers?: Record<string, string> } = {},
): Promise<{ browser: Browser; res: Response }> {
  const browser = o.browser ?? new Browser(stack);
  return { browser, res: await flow.askForCode(browser, contact, o.headers) };
}

/** Asks for a code and expects it sent; returns the browser at the code page. */
export async function requestCode(stack: Pick<Stack, 'app' | 'deps'>, contact: string, browser = new Browser(stack)): Promise<Browser> {
  const { res } = await askForCode(stack, contact, { browser });
  if (res.status !== 200) throw new Error(`request code answered ${res.status}: ${await res.text()}`);
  return browser;
}

/** The whole sign-in: code by "e-mail" from the dev mailbox, verify, exchange. */
export function signIn(stack: Pick<Stack, 'app' | 'deps'>, contact: string): Promise<flow.Tokens> {
  return flow.signInWithCode(inProcess(stack), contact, (c) => lastCode(stack, c));
}

/** Act for another organisation or platform (or as an expert): a new token through the switch provider. */
export function switchTo(stack: Pick<Stack, 'app' | 'deps'>, accessToken: string, target: string | { expert: string }): Promise<flow.Tokens> {
  return flow.switchTo(inProcess(stack), accessToken, target);
}

export async function refresh(stack: Pick<Stack, 'app' | 'deps'>, refreshToken: string): Promise<Response> {
  return new Browser(stack).request('/auth/token', { form: { grant_type: 'refresh_token', refresh_token: refreshToken } });
}
