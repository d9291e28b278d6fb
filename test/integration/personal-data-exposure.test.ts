import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskContact } from '#core/privacy/mask';
import { findContacts } from '#core/privacy/mask';
import { roundOnNotice } from '../support/notice-round';
import { creditCode, expertBody, objectionBody } from '../support/round-fixtures';
import { signIn } from '../support/sign-in';
import { TEST_SECRET, startTestStack, type TestStack } from '../support/stack';

// For every route that returns someone's contact: who sees it in full, who masked, who not at all.
// "full" means the contact itself appears; "masked" means only 138****1234 / z***@… does.

let stack: TestStack;
const logs: string[] = [];
const people = { admin: 'org.admin@example.cn', member: '13100001111', invitee: 'invitee.person@example.cn', expert: '13900009999', objector: '13800007777' };
const tok: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout);
  // Everything the service logs during the run, scanned at the end for contacts and tokens.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logs.push(String(chunk));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  stack = await startTestStack({ pollers: false, cron: false, env: { LOG_LEVEL: 'DEBUG', LOG_REQUESTS: 'true', RATE_LIMIT_PER_MINUTE: '100000', OBJECTIONS_PER_HOUR: '50' } });
  tok.bureau = await stack.token('bureau');
  tok.platform = await stack.token('platform', 'plt_x');
  tok.manufacturer = await stack.token('manufacturer', 'ent_x');
  tok.admin = (await signIn(stack, people.admin)).access_token;
  tok.member = (await signIn(stack, people.member)).access_token;
  ids.org = (await stack.call('POST', '/v1/organisations', { token: tok.admin, body: { kind: 'enterprise', name: '暴露面测试企业', creditCode: '91350100M000100Y43' } })).body.id;
  const inv = await stack.call('POST', `/v1/organisations/${ids.org}/invitations`, { token: tok.admin, body: { contact: people.member } });
  await stack.call('POST', `/v1/invitations/${inv.body.id}/accept`, { token: tok.member });
  await stack.call('POST', `/v1/organisations/${ids.org}/invitations`, { token: tok.admin, body: { contact: people.invitee, noticeVersion: 'invitation-2026-12' } });
  ids.expertReg = JSON.stringify((await stack.call('POST', '/v1/experts', { token: tok.bureau, body: { ...expertBody('暴露专家', creditCode('91370200500000001')), contact: people.expert } })).body);
  const round = await roundOnNotice(stack, '暴露面平台', new Date().getUTCFullYear() - 1);
  ids.round = round.roundId;
  ids.objection = (await stack.call('POST', `/v1/public/notices/${round.roundId}/objections`, { body: objectionBody(round.appId, { contactPhone: people.objector }) })).body.id;
  // A handler that logged what it held would still not leak it.
  stack.deps.log.info('careless line', { contact: people.objector, note: `call ${people.admin}`, authorization: `Bearer ${tok.bureau}`, token: tok.admin });
});
afterAll(() => stack?.stop());

type Seen = 'full' | 'masked' | 403 | 404 | 401;
const rows = (): [string, string, string, keyof typeof tok | null, string, Seen][] => [
  // [route, method, path, as, whose contact, what they see]
  ['GET objections', 'GET', `/v1/rounds/${ids.round}/objections`, 'bureau', people.objector, 'masked'],
  ['GET objections', 'GET', `/v1/rounds/${ids.round}/objections`, 'platform', people.objector, 403],
  ['GET objections', 'GET', `/v1/rounds/${ids.round}/objections`, 'manufacturer', people.objector, 403],
  ['GET objections', 'GET', `/v1/rounds/${ids.round}/objections`, null, people.objector, 401],
  ['POST objection contact (audited)', 'POST', `/v1/objections/${ids.objection}/contact`, 'bureau', people.objector, 'full'],
  ['POST objection contact (audited)', 'POST', `/v1/objections/${ids.objection}/contact`, 'platform', people.objector, 403],
  ['POST objection contact (audited)', 'POST', `/v1/objections/${ids.objection}/contact`, null, people.objector, 401],
  ['GET public notice', 'GET', `/v1/public/notices/${ids.round}`, null, people.objector, 'masked'],
  ['GET members', 'GET', `/v1/organisations/${ids.org}/members`, 'admin', people.member, 'full'],
  ['GET members', 'GET', `/v1/organisations/${ids.org}/members`, 'member', people.admin, 'masked'],
  ['GET members', 'GET', `/v1/organisations/${ids.org}/members`, 'member', people.member, 'full'],
  ['GET members', 'GET', `/v1/organisations/${ids.org}/members`, 'bureau', people.admin, 'masked'],
  ['GET invitations', 'GET', `/v1/organisations/${ids.org}/invitations`, 'admin', people.invitee, 'full'],
  ['GET invitations', 'GET', `/v1/organisations/${ids.org}/invitations`, 'member', people.invitee, 403],
  ['GET experts', 'GET', '/v1/experts', 'bureau', people.expert, 'masked'],
  ['GET experts', 'GET', '/v1/experts', 'platform', people.expert, 403],
  ['GET audit', 'GET', '/v1/audit', 'bureau', people.invitee, 'masked'],
  ['GET audit', 'GET', '/v1/audit', 'bureau', people.member, 'masked'],
  ['GET me', 'GET', '/v1/me', 'member', people.member, 'full'],
  ['GET me/data', 'GET', '/v1/me/data', 'member', people.member, 'full'],
  ['GET me/data', 'GET', '/v1/me/data', 'member', people.admin, 'masked'],
  ['GET me/data', 'GET', '/v1/me/data', 'bureau', people.admin, 403],
];

/** The forms a contact is stored and typed in: normalised (+86…) and bare. */
const forms = (c: string) => (c.includes('@') ? [c] : [c, `+86${c}`]);

describe('who sees a person’s contact, and how', () => {
  it('answers each role as the table says', async () => {
    const problems: string[] = [];
    for (const [name, method, path, as, contact, seen] of rows()) {
      const res = await stack.call(method, path, { token: as ? tok[as] : undefined });
      const text = JSON.stringify(res.body);
      const full = forms(contact).some((f) => text.includes(f));
      const masked = text.includes(maskContact(contact));
      const got: Seen = typeof seen === 'number' ? (res.status as Seen) : full ? 'full' : masked ? 'masked' : (res.status as Seen);
      if (typeof seen === 'number' ? res.status !== seen : got !== seen && !(seen === 'masked' && !full && res.status === 200))
        problems.push(`${name} as ${as ?? 'public'} (${contact}): expected ${seen}, got ${got} [${res.status}]`);
    }
    expect(problems).toEqual([]);
  });

  it('the expert registration answers the registrant with the contact they typed, and nowhere else', async () => {
    expect(ids.expertReg).toContain(`+86${people.expert}`);
  });

  it('structured logs carry no full contact and no token', () => {
    const text = logs.join('');
    expect(text).toContain('"message":"request"');
    expect(text).toContain('"message":"careless line"');
    expect(findContacts(text)).toEqual([]);
    for (const t of Object.values(tok)) expect(text).not.toContain(t);
    expect(text).not.toContain(TEST_SECRET);
    expect(text).toContain(maskContact(people.objector));
  });
});
