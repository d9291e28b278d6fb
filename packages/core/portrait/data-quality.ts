import type { Label } from '../schemas/common';
import { readIndicator } from '../indicators';
// Plausibility checks on a platform's yearly indicator reports. They flag figures worth a second
// look before they feed grading or the portrait; none of them proves a report wrong.

export type BilingualMessage = Label;

export interface IndicatorYear {
  year: number;
  general: Record<string, unknown>;
  specific: Record<string, unknown>;
}

export type DataQualityCode =
  | 'yoy_jump'
  | 'served_exceeds_users'
  | 'active_exceeds_registered_developers'
  | 'dau_exceeds_users'
  | 'profit_exceeds_revenue';

export interface DataQualityWarning {
  year: number;
  /** Path relative to { ...general, ...specific }, as in the maturity rule sets. */
  indicator: string;
  code: DataQualityCode;
  message: BilingualMessage;
}

/** A count growing more than this many times in one year is flagged. */
export const YOY_JUMP_FACTOR = 10;

// Counts only: money and data volume legitimately jump when a platform lands one large contract or
// onboards one large plant, while a tenfold jump in a headcount-like figure is almost always a unit
// or typing error (e.g. 台 vs 套, an extra zero).
const COUNT_INDICATORS: readonly { path: string; zh: string; en: string }[] = [
  { path: 'servedEnterprises', zh: '服务企业数量', en: 'enterprises served' },
  { path: 'patentsAndCopyrights', zh: '专利及软著', en: 'patents and software copyrights' },
  { path: 'standards', zh: '参与标准制定', en: 'standards contributed to' },
  { path: 'teamSize', zh: '专业服务团队', en: 'service team size' },
  { path: 'devices', zh: '连接工业设备数量', en: 'connected devices' },
  { path: 'appSubscriptions', zh: '工业 APP 订阅量', en: 'app subscriptions' },
  { path: 'mechanismModels', zh: '工业机理模型数量', en: 'mechanism models' },
  { path: 'industriesServed', zh: '覆盖行业数量', en: 'industries covered' },
  { path: 'parksServed', zh: '服务产业园区数量', en: 'parks served' },
  { path: 'developers.registered', zh: '注册开发者数量', en: 'registered developers' },
  { path: 'developers.active', zh: '活跃开发者数量', en: 'active developers' },
  { path: 'registeredUsers', zh: '注册用户数量', en: 'registered users' },
  { path: 'dailyActiveUsers', zh: '日活跃用户数量', en: 'daily active users' },
  { path: 'protocols', zh: '支持工业协议数量', en: 'industrial protocols' },
  { path: 'ownApps', zh: '自有工业 APP 数量', en: 'own apps' },
  { path: 'storesAndPartners', zh: '应用商店及合作伙伴数量', en: 'app stores and partners' },
];


// The same resolution the rule sets use: { ...general, ...specific }, specific winning.
function num(report: IndicatorYear, path: string): number | undefined {
  const s = readIndicator(report.specific, path);
  const v = s !== undefined ? s : readIndicator(report.general, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * Warnings for one platform's report history, sorted by year, then indicator, then code. The
 * year-on-year rule compares calendar-adjacent reports only: across a gap, a tenfold rise is growth
 * over several years and says little about a single report.
 */
export function dataQualityWarnings(history: readonly IndicatorYear[]): DataQualityWarning[] {
  const out: DataQualityWarning[] = [];
  const byYear = [...history].sort((a, b) => a.year - b.year);

  for (let i = 0; i < byYear.length; i++) {
    const r = byYear[i]!;
    const prev = i > 0 && byYear[i - 1]!.year === r.year - 1 ? byYear[i - 1]! : undefined;

    if (prev) {
      for (const c of COUNT_INDICATORS) {
        const before = num(prev, c.path);
        const now = num(r, c.path);
        if (before === undefined || now === undefined || before <= 0) continue;
        if (now > YOY_JUMP_FACTOR * before) {
          out.push({
            year: r.year,
            indicator: c.path,
            code: 'yoy_jump',
            message: {
              zh: `${c.zh}由 ${prev.year} 年的 ${before} 增至 ${r.year} 年的 ${now}，同比增长超过 ${YOY_JUMP_FACTOR} 倍，请核实。`,
              en: `${c.en} rose from ${before} in ${prev.year} to ${now} in ${r.year}, more than ${YOY_JUMP_FACTOR}× year on year; please verify.`,
            },
          });
        }
      }
    }

    const served = num(r, 'servedEnterprises');
    const users = num(r, 'registeredUsers');
    if (served !== undefined && users !== undefined && served > users) {
      out.push({
        year: r.year,
        indicator: 'servedEnterprises',
        code: 'served_exceeds_users',
        message: {
          zh: `服务企业数量（${served}）大于注册用户数量（${users}），服务的企业通常应为平台注册用户，请核实。`,
          en: `Enterprises served (${served}) exceed registered users (${users}); served enterprises are normally registered users, please verify.`,
        },
      });
    }

    const active = num(r, 'developers.active');
    const registered = num(r, 'developers.registered');
    if (active !== undefined && registered !== undefined && active > registered) {
      out.push({
        year: r.year,
        indicator: 'developers.active',
        code: 'active_exceeds_registered_developers',
        message: {
          zh: `活跃开发者数量（${active}）大于注册开发者数量（${registered}），请核实。`,
          en: `Active developers (${active}) exceed registered developers (${registered}); please verify.`,
        },
      });
    }

    const dau = num(r, 'dailyActiveUsers');
    if (dau !== undefined && users !== undefined && dau > users) {
      out.push({
        year: r.year,
        indicator: 'dailyActiveUsers',
        code: 'dau_exceeds_users',
        message: {
          zh: `日活跃用户数量（${dau}）大于注册用户数量（${users}），请核实。`,
          en: `Daily active users (${dau}) exceed registered users (${users}); please verify.`,
        },
      });
    }

    const profit = num(r, 'profitWan');
    const revenue = num(r, 'revenueWan');
    if (profit !== undefined && revenue !== undefined && profit > revenue) {
      out.push({
        year: r.year,
        indicator: 'profitWan',
        code: 'profit_exceeds_revenue',
        message: {
          zh: `盈利（${profit} 万元）大于主营业务收入（${revenue} 万元），请核实。`,
          en: `Profit (${profit} ×10k CNY) exceeds main business revenue (${revenue} ×10k CNY); please verify.`,
        },
      });
    }
  }

  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => a.year - b.year || cmp(a.indicator, b.indicator) || cmp(a.code, b.code));
}
