import { createRoute, z } from '@hono/zod-openapi';
import { Label, ListQuery, Page } from '#core/schemas/common';
import * as svc from '#services/notifications';
import type { Api } from '../app';
import { requireRole } from '../middleware/auth';
import { ERRORS, bearer, json } from '../openapi';

const Notification = z
  .object({
    id: z.string(),
    recipient: z.object({ kind: z.enum(['platform', 'expert', 'enterprise', 'district']), id: z.string() }),
    event: z.string().describe('application.assessed | application.returned | application.rejected | review.assigned | directory.published'),
    title: Label,
    body: Label,
    ref: z.string(),
    at: z.string(),
  })
  .meta({ id: 'Notification' });

export function notificationRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/notifications', tags: ['notifications'], security: bearer,
      summary: '我的通知（平台、专家） / My notifications (newest first)',
      request: { query: ListQuery },
      responses: { 200: json(Page(Notification)), ...ERRORS },
    }),
    async (c) => c.json(await svc.myNotifications(c.var.deps, requireRole(c, 'platform', 'expert', 'manufacturer', 'district'), c.req.valid('query')), 200),
  );
}
