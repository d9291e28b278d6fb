import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { expiresAtFor } from '#core/privacy/retention';
import type { Invitation, Member, MemberRole, Organisation } from '#core/schemas/account';
import { getItem, putIf, queryAll, strip, transactIf, updateIf, type Item, type Store } from './store';

const orgPk = (id: string) => `ORG#${id}`;
const memberSk = (userId: string) => `MEMBER#${userId}`;
const invitePk = (id: string) => `INVITE#${id}`;

export async function getOrganisation(s: Store, id: string): Promise<Organisation | undefined> {
  const item = await getItem(s, orgPk(id), 'META');
  return item ? strip<Organisation>(item) : undefined;
}

const memberItem = (m: Member): Item => ({ pk: orgPk(m.orgId), sk: memberSk(m.userId), entity: 'member', gsi2pk: `USER#${m.userId}`, gsi2sk: `MEMBER#${m.orgId}`, ...m });

/**
 * The organisation, its credit-code claim and its first admin in one transaction: one
 * organisation per 统一社会信用代码, and never a self-created organisation without an admin (a
 * district's, created by the bureau, gets its admins by invitation).
 */
export async function createOrganisation(s: Store, org: Organisation, admin?: Member): Promise<boolean> {
  const puts: Item[] = [{ pk: orgPk(org.id), sk: 'META', entity: 'organisation', gsi1pk: 'ORGS', gsi1sk: `${org.createdAt}#${org.id}`, ...org }];
  if (admin) puts.push(memberItem(admin));
  if (org.creditCode) puts.push({ pk: `CREDIT#${org.creditCode}`, sk: 'ORG', entity: 'credit-code', orgId: org.id });
  return transactIf(s, puts.map((Item) => ({ Put: { TableName: s.table, Item, ConditionExpression: 'attribute_not_exists(pk)' } })));
}

/** The bureau exists once; creating it again is a no-op. */
export async function ensureOrganisation(s: Store, org: Organisation): Promise<void> {
  await putIf(s, { pk: orgPk(org.id), sk: 'META', entity: 'organisation', gsi1pk: 'ORGS', gsi1sk: `${org.createdAt}#${org.id}`, ...org }, 'attribute_not_exists(pk)');
}

/** Read with ConsistentRead: a removal or role change must show on the very next request. */
export async function getMember(s: Store, orgId: string, userId: string): Promise<Member | undefined> {
  const item = await getItem(s, orgPk(orgId), memberSk(userId));
  return item ? strip<Member>(item) : undefined;
}

export async function putMember(s: Store, m: Member): Promise<boolean> {
  return putIf(s, memberItem(m), 'attribute_not_exists(pk)');
}

export async function listMembers(s: Store, orgId: string): Promise<Member[]> {
  return (await queryAll<Item>(s, { pk: orgPk(orgId), skPrefix: 'MEMBER#' })).map((i) => strip<Member>(i));
}

export async function membershipsOf(s: Store, userId: string): Promise<Member[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: `USER#${userId}`, skPrefix: 'MEMBER#' })).map((i) => strip<Member>(i));
}

export async function setMemberRole(s: Store, orgId: string, userId: string, role: MemberRole): Promise<boolean> {
  const res = await updateIf(s, {
    Key: { pk: orgPk(orgId), sk: memberSk(userId) },
    UpdateExpression: 'SET #r = :r',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#r': 'role' },
    ExpressionAttributeValues: { ':r': role },
  });
  return res !== false;
}

export async function deleteMember(s: Store, orgId: string, userId: string): Promise<boolean> {
  const res = await s.db.send(new DeleteCommand({ TableName: s.table, Key: { pk: orgPk(orgId), sk: memberSk(userId) }, ReturnValues: 'ALL_OLD' }));
  return !!res.Attributes;
}

/** An operator organisation's platforms: written when one of its people registers a platform. */
export async function linkPlatform(s: Store, operatorId: string, platformId: string, name: string, at: string): Promise<void> {
  await putIf(s, { pk: orgPk(operatorId), sk: `PLATFORM#${platformId}`, entity: 'operated-platform', platformId, name, linkedAt: at }, 'attribute_not_exists(pk)');
}

export async function platformsOf(s: Store, operatorId: string): Promise<{ platformId: string; name: string }[]> {
  return (await queryAll<{ platformId: string; name: string }>(s, { pk: orgPk(operatorId), skPrefix: 'PLATFORM#' })).map(({ platformId, name }) => ({ platformId, name }));
}

export async function createInvitation(s: Store, inv: Invitation): Promise<void> {
  await putIf(
    s,
    { pk: invitePk(inv.id), sk: 'META', entity: 'invitation', gsi1pk: `INVITES#${inv.orgId}`, gsi1sk: inv.id, gsi2pk: `INVITEE#${inv.contact}`, gsi2sk: inv.id, expiresAt: expiresAtFor('invitation', inv.expiresAtIso), ...inv },
    'attribute_not_exists(pk)',
  );
}

export async function getInvitation(s: Store, id: string): Promise<Invitation | undefined> {
  const item = await getItem(s, invitePk(id), 'META');
  return item ? strip<Invitation>(item) : undefined;
}

export async function invitationsOf(s: Store, orgId: string): Promise<Invitation[]> {
  return (await queryAll<Item>(s, { index: 'gsi1', pk: `INVITES#${orgId}` })).map((i) => strip<Invitation>(i));
}

export async function invitationsFor(s: Store, contact: string): Promise<Invitation[]> {
  return (await queryAll<Item>(s, { index: 'gsi2', pk: `INVITEE#${contact}` })).map((i) => strip<Invitation>(i));
}

/** pending → accepted | revoked, once; accepting also writes the membership, atomically. */
export async function closeInvitation(s: Store, id: string, status: 'accepted' | 'revoked', member?: Member): Promise<boolean> {
  const update = {
    Update: {
      TableName: s.table,
      Key: { pk: invitePk(id), sk: 'META' },
      UpdateExpression: 'SET #st = :to',
      ConditionExpression: '#st = :pending',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':to': status, ':pending': 'pending' },
    },
  };
  // An existing membership is overwritten: accepting an invitation as admin promotes a member.
  const items = member ? [update, { Put: { TableName: s.table, Item: memberItem(member) } }] : [update];
  return transactIf(s, items);
}
