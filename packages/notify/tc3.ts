import { createHash, createHmac } from 'node:crypto';

/**
 * TencentCloud API 3.0 request signing, "TC3-HMAC-SHA256" (Signature v3), as the official
 * documentation specifies it: a canonical request over the method, path, query, the signed headers
 * (content-type, host, x-tc-action) and the payload's SHA-256; a string to sign with the timestamp
 * and the credential scope `<UTC date>/<service>/tc3_request`; a key derived by HMAC-SHA256 from
 * "TC3" + SecretKey through the date, the service and "tc3_request".
 */
export interface Tc3Input {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  action: string;
  /** Unix seconds; the date of the credential scope is its UTC day. */
  timestamp: number;
  payload: string;
  contentType?: string;
}

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
export const TC3_SIGNED_HEADERS = 'content-type;host;x-tc-action';

export function tc3CanonicalRequest(i: Tc3Input): string {
  const headers = `content-type:${i.contentType ?? 'application/json; charset=utf-8'}\nhost:${i.host}\nx-tc-action:${i.action.toLowerCase()}\n`;
  return ['POST', '/', '', headers, TC3_SIGNED_HEADERS, sha256hex(i.payload)].join('\n');
}

export const tc3Date = (timestamp: number) => new Date(timestamp * 1000).toISOString().slice(0, 10);

export function tc3StringToSign(i: Tc3Input): string {
  return [TC3_ALGORITHM, String(i.timestamp), `${tc3Date(i.timestamp)}/${i.service}/tc3_request`, sha256hex(tc3CanonicalRequest(i))].join('\n');
}

export function tc3Signature(i: Tc3Input): string {
  const secretDate = hmac(`TC3${i.secretKey}`, tc3Date(i.timestamp));
  const secretService = hmac(secretDate, i.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  return createHmac('sha256', secretSigning).update(tc3StringToSign(i), 'utf8').digest('hex');
}

/** The Authorization header value. */
export const tc3Authorization = (i: Tc3Input) =>
  `${TC3_ALGORITHM} Credential=${i.secretId}/${tc3Date(i.timestamp)}/${i.service}/tc3_request, SignedHeaders=${TC3_SIGNED_HEADERS}, Signature=${tc3Signature(i)}`;
