import { z } from 'zod';
import { checkCreditCode } from '../credit-code';

const MESSAGES = {
  length: '统一社会信用代码应为18位 / Credit code must be 18 characters',
  charset: '统一社会信用代码含非法字符 / Credit code has characters outside GB 32100-2015',
  checksum: '统一社会信用代码校验位错误 / Credit code check character is wrong (GB 32100-2015)',
} as const;

export const CreditCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .superRefine((s, ctx) => {
    const problem = checkCreditCode(s);
    if (problem) ctx.addIssue({ code: 'custom', message: MESSAGES[problem] });
  })
  .describe('统一社会信用代码 (GB 32100-2015, 18 chars, check character verified)');

/** Free text a person typed: trimmed, bounded, no control characters. */
export const Text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: '含有控制字符 / Contains control characters',
    });

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Unique, non-empty-or-empty list of taxonomy codes; duplicates are a client mistake worth naming. */
export const CodeList = <T extends z.ZodType<string>>(item: T, opts: { min?: number; max?: number } = {}) =>
  z
    .array(item)
    .min(opts.min ?? 0)
    .max(opts.max ?? 40)
    .refine((xs) => new Set(xs).size === xs.length, { message: '存在重复项 / Duplicate entries' });

export const Timestamp = z.string().describe('ISO-8601 UTC');

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.string().nullable() });

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});

/** A user-facing text in both languages the service speaks. */
export const Label = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict().describe('中英文名称');
export type Label = z.infer<typeof Label>;
