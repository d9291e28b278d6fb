import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError } from '#core/errors';
import type { ApiEnv } from '../env';

export function errorBody(err: AppError) {
  return { error: { code: err.code, message: err.message, details: err.details } };
}

export function fromZod(error: ZodError): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    undefined,
    error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/** Never a stack trace to the client: known errors map to their code, the rest to a bare 500. */
export function onError(err: Error, c: Context<ApiEnv>) {
  let app: AppError;
  if (err instanceof AppError) app = err;
  else if (err instanceof HTTPException && err.status === 400)
    app = new AppError('VALIDATION_FAILED', '请求体不是有效的 JSON / Malformed JSON body', [
      { path: '', message: err.message },
    ]);
  else if (err instanceof HTTPException && err.status === 413) app = new AppError('PAYLOAD_TOO_LARGE');
  else if (err instanceof HTTPException && err.status === 401) app = new AppError('UNAUTHENTICATED');
  else {
    c.var.deps?.log.error('unhandled error', { requestId: c.var.requestId, error: err.stack ?? String(err) });
    app = new AppError('INTERNAL');
  }
  return c.json(errorBody(app), app.status as 400);
}
