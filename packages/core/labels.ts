// Display labels of the service's enumerations, shared by the server-rendered pages and the
// console's browser code. Pure data with type-only imports, so a browser bundle carries no zod; the
// Record types make a new status, level, factor or role a compile error here until it has a label.
import type { z } from 'zod';
import type { Level } from './maturity/assess';
import type { Role } from './principal';
import type { Label } from './schemas/common';
import type { UpstreamLevel } from './schemas/defence';
import type { DeclineReason, LeadStatus, LostReason } from './schemas/lead';
import type { Roadshow } from './schemas/roadshow';
import type { ReasonFactor, ScenarioStatus } from './schemas/scenario';
import type { Review } from './schemas/review';
import type { ApplicationStatus, Objection, RoundStatus } from './schemas/round';

export type RoadshowStatus = Roadshow['status'];
export type Status = ScenarioStatus | LeadStatus | RoadshowStatus | Review['status'];
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
  contacted: { zh: '已联系', en: 'Contacted' },
  proposal: { zh: '方案洽谈', en: 'Proposal' },
  signed: { zh: '已签约', en: 'Signed' },
  delivered: { zh: '已交付', en: 'Delivered' },
  lost: { zh: '未成交', en: 'Lost' },
  composing: { zh: '编排中', en: 'Composing' },
  composed: { zh: '已编排', en: 'Composed' },
  reported: { zh: '已出成效报告', en: 'Reported' },
  assigned: { zh: '待评分', en: 'To score' },
  submitted: { zh: '已提交', en: 'Submitted' },
};

/** A computed level: 0 means the indicators meet no level's thresholds yet (the same words as assess.ts). */
export const LEVEL_LABELS: Record<Level, Label> = {
  0: { zh: '未达标', en: 'Not graded' },
  1: { zh: '一级', en: 'Level 1' },
  2: { zh: '二级', en: 'Level 2' },
  3: { zh: '三级', en: 'Level 3' },
};
export const LEVELS: readonly Level[] = [0, 1, 2, 3];
/** The level's Chinese word, for documents that store the level as a plain number. */
export const levelZh = (level: number): string => LEVEL_LABELS[level as Level]?.zh ?? String(level);

export const FACTOR_LABELS: Record<Factor, Label> = {
  semantic: { zh: '语义相似度', en: 'Semantic similarity' },
  concept: { zh: '需求要点契合', en: 'Need concepts covered' },
  lexical: { zh: '关键词重合', en: 'Keyword overlap' },
  industry: { zh: '行业契合', en: 'Industry fit' },
  domain: { zh: '场景领域契合', en: 'Domain fit' },
  technology: { zh: '技术契合', en: 'Technology fit' },
  maturity: { zh: '平台成熟度', en: 'Maturity' },
  exposure: { zh: '曝光均衡', en: 'Exposure fairness' },
  track_record: { zh: '对接成效记录', en: 'Track record' },
};

export const DECLINE_REASON_LABELS: Record<DeclineReason, Label> = {
  out_of_scope: { zh: '不在我方业务范围', en: 'Outside our business scope' },
  capacity: { zh: '产能已满', en: 'At capacity' },
  budget: { zh: '预算不匹配', en: 'Budget does not fit' },
  region: { zh: '地域', en: 'Region' },
  other: { zh: '其他', en: 'Other' },
};

export const LOST_REASON_LABELS: Record<LostReason, Label> = {
  price: { zh: '价格未谈拢', en: 'Price not agreed' },
  competitor: { zh: '企业选择了其他服务商', en: 'Enterprise chose another provider' },
  need_changed: { zh: '需求取消或变更', en: 'Need cancelled or changed' },
  no_response: { zh: '企业无回应', en: 'Enterprise stopped responding' },
  capability: { zh: '方案无法满足需求', en: 'Solution could not meet the need' },
  other: { zh: '其他', en: 'Other' },
};

export const ROLE_LABELS: Record<Role, Label> = {
  bureau: { zh: '市工信局', en: 'Bureau' },
  manufacturer: { zh: '制造企业', en: 'Manufacturer' },
  platform: { zh: '平台', en: 'Platform' },
  expert: { zh: '评审专家', en: 'Expert' },
  district: { zh: '区（市）工信部门', en: 'District office' },
  institution: { zh: '诊断机构', en: 'Diagnosis institution' },
};

// The yearly round (培优入库): its own status words, since 'open' or 'closed' mean something else
// for a round than for an objection or a scenario.
export const ROUND_STATUS_LABELS: Record<RoundStatus, Label> = {
  open: { zh: '申报中', en: 'Open' },
  closed: { zh: '已截止', en: 'Closed' },
  notice: { zh: '公示中', en: 'On public notice' },
  publishing: { zh: '发布中', en: 'Publishing' },
  published: { zh: '名录已发布', en: 'Directory published' },
};

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '评定中', en: 'Submitted' },
  assessed: { zh: '已评定', en: 'Assessed' },
  returned: { zh: '退回补正', en: 'Returned for correction' },
  rejected: { zh: '未入选', en: 'Rejected' },
};

export const OBJECTION_STATUS_LABELS: Record<Objection['status'], Label> = {
  open: { zh: '待处理', en: 'Open' },
  upheld: { zh: '异议成立', en: 'Upheld' },
  dismissed: { zh: '异议不成立', en: 'Dismissed' },
};

// --- roadshow events (issue 20) ---------------------------------------------------------------
export const ROADSHOW_KIND_LABELS: Record<'roadshow' | 'matchmaking' | 'park' | 'forum', Label> = {
  roadshow: { zh: '场景路演', en: 'Scenario roadshow' },
  matchmaking: { zh: '供需对接会', en: 'Supply–demand matchmaking' },
  park: { zh: '“一体化”进园区', en: 'Industrial park visit' },
  forum: { zh: '论坛分会', en: 'Forum session' },
};
export const RSVP_DECLINE_LABELS: Record<'schedule' | 'not_relevant' | 'capacity' | 'withdrawn' | 'other', Label> = {
  schedule: { zh: '时间冲突', en: 'Schedule clash' },
  not_relevant: { zh: '与我方业务不符', en: 'Not relevant to us' },
  capacity: { zh: '人手不足', en: 'No one available' },
  withdrawn: { zh: '需求已撤回或已解决', en: 'Need withdrawn or solved' },
  other: { zh: '其他', en: 'Other' },
};

/** Where a recommendation goes: the province's list or MIIT's. */
export const UPSTREAM_LEVEL_LABELS: Record<UpstreamLevel, Label> = {
  provincial: { zh: '省级', en: 'Provincial' },
  national: { zh: '国家级', en: 'National' },
};

/** 奖补 grant statuses, for the bureau's ledger and the platform's own page. */
export const GRANT_STATUS_LABELS: Record<'proposed' | 'approved' | 'rejected' | 'paid', Label> = {
  proposed: { zh: '待审批', en: 'Proposed' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未批准', en: 'Rejected' },
  paid: { zh: '已拨付', en: 'Paid' },
};
