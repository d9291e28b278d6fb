import { z } from 'zod';
import type { Lead, LeadStatus } from './schemas/lead';

// 供需对接成效: how far leads got. A lead counts at every stage it passed, so a delivered lead is
// also accepted and signed; `lost` and `declined` count where the lead stood before.

export const FunnelCounts = z
  .object({
    leads: z.number().int().nonnegative(),
    accepted: z.number().int().nonnegative().describe('接受（含此后各阶段） / accepted, and every later stage'),
    signed: z.number().int().nonnegative().describe('平台报告签约 / signing reported by the platform'),
    signedConfirmed: z.number().int().nonnegative().describe('企业确认签约 / signing confirmed by the manufacturer'),
    delivered: z.number().int().nonnegative(),
    deliveredConfirmed: z.number().int().nonnegative(),
    lost: z.number().int().nonnegative(),
    contractWan: z.number().nonnegative().describe('签约合同金额合计（万元） / contract value signed (10k CNY)'),
    contractWanConfirmed: z.number().nonnegative().describe('其中企业确认的（万元） / of which the manufacturer confirmed'),
    rated: z.number().int().nonnegative(),
    meanStars: z.number().min(1).max(5).nullable(),
  })
  .meta({ id: 'FunnelCounts' });
export type FunnelCounts = z.infer<typeof FunnelCounts>;

export const FunnelRow = FunnelCounts.extend({ key: z.string() }).meta({ id: 'FunnelRow' });
export type FunnelRow = z.infer<typeof FunnelRow>;

const ACCEPTED: ReadonlySet<LeadStatus> = new Set(['accepted', 'contacted', 'proposal', 'signed', 'delivered', 'lost']);
const SIGNED: ReadonlySet<LeadStatus> = new Set(['signed', 'delivered']);

/** Whether the lead was ever accepted, whatever happened next. */
export const wasAccepted = (l: Pick<Lead, 'status'>) => ACCEPTED.has(l.status);
/** Whether a contract was signed (a lead lost after signing keeps its contract). */
export const wasSigned = (l: Pick<Lead, 'status' | 'contract'>) => SIGNED.has(l.status) || l.contract !== undefined;

export function funnel(leads: readonly Lead[]): FunnelCounts {
  const f: FunnelCounts = { leads: 0, accepted: 0, signed: 0, signedConfirmed: 0, delivered: 0, deliveredConfirmed: 0, lost: 0, contractWan: 0, contractWanConfirmed: 0, rated: 0, meanStars: null };
  let stars = 0;
  for (const l of leads) {
    f.leads++;
    if (wasAccepted(l)) f.accepted++;
    if (wasSigned(l)) {
      f.signed++;
      f.contractWan += l.contract?.valueWan ?? 0;
    }
    if (l.signedConfirmedAt) {
      f.signedConfirmed++;
      f.contractWanConfirmed += l.contract?.valueWan ?? 0;
    }
    if (l.status === 'delivered') f.delivered++;
    if (l.deliveredConfirmedAt) f.deliveredConfirmed++;
    if (l.status === 'lost') f.lost++;
    if (l.rating) {
      f.rated++;
      stars += l.rating.stars;
    }
  }
  f.meanStars = f.rated ? stars / f.rated : null;
  f.contractWan = Math.round(f.contractWan * 100) / 100;
  f.contractWanConfirmed = Math.round(f.contractWanConfirmed * 100) / 100;
  return f;
}

/** The funnel per key (category, industry, district, month), keys in ascending order. */
export function funnelBy(leads: readonly Lead[], keyOf: (l: Lead) => string | undefined): FunnelRow[] {
  const groups = new Map<string, Lead[]>();
  for (const l of leads) {
    const k = keyOf(l);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), l]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, ls]) => ({ key, ...funnel(ls) }));
}

/** Median hours from a lead's creation to the platform's accept or decline; null before any. */
export function medianFirstResponseHours(leads: readonly Lead[]): number | null {
  const hours = leads
    .filter((l) => l.decidedAt)
    .map((l) => (Date.parse(l.decidedAt!) - Date.parse(l.createdAt)) / 3_600_000)
    .filter((h) => Number.isFinite(h) && h >= 0)
    .sort((a, b) => a - b);
  if (!hours.length) return null;
  const mid = hours.length >> 1;
  const m = hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

export const FunnelView = z
  .object({
    total: FunnelCounts,
    byMonth: z.array(FunnelRow).describe('按线索生成月份 / by the month the lead was made'),
    medianFirstResponseHours: z.number().nullable().describe('首次响应（接受或婉拒）用时中位数（小时）'),
    stale: z.number().int().nonnegative().describe('30 天无进展的线索 / leads with no move for 30 days'),
  })
  .meta({ id: 'FunnelView' });
export type FunnelView = z.infer<typeof FunnelView>;
