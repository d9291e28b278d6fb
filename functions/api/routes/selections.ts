import { createRoute, z } from '@hono/zod-openapi';
import { Selection, SelectionBody, SelectionInput, SelectionYear } from '#core/schemas/selection';
import * as svc from '#services/selections';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';
import { originOf } from '../origin';

const DecisionParams = IdParam('id').extend({
  year: z.string().max(8).openapi({ param: { name: 'year', in: 'path' } }),
  body: SelectionBody.openapi({ param: { name: 'body', in: 'path' } }),
});

export function selectionRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'put', path: '/v1/platforms/{id}/selections/{year}/{body}', tags: ['rounds'], security: bearer,
      summary: '登记省级/国家级遴选结果（文号、日期） / Record the province’s or MIIT’s decision on a recommended platform',
      middleware: [allow('bureau')] as const,
      request: { params: DecisionParams, ...body(SelectionInput) },
      responses: { 200: json(Selection), ...ERRORS },
    }),
    async (c) => {
      const { id, year, body: by } = c.req.valid('param');
      return c.json(await svc.recordSelection(c.var.deps, requireRole(c, 'bureau'), id, year, by, c.req.valid('json'), originOf(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/selections', tags: ['rounds'],
      summary: '平台的省级/国家级遴选结果（公开：仅入选） / A platform’s upstream results (public: selections only)',
      request: { params: IdParam('id') },
      responses: { 200: json(z.object({ items: z.array(Selection) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.platformSelections(c.var.deps, c.var.principal, c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/selections', tags: ['rounds'], security: bearer,
      summary: '推荐与入选（按年度） / Recommended vs selected, by year',
      middleware: [allow('bureau')] as const,
      request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
      responses: { 200: json(z.object({ items: z.array(Selection), years: z.array(SelectionYear) })), ...ERRORS },
    }),
    async (c) => c.json(await svc.listSelections(c.var.deps, requireRole(c, 'bureau'), c.req.valid('query').year), 200),
  );
}
