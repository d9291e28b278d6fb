import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Tencent Cloud SMS's SendSms (API 3.0, 2021-01-11) that checks every request
 * the way the real API does before anything else: the TC3-HMAC-SHA256 signature recomputed from
 * what actually arrived (the headers the request says it signed, the raw body), the credential's
 * SecretId and date, and a timestamp within five minutes. Written from the documentation, apart
 * from the client in packages/notify/tc3.ts, so one misreading does not hide in both.
 */
export interface SentSms {
  phone: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  params: string[];
}

export type FakeSmsMode = 'ok' | 'error' | 'refused' | 'hang';

export interface FakeTencentSms {
  url: string;
  secretId: string;
  secretKey: string;
  sent: SentSms[];
  /** Requests whose signature or credential did not verify (each was answered AuthFailure). */
  rejected: { code: string; message: string }[];
  mode: FakeSmsMode;
  stop(): Promise<void>;
}

const hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const mac = (k: string | Buffer, s: string) => createHmac('sha256', k).update(s, 'utf8').digest();

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Null when the request verifies; otherwise the API's error code and why. */
function verify(req: IncomingMessage, body: string, secretId: string, secretKey: string, nowSec: number): { code: string; message: string } | null {
  const auth = String(req.headers.authorization ?? '');
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { code: 'AuthFailure.InvalidAuthorization', message: `malformed Authorization: ${auth.slice(0, 60)}` };
  const [, id, date, service, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string];
  if (id !== secretId) return { code: 'AuthFailure.SecretIdNotFound', message: `unknown SecretId ${id}` };
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowSec - timestamp) > 300) return { code: 'AuthFailure.SignatureExpire', message: `timestamp ${req.headers['x-tc-timestamp']} is not within 5 minutes` };
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return { code: 'AuthFailure.SignatureFailure', message: 'credential date is not the UTC date of the timestamp' };
  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('content-type')) return { code: 'AuthFailure.SignatureFailure', message: 'host and content-type must be signed' };
  const canonicalHeaders = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim().toLowerCase()}\n`).join('');
  const canonicalRequest = `${req.method}\n${req.url?.split('?')[0]}\n${req.url?.split('?')[1] ?? ''}\n${canonicalHeaders}\n${signedHeaders}\n${hex(body)}`;
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${hex(canonicalRequest)}`;
  const key = mac(mac(mac(`TC3${secretKey}`, date), service), 'tc3_request');
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  if (expected !== signature) return { code: 'AuthFailure.SignatureFailure', message: 'signature does not match the request' };
  return null;
}

export async function startFakeTencentSms(o: { secretId?: string; secretKey?: string; now?: () => Date } = {}): Promise<FakeTencentSms> {
  const fake = {
    url: '',
    secretId: o.secretId ?? 'AKIDfakeSecretId0000000000000000000',
    secretKey: o.secretKey ?? 'fakeSecretKey000000000000000000',
    sent: [] as SentSms[],
    rejected: [] as { code: string; message: string }[],
    mode: 'ok' as FakeSmsMode,
    stop: async () => {},
  };
  const hanging = new Set<() => void>();
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const reply = (payload: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Response: { ...payload, RequestId: `req-${fake.sent.length + fake.rejected.length}` } }));
    };
    const failure = verify(req, body, fake.secretId, fake.secretKey, Math.floor((o.now?.() ?? new Date()).getTime() / 1000));
    if (failure) {
      fake.rejected.push(failure);
      return reply({ Error: { Code: failure.code, Message: failure.message } });
    }
    if (req.headers['x-tc-action'] !== 'SendSms' || req.headers['x-tc-version'] !== '2021-01-11')
      return reply({ Error: { Code: 'InvalidAction', Message: `${req.headers['x-tc-action']} ${req.headers['x-tc-version']}` } });
    if (fake.mode === 'hang') {
      // Never answers; released when the server stops.
      await new Promise<void>((r) => hanging.add(r));
      return res.destroy();
    }
    if (fake.mode === 'error') return reply({ Error: { Code: 'FailedOperation.InsufficientBalanceInSmsPackage', Message: 'insufficient balance' } });
    const input = JSON.parse(body) as { PhoneNumberSet: string[]; SmsSdkAppId: string; SignName: string; TemplateId: string; TemplateParamSet?: string[] };
    const phone = input.PhoneNumberSet[0]!;
    if (fake.mode === 'refused')
      return reply({ SendStatusSet: [{ SerialNo: '', PhoneNumber: phone, Fee: 0, SessionContext: '', Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'daily limit', IsoCode: 'CN' }] });
    fake.sent.push({ phone, sdkAppId: input.SmsSdkAppId, signName: input.SignName, templateId: input.TemplateId, params: input.TemplateParamSet ?? [] });
    reply({ SendStatusSet: [{ SerialNo: `sn-${fake.sent.length}`, PhoneNumber: phone, Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }] });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.stop = async () => {
    for (const release of hanging) release();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return fake;
}
