import { createRoute, z } from '@hono/zod-openapi';
import { ApproveInput, EligibleRow, Grant, GrantInput, PaymentInput, Programme, ProgrammeInput, RejectInput } from '#core/schemas/support';
import { supportLedgerWorkbook } from '#services/round-workbooks';
import * as svc from '#services/support';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, XLSX, bearer, binary, body, json, sendFile } from '../openapi';
import { originOf } from '../origin';

const Ledger = z.object({ programme: Programme, grants: z.array(Grant) });

export function supportRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/support-programmes', tags: ['support'], security: bearer,
      summary: '设立奖补项目（第十七条） / Create a support programme',
      middleware: [allow('bureau')] as const,
      request: body(ProgrammeInput),
      responses: { 201: json(Programme), ...ERRORS },
    }),
    async (c) => c.json(await svc.createProgramme(c.var.deps, requireRole(c, 'bureau'), c.req.valid('json'), originOf(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/support-programmes', tags: ['support'], security: bearer,
      summary: '奖补项目 / Support programmes',
      responses: { 200: json(z.object({ items: z.array(Programme) })), ...ERRORS },
    }),
    async (c) => {
      requireRole(c);
      return c.json({ items: await svc.listProgrammes(c.var.deps) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/support-programmes/{id}/eligibility', tags: ['support'], security: bearer,
      summary: '符合条件的平台及理由 / Platforms against the rule, with reasons',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(z.object({ items: z.array(EligibleRow) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.eligibility(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/support-programmes/{id}/grants', tags: ['support'], security: bearer,
      summary: '平台申请或局方推荐 / A platform applies, or the bureau nominates',
      middleware: [allow('bureau', 'platform')] as const,
      request: { params: IdParam('id'), ...body(GrantInput) },
      responses: { 201: json(Grant), ...ERRORS },
    }),
    async (c) => c.json(await svc.proposeGrant(c.var.deps, requireRole(c, 'bureau', 'platform'), c.req.valid('param').id, c.req.valid('json'), originOf(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/grants/{id}/approve', tags: ['support'], security: bearer,
      summary: '核定（不超预算） / Approve within the budget',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(ApproveInput) },
      responses: { 200: json(Grant), ...ERRORS },
    }),
    async (c) => c.json(await svc.approve(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json'), originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/grants/{id}/reject', tags: ['support'], security: bearer,
      summary: '不予支持（须说明） / Reject, with a note',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(RejectInput) },
      responses: { 200: json(Grant), ...ERRORS },
    }),
    async (c) => c.json(await svc.reject(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json').note, originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/grants/{id}/payments', tags: ['support'], security: bearer,
      summary: '登记拨付（不超核定） / Record a payment within the approval',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(PaymentInput) },
      responses: { 201: json(Grant), ...ERRORS },
    }),
    async (c) => c.json(await svc.pay(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json'), originOf(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/support-programmes/{id}/ledger', tags: ['support'], security: bearer,
      summary: '奖补台账（?format=xlsx 为 Excel） / The ledger (?format=xlsx for Excel)',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), query: z.object({ format: z.enum(['json', 'xlsx']).optional() }) },
      responses: { 200: { description: 'the ledger', content: { 'application/json': { schema: Ledger }, [XLSX]: binary } }, ...ERRORS },
    }),
    async (c) => {
      const l = await svc.ledger(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id);
      if (c.req.valid('query').format !== 'xlsx') return c.json(l, 200);
      return sendFile(c, await supportLedgerWorkbook(l), `support-${l.programme.id}.xlsx`);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/grants', tags: ['support'], security: bearer,
      summary: '平台获得的奖补 / A platform’s grants',
      request: { params: IdParam('id') },
      responses: { 200: json(z.object({ items: z.array(Grant) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.platformGrants(c.var.deps, requireRole(c), c.req.valid('param').id) }, 200),
  );
}
