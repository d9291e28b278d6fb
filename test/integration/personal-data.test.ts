import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskContact } from '#core/privacy/mask';
import { RETENTION } from '#core/privacy/retention';
import { reconcile } from '#services/reconcile';
import { objectionBody } from '../support/round-fixtures';
import { roundOnNotice } from '../support/notice-round';
import { lastCode, signIn } from '../support/sign-in';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let bureau: string;
let round: { roundId: string; appId: string };
const DAY = 86_400;

const item = async (pk: string, sk = 'META') => (await stack.deps.db.send(new GetCommand({ TableName: stack.settings.TABLE_NAME, Key: { pk, sk } }))).Item;
const nowSec = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  stack = await startTestStack({ pollers: false, cron: false, env: { RATE_LIMIT_PER_MINUTE: '100000', OBJECTIONS_PER_HOUR: '50' } });
  bureau = await stack.token('bureau');
  round = await roundOnNotice(stack, '个人信息测试平台', new Date().getUTCFullYear() - 1);
});
afterAll(() => stack?.stop());

describe('objections: notice version, least exposure, the audited show', () => {
  it('records the notice version shown (or "unstated"), refuses an unknown one, lists contacts masked and shows them in full only through an audited action', async () => {
    const bad = await stack.call('POST', `/v1/public/notices/${round.roundId}/objections`, { body: objectionBody(round.appId, { noticeVersion: 'objection-1999' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('noticeVersion');
    const withNotice = await stack.call('POST', `/v1/public/notices/${round.roundId}/objections`, { body: objectionBody(round.appId, { contactPhone: '+86 13900001234', noticeVersion: 'objection-2026-12' }) });
    expect(withNotice.status).toBe(201);
    const old = await stack.call('POST', `/v1/public/notices/${round.roundId}/objections`, { body: objectionBody(round.appId, { contactPhone: '0532-88881234' }) });
    expect(old.status).toBe(201);

    const list = await stack.call('GET', `/v1/rounds/${round.roundId}/objections`, { token: bureau });
    const mine = list.body.items.find((o: { id: string }) => o.id === withNotice.body.id);
    expect(mine).toMatchObject({ contactPhone: '139****1234', contactName: '王**', contactMasked: true, noticeVersion: 'objection-2026-12' });
    expect(list.body.items.find((o: { id: string }) => o.id === old.body.id)).toMatchObject({ contactPhone: '053****1234', noticeVersion: 'unstated' });
    expect(JSON.stringify(list.body)).not.toMatch(/13900001234|88881234|王先生/);

    const shown = await stack.call('POST', `/v1/objections/${withNotice.body.id}/contact`, { token: bureau, headers: { 'x-forwarded-for': '198.51.100.7' } });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ contactName: '王先生', contactPhone: '+86 13900001234' });
    const audit = await stack.call('GET', '/v1/audit', { token: bureau });
    const entry = audit.body.items.find((e: { action: string; target: string }) => e.action === 'objection.contact_shown' && e.target === withNotice.body.id);
    expect(entry).toMatchObject({ ip: '198.51.100.7', details: { roundId: round.roundId } });
    for (const t of [await stack.token('platform', 'plt_x'), await stack.token('manufacturer', 'ent_x')])
      expect((await stack.call('POST', `/v1/objections/${withNotice.body.id}/contact`, { token: t })).status).toBe(403);
    expect((await stack.call('POST', `/v1/objections/${withNotice.body.id}/contact`)).status).toBe(401);
  });
});

describe('retention: items carry the expiry of the retention table', () => {
  it('a sign-in code expires with itself and at once when used; invitations 30 days after expiry; audit entries after a year', async () => {
    const contact = 'retention.person@example.cn';
    const tokens = await signIn(stack, contact);
    const code = await item(`LOGINCODE#${contact}`);
    expect(code!.usedAt).toBeTruthy();
    // Used: due for deletion now (DynamoDB removes expired items within a day or two).
    expect(code!.expiresAt).toBeLessThanOrEqual(nowSec() + 1);
    expect(code!.expiresAt).toBeGreaterThan(nowSec() - 60);
    const sends = await item(`LOGINCODE#${contact}`, 'SENDS');
    expect(sends!.expiresAt).toBeGreaterThan(nowSec() + RETENTION['login-code-sends'].keepDays * DAY - 60);
    expect(sends!.expiresAt).toBeLessThanOrEqual(nowSec() + RETENTION['login-code-sends'].keepDays * DAY + 1);

    // An unused code: its TTL is its own expiry, not a day later.
    const unused = 'unused.code@example.cn';
    const { requestCode } = await import('../support/sign-in');
    await requestCode(stack, unused);
    const pending = await item(`LOGINCODE#${unused}`);
    expect(pending!.expiresAt).toBe(Math.floor(Date.parse(pending!.expiresAtIso as string) / 1000));

    const me = tokens.access_token;
    const org = await stack.call('POST', '/v1/organisations', { token: me, body: { kind: 'enterprise', name: '保存期限测试企业', creditCode: '91350100M000100Y43' } });
    expect(org.status).toBe(201);
    const inv = await stack.call('POST', `/v1/organisations/${org.body.id}/invitations`, { token: me, body: { contact: '13700001111' } });
    expect(inv.status).toBe(201);
    const invItem = await item(`INVITE#${inv.body.id}`);
    expect(invItem!.expiresAt).toBe(Math.floor(Date.parse(inv.body.expiresAtIso) / 1000) + RETENTION.invitation.keepDays * DAY);

    const audits = await stack.deps.db.send(new QueryCommand({ TableName: stack.settings.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${new Date().toISOString().slice(0, 7)}` } }));
    const created = audits.Items!.find((a) => a.action === 'invitation.created')!;
    expect(created.expiresAt).toBe(Math.floor(Date.parse(created.at) / 1000) + RETENTION.audit.keepDays * DAY);
    expect(RETENTION.audit.keepDays).toBeGreaterThanOrEqual(183); // 网络安全法 第二十一条: at least six months
    // The audit log keeps the invitee's contact masked.
    expect(created.details.contact).toBe('137****1111');
  });

  it('the reconciler blanks objectors’ contacts a year after the round is published, and keeps the objections', async () => {
    const r = await roundOnNotice(stack, '保存期满平台', new Date().getUTCFullYear() - 3);
    const o = await stack.call('POST', `/v1/public/notices/${r.roundId}/objections`, { body: objectionBody(r.appId, { contactPhone: '13600006666' }) });
    expect(o.status).toBe(201);
    const set = async (publishedAt: string) =>
      stack.deps.db.send(new UpdateCommand({ TableName: stack.settings.TABLE_NAME, Key: { pk: `ROUND#${r.roundId}`, sk: 'META' }, UpdateExpression: 'SET #s = :p, publishedAt = :at', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':p': 'published', ':at': publishedAt } }));
    // Published 300 days ago: still within the year, nothing happens.
    await set(new Date(Date.now() - 300 * DAY * 1000).toISOString());
    await reconcile(stack.deps, { olderThanSec: 3600 });
    expect((await item(`OBJ#${o.body.id}`))!.contactPhone).toBe('13600006666');
    await set(new Date(Date.now() - 370 * DAY * 1000).toISOString());
    const report = await reconcile(stack.deps, { olderThanSec: 3600 });
    expect(report.anonymised).toBeGreaterThanOrEqual(1);
    const after = (await item(`OBJ#${o.body.id}`))!;
    expect(after).toMatchObject({ contactPhone: '', requesterAddress: '', reason: objectionBody('x').reason });
    expect(after.anonymisedAt).toBeTruthy();
    expect(after.gsi2pk).toBeUndefined();
    expect((await item(`ROUND#${r.roundId}`))!.objectionContactsAnonymisedAt).toBeTruthy();
    // Idempotent: the next pass finds nothing left to do for that round.
    expect((await reconcile(stack.deps, { olderThanSec: 3600 })).anonymised).toBe(0);
  });
});

describe('people’s own requests', () => {
  it('an objector without an account exports and deletes by a code sent to the number', async () => {
    const phone = '13500005555';
    const filed = await stack.call('POST', `/v1/public/notices/${round.roundId}/objections`, { body: objectionBody(round.appId, { contactPhone: phone, noticeVersion: 'objection-2026-12' }) });
    expect(filed.status).toBe(201);
    const ask = await stack.call('POST', '/v1/public/data-requests', { body: { contact: phone, noticeVersion: 'data-request-2026-12' } });
    expect(ask.status).toBe(202);
    expect(ask.body.sentTo).toBe('135****5555');
    // A contact nobody knows gets the same answer: the endpoint tells nobody who objected.
    const stranger = await stack.call('POST', '/v1/public/data-requests', { body: { contact: 'nobody@example.cn' } });
    expect(stranger.status).toBe(202);
    expect(Object.keys(stranger.body).sort()).toEqual(Object.keys(ask.body).sort());

    const code = lastCode(stack, phone);
    const wrong = await stack.call('POST', `/v1/public/data-requests/${ask.body.id}/confirm`, { body: { code: code === '000000' ? '000001' : '000000', action: 'export' } });
    expect(wrong.status).toBe(400);
    const exported = await stack.call('POST', `/v1/public/data-requests/${ask.body.id}/confirm`, { body: { code, action: 'export' } });
    expect(exported.status).toBe(200);
    const objections = exported.body.export.sections.find((s: { kind: string }) => s.kind === 'objection');
    expect(objections.items.map((o: { id: string }) => o.id)).toContain(filed.body.id);
    expect(objections.items[0].contactPhone).toBe(phone);
    // One action per code.
    expect((await stack.call('POST', `/v1/public/data-requests/${ask.body.id}/confirm`, { body: { code, action: 'delete' } })).status).toBe(409);

    const again = await stack.call('POST', '/v1/public/data-requests', { body: { contact: phone } });
    const deleted = await stack.call('POST', `/v1/public/data-requests/${again.body.id}/confirm`, { body: { code: lastCode(stack, phone), action: 'delete' } });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletion.items.find((i: { kind: string }) => i.kind === 'objection')).toMatchObject({ outcome: 'anonymised', count: 1 });
    const left = (await item(`OBJ#${filed.body.id}`))!;
    expect(left.contactPhone).toBe('');
    expect(left.reason).toBe(objectionBody('x').reason);
    const reqItem = await item(`DATAREQ#${again.body.id}`);
    expect(reqItem!.expiresAt).toBe(Math.floor(Date.parse(reqItem!.createdAt as string) / 1000) + RETENTION['data-request'].keepDays * DAY);
    expect(reqItem!.code).toBeUndefined();

    const audit = (await stack.call('GET', '/v1/audit', { token: bureau })).body.items as { action: string; target: string; details?: Record<string, unknown> }[];
    expect(audit.filter((e) => e.action === 'data_request.created').length).toBeGreaterThanOrEqual(3);
    expect(audit.find((e) => e.action === 'data_request.confirmed' && e.target === again.body.id)?.details).toMatchObject({ action: 'delete', objection: 'anonymised:1' });
    expect(audit.some((e) => e.action === 'data_request.refused' && e.target === ask.body.id)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it('a signed-in person sees everything held, deletes it, and learns what is kept and why', async () => {
    const contact = 'zhang.san@example.cn';
    const a = await signIn(stack, contact);
    const org = await stack.call('POST', '/v1/organisations', { token: a.access_token, body: { kind: 'enterprise', name: '我的数据测试企业', creditCode: '91370200163562681G' } });
    expect(org.status).toBe(201);
    const data = await stack.call('GET', '/v1/me/data', { token: a.access_token });
    expect(data.status).toBe(200);
    const kinds = Object.fromEntries(data.body.sections.map((s: { kind: string; items: unknown[] }) => [s.kind, s.items]));
    expect(kinds.account[0].contact).toBe(contact);
    expect(kinds.membership[0]).toMatchObject({ orgId: org.body.id, role: 'admin' });
    expect((kinds.audit as { action: string }[]).map((e) => e.action)).toEqual(expect.arrayContaining(['signin.succeeded', 'organisation.created']));
    expect(JSON.stringify(data.body)).not.toContain('nonce');

    // Another member makes the person's leaving possible only once someone else is admin.
    const b = await signIn(stack, '13300003333');
    const inv = await stack.call('POST', `/v1/organisations/${org.body.id}/invitations`, { token: a.access_token, body: { contact: '13300003333' } });
    expect((await stack.call('POST', `/v1/invitations/${inv.body.id}/accept`, { token: b.access_token })).status).toBe(200);
    const blocked = await stack.call('POST', '/v1/me/data/deletion', { token: a.access_token, body: { confirm: true } });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toContain('我的数据测试企业');
    expect((await stack.call('GET', '/v1/me', { token: a.access_token })).status).toBe(200);
    expect((await stack.call('POST', '/v1/me/data/deletion', { token: a.access_token, body: {} })).status).toBe(400);

    const bId = (await stack.call('GET', '/v1/me', { token: b.access_token })).body.user.id;
    expect((await stack.call('PATCH', `/v1/organisations/${org.body.id}/members/${bId}`, { token: a.access_token, body: { role: 'admin' } })).status).toBe(200);
    const del = await stack.call('POST', '/v1/me/data/deletion', { token: a.access_token, body: { confirm: true } });
    expect(del.status).toBe(200);
    const by = Object.fromEntries(del.body.items.map((i: { kind: string }) => [i.kind, i]));
    expect(by.account).toMatchObject({ outcome: 'deleted', count: 1 });
    expect(by.membership).toMatchObject({ outcome: 'deleted', count: 1 });
    expect(by.audit.outcome).toBe('kept');
    expect(by.audit.reason.zh).toContain('网络安全法');
    // The account is gone: the token no longer finds anyone, the organisation keeps its other admin.
    expect((await stack.call('GET', '/v1/me', { token: a.access_token })).status).toBe(401);
    const members = (await stack.call('GET', `/v1/organisations/${org.body.id}/members`, { token: b.access_token })).body.items;
    expect(members.map((m: { contact: string }) => m.contact)).toEqual(['+8613300003333']);
    expect(await item(`CONTACT#${contact}`, 'USER')).toBeUndefined();
    // Signing in again with the same contact starts a new, empty account.
    const again = await signIn(stack, contact);
    const fresh = (await stack.call('GET', '/v1/me/data', { token: again.access_token })).body;
    expect(fresh.sections.find((s: { kind: string }) => s.kind === 'membership').items).toEqual([]);
    expect(maskContact(contact)).toBe('z***@example.cn');
  });
});
