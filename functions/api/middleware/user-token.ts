import { verify } from 'hono/jwt';
import { z } from 'zod';
import { AppError } from '#core/errors';
import { Role } from '#core/principal';
import type { JwksSource } from '#runtime/deps';

/**
 * A person's access token as the OpenAuth issuer signs it: ES256 with a key from its JWKS, `sub`
 * our user id (or, acting as an expert, the expert id with the person in `properties.user`), and
 * the API.md claims (`role`, `org`) under `properties`.
 */
const UserClaims = z.object({
  sub: z.string().min(1).max(200),
  mode: z.literal('access'),
  type: z.literal('user'),
  exp: z.number().int(),
  properties: z.object({ role: Role.optional(), org: z.string().min(1).max(200).optional(), user: z.string().min(1).max(200).optional() }),
});
export type UserClaims = z.infer<typeof UserClaims>;

/** The signed-in person: `sub` itself, except on an expert token, whose `sub` is the expert (API.md). */
export const personOf = (claims: UserClaims): string => claims.properties.user ?? claims.sub;

export const USER_TOKEN_ALG = 'ES256';
// A token naming a kid we do not know makes us re-read the JWKS (rotation), but not more often.
const REFRESH_AFTER_MS = 30_000;

type Jwk = JsonWebKey & { kid?: string };

/** A JWT's header, unverified: only to pick the key and algorithm that may verify it. */
export function tokenHeader(token: string): { alg?: unknown; kid?: unknown } {
  try {
    return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) ?? {};
  } catch {
    return {};
  }
}

/**
 * Verifies people's tokens against the issuer's JWKS, cached per process and re-read when an
 * unknown kid appears after a rotation. The key is found by `kid` and used for ES256 only, so a
 * token naming another algorithm (HS256 with the public key as secret, none) cannot pass.
 */
export function userTokenVerifier(source: JwksSource, now: () => number = Date.now) {
  let keys: Jwk[] | undefined;
  let loadedAt = 0;
  const load = async () => {
    keys = (await source()).keys as Jwk[];
    loadedAt = now();
    return keys;
  };
  return async (token: string): Promise<UserClaims> => {
    let payload: unknown;
    try {
      const kid = tokenHeader(token).kid;
      let key = (keys ?? (await load())).find((k) => k.kid === kid);
      if (!key && now() - loadedAt >= REFRESH_AFTER_MS) key = (await load()).find((k) => k.kid === kid);
      if (!key) throw new Error('unknown kid');
      payload = await verify(token, key, USER_TOKEN_ALG);
    } catch {
      throw new AppError('UNAUTHENTICATED', '令牌无效或已过期 / Token invalid or expired');
    }
    const claims = UserClaims.safeParse(payload);
    if (!claims.success) throw new AppError('UNAUTHENTICATED', '令牌声明不完整 / Token claims incomplete');
    return claims.data;
  };
}
