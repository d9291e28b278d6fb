import { Page } from '#core/schemas/common';
import { createRoute, z } from '@hono/zod-openapi';
import { IndicatorReport } from '#core/indicators';
import { Assessment } from '#core/maturity/assess';
import { RuleSet } from '#core/maturity/rule-set';
import { reportedYears } from '#db/indicators';
import * as svc from '#services/assessment';
import { assertCanEdit, getPlatform } from '#services/platforms';
import { storeOf } from '#services/store';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, json } from '../openapi';
import { actorOf, audit } from '#services/audit';
import { originOf } from '../origin';

export const Accepted = z.object({ platformId: z.string(), year: z.number().int(), version: z.number().int(), status: z.literal('assessing') });
const YearParam = IdParam('id').extend({ year: z.string().max(8).openapi({ param: { name: 'year', in: 'path' } }) });

export function indicatorRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'put', path: '/v1/platforms/{id}/indicators/{year}', tags: ['indicators'], security: bearer,
      summary: '年度成熟度指标申报（触发重新评定） / Report yearly indicators (triggers reassessment)',
      middleware: [allow('platform', 'bureau')] as const,
      description: 'Body: `{ general, specific }`; `specific` must be the block of the platform’s category. Each report is kept as a new version.',
      request: {
        params: YearParam,
        body: { content: { 'application/json': { schema: IndicatorReport } }, required: true },
      },
      responses: { 202: json(Accepted, 'accepted; assessment runs asynchronously'), ...ERRORS },
    }),
    async (c) => {
      const { id, year } = c.req.valid('param');
      // The union above only checks shape; the platform's own category is enforced in the service.
      return c.json(await svc.reportIndicators(c.var.deps, requireRole(c, 'platform', 'bureau'), id, year, c.req.valid('json')), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/indicators', tags: ['indicators'], security: bearer,
      summary: '已申报年度 / Reported years',
      request: { params: IdParam('id') },
      responses: { 200: json(Page(z.object({ year: z.number().int(), version: z.number().int() }))), ...ERRORS },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const who = requireRole(c);
      assertCanEdit(who, id);
      await getPlatform(c.var.deps, id);
      const years = await reportedYears(storeOf(c.var.deps), id);
      return c.json({ items: years.map((y) => ({ year: y.year, version: y.version })).sort((a, b) => b.year - a.year), cursor: null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/assessment', tags: ['indicators'],
      summary: '当前成熟度评定 / Current maturity assessment',
      request: { params: IdParam('id') },
      responses: { 200: json(Assessment), ...ERRORS },
    }),
    async (c) => c.json(await svc.currentAssessment(c.var.deps, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/assessments', tags: ['indicators'],
      summary: '评定历史 / Assessment history',
      request: { params: IdParam('id') },
      responses: {
        200: json(Page(z.object({ year: z.number(), level: z.number(), ruleSetVersion: z.string(), assessedAt: z.string(), summary: z.object({ zh: z.string(), en: z.string() }) }))),
        ...ERRORS,
      },
    }),
    async (c) => c.json({ items: await svc.assessmentHistory(c.var.deps, c.req.valid('param').id), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/rule-sets/{version}', tags: ['indicators'], security: bearer,
      summary: '加载新版评定规则并重新评定全部平台 / Load a rule-set version and reassess all platforms',
      middleware: [allow('bureau')] as const,
      request: {
        params: z.object({ version: z.string().max(64).openapi({ param: { name: 'version', in: 'path' } }) }),
        body: { content: { 'application/json': { schema: RuleSet } }, required: true },
      },
      responses: { 202: json(z.object({ version: z.string(), active: z.boolean(), reassessing: z.number().int() })), ...ERRORS },
    }),
    async (c) => {
      const who = requireRole(c, 'bureau');
      const result = await svc.loadRuleSet(c.var.deps, c.req.valid('param').version, c.req.valid('json'));
      await audit(c.var.deps, { action: 'ruleset.changed', actor: actorOf(who), target: result.version, details: { active: result.active, reassessing: result.reassessing } }, originOf(c));
      return c.json(result, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rule-sets/active', tags: ['indicators'],
      summary: '当前评定规则 / The active rule set',
      responses: { 200: json(RuleSet), ...ERRORS },
    }),
    async (c) => c.json(await svc.activeRuleSet(c.var.deps), 200),
  );
}
