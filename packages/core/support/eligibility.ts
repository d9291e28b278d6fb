import type { Category } from '../taxonomy';
import type { Check, EligibilityRule, GrantAmount } from '../schemas/support';

/** What the service knows about a platform for a programme year. */
export interface SupportFacts {
  level: number;
  category: Category;
  listed: boolean;
  listedYearBefore: boolean;
  selected: { province: boolean; nation: boolean };
  reported: boolean;
}

const CATEGORY_ZH: Record<Category, string> = { comprehensive: '综合型', characteristic: '特色型', specialized: '专业型' };

/** Every condition of the rule with whether it holds, so a refusal or a listing says why. */
export function checkRule(rule: EligibilityRule, f: SupportFacts, year: number): Check[] {
  const out: Check[] = [];
  if (rule.minLevel !== undefined)
    out.push({ rule: 'minLevel', met: f.level >= rule.minLevel, text: `等级 ${f.level} ≥ ${rule.minLevel} / level ${f.level} ≥ ${rule.minLevel}` });
  if (rule.categories)
    out.push({ rule: 'categories', met: rule.categories.includes(f.category), text: `类型 ${CATEGORY_ZH[f.category]} ∈ {${rule.categories.map((c) => CATEGORY_ZH[c]).join('、')}} / category ${f.category}` });
  if (rule.listed !== undefined)
    out.push({ rule: 'listed', met: f.listed === rule.listed, text: `${f.listed ? '已' : '未'}列入 ${year} 年度名录 / ${f.listed ? '' : 'not '}in the ${year} directory` });
  if (rule.newlyListed !== undefined) {
    const isNew = f.listed && !f.listedYearBefore;
    out.push({ rule: 'newlyListed', met: isNew === rule.newlyListed, text: `${isNew ? '' : '非'}首次入库（${year - 1} 年度${f.listedYearBefore ? '已' : '未'}列入） / ${isNew ? 'newly listed' : 'not newly listed'} in ${year}` });
  }
  if (rule.selected !== undefined) {
    const met = rule.selected === 'any' ? f.selected.province || f.selected.nation : f.selected[rule.selected];
    const what = { province: '省级重点平台 provincial key platform', nation: '国家级平台 national platform', any: '省级或国家级 provincial or national' }[rule.selected];
    out.push({ rule: 'selected', met, text: `${year} 年度${met ? '已' : '未'}入选${what}` });
  }
  if (rule.reported !== undefined)
    out.push({ rule: 'reported', met: f.reported === rule.reported, text: `${f.reported ? '已' : '未'}申报 ${year} 年度指标 / ${f.reported ? '' : 'no '}indicator report for ${year}` });
  return out;
}

/** The rule's conditions in words, for a platform deciding whether to apply (zh / en). */
export function describeRule(rule: EligibilityRule, year: number): string[] {
  const out: string[] = [];
  if (rule.minLevel !== undefined) out.push(`等级不低于 ${rule.minLevel} 级 / level ${rule.minLevel} or above`);
  if (rule.categories) out.push(`类型为${rule.categories.map((c) => CATEGORY_ZH[c]).join('或')} / category ${rule.categories.join(' or ')}`);
  if (rule.listed !== undefined) out.push(rule.listed ? `列入 ${year} 年度名录 / in the ${year} directory` : `未列入 ${year} 年度名录 / not in the ${year} directory`);
  if (rule.newlyListed !== undefined) out.push(rule.newlyListed ? `${year} 年度首次入库 / newly listed in ${year}` : `非 ${year} 年度首次入库 / not newly listed in ${year}`);
  if (rule.selected !== undefined)
    out.push(`${year} 年度入选${{ province: '省级重点平台 / selected as a provincial key platform', nation: '国家级平台 / selected nationally', any: '省级或国家级平台 / selected provincially or nationally' }[rule.selected]}`);
  if (rule.reported !== undefined) out.push(rule.reported ? `已申报 ${year} 年度指标 / reported indicators for ${year}` : `未申报 ${year} 年度指标 / no report for ${year}`);
  return out;
}

/** The amount in words: fixed, or by level, within the cap (万元). */
export function describeAmount(amount: GrantAmount, capWan: number): string {
  const each = amount.kind === 'fixed' ? `每家 ${amount.wan} 万元 / ${amount.wan} each` : `一级 ${amount.wan[0]}、二级 ${amount.wan[1]}、三级 ${amount.wan[2]} 万元 / by level`;
  return `${each}；每家上限 ${capWan} 万元 / cap ${capWan}`;
}

/** The programme's amount for a platform of this level, within the per-platform cap; 0 below level 1 by tier. */
export function amountFor(amount: GrantAmount, capWan: number, level: number): number {
  const raw = amount.kind === 'fixed' ? amount.wan : level >= 1 ? amount.wan[Math.min(level, 3) - 1]! : 0;
  return Math.min(raw, capWan);
}

/** Sums of 万元 kept in cents, so 0.1 + 0.2 budgets add up exactly. */
export const cents = (wan: number) => Math.round(wan * 100);
export const wan = (c: number) => c / 100;
