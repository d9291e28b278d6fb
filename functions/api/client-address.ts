import type { Context } from 'hono';
import type { ApiEnv } from './env';

/**
 * The requester's address as the service saw it: the first X-Forwarded-For hop (set by the router
 * in front of the functions on AWS), else the socket's peer (local Node server), else "unknown".
 */
export function clientAddress(c: Context<ApiEnv>): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } }; requestContext?: { http?: { sourceIp?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? env?.requestContext?.http?.sourceIp ?? 'unknown';
}
