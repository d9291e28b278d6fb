import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Invitation, InvitationInput, Me, Member, MemberPatch, Organisation, OrganisationInput } from '#core/schemas/account';
import { Page } from '#core/schemas/common';
import * as svc from '#services/accounts';
import type { Api } from '../app';
import type { ApiEnv } from '../env';
import { requireAccount } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';
import { originOf } from '../origin';

/** A signed-in person, or the bureau acting through a service token (support and operations). */
function caller(c: Context<ApiEnv>): svc.Caller {
  const p = c.var.principal;
  if (!c.var.account && p?.role === 'bureau' && p.via === 'service') return { userId: p.userId, principal: p };
  return requireAccount(c);
}

const OrgParam = IdParam('id');
const MemberParam = IdParam('id').merge(IdParam('userId'));

export function accountRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/me', tags: ['accounts'], security: bearer,
      summary: '我的组织与邀请 / My organisations and invitations',
      responses: { 200: json(Me), ...ERRORS },
    }),
    async (c) => c.json(await svc.me(c.var.deps, requireAccount(c).userId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/organisations', tags: ['accounts'], security: bearer,
      summary: '创建企业、平台运营单位或区（市）组织 / Create an enterprise, operator or district office',
      description: 'A person creates their enterprise or operator and becomes its admin. `kind: "district"` is the bureau\'s: one organisation per region, whose staff it then invites.',
      request: body(OrganisationInput),
      responses: { 201: json(Organisation, 'created'), ...ERRORS },
    }),
    async (c) => c.json(await svc.createOrganisation(c.var.deps, ['district', 'institution'].includes(c.req.valid('json').kind) ? caller(c) : requireAccount(c), c.req.valid('json'), originOf(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/organisations/{id}/members', tags: ['accounts'], security: bearer,
      summary: '成员 / Members', request: { params: OrgParam },
      responses: { 200: json(Page(Member)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listMembers(c.var.deps, caller(c), c.req.valid('param').id), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/organisations/{id}/members/{userId}', tags: ['accounts'], security: bearer,
      summary: '设置成员角色 / Set a member’s role',
      request: { params: MemberParam, ...body(MemberPatch) },
      responses: { 200: json(Member), ...ERRORS },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await svc.changeMemberRole(c.var.deps, caller(c), id, userId, c.req.valid('json').role, originOf(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/organisations/{id}/members/{userId}', tags: ['accounts'], security: bearer,
      summary: '移除成员 / Remove a member',
      request: { params: MemberParam },
      responses: { 204: { description: 'removed' }, ...ERRORS },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      await svc.removeMember(c.var.deps, caller(c), id, userId, originOf(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/organisations/{id}/invitations', tags: ['accounts'], security: bearer,
      summary: '邀请成员 / Invite a member',
      request: { params: OrgParam, ...body(InvitationInput) },
      responses: { 201: json(Invitation, 'created'), ...ERRORS },
    }),
    async (c) => c.json(await svc.invite(c.var.deps, caller(c), c.req.valid('param').id, c.req.valid('json'), originOf(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/organisations/{id}/invitations', tags: ['accounts'], security: bearer,
      summary: '邀请列表 / Invitations', request: { params: OrgParam },
      responses: { 200: json(Page(Invitation)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listInvitations(c.var.deps, caller(c), c.req.valid('param').id), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/organisations/{id}/invitations/{invitationId}', tags: ['accounts'], security: bearer,
      summary: '撤销邀请 / Revoke an invitation',
      request: { params: IdParam('id').merge(IdParam('invitationId')) },
      responses: { 204: { description: 'revoked' }, ...ERRORS },
    }),
    async (c) => {
      const { id, invitationId } = c.req.valid('param');
      await svc.revokeInvitation(c.var.deps, caller(c), id, invitationId, originOf(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/invitations/{id}/accept', tags: ['accounts'], security: bearer,
      summary: '接受邀请 / Accept an invitation', request: { params: IdParam('id') },
      responses: { 200: json(Member), ...ERRORS },
    }),
    async (c) => c.json(await svc.acceptInvitation(c.var.deps, requireAccount(c), c.req.valid('param').id, originOf(c)), 200),
  );
}
