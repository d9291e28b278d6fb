import type { Context } from 'hono';

/**
 * The requester's address as the service saw it: the last X-Forwarded-For hop, which the router in
 * front of the functions on AWS (CloudFront) appends itself; earlier hops are whatever the client
 * wrote and would let anyone dodge the objection and sign-in-code throttles. Else the socket's peer (local Node
 * server), else "unknown".
 */
export function clientAddress(c: Context): string {
  const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } }; requestContext?: { http?: { sourceIp?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? env?.requestContext?.http?.sourceIp ?? 'unknown';
}
