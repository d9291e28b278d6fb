import { z } from 'zod';
import { Id, Text, Timestamp } from './common';

// 第十二–十三条 动态评价: a listed platform that stops reporting, or whose level falls, is heard
// (申辩) and the bureau decides; the adjustments are published and applied to the next 名录.

export const TrackingKind = z.enum(['missing_report', 'level_drop']).describe('missing_report 未按期报送指标 · level_drop 等级下降');
export type TrackingKind = z.infer<typeof TrackingKind>;

export const TrackingOutcome = z.enum(['keep', 'downgrade', 'remove']).describe('keep 保留 · downgrade 降级 · remove 移出名录');
export type TrackingOutcome = z.infer<typeof TrackingOutcome>;

export const TrackingRunInput = z
  .object({ replyDays: z.number().int().min(5).max(60).default(15).describe('申辩期（天）') })
  .strict()
  .meta({ id: 'TrackingRunInput' });
export type TrackingRunInput = z.infer<typeof TrackingRunInput>;

export const TrackingCase = z
  .object({
    id: Id,
    year: z.number().int().describe('the reporting year checked; the platform was listed in year − 1'),
    platformId: Id,
    platformName: z.string(),
    kind: TrackingKind,
    listedLevel: z.number().int(),
    currentLevel: z.number().int().nullable().describe('assessed level for the year; null when nothing was reported'),
    status: z.enum(['open', 'replied', 'decided']),
    openedAt: Timestamp,
    replyBy: Timestamp,
    reply: z.object({ text: z.string(), at: Timestamp, by: z.string() }).optional(),
    decision: z.object({ outcome: TrackingOutcome, level: z.number().int().nullable(), note: z.string(), at: Timestamp, by: z.string() }).optional(),
  })
  .meta({ id: 'TrackingCase' });
export type TrackingCase = z.infer<typeof TrackingCase>;

export const TrackingRun = z
  .object({ year: z.number().int(), checked: z.number().int(), opened: z.number().int(), cases: z.array(TrackingCase) })
  .meta({ id: 'TrackingRun' });
export type TrackingRun = z.infer<typeof TrackingRun>;

export const TrackingReplyInput = z.object({ text: Text(4000, 1) }).strict().meta({ id: 'TrackingReplyInput' });
export type TrackingReplyInput = z.infer<typeof TrackingReplyInput>;

export const TrackingDecisionInput = z
  .object({
    outcome: TrackingOutcome,
    level: z.number().int().min(1).max(3).optional().describe('降级后的等级（downgrade 时必填）'),
    note: Text(2000, 1).describe('决定理由（必填）'),
  })
  .strict()
  .refine((d) => d.outcome !== 'downgrade' || d.level !== undefined, { path: ['level'], message: '降级须给出等级 / a downgrade names the level' })
  .meta({ id: 'TrackingDecisionInput' });
export type TrackingDecisionInput = z.infer<typeof TrackingDecisionInput>;

export const Adjustment = z.object({
  platformId: Id,
  platformName: z.string(),
  outcome: z.enum(['downgrade', 'remove']),
  fromLevel: z.number().int(),
  toLevel: z.number().int().nullable(),
  note: z.string(),
  decidedAt: Timestamp,
});
export type Adjustment = z.infer<typeof Adjustment>;

export const Adjustments = z
  .object({ year: z.number().int(), publishedAt: Timestamp, items: z.array(Adjustment), kept: z.number().int().describe('cases decided keep (not listed by name)') })
  .meta({ id: 'Adjustments' });
export type Adjustments = z.infer<typeof Adjustments>;
