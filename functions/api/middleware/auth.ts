import type { Context, MiddlewareHandler } from 'hono';
import { verify } from 'hono/jwt';
import { AppError } from '../../../packages/core/errors';
import { Claims, type Principal, type Role } from '../../../packages/core/principal';
import type { ApiEnv } from '../env';

/**
 * Reads the bearer token when present. Routes decide whether they need one (`requireRole`), so
 * public routes and authenticated ones share the chain.
 */
export function authenticate(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header) c.set('principal', await verifyBearer(header, c.var.deps.settings.AUTH_SECRET));
    await next();
  };
}

async function verifyBearer(header: string, secret: string): Promise<Principal> {
  const m = /^Bearer\s+([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*)$/.exec(header.trim());
  if (!m) throw new AppError('UNAUTHENTICATED');
  const token = m[1]!;
  // Pin the algorithm from our side: a token that names another one (e.g. "none") is refused.
  try {
    const head = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
    if (head?.alg !== 'HS256') throw new Error('alg');
  } catch {
    throw new AppError('UNAUTHENTICATED');
  }
  let payload: unknown;
  try {
    payload = await verify(token, secret, 'HS256');
  } catch {
    throw new AppError('UNAUTHENTICATED', '令牌无效或已过期 / Token invalid or expired');
  }
  const claims = Claims.safeParse(payload);
  if (!claims.success) throw new AppError('UNAUTHENTICATED', '令牌声明不完整 / Token claims incomplete');
  return { userId: claims.data.sub, role: claims.data.role, org: claims.data.org };
}

/** 401 without a principal, 403 when the role is not among those allowed. */
export function requireRole(c: Context<ApiEnv>, ...roles: Role[]): Principal {
  const p = c.var.principal;
  if (!p) throw new AppError('UNAUTHENTICATED');
  if (roles.length && !roles.includes(p.role)) throw new AppError('FORBIDDEN');
  return p;
}

/**
 * Route middleware form of `requireRole`: runs before body validation, so a caller without the
 * right learns nothing about what a valid body would look like.
 */
export function allow(...roles: Role[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    requireRole(c, ...roles);
    await next();
  };
}
