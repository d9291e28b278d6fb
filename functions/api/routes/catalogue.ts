import { createRoute, z } from '@hono/zod-openapi';
import { Lead } from '#core/schemas/lead';
import { CatalogueItem, Proposal, ProposalDecline, ProposalInput, SearchHit, SearchQuery } from '#core/schemas/proposal';
import { Domain, Industry, Region } from '#core/taxonomy';
import { catalogueAtom } from '#core/catalogue-feed';
import * as svc from '#services/catalogue';
import * as subs from '#services/subscriptions';
import { Subscription, SubscriptionInput } from '#core/schemas/subscription';
import { catalogueWorkbook } from '#services/round-workbooks';
import type { Api } from '../app';
import { clientAddress } from '../client-address';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, XLSX, bearer, binary, body, json, sendFile } from '../openapi';

const CatalogueQuery = z.object({ industry: Industry.optional(), domain: Domain.optional(), region: Region.optional(), q: z.string().trim().max(200).optional() });

export function catalogueRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/scenarios.xlsx', tags: ['scenarios'],
      summary: '场景清单 Excel（局方官网发布用） / The catalogue as a workbook',
      request: { query: CatalogueQuery },
      responses: { 200: { description: 'the workbook', content: { [XLSX]: binary } }, ...ERRORS },
    }),
    async (c) => {
      const bytes = await catalogueWorkbook(await svc.catalogue(c.var.deps, c.req.valid('query')), c.var.deps.now().toISOString());
      return sendFile(c, bytes, 'scenarios.xlsx');
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/scenarios.atom', tags: ['scenarios'],
      summary: '场景订阅源（Atom，可按行业） / Atom feed of new scenarios, per industry',
      request: { query: CatalogueQuery },
      responses: { 200: { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: z.string() } } }, ...ERRORS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const base = new URL(c.req.url).origin;
      const xml = catalogueAtom(await svc.catalogue(c.var.deps, q), { base, industry: q.industry, updated: c.var.deps.now().toISOString() });
      return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/scenarios', tags: ['scenarios'],
      summary: '公开场景清单（第八条） / The published scenario catalogue (public)',
      request: { query: CatalogueQuery },
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
      method: 'put', path: '/v1/platforms/{id}/subscription', tags: ['scenarios'], security: bearer,
      summary: '订阅场景（行业、领域；每日至多一次汇总） / Follow industries and domains: a daily digest of new scenarios',
      middleware: [allow('platform')] as const,
      request: { params: IdParam('id'), ...body(SubscriptionInput) },
      responses: { 200: json(Subscription), ...ERRORS },
    }),
    async (c) => c.json(await subs.setSubscription(c.var.deps, requireRole(c, 'platform'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/subscription', tags: ['scenarios'], security: bearer,
      summary: '我的场景订阅 / What this platform follows',
      middleware: [allow('platform')] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(Subscription), ...ERRORS },
    }),
    async (c) => c.json(await subs.getSubscription(c.var.deps, requireRole(c, 'platform'), c.req.valid('param').id), 200),
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
