import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What an API key may do: one scope per resource and direction. Keys reach only these resources;
 * accounts, keys and the audit log need a person.
 */
export const Scope = z.enum(['leads:read', 'leads:write', 'scenarios:read', 'scenarios:write', 'platforms:read', 'platforms:write']);
export type Scope = z.infer<typeof Scope>;

const RESOURCES: Record<string, string> = { leads: 'leads', scenarios: 'scenarios', platforms: 'platforms', directory: 'platforms', taxonomy: 'platforms' };

/** The scope a request needs, from its method and path; null when keys may not call it at all. */
export function requiredScope(method: string, path: string): Scope | null {
  const segment = /^\/v1\/([a-z-]+)/.exec(path)?.[1];
  const resource = segment ? RESOURCES[segment] : undefined;
  if (!resource) return null;
  const read = method === 'GET' || method === 'HEAD';
  return Scope.parse(`${resource}:${read ? 'read' : 'write'}`);
}

/** `gq_<id>_<secret>`: the id finds the record, the secret is compared against its hash. */
export function newApiKey(id: string): { key: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { key: `gq_${id}_${secret}`, hash: hashSecret(secret) };
}

export function parseApiKey(key: string): { id: string; secret: string } | null {
  const m = /^gq_([A-Za-z0-9]+_[A-Za-z0-9]+)_([A-Za-z0-9_-]{43})$/.exec(key.trim());
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

// 256 random bits need no slow hash: nobody can brute-force the preimage, and lookup stays cheap.
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
