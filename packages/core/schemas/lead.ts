import { z } from 'zod';
import { Domain, Industry, Region } from '../taxonomy';
import { Text, Timestamp } from './common';
import { Reason } from './scenario';

export const LeadStatus = z.enum(['pending', 'accepted', 'declined', 'contacted', 'proposal', 'signed', 'delivered', 'lost']);
export type LeadStatus = z.infer<typeof LeadStatus>;

/** Where a lead can still move: the platform's forward steps after acceptance. */
export const ProgressStatus = z.enum(['contacted', 'proposal', 'signed', 'delivered', 'lost']);
export type ProgressStatus = z.infer<typeof ProgressStatus>;

/** The funnel order; `lost` and `declined` end a lead from wherever it stood. */
export const FUNNEL: readonly LeadStatus[] = ['pending', 'accepted', 'contacted', 'proposal', 'signed', 'delivered'];
/** Statuses after which nothing moves any more. */
export const FINAL_STATUSES: readonly LeadStatus[] = ['declined', 'delivered', 'lost'];


export const DeclineReason = z.enum(['out_of_scope', 'capacity', 'budget', 'region', 'other']);
export type DeclineReason = z.infer<typeof DeclineReason>;

export const LostReason = z.enum(['price', 'competitor', 'need_changed', 'no_response', 'capability', 'other']);
export type LostReason = z.infer<typeof LostReason>;

/** One timestamped move, visible to both sides and the bureau. */
export const LeadStep = z.object({
  status: LeadStatus,
  at: Timestamp,
  by: z.enum(['platform', 'manufacturer', 'system']),
  note: z.string().optional(),
});
export type LeadStep = z.infer<typeof LeadStep>;

export const Lead = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    platformId: z.string(),
    platformName: z.string(),
    status: LeadStatus,
    score: z.number(),
    solutionId: z.string().optional(),
    reasons: z.array(Reason),
    scenario: z.object({
      title: z.string(),
      industry: Industry,
      domains: z.array(Domain),
      region: Region,
      enterpriseName: z.string(),
      ownerOrg: z.string(),
    }),
    /** The domains the need is about (ticked and read from the text): outcomes are credited to them. */
    domains: z.array(Domain).optional(),
    roadshowId: z.string().optional(),
    // --- issue 20: lead source and roadshows where the pair met ---
    /** 'matched' (default when absent) | 'proposal' | `roadshow:<id>` (shared convention). */
    source: z.string().optional(),
    /** Roadshows at which this pair met after the lead existed (linked at close, not duplicated). */
    roadshowIds: z.array(z.string()).optional(),
    declineReason: z.string().optional(),
    declineCode: DeclineReason.optional(),
    lostReason: LostReason.optional(),
    lostNote: z.string().optional(),
    contract: z.object({ valueWan: z.number(), signedOn: z.string() }).optional(),
    /** The manufacturer's confirmations: a platform cannot confirm its own deal. */
    signedConfirmedAt: Timestamp.optional(),
    deliveredConfirmedAt: Timestamp.optional(),
    deliveredOn: z.string().optional(),
    rating: z.object({ stars: z.number().int().min(1).max(5), comment: z.string().optional(), at: Timestamp }).optional(),
    history: z.array(LeadStep).optional(),
    /** Last move by either side; 30 days without one flags the lead as stale. */
    movedAt: Timestamp.optional(),
    stale: z.boolean().optional(),
    remindedAt: Timestamp.optional(),
    delivery: z.object({
      webhook: z.enum(['none', 'pending', 'delivered', 'failed']),
      attempts: z.number().int(),
      lastError: z.string().optional(),
    }),
    createdAt: Timestamp,
    decidedAt: Timestamp.optional(),
  })
  .meta({ id: 'Lead' });
export type Lead = z.infer<typeof Lead>;

export const DeclineInput = z
  .object({
    code: DeclineReason.default('other').describe('不在我方业务范围 out_of_scope · 产能已满 capacity · 预算不匹配 budget · 地域 region · 其他 other'),
    reason: Text(1000).optional(),
  })
  .strict()
  .refine((d) => d.code !== 'other' || d.reason !== undefined, { path: ['reason'], message: '选择“其他”时须说明原因 / A reason is required with “other”' })
  .meta({ id: 'DeclineInput' });
export type DeclineInput = z.infer<typeof DeclineInput>;

const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const ProgressInput = z
  .object({
    status: ProgressStatus,
    note: Text(1000).optional(),
    contractValueWan: z.number().positive().max(1e7).optional().describe('合同金额（万元），签约时必填'),
    date: DateOnly.optional().describe('签约或交付日期'),
    reason: LostReason.optional().describe('未成交原因，lost 时必填'),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.status === 'signed' && d.contractValueWan === undefined)
      ctx.addIssue({ code: 'custom', path: ['contractValueWan'], message: '签约须填写合同金额（万元） / Signing needs the contract value (10k CNY)' });
    if (d.status === 'signed' && d.date === undefined)
      ctx.addIssue({ code: 'custom', path: ['date'], message: '签约须填写签约日期 / Signing needs the date' });
    if (d.status === 'lost' && d.reason === undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '未成交须选择原因 / Lost needs a reason' });
  })
  .meta({ id: 'ProgressInput' });
export type ProgressInput = z.infer<typeof ProgressInput>;

export const ConfirmInput = z.object({ status: z.enum(['signed', 'delivered']) }).strict().meta({ id: 'ConfirmInput' });
export type ConfirmInput = z.infer<typeof ConfirmInput>;

export const RatingInput = z.object({ stars: z.number().int().min(1).max(5), comment: Text(1000).optional() }).strict().meta({ id: 'RatingInput' });
export type RatingInput = z.infer<typeof RatingInput>;
