import { createRoute } from '@hono/zod-openapi';
import { ApiKeyCreated, ApiKeyInput, ApiKeyView } from '#core/schemas/account';
import { Page } from '#core/schemas/common';
import * as svc from '#services/api-keys';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';
import { originOf } from '../origin';

export function apiKeyRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/api-keys', tags: ['accounts'], security: bearer,
      summary: '创建 API 密钥（仅显示一次） / Create an API key (shown once)',
      middleware: [allow()] as const,
      request: body(ApiKeyInput),
      responses: { 201: json(ApiKeyCreated, 'created'), ...ERRORS },
    }),
    async (c) => c.json(await svc.createApiKey(c.var.deps, requireRole(c), c.req.valid('json'), originOf(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/api-keys', tags: ['accounts'], security: bearer,
      summary: 'API 密钥列表 / API keys',
      responses: { 200: json(Page(ApiKeyView)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listApiKeys(c.var.deps, requireRole(c)), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/api-keys/{id}', tags: ['accounts'], security: bearer,
      summary: '撤销 API 密钥 / Revoke an API key',
      request: { params: IdParam('id') },
      responses: { 204: { description: 'revoked' }, ...ERRORS },
    }),
    async (c) => {
      await svc.revokeApiKey(c.var.deps, requireRole(c), c.req.valid('param').id, originOf(c));
      return c.body(null, 204);
    },
  );
}
