import { RuleSet, type Label, type Threshold, type ThresholdValue } from './rule-set';

// Qingdao's 2025 grading rules. Written as plain data (the helpers below only attach labels) so the
// same content can be exported to JSON and PUT back as the starting point for the next version.

const LABELS = {
  revenueWan: { zh: '主营业务收入（万元）', en: 'Main business revenue (10k CNY)' },
  investmentWan: { zh: '建设投入（万元）', en: 'Platform investment (10k CNY)' },
  teamSize: { zh: '专业服务团队（人）', en: 'Professional service team (people)' },
  servedEnterprises: { zh: '服务企业数量（家）', en: 'Enterprises served' },
  patentsAndCopyrights: { zh: '专利及软著（件）', en: 'Patents and software copyrights' },
  standards: { zh: '参与标准制定（项）', en: 'Standards contributed to' },
  dataTb: { zh: '汇聚数据量（TB）', en: 'Data aggregated (TB)' },
  devices: { zh: '连接工业设备数量（台套）', en: 'Industrial devices connected' },
  appSubscriptions: { zh: '工业 APP 订阅量（次）', en: 'Industrial app subscriptions' },
  mechanismModels: { zh: '工业机理模型数量（个）', en: 'Industrial mechanism models' },
  industriesServed: { zh: '覆盖行业数量（个）', en: 'Industries covered' },
  parksServed: { zh: '服务产业园区数量（个）', en: 'Industrial parks served' },
  'developers.registered': { zh: '注册开发者数量（个）', en: 'Registered developers' },
  registeredUsers: { zh: '注册用户数量（个）', en: 'Registered users' },
  transactionWan: { zh: '平台交易额（万元）', en: 'Platform transaction volume (10k CNY)' },
  protocols: { zh: '支持工业协议数量（种）', en: 'Industrial protocols supported' },
  ownApps: { zh: '自有工业 APP 数量（个）', en: 'Own industrial apps' },
  storesAndPartners: { zh: '应用商店及合作伙伴数量（家）', en: 'App stores and partners' },
  dailyActiveUsers: { zh: '日活跃用户数量（个）', en: 'Daily active users' },
  lowCode: { zh: '具备低代码开发能力', en: 'Low-code development capability' },
} as const satisfies Record<string, Label>;

const t = (
  indicator: keyof typeof LABELS,
  l1: ThresholdValue,
  l2: ThresholdValue,
  l3: ThresholdValue,
): Threshold => ({ indicator, label: { ...LABELS[indicator] }, levels: [l1, l2, l3] });

const raw = {
  version: 'qd-2025.1',
  passShare: 0.8,
  gates: {
    1: [
      {
        indicator: 'security.protected',
        op: 'eq',
        value: true,
        label: { zh: '已落实安全防护措施', en: 'Security protection in place' },
      },
    ],
    2: [
      {
        indicator: 'monitoringConnected',
        op: 'eq',
        value: true,
        label: { zh: '已接入平台监测系统', en: 'Connected to the platform monitoring system' },
      },
      {
        indicator: 'security.mlpsLevel',
        op: 'gte',
        value: 2,
        label: { zh: '网络安全等级保护二级及以上', en: 'MLPS level 2 or above' },
      },
    ],
    3: [
      {
        indicator: 'security.mlpsLevel',
        op: 'gte',
        value: 3,
        label: { zh: '网络安全等级保护三级及以上', en: 'MLPS level 3 or above' },
      },
      {
        indicator: 'profitWan',
        op: 'gte',
        value: 0,
        label: { zh: '自身盈利能力不为负（盈亏平衡及以上）', en: 'Break-even or better (profit ≥ 0)' },
      },
    ],
  },
  thresholds: {
    comprehensive: [
      t('revenueWan', 5000, 20000, 100000),
      t('investmentWan', 1000, 5000, 20000),
      t('teamSize', 50, 200, 500),
      t('servedEnterprises', 500, 2000, 10000),
      t('patentsAndCopyrights', 20, 50, 150),
      t('standards', null, 2, 5),
      t('dataTb', 50, 200, 1000),
      t('devices', 10000, 100000, 1000000),
      t('appSubscriptions', 10000, 50000, 200000),
      t('mechanismModels', 200, 1000, 5000),
      t('industriesServed', 3, 6, 10),
      t('parksServed', 1, 5, 10),
      t('developers.registered', 1000, 10000, 50000),
      t('registeredUsers', 5000, 50000, 200000),
      t('transactionWan', 10000, 100000, 500000),
    ],
    characteristic: [
      t('revenueWan', 1000, 5000, 20000),
      t('investmentWan', 300, 1000, 5000),
      t('teamSize', 20, 50, 150),
      t('servedEnterprises', 100, 500, 2000),
      t('patentsAndCopyrights', 10, 20, 50),
      t('standards', null, 1, 3),
      t('dataTb', 10, 50, 200),
      t('devices', 1000, 10000, 100000),
      t('mechanismModels', 50, 200, 1000),
      t('transactionWan', 1000, 10000, 50000),
      t('protocols', 10, 30, 100),
      t('ownApps', 10, 50, 200),
      t('storesAndPartners', 50, 300, 1000),
    ],
    specialized: [
      t('revenueWan', 500, 3000, 10000),
      t('investmentWan', 200, 1000, 3000),
      t('teamSize', 15, 40, 100),
      t('servedEnterprises', 50, 300, 1000),
      t('patentsAndCopyrights', 10, 30, 60),
      t('standards', null, 1, 3),
      t('dataTb', 5, 20, 100),
      t('devices', 500, 5000, 50000),
      t('appSubscriptions', 5000, 20000, 100000),
      t('mechanismModels', 50, 200, 1000),
      t('developers.registered', 200, 2000, 10000),
      t('registeredUsers', 1000, 10000, 50000),
      t('ownApps', 10, 30, 100),
      t('dailyActiveUsers', 100, 1000, 5000),
      t('lowCode', null, true, true),
    ],
  },
} satisfies RuleSet;

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

/**
 * The default rule set. Parsed through the schema at load so the shipped defaults obey the same
 * rules as an uploaded version, and frozen because it is shared by every request in the process.
 */
export const QD_2025_1: RuleSet = deepFreeze(RuleSet.parse(raw));

export const DEFAULT_RULE_SET_VERSION = QD_2025_1.version;
