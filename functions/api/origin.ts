import type { Context } from 'hono';
import type { Origin } from '#services/audit';
import type { ApiEnv } from './env';

/** Where the request came from for the audit log: the first hop the edge (CloudFront, Lambda URL) saw. */
export function originOfRequest(req: Request): Origin {
  const ip = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const ua = req.headers.get('user-agent');
  return { ...(ip ? { ip: ip.slice(0, 64) } : {}), ...(ua ? { userAgent: ua.slice(0, 200) } : {}) };
}

export const originOf = (c: Context<ApiEnv>): Origin => originOfRequest(c.req.raw);
