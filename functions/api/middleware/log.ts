import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../env';

/** One structured line per request; never logs headers or bodies, so tokens stay out of logs. */
export function requestLog(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    if (!c.var.deps.settings.LOG_REQUESTS) return;
    c.var.deps.log.info('request', {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      role: c.var.principal?.role,
      org: c.var.principal?.org,
    });
  };
}
