import { createRoute } from '@hono/zod-openapi';
import { NOTICE_UNSTATED, PRIVACY_NOTICES, currentNotice, type NoticeForm } from '#core/privacy/notices';
import { RETENTION } from '#core/privacy/retention';
import {
  DataRequestConfirm,
  DataRequestCreated,
  DataRequestInput,
  DataRequestResult,
  DeletionInput,
  DeletionReport,
  PersonalData,
  PrivacyNoticesView,
} from '#core/schemas/personal-data';
import { ObjectionContact } from '#core/schemas/round';
import { showObjectionContact } from '#services/objection-contacts';
import * as pd from '#services/personal-data/requests';
import type { Api } from '../app';
import { clientAddress } from '../client-address';
import { allow, requireAccount, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, bearer, body, json } from '../openapi';
import { originOf } from '../origin';

// 个人信息保护法: notices at collection, the audited "show full contact", and people's own requests.
export function privacyRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/privacy-notices', tags: ['personal data'],
      summary: '个人信息告知与保存期限（公开） / Privacy notices per form and the retention table',
      description: `Each form that collects personal information shows its notice and sends its \`version\` as \`noticeVersion\`; records made without one say "${NOTICE_UNSTATED}".`,
      responses: { 200: json(PrivacyNoticesView), ...ERRORS },
    }),
    (c) =>
      c.json(
        {
          notices: (Object.keys(PRIVACY_NOTICES) as NoticeForm[]).map((f) => currentNotice(f)),
          retention: Object.values(RETENTION).map((r) => ({ ...r })),
        },
        200,
        { 'cache-control': 'public, max-age=300' },
      ),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/objections/{id}/contact', tags: ['personal data'], security: bearer,
      summary: '查看异议人完整联系方式（留痕审计） / Show an objector’s full contact (audited)',
      description: 'Lists show objectors’ contacts masked; this returns them in full and writes an audit entry `objection.contact_shown` naming who looked.',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(ObjectionContact), ...ERRORS },
    }),
    async (c) => c.json(await showObjectionContact(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/me/data', tags: ['personal data'], security: bearer,
      summary: '我的数据：本人全部个人信息 / Everything held about me',
      responses: { 200: json(PersonalData), ...ERRORS },
    }),
    async (c) => c.json(await pd.myData(c.var.deps, requireAccount(c).userId, originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/me/data/deletion', tags: ['personal data'], security: bearer,
      summary: '删除本人个人信息（法定需保留的除外） / Delete my data (except what the law keeps)',
      description: 'Deletes or anonymises each kind of record and answers what was done and what is kept and why. The account itself is deleted: the token stops working. 409 when the person is the only admin of an organisation with other members.',
      request: body(DeletionInput),
      responses: { 200: json(DeletionReport), ...ERRORS },
    }),
    async (c) => c.json(await pd.deleteMyData(c.var.deps, requireAccount(c).userId, originOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/public/data-requests', tags: ['personal data'],
      summary: '无账号者申请查询/删除本人信息：向联系方式发送验证码（公开，限频） / Request by contact: a code is sent to it (public, throttled)',
      description: 'The same answer whether or not anything is held about the contact. Throttled per address like objections (OBJECTIONS_PER_HOUR) and per contact like sign-in codes.',
      request: body(DataRequestInput),
      responses: { 202: json(DataRequestCreated), ...ERRORS },
    }),
    async (c) => c.json(await pd.startDataRequest(c.var.deps, c.req.valid('json'), clientAddress(c), originOf(c)), 202),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/public/data-requests/{id}/confirm', tags: ['personal data'],
      summary: '用验证码确认：导出或删除 / Confirm with the code: export or delete',
      description: 'One action per code; five wrong codes lock the request; the code expires after 10 minutes (409 then).',
      request: { params: IdParam('id'), ...body(DataRequestConfirm) },
      responses: { 200: json(DataRequestResult), ...ERRORS },
    }),
    async (c) => c.json(await pd.confirmDataRequest(c.var.deps, c.req.valid('param').id, c.req.valid('json'), originOf(c)), 200),
  );
}
