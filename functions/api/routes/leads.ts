import { createRoute, z } from '@hono/zod-openapi';
import { ListQuery, Page } from '#core/schemas/common';
import { ConfirmInput, DeclineInput, Lead, LeadStatus, ProgressInput, RatingInput } from '#core/schemas/lead';
import * as svc from '#services/leads';
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
    async (c) => c.json(await svc.listLeads(c.var.deps, requireRole(c, 'platform', 'bureau', 'district'), c.req.valid('query')), 200),
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
      c.json(await svc.decide(c.var.deps, requireRole(c, 'platform'), c.req.valid('param').id, 'declined', c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/leads/{id}', tags: ['leads'], security: bearer,
      summary: '线索详情与进展 / A lead with its history (its platform, the scenario\'s manufacturer, bureau)',
      request: { params: IdParam('id') },
      responses: { 200: json(Lead), ...ERRORS },
    }),
    async (c) => c.json(await svc.getLeadFor(c.var.deps, requireRole(c, 'platform', 'manufacturer', 'bureau', 'district'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/scenarios/{id}/leads', tags: ['leads'], security: bearer,
      summary: '本场景的对接线索 / Leads of a scenario (its manufacturer, bureau)',
      request: { params: IdParam('id') },
      responses: { 200: json(z.object({ items: z.array(Lead) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.leadsOfScenario(c.var.deps, requireRole(c, 'manufacturer', 'bureau', 'district'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/leads/{id}/progress', tags: ['leads'], security: bearer,
      summary: '推进线索：已联系 → 方案洽谈 → 签约 → 交付，或未成交 / Move an accepted lead forward (forward only)',
      middleware: [allow('platform')] as const,
      request: { params: IdParam('id'), ...body(ProgressInput) },
      responses: { 200: json(Lead), ...ERRORS },
    }),
    async (c) => c.json(await svc.progress(c.var.deps, requireRole(c, 'platform'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/leads/{id}/confirm', tags: ['leads'], security: bearer,
      summary: '企业确认签约或交付 / The manufacturer confirms signing or delivery',
      middleware: [allow('manufacturer', 'platform', 'bureau')] as const,
      request: { params: IdParam('id'), ...body(ConfirmInput) },
      responses: { 200: json(Lead), ...ERRORS },
    }),
    async (c) => c.json(await svc.confirm(c.var.deps, requireRole(c, 'manufacturer', 'platform', 'bureau'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/leads/{id}/rating', tags: ['leads'], security: bearer,
      summary: '企业评价平台（1–5 星） / The manufacturer rates the platform (1–5 stars)',
      middleware: [allow('manufacturer', 'platform', 'bureau')] as const,
      request: { params: IdParam('id'), ...body(RatingInput) },
      responses: { 200: json(Lead), ...ERRORS },
    }),
    async (c) => c.json(await svc.rate(c.var.deps, requireRole(c, 'manufacturer', 'platform', 'bureau'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
