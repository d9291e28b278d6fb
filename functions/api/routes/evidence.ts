import { createRoute, z } from '@hono/zod-openapi';
import { Page } from '#core/schemas/common';
import { Evidence, EvidenceInput, EvidenceUpload } from '#core/schemas/evidence';
import * as svc from '#services/evidence';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';

const Params = IdParam('id').merge(IdParam('evidenceId'));

export function evidenceRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/applications/{id}/evidence', tags: ['rounds'], security: bearer,
      summary: '登记申报材料并获取上传地址（S3 预签名 PUT） / Announce an evidence file; get a presigned upload URL',
      description: 'PUT the file to `uploadUrl` with the given headers (type and exact size are signed), then call `…/verify`. At most 20 MB.',
      middleware: [allow('platform', 'bureau')] as const,
      request: { params: IdParam('id'), ...body(EvidenceInput) },
      responses: { 201: json(EvidenceUpload), ...ERRORS },
    }),
    async (c) => c.json(await svc.declareEvidence(c.var.deps, requireRole(c, 'platform', 'bureau'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/applications/{id}/evidence', tags: ['rounds'], security: bearer,
      summary: '申报材料（申报平台、局方、分配的评审专家） / Evidence files with download links',
      request: { params: IdParam('id') },
      responses: { 200: json(Page(Evidence)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listEvidence(c.var.deps, requireRole(c), c.req.valid('param').id), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/applications/{id}/evidence/{evidenceId}/verify', tags: ['rounds'], security: bearer,
      summary: '上传后校验（大小与 SHA-256） / Verify an uploaded file (size and SHA-256)',
      middleware: [allow('platform', 'bureau')] as const,
      request: { params: Params },
      responses: { 200: json(Evidence), ...ERRORS },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      return c.json(await svc.verifyEvidence(c.var.deps, requireRole(c, 'platform', 'bureau'), id, evidenceId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/applications/{id}/evidence/{evidenceId}', tags: ['rounds'], security: bearer,
      summary: '撤回未校验或校验失败的材料 / Withdraw a pending or rejected file',
      middleware: [allow('platform', 'bureau')] as const,
      request: { params: Params },
      responses: { 204: { description: 'withdrawn' }, ...ERRORS },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      await svc.withdrawEvidence(c.var.deps, requireRole(c, 'platform', 'bureau'), id, evidenceId);
      return c.body(null, 204);
    },
  );
}
