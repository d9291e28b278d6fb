import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '../../packages/core/schemas/review';
import { createReview } from '../../packages/db/reviews';
import { storeOf } from '../../packages/services/store';
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
});
