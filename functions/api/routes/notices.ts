import { createRoute, z } from '@hono/zod-openapi';
import { Page } from '#core/schemas/common';
import { DirectoryYear, Objection, ObjectionInput, PublicNotice, ResolveInput } from '#core/schemas/round';
import * as notice from '#services/public-notice';
import * as dir from '#services/yearly-directory';
import { directoryPdf, noticePdf } from '#services/documents';
import { directoryWorkbook } from '#services/round-workbooks';
import { pdfFont } from '../pdf-font';
import type { Api } from '../app';
import { clientAddress } from '../client-address';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, IdParam, PDF, XLSX, bearer, binary, body, json, sendFile } from '../openapi';


const YearParam = z.object({
  year: z
    .string()
    .regex(/^\d{4}(\.xlsx|\.pdf)?$/, { message: '年度须为四位数字，可带 .xlsx 或 .pdf / year must be 4 digits, optionally with .xlsx or .pdf' })
    .openapi({ param: { name: 'year', in: 'path' }, example: '2026' }),
});

export function noticeRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/public/notices/{roundId}', tags: ['public notice'],
      summary: '公示名单（公开；?format=pdf 为发布用 PDF） / The public notice list (?format=pdf for the PDF the bureau publishes)',
      request: { params: IdParam('roundId'), query: z.object({ format: z.enum(['json', 'pdf']).optional() }) },
      responses: { 200: { description: 'the notice', content: { 'application/json': { schema: PublicNotice }, [PDF]: binary } }, ...ERRORS },
    }),
    async (c) => {
      const n = await notice.publicNotice(c.var.deps, c.req.valid('param').roundId);
      if (c.req.valid('query').format !== 'pdf') return c.json(n, 200);
      return sendFile(c, await noticePdf(await pdfFont(), n), `notice-${n.round.year}.pdf`);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/public/notices/{roundId}/objections', tags: ['public notice'],
      summary: '公示期内提出异议（公开，限频） / Object during the notice (public, throttled)',
      description: 'Stored with the requester’s address. Each address may file a few per hour (429 beyond).',
      request: { params: IdParam('roundId'), ...body(ObjectionInput) },
      responses: { 201: json(z.object({ id: z.string() })), ...ERRORS },
    }),
    async (c) => c.json(await notice.object(c.var.deps, c.req.valid('param').roundId, c.req.valid('json'), clientAddress(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rounds/{id}/objections', tags: ['public notice'], security: bearer,
      summary: '异议列表 / Objections of a round',
      request: { params: IdParam('id') },
      responses: { 200: json(Page(Objection)), ...ERRORS },
    }),
    async (c) => c.json({ items: await notice.listObjections(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/objections/{id}/resolve', tags: ['public notice'], security: bearer,
      summary: '处理异议（须记录说明） / Resolve an objection with a note',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id'), ...body(ResolveInput) },
      responses: { 200: json(Objection), ...ERRORS },
    }),
    async (c) => c.json(await notice.resolve(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/rounds/{id}/publish', tags: ['public notice'], security: bearer,
      summary: '发布年度名录（公示期满且异议处理完毕） / Publish the year’s directory',
      middleware: [allow('bureau')] as const,
      request: { params: IdParam('id') },
      responses: { 200: json(DirectoryYear), ...ERRORS },
    }),
    async (c) => c.json(await dir.publish(c.var.deps, requireRole(c, 'bureau'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/directory/{year}', tags: ['public notice'],
      summary: '某年度名录（公开，发布后不可变；.xlsx 为 Excel，.pdf 为发布用 PDF） / A published year’s directory (append .xlsx for Excel, .pdf for the PDF the bureau publishes)',
      request: { params: YearParam },
      responses: {
        200: { description: 'the year’s directory (JSON), or the workbook for {year}.xlsx', content: { 'application/json': { schema: DirectoryYear }, [XLSX]: binary } },
        ...ERRORS,
      },
    }),
    async (c) => {
      const raw = c.req.valid('param').year;
      const d = await dir.directoryYear(c.var.deps, Number(raw.slice(0, 4)));
      // A published year never changes.
      const forever = { 'cache-control': 'public, max-age=86400, immutable' };
      if (raw.endsWith('.pdf')) return sendFile(c, await directoryPdf(await pdfFont(), d), `directory-${d.year}.pdf`, forever);
      if (!raw.endsWith('.xlsx')) return c.json(d, 200);
      return sendFile(c, await directoryWorkbook(d), `directory-${d.year}.xlsx`, forever);
    },
  );
}
