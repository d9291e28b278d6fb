import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { AppError } from '../../../packages/core/errors';
import { Role } from '../../../packages/core/principal';
import type { JwksSource } from '../../../packages/runtime/deps';

/**
 * A person's access token as the OpenAuth issuer signs it: ES256 with a key from its JWKS, `sub`
 * our user id, and the API.md claims (`role`, `org`) under `properties`.
 */
const UserClaims = z.object({
  sub: z.string().min(1).max(200),
  mode: z.literal('access'),
  type: z.literal('user'),
  exp: z.number().int(),
  properties: z.object({ role: Role.optional(), org: z.string().min(1).max(200).optional() }),
});
export type UserClaims = z.infer<typeof UserClaims>;

export const USER_TOKEN_ALG = 'ES256';
// A token naming a kid we do not know makes us re-read the JWKS (rotation), but not more often.
const REFRESH_AFTER_MS = 30_000;

/** Verifies people's tokens against the issuer's JWKS, cached per process, re-read on rotation. */
export function userTokenVerifier(source: JwksSource, now: () => number = Date.now) {
  let keys: ReturnType<typeof createLocalJWKSet> | undefined;
  let loadedAt = 0;
  const load = async () => {
    keys = createLocalJWKSet((await source()) as unknown as JSONWebKeySet);
    loadedAt = now();
    return keys;
  };
  return async (token: string): Promise<UserClaims> => {
    let payload: unknown;
    try {
      const set = keys ?? (await load());
      try {
        payload = (await jwtVerify(token, set, { algorithms: [USER_TOKEN_ALG] })).payload;
      } catch (err) {
        if ((err as { code?: string }).code !== 'ERR_JWKS_NO_MATCHING_KEY' || now() - loadedAt < REFRESH_AFTER_MS) throw err;
        payload = (await jwtVerify(token, await load(), { algorithms: [USER_TOKEN_ALG] })).payload;
      }
    } catch {
      throw new AppError('UNAUTHENTICATED', '令牌无效或已过期 / Token invalid or expired');
    }
    const claims = UserClaims.safeParse(payload);
    if (!claims.success) throw new AppError('UNAUTHENTICATED', '令牌声明不完整 / Token claims incomplete');
    return claims.data;
  };
}
