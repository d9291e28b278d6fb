import { z } from 'zod';
import { CATEGORIES, Category } from '../taxonomy';
import { Id, Text, Timestamp } from './common';

// After the 名录: the city recommends a limited number of platforms per kind upward (第七条, 第十一条;
// MIIT's 双跨 selection asks each province for candidates by quota). Shortlisted platforms defend
// before a panel (答辩); the final list combines review and defence by a stated rule within quota.

export const UpstreamLevel = z.enum(['provincial', 'national']).describe('provincial 省级推荐 · national 国家级推荐');
export type UpstreamLevel = z.infer<typeof UpstreamLevel>;

const Counts = z
  .object(Object.fromEntries(CATEGORIES.map((c) => [c.code, z.number().int().min(0).max(50)])) as Record<Category, z.ZodNumber>)
  .strict()
  .describe('每类平台的名额 / places per category');
export type CategoryCounts = z.infer<typeof Counts>;

export const QuotaInput = z
  .object({
    quotas: z.object({ provincial: Counts, national: Counts }).strict(),
    reviewWeight: z.number().min(0).max(1).default(0.6).describe('综合得分 = 评审得分 × reviewWeight + 答辩得分 × (1 − reviewWeight)'),
  })
  .strict()
  .meta({ id: 'QuotaInput' });
export type QuotaInput = z.infer<typeof QuotaInput>;

export const RecommendationPlan = z
  .object({ roundId: Id, quotas: z.object({ provincial: Counts, national: Counts }), reviewWeight: z.number(), updatedAt: Timestamp, updatedBy: z.string() })
  .meta({ id: 'RecommendationPlan' });
export type RecommendationPlan = z.infer<typeof RecommendationPlan>;

const Instant = z.iso.datetime({ offset: true });

export const DefenceSessionInput = z
  .object({
    level: UpstreamLevel,
    startsAt: Instant,
    venue: Text(300),
    slotMinutes: z.number().int().min(10).max(60).default(20),
    panel: z.array(Id).min(3).max(9).refine((xs) => new Set(xs).size === xs.length, { message: '专家重复 / duplicate expert' }).describe('答辩评委（专家 id），至少 3 名'),
    presenters: z.array(Id).min(1).max(40).refine((xs) => new Set(xs).size === xs.length, { message: '申报重复 / duplicate application' }).describe('答辩顺序（申报 id）'),
  })
  .strict()
  .meta({ id: 'DefenceSessionInput' });
export type DefenceSessionInput = z.infer<typeof DefenceSessionInput>;

export const DefenceSlot = z.object({
  order: z.number().int(),
  applicationId: Id,
  platformId: Id,
  platformName: z.string(),
  category: Category,
  startsAt: Timestamp,
  endsAt: Timestamp,
});
export type DefenceSlot = z.infer<typeof DefenceSlot>;

export const DefenceSession = z
  .object({
    id: Id,
    roundId: Id,
    level: UpstreamLevel,
    startsAt: Timestamp,
    venue: z.string(),
    slotMinutes: z.number().int(),
    panel: z.array(z.object({ expertId: Id, name: z.string() })),
    schedule: z.array(DefenceSlot),
    rubricVersion: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'DefenceSession' });
export type DefenceSession = z.infer<typeof DefenceSession>;

export const DefenceScoreInput = z
  .object({ scores: z.record(z.string().max(40), z.number().finite()), comment: Text(2000, 0) })
  .strict()
  .meta({ id: 'DefenceScoreInput' });
export type DefenceScoreInput = z.infer<typeof DefenceScoreInput>;

export const DefenceScore = z
  .object({ sessionId: Id, applicationId: Id, expertId: Id, expertName: z.string(), scores: z.record(z.string(), z.number()), total: z.number(), comment: z.string(), at: Timestamp })
  .meta({ id: 'DefenceScore' });
export type DefenceScore = z.infer<typeof DefenceScore>;

export const FinalListInput = z
  .object({ applicationIds: z.array(Id).max(200).optional().describe('局方选定的名单；缺省为按规则在名额内的全部') })
  .strict()
  .meta({ id: 'FinalListInput' });
export type FinalListInput = z.infer<typeof FinalListInput>;

export const FinalListItem = z.object({
  rank: z.number().int().describe('该类内按综合得分的名次'),
  category: Category,
  applicationId: Id,
  platformId: Id,
  platformName: z.string(),
  operatorName: z.string(),
  level: z.number().int(),
  reviewScore: z.number().nullable(),
  defenceScore: z.number().nullable(),
  combined: z.number().nullable(),
  withinQuota: z.boolean(),
  selected: z.boolean().describe('列入推荐名单'),
});
export type FinalListItem = z.infer<typeof FinalListItem>;

export const FinalList = z
  .object({
    roundId: Id,
    year: z.number().int(),
    level: UpstreamLevel,
    rule: z.string(),
    quotas: Counts,
    items: z.array(FinalListItem),
    status: z.enum(['draft', 'fixed']).describe('draft: 按规则的预览；fixed: 局方确定后不再变动'),
    fixedAt: Timestamp.optional(),
    fixedBy: z.string().optional(),
  })
  .meta({ id: 'FinalList' });
export type FinalList = z.infer<typeof FinalList>;
