import { createRoute, z } from '@hono/zod-openapi';
import { Diagnosis, DiagnosisInput, DiagnosisReportInput, PlatformDiagnoses } from '#core/schemas/diagnosis';
import * as svc from '#services/diagnoses';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';

export function diagnosisRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/platforms/{id}/diagnoses', tags: ['diagnosis'], security: bearer,
      summary: '委托第三方机构现场诊断（第十四条） / Commission an on-site diagnosis',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(DiagnosisInput) },
      responses: { 201: json(Diagnosis), ...ERRORS },
    }),
    async (c) => c.json(await svc.commission(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/diagnoses/{id}/report', tags: ['diagnosis'], security: bearer,
      summary: '提交诊断报告（受托机构，或局方代录） / File the report (the assigned institution, or the bureau for it)',
      description: 'Findings by portrait dimension and recommendations. Attached once (409 after); an institution not assigned this diagnosis → 404.',
      middleware: [allow('bureau', 'institution')] as const,
      request: { params: IdParam('id'), ...body(DiagnosisReportInput) },
      responses: { 200: json(Diagnosis), ...ERRORS },
    }),
    async (c) => c.json(await svc.attachReport(c.var.deps, requireRole(c, 'bureau', 'institution'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/diagnoses', tags: ['diagnosis'], security: bearer,
      summary: '诊断报告与当前瓶颈（平台本身、局方；受托机构只见其受托的诊断） / Diagnoses beside the platform’s bottlenecks',
      request: { params: IdParam('id') },
      responses: { 200: json(PlatformDiagnoses), ...ERRORS },
    }),
    async (c) => c.json(await svc.platformDiagnoses(c.var.deps, requireRole(c, 'bureau', 'platform', 'manufacturer', 'expert', 'institution'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/diagnoses', tags: ['diagnosis'], security: bearer,
      summary: '诊断任务 / Diagnoses (bureau: all; an institution: those assigned to it)',
      responses: { 200: json(z.object({ items: z.array(Diagnosis) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listDiagnoses(c.var.deps, requireRole(c, 'bureau', 'institution')) }, 200),
  );
}
