import { createRoute, z } from '@hono/zod-openapi';
import { Page } from '#core/schemas/common';
import { Rubric } from '#core/review/rubric';
import { ConflictInput, Expert, ExpertInput, ExpertRetireInput, Recommendations, Review, ReviewAssignInput, ReviewScoresInput } from '#core/schemas/review';
import { recommendationsWorkbook } from '#services/round-workbooks';
import * as svc from '#services/reviews';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, XLSX, bearer, binary, body, etag, ifMatch, json, sendFile } from '../openapi';


export function reviewRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/experts', tags: ['expert review'], security: bearer,
      summary: '登记评审专家 / Register an expert',
      middleware: [allow('bureau')] as const,
      request: body(ExpertInput),
      responses: { 201: json(Expert), ...ERRORS },
    }),
    async (c) => c.json(await svc.registerExpert(c.var.deps, requireRole(c, 'bureau'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/experts', tags: ['expert review'], security: bearer,
      summary: '专家库 / Experts',
      responses: { 200: json(Page(Expert)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listExperts(c.var.deps, requireRole(c, 'bureau')), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/experts/{id}/retire', tags: ['expert review'], security: bearer,
      summary: '专家退出专家库 / Retire an expert',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(ExpertRetireInput) },
      responses: { 200: json(Expert), ...ERRORS },
    }),
    async (c) => c.json(await svc.retireExpert(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/experts/{id}/conflicts', tags: ['expert review'], security: bearer,
      summary: '申明利益冲突（专家本人或局方） / Declare a conflict of interest',
      middleware: [allow('expert', 'bureau')] as const,
      request: { params: IdParam('id'), ...body(ConflictInput) },
      responses: { 200: json(Expert), ...ERRORS },
    }),
    async (c) => c.json(await svc.declareConflict(c.var.deps, requireRole(c, 'expert', 'bureau'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/review-rubrics', tags: ['expert review'],
      summary: '各类平台评分细则（当前版本） / The active per-category rubric',
      responses: { 200: json(Rubric), ...ERRORS },
    }),
    async (c) => c.json(await svc.activeRubric(c.var.deps), 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/review-rubrics/{version}', tags: ['expert review'], security: bearer,
      summary: '发布新版评分细则 / Publish a new rubric version',
      middleware: [allow('bureau')] as const,
      request: {
        params: z.object({ version: z.string().max(64).openapi({ param: { name: 'version', in: 'path' } }) }),
        body: { content: { 'application/json': { schema: Rubric } }, required: true },
      },
      responses: { 201: json(Rubric), ...ERRORS },
    }),
    async (c) => c.json(await svc.loadRubric(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').version, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/rounds/{id}/reviews', tags: ['expert review'], security: bearer,
      summary: '分配评审专家组（第十一条；利益冲突回避） / Assign an expert panel',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(ReviewAssignInput) },
      responses: { 201: json(z.object({ items: z.array(Review) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.assignReviews(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json')) }, 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/reviews', tags: ['expert review'], security: bearer,
      summary: '评审任务（专家：自己的；局方：全部） / Reviews',
      request: { query: z.object({ roundId: z.string().max(64).optional() }) },
      responses: { 200: json(Page(Review)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listReviews(c.var.deps, requireRole(c, 'expert', 'bureau'), c.req.valid('query').roundId), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/reviews/{id}', tags: ['expert review'], security: bearer,
      summary: '评审任务详情 / A review',
      request: { params: IdParam('id') },
      responses: { 200: json(Review), ...ERRORS },
    }),
    async (c) => {
      const r = await svc.readReview(c.var.deps, requireRole(c, 'expert', 'bureau'), c.req.valid('param').id);
      c.header('etag', etag(r.version));
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/reviews/{id}', tags: ['expert review'], security: bearer,
      summary: '保存评分（提交前可修改） / Save scores and comment',
      middleware: [allow('expert')] as const,
      request: { params: IdParam('id'), ...body(ReviewScoresInput) },
      responses: { 200: json(Review), ...ERRORS },
    }),
    async (c) => {
      const r = await svc.saveScores(c.var.deps, requireRole(c, 'expert'), c.req.valid('param').id, c.req.valid('json'), ifMatch(c));
      c.header('etag', etag(r.version));
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/reviews/{id}/submit', tags: ['expert review'], security: bearer,
      summary: '提交评分 / Submit the score sheet',
      middleware: [allow('expert')] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(Review), ...ERRORS },
    }),
    async (c) => c.json(await svc.submitReview(c.var.deps, requireRole(c, 'expert'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rounds/{id}/recommendations', tags: ['expert review'], security: bearer,
      summary: '推荐名单（按类别排名） / Recommendations per category',
      request: { params: IdParam('id') },
      responses: { 200: json(Recommendations), ...ERRORS },
    }),
    async (c) => c.json(await svc.recommendations(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rounds/{id}/recommendations.xlsx', tags: ['expert review'], security: bearer,
      summary: '导出推荐名单（Excel，含每位专家评分与意见） / Export recommendations as .xlsx',
      request: { params: IdParam('id') },
      responses: { 200: { description: 'xlsx workbook', content: { [XLSX]: binary } }, ...ERRORS },
    }),
    async (c) => {
      const r = await svc.recommendations(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id);
      return sendFile(c, await recommendationsWorkbook(r), `recommendations-${r.year}.xlsx`);
    },
  );
}
