import { createRoute, z } from '@hono/zod-openapi';
import { Page } from '#core/schemas/common';
import { Application, ApplicationInput, DistrictReminder, EndorseInput, NoticeInput, ReturnInput, Round, RoundInput } from '#core/schemas/round';
import { Region } from '#core/taxonomy';
import { remindDistrict } from '#services/district-reminders';
import * as svc from '#services/rounds';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';
import { originOf } from '../origin';

const READERS = ['bureau', 'platform', 'expert', 'manufacturer', 'district'] as const;

export function roundRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/rounds', tags: ['rounds'], security: bearer,
      summary: '发布年度培优申报（第九条） / Announce the yearly round',
      middleware: [allow('bureau')] as const,
      request: body(RoundInput),
      responses: { 201: json(Round), ...ERRORS },
    }),
    async (c) => c.json(await svc.openRound(c.var.deps, requireRole(c, 'bureau'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rounds', tags: ['rounds'],
      summary: '年度轮次（公开） / Rounds (public)',
      responses: { 200: json(Page(Round)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listRounds(c.var.deps), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rounds/{id}', tags: ['rounds'],
      summary: '轮次详情（公开） / A round (public)',
      request: { params: IdParam('id') },
      responses: { 200: json(Round), ...ERRORS },
    }),
    async (c) => c.json(await svc.mustGetRound(c.var.deps, c.req.valid('param').id), 200),
  );

  for (const [action, summary] of [
    ['close', '截止申报 / Close the application window'],
    ['notice', '开始社会公示（第十条） / Start the public notice'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post', path: `/v1/rounds/{id}/${action}`, tags: ['rounds'], security: bearer, summary,
        middleware: [allow('bureau')] as const,
        request: { params: IdParam('id'), body: { content: { 'application/json': { schema: NoticeInput } }, required: false } },
        responses: { 200: json(Round), ...ERRORS },
      }),
      async (c) => {
        const who = requireRole(c, 'bureau');
        const id = c.req.valid('param').id;
        if (action === 'close') return c.json(await svc.closeRound(c.var.deps, who, id), 200);
        // The body is optional: no content-type means "default notice period".
        const endsAt = c.req.header('content-type') ? (c.req.valid('json') as z.infer<typeof NoticeInput> | undefined)?.endsAt : undefined;
        return c.json(await svc.startNotice(c.var.deps, who, id, endsAt), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/rounds/{id}/applications', tags: ['rounds'], security: bearer,
      summary: '申报入库（企业填报、自主入库） / Apply to the round',
      description: 'Idempotent per (round, platform): applying again answers 200 with the existing application.',
      middleware: [allow('platform', 'bureau')] as const,
      request: { params: IdParam('id'), ...body(ApplicationInput) },
      responses: { 201: json(Application), 200: json(Application, 'already applied'), ...ERRORS },
    }),
    async (c) => {
      const r = await svc.apply(c.var.deps, requireRole(c, 'platform', 'bureau'), c.req.valid('param').id, c.req.valid('json').platformId);
      return r.created ? c.json(r.application, 201) : c.json(r.application, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rounds/{id}/applications', tags: ['rounds'], security: bearer,
      summary: '本轮申报（局方：全部；区市：本区市；平台：自己的） / Applications of a round',
      request: { params: IdParam('id') },
      responses: { 200: json(Page(Application)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listApplications(c.var.deps, requireRole(c, ...READERS), c.req.valid('param').id), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/applications/{id}', tags: ['rounds'], security: bearer,
      summary: '申报详情（申报平台、局方、分配的评审专家） / An application',
      request: { params: IdParam('id') },
      responses: { 200: json(Application), ...ERRORS },
    }),
    async (c) => c.json(await svc.applicationView(c.var.deps, requireRole(c, ...READERS), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/applications/{id}/submit', tags: ['rounds'], security: bearer,
      summary: '提交申报（按本轮年度指标评定） / Submit for assessment',
      middleware: [allow('platform', 'bureau')] as const,
      request: { params: IdParam('id') },
      responses: { 202: json(Application, 'accepted; assessed asynchronously'), ...ERRORS },
    }),
    async (c) => c.json(await svc.submit(c.var.deps, requireRole(c, 'platform', 'bureau'), c.req.valid('param').id), 202),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/applications/{id}/return', tags: ['rounds'], security: bearer,
      summary: '退回补正（局方；区市初审时所在区市） / Return for correction (补正) with a comment',
      middleware: [allow('bureau', 'district')] as const,
      request: { params: IdParam('id'), ...body(ReturnInput) },
      responses: { 200: json(Application), ...ERRORS },
    }),
    async (c) => c.json(await svc.returnApplication(c.var.deps, requireRole(c, 'bureau', 'district'), c.req.valid('param').id, c.req.valid('json').comment, originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/applications/{id}/endorse', tags: ['rounds'], security: bearer,
      summary: '区（市）初审推荐（所在区市，或局方代为） / District first review: endorse for the city list',
      middleware: [allow('bureau', 'district')] as const,
      request: { params: IdParam('id'), ...body(EndorseInput) },
      responses: { 200: json(Application), ...ERRORS },
    }),
    async (c) => c.json(await svc.endorse(c.var.deps, requireRole(c, 'bureau', 'district'), c.req.valid('param').id, c.req.valid('json').comment, originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/rounds/{id}/districts/{district}/remind', tags: ['rounds'], security: bearer,
      summary: '催办区（市）初审 / Remind a district of applications awaiting its first review (bureau)',
      description: 'The district\'s inbox gets one notice per round and day; its people with an e-mail contact are messaged each time. 409 when the round has no district review or nothing waits in that district.',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id').extend({ district: Region }) },
      responses: { 200: json(DistrictReminder), ...ERRORS },
    }),
    async (c) => {
      const { id, district } = c.req.valid('param');
      return c.json(await remindDistrict(c.var.deps, requireRole(c, 'bureau'), id, district, originOf(c)), 200);
    },
  );
}
