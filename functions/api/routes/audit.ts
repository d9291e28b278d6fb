import { createRoute, z } from '@hono/zod-openapi';
import { AuditEntry } from '#core/schemas/account';
import { ListQuery, Page } from '#core/schemas/common';
import { listAudit } from '#services/audit';
import type { Api } from '../app';
import { allow } from '../middleware/auth';
import { ERRORS, bearer, json } from '../openapi';

export function auditRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/audit', tags: ['accounts'], security: bearer,
      summary: '审计日志 / Audit log',
      middleware: [allow('bureau')] as const,
      request: { query: ListQuery.extend({ month: z.string().regex(/^\d{4}-\d{2}$/).optional().describe('YYYY-MM, default this month (UTC)') }) },
      responses: { 200: json(Page(AuditEntry)), ...ERRORS },
    }),
    async (c) => c.json(await listAudit(c.var.deps, c.req.valid('query')), 200),
  );
}
