import { createRoute, z } from '@hono/zod-openapi';
import { Lead } from '../../../packages/core/schemas/lead';
import { CatalogueItem, Proposal, ProposalDecline, ProposalInput, SearchHit, SearchQuery } from '../../../packages/core/schemas/proposal';
import { Domain, Industry, Region } from '../../../packages/core/taxonomy';
import * as svc from '../../../packages/services/catalogue';
import type { Api } from '../app';
import { clientAddress } from '../client-address';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';

export function catalogueRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/scenarios', tags: ['scenarios'],
      summary: '公开场景清单（第八条） / The published scenario catalogue (public)',
      request: { query: z.object({ industry: Industry.optional(), domain: Domain.optional(), region: Region.optional(), q: z.string().trim().max(200).optional() }) },
      responses: { 200: json(z.object({ items: z.array(CatalogueItem) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.catalogue(c.var.deps, c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/scenarios/{id}/proposals', tags: ['scenarios'], security: bearer,
      summary: '揭榜：平台提交方案（按匹配引擎评分并附理由） / A platform steps forward with a proposal',
      middleware: [allow('platform')] as const,
      request: { params: IdParam('id'), ...body(ProposalInput) },
      responses: { 201: json(Proposal), ...ERRORS },
    }),
    async (c) => c.json(await svc.propose(c.var.deps, requireRole(c, 'platform'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/scenarios/{id}/proposals', tags: ['scenarios'], security: bearer,
      summary: '场景的揭榜方案（与匹配结果同一评分尺度） / Proposals for a scenario, best first',
      middleware: [allow('manufacturer', 'bureau')] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(z.object({ items: z.array(Proposal) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listProposals(c.var.deps, requireRole(c, 'manufacturer', 'bureau'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/proposals/{id}/accept', tags: ['scenarios'], security: bearer,
      summary: '接受揭榜方案（生成已接受的线索，source=proposal） / Accept: an accepted lead with source "proposal"',
      middleware: [allow('manufacturer')] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(z.object({ proposal: Proposal, lead: Lead })), ...ERRORS },
    }),
    async (c) => c.json(await svc.accept(c.var.deps, requireRole(c, 'manufacturer'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/proposals/{id}/decline', tags: ['scenarios'], security: bearer,
      summary: '婉拒揭榜方案 / Decline a proposal, with a reason',
      middleware: [allow('manufacturer')] as const,
      request: { params: IdParam('id'), ...body(ProposalDecline) },
      responses: { 200: json(Proposal), ...ERRORS },
    }),
    async (c) => c.json(await svc.decline(c.var.deps, requireRole(c, 'manufacturer'), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/directory/search', tags: ['platforms'],
      summary: '按需求检索入库平台（与匹配同一排序） / Search listed platforms by need (public, throttled)',
      request: { query: SearchQuery },
      responses: { 200: json(z.object({ items: z.array(SearchHit) })), ...ERRORS },
    }),
    async (c) => {
      try {
        return c.json({ items: await svc.searchByNeed(c.var.deps, c.req.valid('query'), clientAddress(c)) }, 200);
      } catch (err) {
        if ((err as { code?: string }).code === 'RATE_LIMITED') c.header('retry-after', String(3600 - (Math.floor(c.var.deps.now().getTime() / 1000) % 3600)));
        throw err;
      }
    },
  );
}
