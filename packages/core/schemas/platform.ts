import { z } from 'zod';
import { Category, Domain, Industry, Region, Subtype, Technology } from '../taxonomy';
import { CodeList, CreditCode, Id, Text, Timestamp } from './common';
import { Eligibility } from '../maturity/assess';

const Operator = z.object({ name: Text(200), creditCode: CreditCode }).strict();

const PlatformFields = z
  .object({
    name: Text(100),
    operator: Operator,
    category: Category,
    subtype: Subtype.optional(),
    region: Region,
    // Empty: a cross-industry platform that serves every industry.
    industries: CodeList(Industry),
    domains: CodeList(Domain, { min: 1 }),
    technologies: CodeList(Technology),
    description: Text(4000),
    website: z.url({ protocol: /^https?$/ }).max(500).optional(),
    webhookUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
  })
  .strict();

// 特色型 alone has sub-kinds; a subtype on another category is a classification mistake.
const subtypeRule = (p: { category?: string; subtype?: string }, ctx: z.RefinementCtx) => {
  if (p.category === 'characteristic' && !p.subtype)
    ctx.addIssue({ code: 'custom', path: ['subtype'], message: '特色型平台须注明子类型 / subtype required for characteristic' });
  if (p.category && p.category !== 'characteristic' && p.subtype)
    ctx.addIssue({ code: 'custom', path: ['subtype'], message: '仅特色型平台有子类型 / subtype only for characteristic' });
};

export const PlatformInput = PlatformFields.superRefine(subtypeRule).meta({ id: 'PlatformInput' });
export type PlatformInput = z.infer<typeof PlatformInput>;

export const PlatformPatch = PlatformFields.partial()
  .extend({ subtype: Subtype.nullable().optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: '至少修改一个字段 / Nothing to change' })
  .meta({ id: 'PlatformPatch' });
export type PlatformPatch = z.infer<typeof PlatformPatch>;

export { Eligibility };

export const Platform = PlatformFields.extend({
  id: Id,
  version: z.number().int(),
  level: z.number().int().min(0).max(3),
  eligibility: Eligibility,
  assessedYear: z.number().int().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
  .superRefine(subtypeRule)
  .meta({ id: 'Platform' });
export type Platform = z.infer<typeof Platform>;

export { subtypeRule };
