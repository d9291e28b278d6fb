import { Page } from '../../../packages/core/schemas/common';
import { createRoute, z } from '@hono/zod-openapi';
import { Roadshow, RoadshowInput } from '../../../packages/core/schemas/roadshow';
import * as svc from '../../../packages/services/roadshows';
import { agendaCsv } from '../../../packages/core/roadshow/agenda-table';
import { agendaWorkbook } from '../../../packages/services/agenda-workbook';
import type { Api } from '../app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';

export const RoadshowCreated = z.object({ id: z.string(), status: z.literal('composing') });

export function roadshowRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/roadshows', tags: ['roadshows'], security: bearer,
      summary: '发起场景路演（编排议程） / Trigger a matchmaking roadshow',
      middleware: [allow('bureau')] as const,
      request: body(RoadshowInput),
      responses: { 202: json(RoadshowCreated), ...ERRORS },
    }),
    async (c) => {
      const r = await svc.createRoadshow(c.var.deps, requireRole(c, 'bureau'), c.req.valid('json'));
      return c.json({ id: r.id, status: 'composing' as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows', tags: ['roadshows'], security: bearer,
      summary: '路演列表 / Roadshows',
      responses: { 200: json(Page(Roadshow)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listRoadshows(c.var.deps, requireRole(c, 'bureau')), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}', tags: ['roadshows'], security: bearer,
      summary: '路演议程 / Roadshow status and agenda',
      request: { params: IdParam('id') },
      responses: { 200: json(Roadshow), ...ERRORS },
    }),
    async (c) => c.json(await svc.readRoadshow(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}/agenda.csv', tags: ['roadshows'], security: bearer,
      summary: '导出路演议程（CSV） / Export the agenda as CSV',
      request: { params: IdParam('id') },
      responses: { 200: { description: 'text/csv (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } }, ...ERRORS },
    }),
    async (c) => {
      const r = await svc.readRoadshow(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id);
      return c.body(agendaCsv(r), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="roadshow-${r.id}.csv"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}/agenda.xlsx', tags: ['roadshows'], security: bearer,
      summary: '导出路演议程（Excel） / Export the agenda as an .xlsx workbook',
      request: { params: IdParam('id') },
      responses: { 200: { description: 'xlsx workbook', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...ERRORS },
    }),
    async (c) => {
      const r = await svc.readRoadshow(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id);
      return c.body(await agendaWorkbook(r), 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="roadshow-${r.id}.xlsx"`,
      });
    },
  );
}
