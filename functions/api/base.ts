import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { AppError } from '#core/errors';
import type { Deps } from '#runtime/deps';
import type { ApiEnv } from './env';
import { authenticate } from './middleware/auth';
import { errorBody, onError } from './middleware/errors';
import { requestLog } from './middleware/log';
import { rateLimit } from './middleware/rate-limit';

export const MAX_BODY_BYTES = 256 * 1024;

export type Api = OpenAPIHono<ApiEnv>;

/**
 * The middleware chain both the JSON API and the console run behind. The app is passed in so the
 * console can be a plain Hono app and its bundle need not carry the OpenAPI generator.
 */
export function withMiddleware<A extends Hono<ApiEnv>>(app: A, deps: Deps): A {
  app.use('*', requestId({ headerName: 'x-request-id' }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestLog());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody(new AppError('PAYLOAD_TOO_LARGE')), 413),
    }),
  );
  app.use('*', authenticate());
  app.use('/v1/*', rateLimit());
  return app;
}

/** Registered last: the error model of API.md for unknown routes and thrown errors. */
export function finishApp<A extends Hono<ApiEnv>>(app: A): A {
  app.notFound((c) => c.json(errorBody(new AppError('NOT_FOUND', '接口不存在 / No such route')), 404));
  app.onError(onError);
  return app;
}
