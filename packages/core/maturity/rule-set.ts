import { z } from 'zod';
import { Label } from '../schemas/common';
import { Category } from '../taxonomy';
import { indicatorKind, type IndicatorKind } from '../indicators';

// Grading rules are data, not code, so the programme office can publish a new year's thresholds
// (PUT /v1/rule-sets/{version}) without a deployment. Everything a rule set could get wrong that
// would otherwise only surface as a silently mis-graded platform is rejected here instead.

export const LEVELS = [1, 2, 3] as const;
export type GradedLevel = (typeof LEVELS)[number];

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';

export const IndicatorPath = z
  .string()
  .max(200)
  .regex(new RegExp(`^${IDENT}(?:\\.${IDENT})*$`), {
    message: '指标路径须为以点分隔的标识符，如 developers.registered / indicator must be a dotted identifier path',
  })
  .describe('指标路径，相对于 { ...general, ...specific }，如 security.mlpsLevel');

export { Label };

export const Gate = z
  .object({
    indicator: IndicatorPath,
    op: z.enum(['eq', 'gte']),
    value: z.union([z.number(), z.boolean()]),
    label: Label,
  })
  .strict()
  .refine((g) => g.op === 'eq' || typeof g.value === 'number', {
    message: "'gte' 只能用于数值 / 'gte' needs a numeric value",
    path: ['value'],
  })
  .describe('门槛条件：不满足则不能达到该级别');
export type Gate = z.infer<typeof Gate>;

/** A number means "value ≥ it", `true` means the boolean must be true, null means no check at that level. */
export const ThresholdValue = z.union([z.number(), z.literal(true), z.null()]);
export type ThresholdValue = z.infer<typeof ThresholdValue>;

export const Threshold = z
  .object({
    indicator: IndicatorPath,
    label: Label,
    levels: z.tuple([ThresholdValue, ThresholdValue, ThresholdValue]).describe('[一级, 二级, 三级]'),
  })
  .strict()
  .describe('量化指标：按级别给出的达标值');
export type Threshold = z.infer<typeof Threshold>;

// At most 6 decimals lets assess() turn passShare into an exact integer ratio (millionths), so the
// number of checks required never depends on how a product happens to round in binary.
export const PASS_SHARE_SCALE = 1_000_000;

export const RuleSetVersion = z
  .string()
  .min(1)
  .max(64)
  // It travels as a URL path segment and a storage key.
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: '版本号仅可包含字母、数字、点、下划线和连字符 / version may only contain letters, digits, . _ -',
  })
  .describe('规则版本，如 qd-2025.1');

const gateList = z.array(Gate);
const thresholdList = z.array(Threshold);

export const RuleSet = z
  .object({
    version: RuleSetVersion,
    passShare: z
      .number()
      .gt(0)
      .lte(1)
      .refine((v) => Number(v.toFixed(6)) === v, { message: '最多 6 位小数 / at most 6 decimal places' })
      .describe('每级量化指标需达标的比例'),
    gates: z
      .object({ 1: gateList, 2: gateList, 3: gateList })
      .strict()
      .describe('各级新增的门槛条件；评定某级时同时适用更低级别的门槛'),
    thresholds: z
      .object({
        comprehensive: thresholdList,
        characteristic: thresholdList,
        specialized: thresholdList,
      } satisfies Record<Category, typeof thresholdList>)
      .strict()
      .describe('各类型平台的量化指标'),
  })
  .strict()
  .superRefine((rs, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    for (const level of LEVELS) {
      rs.gates[level].forEach((gate, i) => {
        const wanted: IndicatorKind = typeof gate.value === 'boolean' ? 'boolean' : 'number';
        // Gates apply to every category, so the path has to mean the same thing in all of them.
        for (const category of Category.options) {
          const kind = indicatorKind(category, gate.indicator);
          if (kind !== wanted) {
            issue(
              // String key, matching the paths zod itself reports for the gates object.
              ['gates', String(level), i, 'indicator'],
              `${category} 类型中 ${gate.indicator} 不是${wanted === 'number' ? '数值' : '布尔'}指标 / ` +
                `${gate.indicator} is not a ${wanted} indicator for ${category}`,
            );
            break;
          }
        }
      });
    }

    for (const category of Category.options) {
      const list = rs.thresholds[category];
      const seen = new Set<string>();
      list.forEach((t, i) => {
        // A repeated indicator would be counted twice toward the pass share.
        if (seen.has(t.indicator)) {
          issue(['thresholds', category, i, 'indicator'], `重复的指标 ${t.indicator} / duplicate indicator`);
        }
        seen.add(t.indicator);

        const kind = indicatorKind(category, t.indicator);
        if (kind === undefined) {
          issue(
            ['thresholds', category, i, 'indicator'],
            `${category} 类型没有指标 ${t.indicator} / unknown indicator for ${category}`,
          );
          return;
        }
        t.levels.forEach((v, l) => {
          if (v === null) return;
          const wanted: IndicatorKind = v === true ? 'boolean' : 'number';
          if (wanted !== kind) {
            issue(
              ['thresholds', category, i, 'levels', l],
              `${t.indicator} 是${kind === 'number' ? '数值' : '布尔'}指标 / ${t.indicator} is a ${kind} indicator`,
            );
          }
        });
      });

      // With no quantitative check a level would be granted on gates alone, which is almost
      // certainly a data-entry mistake rather than policy.
      for (const level of LEVELS) {
        if (!list.some((t) => t.levels[level - 1] !== null)) {
          issue(
            ['thresholds', category],
            `${category} 类型在 ${level} 级没有任何量化指标 / no quantitative check at level ${level}`,
          );
        }
      }
    }
  })
  .describe('成熟度分级规则集');
export type RuleSet = z.infer<typeof RuleSet>;
