import type { Context, MiddlewareHandler } from 'hono';
import { verify } from 'hono/jwt';
import { requiredScope } from '#core/accounts/api-key';
import { AppError } from '#core/errors';
import { Claims, type Principal, type Role } from '#core/principal';
import { principalForApiKey, principalForExpert, principalForUser } from '#services/identity';
import type { ApiEnv } from '../env';
import { USER_TOKEN_ALG, personOf, tokenHeader, userTokenVerifier } from './user-token';

/**
 * Reads the bearer token or API key when present. Routes decide whether they need one
 * (`requireRole`), so public routes and authenticated ones share the chain. The token's `alg`
 * picks the one key that may have signed it: HS256 only with AUTH_SECRET (service tokens), ES256
 * only with the issuer's public keys (people); anything else is refused.
 */
export function authenticate(): MiddlewareHandler<ApiEnv> {
  let verifyUser: ReturnType<typeof userTokenVerifier> | undefined;
  return async (c, next) => {
    const deps = c.var.deps;
    const header = c.req.header('authorization');
    const apiKey = c.req.header('x-api-key');
    if (header) {
      const token = bearerToken(header);
      const alg = tokenHeader(token).alg;
      if (alg === 'HS256') c.set('principal', await verifyService(token, deps.settings.AUTH_SECRET));
      else if (alg === USER_TOKEN_ALG) {
        const claims = await (verifyUser ??= userTokenVerifier(deps.jwks))(token);
        const person = personOf(claims);
        c.set('account', { userId: person });
        if (claims.properties.role === 'expert') c.set('principal', await principalForExpert(deps, person, claims.sub));
        else if (claims.properties.org) c.set('principal', await principalForUser(deps, person, claims.properties.org));
      } else throw new AppError('UNAUTHENTICATED');
    } else if (apiKey) {
      const p = await principalForApiKey(deps, apiKey);
      const scope = requiredScope(c.req.method, c.req.path);
      if (!scope || !p.scopes?.includes(scope)) throw new AppError('FORBIDDEN', `API 密钥无权调用 / API key may not call this (${scope ?? 'no key access'})`);
      c.set('principal', p);
    }
    await next();
  };
}

function bearerToken(header: string): string {
  const m = /^Bearer\s+([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*)$/.exec(header.trim());
  if (!m) throw new AppError('UNAUTHENTICATED');
  return m[1]!;
}

async function verifyService(token: string, secret: string): Promise<Principal> {
  let payload: unknown;
  try {
    payload = await verify(token, secret, 'HS256');
  } catch {
    throw new AppError('UNAUTHENTICATED', '令牌无效或已过期 / Token invalid or expired');
  }
  const claims = Claims.safeParse(payload);
  if (!claims.success) throw new AppError('UNAUTHENTICATED', '令牌声明不完整 / Token claims incomplete');
  return { userId: claims.data.sub, role: claims.data.role, org: claims.data.org, ...(claims.data.district ? { district: claims.data.district } : {}), via: 'service' };
}

/** 401 without a principal, 403 when the role is not among those allowed (or none is chosen yet). */
export function requireRole(c: Context<ApiEnv>, ...roles: Role[]): Principal {
  const p = c.var.principal;
  if (!p) throw new AppError(c.var.account ? 'FORBIDDEN' : 'UNAUTHENTICATED', c.var.account ? '请先选择组织 / Choose an organisation first' : undefined);
  if (roles.length && !roles.includes(p.role)) throw new AppError('FORBIDDEN');
  // A district or an institution reaches only what a route opens to it by name: "any role" never includes them.
  if (!roles.length && (p.role === 'district' || p.role === 'institution')) throw new AppError('FORBIDDEN');
  return p;
}

/** A signed-in person (any organisation or none): account routes. */
export function requireAccount(c: Context<ApiEnv>): { userId: string; principal?: Principal } {
  const a = c.var.account;
  if (!a) throw new AppError(c.var.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED', c.var.principal ? '需要个人登录 / Needs a signed-in person' : undefined);
  return { userId: a.userId, principal: c.var.principal };
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
