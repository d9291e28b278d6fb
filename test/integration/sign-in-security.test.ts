import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { SignJWT, exportSPKI, generateKeyPair, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeFor, platformBody, scenarioBody } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/stack';
import { Browser, askForCode, exchange, lastCode, mailbox, requestCode, signIn, submitCode, switchTo } from '../support/sign-in';
import { parseApiKey } from '#core/accounts/api-key';

let stack: TestStack;
let skewMs = 0;

beforeAll(async () => {
  // The code rules run on the service's clock; the test moves it forward instead of waiting.
  stack = await startTestStack({ pollers: false, env: { RATE_LIMIT_PER_MINUTE: '1000' }, deps: { now: () => new Date(Date.now() + skewMs) } });
});
afterAll(() => stack?.stop());

const call = (method: string, path: string, token?: string, body?: unknown) => stack.call(method, path, { token, body });
const auditActions = async () => {
  const bureau = await stack.token('bureau');
  return (await call('GET', '/v1/audit?limit=200', bureau)).body.items as { action: string; target?: string; details?: Record<string, unknown> }[];
};

describe('one-time codes', () => {
  it('an expired code (older than 10 minutes) does not sign in', async () => {
    const browser = await requestCode(stack, 'late@example.cn');
    const code = lastCode(stack, 'late@example.cn');
    skewMs = 10 * 60_000 + 1_000;
    try {
      const res = await submitCode(browser, code);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('过期');
    } finally {
      skewMs = 0;
    }
  });

  it('a code works once: replaying the same browser state after success is refused', async () => {
    const browser = await requestCode(stack, 'twice@example.cn');
    const code = lastCode(stack, 'twice@example.cn');
    const saved = new Map(browser.cookies);
    const first = await submitCode(browser, code);
    await exchange(browser, first);
    // An attacker who copied the cookies before the sign-in replays them with the same code.
    const replay = new Browser(stack);
    for (const [k, v] of saved) replay.cookies.set(k, v);
    const second = await submitCode(replay, code);
    expect(second.status).toBe(400);
    expect(await second.text()).toContain('已使用');
  });

  it('five wrong tries lock the code: even the right code is refused afterwards', async () => {
    const contact = 'guess@example.cn';
    const browser = await requestCode(stack, contact);
    const code = lastCode(stack, contact);
    const wrong = code === '000000' ? '111111' : '000000';
    const saved = new Map(browser.cookies);
    for (let i = 1; i <= 5; i++) {
      const res = await submitCode(browser, wrong);
      expect(res.status, `try ${i}`).toBe(400);
      if (i === 5) expect(await res.text()).toContain('锁定');
    }
    for (const [k, v] of saved) browser.cookies.set(k, v);
    const right = await submitCode(browser, code);
    expect(right.status).toBe(400);
    expect(right.headers.get('location')).toBeNull();
    const failed = (await auditActions()).filter((e) => e.action === 'signin.code_failed' && e.target?.startsWith('g***@'));
    expect(failed.length).toBeGreaterThanOrEqual(5);
    // A new code for the same contact works.
    await expect(signIn(stack, contact)).resolves.toHaveProperty('access_token');
  });

  it('a contact is sent at most 5 codes in 10 minutes and 20 a day; a refused request sends nothing and says why', async () => {
    const contact = 'flood@example.cn';
    const sent = () => mailbox(stack).list(contact).length;
    let last: Browser | undefined;
    for (let i = 0; i < 5; i++) last = await requestCode(stack, contact);
    expect(sent()).toBe(5);

    // The sixth request gets the contact page again, with the reason, and no mail.
    const again = await last!.request('/auth/code/authorize', { form: { action: 'request', contact } });
    expect(again.status).toBe(429);
    expect(await again.text()).toContain('获取验证码过于频繁');
    expect(sent()).toBe(5);
    expect((await auditActions()).some((e) => e.action === 'signin.code_throttled' && e.target?.startsWith('f***@'))).toBe(true);

    try {
      // Ten minutes on, five more; after 20 in a day, none until the day has passed.
      for (let block = 1; block <= 3; block++) {
        skewMs = block * 10 * 60_000 + 1_000;
        for (let i = 0; i < 5; i++) await requestCode(stack, contact);
      }
      expect(sent()).toBe(20);
      skewMs = 4 * 10 * 60_000 + 2_000;
      await expect(requestCode(stack, contact)).rejects.toThrow(/answered 429/);
      expect(sent()).toBe(20);
      skewMs = 24 * 3_600_000 + 1_000;
      await requestCode(stack, contact);
      expect(sent()).toBe(21);
    } finally {
      skewMs = 0;
    }
  });
});

describe('codes requested from one address', () => {
  it('are limited per hour over all contacts; another address is not affected, and nothing is sent when refused', async () => {
    const small = await startTestStack({ pollers: false, env: { SIGNIN_CODES_PER_ADDRESS_PER_HOUR: '3' } });
    try {
      // Behind the router the last X-Forwarded-For hop is the caller's address.
      const ask = async (contact: string, address: string) =>
        (await askForCode(small, contact, { headers: { 'x-forwarded-for': `198.51.100.1, ${address}` } })).res;
      for (let i = 1; i <= 3; i++) expect((await ask(`pump${i}@example.cn`, '203.0.113.7')).status).toBe(200);
      const refused = await ask('pump4@example.cn', '203.0.113.7');
      expect(refused.status).toBe(429);
      expect(await refused.text()).toContain('此网络获取验证码过于频繁');
      expect(mailbox(small).list('pump4@example.cn')).toHaveLength(0);
      // A spoofed first hop does not help; a different caller is served.
      expect((await ask('pump5@example.cn', '203.0.113.7')).status).toBe(429);
      expect((await ask('pump5@example.cn', '203.0.113.8')).status).toBe(200);
      expect(mailbox(small).list('pump5@example.cn')).toHaveLength(1);
    } finally {
      await small.stop();
    }
  });
});

describe('tokens the API must refuse', () => {
  let real: string;
  let kid: string;
  let jwk: JWK;
  beforeAll(async () => {
    real = (await signIn(stack, 'victim@example.cn')).access_token;
    const jwks = (await (await stack.app.request('/auth/.well-known/jwks.json')).json()) as { keys: JWK[] };
    jwk = jwks.keys[0]!;
    kid = jwk.kid!;
    expect((await call('GET', '/v1/me', real)).status).toBe(200);
  });
  const payload = () => JSON.parse(Buffer.from(real.split('.')[1]!, 'base64url').toString());

  it('signed by a foreign key that claims our kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(payload()).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey);
    const res = await call('GET', '/v1/me', forged);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('with an unknown kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(payload()).setProtectedHeader({ alg: 'ES256', kid: 'not-a-key-we-have', typ: 'JWT' }).sign(privateKey);
    expect((await call('GET', '/v1/me', forged)).status).toBe(401);
  });

  it('alg confusion: HS256 signed with the issuer’s public key (as PEM and as JWK JSON)', async () => {
    const pub = (await exportSPKI((await importJWK(jwk, 'ES256')) as CryptoKey));
    for (const secret of [pub, JSON.stringify(jwk)]) {
      const forged = await new SignJWT({ ...payload(), role: 'bureau' }).setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
      expect((await call('GET', '/v1/stats/overview', forged)).status).toBe(401);
    }
  });

  it('alg none and a tampered payload', async () => {
    const [h, , s] = real.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${real.split('.')[1]}.`;
    expect((await call('GET', '/v1/me', none)).status).toBe(401);
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload(), properties: { role: 'bureau', org: 'bureau' } })).toString('base64url')}.${s}`;
    expect((await call('GET', '/v1/stats/overview', tampered)).status).toBe(401);
  });

  it('claiming an organisation the person does not belong to', async () => {
    const other = await signIn(stack, 'owner@example.cn');
    const org = await call('POST', '/v1/organisations', other.access_token, { kind: 'enterprise', name: '别家企业', creditCode: creditCodeFor(10) });
    // The switch provider refuses, and no token for that org can be minted.
    await expect(switchTo(stack, real, org.body.id)).rejects.toThrow(/redirect/);
    await expect(switchTo(stack, real, 'bureau')).rejects.toThrow(/redirect/);
  });
});

describe('a member of one organisation reaching another’s resources', () => {
  it('gets 404/403 and nothing changes', async () => {
    const a = await signIn(stack, 'a-admin@example.cn');
    const b = await signIn(stack, 'b-admin@example.cn');
    const entA = (await call('POST', '/v1/organisations', a.access_token, { kind: 'enterprise', name: '甲企业', creditCode: creditCodeFor(11) })).body.id;
    const entB = (await call('POST', '/v1/organisations', b.access_token, { kind: 'enterprise', name: '乙企业', creditCode: creditCodeFor(12) })).body.id;
    const opA = (await call('POST', '/v1/organisations', a.access_token, { kind: 'operator', name: '甲运营', creditCode: creditCodeFor(13) })).body.id;
    const opB = (await call('POST', '/v1/organisations', b.access_token, { kind: 'operator', name: '乙运营', creditCode: creditCodeFor(14) })).body.id;
    const asA = (await switchTo(stack, a.access_token, entA)).access_token;
    const asB = (await switchTo(stack, b.access_token, entB)).access_token;
    const scB = (await call('POST', '/v1/scenarios', asB, scenarioBody())).body.id;
    const opTokenB = (await switchTo(stack, b.access_token, opB)).access_token;
    const pB = (await call('POST', '/v1/platforms', opTokenB, platformBody('乙平台'))).body.id;
    const asPlatformA = (await switchTo(stack, a.access_token, opA)).access_token;
    const bMe = await call('GET', '/v1/me', b.access_token);

    const cases: [string, string, string, unknown, number][] = [
      [asA, 'GET', `/v1/scenarios/${scB}`, undefined, 404],
      [asA, 'POST', `/v1/scenarios/${scB}/publish`, undefined, 404],
      [asA, 'GET', `/v1/organisations/${entB}`, undefined, 404],
      [asA, 'GET', `/v1/organisations/${entB}/members`, undefined, 404],
      [asA, 'POST', `/v1/organisations/${entB}/invitations`, { contact: 'spy@example.cn', role: 'admin' }, 404],
      [asA, 'DELETE', `/v1/organisations/${entB}/members/${bMe.body.user.id}`, undefined, 404],
      [asA, 'PATCH', `/v1/organisations/${entB}/members/${bMe.body.user.id}`, { role: 'member' }, 404],
      [asPlatformA, 'PATCH', `/v1/platforms/${pB}`, { region: '城阳区' }, 404],
      [asPlatformA, 'POST', `/v1/platforms/${pB}/solutions`, { title: 't', description: 'd', industries: [], domains: ['quality'], technologies: [] }, 404],
      [asA, 'GET', '/v1/audit', undefined, 403],
    ];
    for (const [token, method, path, body, status] of cases) expect((await call(method, path, token, body)).status, `${method} ${path}`).toBe(status);
    // Nothing moved.
    expect((await call('GET', `/v1/scenarios/${scB}`, asB)).body.status).toBe('draft');
    expect((await call('GET', `/v1/organisations/${entB}/members`, asB)).body.items).toHaveLength(1);
    expect((await call('GET', `/v1/organisations/${entB}/invitations`, asB)).body.items).toHaveLength(0);
    expect((await call('GET', `/v1/platforms/${pB}`)).body.region).toBe('崂山区');
  }, 90_000);
});

describe('API keys', () => {
  it('are never stored or listed in clear, and a key cannot manage keys or people', async () => {
    const op = await signIn(stack, 'keys@example.cn');
    const opr = (await call('POST', '/v1/organisations', op.access_token, { kind: 'operator', name: '密钥运营', creditCode: creditCodeFor(20) })).body.id;
    const asOp = (await switchTo(stack, op.access_token, opr)).access_token;
    const pid = (await call('POST', '/v1/platforms', asOp, platformBody('密钥平台'))).body.id;
    const asP = (await switchTo(stack, op.access_token, pid)).access_token;
    const created = await call('POST', '/v1/api-keys', asP, { name: 'crm', scopes: ['leads:read', 'platforms:write'] });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    // The secret is base64url and may itself contain '_': take it as the service parses it.
    const { secret } = parseApiKey(key)!;

    // Every page: one Scan stops at 1 MB, and the shared test table is bigger than that.
    const items: unknown[] = [];
    for await (const page of paginateScan({ client: stack.deps.db }, { TableName: stack.deps.resources.tableName })) items.push(...(page.Items ?? []));
    const everything = JSON.stringify(items);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(key);
    expect(everything).toContain(created.body.id);

    const h = { 'x-api-key': key };
    expect((await stack.call('POST', '/v1/api-keys', { headers: h, body: { name: 'more', scopes: ['leads:read'] } })).status).toBe(403);
    expect((await stack.call('GET', '/v1/me', { headers: h })).status).toBe(403);
    expect((await stack.call('GET', `/v1/organisations/${opr}/members`, { headers: h })).status).toBe(403);
    expect((await stack.call('PATCH', `/v1/platforms/${pid}`, { headers: h, body: { region: '城阳区' } })).status).toBe(200);
    // A guessed key with a real id, a malformed key: 401.
    expect((await stack.call('GET', '/v1/leads', { headers: { 'x-api-key': `gq_${created.body.id}_${'A'.repeat(43)}` } })).status).toBe(401);
    expect((await stack.call('GET', '/v1/leads', { headers: { 'x-api-key': 'nope' } })).status).toBe(401);
  });
});

describe('signing key rotation', () => {
  it('retired keys stay in the JWKS, so issued tokens keep working, and new issuer processes sign with a new key', async () => {
    const { createAuthApp, openauthStorage } = await import('../../functions/auth/issuer');
    const { createApp } = await import('../../functions/api/app');
    const { retireSigningKeys } = await import('#local/rotate-signing-key');
    const before = await signIn(stack, 'rotate@example.cn');
    const kidOf = (t: string) => JSON.parse(Buffer.from(t.split('.')[0]!, 'base64url').toString()).kid as string;
    expect(await retireSigningKeys(openauthStorage(stack.deps.settings, stack.deps.resources.tableName))).toContain(kidOf(before.access_token));

    // A process started after the rotation: its issuer and its API.
    const fresh = createApp(stack.deps, (a) => a.route('/', createAuthApp(stack.deps)));
    const after = await signIn({ app: fresh, deps: stack.deps }, 'rotate@example.cn');
    expect(kidOf(after.access_token)).not.toBe(kidOf(before.access_token));
    const jwks = (await (await fresh.request('/auth/.well-known/jwks.json')).json()) as { keys: { kid: string; exp?: number }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([kidOf(before.access_token), kidOf(after.access_token)]));
    expect(jwks.keys.find((k) => k.kid === kidOf(before.access_token))?.exp).toBeTypeOf('number');
    for (const t of [before, after]) expect((await fresh.request('/v1/me', { headers: { authorization: `Bearer ${t.access_token}` } })).status).toBe(200);
  }, 60_000);
});
