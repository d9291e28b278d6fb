import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '#core/errors';
import type { ApiEnv } from './env';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi('Error');

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

const err = (description: string) => json(ErrorBody, description);

/** The error responses every authenticated route can give, per API.md. */
export const ERRORS = {
  400: err('VALIDATION_FAILED'),
  401: err('UNAUTHENTICATED'),
  403: err('FORBIDDEN'),
  404: err('NOT_FOUND'),
  409: err('CONFLICT'),
  413: err('PAYLOAD_TOO_LARGE'),
  429: err('RATE_LIMITED'),
} as const;

export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const bearer = [{ bearer: [] }];

export const IdParam = <N extends string>(name: N) =>
  z.object({ [name]: z.string().min(1).max(64).openapi({ param: { name, in: 'path' } }) } as Record<N, z.ZodString>);

/** Reads `If-Match` ("3" or W/"3"); absent means "no precondition". */
export function ifMatch(c: Context<ApiEnv>): number | undefined {
  const h = c.req.header('if-match');
  if (!h || h === '*') return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(h.trim());
  if (!m) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'If-Match', message: 'If-Match 须为版本号 / must be a version number' }]);
  return Number(m[1]);
}

export const etag = (version: number) => `"${version}"`;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF = 'application/pdf';
/** A file in the OpenAPI document (a workbook, a PDF): the body is its bytes. */
export const binary = { schema: z.string().openapi({ format: 'binary' }) };

const FILE_TYPES = { xlsx: XLSX, pdf: PDF, csv: 'text/csv; charset=utf-8' } as const;
type FileName = `${string}.${keyof typeof FILE_TYPES}`;

/** A file response typed by its name: a PDF opens in the browser (the bureau's published documents), anything else downloads. */
export function sendFile(c: Context<ApiEnv>, bytes: Uint8Array<ArrayBuffer> | string, fileName: FileName, headers: Record<string, string> = {}) {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1) as keyof typeof FILE_TYPES;
  return c.body(bytes, 200, { 'content-type': FILE_TYPES[ext], 'content-disposition': `${ext === 'pdf' ? 'inline' : 'attachment'}; filename="${fileName}"`, ...headers });
}
