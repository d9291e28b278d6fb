import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionRound } from '#db/rounds';
import { reconcile } from '#services/reconcile';
import { assessApplication } from '#services/rounds';
import { storeOf } from '#services/store';
import { platformBody, specializedL2Report } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

// Nothing is lost when a process dies mid-round: DynamoDB says what is unfinished and the
// reconciler re-drives it; each step is idempotent.

const DAY = 86_400_000;
let stack: TestStack;
let bureau: string;
let plt: string;
let platformId: string;
let roundId: string;
let appId: string;
const year = new Date().getUTCFullYear() - 1;

beforeAll(async () => {
  stack = await startTestStack({ pollers: false });
  bureau = await stack.token('bureau');
  platformId = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('恢复测试平台') })).body.id;
  plt = await stack.token('platform', platformId);
  await stack.call('PUT', `/v1/platforms/${platformId}/indicators/${year}`, { token: plt, body: specializedL2Report() });
  roundId = (
    await stack.call('POST', '/v1/rounds', {
      token: bureau,
      body: { year, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + DAY).toISOString(), noticeDays: 1 },
    })
  ).body.id;
  appId = (await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: plt, body: { platformId } })).body.id;
});
afterAll(() => stack?.stop());

const purge = () => Promise.all(Object.entries(stack.queueUrls).filter(([k]) => k !== 'dlq').map(([, url]) => stack.deps.sqs.send(new PurgeQueueCommand({ QueueUrl: url as string }))));
const status = async () => (await stack.call('GET', `/v1/applications/${appId}`, { token: bureau })).body.status;

describe('a round survives lost messages and crashes', () => {
  it('a submission whose assessment message was lost is re-driven and assessed once', async () => {
    expect((await stack.call('POST', `/v1/applications/${appId}/submit`, { token: plt })).status).toBe(202);
    await purge();
    expect(await status()).toBe('submitted');
    expect(await reconcile(stack.deps, { olderThanSec: 3600 })).toMatchObject({ applications: 0 });
    expect(await reconcile(stack.deps, { olderThanSec: 0 })).toMatchObject({ applications: 1 });
    stack.startPollers();
    await eventually(async () => (await status()) === 'assessed');
    await stack.stopPollers();
    // A duplicate delivery of the same submission changes nothing and notifies nobody twice.
    const before = (await stack.call('GET', `/v1/applications/${appId}`, { token: bureau })).body;
    await assessApplication(stack.deps, { type: 'AssessApplication', applicationId: appId, submission: 1 });
    expect((await stack.call('GET', `/v1/applications/${appId}`, { token: bureau })).body).toEqual(before);
    expect((await stack.call('GET', '/v1/notifications', { token: plt })).body.items).toHaveLength(1);
    expect(await reconcile(stack.deps, { olderThanSec: 0 })).toMatchObject({ applications: 0 });
  });

  it('a round left half-published is finished by the reconciler, and the 名录 written once', async () => {
    await stack.call('POST', `/v1/rounds/${roundId}/close`, { token: bureau });
    await stack.call('POST', `/v1/rounds/${roundId}/notice`, { token: bureau, body: { endsAt: new Date(Date.now() + 1000).toISOString() } });
    await new Promise((r) => setTimeout(r, 1100));
    // The process died right after notice → publishing: no 名录 yet.
    expect(await transitionRound(storeOf(stack.deps), roundId, 'notice', 'publishing', { publishingAt: new Date().toISOString() })).toBe(true);
    expect((await stack.call('GET', `/v1/directory/${year}`)).status).toBe(404);
    expect(await reconcile(stack.deps, { olderThanSec: 0 })).toMatchObject({ publishing: 1 });
    expect((await stack.call('GET', `/v1/rounds/${roundId}`)).body.status).toBe('published');
    const dir = await stack.call('GET', `/v1/directory/${year}`);
    expect(dir.body.entries.map((e: { platformId: string }) => e.platformId)).toEqual([platformId]);
    expect((await stack.call('POST', `/v1/rounds/${roundId}/publish`, { token: bureau })).body).toEqual(dir.body);
    expect(await reconcile(stack.deps, { olderThanSec: 0 })).toMatchObject({ publishing: 0 });
  });
});
