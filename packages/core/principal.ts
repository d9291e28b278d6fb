import { z } from 'zod';
import { Region } from './taxonomy';

/**
 * `expert` reviews the yearly round's applications (issue 13); it belongs to no organisation.
 * `district` is a 区（市） office (第四条): it reads what belongs to its region and does the round's
 * first review there; its token names the region in `district`.
 * `institution` is a third-party diagnosis institution (第十四条): `org` is its organisation; it sees
 * and reports only the diagnoses the bureau assigned to it.
 */
export const Role = z.enum(['bureau', 'manufacturer', 'platform', 'expert', 'district', 'institution']);
export type Role = z.infer<typeof Role>;

/** Roles whose tokens name a tenant in `org` (the enterprise id or the platform id). */
export const TENANT_ROLES: readonly Role[] = ['manufacturer', 'platform', 'institution'];

/** The JWT claims API.md promises; `org` is required for the two tenant roles (an expert is its `sub`). */
export const Claims = z
  .object({
    sub: z.string().min(1).max(200),
    role: Role,
    org: z.string().min(1).max(200).optional(),
    district: Region.optional(),
    exp: z.number().int(),
    iat: z.number().int().optional(),
  })
  .refine((c) => !TENANT_ROLES.includes(c.role) || !!c.org, { message: 'org claim required for this role', path: ['org'] })
  .refine((c) => (c.role === 'district') === !!c.district, { message: 'district claim required for role district, and only for it', path: ['district'] });

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
  /** District offices only: the region (区市 code) they act for. */
  district?: Region;
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
