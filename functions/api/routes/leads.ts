import { createRoute, z } from '@hono/zod-openapi';
import { ListQuery, Page } from '../../../packages/core/schemas/common';
import { DeclineInput, Lead, LeadStatus } from '../../../packages/core/schemas/lead';
import * as svc from '../../../packages/services/leads';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';

export function leadRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/leads', tags: ['leads'], security: bearer,
      summary: '供需对接线索 / Leads (platform: own; bureau: all)',
      request: { query: ListQuery.extend({ status: LeadStatus.optional() }) },
      responses: { 200: json(Page(Lead)), ...ERRORS },
    }),
    async (c) => c.json(await svc.listLeads(c.var.deps, requireRole(c, 'platform', 'bureau'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/leads/{id}/accept', tags: ['leads'], security: bearer,
      summary: '接受线索 / Accept a lead',
      request: { params: IdParam('id') },
      responses: { 200: json(Lead), ...ERRORS },
    }),
    async (c) => c.json(await svc.decide(c.var.deps, requireRole(c, 'platform'), c.req.valid('param').id, 'accepted'), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/leads/{id}/decline', tags: ['leads'], security: bearer,
      summary: '婉拒线索（须说明原因） / Decline a lead (with reason)',
      middleware: [allow('platform')] as const,
      request: { params: IdParam('id'), ...body(DeclineInput) },
      responses: { 200: json(Lead), ...ERRORS },
    }),
    async (c) =>
      c.json(await svc.decide(c.var.deps, requireRole(c, 'platform'), c.req.valid('param').id, 'declined', c.req.valid('json').reason), 200),
  );
  void z;
}
