import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Lead } from '#core/schemas/lead';
import { makeDocumentClient, makeDynamoClient } from '#db/client';
import { createLead, monthOf, moveLead, openLeadsByPlatform } from '#db/leads';
import type { Store } from '#db/store';
import { ensureTable } from '#local/provision';
import { Meter } from '#metering/meter';
import { totals, usageSince } from '#metering/usage';

const table = `exposure-${randomBytes(4).toString('hex')}`;
const meter = new Meter();
let ddb: DynamoDBClient;
/** A store as one process (one Lambda container) holds it: one document client. */
const processStore = (): Store => ({ db: makeDocumentClient(ddb), table });

beforeAll(async () => {
  ddb = makeDynamoClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1', meter });
  await ensureTable(ddb, table);
});
afterAll(() => ddb?.destroy());

let seq = 0;
function lead(platformId: string, createdAt: string): Lead {
  return {
    id: `lead_${seq++}`,
    scenarioId: 'scn_1',
    platformId,
    platformName: platformId,
    status: 'pending',
    score: 0.5,
    reasons: [],
    scenario: { title: 't', industry: 'C38', domains: ['maintenance'], region: '市南区', enterpriseName: 'e', ownerOrg: 'ent_1' },
    delivery: { webhook: 'none', attempts: 0 },
    createdAt,
  };
}

describe('open leads per platform (the ranking’s exposure input)', () => {
  it('a warm reader sees new and decided leads, and pays only for the counters that changed', async () => {
    const writer = processStore();
    // Mid-month, so the hour of leads below never crosses into the previous month.
    const today = new Date();
    const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 15, 12);
    const month = monthOf(new Date(now).toISOString());
    // A month in progress: 300 platforms got a lead over the last 50 minutes, one every 10 s.
    const platforms = Array.from({ length: 300 }, (_, i) => `plt_${String(i).padStart(4, '0')}`);
    for (const [i, p] of platforms.entries()) await createLead(writer, lead(p, new Date(now - 60 * 60_000 + i * 10_000).toISOString()));

    const reader = processStore();
    let before = meter.snapshot();
    const first = await openLeadsByPlatform(reader, month);
    const coldUnits = totals(usageSince(before, meter.snapshot())).readUnits;
    expect(first.size).toBe(300);
    expect(first.get('plt_0007')).toBe(1);

    const later = new Date(now).toISOString();
    await createLead(writer, lead('plt_0007', later));
    const declined = lead('plt_0008', later);
    await createLead(writer, declined);
    // The platform declines: the lead leaves pending, as the leads service moves it.
    await moveLead(
      writer,
      declined,
      {
        condition: '#st = :pending',
        values: { ':pending': 'pending' },
        set: { status: 'declined', decidedAt: later, declineReason: '不合适' },
        step: { status: 'declined', at: later, by: 'platform', note: '不合适' },
        leavesPending: true,
        final: true,
      },
      'not pending',
    );

    before = meter.snapshot();
    const warm = await openLeadsByPlatform(reader, month);
    const warmUnits = totals(usageSince(before, meter.snapshot())).readUnits;
    expect(warm.get('plt_0007')).toBe(2);
    expect(warm.get('plt_0008')).toBe(1);
    expect(warm.get('plt_0009')).toBe(1);
    expect(warm.size).toBe(300);
    // 300 counters on the first read; the warm one reads the two that changed and those of the
    // few minutes before the newest it had seen.
    expect(coldUnits).toBeGreaterThanOrEqual(4 * warmUnits);

    // A new process (no view yet) reads the same counts from scratch.
    expect(await openLeadsByPlatform(processStore(), month)).toEqual(warm);
  });
});
