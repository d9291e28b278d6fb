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
