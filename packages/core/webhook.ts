import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Each platform verifies lead webhooks with its own secret, derived from the service secret so
 * nothing extra is stored: HMAC(serviceSecret, "webhook:" + platformId).
 */
export function webhookSecret(serviceSecret: string, platformId: string): string {
  return createHmac('sha256', serviceSecret).update(`webhook:${platformId}`).digest('hex');
}

/** Header value for `X-Signature`: "sha256=" + hex HMAC-SHA256 of the exact body bytes. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiving platform runs; exported so tests exercise the documented check. */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const got = Buffer.from(header);
  return expected.length === got.length && timingSafeEqual(expected, got);
}

const PRIVATE_V4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

/**
 * Why a webhook address must not be called from inside the cloud, or null when it may. Outside
 * local stages only https to a public name or address is allowed, so a platform cannot point the
 * pairing function at the instance metadata service or another internal endpoint.
 */
export function webhookTargetProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '不是有效的网址 / not a valid URL';
  }
  if (allowPrivate) return /^https?:$/.test(url.protocol) ? null : '仅支持 http(s) / http(s) only';
  if (url.protocol !== 'https:') return '须使用 https / must use https';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local'))
    return '不能指向内部主机 / must not point at an internal host';
  if (PRIVATE_V4.some((r) => r.test(host))) return '不能指向内网地址 / must not point at a private address';
  if (host.includes(':') && (host === '::1' || /^(fc|fd|fe80)/.test(host) || host.startsWith('::ffff:')))
    return '不能指向内网地址 / must not point at a private address';
  return null;
}

/** Stages where webhooks may target this machine (development and the test suite). */
export const allowsPrivateWebhooks = (stage: string) => ['local', 'test', 'bench'].includes(stage);
