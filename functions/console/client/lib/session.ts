// The signed-in user as this browser knows it: the token in localStorage and its (unverified)
// claims. The API verifies the token on every call; this only decides what to show.
import type { z } from 'zod';
import { ROLE_LABELS } from '#core/labels';
import type { Claims as ClaimsSchema, Role } from '#core/principal';
import { NAV } from '../../shared/nav';
import { clear, en, h } from './dom';

export type Claims = z.infer<typeof ClaimsSchema>;

const KEY = 'gf.token';
const REFRESH = 'gf.refresh';

export const token = () => localStorage.getItem(KEY) ?? '';
export const setToken = (t: string) => localStorage.setItem(KEY, t.trim());
export const refreshToken = () => localStorage.getItem(REFRESH) ?? '';
export const setRefreshToken = (t: string) => (t ? localStorage.setItem(REFRESH, t) : localStorage.removeItem(REFRESH));
export const signOut = () => {
  localStorage.removeItem(KEY);
  localStorage.removeItem(REFRESH);
};

/** The token's payload, unverified; null when it is not a JWT. */
function payload(): (Partial<Claims> & { properties?: Partial<Claims>; mode?: string }) | null {
  const parts = token().split('.');
  if (parts.length !== 3) return null;
  try {
    let b64 = parts[1]!.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** Whether the stored token has expired (people's tokens last minutes; page() renews them). */
export function expired(): boolean {
  const p = payload();
  return !!p && typeof p.exp === 'number' && p.exp * 1000 < Date.now();
}

/** A signed-in person (a token from the sign-in server), whether or not they act for an organisation yet. */
export function person(): { sub: string } | null {
  const p = payload();
  return p?.mode === 'access' && typeof p.sub === 'string' && !expired() ? { sub: p.sub } : null;
}

const isRole = (r: unknown): r is Role => typeof r === 'string' && Object.hasOwn(ROLE_LABELS, r);

/**
 * The token's claims when it is present, well formed and unexpired. Service tokens carry `role`
 * and `org` at the top; the sign-in server's tokens carry them under `properties`.
 */
export function claims(): Claims | null {
  const p = payload();
  if (!p || expired()) return null;
  const c = { ...p, ...(p.properties ?? {}) } as Partial<Claims>;
  if (!isRole(c.role)) return null;
  return { sub: String(c.sub), role: c.role, ...(c.org ? { org: c.org } : {}), exp: Number(c.exp) } as Claims;
}

export const signInHref = () => `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
const roleNames = (roles: readonly Role[]) => roles.map((r) => `${ROLE_LABELS[r].zh} ${ROLE_LABELS[r].en}`).join(' / ');

/**
 * The page's role gate: the claims when the stored token has one of roles; otherwise the page body
 * is replaced by a sign-in prompt and the result is null.
 */
/** Pages the bureau and districts share live under /b/… and /d/…: links stay in the area they were opened in. */
export const area = (): '/b' | '/d' => (location.pathname.startsWith('/d/') ? '/d' : '/b');

export function need(...roles: Role[]): Claims | null {
  const c = claims();
  if (c && roles.includes(c.role)) return c;
  const app = document.getElementById('app')!;
  // Keep the page title (the first child), drop the rest.
  for (const el of [...app.children].slice(1)) el.remove();
  const names = roleNames(roles);
  app.appendChild(
    h('div', { class: 'card', 'data-testid': 'need-sign-in' },
      h('p', null, `此页面需要以 ${names} 身份登录。`, en(`Sign in as ${names} to use this page.`)),
      h('a', { class: 'btn', href: signInHref() }, '去登录 ', en('Sign in'))),
  );
  return null;
}

/** The name of what a person acts for, in place of its id (the id stays in data-org and the tooltip). */
export function showActingName(label: string): void {
  const el = document.querySelector<HTMLElement>('[data-testid="whoami-org"]');
  if (el) el.textContent = label;
}

/**
 * The header's who-am-I box and the navigation: a signed-in user sees their role's menus and the
 * public ones; a visitor sees the public ones (role groups are hidden by the stylesheet until here).
 */
export function renderWho(): void {
  const c = claims();
  const groups = document.querySelectorAll<HTMLElement>('nav.main .grp');
  groups.forEach((g, i) => {
    const role = NAV[i]?.role;
    g.hidden = role !== undefined && role !== c?.role;
    g.classList.toggle('mine', role !== undefined && role === c?.role);
  });
  const box = document.getElementById('whoami');
  if (!box) return;
  clear(box);
  if (person()) box.appendChild(h('a', { href: '/account', 'data-testid': 'nav-account' }, '我的组织 ', en('My organisation')));
  if (!c) {
    if (!person()) box.appendChild(h('a', { href: '/sign-in', 'data-testid': 'nav-sign-in' }, '登录 ', en('Sign in')));
    else box.appendChild(h('a', { href: '/sign-in', 'data-testid': 'sign-out', onclick: () => signOut() }, '退出 ', en('Sign out')));
    return;
  }
  const role = ROLE_LABELS[c.role];
  box.appendChild(h('span', { 'data-testid': 'whoami-role', 'data-role': c.role }, role.zh, en(role.en)));
  if (c.org) box.appendChild(h('code', { 'data-testid': 'whoami-org', 'data-org': c.org, title: c.org }, c.org));
  box.appendChild(h('a', { href: '/sign-in', 'data-testid': 'sign-out', onclick: () => signOut() }, '退出 ', en('Sign out')));
}
