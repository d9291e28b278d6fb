import { z } from 'zod';
import { Label } from '../schemas/common';
import { Category, CATEGORIES } from '../taxonomy';

// The expert panel's rubric (第十一条) is data, like the maturity rule set: the bureau can publish a
// new version with other weights (PUT /v1/review-rubrics/{version}) and every review records the
// version it was scored against. Criteria are drawn from the 要素条件 of each platform category:
// 能力要求 items, 应用成效 and 示范内容.

export const CriterionGroup = z.enum(['capability', 'effect', 'demonstration']).describe('能力要求 / 应用成效 / 示范内容');

const CriterionId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: '评分项编号须为小写标识符 / criterion id must be a lowercase identifier' });

export const Criterion = z
  .object({
    id: CriterionId,
    group: CriterionGroup,
    label: Label,
    max: z.number().int().min(1).max(100).describe('该项满分（权重）'),
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

const CriteriaList = z
  .array(Criterion)
  .min(1)
  .max(30)
  .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, { message: '评分项编号重复 / duplicate criterion id' })
  .refine((cs) => cs.reduce((s, c) => s + c.max, 0) === 100, { message: '各项满分之和须为 100 / maxima must add up to 100' });

export const Rubric = z
  .object({
    version: z.string().min(1).max(64),
    categories: z.object(Object.fromEntries(CATEGORIES.map((c) => [c.code, CriteriaList])) as Record<Category, typeof CriteriaList>).strict(),
  })
  .strict()
  .meta({ id: 'ReviewRubric' });
export type Rubric = z.infer<typeof Rubric>;

const c = (id: string, group: Criterion['group'], zh: string, en: string, max: number): Criterion => ({ id, group, label: { zh, en }, max });

// Shared by every category: what the platform achieved for its users and what others can copy.
const EFFECT_AND_DEMO = [
  c('effect_cost_quality', 'effect', '应用成效：降本提质增效', 'Effect: lower cost, better quality, higher efficiency', 15),
  c('effect_reach', 'effect', '应用成效：服务企业覆盖面', 'Effect: reach among served enterprises', 10),
  c('demonstration', 'demonstration', '示范内容：典型案例与可推广性', 'Demonstration: typical cases and replicability', 15),
];

export const RUBRIC_2025_1: Rubric = {
  version: 'rv-2025.1',
  categories: {
    comprehensive: [
      c('connectivity', 'capability', '能力要求：工业设备连接与数据采集', 'Capability: device connectivity and data acquisition', 15),
      c('cross_industry', 'capability', '能力要求：跨行业跨领域服务能力', 'Capability: cross-industry, cross-domain service', 15),
      c('apps_models', 'capability', '能力要求：工业APP与机理模型沉淀', 'Capability: industrial apps and mechanism models', 10),
      c('ecosystem', 'capability', '能力要求：开发者与合作伙伴生态', 'Capability: developer and partner ecosystem', 10),
      c('security', 'capability', '能力要求：安全防护能力', 'Capability: security protection', 10),
      ...EFFECT_AND_DEMO,
    ],
    characteristic: [
      c('industry_depth', 'capability', '能力要求：行业（领域）知识与机理沉淀', 'Capability: depth of industry knowledge and mechanisms', 20),
      c('solutions', 'capability', '能力要求：行业解决方案与工业APP', 'Capability: industry solutions and apps', 15),
      c('connectivity', 'capability', '能力要求：设备连接与数据汇聚', 'Capability: device connectivity and data', 10),
      c('security', 'capability', '能力要求：安全防护能力', 'Capability: security protection', 15),
      ...EFFECT_AND_DEMO,
    ],
    specialized: [
      c('core_technology', 'capability', '能力要求：关键技术（AI、数字孪生、标识解析等）', 'Capability: key technology (AI, digital twin, identifiers…)', 25),
      c('productisation', 'capability', '能力要求：产品化与低代码开发能力', 'Capability: productisation and low-code development', 15),
      c('ip_standards', 'capability', '能力要求：知识产权与标准', 'Capability: intellectual property and standards', 10),
      c('security', 'capability', '能力要求：安全防护能力', 'Capability: security protection', 10),
      ...EFFECT_AND_DEMO,
    ],
  },
};

/** Problems with a (possibly partial) score sheet against the rubric, as path/message pairs. */
export function scoreProblems(criteria: readonly Criterion[], scores: Record<string, number>, complete: boolean): { path: string; message: string }[] {
  const byId = new Map(criteria.map((x) => [x.id, x]));
  const out: { path: string; message: string }[] = [];
  for (const [id, v] of Object.entries(scores)) {
    const crit = byId.get(id);
    if (!crit) out.push({ path: `scores.${id}`, message: '不是该类平台的评分项 / not a criterion of this category' });
    else if (!(v >= 0 && v <= crit.max)) out.push({ path: `scores.${id}`, message: `须在 0–${crit.max} 之间 / must be between 0 and ${crit.max}` });
  }
  if (complete)
    for (const crit of criteria)
      if (!(crit.id in scores)) out.push({ path: `scores.${crit.id}`, message: '提交前须完成全部评分项 / every criterion must be scored before submitting' });
  return out;
}

/** A complete sheet's total out of 100 (the maxima are the weights). */
export function totalScore(criteria: readonly Criterion[], scores: Record<string, number>): number {
  return Math.round(criteria.reduce((s, x) => s + (scores[x.id] ?? 0), 0) * 100) / 100;
}
