import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, notFound } from '#core/errors';
import type { TrackCounts } from '#core/matching/track-record';
import { FINAL_STATUSES, type Lead, type LeadStatus, type LeadStep } from '#core/schemas/lead';
import { batchGet, getItem, queryAll, queryPage, strip, transactIf, type Item, type PageResult, type Store, type TransactItems } from './store';

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
  return transactIf(s, [
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
    { Put: { TableName: s.table, Item: watchItem(lead.id, lead.createdAt) } },
  ]);
}

export async function getLead(s: Store, id: string): Promise<Lead | undefined> {
  const item = await getItem(s, pk(id), 'META');
  return item ? strip<Lead>(item) : undefined;
}

// Every open lead has a small watch item keyed by its last move: the reconciler finds leads with
// no move for 30 days by one query over this sparse index instead of reading every lead.
const WATCH_PK = 'LEADS#WATCH';
const watchItem = (id: string, movedAt: string) => ({ pk: pk(id), sk: 'WATCH', entity: 'leadWatch', gsi1pk: WATCH_PK, gsi1sk: `${movedAt}#${id}`, leadId: id });

const trackKey = (platformId: string, domain: string) => ({ pk: `PLATFORM#${platformId}`, sk: `TRACK#${domain}` });
const TRACK_VERSION = { pk: 'TRACK', sk: 'VERSION' };

/** One lead move: a conditional update of the lead plus what it changes elsewhere, all or nothing. */
export interface LeadMove {
  /** Condition on the lead as stored (its status, an attribute not yet set); a miss is a CONFLICT. */
  condition: string;
  values?: Record<string, unknown>;
  names?: Record<string, string>;
  /** Attributes to set on the lead. */
  set: Record<string, unknown>;
  step: LeadStep;
  /** Outcome counters to add per domain of the lead (the ranking's track record). */
  track?: Partial<TrackCounts>;
  /** The lead left `pending`: its month's open-lead count goes down. */
  leavesPending?: boolean;
  /** Whether the lead still moves afterwards (keeps its stale-lead watch) or is done. */
  final?: boolean;
}

/**
 * Applies a move exactly once: the lead's condition guards the whole transaction, so a retried or
 * concurrent request cannot count an outcome twice. Returns the lead as written.
 */
export async function moveLead(s: Store, lead: Lead, move: LeadMove, conflict: string): Promise<Lead> {
  // DynamoDB rejects names the expressions do not use.
  const names: Record<string, string> = { ...(move.condition.includes('#st') ? { '#st': 'status' } : {}), ...move.names };
  const values: Record<string, unknown> = { ...move.values, ':step': [move.step], ':none': [], ':moved': move.step.at };
  const sets = ['history = list_append(if_not_exists(history, :none), :step)', 'movedAt = :moved'];
  Object.entries(move.set).forEach(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  });
  const domains = lead.domains?.length ? lead.domains : lead.scenario.domains;
  const track = Object.entries(move.track ?? {}).filter(([, v]) => v);
  const items: TransactItems = [
    {
      Update: {
        TableName: s.table,
        Key: { pk: pk(lead.id), sk: 'META' },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: move.condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
  ];
  if (move.leavesPending)
    items.push({
      Update: {
        TableName: s.table,
        Key: { pk: `PLATFORM#${lead.platformId}`, sk: `EXPOSURE#${monthOf(lead.createdAt)}` },
        // The sort key moves with every change, so warm readers fetch only what changed (see exposureViews).
        UpdateExpression: 'ADD openLeads :minus SET gsi1sk = :s',
        ExpressionAttributeValues: { ':minus': -1, ':s': exposureSortKey(move.step.at, lead.platformId) },
      },
    });
  if (track.length)
    for (const d of domains)
      items.push({
        Update: {
          TableName: s.table,
          Key: trackKey(lead.platformId, d),
          UpdateExpression: `ADD ${track.map((_, i) => `#c${i} :c${i}`).join(', ')} SET gsi1pk = :g, gsi1sk = :k, platformId = :p, #domain = :d, entity = :e`,
          ExpressionAttributeNames: { ...Object.fromEntries(track.map(([k], i) => [`#c${i}`, k])), '#domain': 'domain' },
          ExpressionAttributeValues: {
            ...Object.fromEntries(track.map(([, v], i) => [`:c${i}`, v])),
            ':g': 'TRACK',
            ':k': `${lead.platformId}#${d}`,
            ':p': lead.platformId,
            ':d': d,
            ':e': 'trackRecord',
          },
        },
      });
  items.push(
    move.final
      ? { Delete: { TableName: s.table, Key: { pk: pk(lead.id), sk: 'WATCH' } } }
      : { Put: { TableName: s.table, Item: watchItem(lead.id, move.step.at) } },
  );
  if (!(await transactIf(s, items))) throw new AppError('CONFLICT', conflict);
  // Outside the transaction on purpose: one hot item in every move's transaction would make
  // concurrent moves conflict. A lost bump only delays a cache refresh (caches also expire).
  if (track.length) await s.db.send(new UpdateCommand({ TableName: s.table, Key: TRACK_VERSION, UpdateExpression: 'ADD v :one', ExpressionAttributeValues: { ':one': 1 } }));
  return { ...lead, ...move.set, movedAt: move.step.at, history: [...(lead.history ?? []), move.step] } as Lead;
}

/** Version of the outcome counters: changes whenever a move adds to them. */
export async function trackVersion(s: Store): Promise<number> {
  const item = await getItem<{ v?: number }>(s, TRACK_VERSION.pk, TRACK_VERSION.sk, false);
  return Number(item?.v ?? 0);
}

/** Every platform's outcome counters per domain, in one query of the sparse TRACK collection. */
export async function trackRecords(s: Store): Promise<Map<string, Map<string, TrackCounts>>> {
  const items = await queryAll<Item & Partial<TrackCounts> & { platformId: string; domain: string }>(s, { index: 'gsi1', pk: 'TRACK' });
  const out = new Map<string, Map<string, TrackCounts>>();
  for (const i of items) {
    const n = (k: keyof TrackCounts) => Math.max(0, Number(i[k] ?? 0) || 0);
    const per = out.get(i.platformId) ?? new Map<string, TrackCounts>();
    per.set(i.domain, { accepted: n('accepted'), outOfScope: n('outOfScope'), declined: n('declined'), signed: n('signed'), lost: n('lost'), delivered: n('delivered'), ratingCredit: n('ratingCredit'), rated: n('rated') });
    out.set(i.platformId, per);
  }
  return out;
}

/** Open leads whose last move is older than `before`. */
export async function leadsUnmovedSince(s: Store, before: string): Promise<{ leadId: string; movedAt: string }[]> {
  const items = await queryAll<Item & { leadId: string; gsi1sk: string }>(s, { index: 'gsi1', pk: WATCH_PK, skBetween: ['!', `${before}#~`] });
  return items.map((i) => ({ leadId: i.leadId, movedAt: i.gsi1sk.slice(0, i.gsi1sk.lastIndexOf('#')) }));
}

/**
 * Records one reminder for a lead unmoved since `movedAt`: the watch moves to now, so the next
 * reminder comes 30 days later unless the lead moves; false if someone else already claimed it.
 */
export async function claimReminder(s: Store, id: string, movedAt: string, at: string): Promise<boolean> {
  return transactIf(s, [
    {
      Put: {
        TableName: s.table,
        Item: watchItem(id, at),
        ConditionExpression: 'gsi1sk = :old',
        ExpressionAttributeValues: { ':old': `${movedAt}#${id}` },
      },
    },
    { Update: { TableName: s.table, Key: { pk: pk(id), sk: 'META' }, UpdateExpression: 'SET remindedAt = :at', ExpressionAttributeValues: { ':at': at } } },
  ]);
}

export const isFinal = (status: LeadStatus) => FINAL_STATUSES.includes(status);

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

export async function leadsByIds(s: Store, ids: string[]): Promise<Lead[]> {
  return (await batchGet<Item>(s, ids.map((id) => ({ pk: pk(id), sk: 'META' })))).map((i) => strip<Lead>(i));
}

export function notFoundLead() {
  return notFound('线索 lead');
}
