import { z } from 'zod';
import { NoticeVersionField } from '../privacy/notices';
import { Assessment, Eligibility } from '../maturity/assess';
import { Category, Region, Subtype } from '../taxonomy';
import { Id, Text, Timestamp } from './common';

// The yearly cultivation round (第九–十一条): announced by the bureau, applied to by platforms,
// assessed, publicly noticed (公示) and fixed as the year's 名录.

export const RoundStatus = z.enum(['open', 'closed', 'notice', 'publishing', 'published']).describe(
  'open → closed → notice → published; publishing is the short step while the 名录 is written',
);
export type RoundStatus = z.infer<typeof RoundStatus>;

const Instant = z.iso.datetime({ offset: true }).describe('ISO-8601');

export const RoundInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    opensAt: Instant,
    closesAt: Instant,
    noticeDays: z.number().int().min(1).max(60).describe('公示期（天）'),
    ruleSetVersion: z.string().min(1).max(64).optional().describe('评定规则版本；缺省为当前生效版本'),
    districtReview: z.boolean().optional().describe('区（市）初审：提交的申报须经所在区市推荐方可公示'),
  })
  .strict()
  .refine((r) => Date.parse(r.opensAt) < Date.parse(r.closesAt), {
    path: ['closesAt'],
    message: '截止时间须晚于开始时间 / closesAt must be after opensAt',
  })
  .meta({ id: 'RoundInput' });
export type RoundInput = z.infer<typeof RoundInput>;

export const Round = z
  .object({
    id: Id,
    year: z.number().int(),
    status: RoundStatus,
    opensAt: Timestamp,
    closesAt: Timestamp,
    noticeDays: z.number().int(),
    noticeEndsAt: Timestamp.optional(),
    ruleSetVersion: z.string(),
    districtReview: z.boolean().optional(),
    openObjections: z.number().int().optional(),
    version: z.number().int(),
    createdAt: Timestamp,
    publishingAt: Timestamp.optional(),
    publishedAt: Timestamp.optional(),
    objectionContactsAnonymisedAt: Timestamp.optional().describe('保存期满，异议人联系方式已匿名化 / objectors’ contacts erased after the retention period'),
  })
  .meta({ id: 'Round' });
export type Round = z.infer<typeof Round>;

export const NoticeInput = z
  .object({ endsAt: Instant.optional().describe('公示截止；缺省为 noticeDays 天后') })
  .strict()
  .meta({ id: 'NoticeInput' });

export const ApplicationStatus = z.enum(['draft', 'submitted', 'assessed', 'returned', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplicationInput = z.object({ platformId: Id }).strict().meta({ id: 'ApplicationInput' });

export const ReturnInput = z.object({ comment: Text(2000) }).strict().meta({ id: 'ReturnInput' });

const HistoryEntry = z.object({
  at: Timestamp,
  status: ApplicationStatus,
  by: z.string(),
  note: z.string().optional(),
});

export const DistrictReview = z
  .object({
    status: z.enum(['pending', 'endorsed', 'returned']),
    by: z.string().optional(),
    at: Timestamp.optional(),
    comment: z.string().optional(),
    onBehalf: z.boolean().optional().describe('市局代区市操作 / the city bureau acted in the district’s place'),
  })
  .meta({ id: 'DistrictReview' });
export type DistrictReview = z.infer<typeof DistrictReview>;

export const EndorseInput = z.object({ comment: Text(2000).optional() }).strict().meta({ id: 'EndorseInput' });

export const Application = z
  .object({
    id: Id,
    roundId: Id,
    year: z.number().int(),
    platformId: Id,
    platformName: z.string(),
    operatorName: z.string(),
    operatorCreditCode: z.string(),
    category: Category,
    subtype: Subtype.optional(),
    region: Region,
    status: ApplicationStatus,
    comment: z.string().optional().describe('补正意见'),
    submissions: z.number().int(),
    reportVersion: z.number().int().optional().describe('提交时锁定的当年指标申报版本'),
    level: z.number().int().min(0).max(3).optional(),
    eligibility: Eligibility.optional(),
    ruleSetVersion: z.string().optional(),
    assessment: Assessment.optional().describe('单个申报详情中提供；列表中省略'),
    districtReview: DistrictReview.optional().describe('区（市）初审，轮次要求时'),
    history: z.array(HistoryEntry),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    submittedAt: Timestamp.optional(),
    assessedAt: Timestamp.optional(),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof Application>;

export const NoticeEntry = z.object({
  applicationId: Id,
  platformId: Id,
  platformName: z.string(),
  operatorName: z.string(),
  category: Category,
  level: z.number().int(),
});
export type NoticeEntry = z.infer<typeof NoticeEntry>;

export const PublicNotice = z
  .object({
    round: z.object({ id: Id, year: z.number().int(), status: RoundStatus }),
    noticeEndsAt: Timestamp,
    entries: z.array(NoticeEntry),
  })
  .meta({ id: 'PublicNotice' });

// Mainland mobile (11 digits) or a landline with area code, as people write them.
const Phone = z
  .string()
  .trim()
  .regex(/^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: '请填写有效的手机或座机号码 / Enter a valid phone number' });

export const ObjectionInput = z
  .object({
    applicationId: Id,
    reason: Text(2000, 10).describe('异议理由（不少于 10 字）'),
    contactName: Text(50),
    contactPhone: Phone,
    noticeVersion: NoticeVersionField('objection'),
  })
  .strict()
  .meta({ id: 'ObjectionInput' });
export type ObjectionInput = z.infer<typeof ObjectionInput>;

export const ObjectionStatus = z.enum(['open', 'upheld', 'dismissed']);

export const Objection = z
  .object({
    id: Id,
    roundId: Id,
    applicationId: Id,
    platformName: z.string(),
    reason: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    requesterAddress: z.string(),
    status: ObjectionStatus,
    note: z.string().optional(),
    createdAt: Timestamp,
    resolvedAt: Timestamp.optional(),
    resolvedBy: z.string().optional(),
    noticeVersion: z.string().optional().describe('告知书版本（缺省 unstated） / privacy notice version shown when filed'),
    contactMasked: z.boolean().optional().describe('true: contactName, contactPhone and requesterAddress are masked; POST /v1/objections/{id}/contact shows them (audited)'),
    anonymisedAt: Timestamp.optional().describe('联系方式已按保存期限或本人申请匿名化 / contact fields erased (retention or the person’s request)'),
  })
  .meta({ id: 'Objection' });

export const ObjectionContact = z
  .object({
    objectionId: Id,
    contactName: z.string(),
    contactPhone: z.string(),
    requesterAddress: z.string(),
    anonymisedAt: Timestamp.optional(),
  })
  .meta({ id: 'ObjectionContact' });
export type ObjectionContact = z.infer<typeof ObjectionContact>;
export type Objection = z.infer<typeof Objection>;

export const ResolveInput = z
  .object({ outcome: z.enum(['upheld', 'dismissed']), note: Text(2000) })
  .strict()
  .meta({ id: 'ResolveInput' });
export type ResolveInput = z.infer<typeof ResolveInput>;

export const DirectoryEntry = NoticeEntry.extend({
  operatorCreditCode: z.string(),
  subtype: Subtype.optional(),
  region: Region,
  eligibility: Eligibility,
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryYear = z
  .object({ year: z.number().int(), roundId: Id, publishedAt: Timestamp, entries: z.array(DirectoryEntry) })
  .meta({ id: 'DirectoryYear' });
export type DirectoryYear = z.infer<typeof DirectoryYear>;

/**
 * What the 公示 and the 名录 list: assessed at level ≥ 1 and, in a round with district first review,
 * endorsed by the applicant's district.
 */
export const isListed = (a: Pick<Application, 'status' | 'level' | 'districtReview'>, r: Pick<Round, 'districtReview'>) =>
  a.status === 'assessed' && (a.level ?? 0) >= 1 && (!r.districtReview || a.districtReview?.status === 'endorsed');

export const DistrictReminder = z
  .object({
    roundId: z.string(),
    district: Region,
    pending: z.number().int().describe('applications of the district still waiting for its first review'),
    messaged: z.number().int().describe('district staff told by e-mail (SMS sends registered templates only; the inbox always)'),
    at: Timestamp,
  })
  .meta({ id: 'DistrictReminder' });
export type DistrictReminder = z.infer<typeof DistrictReminder>;
