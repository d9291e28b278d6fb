import { createRoute } from '@hono/zod-openapi';
import { ListQuery, Page } from '#core/schemas/common';
import { Notification } from '#core/schemas/notification';
import * as svc from '#services/notifications';
import type { Api } from '../app';
import { requireRole } from '../middleware/auth';
import { ERRORS, bearer, json } from '../openapi';

export function notificationRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/notifications', tags: ['notifications'], security: bearer,
      summary: '我的通知（平台、专家） / My notifications (newest first)',
      request: { query: ListQuery },
      responses: { 200: json(Page(Notification)), ...ERRORS },
    }),
    async (c) => c.json(await svc.myNotifications(c.var.deps, requireRole(c, 'platform', 'expert', 'manufacturer', 'district', 'institution'), c.req.valid('query')), 200),
  );
}
