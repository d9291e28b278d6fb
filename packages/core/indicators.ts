import { z } from 'zod';
import { Category } from './taxonomy';

// Yearly maturity indicators a platform reports for grading. Every object is strict so a typo in a
// field name fails loudly instead of silently counting as "indicator not reported".

// zod v4's z.number() already rejects NaN and ±Infinity, so "finite" needs no extra check.
const count = (zh: string) => z.number().int().nonnegative().describe(zh);
const wan = (zh: string) => z.number().nonnegative().describe(zh);

export const Developers = z
  .object({
    registered: count('注册开发者数量'),
    active: count('活跃开发者数量'),
  })
  .strict()
  .describe('开发者数量');
export type Developers = z.infer<typeof Developers>;

export const Security = z
  .object({
    protected: z.boolean().describe('是否落实安全防护措施'),
    // MLPS (等保) level 5 is reserved for systems of extreme national importance and is outside the
    // programme's scope; 0 means the platform has not filed for a level yet.
    mlpsLevel: z.number().int().min(0).max(4).describe('网络安全等级保护级别（0 表示未定级）'),
  })
  .strict()
  .describe('安全防护水平（网络安全等级保护级别）');
export type Security = z.infer<typeof Security>;

export const GeneralIndicators = z
  .object({
    revenueWan: wan('主营业务收入（万元）'),
    investmentWan: wan('建设投入（万元）'),
    // A platform still in its build-out phase is typically loss-making; the L3 gate, not the schema,
    // decides whether that matters.
    profitWan: z.number().describe('自身盈利能力（万元，可为负）'),
    teamSize: count('专业服务团队（人）'),
    servedEnterprises: count('服务企业数量（家）'),
    patentsAndCopyrights: count('专利及软著（件）'),
    standards: count('参与标准制定（项）'),
    dataTb: z.number().nonnegative().describe('汇聚数据量（TB）'),
    security: Security,
    monitoringConnected: z.boolean().describe('是否接入平台监测系统'),
  })
  .strict()
  .describe('通用指标');
export type GeneralIndicators = z.infer<typeof GeneralIndicators>;

export const ComprehensiveIndicators = z
  .object({
    devices: count('连接工业设备数量（台套）'),
    appSubscriptions: count('工业 APP 订阅量（次）'),
    mechanismModels: count('工业机理模型数量（个）'),
    industriesServed: count('覆盖行业数量（个）'),
    parksServed: count('服务产业园区数量（个）'),
    developers: Developers,
    registeredUsers: count('注册用户数量（个）'),
    transactionWan: wan('平台交易额（万元）'),
  })
  .strict()
  .describe('综合型平台指标');
export type ComprehensiveIndicators = z.infer<typeof ComprehensiveIndicators>;

export const CharacteristicIndicators = z
  .object({
    devices: count('连接工业设备数量（台套）'),
    protocols: count('支持工业协议数量（种）'),
    ownApps: count('自有工业 APP 数量（个）'),
    mechanismModels: count('工业机理模型数量（个）'),
    storesAndPartners: count('应用商店及合作伙伴数量（家）'),
    transactionWan: wan('平台交易额（万元）'),
  })
  .strict()
  .describe('特色型平台指标');
export type CharacteristicIndicators = z.infer<typeof CharacteristicIndicators>;

export const SpecializedIndicators = z
  .object({
    devices: count('连接工业设备数量（台套）'),
    ownApps: count('自有工业 APP 数量（个）'),
    mechanismModels: count('工业机理模型数量（个）'),
    appSubscriptions: count('工业 APP 订阅量（次）'),
    registeredUsers: count('注册用户数量（个）'),
    dailyActiveUsers: count('日活跃用户数量（个）'),
    developers: Developers,
    lowCode: z.boolean().describe('是否具备低代码开发能力'),
  })
  .strict()
  .describe('专业型平台指标');
export type SpecializedIndicators = z.infer<typeof SpecializedIndicators>;

export const SPECIFIC_INDICATORS = {
  comprehensive: ComprehensiveIndicators,
  characteristic: CharacteristicIndicators,
  specialized: SpecializedIndicators,
} as const satisfies Record<Category, z.ZodObject>;

export type SpecificIndicatorsFor<C extends Category> = z.infer<(typeof SPECIFIC_INDICATORS)[C]>;
export type SpecificIndicators = SpecificIndicatorsFor<Category>;

export type IndicatorReportFor<C extends Category = Category> = {
  general: GeneralIndicators;
  specific: SpecificIndicatorsFor<C>;
};

const reportSchemaFor = <C extends Category>(category: C) =>
  z
    .object({ general: GeneralIndicators, specific: SPECIFIC_INDICATORS[category] })
    .strict()
    .describe('年度成熟度指标申报');

export type IndicatorReportSchema<C extends Category> = ReturnType<typeof reportSchemaFor<C>>;

// Built once: schemas are immutable and the API validates every request with one of these.
const REPORT_SCHEMAS: { [C in Category]: IndicatorReportSchema<C> } = {
  comprehensive: reportSchemaFor('comprehensive'),
  characteristic: reportSchemaFor('characteristic'),
  specialized: reportSchemaFor('specialized'),
};

/**
 * The schema for a report filed under `category`. The category comes from the platform record, not
 * the body, so a body carrying another category's block fails with issues under `specific`.
 */
export function indicatorReportSchema<C extends Category>(category: C): IndicatorReportSchema<C> {
  return REPORT_SCHEMAS[category];
}

/**
 * Category-agnostic shape, for documentation and storage where the category is known elsewhere.
 * Validate submissions with `indicatorReportSchema(category)` instead: this one accepts any block.
 */
export const IndicatorReport = z
  .object({
    general: GeneralIndicators,
    specific: z.union([ComprehensiveIndicators, CharacteristicIndicators, SpecializedIndicators]),
  })
  .strict()
  .describe('年度成熟度指标申报');
export type IndicatorReport = z.infer<typeof IndicatorReport>;

/** The programme started accepting indicator reports for the 2015 reporting year. */
export const FIRST_REPORT_YEAR = 2015;

// Qingdao has no DST, so a fixed UTC+8 offset gives the local calendar year regardless of the
// server's time zone (Lambda runs in UTC, which would still say "last year" until 08:00 on 1 Jan).
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar year in China Standard Time at `now`. */
export function chinaYear(now: Date): number {
  return new Date(now.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** A reporting year: an integer from 2015 up to the current year in China (no reporting ahead). */
export function reportYearSchema(now: Date) {
  const current = chinaYear(now);
  return z
    .number()
    .int()
    .min(FIRST_REPORT_YEAR, { message: `申报年度不得早于 ${FIRST_REPORT_YEAR} 年 / year must be ${FIRST_REPORT_YEAR} or later` })
    .max(current, { message: `申报年度不得晚于 ${current} 年 / year must not be after ${current}` })
    .describe('申报年度');
}

export type IndicatorKind = 'number' | 'boolean';

/**
 * What a dotted indicator path (e.g. 'developers.registered') points at in the merged
 * `{ ...general, ...specific }` object of `category`, or undefined when it resolves to nothing or
 * to a non-leaf. Rule sets use this to reject paths that could never be evaluated.
 */
export function indicatorKind(category: Category, path: string): IndicatorKind | undefined {
  let shape: Record<string, z.ZodType> = {
    ...GeneralIndicators.shape,
    ...SPECIFIC_INDICATORS[category].shape,
  };
  const segments = path.split('.');
  for (const [i, segment] of segments.entries()) {
    // hasOwn keeps 'constructor', '__proto__' and friends from resolving through the prototype.
    if (!Object.hasOwn(shape, segment)) return undefined;
    const node = shape[segment];
    if (i === segments.length - 1) {
      if (node instanceof z.ZodNumber) return 'number';
      if (node instanceof z.ZodBoolean) return 'boolean';
      return undefined;
    }
    if (!(node instanceof z.ZodObject)) return undefined;
    shape = node.shape as Record<string, z.ZodType>;
  }
  return undefined;
}

/**
 * The value at a dotted indicator path ('developers.registered') of a report block, or undefined.
 * Own properties only, so a path can never reach into Object.prototype.
 */
export function readIndicator(source: unknown, path: string): unknown {
  let current = source;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
