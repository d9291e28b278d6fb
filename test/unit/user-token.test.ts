import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { userTokenVerifier } from '../../functions/api/middleware/user-token';

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

const claims = { mode: 'access', type: 'user', properties: { role: 'manufacturer', org: 'ent_1' } };
const sign = (k: Awaited<ReturnType<typeof keyPair>>, exp = Math.floor(Date.now() / 1000) + 600) =>
  new SignJWT({ ...claims, sub: 'usr_1' }).setProtectedHeader({ alg: 'ES256', kid: k.kid, typ: 'JWT' }).setExpirationTime(exp).sign(k.privateKey);

describe('people’s tokens against the issuer’s JWKS', () => {
  it('a rotated-in key is picked up by re-reading the JWKS, but not on every unknown kid', async () => {
    const a = await keyPair('a');
    const b = await keyPair('b');
    let published = [a.jwk];
    let reads = 0;
    let clock = 1_000_000;
    const verify = userTokenVerifier(async () => (reads++, { keys: published }), () => clock);
    expect((await verify(await sign(a))).sub).toBe('usr_1');
    published = [b.jwk, a.jwk];
    // Right after a read, an unknown kid is refused without hammering the issuer.
    await expect(verify(await sign(b))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(reads).toBe(1);
    clock += 31_000;
    expect((await verify(await sign(b))).properties.org).toBe('ent_1');
    expect(reads).toBe(2);
    // Tokens of the old key keep working while the JWKS still lists it.
    expect((await verify(await sign(a))).sub).toBe('usr_1');
  });

  it('refuses expired tokens and tokens without the issuer’s claims', async () => {
    const a = await keyPair('a');
    const verify = userTokenVerifier(async () => ({ keys: [a.jwk] }));
    await expect(verify(await sign(a, Math.floor(Date.now() / 1000) - 5))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const refresh = await new SignJWT({ ...claims, mode: 'refresh', sub: 'usr_1' }).setProtectedHeader({ alg: 'ES256', kid: 'a' }).setExpirationTime('10m').sign(a.privateKey);
    await expect(verify(refresh)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
