import { z } from 'zod';
import { Scope } from '../accounts/api-key';
import { ContactInput } from '../accounts/contact';
import { NoticeVersionField } from '../privacy/notices';
import { Role } from '../principal';
import { REGIONS, Region } from '../taxonomy';
import { CreditCode, Text, Timestamp } from './common';

/** enterprise 制造企业 · operator 平台运营单位 · bureau 市工信局 · district 区（市）工信部门 · institution 第三方诊断机构 */
export const OrgKind = z.enum(['enterprise', 'operator', 'bureau', 'district', 'institution']);
export type OrgKind = z.infer<typeof OrgKind>;

/** The role a member of each kind of organisation acts in. */
export const ROLE_OF_KIND: Record<OrgKind, Role> = { enterprise: 'manufacturer', operator: 'platform', bureau: 'bureau', district: 'district', institution: 'institution' };

export const MemberRole = z.enum(['admin', 'member']);
export type MemberRole = z.infer<typeof MemberRole>;

export const BUREAU_ORG_ID = 'bureau';

/**
 * An enterprise's id follows from its 统一社会信用代码 (public for every company): what the bureau
 * imported or a district entered for it before it had an account is its own the moment it signs up.
 */
export const enterpriseOrgId = (creditCode: string) => `ent_${creditCode}`;

/** A diagnosis institution's id, likewise: the diagnoses commissioned to its credit code are its own. */
export const institutionOrgId = (creditCode: string) => `ins_${creditCode}`;

/** The organisation id of a district office: one per region, readable in URLs ("dst_huangdao"). */
export const districtOrgId = (region: Region) => `dst_${REGIONS.find((r) => r.code === region)!.en.split(' ')[0]!.toLowerCase()}`;

export const User = z
  .object({ id: z.string(), contact: z.string(), name: z.string().optional(), createdAt: Timestamp, noticeVersion: z.string().optional().describe('privacy notice version the sign-in page showed at sign-up') })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const Organisation = z
  .object({
    id: z.string(),
    kind: OrgKind,
    name: z.string(),
    creditCode: z.string().optional(),
    region: Region.optional().describe('district organisations: the 区（市） they act for'),
    createdAt: Timestamp,
    createdBy: z.string(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

/** An enterprise or operator signs itself up; only the bureau creates a district's organisation (one per region). */
export const OrganisationInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.enum(['enterprise', 'operator']), name: Text(100, 2), creditCode: CreditCode }),
    z.object({ kind: z.literal('district'), region: Region, name: Text(100, 2).optional().describe('default: 「<region>工业和信息化局」') }),
    z.object({ kind: z.literal('institution'), name: Text(100, 2), creditCode: CreditCode }).describe('第三方诊断机构 (bureau only): diagnoses commissioned to this credit code are its'),
  ])
  .meta({ id: 'OrganisationInput' });
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const Member = z
  .object({ orgId: z.string(), userId: z.string(), contact: z.string(), role: MemberRole, addedAt: Timestamp })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const MemberPatch = z.object({ role: MemberRole }).strict().meta({ id: 'MemberPatch' });

export const InvitationStatus = z.enum(['pending', 'accepted', 'revoked']);
export const Invitation = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    contact: z.string(),
    role: MemberRole,
    status: InvitationStatus,
    invitedBy: z.string(),
    createdAt: Timestamp,
    expiresAtIso: Timestamp,
    noticeVersion: z.string().optional().describe('privacy notice version the inviting form showed'),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const InvitationInput = z
  .object({ contact: ContactInput, role: MemberRole.default('member'), noticeVersion: NoticeVersionField('invitation') })
  .strict()
  .meta({ id: 'InvitationInput' });
export type InvitationInput = z.infer<typeof InvitationInput>;

export const ApiKeyView = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(Scope),
    createdAt: Timestamp,
    createdBy: z.string(),
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const ApiKeyCreated = z
  .object({ id: z.string(), name: z.string(), scopes: z.array(Scope), key: z.string(), createdAt: Timestamp })
  .meta({ id: 'ApiKeyCreated' });

export const ApiKeyInput = z
  .object({
    name: Text(80),
    scopes: z
      .array(Scope)
      .min(1)
      .refine((xs) => new Set(xs).size === xs.length, { message: '存在重复项 / Duplicate entries' }),
  })
  .strict()
  .meta({ id: 'ApiKeyInput' });
export type ApiKeyInput = z.infer<typeof ApiKeyInput>;

export const AuditAction = z.enum([
  'signin.succeeded',
  'signin.code_failed',
  'signin.code_refused',
  'signin.code_throttled',
  'signin.code_not_sent',
  'organisation.created',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'member.role_changed',
  'member.removed',
  'bureau_admin.granted',
  'apikey.created',
  'apikey.revoked',
  'platform.registered',
  'platform.edited',
  'ruleset.changed',
  'expert.retired',
  'objection.contact_shown',
  'objection.contacts_anonymised',
  'personal_data.exported',
  'personal_data.deleted',
  'data_request.created',
  'data_request.confirmed',
  'data_request.refused',
  'selection.recorded',
  'recommendation.quotas_set',
  'recommendation.defence_scheduled',
  'recommendation.final_list_fixed',
  'tracking.run',
  'tracking.decided',
  'tracking.published',
  'application.district_endorsed',
  'application.district_returned',
  'round.district_reminded',
  'support.programme_created',
  'support.grant_proposed',
  'support.grant_approved',
  'support.grant_rejected',
  'support.payment_recorded',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z
  .object({
    id: z.string(),
    at: Timestamp,
    action: AuditAction,
    actor: z.object({ userId: z.string().optional(), role: Role.optional(), via: z.enum(['service', 'user', 'key', 'issuer', 'cli']) }),
    orgId: z.string().optional(),
    target: z.string().optional(),
    ip: z.string().optional(),
    userAgent: z.string().optional(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const Me = z
  .object({
    user: User,
    memberships: z.array(
      z.object({
        orgId: z.string(),
        kind: OrgKind,
        name: z.string(),
        role: MemberRole,
        actAs: z.array(z.object({ org: z.string(), role: Role, label: z.string() })),
      }),
    ),
    invitations: z.array(Invitation),
    experts: z
      .array(z.object({ expertId: z.string(), name: z.string(), affiliation: z.string() }))
      .describe('registered experts whose contact is this person\'s: act as one through the switch provider (`expert` field)'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
