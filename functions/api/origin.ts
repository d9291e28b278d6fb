import type { Context } from 'hono';
import type { Origin } from '../../packages/services/audit';
import type { ApiEnv } from './env';

/** Where the request came from for the audit log: the first hop the edge (CloudFront, Lambda URL) saw. */
export function originOf(c: Context<ApiEnv>): Origin {
  const ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  const ua = c.req.header('user-agent');
  return { ...(ip ? { ip: ip.slice(0, 64) } : {}), ...(ua ? { userAgent: ua.slice(0, 200) } : {}) };
}
