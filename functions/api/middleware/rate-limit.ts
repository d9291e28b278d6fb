import type { MiddlewareHandler } from 'hono';
import { AppError } from '#core/errors';
import type { ApiEnv } from '../env';

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Per-token limit on write routes, counted in a sliding one-minute window in this process. A Lambda
 * fleet has one window per warm container, so the effective ceiling is per instance; that bounds
 * a runaway client without a shared store on the hot path.
 */
export function rateLimit(): MiddlewareHandler<ApiEnv> {
  const hits = new Map<string, number[]>();
  return async (c, next) => {
    if (!WRITE.has(c.req.method)) return next();
    const p = c.var.principal;
    const key = p ? `${p.role}:${p.org ?? ''}:${p.userId}` : `anon:${c.req.header('x-forwarded-for') ?? 'local'}`;
    const now = Date.now();
    const limit = c.var.deps.settings.RATE_LIMIT_PER_MINUTE;
    const recent = (hits.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= limit) {
      c.header('retry-after', String(Math.ceil((60_000 - (now - recent[0]!)) / 1000)));
      throw new AppError('RATE_LIMITED');
    }
    recent.push(now);
    hits.set(key, recent);
    if (hits.size > 10_000) hits.clear();
    await next();
  };
}
