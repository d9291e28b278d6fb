import { z } from 'zod';
import { Category, Region } from '../taxonomy';
import { Id, Text, Timestamp } from './common';

// 第十七条 奖补: support programmes as data. Who is eligible follows from what the service knows
// (level, category, the year's 名录, upstream selections, indicator reports); granting, approval and
// payment are recorded here so the budget is enforced by the table, not by a spreadsheet.

const Wan = z.number().positive().max(100_000).multipleOf(0.01).describe('万元, two decimals');

export const EligibilityRule = z
  .object({
    minLevel: z.number().int().min(1).max(3).optional().describe('current level at least this'),
    categories: z.array(Category).min(1).max(3).optional(),
    listed: z.boolean().optional().describe('in the programme year’s published 名录'),
    newlyListed: z.boolean().optional().describe('in the programme year’s 名录 and not in the year before'),
    selected: z.enum(['province', 'nation', 'any']).optional().describe('selected upstream in the programme year'),
    reported: z.boolean().optional().describe('reported indicators for the programme year'),
  })
  .strict()
  .meta({ id: 'EligibilityRule' });
export type EligibilityRule = z.infer<typeof EligibilityRule>;

export const GrantAmount = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), wan: Wan }).strict(),
    z.object({ kind: z.literal('byLevel'), wan: z.tuple([Wan, Wan, Wan]).describe('level 1, 2, 3') }).strict(),
  ])
  .meta({ id: 'GrantAmount' });
export type GrantAmount = z.infer<typeof GrantAmount>;

export const ProgrammeInput = z
  .object({
    name: Text(200),
    year: z.number().int().min(2018).max(2100),
    grantor: z.union([z.literal('city'), Region]).describe('city 市级 or the district that pays'),
    budgetWan: Wan,
    rule: EligibilityRule,
    amount: GrantAmount,
    capWan: Wan.describe('at most this per platform'),
  })
  .strict()
  .meta({ id: 'SupportProgrammeInput' });
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

export const Programme = ProgrammeInput.extend({
  id: Id,
  committedWan: z.number().describe('sum of approved grants'),
  paidWan: z.number(),
  createdAt: Timestamp,
  createdBy: z.string(),
}).meta({ id: 'SupportProgramme' });
export type Programme = z.infer<typeof Programme>;

export const Check = z.object({ rule: z.string(), met: z.boolean(), text: z.string().describe('zh / en') });
export type Check = z.infer<typeof Check>;

export const EligibleRow = z
  .object({ platformId: Id, platformName: z.string(), level: z.number().int(), eligible: z.boolean(), amountWan: z.number(), checks: z.array(Check) })
  .meta({ id: 'SupportEligibleRow' });
export type EligibleRow = z.infer<typeof EligibleRow>;

export const GrantStatus = z.enum(['proposed', 'approved', 'rejected', 'paid']);
export type GrantStatus = z.infer<typeof GrantStatus>;

export const Payment = z.object({ id: Id, paidOn: z.iso.date(), amountWan: z.number(), voucherNo: z.string(), recordedAt: Timestamp });

export const Grant = z
  .object({
    id: Id,
    programmeId: Id,
    platformId: Id,
    platformName: z.string(),
    via: z.enum(['application', 'nomination']),
    note: z.string().optional(),
    status: GrantStatus,
    eligibleWan: z.number().describe('the programme’s amount for this platform, capped'),
    checks: z.array(Check),
    approvedWan: z.number().optional(),
    paidWan: z.number(),
    payments: z.array(Payment),
    decisionNote: z.string().optional(),
    createdAt: Timestamp,
    decidedAt: Timestamp.optional(),
  })
  .meta({ id: 'SupportGrant' });
export type Grant = z.infer<typeof Grant>;

export const GrantInput = z.object({ platformId: Id, note: Text(2000).optional() }).strict().meta({ id: 'SupportGrantInput' });
export const ApproveInput = z.object({ amountWan: Wan.optional().describe('default: the eligible amount'), note: Text(1000).optional() }).strict();
export const RejectInput = z.object({ note: Text(1000) }).strict();
export const PaymentInput = z.object({ paidOn: z.iso.date(), amountWan: Wan, voucherNo: Text(100) }).strict().meta({ id: 'SupportPaymentInput' });
export type PaymentInput = z.infer<typeof PaymentInput>;
