import { z } from 'zod';
import type { Hono } from 'hono';
import { AppError } from '#core/errors';
import { Role } from '#core/principal';
import { Region } from '#core/taxonomy';
import { signToken } from '#local/token';
import type { ApiEnv } from '../../api/env';
import { fromZod } from '../../api/middleware/errors';

/** Stages where anyone may mint a token: a developer's laptop and the test suite, never AWS. */
export const DEV_STAGES = new Set(['local', 'test']);

const DevTokenSchema = z
  .object({
    role: Role,
    org: z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/).optional(),
    district: Region.optional().describe('role district: the 区市 it acts for'),
    sub: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((b) => b.role === 'bureau' || b.role === 'district' || !!b.org, { path: ['org'], message: '该角色须填写机构编号 / org is required for this role' })
  .refine((b) => (b.role === 'district') === !!b.district, { path: ['district'], message: '区市角色须选择区市 / role district needs its district' });
export type DevTokenInput = z.input<typeof DevTokenSchema>;
export interface DevToken {
  token: string;
  role: Role;
  org?: string;
}

// Kept out of the OpenAPI document: it is not part of the contract and does not exist in AWS.
export function devTokenRoute(app: Hono<ApiEnv>) {
  app.post('/dev/token', async (c) => {
    const d = c.var.deps;
    if (!DEV_STAGES.has(d.settings.STAGE)) throw new AppError('NOT_FOUND', '接口不存在 / No such route');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new AppError('VALIDATION_FAILED', '请求体不是有效的 JSON / Malformed JSON body');
    }
    const parsed = DevTokenSchema.safeParse(raw);
    if (!parsed.success) throw fromZod(parsed.error);
    const { role, org, sub, district } = parsed.data;
    // An expert is its `sub` (the id from POST /v1/experts); the form's org field names it.
    const token = await signToken(
      d.settings.AUTH_SECRET,
      role === 'expert' ? { role, sub: org } : role === 'district' ? { role, district, sub } : { role, org: role === 'bureau' ? undefined : org, sub },
    );
    const out: DevToken = { token, role, ...(role === 'bureau' || role === 'district' ? {} : { org }) };
    return c.json(out, 200);
  });
}
