import { Page } from '#core/schemas/common';
import { createRoute, z } from '@hono/zod-openapi';
import { Roadshow, RoadshowInput, RoadshowPatch } from '#core/schemas/roadshow';
import { CheckInInput, CheckInResult, CloseInput, MetPair, RatingInput, RegistrationCreated, RegistrationInput, ReplyInput, RoadshowInvitation, RoadshowRating, RoadshowRegistration, RoadshowReport } from '#core/schemas/roadshow-event';
import * as events from '#services/roadshow-events';
import { registrationsWorkbook } from '#services/agenda-workbook';
import { clientAddress } from '../client-address';
import * as svc from '#services/roadshows';
import { agendaCsv } from '#core/roadshow/agenda-table';
import { agendaWorkbook } from '#services/agenda-workbook';
import type { Api } from '../app';

import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, XLSX, bearer, binary, body, etag, ifMatch, json, sendFile } from '../openapi';

export const RoadshowCreated = z.object({ id: z.string(), status: z.literal('composing') });

/** The bureau runs the city's events; a district those it hosts in its region (the services check which). */
const HOSTS = ['bureau', 'district'] as const;

export function roadshowRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'post', path: '/v1/roadshows', tags: ['roadshows'], security: bearer,
      summary: '发起场景路演（编排议程） / Trigger a matchmaking roadshow',
      description: 'The bureau, or a district for a dated event whose `venue.region` is its own (区级活动; only its region\'s scenarios are paired, the event shows `hostDistrict`). The city sees every event; a district its own.',
      middleware: [allow(...HOSTS)] as const,
      request: body(RoadshowInput),
      responses: { 202: json(RoadshowCreated), ...ERRORS },
    }),
    async (c) => {
      const r = await svc.createRoadshow(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('json'));
      return c.json({ id: r.id, status: 'composing' as const }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows', tags: ['roadshows'], security: bearer,
      summary: '路演列表 / Roadshows',
      responses: { 200: json(Page(Roadshow)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.listRoadshows(c.var.deps, requireRole(c, ...HOSTS)), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}', tags: ['roadshows'], security: bearer,
      summary: '路演议程 / Roadshow status and agenda',
      request: { params: IdParam('id') },
      responses: { 200: json(Roadshow), ...ERRORS },
    }),
    async (c) => c.json(await svc.readRoadshow(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}/agenda.csv', tags: ['roadshows'], security: bearer,
      summary: '导出路演议程（CSV） / Export the agenda as CSV',
      request: { params: IdParam('id') },
      responses: { 200: { description: 'text/csv (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } }, ...ERRORS },
    }),
    async (c) => {
      const r = await svc.readRoadshow(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id);
      return sendFile(c, agendaCsv(r), `roadshow-${r.id}.csv`);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}/agenda.xlsx', tags: ['roadshows'], security: bearer,
      summary: '导出路演议程（Excel） / Export the agenda as an .xlsx workbook',
      request: { params: IdParam('id') },
      responses: { 200: { description: 'xlsx workbook', content: { [XLSX]: binary } }, ...ERRORS },
    }),
    async (c) => {
      const r = await svc.readRoadshow(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id);
      return sendFile(c, await agendaWorkbook(r), `roadshow-${r.id}.xlsx`);
    },
  );

  eventRoutes(app);
}

// ---- roadshows as events (issue 20) ----------------------------------------------------------------

const Items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

const PublicAgendaEntry = z.object({
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  room: z.number().int().optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  platforms: z.array(z.object({ platformId: z.string(), platformName: z.string() })),
});
export const PublicRoadshow = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    status: z.string(),
    venue: z.object({ address: z.string(), region: z.string(), park: z.string().optional() }).optional(),
    date: z.string().optional(),
    startsAt: z.string().optional(),
    endsAt: z.string().optional(),
    rsvpBy: z.string().optional(),
    rooms: z.number().int().optional(),
    breaks: z.array(z.object({ startsAt: z.string(), endsAt: z.string(), label: z.string().optional() })),
    capacity: z.number().int(),
    seatsLeft: z.number().int(),
    registrationOpen: z.boolean(),
    agenda: z.array(PublicAgendaEntry),
  })
  .meta({ id: 'PublicRoadshow' });

function eventRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/roadshows/{id}', tags: ['roadshows'], security: bearer,
      summary: '修改活动场地或时间（发布后通知所有受邀方） / Edit venue or time (after publishing, every invitee is told)',
      description: 'A new startsAt moves the whole agenda by the same amount. Accepts If-Match with the version.',
      middleware: [allow(...HOSTS)] as const,
      request: { params: IdParam('id'), ...body(RoadshowPatch) },
      responses: { 200: json(Roadshow), ...ERRORS },
    }),
    async (c) => {
      const r = await events.patchRoadshow(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id, c.req.valid('json'), ifMatch(c));
      c.header('ETag', etag(r.version ?? 0));
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/roadshows/{id}/publish', tags: ['roadshows'], security: bearer,
      summary: '发布路演并邀请所有演示企业与对接平台 / Publish and invite every presenting manufacturer and platform',
      middleware: [allow(...HOSTS)] as const,
      request: { params: IdParam('id') },
      responses: { 202: json(z.object({ id: z.string(), status: z.literal('published'), invitations: z.number().int() })), ...ERRORS },
    }),
    async (c) => c.json(await events.publish(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id), 202),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}/invitations', tags: ['roadshows'], security: bearer,
      summary: '路演邀请与回复（局方：全部；企业/平台：自己的） / Invitations and replies',
      request: { params: IdParam('id') },
      responses: { 200: json(Items(RoadshowInvitation)), ...ERRORS },
    }),
    async (c) => c.json({ items: await events.listInvitations(c.var.deps, requireRole(c, ...HOSTS, 'manufacturer', 'platform'), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/my/roadshows', tags: ['roadshows'], security: bearer,
      summary: '我的路演（企业、平台） / My roadshows: invitations and agendas',
      responses: { 200: json(Items(z.object({ roadshow: PublicRoadshow.omit({ capacity: true, seatsLeft: true, registrationOpen: true }),
        invitations: z.array(RoadshowInvitation),
        pairs: z.array(z.object({ scenarioId: z.string(), platformId: z.string(), scenarioTitle: z.string(), platformName: z.string(), myStars: z.number().int().nullable() })).describe('after the event: my pairings that met, to rate'),
      }))), ...ERRORS },
    }),
    async (c) => c.json({ items: await events.myRoadshows(c.var.deps, requireRole(c, 'manufacturer', 'platform')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/roadshow-invitations/{id}/reply', tags: ['roadshows'], security: bearer,
      summary: '回复路演邀请（接受或婉拒并说明原因；截止后 409） / Accept or decline (with a reason code) until rsvpBy',
      request: { params: IdParam('id'), ...body(ReplyInput) },
      responses: { 200: json(RoadshowInvitation), ...ERRORS },
    }),
    async (c) => c.json(await events.reply(c.var.deps, requireRole(c, 'manufacturer', 'platform'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/roadshows/{id}/recompose', tags: ['roadshows'], security: bearer,
      summary: '婉拒后重新编排（已确认场次不变，只通知变化的受邀方） / Re-compose after declines',
      description: 'One at a time: a re-composition while another runs gets 409.',
      middleware: [allow(...HOSTS)] as const,
      request: { params: IdParam('id') },
      responses: {
        202: json(z.object({ id: z.string(), addedPlatforms: z.number().int(), addedScenarios: z.number().int(), removedScenarios: z.number().int(), notified: z.number().int() })),
        ...ERRORS,
      },
    }),
    async (c) => c.json(await events.recompose(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id), 202),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/roadshows/{id}', tags: ['roadshows'],
      summary: '路演活动页（公开） / The public event page: venue, clock-time agenda, seats left',
      request: { params: IdParam('id') },
      responses: { 200: json(PublicRoadshow), ...ERRORS },
    }),
    async (c) => c.json(await events.publicRoadshow(c.var.deps, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/public/roadshows/{id}/registrations', tags: ['roadshows'],
      summary: '观众报名（公开，限频；满额进候补） / Audience registration (public, throttled; wait list when full)',
      description: 'The same contact twice → 409; after the event starts → 409; each address may register a few times per hour (429 beyond, OBJECTIONS_PER_HOUR).',
      request: { params: IdParam('id'), ...body(RegistrationInput) },
      responses: { 201: json(RegistrationCreated), ...ERRORS },
    }),
    async (c) => c.json(await events.register(c.var.deps, c.req.valid('param').id, c.req.valid('json'), clientAddress(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}/registrations', tags: ['roadshows'], security: bearer,
      summary: '报名名单（联系方式脱敏） / Registrations (contacts masked)',
      middleware: [allow(...HOSTS)] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(Items(RoadshowRegistration.omit({ expiresAt: true }).extend({ contactMasked: z.literal(true) }))), ...ERRORS },
    }),
    async (c) => c.json({ items: await events.listRegistrations(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}/registrations.xlsx', tags: ['roadshows'], security: bearer,
      summary: '签到表（Excel：观众报名与签到、受邀方签到） / Registrations and attendance as .xlsx',
      middleware: [allow(...HOSTS)] as const,
      request: { params: IdParam('id') },
      responses: { 200: { description: 'xlsx workbook', content: { [XLSX]: binary } }, ...ERRORS },
    }),
    async (c) => {
      const who = requireRole(c, ...HOSTS);
      const id = c.req.valid('param').id;
      const r = await svc.readRoadshow(c.var.deps, who, id);
      const [regs, invs] = await Promise.all([events.listRegistrations(c.var.deps, who, id), events.listInvitations(c.var.deps, who, id)]);
      return sendFile(c, await registrationsWorkbook(r, regs, invs), `roadshow-${r.id}-checkin.xlsx`);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/roadshows/{id}/check-ins', tags: ['roadshows'], security: bearer,
      summary: '签到（观众或受邀方的签到码，可重复） / Check in by code (idempotent)',
      description: 'A code of no registration or invitation of this event → 404, whether it exists elsewhere or not.',
      middleware: [allow(...HOSTS)] as const,
      request: { params: IdParam('id'), ...body(CheckInInput) },
      responses: { 200: json(CheckInResult), ...ERRORS },
    }),
    async (c) => c.json(await events.checkIn(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id, c.req.valid('json').checkInCode), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/roadshows/{id}/close', tags: ['roadshows'], security: bearer,
      summary: '结束活动：见面的配对成为线索 / Close: each pairing that met becomes a lead (source roadshow:<id>)',
      description: 'Allowed once startsAt has passed. A pairing met when both sides checked in, or when the bureau lists it in attendedPairs. An open lead for the same pair is linked, not duplicated.',
      middleware: [allow(...HOSTS)] as const,
      request: { params: IdParam('id'), ...body(CloseInput) },
      responses: { 200: json(z.object({ id: z.string(), status: z.literal('closed'), metPairs: z.array(MetPair) })), ...ERRORS },
    }),
    async (c) => c.json(await events.close(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/roadshows/{id}/ratings', tags: ['roadshows'], security: bearer,
      summary: '对接评价（双方各 1–5 星） / Rate a meeting 1–5 (either side)',
      request: { params: IdParam('id'), ...body(RatingInput) },
      responses: { 200: json(RoadshowRating), ...ERRORS },
    }),
    async (c) => c.json(await events.rate(c.var.deps, requireRole(c, 'manufacturer', 'platform'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/roadshows/{id}/report', tags: ['roadshows'], security: bearer,
      summary: '活动成效 / What the event produced',
      middleware: [allow(...HOSTS)] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(RoadshowReport), ...ERRORS },
    }),
    async (c) => c.json(await events.report(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/roadshows/{id}/report', tags: ['roadshows'], security: bearer,
      summary: '出成效报告（closed → reported，数字定格） / Finish the report (closed → reported)',
      middleware: [allow(...HOSTS)] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(RoadshowReport), ...ERRORS },
    }),
    async (c) => c.json(await events.finishReport(c.var.deps, requireRole(c, ...HOSTS), c.req.valid('param').id), 200),
  );
}
