import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '#core/schemas/review';
import { createReview } from '#db/reviews';
import { storeOf } from '#services/store';
import { assignmentFor, creditCode, expertBody } from '../support/round-fixtures';
import { startTestStack, type TestStack } from '../support/stack';
import { signIn, switchTo } from '../support/sign-in';

/**
 * An expert the bureau registered with a contact signs in with a code like anyone else and acts as
 * that expert through the switch provider; nobody else can.
 */
let stack: TestStack;
let bureau: string;

beforeAll(async () => {
  stack = await startTestStack({ env: { RATE_LIMIT_PER_MINUTE: '1000' } });
  bureau = await stack.token('bureau');
});
afterAll(() => stack?.stop());

const call = (method: string, path: string, token?: string, body?: unknown) => stack.call(method, path, { token, body });

describe('an expert signs in with a code', () => {
  it('registered with a contact → signs in → switches to the expert → sees only own reviews; others cannot switch', async () => {
    const reg = await call('POST', '/v1/experts', bureau, { ...expertBody('李专家', creditCode('91370200300000001')), contact: 'Li.Expert@QDU.example.cn' });
    expect(reg.status).toBe(201);
    const expertId = reg.body.id as string;
    // Stored normalised, so the person typing it in any case is the same identity.
    expect(reg.body.contact).toBe('li.expert@qdu.example.cn');
    // One expert per contact (+86 and without are the same mobile too).
    expect((await call('POST', '/v1/experts', bureau, { ...expertBody('李专家2', creditCode('91370200300000002')), contact: 'li.expert@qdu.example.cn' })).status).toBe(409);
    const bad = await call('POST', '/v1/experts', bureau, { ...expertBody('王专家', creditCode('91370200300000003')), contact: 'not a contact' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('contact');
    // Without a contact it still works as before (service tokens only).
    expect((await call('POST', '/v1/experts', bureau, expertBody('赵专家', creditCode('91370200300000004')))).status).toBe(201);

    const other = await call('POST', '/v1/experts', bureau, { ...expertBody('孙专家', creditCode('91370200300000005')), contact: '13800002222' });
    expect(other.status).toBe(201);
    expect(other.body.contact).toBe('+8613800002222');
    await createReview(storeOf(stack.deps), assignmentFor(expertId, '李专家'));
    await createReview(storeOf(stack.deps), assignmentFor(other.body.id, '孙专家'));

    const li = await signIn(stack, 'li.expert@qdu.example.cn');
    const me = await call('GET', '/v1/me', li.access_token);
    expect(me.status).toBe(200);
    expect(me.body.experts).toEqual([{ expertId, name: '李专家', affiliation: '李专家所在研究院' }]);
    // Signed in but not yet acting as the expert: no reviews.
    expect((await call('GET', '/v1/reviews', li.access_token)).status).toBe(403);

    const asExpert = await switchTo(stack, li.access_token, { expert: expertId });
    const claims = JSON.parse(Buffer.from(asExpert.access_token.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims.sub).toBe(expertId);
    expect(claims.properties.role).toBe('expert');
    expect(claims.properties.org).toBeUndefined();
    const mine = await call('GET', '/v1/reviews', asExpert.access_token);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: Review) => r.expertId)).toEqual([expertId]);
    expect((await call('GET', `/v1/reviews/rev_${other.body.id}`, asExpert.access_token)).status).toBe(404);
    // Still the same person for account routes.
    expect((await call('GET', '/v1/me', asExpert.access_token)).body.user.id).toBe(me.body.user.id);
    expect((await call('GET', '/v1/experts', asExpert.access_token)).status).toBe(403);

    // Someone else, signed in with their own code, cannot act as this expert.
    const stranger = await signIn(stack, 'stranger@qdu.example.cn');
    expect((await call('GET', '/v1/me', stranger.access_token)).body.experts).toEqual([]);
    await expect(switchTo(stack, stranger.access_token, { expert: expertId })).rejects.toThrow(/403/);
    // …nor can the other expert borrow it with their expert token.
    const sun = await switchTo(stack, (await signIn(stack, '+86 138 0000 2222')).access_token, { expert: other.body.id });
    await expect(switchTo(stack, sun.access_token, { expert: expertId })).rejects.toThrow(/403/);
    expect((await call('GET', '/v1/reviews', sun.access_token)).body.items.map((r: Review) => r.expertId)).toEqual([other.body.id]);
  }, 120_000);

  it('a retired expert can no longer act as the expert or be assigned; their contact is free again', async () => {
    const reg = await call('POST', '/v1/experts', bureau, { ...expertBody('周专家', creditCode('91370200300000006')), contact: 'zhou@qdu.example.cn' });
    const expertId = reg.body.id as string;
    const zhou = await signIn(stack, 'zhou@qdu.example.cn');
    const asExpert = await switchTo(stack, zhou.access_token, { expert: expertId });
    expect((await call('GET', '/v1/reviews', asExpert.access_token)).status).toBe(200);

    // Only the bureau retires, with a reason.
    expect((await call('POST', `/v1/experts/${expertId}/retire`, asExpert.access_token, { reason: '自荐退出' })).status).toBe(403);
    const noReason = await call('POST', `/v1/experts/${expertId}/retire`, bureau, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    expect((await call('POST', '/v1/experts/exp_nobody/retire', bureau, { reason: 'x' })).status).toBe(404);

    const retired = await call('POST', `/v1/experts/${expertId}/retire`, bureau, { reason: '工作调动，不再参加评审' });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).toBeTruthy();
    const again = await call('POST', `/v1/experts/${expertId}/retire`, bureau, { reason: '重复' });
    expect(again.body).toMatchObject({ retiredAt: retired.body.retiredAt, retiredReason: '工作调动，不再参加评审' });

    // The token issued before is refused on its next request; the person is no longer offered the expert.
    expect((await call('GET', '/v1/reviews', asExpert.access_token)).status).toBe(401);
    expect((await call('GET', '/v1/me', zhou.access_token)).body.experts).toEqual([]);
    await expect(switchTo(stack, zhou.access_token, { expert: expertId })).rejects.toThrow(/403/);
    // Not assignable any more: the refusal names the expert.
    const round = await call('POST', '/v1/rounds', bureau, { year: 2031, opensAt: '2031-01-01T00:00:00Z', closesAt: '2031-12-01T00:00:00Z', noticeDays: 7 });
    const assign = await call('POST', `/v1/rounds/${round.body.id}/reviews`, bureau, { applicationIds: ['app_none'], expertIds: [expertId] });
    expect(assign.status).toBe(409);
    expect(assign.body.error.details).toContainEqual({ path: 'expertIds.0', message: '周专家 已退出专家库 / 周专家 has been retired' });
    // Still listed for the record, marked retired; the contact can be registered again.
    const listed = (await call('GET', '/v1/experts', bureau)).body.items.find((e: { id: string }) => e.id === expertId);
    expect(listed.retiredAt).toBe(retired.body.retiredAt);
    expect((await call('POST', '/v1/experts', bureau, { ...expertBody('周专家', creditCode('91370200300000007')), contact: 'zhou@qdu.example.cn' })).status).toBe(201);
    const audit = (await call('GET', '/v1/audit?limit=200', bureau)).body.items as { action: string; target?: string }[];
    expect(audit.filter((e) => e.action === 'expert.retired' && e.target === expertId)).toHaveLength(1);
  }, 120_000);
});
