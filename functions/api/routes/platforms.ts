import { createRoute, z } from '@hono/zod-openapi';
import { ListQuery, Page } from '#core/schemas/common';
import { Platform, PlatformInput, PlatformPatch } from '#core/schemas/platform';
import { Solution, SolutionInput } from '#core/schemas/solution';
import { Category, Industry, Region } from '#core/taxonomy';
import { webhookSecret } from '#core/webhook';
import { directoryPage } from '#db/platforms';
import { actorOf, audit } from '#services/audit';
import * as svc from '#services/platforms';
import { publicTitles } from '#services/selections';
import { storeOf } from '#services/store';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, etag, ifMatch, json } from '../openapi';
import { originOf } from '../origin';

const PlatformOut = Platform;
export const DirectoryRow = z
  .object({
    id: z.string(),
    name: z.string(),
    category: Category,
    subtype: z.string().optional(),
    region: Region,
    industries: Platform.shape.industries.describe('GB/T 4754 divisions served; empty = cross-industry 跨行业'),
    level: z.number().int(),
    eligibility: Platform.shape.eligibility,
    assessedYear: z.number().int().nullable(),
    operator: z.string(),
    selections: z.array(z.string()).describe('published upstream results, newest first, e.g. "2026 省级重点平台 / 2026 provincial key platform"'),
  })
  .openapi('DirectoryRow');

/** The public view drops nothing secret but the webhook address. */
const publicPlatform = (p: svc.PlatformView) => {
  const { webhookUrl, assessmentSeq, operatorOrgId, ...rest } = p;
  void webhookUrl, assessmentSeq, operatorOrgId;
  return rest;
};

export function platformRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/platforms', tags: ['platforms'], security: bearer,
      summary: '注册平台 / Register a platform',
      middleware: [allow('platform', 'bureau')] as const,
      request: body(PlatformInput),
      responses: { 201: json(PlatformOut, 'created'), ...ERRORS },
    }),
    async (c) => {
      const who = requireRole(c, 'platform', 'bureau');
      const p = await svc.registerPlatform(c.var.deps, who, c.req.valid('json'));
      await audit(c.var.deps, { action: 'platform.registered', actor: actorOf(who), orgId: p.operatorOrgId, target: p.id, details: { name: p.name } }, originOf(c));
      c.header('etag', etag(p.version));
      return c.json(publicPlatform(p) as z.infer<typeof PlatformOut>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}', tags: ['platforms'],
      summary: '平台详情 / Platform profile',
      request: { params: IdParam('id') },
      responses: { 200: json(PlatformOut), ...ERRORS },
    }),
    async (c) => {
      const p = await svc.getPlatform(c.var.deps, c.req.valid('param').id);
      const who = c.var.principal;
      c.header('etag', etag(p.version));
      const view = who && (who.role === 'bureau' || who.org === p.id) ? { ...publicPlatform(p), webhookUrl: p.webhookUrl } : publicPlatform(p);
      return c.json(view as z.infer<typeof PlatformOut>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/platforms/{id}', tags: ['platforms'], security: bearer,
      summary: '修改平台信息（If-Match 乐观锁） / Edit a platform (If-Match)',
      middleware: [allow()] as const,
      request: { params: IdParam('id'), ...body(PlatformPatch) },
      responses: { 200: json(PlatformOut), ...ERRORS },
    }),
    async (c) => {
      const who = requireRole(c);
      const patch = c.req.valid('json');
      const p = await svc.patchPlatform(c.var.deps, who, c.req.valid('param').id, patch, ifMatch(c));
      await audit(c.var.deps, { action: 'platform.edited', actor: actorOf(who), orgId: p.operatorOrgId, target: p.id, details: { fields: Object.keys(patch).join(' '), version: p.version } }, originOf(c));
      c.header('etag', etag(p.version));
      return c.json({ ...publicPlatform(p), webhookUrl: p.webhookUrl } as z.infer<typeof PlatformOut>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/webhook-secret', tags: ['platforms'], security: bearer,
      summary: '线索推送签名密钥 / Secret to verify lead webhooks (X-Signature)',
      request: { params: IdParam('id') },
      responses: { 200: json(z.object({ platformId: z.string(), secret: z.string(), algorithm: z.literal('HMAC-SHA256') })), ...ERRORS },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      svc.assertCanEdit(requireRole(c, 'platform', 'bureau'), id);
      await svc.getPlatform(c.var.deps, id);
      return c.json({ platformId: id, secret: webhookSecret(c.var.deps.settings.AUTH_SECRET, id), algorithm: 'HMAC-SHA256' as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/platforms/{id}/solutions', tags: ['platforms'], security: bearer,
      summary: '新增解决方案 / Add a solution',
      middleware: [allow('platform', 'bureau')] as const,
      request: { params: IdParam('id'), ...body(SolutionInput) },
      responses: { 201: json(Solution, 'created'), ...ERRORS },
    }),
    async (c) => c.json(await svc.addSolution(c.var.deps, requireRole(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/solutions', tags: ['platforms'],
      summary: '平台解决方案 / A platform’s solutions',
      request: { params: IdParam('id') },
      responses: { 200: json(Page(Solution)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listSolutions(c.var.deps, c.req.valid('param').id), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/platforms/{id}/solutions/{sid}', tags: ['platforms'], security: bearer,
      summary: '删除解决方案 / Delete a solution',
      request: { params: IdParam('id').merge(IdParam('sid')) },
      responses: { 204: { description: 'deleted' }, ...ERRORS },
    }),
    async (c) => {
      const { id, sid } = c.req.valid('param');
      await svc.removeSolution(c.var.deps, requireRole(c), id, sid);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/directory', tags: ['platforms'],
      summary: '培优名录（公开） / The published directory (public)',
      request: {
        query: ListQuery.extend({
          category: Category.optional(),
          level: z.coerce.number().int().min(1).max(3).optional(),
          region: Region.optional(),
          industry: Industry.optional().describe('platforms serving this industry, cross-industry ones included'),
        }),
      },
      responses: { 200: json(Page(DirectoryRow)), ...ERRORS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const [page, titles] = await Promise.all([directoryPage(storeOf(c.var.deps), q), publicTitles(c.var.deps)]);
      return c.json(
        {
          items: page.items.map((p) => ({
            id: p.id, name: p.name, category: p.category, subtype: p.subtype, region: p.region, industries: p.industries,
            level: p.level, eligibility: p.eligibility, assessedYear: p.assessedYear, operator: p.operator.name,
            selections: titles.get(p.id) ?? [],
          })),
          cursor: page.cursor,
        },
        200,
      );
    },
  );
}
