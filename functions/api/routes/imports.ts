import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '#core/errors';
import { sheetHeaders } from '#core/import/sheets';
import * as svc from '#services/imports';
import type { Api } from '../app';
import { allow, requireRole } from '../middleware/auth';
import { ERRORS, XLSX, bearer, binary, json } from '../openapi';


const Result = z
  .object({
    id: z.string(),
    kind: z.enum(['directory', 'scenarios']),
    rows: z.number().int(),
    created: z.number().int(),
    alreadyPresent: z.number().int(),
    year: z.number().int().optional(),
    importedAt: z.string(),
    replayed: z.boolean().describe('同一文件已导入过：未做任何修改 / the same file was imported before; nothing changed'),
  })
  .meta({ id: 'ImportResult' });

const Query = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('名录年度（导入名录时必填）'),
  batch: z.string().trim().min(1).max(100).optional().describe('场景清单批次，如“第1批”'),
});

export function importRoutes(app: Api) {
  for (const kind of ['directory', 'scenarios'] as const) {
    app.openapi(
      createRoute({
        method: 'post', path: `/v1/imports/${kind}`, tags: ['imports'], security: bearer,
        summary: kind === 'directory' ? '导入上年度名录（xlsx，全部或全不） / Import last year’s directory from xlsx' : '导入场景清单（xlsx，全部或全不） / Import a scenario list from xlsx',
        description: `Body: the .xlsx file itself (\`content-type: ${XLSX}\`, ≤ 256 KiB). Header row: ${sheetHeaders(kind).join('、')}. Any bad row → 400 with one detail per problem (\`rows.<row>.<column>\`) and nothing imported; the same file again → 200 with \`replayed: true\`.`,
        middleware: [kind === 'directory' ? allow('bureau') : allow('bureau', 'district')] as const,
        request: { query: Query, body: { content: { [XLSX]: binary }, required: true } },
        responses: { 201: json(Result), 200: json(Result, 'the same file was imported before'), ...ERRORS },
      }),
      async (c) => {
        const who = kind === 'directory' ? requireRole(c, 'bureau') : requireRole(c, 'bureau', 'district');
        if (!c.req.header('content-type')?.startsWith(XLSX))
          throw new AppError('VALIDATION_FAILED', `请以 ${XLSX} 上传 .xlsx 文件 / Send the .xlsx file as the body`, [{ path: 'content-type', message: XLSX }]);
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const r = await svc.importSheet(c.var.deps, who, kind, bytes, c.req.valid('query'));
        return r.replayed ? c.json(r, 200) : c.json(r, 201);
      },
    );
  }
}
