// Signing in through the service's own OpenAuth issuer (/auth): the authorization-code flow with
// PKCE, as a public client in the browser. Tokens land in the same storage as before (session.ts).
import { refreshToken, setRefreshToken, setToken } from './session';

export const CLIENT_ID = 'console';
const FLOW = 'gf.oauth';

const redirectUri = () => `${location.origin}/signed-in`;

function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const random = (n: number) => b64url(crypto.getRandomValues(new Uint8Array(n)));

/** A fresh state and PKCE pair for one authorization, remembered for the callback page. */
async function beginFlow(provider: 'code' | 'switch', next: string | null): Promise<string> {
  const state = random(16);
  const verifier = random(32);
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(FLOW, JSON.stringify({ state, verifier, next }));
  const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: redirectUri(), response_type: 'code', provider, state, code_challenge: challenge, code_challenge_method: 'S256' });
  return `/auth/authorize?${q}`;
}

/** Sign in or sign up with a one-time code: the issuer's own pages take it from here. */
export async function startCodeSignIn(next: string | null): Promise<void> {
  location.href = await beginFlow('code', next);
}

/**
 * Act for another organisation or platform (or as the expert registered with one's contact): the
 * issuer's switch provider checks membership and issues a token whose `org` is that organisation or
 * platform (an expert's: `sub` the expert). The authorize call sets the flow's cookie; the form
 * post (a navigation) ends at the callback page like a sign-in.
 */
export async function switchTo(target: string | { expert: string }, accessToken: string, next: string | null): Promise<void> {
  await fetch(await beginFlow('switch', next), { redirect: 'manual', credentials: 'same-origin' });
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/auth/switch/authorize';
  for (const [name, value] of Object.entries({ token: accessToken, ...(typeof target === 'string' ? { org: target } : target) })) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}

interface TokenResponse {
  access_token: string;
  refresh_token: string;
}

async function tokenRequest(form: Record<string, string>): Promise<TokenResponse> {
  const res = await fetch('/auth/token', { method: 'POST', body: new URLSearchParams(form) });
  const data = (await res.json().catch(() => null)) as (TokenResponse & { error_description?: string }) | null;
  if (!res.ok || !data?.access_token) throw new Error(`登录失败 / Sign-in failed: ${data?.error_description ?? res.status}`);
  return data;
}

/** The callback: checks the state, trades the code (with the PKCE verifier) for tokens. */
export async function finishFlow(params: URLSearchParams): Promise<{ next: string | null }> {
  const flow = JSON.parse(sessionStorage.getItem(FLOW) ?? 'null') as { state: string; verifier: string; next: string | null } | null;
  sessionStorage.removeItem(FLOW);
  const error = params.get('error_description') ?? params.get('error');
  if (error) throw new Error(`登录失败 / Sign-in failed: ${error}`);
  if (!flow || params.get('state') !== flow.state) throw new Error('登录状态不匹配，请重试 / Sign-in state mismatch; try again');
  const t = await tokenRequest({ grant_type: 'authorization_code', code: params.get('code') ?? '', redirect_uri: redirectUri(), client_id: CLIENT_ID, code_verifier: flow.verifier });
  setToken(t.access_token);
  setRefreshToken(t.refresh_token);
  return { next: flow.next };
}

/** Renews an expired access token with the refresh token; false when there is none or it failed. */
export async function renew(): Promise<boolean> {
  const r = refreshToken();
  if (!r) return false;
  try {
    const t = await tokenRequest({ grant_type: 'refresh_token', refresh_token: r });
    setToken(t.access_token);
    setRefreshToken(t.refresh_token);
    return true;
  } catch {
    setRefreshToken('');
    return false;
  }
}
