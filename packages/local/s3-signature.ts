import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// AWS Signature Version 4 verification for the local S3 server. s3rver stores files faithfully but
// accepts any SigV4 signature (and unsigned requests); real S3 does not. Checking here means a
// tampered presigned URL (other key, other content type or length, expired) fails locally exactly
// where it would fail on AWS, instead of passing tests it should not.

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received, e.g. `/bucket/key?X-Amz-Algorithm=…`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Verdict = { ok: true } | { ok: false; code: 'AccessDenied' | 'SignatureDoesNotMatch' | 'InvalidAccessKeyId'; message: string };

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

function header(h: SignedRequest['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** Parses `20261130T042615Z`. */
function amzDate(s: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}

interface Parts {
  accessKeyId: string;
  scope: string;
  date: string;
  signedHeaders: string[];
  signature: string;
  payloadHash: string;
  expiresSec?: number;
}

function parts(req: SignedRequest, query: URLSearchParams): Parts | null {
  if (query.get('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256') {
    const cred = query.get('X-Amz-Credential') ?? '';
    const slash = cred.indexOf('/');
    return {
      accessKeyId: cred.slice(0, slash),
      scope: cred.slice(slash + 1),
      date: query.get('X-Amz-Date') ?? '',
      signedHeaders: (query.get('X-Amz-SignedHeaders') ?? '').split(';'),
      signature: query.get('X-Amz-Signature') ?? '',
      payloadHash: query.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
      expiresSec: Number(query.get('X-Amz-Expires')),
    };
  }
  const auth = header(req.headers, 'authorization');
  const m = auth && /^AWS4-HMAC-SHA256 Credential=([^/,]+)\/([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(auth);
  if (!m) return null;
  return {
    accessKeyId: m[1]!,
    scope: m[2]!,
    date: header(req.headers, 'x-amz-date') ?? '',
    signedHeaders: m[3]!.split(';'),
    signature: m[4]!,
    payloadHash: header(req.headers, 'x-amz-content-sha256') ?? 'UNSIGNED-PAYLOAD',
  };
}

export function verifySigV4(req: SignedRequest, keys: Record<string, string>, now = Date.now()): Verdict {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
  const p = parts(req, query);
  if (!p) return { ok: false, code: 'AccessDenied', message: 'Anonymous access to a private bucket' };
  const secret = keys[p.accessKeyId];
  if (!secret) return { ok: false, code: 'InvalidAccessKeyId', message: 'Unknown access key' };
  const signedAt = amzDate(p.date);
  if (!Number.isFinite(signedAt)) return { ok: false, code: 'AccessDenied', message: 'Bad X-Amz-Date' };
  if (p.expiresSec !== undefined) {
    if (!(p.expiresSec > 0 && p.expiresSec <= 604800)) return { ok: false, code: 'AccessDenied', message: 'Bad X-Amz-Expires' };
    if (now > signedAt + p.expiresSec * 1000) return { ok: false, code: 'AccessDenied', message: 'Request has expired' };
  }
  const [day, region, service, terminator] = p.scope.split('/');
  if (!day || !region || !service || terminator !== 'aws4_request' || !p.date.startsWith(day))
    return { ok: false, code: 'AccessDenied', message: 'Bad credential scope' };

  const canonicalQuery = [...query.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalHeaders = p.signedHeaders.map((h) => `${h}:${(header(req.headers, h) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [req.method.toUpperCase(), path, canonicalQuery, canonicalHeaders, p.signedHeaders.join(';'), p.payloadHash].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', p.date, p.scope, sha256hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(p.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided' };
  return { ok: true };
}
