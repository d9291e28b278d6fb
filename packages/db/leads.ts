import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, notFound } from '../core/errors';
import type { Lead, LeadStatus } from '../core/schemas/lead';
import { getItem, isConditionFailure, queryAll, queryPage, strip, type Item, type PageResult, type Store } from './store';

const pk = (id: string) => `LEAD#${id}`;
export const monthOf = (iso: string) => iso.slice(0, 7);

/**
 * A platform's open-lead counter for a month sorts in its month's partition of gsi1 by the time it
 * last changed, so a reader that has the counters already asks only for those changed since.
 */
const exposureSortKey = (at: string, platformId: string) => `${at}#${platformId}`;

/**
 * Creates the lead and counts it as open for its platform this month, in one transaction; a lead
 * id that already exists (redelivered message) makes the whole write a no-op and returns false.
 */
export async function createLead(s: Store, lead: Lead): Promise<boolean> {
  const month = monthOf(lead.createdAt);
  try {
    await s.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: s.table,
              Item: {
                pk: pk(lead.id),
                sk: 'META',
                entity: 'lead',
                gsi1pk: `PLATFORM#${lead.platformId}#LEADS`,
                gsi1sk: `${lead.createdAt}#${lead.id}`,
                gsi2pk: 'LEADS',
                gsi2sk: `${lead.createdAt}#${lead.id}`,
                ...lead,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: s.table,
              Key: { pk: `PLATFORM#${lead.platformId}`, sk: `EXPOSURE#${month}` },
              UpdateExpression: 'ADD openLeads :one SET gsi1pk = :g, gsi1sk = :s, platformId = :p, entity = :e',
              ExpressionAttributeValues: {
                ':one': 1,
                ':g': `EXPOSURE#${month}`,
                ':s': exposureSortKey(lead.createdAt, lead.platformId),
                ':p': lead.platformId,
                ':e': 'exposure',
              },
            },
          },
        ],
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

export async function getLead(s: Store, id: string): Promise<Lead | undefined> {
  const item = await getItem(s, pk(id), 'META');
  return item ? strip<Lead>(item) : undefined;
}

/** pending → accepted/declined exactly once; the open-lead counter of its month goes down with it. */
export async function decideLead(s: Store, lead: Lead, to: Exclude<LeadStatus, 'pending'>, at: string, reason?: string): Promise<Lead> {
  try {
    await s.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: s.table,
              Key: { pk: pk(lead.id), sk: 'META' },
              UpdateExpression: reason !== undefined ? 'SET #st = :to, decidedAt = :at, declineReason = :r' : 'SET #st = :to, decidedAt = :at',
              ConditionExpression: '#st = :pending',
              ExpressionAttributeNames: { '#st': 'status' },
              ExpressionAttributeValues: { ':to': to, ':at': at, ':pending': 'pending', ...(reason !== undefined ? { ':r': reason } : {}) },
            },
          },
          {
            Update: {
              TableName: s.table,
              Key: { pk: `PLATFORM#${lead.platformId}`, sk: `EXPOSURE#${monthOf(lead.createdAt)}` },
              UpdateExpression: 'ADD openLeads :minus SET gsi1sk = :s',
              ExpressionAttributeValues: { ':minus': -1, ':s': exposureSortKey(at, lead.platformId) },
            },
          },
        ],
      }),
    );
  } catch (err) {
    if (isConditionFailure(err))
      throw new AppError('CONFLICT', `线索已处理（${lead.status}） / Lead already ${lead.status}`);
    throw err;
  }
  return { ...lead, status: to, decidedAt: at, ...(reason !== undefined ? { declineReason: reason } : {}) };
}

export async function updateDelivery(s: Store, id: string, delivery: Lead['delivery']): Promise<void> {
  await s.db.send(
    new UpdateCommand({
      TableName: s.table,
      Key: { pk: pk(id), sk: 'META' },
      UpdateExpression: 'SET delivery = :d',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':d': delivery },
    }),
  );
}

export async function leadsPage(
  s: Store,
  q: { platformId?: string; status?: LeadStatus; limit: number; cursor?: string },
): Promise<PageResult<Lead>> {
  const page = await queryPage<Item>(s, {
    index: q.platformId ? 'gsi1' : 'gsi2',
    pk: q.platformId ? `PLATFORM#${q.platformId}#LEADS` : 'LEADS',
    descending: true,
    limit: q.limit,
    cursor: q.cursor,
    filter: q.status ? { expression: '#st = :st', values: { ':st': q.status }, names: { '#st': 'status' } } : undefined,
  });
  return { items: page.items.map((i) => strip<Lead>(i)), cursor: page.cursor };
}

export async function allLeads(s: Store): Promise<Lead[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: 'LEADS' })).map((i) => strip<Lead>(i));
}

export async function leadsOfPlatform(s: Store, platformId: string): Promise<Lead[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: `PLATFORM#${platformId}#LEADS` })).map((i) => strip<Lead>(i));
}

interface ExposureView {
  counts: Map<string, number>;
  /** The newest change seen; the next read asks for changes from a little before it. */
  watermark?: string;
}

// Per document client (one per process or Lambda container) and table+month. Without it every
// match re-read the counter of every platform with a lead this month: capacity growing with the
// registry on each publish. With it a warm reader pays for the counters changed since its last
// read, i.e. the leads of the scenarios published in between.
const exposureViews = new WeakMap<object, Map<string, ExposureView>>();

/**
 * Changes are re-read from this far before the newest one seen, which covers writers whose clocks
 * lag and the index's propagation delay. The counters feed a fairness damping only, so a change
 * later than that would at worst leave one count stale until the platform's next lead.
 */
const EXPOSURE_OVERLAP_MS = 5 * 60_000;
const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z/;

/** Open leads per platform for the month: the exposure-fairness input of the ranking. */
export async function openLeadsByPlatform(s: Store, month: string): Promise<Map<string, number>> {
  let views = exposureViews.get(s.db);
  if (!views) exposureViews.set(s.db, (views = new Map()));
  const key = `${s.table}#${month}`;
  const view = views.get(key) ?? { counts: new Map<string, number>() };
  const since = view.watermark ? new Date(Date.parse(view.watermark) - EXPOSURE_OVERLAP_MS).toISOString() : undefined;
  const items = await queryAll<Item & { platformId: string; openLeads: number; gsi1sk: string }>(s, {
    index: 'gsi1',
    pk: `EXPOSURE#${month}`,
    // Counters written when the sort key was the bare platform id sort after every time: always re-read.
    skBetween: since ? [since, '~'] : undefined,
  });
  for (const i of items) {
    view.counts.set(i.platformId, Math.max(0, Number(i.openLeads) || 0));
    const at = ISO_PREFIX.exec(i.gsi1sk)?.[0];
    if (at && (!view.watermark || at > view.watermark)) view.watermark = at;
  }
  views.set(key, view);
  return new Map(view.counts);
}

export function notFoundLead() {
  return notFound('线索 lead');
}
