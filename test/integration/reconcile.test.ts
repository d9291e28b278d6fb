import { PurgeQueueCommand, ReceiveMessageCommand, DeleteMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runEmbed } from '#services/embedding';
import { runMatch } from '#services/matching';
import { reconcile } from '#services/reconcile';
import { platformBody, scenarioBody } from '../support/fixtures';
import { eventually, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ pollers: false });
});
afterAll(() => stack?.stop());

const purgeAll = () => Promise.all(Object.entries(stack.queueUrls).filter(([k]) => k !== 'dlq').map(([, url]) => stack.deps.sqs.send(new PurgeQueueCommand({ QueueUrl: url as string }))));

describe('the reconciler re-drives work whose messages were lost', () => {
  it('finds scenarios stuck in published and matched scenarios whose pairings never arrived', async () => {
    const bureau = await stack.token('bureau');
    const mfr = await stack.token('manufacturer', 'ent_rec');
    const p = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('对账测试平台') });
    const a = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: '场景甲：设备停机' }) });
    const b = await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody({ title: '场景乙：设备停机' }) });
    await stack.call('POST', `/v1/scenarios/${a.body.id}/publish`, { token: mfr });
    await stack.call('POST', `/v1/scenarios/${b.body.id}/publish`, { token: mfr });
    // Scenario b goes through embed and match by hand; then every queued message is lost.
    await runEmbed(stack.deps, { type: 'ScenarioPublished', scenarioId: b.body.id });
    await runMatch(stack.deps, { type: 'MatchScenario', scenarioId: b.body.id });
    await purgeAll();
    const get = (id: string) => stack.call('GET', `/v1/scenarios/${id}`, { token: mfr }).then((r) => r.body.status);
    expect([await get(a.body.id), await get(b.body.id)]).toEqual(['published', 'matched']);
    expect((await stack.call('GET', '/v1/leads', { token: bureau })).body.items).toEqual([]);

    // Not yet past the deadline: nothing is re-driven.
    expect(await reconcile(stack.deps, { olderThanSec: 3600 })).toMatchObject({ published: 0, pairings: 0 });
    const report = await reconcile(stack.deps, { olderThanSec: 0 });
    expect(report).toMatchObject({ published: 1, pairings: 1 });
    stack.startPollers();
    await eventually(async () => (await get(a.body.id)) === 'matched');
    const leads = await eventually(async () => {
      const items = (await stack.call('GET', '/v1/leads', { token: bureau })).body.items;
      return items.length === 2 ? items : null;
    });
    expect(leads.map((l: { platformId: string }) => l.platformId)).toEqual([p.body.id, p.body.id]);
    await stack.stopPollers();
    // Every owed lead exists now: the next pass clears the markers and re-sends nothing.
    expect((await reconcile(stack.deps, { olderThanSec: 0 })).pairings).toBe(0);
    expect((await reconcile(stack.deps, { olderThanSec: 0 })).pairings).toBe(0);
  });

  it('counts what waits in the dead-letter queues on every pass, and says so in an error line', async () => {
    expect((await reconcile(stack.deps, { olderThanSec: 3600 })).deadLetters).toBe(0);
    const dlq = stack.queueUrls.dlq.match!;
    await stack.deps.sqs.send(new SendMessageCommand({ QueueUrl: dlq, MessageBody: JSON.stringify({ type: 'MatchScenario', scenarioId: 'sc_poison' }) }));
    const error = vi.spyOn(stack.deps.log, 'error');
    try {
      expect((await reconcile(stack.deps, { olderThanSec: 3600 })).deadLetters).toBe(1);
      expect(error.mock.calls).toEqual([['dead letters waiting', { deadLetters: expect.objectContaining({ match: 1 }) }]]);
    } finally {
      error.mockRestore();
    }
    // Once someone has looked and removed it, the passes are quiet again.
    const got = await stack.deps.sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq, MaxNumberOfMessages: 1 }));
    await stack.deps.sqs.send(new DeleteMessageCommand({ QueueUrl: dlq, ReceiptHandle: got.Messages![0]!.ReceiptHandle! }));
    expect((await reconcile(stack.deps, { olderThanSec: 3600 })).deadLetters).toBe(0);
  });
});
