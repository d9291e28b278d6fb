import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from 'hono/jwt';
import { platformBody } from '../support/fixtures';
import { TEST_SECRET, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let bureau: string;
beforeAll(async () => {
  stack = await startTestStack({ pollers: false });
  bureau = await stack.token('bureau');
});
afterAll(() => stack?.stop());

const expectError = (res: { status: number; body: any }, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message).toMatch(/\S+ \/ \S+/); // zh-CN / en
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
};

async function platformCount() {
  const res = await stack.call('GET', '/v1/directory');
  return res.body.items.length as number;
}

describe('bad requests as a new user would make them', () => {
  it('no token → 401 UNAUTHENTICATED', async () => {
    expectError(await stack.call('POST', '/v1/platforms', { body: platformBody('x') }), 401, 'UNAUTHENTICATED');
  });

  it('expired, wrongly signed, alg none and claim-less tokens → 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await sign({ sub: 'u', role: 'bureau', exp: now - 10 }, TEST_SECRET, 'HS256');
    const wrongSecret = await sign({ sub: 'u', role: 'bureau', exp: now + 600 }, 'another-secret-entirely-0123456789', 'HS256');
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u', role: 'bureau', exp: now + 600 })}.`;
    const noOrg = await sign({ sub: 'u', role: 'platform', exp: now + 600 }, TEST_SECRET, 'HS256');
    const badRole = await sign({ sub: 'u', role: 'admin', exp: now + 600 }, TEST_SECRET, 'HS256');
    for (const t of [expired, wrongSecret, none, noOrg, badRole, 'garbage']) {
      expectError(await stack.call('GET', '/v1/leads', { token: t }), 401, 'UNAUTHENTICATED');
    }
  });

  it('wrong role → 403 FORBIDDEN', async () => {
    const mfr = await stack.token('manufacturer', 'ent_1');
    expectError(await stack.call('POST', '/v1/platforms', { token: mfr, body: platformBody('x') }), 403, 'FORBIDDEN');
    expectError(await stack.call('POST', '/v1/roadshows', { token: mfr, body: {} }), 403, 'FORBIDDEN');
  });

  it('malformed JSON → 400 VALIDATION_FAILED', async () => {
    expectError(await stack.call('POST', '/v1/platforms', { token: bureau, raw: '{"name": "x",' }), 400, 'VALIDATION_FAILED');
  });

  it('a 1 MiB body → 413 PAYLOAD_TOO_LARGE and nothing stored', async () => {
    const before = await platformCount();
    const huge = platformBody('大', { description: '很'.repeat(512 * 1024) });
    expectError(await stack.call('POST', '/v1/platforms', { token: bureau, body: huge }), 413, 'PAYLOAD_TOO_LARGE');
    expect(await platformCount()).toBe(before);
  });

  it('unknown fields, bad taxonomy codes and a wrong credit-code check digit → 400 naming the field', async () => {
    const unknown = await stack.call('POST', '/v1/platforms', { token: bureau, body: { ...platformBody('x'), isAdmin: true } });
    expectError(unknown, 400, 'VALIDATION_FAILED');
    const badCode = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('x', { industries: ['C99'] }) });
    expectError(badCode, 400, 'VALIDATION_FAILED');
    expect(badCode.body.error.details[0].path).toBe('industries.0');
    const badCredit = await stack.call('POST', '/v1/platforms', {
      token: bureau,
      body: platformBody('x', { operator: { name: '某公司', creditCode: '91370200163562681H' } }),
    });
    expectError(badCredit, 400, 'VALIDATION_FAILED');
    expect(badCredit.body.error.details[0].path).toBe('operator.creditCode');
    expect(badCredit.body.error.details[0].message).toContain('校验位');
    const noSubtype = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('x', { category: 'characteristic' }) });
    expect(noSubtype.body.error.details[0].path).toBe('subtype');
  });

  it('unknown route → 404 NOT_FOUND; bad cursor → 400', async () => {
    expectError(await stack.call('GET', '/v1/nope'), 404, 'NOT_FOUND');
    expectError(await stack.call('GET', '/v1/directory?cursor=%%%'), 400, 'VALIDATION_FAILED');
  });

  it('stale If-Match → 409 CONFLICT and the first edit stands', async () => {
    const created = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('并发编辑平台') });
    const id = created.body.id;
    expect(created.headers.get('etag')).toBe('"1"');
    const first = await stack.call('PATCH', `/v1/platforms/${id}`, { token: bureau, body: { region: '城阳区' }, headers: { 'if-match': '"1"' } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    expectError(await stack.call('PATCH', `/v1/platforms/${id}`, { token: bureau, body: { region: '即墨区' }, headers: { 'if-match': '"1"' } }), 409, 'CONFLICT');
    expect((await stack.call('GET', `/v1/platforms/${id}`)).body.region).toBe('城阳区');
  });

  it('a platform cannot touch another platform (404, not 403)', async () => {
    const created = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('别人的平台') });
    const other = await stack.token('platform', 'plt_someone_else');
    expectError(await stack.call('PATCH', `/v1/platforms/${created.body.id}`, { token: other, body: { region: '城阳区' } }), 404, 'NOT_FOUND');
    expectError(
      await stack.call('POST', `/v1/platforms/${created.body.id}/solutions`, {
        token: other,
        body: { title: 't', description: 'd', industries: [], domains: ['quality'], technologies: [] },
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('serves the OpenAPI document generated from the schemas and the docs page', async () => {
    const doc = await stack.call('GET', '/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/v1/platforms'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/PlatformInput');
    expect(doc.body.components.schemas.PlatformInput.required).toEqual(expect.arrayContaining(['name', 'operator', 'category']));
    const docs = await stack.app.request('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/vendor/swagger-ui-dist/swagger-ui-bundle.js');
    expect((await stack.app.request('/vendor/swagger-ui-dist/swagger-ui-bundle.js')).status).toBe(200);
  });
});
