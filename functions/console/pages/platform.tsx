import { z } from 'zod';
import { GeneralIndicators, SPECIFIC_INDICATORS } from '#core/indicators';
import { STATUS_LABELS } from '#core/labels';
import { LeadStatus } from '#core/schemas/lead';
import type { IndicatorField, IndicatorFields } from '../shared/page-data';
import { Data, Input, Layout, Option, T } from './layout';

// ---- lead inbox ---------------------------------------------------------------------------------

/** A list of leads filtered by status: the platform's inbox and a district's view. */
export function LeadStatusFilter(p: { id: string }) {
  return (
    <select id={p.id} aria-label="按状态筛选 Filter by status" data-testid={p.id} style="max-width:240px">
      <option value="">全部 All</option>
      {LeadStatus.options.map((s) => (
        <Option value={s} label={STATUS_LABELS[s]} />
      ))}
    </select>
  );
}

export function LeadsPage() {
  return (
    <Layout script="leads" title={{ zh: '线索收件箱', en: 'Lead inbox' }} path="/p/leads">
      <section class="card">
        <h2>
          <T zh="我的对接成效" en="My matchmaking results" />
        </h2>
        <div id="lead-funnel" data-testid="lead-funnel"></div>
      </section>
      <section class="card">
        <div class="actions" style="margin-bottom:10px">
          <LeadStatusFilter id="lead-filter" />
          <button type="button" class="ghost" id="lead-refresh" data-testid="lead-refresh">
            刷新 <span class="en">Refresh</span>
          </button>
        </div>
        <div id="lead-msg"></div>
        <div id="lead-list" data-testid="lead-list"></div>
      </section>
    </Layout>
  );
}

// ---- profile and solutions ----------------------------------------------------------------------


const Picker = (p: { id: string; zh: string; en: string; scroll?: boolean }) => (
  <div class="field">
    <span class="lbl">
      <T zh={p.zh} en={p.en} />
    </span>
    <div class={p.scroll ? 'checks scroll' : 'checks'} id={p.id} data-testid={p.id}></div>
  </div>
);

export function ProfilePage() {
  return (
    <Layout script="profile" title={{ zh: '平台信息与解决方案', en: 'Platform profile and solutions' }} path="/p/profile">
      <section class="card" id="profile" data-testid="platform-profile" hidden></section>
      <form class="card" id="register-form" data-testid="platform-register-form" hidden>
        <h2>
          <T zh="登记平台" en="Register your platform" />
        </h2>
        <div class="row">
          <Input name="name" zh="平台名称" en="Platform name" required max={100} testid="reg-name" />
          <Input name="website" zh="网站（可选）" en="Website (optional)" type="url" testid="reg-website" />
        </div>
        <div class="row">
          <Input name="operatorName" zh="运营单位" en="Operator" required max={200} testid="reg-operator" />
          <Input name="creditCode" zh="统一社会信用代码" en="Credit code" required min={18} max={18} testid="reg-credit-code" />
        </div>
        <div class="row3">
          <div class="field">
            <label for="reg-category">
              <T zh="平台类型" en="Category" />
            </label>
            <select id="reg-category" name="category" data-testid="reg-category"></select>
          </div>
          <div class="field">
            <label for="reg-subtype">
              <T zh="子类型（特色型）" en="Subtype (characteristic)" />
            </label>
            <select id="reg-subtype" name="subtype" data-testid="reg-subtype"></select>
          </div>
          <div class="field">
            <label for="reg-region">
              <T zh="所在区市" en="District" />
            </label>
            <select id="reg-region" name="region" data-testid="reg-region"></select>
          </div>
        </div>
        <Picker id="reg-industries" zh="服务行业（不选即跨行业）" en="Industries served (none = cross-industry)" scroll />
        <Picker id="reg-domains" zh="业务领域（至少一项）" en="Domains (at least one)" />
        <Picker id="reg-technologies" zh="应用技术" en="Technologies" />
        <div class="field">
          <label for="reg-description">
            <T zh="平台简介" en="Description" />
          </label>
          <textarea id="reg-description" name="description" required maxlength={4000} data-testid="reg-description"></textarea>
        </div>
        <Input name="webhookUrl" zh="线索推送地址（可选）" en="Lead webhook URL (optional)" type="url" testid="reg-webhook" />
        <button type="submit" data-testid="reg-submit">
          登记 <span class="en">Register</span>
        </button>
        <div id="register-msg"></div>
      </form>
      <div class="grid2" id="solutions-card" hidden>
        <section class="card">
          <h2>
            <T zh="解决方案" en="Solutions" />
          </h2>
          <div id="solution-list" data-testid="solution-list"></div>
        </section>
        <form class="card" id="solution-form" data-testid="solution-form">
          <h2>
            <T zh="新增解决方案" en="Add a solution" />
          </h2>
          <Input name="title" zh="方案名称" en="Title" required max={200} testid="sol-title" />
          <div class="field">
            <label for="sol-description">
              <T zh="方案描述" en="Description" />
            </label>
            <textarea id="sol-description" name="description" required maxlength={4000} data-testid="sol-description"></textarea>
          </div>
          <Picker id="sol-industries" zh="适用行业（不选即跨行业）" en="Industries (none = cross-industry)" scroll />
          <Picker id="sol-domains" zh="业务领域（至少一项）" en="Domains (at least one)" />
          <Picker id="sol-technologies" zh="应用技术" en="Technologies" />
          <button type="submit" data-testid="sol-submit">
            添加 <span class="en">Add</span>
          </button>
          <div id="solution-msg"></div>
        </form>
      </div>
      <form class="card" id="subscription-form" data-testid="subscription-form" hidden>
        <h2>
          <T zh="订阅新场景（每日至多一次汇总）" en="Follow new scenarios (one digest a day at most)" />
        </h2>
        <Picker id="sub-industries" zh="行业" en="Industries" scroll />
        <Picker id="sub-domains" zh="业务领域" en="Domains" />
        <button type="submit" data-testid="sub-submit">
          保存订阅 <span class="en">Save</span>
        </button>
        <div id="subscription-msg" aria-live="polite"></div>
      </form>
    </Layout>
  );
}

// ---- indicators and assessment ------------------------------------------------------------------

// The schemas carry zh descriptions only; English names of the 附表 indicators live here.
const EN: Record<string, string> = {
  revenueWan: 'Main business revenue (10k CNY)',
  investmentWan: 'Build-out investment (10k CNY)',
  profitWan: 'Profit (10k CNY, may be negative)',
  teamSize: 'Professional service team (people)',
  servedEnterprises: 'Enterprises served',
  patentsAndCopyrights: 'Patents and software copyrights',
  standards: 'Standards contributed to',
  dataTb: 'Data aggregated (TB)',
  'security.protected': 'Security protection in place',
  'security.mlpsLevel': 'MLPS level (0 = not filed)',
  monitoringConnected: 'Connected to the monitoring system',
  devices: 'Industrial devices connected',
  appSubscriptions: 'Industrial app subscriptions',
  mechanismModels: 'Industrial mechanism models',
  industriesServed: 'Industries covered',
  parksServed: 'Industrial parks served',
  'developers.registered': 'Registered developers',
  'developers.active': 'Active developers',
  registeredUsers: 'Registered users',
  transactionWan: 'Transaction volume (10k CNY)',
  protocols: 'Industrial protocols supported',
  ownApps: 'Own industrial apps',
  storesAndPartners: 'App stores and partners',
  dailyActiveUsers: 'Daily active users',
  lowCode: 'Low-code development capability',
};

/** Form fields straight from the report schemas, so the form cannot drift from what the API accepts. */
function fieldsOf(shape: Record<string, z.ZodType>, prefix = ''): IndicatorField[] {
  return Object.entries(shape).flatMap(([key, node]): IndicatorField[] => {
    const path = prefix + key;
    if (node instanceof z.ZodObject) return fieldsOf(node.shape as Record<string, z.ZodType>, `${path}.`);
    const zh = node.description ?? path;
    const en = EN[path] ?? path;
    if (node instanceof z.ZodBoolean) return [{ path, kind: 'bool', zh, en }];
    if (node instanceof z.ZodNumber) {
      const min = node.minValue;
      const max = node.maxValue;
      return [{
        path,
        kind: node.isInt ? 'int' : 'number',
        zh,
        en,
        ...(min !== null && Number.isFinite(min) ? { min } : {}),
        ...(max !== null && Number.isFinite(max) ? { max } : {}),
      }];
    }
    return [];
  });
}

export const INDICATOR_FIELDS: IndicatorFields = {
  general: fieldsOf(GeneralIndicators.shape),
  specific: Object.fromEntries(Object.entries(SPECIFIC_INDICATORS).map(([c, s]) => [c, fieldsOf(s.shape)])),
};


export function IndicatorsPage() {
  return (
    <Layout script="indicators" title={{ zh: '成熟度指标申报', en: 'Maturity indicator report' }} path="/p/indicators">
      <Data id="indicator-fields" value={INDICATOR_FIELDS} />
      <div class="grid2">
        <form class="card" id="indicator-form" data-testid="indicator-form">
          <h2>
            <T zh="年度申报" en="Yearly report" /> · <span id="indicator-category" data-testid="indicator-category"></span>
          </h2>
          <div class="field" style="max-width:200px">
            <label for="ind-year">
              <T zh="申报年度" en="Year" />
            </label>
            <input id="ind-year" name="year" type="number" min={2015} step="1" required data-testid="ind-year" />
          </div>
          <fieldset>
            <legend>
              <T zh="通用指标" en="General indicators" />
            </legend>
            <div id="general-fields"></div>
          </fieldset>
          <fieldset>
            <legend>
              <T zh="分类指标" en="Category indicators" />
            </legend>
            <div id="specific-fields"></div>
          </fieldset>
          <button type="submit" data-testid="ind-submit">
            提交申报 <span class="en">Submit report</span>
          </button>
          <div id="indicator-msg"></div>
        </form>
        <div>
          <section class="card" id="assessment" data-testid="assessment"></section>
          <section class="card">
            <h2>
              <T zh="数字画像" en="Digital portrait" />
            </h2>
            <div id="portrait" data-testid="portrait"></div>
          </section>
        </div>
      </div>
    </Layout>
  );
}
