import { validCreditCode } from '#core/credit-code';

/** Request bodies a real client would send; tests override what they are about. */
export function platformBody(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    operator: { name: `${name}运营公司`, creditCode: '91370200163562681G' },
    category: 'specialized',
    region: '崂山区',
    industries: ['C38'],
    domains: ['maintenance'],
    technologies: ['iot'],
    description: '设备远程运维与预测性维护平台',
    ...extra,
  };
}

export function scenarioBody(extra: Record<string, unknown> = {}) {
  return {
    title: '注塑车间设备经常突发停机',
    description: '我们有80台注塑机，经常突发停机，维修靠老师傅经验，希望提前发现故障。',
    enterprise: { name: '青岛某塑料制品有限公司', creditCode: '91350100M000100Y43' },
    industry: 'C29',
    domains: ['maintenance'],
    technologies: ['iot'],
    region: '黄岛区',
    ...extra,
  };
}

/** A specialized platform's report that clears every level-2 check (and no level-3 one). */
export function specializedL2Report(overrides: { general?: Record<string, unknown>; specific?: Record<string, unknown> } = {}) {
  return {
    general: {
      revenueWan: 3500,
      investmentWan: 1200,
      profitWan: 300,
      teamSize: 45,
      servedEnterprises: 320,
      patentsAndCopyrights: 32,
      standards: 1,
      dataTb: 25,
      security: { protected: true, mlpsLevel: 2 },
      monitoringConnected: true,
      ...overrides.general,
    },
    specific: {
      devices: 6000,
      ownApps: 35,
      mechanismModels: 210,
      appSubscriptions: 21000,
      registeredUsers: 12000,
      dailyActiveUsers: 1100,
      developers: { registered: 2100, active: 600 },
      lowCode: true,
      ...overrides.specific,
    },
  };
}

/** A checksum-valid 统一社会信用代码 per seed (GB 32100-2015), for organisations that must differ. */
export function creditCodeFor(seed: number): string {
  return validCreditCode('91370200MA', seed);
}
