import { z } from 'zod';
import { CATEGORIES, DOMAINS, INDUSTRIES, REGIONS, SUBTYPES, TAXONOMY, TECHNOLOGIES, type Term } from './terms';

export { CATEGORIES, DOMAINS, INDUSTRIES, REGIONS, SUBTYPES, TAXONOMY, TECHNOLOGIES, type Term };

type Codes<T extends readonly Term[]> = T[number]['code'];
const codes = <T extends readonly Term[]>(terms: T) =>
  terms.map((t) => t.code) as unknown as [Codes<T>, ...Codes<T>[]];

export const Industry = z.enum(codes(INDUSTRIES)).describe('GB/T 4754-2017 division code, e.g. C38');
export const Domain = z.enum(codes(DOMAINS));
export const Technology = z.enum(codes(TECHNOLOGIES));
export const Region = z.enum(codes(REGIONS));
export const Category = z.enum(codes(CATEGORIES));
export const Subtype = z.enum(codes(SUBTYPES));

export type Industry = z.infer<typeof Industry>;
export type Domain = z.infer<typeof Domain>;
export type Technology = z.infer<typeof Technology>;
export type Region = z.infer<typeof Region>;
export type Category = z.infer<typeof Category>;
export type Subtype = z.infer<typeof Subtype>;

const byCode = <T extends readonly Term[]>(terms: T) =>
  new Map<string, Term>(terms.map((t) => [t.code, t]));
const LABELS = {
  industry: byCode(INDUSTRIES),
  domain: byCode(DOMAINS),
  technology: byCode(TECHNOLOGIES),
  region: byCode(REGIONS),
  category: byCode(CATEGORIES),
  subtype: byCode(SUBTYPES),
};

/** zh-CN label for a taxonomy code; falls back to the code so a label never disappears. */
export function label(kind: keyof typeof LABELS, code: string): string {
  return LABELS[kind].get(code)?.zh ?? code;
}
