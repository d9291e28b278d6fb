import { api } from './api';
import { errorMsg } from './messages';
import { renew } from './oauth';
import { claims, expired, person, renderWho, showActingName } from './session';

function fail(err: unknown): void {
  document.getElementById('app')?.appendChild(errorMsg(err));
  // Still reported to the console: the browser tests fail on console errors.
  console.error(err);
}

/**
 * Every page script's entry: fills the header, runs the page, and shows an uncaught failure instead
 * of swallowing it. Module scripts run after the document is parsed, so the DOM is there.
 */
export function page(main: () => void | Promise<void>): void {
  // A person's access token lasts minutes: renew it from the refresh token before the page runs.
  const ready = expired() ? renew() : Promise.resolve(true);
  ready
    .then(() => {
      renderWho();
      const org = person() ? claims()?.org : undefined;
      if (org) void nameActing(org);
    })
    .then(main)
    .catch(fail);
}

const ACTING = 'gf.acting';

/**
 * A person's token names what they act for by id (a platform's is opaque); the header shows the name
 * their organisation list gives it. Read once per tab and organisation, not on every page. Cosmetic:
 * if the list cannot be read, the id stays.
 */
async function nameActing(org: string): Promise<void> {
  const known = JSON.parse(sessionStorage.getItem(ACTING) ?? 'null') as { org: string; label: string } | null;
  if (known?.org === org) return showActingName(known.label);
  const me = await api.me().catch(() => null);
  const hit = me?.memberships.flatMap((m) => m.actAs).find((a) => a.org === org);
  if (!hit) return;
  sessionStorage.setItem(ACTING, JSON.stringify({ org, label: hit.label }));
  showActingName(hit.label);
}

/** For event handlers that start async work: a failure is shown like a page's, not left unhandled. */
export function spawn(work: Promise<unknown>): void {
  work.catch(fail);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until check() returns something truthy, or gives up after timeoutMs (null). */
export async function poll<T>(check: () => Promise<T | null | false | undefined>, everyMs = 1500, timeoutMs = 120_000): Promise<T | null> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const v = await check();
    if (v) return v;
    await sleep(everyMs);
  }
  return null;
}
