import { createRoute, z } from '@hono/zod-openapi';
import { DefenceScore, DefenceScoreInput, DefenceSession, DefenceSessionInput, FinalList, FinalListInput, QuotaInput, RecommendationPlan, UpstreamLevel } from '#core/schemas/defence';
import * as svc from '#services/defences';
import { finalListPdf } from '#services/documents';
import { finalListWorkbook } from '#services/round-workbooks';
import type { Api } from '../app';
import { pdfFont } from '../pdf-font';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, PDF, XLSX, bearer, binary, body, json, sendFile } from '../openapi';
import { originOf } from '../origin';

const LevelParam = IdParam('id').extend({ level: UpstreamLevel });
const tags = ['recommendation'];

/** 第七条、第十一条: quotas per category, 答辩 sessions scored by a panel, the final list upward. */
export function defenceRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'put', path: '/v1/rounds/{id}/quotas', tags, security: bearer,
      summary: '设定推荐名额与综合规则 / Set recommendation quotas and the combining rule (bureau)',
      description: 'Places per category for the provincial and the national recommendation, and the review weight of the combined score. 409 once a final list is fixed.',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(QuotaInput) },
      responses: { 200: json(RecommendationPlan), ...ERRORS },
    }),
    async (c) => c.json(await svc.setQuotas(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json'), originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rounds/{id}/quotas', tags, security: bearer,
      summary: '推荐名额 / Recommendation quotas (bureau)',
      request: { params: IdParam('id') },
      responses: { 200: json(RecommendationPlan), ...ERRORS },
    }),
    async (c) => c.json(await svc.getQuotas(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/rounds/{id}/defences', tags, security: bearer,
      summary: '安排答辩 / Schedule a 答辩 session (bureau)',
      description: 'Presenters in order, one slot each from `startsAt`; each must be an assessed application of the round eligible for the level (else 409). A panel member with a conflict of interest with any presenter → 409 naming it; nothing is written. The panel and the platforms are notified.',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(DefenceSessionInput) },
      responses: { 201: json(DefenceSession), ...ERRORS },
    }),
    async (c) => c.json(await svc.scheduleDefence(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json'), originOf(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rounds/{id}/defences', tags, security: bearer,
      summary: '答辩安排 / 答辩 sessions (bureau: all; expert: those on whose panel they sit)',
      request: { params: IdParam('id') },
      responses: { 200: json(z.object({ items: z.array(DefenceSession) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listDefences(c.var.deps, requireRole(c, 'bureau', 'expert'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/defences/{id}', tags, security: bearer,
      summary: '答辩详情与评分 / A session with its score sheets and rubric (bureau; a panel member sees their own sheets)',
      request: { params: IdParam('id') },
      responses: { 200: json(DefenceSession.extend({ scores: z.array(DefenceScore), rubric: z.object({ version: z.string(), criteria: z.array(z.any()) }) })), ...ERRORS },
    }),
    async (c) => c.json(await svc.readDefence(c.var.deps, requireRole(c, 'bureau', 'expert'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/defences/{id}/scores/{applicationId}', tags, security: bearer,
      summary: '答辩评分 / A panel member scores one presenter (complete sheet on the defence rubric)',
      middleware: [allow('expert')] as const,
      request: { params: IdParam('id').merge(IdParam('applicationId')), ...body(DefenceScoreInput) },
      responses: { 200: json(DefenceScore), ...ERRORS },
    }),
    async (c) => {
      const { id, applicationId } = c.req.valid('param');
      return c.json(await svc.scoreDefence(c.var.deps, requireRole(c, 'expert'), id, applicationId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rounds/{id}/final-lists/{level}', tags, security: bearer,
      summary: '推荐名单（规则草案或已确定；?format=xlsx 或 pdf 为推荐函附件） / The recommendation list: the rule’s draft or the fixed list (?format=xlsx or pdf: the letter’s attachment)',
      request: { params: LevelParam, query: z.object({ format: z.enum(['json', 'xlsx', 'pdf']).optional() }) },
      responses: {
        200: {
          description: 'the list',
          content: { 'application/json': { schema: FinalList }, [XLSX]: binary, [PDF]: binary },
        },
        ...ERRORS,
      },
    }),
    async (c) => {
      const l = await svc.finalList(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('param').level);
      const format = c.req.valid('query').format;
      const name = `recommendation-${l.level}-${l.year}`;
      if (format === 'xlsx') return sendFile(c, await finalListWorkbook(l), `${name}.xlsx`);
      if (format === 'pdf') return sendFile(c, await finalListPdf(await pdfFont(), l), `${name}.pdf`);
      return c.json(l, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/rounds/{id}/final-lists/{level}', tags, security: bearer,
      summary: '确定推荐名单 / Fix the recommendation list (bureau, once)',
      description: 'Without `applicationIds`, the rule’s selection (within quota per category). With them, the bureau’s choice among the defended: over quota in a category → 409 naming it. Fixed once: a second (or a concurrent) call → 409.',
      middleware: [allow('bureau')] as const,
      request: { params: LevelParam, ...body(FinalListInput) },
      responses: { 201: json(FinalList), ...ERRORS },
    }),
    async (c) => c.json(await svc.fixFinal(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('param').level, c.req.valid('json'), originOf(c)), 201),
  );
}
