import { createRoute, z } from '@hono/zod-openapi';
import { Id, ListQuery, Page, Text } from '#core/schemas/common';
import { Matches, Scenario, ScenarioInput, ScenarioStatus } from '#core/schemas/scenario';
import { Industry } from '#core/taxonomy';
import * as svc from '#services/scenarios';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';

const BatchInput = z
  .object({ batch: Text(100).describe('批次名称，如「第3批场景清单」'), scenarioIds: z.array(Id).min(1).max(200) })
  .strict()
  .openapi('ScenarioBatch');
const BatchResult = z.object({
  batch: z.string(),
  published: z.number().int(),
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: ScenarioStatus.optional(), error: z.string().optional() })),
});

/** Matches plus the platforms that were sent a lead. */
export const MatchesView = Matches.extend({ selected: z.array(z.string()) });

/** Every role reads scenarios as its rules allow; a district reads its region's (第四条). */
const SCENARIO_READERS = ['bureau', 'manufacturer', 'platform', 'expert', 'district'] as const;

export function scenarioRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/scenarios', tags: ['scenarios'], security: bearer,
      summary: '发布需求草稿 / Post a scenario (draft)',
      description: 'A manufacturer posts its own need. A district (代为填报) posts for an enterprise of its region that has no account yet: the scenario belongs to the enterprise named by `enterprise.creditCode` and is marked `enteredByDistrict`; the enterprise owns it once it signs up with that credit code.',
      middleware: [allow('manufacturer', 'district')] as const,
      request: body(ScenarioInput),
      responses: { 201: json(Scenario, 'created'), ...ERRORS },
    }),
    async (c) => c.json(await svc.createScenario(c.var.deps, requireRole(c, 'manufacturer', 'district'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/scenarios/{id}/publish', tags: ['scenarios'], security: bearer,
      summary: '发布场景（开始匹配） / Publish a scenario (starts matching)',
      request: { params: IdParam('id') },
      responses: { 202: json(Scenario, 'accepted; matching runs asynchronously'), ...ERRORS },
    }),
    async (c) => c.json(await svc.publishScenario(c.var.deps, requireRole(c, 'manufacturer', 'bureau', 'district'), c.req.valid('param').id), 202),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/scenarios/batches', tags: ['scenarios'], security: bearer,
      summary: '批量发布场景清单（市工信局） / Publish a scenario batch (bureau)',
      middleware: [allow('bureau')] as const,
      request: body(BatchInput),
      responses: { 202: json(BatchResult), ...ERRORS },
    }),
    async (c) => {
      const { batch, scenarioIds } = c.req.valid('json');
      return c.json(await svc.publishBatch(c.var.deps, requireRole(c, 'bureau'), batch, scenarioIds), 202);
    },
  );

  for (const action of ['close', 'withdraw'] as const) {
    app.openapi(
      createRoute({
        method: 'post', path: `/v1/scenarios/{id}/${action}`, tags: ['scenarios'], security: bearer,
        summary: action === 'close' ? '关闭场景 / Close a scenario' : '撤回场景 / Withdraw a scenario',
        request: { params: IdParam('id') },
        responses: { 200: json(Scenario), ...ERRORS },
      }),
      async (c) =>
        c.json(await svc.changeStatus(c.var.deps, requireRole(c, 'manufacturer', 'bureau'), c.req.valid('param').id, action === 'close' ? 'closed' : 'withdrawn'), 200),
    );
  }

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/scenarios/{id}', tags: ['scenarios'], security: bearer,
      summary: '场景详情 / A scenario',
      request: { params: IdParam('id') },
      responses: { 200: json(Scenario), ...ERRORS },
    }),
    async (c) => c.json(await svc.readScenario(c.var.deps, requireRole(c, ...SCENARIO_READERS), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/scenarios', tags: ['scenarios'], security: bearer,
      summary: '场景列表 / Scenarios (bureau: all; district: its region; manufacturer: own; platform: published)',
      request: { query: ListQuery.extend({ status: ScenarioStatus.optional(), industry: Industry.optional() }) },
      responses: { 200: json(Page(Scenario)), ...ERRORS },
    }),
    async (c) => c.json(await svc.listScenarios(c.var.deps, requireRole(c, ...SCENARIO_READERS), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/scenarios/{id}/matches', tags: ['scenarios'], security: bearer,
      summary: '匹配结果及理由 / Ranked matches with reasons',
      request: { params: IdParam('id') },
      responses: { 200: json(MatchesView), ...ERRORS },
    }),
    async (c) => c.json(await svc.scenarioMatches(c.var.deps, requireRole(c, 'manufacturer', 'bureau'), c.req.valid('param').id), 200),
  );
}
