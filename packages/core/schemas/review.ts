import { z } from 'zod';
import { ContactInput } from '../accounts/contact';
import { NoticeVersionField } from '../privacy/notices';
import { Category } from '../taxonomy';
import { CodeList, CreditCode, Id, Text, Timestamp } from './common';

// Expert review of level-2+ applications (第十一条).

export const ExpertInput = z
  .object({
    name: Text(50),
    affiliation: Text(200),
    affiliationCreditCode: CreditCode,
    fields: CodeList(Text(50), { min: 1, max: 20 }).describe('专业领域'),
    // Optional so existing callers keep working; without it the expert can only use a service token.
    contact: ContactInput.optional().describe('登录用邮箱或手机号；同一联系方式只能登记一名专家 / sign-in contact, one expert per contact'),
    noticeVersion: NoticeVersionField('expert'),
  })
  .strict()
  .meta({ id: 'ExpertInput' });
export type ExpertInput = z.infer<typeof ExpertInput>;

export const ConflictInput = z
  .object({
    platformId: Id.optional(),
    creditCode: CreditCode.optional(),
    reason: Text(500),
  })
  .strict()
  .refine((x) => !!x.platformId || !!x.creditCode, { path: ['platformId'], message: '须指明平台或单位信用代码 / name a platform or a credit code' })
  .meta({ id: 'ConflictInput' });
export type ConflictInput = z.infer<typeof ConflictInput>;

export const ExpertRetireInput = z.object({ reason: Text(500) }).strict().meta({ id: 'ExpertRetireInput' });
export type ExpertRetireInput = z.infer<typeof ExpertRetireInput>;

export const DeclaredConflict = z.object({
  platformId: Id.optional(),
  creditCode: z.string().optional(),
  reason: z.string(),
  declaredAt: Timestamp,
});

export const Expert = z
  .object({
    id: Id,
    name: z.string(),
    affiliation: z.string(),
    affiliationCreditCode: z.string(),
    fields: z.array(z.string()),
    contact: z.string().optional().describe('normalised: lower-case e-mail or +86 mobile'),
    conflicts: z.array(DeclaredConflict),
    createdAt: Timestamp,
    retiredAt: Timestamp.optional().describe('退出专家库：不再分配、不能再以专家身份登录；已提交的评分保留'),
    retiredReason: z.string().optional(),
    noticeVersion: z.string().optional().describe('privacy notice version the registration form showed'),
  })
  .meta({ id: 'Expert' });
export type Expert = z.infer<typeof Expert>;

export const ReviewAssignInput = z
  .object({
    applicationIds: CodeList(Id, { min: 1, max: 100 }),
    expertIds: CodeList(Id, { min: 1, max: 30 }),
  })
  .strict()
  .meta({ id: 'ReviewAssignInput' });
export type ReviewAssignInput = z.infer<typeof ReviewAssignInput>;

const Scores = z.record(z.string().max(40), z.number().finite()).refine((s) => Object.keys(s).length <= 30, { message: '评分项过多 / too many criteria' });

export const ReviewScoresInput = z
  .object({ scores: Scores, comment: Text(4000, 0) })
  .strict()
  .meta({ id: 'ReviewScoresInput' });
export type ReviewScoresInput = z.infer<typeof ReviewScoresInput>;

export const Review = z
  .object({
    id: Id,
    roundId: Id,
    applicationId: Id,
    platformId: Id,
    platformName: z.string(),
    category: Category,
    expertId: Id,
    expertName: z.string(),
    rubricVersion: z.string(),
    status: z.enum(['assigned', 'submitted']),
    scores: z.record(z.string(), z.number()),
    comment: z.string(),
    total: z.number().nullable(),
    version: z.number().int(),
    assignedAt: Timestamp,
    updatedAt: Timestamp,
    submittedAt: Timestamp.optional(),
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof Review>;

export const RecommendationItem = z.object({
  rank: z.number().int(),
  applicationId: Id,
  platformId: Id,
  platformName: z.string(),
  operatorName: z.string(),
  level: z.number().int(),
  score: z.number().nullable().describe('汇总得分：五名及以上专家时去掉一个最高分和一个最低分后取平均'),
  droppedTotals: z.array(z.number()),
  assignedExperts: z.number().int(),
  submittedReviews: z.number().int(),
  withinQuota: z
    .object({ provincial: z.boolean(), national: z.boolean() })
    .optional()
    .describe('名额设定后：按评审得分在该类可推荐者中位于名额内（答辩入围） / once quotas are set: within the places among those eligible, by review score (shortlisted for 答辩)'),
  reviews: z.array(
    z.object({ expertId: Id, expertName: z.string(), scores: z.record(z.string(), z.number()), total: z.number(), comment: z.string() }),
  ),
});
export type RecommendationItem = z.infer<typeof RecommendationItem>;

export const Recommendations = z
  .object({
    roundId: Id,
    year: z.number().int(),
    categories: z.array(z.object({ category: Category, items: z.array(RecommendationItem) })),
  })
  .meta({ id: 'Recommendations' });
export type Recommendations = z.infer<typeof Recommendations>;
