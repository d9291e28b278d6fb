import { createRoute, z } from '@hono/zod-openapi';
import { Adjustments, TrackingCase, TrackingDecisionInput, TrackingReplyInput, TrackingRun, TrackingRunInput } from '#core/schemas/tracking';
import * as svc from '#services/tracking';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';
import { originOf } from '../origin';

const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'path' } }) });
const tags = ['tracking'];

/** 第十二–十三条 动态评价: the yearly check, 申辩, the bureau's decision and the public adjustments. */
export function trackingRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/tracking/{year}/run', tags, security: bearer,
      summary: '年度跟踪检查 / Run the yearly check of last year’s 名录 (bureau)',
      description: 'For each platform in the `year − 1` 名录: no report for `year` → a `missing_report` case; assessed below its listed level → `level_drop`. One case per platform and year (running again opens nothing new); each new case notifies the platform (inbox, webhook `tracking.opened`) with its reply window.',
      middleware: [allow('bureau')] as const,
      request: { params: YearParam, ...body(TrackingRunInput) },
      responses: { 200: json(TrackingRun), ...ERRORS },
    }),
    async (c) => c.json(await svc.runTracking(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').year, c.req.valid('json'), originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/tracking/{year}/cases', tags, security: bearer,
      summary: '跟踪事项 / Tracking cases of the year (bureau: all; platform: its own)',
      request: { params: YearParam },
      responses: { 200: json(z.object({ items: z.array(TrackingCase) })), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listCases(c.var.deps, requireRole(c, 'bureau', 'platform'), c.req.valid('param').year) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/tracking-cases/{id}', tags, security: bearer,
      summary: '跟踪事项详情 / A tracking case', request: { params: IdParam('id') },
      responses: { 200: json(TrackingCase), ...ERRORS },
    }),
    async (c) => c.json(await svc.readCase(c.var.deps, requireRole(c, 'bureau', 'platform'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/tracking-cases/{id}/reply', tags, security: bearer,
      summary: '申辩 / The platform explains (once, within the reply window)',
      middleware: [allow('platform')] as const,
      request: { params: IdParam('id'), ...body(TrackingReplyInput) },
      responses: { 200: json(TrackingCase), ...ERRORS },
    }),
    async (c) => c.json(await svc.replyToCase(c.var.deps, requireRole(c, 'platform'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/tracking-cases/{id}/decide', tags, security: bearer,
      summary: '决定保留、降级或移出 / Decide keep, downgrade or remove (bureau; a note is required)',
      description: 'Before the platform replied, only once its reply window has closed (409). Decided once.',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(TrackingDecisionInput) },
      responses: { 200: json(TrackingCase), ...ERRORS },
    }),
    async (c) => c.json(await svc.decideCase(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json'), originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/tracking/{year}/publish', tags, security: bearer,
      summary: '发布动态调整名单 / Publish the year’s adjustments (bureau; every case decided)',
      description: 'Dated and fixed once published; applied when the year’s 名录 is published (removed platforms are not listed, downgraded ones capped).',
      middleware: [allow('bureau')] as const,
      request: { params: YearParam },
      responses: { 200: json(Adjustments), ...ERRORS },
    }),
    async (c) => c.json(await svc.publishAdjustments(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').year, originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/adjustments/{year}', tags,
      summary: '动态调整名单（公开） / The year’s published adjustments (public)',
      request: { params: YearParam },
      responses: { 200: json(Adjustments), ...ERRORS },
    }),
    async (c) => c.json(await svc.publicAdjustments(c.var.deps, c.req.valid('param').year), 200),
  );
}
