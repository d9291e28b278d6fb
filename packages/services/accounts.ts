import { maskContact, parseContact } from '#core/accounts/contact';
import { AppError, conflict, forbidden, notFound } from '#core/errors';
import { newId } from '#core/ids';
import type { Principal } from '#core/principal';
import type { Region } from '#core/taxonomy';
import {
  BUREAU_ORG_ID,
  districtOrgId,
  enterpriseOrgId,
  institutionOrgId,
  ROLE_OF_KIND,
  type Invitation,
  type InvitationInput,
  type Me,
  type Member,
  type MemberRole,
  type Organisation,
  type OrganisationInput,
  type User,
} from '#core/schemas/account';
import type { Expert } from '#core/schemas/review';
import * as orgs from '#db/organisations';
import { expertIdByContact, getExpert } from '#db/reviews';
import { getUser } from '#db/users';
import type { Deps } from '#runtime/deps';
import { actorOf, audit, type Origin } from './audit';
import { nowIso, storeOf } from './store';

const INVITATION_TTL_DAYS = 14;

/** Who is asking: a signed-in person (always), and what their token currently acts as (maybe). */
export interface Caller {
  userId: string;
  principal?: Principal;
}

export async function mustGetUser(deps: Deps, userId: string): Promise<User> {
  const u = await getUser(storeOf(deps), userId);
  if (!u) throw new AppError('UNAUTHENTICATED');
  return u;
}

/** Every org/platform a person may act for, as the token `org` and `role` it would carry. */
export async function actingOptions(deps: Deps, userId: string): Promise<Me['memberships']> {
  const s = storeOf(deps);
  const members = await orgs.membershipsOf(s, userId);
  const out: Me['memberships'] = [];
  for (const m of members) {
    const org = await orgs.getOrganisation(s, m.orgId);
    if (!org) continue;
    const role = ROLE_OF_KIND[org.kind];
    const actAs =
      org.kind === 'operator'
        ? [{ org: org.id, role, label: `${org.name}（尚未选择平台 / no platform chosen）` }, ...(await orgs.platformsOf(s, org.id)).map((p) => ({ org: p.platformId, role, label: p.name }))]
        : [{ org: org.kind === 'bureau' ? BUREAU_ORG_ID : org.id, role, label: org.name }];
    out.push({ orgId: org.id, kind: org.kind, name: org.name, role: m.role, actAs });
  }
  return out;
}

/** The registered expert whose contact is this person's verified contact (one per contact), if any. */
async function expertOfContact(deps: Deps, contact: string): Promise<Expert | undefined> {
  const id = await expertIdByContact(storeOf(deps), contact);
  return id ? getExpert(storeOf(deps), id) : undefined;
}

/**
 * Whether this person may act as expert `expertId` now: the bureau registered the expert with the
 * contact the person signed in with. Asked by the switch provider and again on every request.
 */
export async function expertForPerson(deps: Deps, userId: string, expertId: string): Promise<Expert | undefined> {
  const user = await getUser(storeOf(deps), userId);
  const expert = user ? await expertOfContact(deps, user.contact) : undefined;
  return expert?.id === expertId ? expert : undefined;
}

export async function me(deps: Deps, userId: string): Promise<Me> {
  const user = await mustGetUser(deps, userId);
  const now = nowIso(deps);
  const invitations = (await orgs.invitationsFor(storeOf(deps), user.contact)).filter((i) => i.status === 'pending' && i.expiresAtIso > now);
  const expert = await expertOfContact(deps, user.contact);
  const experts = expert ? [{ expertId: expert.id, name: expert.name, affiliation: expert.affiliation }] : [];
  return { user, memberships: await actingOptions(deps, userId), invitations, experts };
}

/** 第十条 企业填报、自主入库: the first person of an enterprise or operator creates it and is its admin. */
export async function createOrganisation(deps: Deps, caller: Caller, input: OrganisationInput, origin: Origin): Promise<Organisation> {
  if (input.kind === 'district') return createDistrictOrganisation(deps, caller, input.region, input.name, origin);
  if (input.kind === 'institution') return createInstitution(deps, caller, input.name, input.creditCode, origin);
  const user = await mustGetUser(deps, caller.userId);
  const at = nowIso(deps);
  const org: Organisation = { id: input.kind === 'enterprise' ? enterpriseOrgId(input.creditCode) : newId('opr', deps.now().getTime()), kind: input.kind, name: input.name, creditCode: input.creditCode, createdAt: at, createdBy: user.id };
  const admin: Member = { orgId: org.id, userId: user.id, contact: user.contact, role: 'admin', addedAt: at };
  if (!(await orgs.createOrganisation(storeOf(deps), org, admin)))
    throw conflict('该统一社会信用代码已登记 / An organisation with this credit code already exists');
  await audit(deps, { action: 'organisation.created', actor: { userId: user.id, via: 'user' }, orgId: org.id, target: org.id, details: { kind: org.kind, creditCode: input.creditCode } }, origin);
  return org;
}

/** 第十四条: the bureau registers a third-party diagnosis institution, then invites its people. */
async function createInstitution(deps: Deps, caller: Caller, name: string, creditCode: string, origin: Origin): Promise<Organisation> {
  if (caller.principal?.role !== 'bureau') throw forbidden();
  const org: Organisation = { id: institutionOrgId(creditCode), kind: 'institution', name, creditCode, createdAt: nowIso(deps), createdBy: caller.userId };
  if (!(await orgs.createOrganisation(storeOf(deps), org))) throw conflict('该统一社会信用代码已登记 / An organisation with this credit code already exists');
  await audit(deps, { action: 'organisation.created', actor: actorFor(caller), orgId: org.id, target: org.id, details: { kind: org.kind, creditCode } }, origin);
  return org;
}

/**
 * 第四条: the bureau sets up each 区（市） office's organisation, then invites its staff (who are
 * members, not its creator). One per region; creating it again answers 409.
 */
async function createDistrictOrganisation(deps: Deps, caller: Caller, region: Region, name: string | undefined, origin: Origin): Promise<Organisation> {
  if (caller.principal?.role !== 'bureau') throw forbidden();
  const org: Organisation = { id: districtOrgId(region), kind: 'district', name: name ?? `${region}工业和信息化局`, region, createdAt: nowIso(deps), createdBy: caller.userId };
  if (!(await orgs.createOrganisation(storeOf(deps), org)))
    throw conflict(`${region}的区（市）组织已存在 / The district organisation for ${region} already exists`);
  await audit(deps, { action: 'organisation.created', actor: actorFor(caller), orgId: org.id, target: org.id, details: { kind: org.kind, region } }, origin);
  return org;
}

async function mustGetOrg(deps: Deps, orgId: string): Promise<Organisation> {
  const org = await orgs.getOrganisation(storeOf(deps), orgId);
  if (!org) throw notFound('组织 organisation');
  return org;
}

/**
 * Members see their organisation; its admins manage it; the bureau sees and manages any (support).
 * Outsiders get 404 so organisation ids reveal nothing.
 */
async function access(deps: Deps, caller: Caller, orgId: string, need: 'read' | 'manage'): Promise<Organisation> {
  const org = await mustGetOrg(deps, orgId);
  if (caller.principal?.role === 'bureau') return org;
  const m = await orgs.getMember(storeOf(deps), orgId, caller.userId);
  if (!m) throw notFound('组织 organisation');
  if (need === 'manage' && m.role !== 'admin') throw forbidden();
  return org;
}

/**
 * Admins manage membership by contact and see contacts in full; other members (and the bureau's
 * support view) see them masked, except their own.
 */
export async function listMembers(deps: Deps, caller: Caller, orgId: string): Promise<Member[]> {
  await access(deps, caller, orgId, 'read');
  const members = await orgs.listMembers(storeOf(deps), orgId);
  const admin = members.some((m) => m.userId === caller.userId && m.role === 'admin');
  return admin ? members : members.map((m) => (m.userId === caller.userId ? m : { ...m, contact: maskContact(m.contact) }));
}

/** An organisation always keeps one admin: the last one cannot be demoted or removed. */
async function assertNotLastAdmin(deps: Deps, orgId: string, userId: string) {
  const members = await orgs.listMembers(storeOf(deps), orgId);
  const admins = members.filter((m) => m.role === 'admin');
  if (admins.length === 1 && admins[0]!.userId === userId) throw conflict('组织至少需要一名管理员 / An organisation needs at least one admin');
}

export async function changeMemberRole(deps: Deps, caller: Caller, orgId: string, userId: string, role: MemberRole, origin: Origin): Promise<Member> {
  await access(deps, caller, orgId, 'manage');
  const current = await orgs.getMember(storeOf(deps), orgId, userId);
  if (!current) throw notFound('成员 member');
  if (current.role === 'admin' && role !== 'admin') await assertNotLastAdmin(deps, orgId, userId);
  if (!(await orgs.setMemberRole(storeOf(deps), orgId, userId, role))) throw notFound('成员 member');
  await audit(deps, { action: 'member.role_changed', actor: actorFor(caller), orgId, target: userId, details: { from: current.role, to: role } }, origin);
  return { ...current, role };
}

export async function removeMember(deps: Deps, caller: Caller, orgId: string, userId: string, origin: Origin): Promise<void> {
  await access(deps, caller, orgId, 'manage');
  const current = await orgs.getMember(storeOf(deps), orgId, userId);
  if (!current) throw notFound('成员 member');
  if (current.role === 'admin') await assertNotLastAdmin(deps, orgId, userId);
  if (!(await orgs.deleteMember(storeOf(deps), orgId, userId))) throw notFound('成员 member');
  await audit(deps, { action: 'member.removed', actor: actorFor(caller), orgId, target: userId, details: { contact: current.contact } }, origin);
}

const actorFor = (caller: Caller) => actorOf(caller.principal, caller.userId);

export async function invite(deps: Deps, caller: Caller, orgId: string, input: InvitationInput, origin: Origin): Promise<Invitation> {
  const org = await access(deps, caller, orgId, 'manage');
  const at = deps.now();
  const inv: Invitation = {
    id: newId('inv', at.getTime()),
    orgId,
    orgName: org.name,
    contact: input.contact,
    role: input.role,
    status: 'pending',
    invitedBy: caller.userId,
    createdAt: at.toISOString(),
    expiresAtIso: new Date(at.getTime() + INVITATION_TTL_DAYS * 86_400_000).toISOString(),
    noticeVersion: input.noticeVersion,
  };
  await orgs.createInvitation(storeOf(deps), inv);
  await deps.messenger.send(parseContact(inv.contact)!, {
    subject: `邀请加入「${org.name}」 / Invitation to join ${org.name}`,
    text: `您被邀请加入「${org.name}」（工赋青岛）。请用此${inv.contact.includes('@') ? '邮箱' : '手机号'}登录后接受邀请。 / You were invited to join ${org.name} on 工赋青岛; sign in with this contact to accept.`,
    sms: { template: 'invitation', params: [] },
  });
  await audit(deps, { action: 'invitation.created', actor: actorFor(caller), orgId, target: inv.id, details: { contact: inv.contact, role: inv.role } }, origin);
  return inv;
}

export async function listInvitations(deps: Deps, caller: Caller, orgId: string): Promise<Invitation[]> {
  await access(deps, caller, orgId, 'manage');
  return orgs.invitationsOf(storeOf(deps), orgId);
}

export async function revokeInvitation(deps: Deps, caller: Caller, orgId: string, invitationId: string, origin: Origin): Promise<void> {
  await access(deps, caller, orgId, 'manage');
  const inv = await orgs.getInvitation(storeOf(deps), invitationId);
  if (!inv || inv.orgId !== orgId) throw notFound('邀请 invitation');
  if (!(await orgs.closeInvitation(storeOf(deps), invitationId, 'revoked'))) throw conflict('邀请已处理 / The invitation is no longer pending');
  await audit(deps, { action: 'invitation.revoked', actor: actorFor(caller), orgId, target: invitationId }, origin);
}

/** Only the person the invitation was sent to (same verified contact) can accept it, once. */
export async function acceptInvitation(deps: Deps, caller: Caller, invitationId: string, origin: Origin): Promise<Member> {
  const user = await mustGetUser(deps, caller.userId);
  const inv = await orgs.getInvitation(storeOf(deps), invitationId);
  if (!inv || inv.contact !== user.contact) throw notFound('邀请 invitation');
  if (inv.status !== 'pending' || inv.expiresAtIso <= nowIso(deps)) throw conflict('邀请已失效 / The invitation is no longer valid');
  const member: Member = { orgId: inv.orgId, userId: user.id, contact: user.contact, role: inv.role, addedAt: nowIso(deps) };
  if (!(await orgs.closeInvitation(storeOf(deps), invitationId, 'accepted', member))) throw conflict('邀请已失效 / The invitation is no longer valid');
  await audit(deps, { action: 'invitation.accepted', actor: { userId: user.id, via: 'user' }, orgId: inv.orgId, target: invitationId }, origin);
  return member;
}
