import { z } from 'zod';
import { Category } from '../taxonomy';
import { readIndicator, type IndicatorReportFor } from '../indicators';
import { Label, LEVELS, PASS_SHARE_SCALE, type GradedLevel, type RuleSet } from './rule-set';

export const Level = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).describe('成熟度等级 0–3');
export type Level = z.infer<typeof Level>;

const GradedLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const NationalTrack = z.enum(['双跨', '特色专业型']).describe('国家级平台申报方向');
export type NationalTrack = z.infer<typeof NationalTrack>;

const Indicator = z.string().min(1).describe('指标路径');
// null when the report does not carry the indicator at all, e.g. a rule set checking a field that
// the platform's category block lacks; such a check simply counts as unmet.
const CheckValue = z.union([z.number(), z.boolean(), z.null()]).describe('申报值');
const Required = z.union([z.number(), z.boolean()]).describe('要求值');
const CheckKind = z.enum(['gate', 'threshold']).describe('gate = 门槛条件（必须满足）；threshold = 量化指标（按比例达标）');

export const Check = z
  .object({
    indicator: Indicator,
    label: Label,
    value: CheckValue,
    required: Required,
    // Without it a client cannot tell "= 3" from "≥ 3" when rendering a numeric requirement.
    op: z.enum(['eq', 'gte']),
    met: z.boolean(),
    level: GradedLevelSchema,
    kind: CheckKind,
  })
  .strict();
export type Check = z.infer<typeof Check>;

export const Gap = z
  .object({
    indicator: Indicator,
    label: Label,
    value: CheckValue,
    required: Required,
    // How much is missing in the indicator's own unit; null for booleans and unreported values.
    shortfall: z.number().nonnegative().nullable(),
    kind: CheckKind,
  })
  .strict();
export type Gap = z.infer<typeof Gap>;

export const Eligibility = z
  .object({
    cityDirectory: z.boolean().describe('可纳入市级培优名录'),
    provincialRecommendation: z.boolean().describe('可优先推荐省级重点平台'),
    nationalRecommendation: z.boolean().describe('可推荐申报国家级平台'),
    nationalTrack: NationalTrack,
  })
  .strict();
export type Eligibility = z.infer<typeof Eligibility>;

export const Assessment = z
  .object({
    platformId: z.string().min(1),
    year: z.number().int(),
    category: Category,
    level: Level,
    eligibility: Eligibility,
    checks: z.array(Check).describe('所有级别的全部门槛条件与量化指标'),
    gapsToNextLevel: z.array(Gap).describe('距下一级尚未满足的条件，差距最大者在前'),
    summary: Label,
    ruleSetVersion: z.string().min(1),
    assessedAt: z.string().min(1).describe('ISO 8601 时间'),
  })
  .strict()
  .describe('成熟度评定结果');
export type Assessment = z.infer<typeof Assessment>;

const LEVEL_NAMES: Record<Level, Label> = {
  0: { zh: '未达标', en: 'Not graded' },
  1: { zh: '一级·市级培优名录', en: 'Level 1 · City cultivation directory' },
  2: { zh: '二级·省级重点平台', en: 'Level 2 · Provincial key platform' },
  3: { zh: '三级·国家级推荐', en: 'Level 3 · National recommendation' },
};

export function levelName(level: Level): Label {
  return { ...LEVEL_NAMES[level] };
}

const TRACK_EN: Record<NationalTrack, string> = {
  双跨: 'cross-industry, cross-domain (双跨)',
  特色专业型: 'characteristic / specialized (特色专业型)',
};

export function nationalTrack(category: Category): NationalTrack {
  return category === 'comprehensive' ? '双跨' : '特色专业型';
}

/**
 * The fewest of `total` quantitative checks that must hold. Integer arithmetic on passShare scaled
 * to millionths (the rule-set schema caps it at 6 decimals): in floating point 0.28 × 25 is
 * 7.000000000000001, and a naive ceil would demand 8 checks where the rule means 7.
 * With no checks at a level the share is vacuously met; the rule-set schema forbids that anyway.
 */
export function requiredPasses(passShare: number, total: number): number {
  const share = Math.round(passShare * PASS_SHARE_SCALE);
  return Math.floor((share * total + PASS_SHARE_SCALE - 1) / PASS_SHARE_SCALE);
}

function resolve(source: unknown, path: string): number | boolean | null {
  const current = readIndicator(source, path);
  if (typeof current === 'boolean') return current;
  if (typeof current === 'number' && Number.isFinite(current)) return current;
  return null;
}

function holds(value: number | boolean | null, op: 'eq' | 'gte', required: number | boolean): boolean {
  if (op === 'eq') return value === required;
  return typeof value === 'number' && typeof required === 'number' && value >= required;
}

// Rounded so 0.3 − 0.1 reads 0.2 in the UI rather than 0.19999999999999998.
const roundShortfall = (n: number) => Math.round(n * 1e6) / 1e6;

function toGap(check: Check): Gap & { relative: number } {
  const { indicator, label, value, required, kind } = check;
  if (typeof required === 'boolean' || typeof value !== 'number') {
    return { indicator, label, value, required, kind, shortfall: null, relative: Number.POSITIVE_INFINITY };
  }
  const shortfall = roundShortfall(Math.abs(required - value));
  // A requirement of 0 (e.g. break-even) has no meaningful ratio; any miss there is "furthest off".
  const relative = required > 0 ? shortfall / required : Number.POSITIVE_INFINITY;
  return { indicator, label, value, required, kind, shortfall, relative };
}

// Booleans first because there is no partial credit for them, then the numbers furthest from their
// target relative to its size; ties keep gates (mandatory) ahead of thresholds, then rule-set order.
function orderGaps(unmet: Check[]): Gap[] {
  return unmet
    .map((c, index) => ({ ...toGap(c), index }))
    .sort((a, b) => {
      const aBool = typeof a.required === 'boolean' ? 0 : 1;
      const bBool = typeof b.required === 'boolean' ? 0 : 1;
      if (aBool !== bBool) return aBool - bBool;
      if (a.relative !== b.relative) return b.relative - a.relative;
      if (a.kind !== b.kind) return a.kind === 'gate' ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ relative: _relative, index: _index, ...gap }) => gap);
}

interface NextLevelStatus {
  level: GradedLevel;
  unmetGates: number;
  metThresholds: number;
  totalThresholds: number;
  neededPasses: number;
}

const LEVEL_ZH: Record<GradedLevel, string> = { 1: '一级', 2: '二级', 3: '三级' };

function summarise(level: Level, track: NationalTrack, next: NextLevelStatus | null): Label {
  const head: Label = {
    0: { zh: '未达到一级（市级培优名录）标准', en: 'Does not yet meet Level 1 (city cultivation directory)' },
    1: { zh: '达到一级（可纳入市级培优名录）', en: 'Reaches Level 1 (eligible for the city cultivation directory)' },
    2: {
      zh: '达到二级（省级重点平台优先推荐）',
      en: 'Reaches Level 2 (priority recommendation as a provincial key platform)',
    },
    3: {
      zh: `达到三级（可推荐申报国家级${track}平台）`,
      en: `Reaches Level 3 (eligible for national recommendation on the ${TRACK_EN[track]} track)`,
    },
  }[level];
  if (next === null) return { zh: `${head.zh}。`, en: `${head.en}.` };

  const zhParts: string[] = [];
  const enParts: string[] = [];
  if (next.unmetGates > 0) {
    zhParts.push(`${next.unmetGates} 项门槛条件未满足`);
    enParts.push(`${next.unmetGates} mandatory condition(s) unmet`);
  }
  const more = Math.max(0, next.neededPasses - next.metThresholds);
  zhParts.push(
    `量化指标达标 ${next.metThresholds}/${next.totalThresholds} 项` + (more > 0 ? `，还需 ${more} 项` : '，已满足比例要求'),
  );
  enParts.push(
    `${next.metThresholds}/${next.totalThresholds} quantitative checks met` +
      (more > 0 ? `, ${more} more needed` : ', share requirement satisfied'),
  );
  return {
    zh: `${head.zh}；距${LEVEL_ZH[next.level]}：${zhParts.join('，')}。`,
    en: `${head.en}; towards Level ${next.level}: ${enParts.join('; ')}.`,
  };
}

export interface AssessOptions {
  platformId: string;
  year: number;
  /** ISO 8601; passed in so assess() stays pure and reproducible. */
  assessedAt: string;
}

/**
 * Grades one yearly report against a rule set. Expects `report` to have been validated with
 * `indicatorReportSchema(category)`; an indicator it lacks is treated as unmet, never as an error.
 *
 * Levels are cumulative: level L requires level L−1 to have been reached, as well as every gate of
 * levels 1..L and passShare of L's quantitative checks. That is the programme's intent — a platform
 * is not recommended nationally (L3) or provincially (L2) without first belonging in the city
 * directory (L1) — and it keeps a platform with big numbers but a missed lower-level check from
 * skipping a rung.
 */
export function assess<C extends Category>(
  ruleSet: RuleSet,
  category: C,
  report: IndicatorReportFor<C>,
  opts: AssessOptions,
): Assessment {
  const merged: Record<string, unknown> = { ...report.general, ...report.specific };

  const checks: Check[] = [];
  for (const level of LEVELS) {
    for (const gate of ruleSet.gates[level]) {
      const value = resolve(merged, gate.indicator);
      checks.push({
        indicator: gate.indicator,
        label: { ...gate.label },
        value,
        required: gate.value,
        op: gate.op,
        met: holds(value, gate.op, gate.value),
        level,
        kind: 'gate',
      });
    }
    for (const threshold of ruleSet.thresholds[category]) {
      const required = threshold.levels[level - 1];
      if (required === null || required === undefined) continue;
      const value = resolve(merged, threshold.indicator);
      const op = required === true ? 'eq' : 'gte';
      checks.push({
        indicator: threshold.indicator,
        label: { ...threshold.label },
        value,
        required,
        op,
        met: holds(value, op, required),
        level,
        kind: 'threshold',
      });
    }
  }

  const statusAt = (level: GradedLevel): NextLevelStatus & { reached: boolean } => {
    const unmetGates = checks.filter((c) => c.kind === 'gate' && c.level <= level && !c.met).length;
    const quantitative = checks.filter((c) => c.kind === 'threshold' && c.level === level);
    const metThresholds = quantitative.filter((c) => c.met).length;
    const neededPasses = requiredPasses(ruleSet.passShare, quantitative.length);
    return {
      level,
      unmetGates,
      metThresholds,
      totalThresholds: quantitative.length,
      neededPasses,
      reached: unmetGates === 0 && metThresholds >= neededPasses,
    };
  };

  let level: Level = 0;
  let next: NextLevelStatus | null = null;
  for (const candidate of LEVELS) {
    const status = statusAt(candidate);
    if (!status.reached) {
      next = status;
      break;
    }
    level = candidate;
  }

  const gapsToNextLevel =
    next === null
      ? []
      : orderGaps(
          checks.filter(
            (c) =>
              !c.met && (c.kind === 'gate' ? c.level <= next.level : c.level === next.level),
          ),
        );

  const track = nationalTrack(category);
  return {
    platformId: opts.platformId,
    year: opts.year,
    category,
    level,
    eligibility: {
      cityDirectory: level >= 1,
      provincialRecommendation: level >= 2,
      nationalRecommendation: level === 3,
      nationalTrack: track,
    },
    checks,
    gapsToNextLevel,
    summary: summarise(level, track, next),
    ruleSetVersion: ruleSet.version,
    assessedAt: opts.assessedAt,
  };
}
