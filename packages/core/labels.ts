// Display labels of the service's enumerations, shared by the server-rendered pages and the
// console's browser code. Pure data with type-only imports, so a browser bundle carries no zod; the
// Record types make a new status, level, factor or role a compile error here until it has a label.
import type { z } from 'zod';
import type { Level } from './maturity/assess';
import type { Role } from './principal';
import type { Label } from './schemas/common';
import type { LeadStatus } from './schemas/lead';
import type { Roadshow } from './schemas/roadshow';
import type { ReasonFactor, ScenarioStatus } from './schemas/scenario';

export type RoadshowStatus = Roadshow['status'];
export type Status = ScenarioStatus | LeadStatus | RoadshowStatus;
export type Factor = z.infer<typeof ReasonFactor>;

export const STATUS_LABELS: Record<Status, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  matching: { zh: '匹配中', en: 'Matching' },
  matched: { zh: '已匹配', en: 'Matched' },
  closed: { zh: '已关闭', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  pending: { zh: '待处理', en: 'Pending' },
  accepted: { zh: '已接受', en: 'Accepted' },
  declined: { zh: '已婉拒', en: 'Declined' },
  composing: { zh: '编排中', en: 'Composing' },
  composed: { zh: '已编排', en: 'Composed' },
};

export const LEVEL_LABELS: Record<Level, Label> = {
  0: { zh: '未定级', en: 'Not graded' },
  1: { zh: '一级', en: 'Level 1' },
  2: { zh: '二级', en: 'Level 2' },
  3: { zh: '三级', en: 'Level 3' },
};
export const LEVELS: readonly Level[] = [0, 1, 2, 3];

export const FACTOR_LABELS: Record<Factor, Label> = {
  semantic: { zh: '语义相似度', en: 'Semantic similarity' },
  concept: { zh: '需求要点契合', en: 'Need concepts covered' },
  lexical: { zh: '关键词重合', en: 'Keyword overlap' },
  industry: { zh: '行业契合', en: 'Industry fit' },
  domain: { zh: '场景领域契合', en: 'Domain fit' },
  technology: { zh: '技术契合', en: 'Technology fit' },
  maturity: { zh: '平台成熟度', en: 'Maturity' },
  exposure: { zh: '曝光均衡', en: 'Exposure fairness' },
};

export const ROLE_LABELS: Record<Role, Label> = {
  bureau: { zh: '市工信局', en: 'Bureau' },
  manufacturer: { zh: '制造企业', en: 'Manufacturer' },
  platform: { zh: '平台', en: 'Platform' },
  expert: { zh: '评审专家', en: 'Expert' },
};
