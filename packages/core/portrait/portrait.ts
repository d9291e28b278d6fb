import { Category } from '../taxonomy';
import type { Label } from '../schemas/common';
import { readIndicator } from '../indicators';

// Platform digital portrait (数字画像): five dimensions of the national 双跨 evaluation plus the
// programme's own matchmaking record, each scored 0–100 against platforms of the same category.

export type BilingualText = Label;

export interface PortraitSnapshot {
  platformId: string;
  general: Record<string, unknown>;
  specific: Record<string, unknown>;
  /** 供需对接 leads for the year; omit when unknown (a platform with no leads reports zeros). */
  evidence?: {
    leadsAccepted: number;
    leadsDecided: number;
    /** Deals the manufacturer confirmed; a platform's own claim does not score. */
    dealsSigned?: number;
    dealsDelivered?: number;
    contractWan?: number;
    /** Mean of the manufacturers' 1–5 ratings; absent without ratings. */
    meanStars?: number;
  };
  /** Number of enabling technologies the platform declares (taxonomy TECHNOLOGIES). */
  technologiesCount?: number;
}

export interface PortraitInput {
  category: Category;
  year: number;
  target: PortraitSnapshot;
  /** Latest indicators of every platform in the same category; the target may or may not be included. */
  peers: readonly PortraitSnapshot[];
}

export type DimensionKey = 'resources' | 'technology' | 'enablement' | 'contribution' | 'sustainability' | 'matchmaking';

export interface PortraitIndicator {
  /** Path relative to { ...general, ...specific } as in the maturity rule sets, or an evidence key. */
  indicator: string;
  label: BilingualText;
  value: number | boolean;
  /** Position between the weakest (0) and strongest (1) same-category peer after the transform. */
  normalised: number;
  /** Weight inside the dimension; the weights of one dimension sum to 1. */
  weight: number;
}

export interface PortraitDimension {
  key: DimensionKey;
  label: BilingualText;
  /** 0–100, or null when the target reported none of the dimension's indicators. */
  score: number | null;
  /** Weight of the dimension in the development index. */
  weight: number;
  weighting: 'entropy' | 'equal';
  indicators: PortraitIndicator[];
}

export interface Portrait {
  platformId: string;
  category: Category;
  year: number;
  dimensions: PortraitDimension[];
  /** Weighted mean of the non-null dimension scores (weights renormalised); null when all are null. */
  developmentIndex: number | null;
  method: BilingualText;
  /** Platforms compared, the target included. */
  peers: number;
}

type Transform = 'log' | 'identity';

interface IndicatorDef {
  indicator: string;
  label: BilingualText;
  read: (s: PortraitSnapshot) => number | boolean | undefined;
  transform: Transform;
  categories?: readonly Category[];
}

interface DimensionDef {
  key: DimensionKey;
  label: BilingualText;
  weight: number;
  indicators: IndicatorDef[];
}


const reported = (v: unknown): number | boolean | undefined =>
  typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined;

const general = (path: string, zh: string, en: string, transform: Transform = 'log'): IndicatorDef => ({
  indicator: path,
  label: { zh, en },
  read: (s) => reported(readIndicator(s.general, path)),
  transform,
});

const specific = (
  path: string,
  zh: string,
  en: string,
  categories: readonly Category[],
  transform: Transform = 'log',
): IndicatorDef => ({
  indicator: path,
  label: { zh, en },
  read: (s) => reported(readIndicator(s.specific, path)),
  transform,
  categories,
});

type EvidenceKey = keyof NonNullable<PortraitSnapshot['evidence']>;
/** A figure of the programme's own matchmaking record, read from the snapshot's evidence. */
const evidence = (key: EvidenceKey, zh: string, en: string, transform: Transform = 'log'): IndicatorDef => ({
  indicator: key,
  label: { zh, en },
  read: (s) => reported(s.evidence?.[key]),
  transform,
});

const ALL: readonly Category[] = Category.options;

/** Fixed weights of the development index; they sum to 1. */
export const DIMENSION_WEIGHTS: Readonly<Record<DimensionKey, number>> = {
  resources: 0.2,
  technology: 0.2,
  enablement: 0.2,
  contribution: 0.15,
  sustainability: 0.15,
  matchmaking: 0.1,
};

// Category filters follow the indicator blocks in ../indicators. Two additions beyond the national
// list keep every dimension populated for characteristic platforms, whose block lacks parks, users
// and subscriptions: protocols (核心技术) and stores & partners (社会贡献, the ecosystem it sustains).
// For specialized platforms, which report both, resources count own apps and contribution counts
// subscriptions so that one figure does not score twice.
export const PORTRAIT_DIMENSIONS: readonly DimensionDef[] = [
  {
    key: 'resources',
    label: { zh: '资源管理水平', en: 'Resource management' },
    weight: DIMENSION_WEIGHTS.resources,
    indicators: [
      specific('devices', '连接工业设备数量', 'Connected industrial devices', ALL),
      specific('mechanismModels', '工业机理模型数量', 'Industrial mechanism models', ALL),
      specific('ownApps', '自有工业 APP 数量', 'Own industrial apps', ['characteristic', 'specialized']),
      specific('appSubscriptions', '工业 APP 订阅量', 'Industrial app subscriptions', ['comprehensive']),
      specific('developers.registered', '注册开发者数量', 'Registered developers', ['comprehensive', 'specialized']),
      general('dataTb', '汇聚数据量（TB）', 'Data aggregated (TB)'),
    ],
  },
  {
    key: 'technology',
    label: { zh: '核心技术水平', en: 'Core technology' },
    weight: DIMENSION_WEIGHTS.technology,
    indicators: [
      general('patentsAndCopyrights', '专利及软著', 'Patents and software copyrights'),
      general('standards', '参与标准制定', 'Standards contributed to'),
      specific('lowCode', '低代码开发能力', 'Low-code development', ['specialized'], 'identity'),
      specific('protocols', '支持工业协议数量', 'Industrial protocols supported', ['characteristic']),
      {
        indicator: 'technologiesCount',
        label: { zh: '应用新技术数量', en: 'Enabling technologies applied' },
        read: (s) => reported(s.technologiesCount),
        transform: 'log',
      },
    ],
  },
  {
    key: 'enablement',
    label: { zh: '赋能成效', en: 'Enablement results' },
    weight: DIMENSION_WEIGHTS.enablement,
    indicators: [
      general('servedEnterprises', '服务企业数量', 'Enterprises served'),
      specific('industriesServed', '覆盖行业数量', 'Industries covered', ['comprehensive']),
      specific('transactionWan', '平台交易额（万元）', 'Platform transactions (10k CNY)', ['comprehensive', 'characteristic']),
    ],
  },
  {
    key: 'contribution',
    label: { zh: '社会贡献度', en: 'Social contribution' },
    weight: DIMENSION_WEIGHTS.contribution,
    indicators: [
      specific('parksServed', '服务产业园区数量', 'Industrial parks served', ['comprehensive']),
      specific('appSubscriptions', '工业 APP 订阅量', 'Industrial app subscriptions', ['comprehensive', 'specialized']),
      specific('registeredUsers', '注册用户数量', 'Registered users', ['comprehensive', 'specialized']),
      specific('storesAndPartners', '应用商店及合作伙伴数量', 'App stores and partners', ['characteristic']),
    ],
  },
  {
    key: 'sustainability',
    label: { zh: '可持续发展能力', en: 'Sustainability' },
    weight: DIMENSION_WEIGHTS.sustainability,
    indicators: [
      general('revenueWan', '主营业务收入（万元）', 'Main business revenue (10k CNY)'),
      general('investmentWan', '建设投入（万元）', 'Build-out investment (10k CNY)'),
      general('profitWan', '自身盈利能力（万元）', 'Profit (10k CNY)'),
      general('teamSize', '专业服务团队（人）', 'Professional service team'),
    ],
  },
  {
    key: 'matchmaking',
    label: { zh: '供需对接成效', en: 'Matchmaking results' },
    weight: DIMENSION_WEIGHTS.matchmaking,
    indicators: [
      evidence('leadsAccepted', '承接对接需求数', 'Leads accepted'),
      {
        indicator: 'acceptanceRate',
        label: { zh: '需求承接率', en: 'Lead acceptance rate' },
        // Undefined without decided leads: 0 of 0 says nothing about how the platform responds.
        read: (s) =>
          s.evidence && s.evidence.leadsDecided > 0 ? s.evidence.leadsAccepted / s.evidence.leadsDecided : undefined,
        transform: 'identity',
      },
      evidence('dealsSigned', '企业确认签约数', 'Deals signed (confirmed)'),
      evidence('dealsDelivered', '企业确认交付数', 'Deals delivered (confirmed)'),
      evidence('contractWan', '签约合同金额（万元）', 'Contract value (10k CNY)'),
      evidence('meanStars', '企业满意度（平均星级）', 'Manufacturer satisfaction (mean stars)', 'identity'),
    ],
  },
];

/** Fewer comparable platforms than this and entropy says more about noise than about spread. */
export const MIN_PEERS_FOR_ENTROPY = 3;

// Signed so that a loss (negative profit) stays ordered below break-even instead of becoming NaN.
const signedLog1p = (x: number) => Math.sign(x) * Math.log1p(Math.abs(x));

function transformed(def: IndicatorDef, v: number | boolean): number {
  const x = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  return def.transform === 'log' ? signedLog1p(x) : x;
}

/** Min–max position of `t` among `all`; without spread, any positive common value is full marks. */
function normalise(t: number, all: readonly number[]): number {
  let min = Infinity;
  let max = -Infinity;
  for (const x of all) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (max - min <= 1e-12 * Math.max(1, Math.abs(max))) return t > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, (t - min) / (max - min)));
}

/** Entropy-method divergence 1 − e of one indicator's normalised column (0 = no information). */
function divergence(column: readonly number[]): number {
  const n = column.length;
  if (n < 2) return 0;
  const sum = column.reduce((a, b) => a + b, 0);
  if (sum <= 0) return 0;
  let h = 0;
  for (const y of column) {
    if (y > 0) {
      const p = y / sum;
      h -= p * Math.log(p);
    }
  }
  return Math.max(0, 1 - h / Math.log(n));
}

const METHOD: BilingualText = {
  zh:
    '各指标先做 log1p 变换（盈利取带符号的 log1p，布尔值、承接率与满意度不变换）：设备数、用户数、收入等计数与金额呈重尾分布，少数头部平台比其余平台高出几个数量级，' +
    '直接做最小–最大归一化会把大多数平台压到接近 0，取对数后比较的是数量级差距。随后在同类型（综合型/特色型/专业型）平台中做最小–最大归一化，' +
    '最弱为 0、最强为 1；全部平台取值相同时，正值记 1、零记 0。未申报的指标不参与计算，维度内权重在已申报指标间重新分配。' +
    `维度内权重采用熵权法：区分度越大的指标权重越高；当可比平台少于 ${MIN_PEERS_FOR_ENTROPY} 家或各指标均无区分度时改用等权。` +
    '维度得分 = 100 × 加权归一化值。发展指数为六个维度的固定加权平均：资源管理水平 0.2、核心技术水平 0.2、赋能成效 0.2、社会贡献度 0.15、' +
    '可持续发展能力 0.15、供需对接成效 0.1；某一维度无任何申报指标时不计分，其余维度权重按比例放大。',
  en:
    'Each indicator is first transformed with log1p (signed log1p for profit; booleans, the acceptance rate and satisfaction are left as they are): ' +
    'counts and amounts such as devices, users and revenue are heavy-tailed, with a few leading platforms orders of magnitude above the rest, ' +
    'so plain min–max scaling would squash most platforms to near 0; on the log scale platforms are compared by order of magnitude. ' +
    'Values are then min–max normalised among platforms of the same category (comprehensive / characteristic / specialized), weakest 0, strongest 1; ' +
    'when every platform reports the same value, a positive value counts as 1 and zero as 0. Unreported indicators are skipped and the ' +
    `dimension's weight is spread over the reported ones. Weights inside a dimension come from the entropy weight method — the more an indicator ` +
    `separates platforms, the more it weighs — falling back to equal weights with fewer than ${MIN_PEERS_FOR_ENTROPY} comparable platforms ` +
    'or when no indicator separates them. Dimension score = 100 × weighted normalised value. The development index is a fixed weighted mean of the ' +
    'six dimensions: resource management 0.2, core technology 0.2, enablement results 0.2, social contribution 0.15, sustainability 0.15, ' +
    'matchmaking results 0.1; a dimension with no reported indicator is left unscored and the other weights are scaled up proportionally.',
};

/** Compute the digital portrait of `input.target` against its same-category peers. */
export function platformPortrait(input: PortraitInput): Portrait {
  const { target, category, year } = input;
  // The target's own snapshot wins over a stale copy of it in the peer list.
  const group = [target, ...input.peers.filter((p) => p.platformId !== target.platformId)];
  const dedup = new Map<string, PortraitSnapshot>();
  for (const s of group) if (!dedup.has(s.platformId)) dedup.set(s.platformId, s);
  const members = [...dedup.values()];

  const dimensions: PortraitDimension[] = PORTRAIT_DIMENSIONS.map((dim) => {
    const rows: { def: IndicatorDef; value: number | boolean; normalised: number; d: number; n: number }[] = [];
    for (const def of dim.indicators) {
      if (def.categories && !def.categories.includes(category)) continue;
      const value = def.read(target);
      if (value === undefined) continue;
      const column: number[] = [];
      for (const m of members) {
        const v = def.read(m);
        if (v !== undefined) column.push(transformed(def, v));
      }
      const normalisedColumn = column.map((t) => normalise(t, column));
      rows.push({
        def,
        value,
        normalised: normalise(transformed(def, value), column),
        d: divergence(normalisedColumn),
        n: column.length,
      });
    }
    const totalD = rows.reduce((a, r) => a + r.d, 0);
    const entropy = rows.length > 0 && rows.every((r) => r.n >= MIN_PEERS_FOR_ENTROPY) && totalD > 1e-12;
    const indicators: PortraitIndicator[] = rows.map((r) => ({
      indicator: r.def.indicator,
      label: r.def.label,
      value: r.value,
      normalised: r.normalised,
      weight: entropy ? r.d / totalD : 1 / rows.length,
    }));
    const score = indicators.length === 0 ? null : 100 * indicators.reduce((a, i) => a + i.weight * i.normalised, 0);
    return {
      key: dim.key,
      label: dim.label,
      score: score === null ? null : Math.min(100, Math.max(0, score)),
      weight: dim.weight,
      weighting: entropy ? 'entropy' : 'equal',
      indicators,
    };
  });

  let num = 0;
  let den = 0;
  for (const d of dimensions) {
    if (d.score === null) continue;
    num += d.weight * d.score;
    den += d.weight;
  }

  return {
    platformId: target.platformId,
    category,
    year,
    dimensions,
    developmentIndex: den > 0 ? num / den : null,
    method: METHOD,
    peers: members.length,
  };
}
