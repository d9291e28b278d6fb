import { z } from 'zod';

export const Role = z.enum(['bureau', 'manufacturer', 'platform', 'expert']);
export type Role = z.infer<typeof Role>;

/** The JWT claims API.md promises; `org` is required for the two tenant roles (an expert is its `sub`). */
export const Claims = z
  .object({
    sub: z.string().min(1).max(200),
    role: Role,
    org: z.string().min(1).max(200).optional(),
    exp: z.number().int(),
    iat: z.number().int().optional(),
  })
  .refine((c) => c.role === 'bureau' || c.role === 'expert' || !!c.org, { message: 'org claim required for this role', path: ['org'] });

export interface Principal {
  userId: string;
  role: Role;
  org?: string;
}

/**
 * The one place that decides who may touch what. `owner` is the tenant id the resource belongs to
 * (platform id or enterprise id); the bureau may act on any tenant's resource.
 */
export function isOwnerOrBureau(p: Principal, owner: string): boolean {
  return p.role === 'bureau' || p.org === owner;
}

/** An expert acts as the expert record named by the token's `sub` (API.md: the id from POST /v1/experts). */
export function expertIdOf(p: Principal): string | undefined {
  return p.role === 'expert' ? p.userId : undefined;
}
