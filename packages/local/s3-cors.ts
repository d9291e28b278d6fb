import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { EVIDENCE_CORS } from '#files/cors';

// S3 answers a browser's CORS preflight from the bucket's rule without any signature (a preflight
// never carries one), and adds the allow-origin header to the real request's response. s3rver and
// the signature-checking proxy in front of it do neither, so this does it as S3 would.

const isPreflight = (method: string | undefined, h: IncomingHttpHeaders) => method === 'OPTIONS' && !!h.origin && !!h['access-control-request-method'];

/** The preflight's answer, or null when the request is not one: 200 with the rule's headers, or 403. */
export function preflight(method: string | undefined, h: IncomingHttpHeaders): { status: number; headers: OutgoingHttpHeaders } | null {
  if (!isPreflight(method, h)) return null;
  const wanted = String(h['access-control-request-method']).toUpperCase();
  const headers = String(h['access-control-request-headers'] ?? '')
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  const allowed: readonly string[] = EVIDENCE_CORS.allowHeaders;
  const ok = (EVIDENCE_CORS.allowMethods as readonly string[]).includes(wanted) && headers.every((x) => allowed.includes(x));
  if (!ok) return { status: 403, headers: { 'content-type': 'application/xml' } };
  return {
    status: 200,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': EVIDENCE_CORS.allowMethods.join(', '),
      'access-control-allow-headers': headers.join(', '),
      'access-control-max-age': String(EVIDENCE_CORS.maxAgeSec),
      vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    },
  };
}

/** Headers a cross-origin request's response carries (none for a request without Origin). */
export function corsHeaders(h: IncomingHttpHeaders): OutgoingHttpHeaders {
  return h.origin ? { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' } : {};
}
