import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeFor, platformBody, scenarioBody } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';
import { mailbox, refresh, signIn, switchTo } from '../support/sign-in';
import { parseApiKey } from '#core/accounts/api-key';

/**
 * The real OAuth flow against the issuer the local stack serves at /auth: codes from the dev
 * mailbox, tokens from /auth/token, every API call with the resulting ES256 token.
 */
let stack: TestStack;
const BUREAU = 'chief@qdgxj.example.cn';

beforeAll(async () => {
  stack = await startTestStack({ env: { BUREAU_ADMIN: BUREAU, RATE_LIMIT_PER_MINUTE: '1000' } });
});
afterAll(() => stack?.stop());

const call = (method: string, path: string, token?: string, body?: unknown) => stack.call(method, path, { token, body });

describe('a manufacturer signs up, creates its enterprise and brings a colleague', () => {
  it('code sign-up → enterprise → scenario; invited colleague acts within it; removal locks them out on the next request', async () => {
    const alice = await signIn(stack, 'alice@haiyue.example.cn');
    const me = await call('GET', '/v1/me', alice.access_token);
    expect(me.status).toBe(200);
    expect(me.body.memberships).toEqual([]);
    // Signed in but acting for nobody yet: tenant routes say 403, not 401.
    expect((await call('POST', '/v1/scenarios', alice.access_token, scenarioBody())).status).toBe(403);

    const org = await call('POST', '/v1/organisations', alice.access_token, { kind: 'enterprise', name: '青岛海悦塑料制品有限公司', creditCode: creditCodeFor(1) });
    expect(org.status).toBe(201);
    const entId = org.body.id as string;
    // The same credit code cannot be claimed twice, whoever asks.
    expect((await call('POST', '/v1/organisations', alice.access_token, { kind: 'operator', name: '别人', creditCode: creditCodeFor(1) })).status).toBe(409);

    const asEnterprise = await switchTo(stack, alice.access_token, entId);
    const scenario = await call('POST', '/v1/scenarios', asEnterprise.access_token, scenarioBody());
    expect(scenario.status).toBe(201);
    expect(scenario.body.ownerOrg).toBe(entId);

    const invitation = await call('POST', `/v1/organisations/${entId}/invitations`, asEnterprise.access_token, { contact: '+86 139 0000 1111', role: 'member' });
    expect(invitation.status).toBe(201);
    expect(mailbox(stack).list('+8613900001111')[0]?.subject).toContain('青岛海悦塑料制品有限公司');

    const bob = await signIn(stack, '13900001111');
    const bobMe = await call('GET', '/v1/me', bob.access_token);
    expect(bobMe.body.invitations.map((i: { id: string }) => i.id)).toEqual([invitation.body.id]);
    // Nobody else can accept an invitation addressed to Bob.
    expect((await call('POST', `/v1/invitations/${invitation.body.id}/accept`, alice.access_token)).status).toBe(404);
    expect((await call('POST', `/v1/invitations/${invitation.body.id}/accept`, bob.access_token)).status).toBe(200);
    expect((await call('POST', `/v1/invitations/${invitation.body.id}/accept`, bob.access_token)).status).toBe(409);

    const bobInEnt = await switchTo(stack, bob.access_token, entId);
    expect((await call('GET', `/v1/scenarios/${scenario.body.id}`, bobInEnt.access_token)).status).toBe(200);
    expect((await call('POST', `/v1/scenarios/${scenario.body.id}/publish`, bobInEnt.access_token)).status).toBe(202);
    // A member is not an admin: no inviting, no keys.
    expect((await call('POST', `/v1/organisations/${entId}/invitations`, bobInEnt.access_token, { contact: 'x@y.example.cn' })).status).toBe(403);
    expect((await call('POST', '/v1/api-keys', bobInEnt.access_token, { name: 'crm', scopes: ['scenarios:read'] })).status).toBe(403);

    // Promotion takes effect on Bob's very next request with the same token.
    expect((await call('PATCH', `/v1/organisations/${entId}/members/${bobMe.body.user.id}`, asEnterprise.access_token, { role: 'admin' })).status).toBe(200);
    expect((await call('POST', `/v1/organisations/${entId}/invitations`, bobInEnt.access_token, { contact: 'carol@haiyue.example.cn' })).status).toBe(201);

    // Removal: the still-unexpired token stops working at once.
    expect((await call('DELETE', `/v1/organisations/${entId}/members/${bobMe.body.user.id}`, asEnterprise.access_token)).status).toBe(204);
    const after = await call('GET', `/v1/scenarios/${scenario.body.id}`, bobInEnt.access_token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    // …and cannot get a new token for that enterprise either.
    await expect(switchTo(stack, bob.access_token, entId)).rejects.toThrow(/redirect/);

    // The last admin cannot remove herself and leave the enterprise without one.
    const aliceId = me.body.user.id;
    expect((await call('DELETE', `/v1/organisations/${entId}/members/${aliceId}`, asEnterprise.access_token)).status).toBe(409);
  }, 120_000);
});

describe('a platform operator with two platforms', () => {
  it('registers both, acts for each with its own token, and an API key pulls leads until revoked', async () => {
    const op = await signIn(stack, 'ops@yunzhi.example.cn');
    const org = await call('POST', '/v1/organisations', op.access_token, { kind: 'operator', name: '青岛云智科技有限公司', creditCode: creditCodeFor(2) });
    expect(org.status).toBe(201);
    const asOperator = await switchTo(stack, op.access_token, org.body.id);
    const p1 = await call('POST', '/v1/platforms', asOperator.access_token, platformBody('云智设备运维平台'));
    const p2 = await call('POST', '/v1/platforms', asOperator.access_token, platformBody('云智能耗平台', { domains: ['energy'] }));
    expect([p1.status, p2.status]).toEqual([201, 201]);
    expect(p1.body.id).not.toBe(p2.body.id);
    // The service chose the ids; the operator sees both and can act for each.
    const me = await call('GET', '/v1/me', op.access_token);
    const options = me.body.memberships[0].actAs.map((a: { org: string }) => a.org);
    expect(options).toEqual(expect.arrayContaining([p1.body.id, p2.body.id]));

    const as1 = await switchTo(stack, op.access_token, p1.body.id);
    const as2 = await switchTo(stack, op.access_token, p2.body.id);
    const e1 = await call('PATCH', `/v1/platforms/${p1.body.id}`, as1.access_token, { region: '城阳区' });
    expect(e1.status, JSON.stringify(e1.body)).toBe(200);
    expect((await call('PATCH', `/v1/platforms/${p2.body.id}`, as2.access_token, { region: '即墨区' })).status).toBe(200);
    // A token names one platform: acting for p2 does not reach p1.
    expect((await call('PATCH', `/v1/platforms/${p1.body.id}`, as2.access_token, { region: '即墨区' })).status).toBe(404);
    expect((await call('GET', `/v1/platforms/${p1.body.id}`)).body.region).toBe('城阳区');

    // A manufacturer's published scenario becomes a lead for platform 1.
    const mfr = await stack.token('manufacturer', 'ent_lead_source');
    const sc = await call('POST', '/v1/scenarios', mfr, scenarioBody());
    await call('POST', `/v1/scenarios/${sc.body.id}/publish`, mfr);
    await eventually(async () => (await call('GET', '/v1/leads', as1.access_token)).body.items?.length > 0, 30_000);

    const created = await call('POST', '/v1/api-keys', as1.access_token, { name: 'CRM 拉取线索', scopes: ['leads:read'] });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    const viaKey = await stack.call('GET', '/v1/leads', { headers: { 'x-api-key': key } });
    expect(viaKey.status).toBe(200);
    expect(viaKey.body.items.length).toBeGreaterThan(0);
    expect(viaKey.body.items.every((l: { platformId: string }) => l.platformId === p1.body.id)).toBe(true);
    // Scoped: reading only.
    const lead = viaKey.body.items[0].id;
    expect((await stack.call('POST', `/v1/leads/${lead}/accept`, { headers: { 'x-api-key': key } })).status).toBe(403);
    // Listed without the key, with lastUsedAt.
    const listed = await call('GET', '/v1/api-keys', as1.access_token);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].key).toBeUndefined();
    expect(JSON.stringify(listed.body)).not.toContain(parseApiKey(key)!.secret);
    expect(listed.body.items[0].lastUsedAt).not.toBeNull();
    // Platform 2's keys are its own.
    expect((await call('GET', '/v1/api-keys', as2.access_token)).body.items).toHaveLength(0);
    expect((await call('DELETE', `/v1/api-keys/${created.body.id}`, as2.access_token)).status).toBe(404);

    expect((await call('DELETE', `/v1/api-keys/${created.body.id}`, as1.access_token)).status).toBe(204);
    const revoked = await stack.call('GET', '/v1/leads', { headers: { 'x-api-key': key } });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('UNAUTHENTICATED');
  }, 120_000);
});

describe('tokens', () => {
  it('the issuer publishes its endpoints and ES256 keys under /auth', async () => {
    const meta = await (await stack.app.request('/auth/.well-known/oauth-authorization-server')).json();
    expect(meta.token_endpoint).toMatch(/\/auth\/token$/);
    expect(meta.jwks_uri).toMatch(/\/auth\/\.well-known\/jwks\.json$/);
    const jwks = await (await stack.app.request('/auth/.well-known/jwks.json')).json();
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const k of jwks.keys) {
      expect(k.alg).toBe('ES256');
      expect(k.d, 'no private part published').toBeUndefined();
    }
  });


  it('an access token renews with its refresh token; a used refresh token is refused after the reuse window', async () => {
    const t = await signIn(stack, 'renew@example.cn');
    const res = await refresh(stack, t.refresh_token);
    expect(res.status).toBe(200);
    const renewed = (await res.json()) as { access_token: string };
    expect((await call('GET', '/v1/me', renewed.access_token)).status).toBe(200);
    expect((await refresh(stack, 'usr_nobody:00000000-0000-0000-0000-000000000000')).status).toBe(400);
  });

  it('service tokens (HS256, AUTH_SECRET) keep working exactly as documented', async () => {
    const bureau = await stack.token('bureau');
    expect((await call('GET', '/v1/stats/overview', bureau)).status).toBe(200);
    const expert = await stack.token('expert', undefined, { sub: 'exp_1' });
    expect((await call('GET', '/v1/stats/overview', expert)).status).toBe(403);
  });
});

describe('the bureau', () => {
  it('its first admin comes from BUREAU_ADMIN, never from sign-up, and reads the audit log nobody can edit', async () => {
    // Sign-up cannot create the bureau.
    const mallory = await signIn(stack, 'mallory@example.cn');
    expect((await call('POST', '/v1/organisations', mallory.access_token, { kind: 'bureau', name: '市工信局', creditCode: creditCodeFor(3) })).status).toBe(400);
    expect((await call('GET', '/v1/audit', mallory.access_token)).status).toBe(403);

    const chief = await signIn(stack, BUREAU);
    const audit = await call('GET', '/v1/audit?limit=200', chief.access_token);
    expect(audit.status).toBe(200);
    const actions = new Set(audit.body.items.map((e: { action: string }) => e.action));
    for (const a of ['signin.succeeded', 'organisation.created', 'invitation.created', 'invitation.accepted', 'member.role_changed', 'member.removed', 'apikey.created', 'apikey.revoked', 'platform.registered', 'platform.edited', 'bureau_admin.granted'])
      expect(actions, a).toContain(a);
    // The bureau admin invites a colleague into the bureau.
    expect((await call('POST', '/v1/organisations/bureau/invitations', chief.access_token, { contact: 'colleague@qdgxj.example.cn' })).status).toBe(201);
    // No route edits or deletes audit entries.
    const id = audit.body.items[0].id;
    for (const method of ['PUT', 'PATCH', 'DELETE']) expect((await call(method, `/v1/audit/${id}`, chief.access_token, {})).status).toBe(404);
  }, 60_000);
});
