import { z } from 'zod';

/** `expert` reviews the yearly round's applications (issue 13); it belongs to no organisation. */
export const Role = z.enum(['bureau', 'manufacturer', 'platform', 'expert']);
export type Role = z.infer<typeof Role>;

/** Roles whose tokens name a tenant in `org` (the enterprise id or the platform id). */
export const TENANT_ROLES: readonly Role[] = ['manufacturer', 'platform'];

/** The JWT claims API.md promises; `org` is required for the two tenant roles. */
export const Claims = z
  .object({
    sub: z.string().min(1).max(200),
    role: Role,
    org: z.string().min(1).max(200).optional(),
    exp: z.number().int(),
    iat: z.number().int().optional(),
  })
  .refine((c) => !TENANT_ROLES.includes(c.role) || !!c.org, { message: 'org claim required for this role', path: ['org'] });

/** How the caller proved who it is: a service token, a signed-in person, or an API key. */
export type Via = 'service' | 'user' | 'key';

export interface Principal {
  userId: string;
  role: Role;
  org?: string;
  via?: Via;
  /** The organisation behind `org` (user tokens and keys): enterprise id, operator id or `bureau`. */
  orgId?: string;
  /** Signed-in people only: admin of `orgId` as of this request. */
  orgAdmin?: boolean;
  /** API keys only. */
  scopes?: readonly string[];
}

/**
 * The one place that decides who may touch what. `owner` is the tenant id the resource belongs to
 * (platform id or enterprise id); the bureau may act on any tenant's resource.
 */
export function isOwnerOrBureau(p: Principal, owner: string): boolean {
  return p.role === 'bureau' || p.org === owner;
}
