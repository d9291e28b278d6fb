import { z } from 'zod';
import { ContactInput } from '../accounts/contact';
import { NoticeVersionField } from '../privacy/notices';
import { Id, Text, Timestamp } from './common';

export const RsvpDeclineCode = z.enum(['schedule', 'not_relevant', 'capacity', 'withdrawn', 'other']);
export type RsvpDeclineCode = z.infer<typeof RsvpDeclineCode>;

export const InvitationStatus = z.enum(['invited', 'accepted', 'declined', 'cancelled']);

export const RoadshowInvitation = z
  .object({
    id: z.string(),
    roadshowId: z.string(),
    scenarioId: z.string(),
    scenarioTitle: z.string().optional(),
    party: z.enum(['manufacturer', 'platform']),
    orgId: z.string().describe('enterprise id (manufacturer) or platform id'),
    orgName: z.string().optional(),
    status: InvitationStatus.describe('invited → accepted | declined; cancelled when the seat went away (a withdrawn scenario)'),
    reason: RsvpDeclineCode.optional(),
    note: z.string().optional(),
    room: z.number().int().optional(),
    startsAt: Timestamp.optional(),
    endsAt: Timestamp.optional(),
    checkInCode: z.string().optional().describe('the invitee shows it at the door'),
    checkedInAt: Timestamp.optional(),
    createdAt: Timestamp,
    repliedAt: Timestamp.optional(),
  })
  .meta({ id: 'RoadshowInvitation' });
export type RoadshowInvitation = z.infer<typeof RoadshowInvitation>;

export const ReplyInput = z
  .object({
    accept: z.boolean(),
    reason: RsvpDeclineCode.optional().describe('婉拒原因：时间冲突 schedule · 与我方业务不符 not_relevant · 人手不足 capacity · 需求已撤回 withdrawn · 其他 other'),
    note: Text(500).optional(),
  })
  .strict()
  .refine((d) => d.accept || d.reason !== undefined, { path: ['reason'], message: '婉拒须选择原因 / A decline needs a reason code' })
  .refine((d) => d.reason !== 'other' || d.note !== undefined, { path: ['note'], message: '选择“其他”时须说明 / “other” needs a note' })
  .meta({ id: 'RoadshowReplyInput' });
export type ReplyInput = z.infer<typeof ReplyInput>;

export const RegistrationInput = z
  .object({
    name: Text(50),
    enterprise: Text(100),
    contact: ContactInput,
    interests: z.array(Id).max(50).optional().describe('感兴趣的场景（scenarioId）'),
    noticeVersion: NoticeVersionField('roadshow-registration'),
  })
  .strict()
  .meta({ id: 'RoadshowRegistrationInput' });
export type RegistrationInput = z.infer<typeof RegistrationInput>;

export const RoadshowRegistration = z
  .object({
    id: z.string(),
    roadshowId: z.string(),
    name: z.string(),
    enterprise: z.string(),
    contact: z.string(),
    interests: z.array(z.string()).optional(),
    checkInCode: z.string(),
    waitlisted: z.boolean(),
    noticeVersion: z.string(),
    createdAt: Timestamp,
    checkedInAt: Timestamp.optional(),
    expiresAt: z.number().int().optional(),
  })
  .meta({ id: 'RoadshowRegistration' });
export type RoadshowRegistration = z.infer<typeof RoadshowRegistration>;

export const RegistrationCreated = z
  .object({ id: z.string(), checkInCode: z.string(), waitlisted: z.boolean(), qrSvg: z.string().describe('the check-in code as a QR image (SVG markup)') })
  .meta({ id: 'RoadshowRegistrationCreated' });

export const CheckInInput = z.object({ checkInCode: z.string().trim().min(4).max(32) }).strict().meta({ id: 'RoadshowCheckInInput' });

export const CheckInResult = z
  .object({
    kind: z.enum(['registration', 'invitation']),
    id: z.string(),
    name: z.string().describe('masked for registrations'),
    checkedInAt: Timestamp,
    waitlisted: z.boolean().optional(),
    checkedIn: z.number().int().describe('people checked in so far'),
  })
  .meta({ id: 'RoadshowCheckInResult' });

export const Pair = z.object({ scenarioId: Id, platformId: Id }).strict();

export const CloseInput = z
  .object({ attendedPairs: z.array(Pair).max(2000).optional().describe('pairings the bureau saw meet, besides those where both sides checked in') })
  .strict()
  .meta({ id: 'RoadshowCloseInput' });
export type CloseInput = z.infer<typeof CloseInput>;

export const MetPair = z.object({ scenarioId: z.string(), platformId: z.string(), leadId: z.string(), linked: z.boolean().describe('an existing open lead was linked') });
export type MetPair = z.infer<typeof MetPair>;

export const RatingInput = z
  .object({ scenarioId: Id, platformId: Id, stars: z.number().int().min(1).max(5), comment: Text(500).optional() })
  .strict()
  .meta({ id: 'RoadshowRatingInput' });
export type RatingInput = z.infer<typeof RatingInput>;

export const RoadshowRating = z.object({
  roadshowId: z.string(),
  scenarioId: z.string(),
  platformId: z.string(),
  side: z.enum(['manufacturer', 'platform']),
  stars: z.number().int(),
  comment: z.string().optional(),
  at: Timestamp,
});
export type RoadshowRating = z.infer<typeof RoadshowRating>;

export const RoadshowReport = z
  .object({
    roadshowId: z.string(),
    status: z.string(),
    invited: z.number().int(),
    replied: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    registered: z.number().int(),
    waitlisted: z.number().int(),
    checkedIn: z.number().int().describe('audience checked in'),
    attended: z.number().int().describe('invitees (manufacturers and platforms) checked in'),
    leads: z.number().int(),
    leadsAccepted: z.number().int(),
    signed: z.number().int(),
    contractValueWan: z.number(),
    ratings: z.number().int(),
    medianRating: z.number().nullable(),
  })
  .meta({ id: 'RoadshowReport' });
export type RoadshowReport = z.infer<typeof RoadshowReport>;
