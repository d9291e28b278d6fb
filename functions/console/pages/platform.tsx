import { z } from 'zod';
import { GeneralIndicators, SPECIFIC_INDICATORS } from '../../../packages/core/indicators';
import { Data, Layout, Script, T } from './layout';

// ---- lead inbox ---------------------------------------------------------------------------------

const LEADS_JS = String.raw`
GF.page(async function () {
  var who = GF.need(['platform']);
  if (!who) return;
  var h = GF.h;
  var tax = await GF.taxonomy();
  var list = document.getElementById('lead-list');
  var msg = document.getElementById('lead-msg');
  var filter = document.getElementById('lead-filter');

  async function decide(lead, action, reason, card) {
    card.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    try {
      await GF.api('POST', '/v1/leads/' + encodeURIComponent(lead.id) + '/' + action, action === 'decline' ? { reason: reason } : undefined);
      await load();
      GF.say(msg, GF.msg('ok', action === 'accept' ? '已接受线索，请尽快联系企业。 Lead accepted; contact the enterprise soon.' : '已婉拒线索。 Lead declined.', 'lead-decided'));
    } catch (err) {
      card.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
      GF.say(msg, GF.errorMsg(err));
    }
  }

  function card(lead) {
    var c = h('div', { class: 'item', 'data-testid': 'lead-item', 'data-id': lead.id, 'data-status': lead.status, 'data-scenario': lead.scenarioId });
    var s = lead.scenario;
    c.appendChild(h('div', { class: 'head' },
      h('span', { class: 'title', 'data-testid': 'lead-title' }, s.title),
      h('span', null, lead.roadshowId ? h('span', { class: 'badge composed' }, '路演 Roadshow') : null, ' ', GF.badge(lead.status, 'lead-status'))));
    c.appendChild(h('div', { class: 'small muted' },
      s.enterpriseName + ' · ' + GF.term(tax, 'industries', s.industry)[0] + ' · ' + GF.terms(tax, 'domains', s.domains) + ' · ' + s.region +
      ' · 匹配度 score ' + (lead.score * 100).toFixed(1) + ' · ' + GF.date(lead.createdAt)));
    if (lead.reasons && lead.reasons.length) {
      c.appendChild(h('ul', { class: 'reasons' }, lead.reasons.map(function (r) {
        var f = GF.FACTOR[r.factor] || [r.factor, r.factor];
        return h('li', null, h('span', null, f[0], h('span', { class: 'en' }, f[1])), h('span', null, r.text));
      })));
    }
    if (lead.declineReason) c.appendChild(h('p', { class: 'small' }, '婉拒原因 Reason: ' + lead.declineReason));
    if (lead.status === 'pending') {
      var accept = h('button', { type: 'button', class: 'ok', 'data-testid': 'lead-accept' }, '接受 ', h('span', { class: 'en' }, 'Accept'));
      var decline = h('button', { type: 'button', class: 'danger', 'data-testid': 'lead-decline' }, '婉拒 ', h('span', { class: 'en' }, 'Decline'));
      var why = h('form', { class: 'decline-form', hidden: true, 'data-testid': 'lead-decline-form' },
        h('div', { class: 'field' },
          h('label', null, '婉拒原因（企业可见） ', h('span', { class: 'en' }, 'Reason (shown to the enterprise)')),
          h('textarea', { name: 'reason', required: true, maxlength: 1000, 'data-testid': 'lead-decline-reason' })),
        h('div', { class: 'actions' },
          h('button', { type: 'submit', class: 'danger', 'data-testid': 'lead-decline-confirm' }, '确认婉拒 ', h('span', { class: 'en' }, 'Confirm decline')),
          h('button', { type: 'button', class: 'ghost', 'data-testid': 'lead-decline-cancel', onclick: function () { why.hidden = true; } }, '取消 ', h('span', { class: 'en' }, 'Cancel'))));
      accept.addEventListener('click', function () { decide(lead, 'accept', undefined, c); });
      decline.addEventListener('click', function () { why.hidden = false; why.elements.reason.focus(); });
      why.addEventListener('submit', function (ev) { ev.preventDefault(); decide(lead, 'decline', why.elements.reason.value.trim(), c); });
      c.appendChild(h('div', { class: 'actions', style: 'margin-top:8px' }, accept, decline));
      c.appendChild(why);
    }
    return c;
  }

  async function load() {
    var q = filter.value ? '&status=' + filter.value : '';
    var page = await GF.api('GET', '/v1/leads?limit=100' + q);
    GF.clear(list);
    if (!page.items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'lead-empty' }, '暂无线索，新线索会自动出现。', h('span', { class: 'en' }, 'No leads yet; new ones appear here by themselves.')));
    page.items.forEach(function (l) { list.appendChild(card(l)); });
  }
  filter.addEventListener('change', load);
  document.getElementById('lead-refresh').addEventListener('click', load);
  await load();
  // New leads arrive asynchronously after matching; refresh unless the user is typing a reason.
  setInterval(function () {
    if (document.hidden || list.querySelector('.decline-form:not([hidden])')) return;
    load().catch(function () {});
  }, 4000);
});
`;

export function LeadsPage() {
  return (
    <Layout title={{ zh: '线索收件箱', en: 'Lead inbox' }} path="/p/leads">
      <section class="card">
        <div class="actions" style="margin-bottom:10px">
          <select id="lead-filter" data-testid="lead-filter" style="max-width:240px">
            <option value="">全部 All</option>
            <option value="pending">待处理 Pending</option>
            <option value="accepted">已接受 Accepted</option>
            <option value="declined">已婉拒 Declined</option>
          </select>
          <button type="button" class="ghost" id="lead-refresh" data-testid="lead-refresh">
            刷新 <span class="en">Refresh</span>
          </button>
        </div>
        <div id="lead-msg"></div>
        <div id="lead-list" data-testid="lead-list"></div>
      </section>
      <Script code={LEADS_JS} />
    </Layout>
  );
}

// ---- profile and solutions ----------------------------------------------------------------------

const PROFILE_JS = String.raw`
GF.page(async function () {
  var who = GF.need(['platform']);
  if (!who) return;
  var h = GF.h;
  var tax = await GF.taxonomy();
  var id = who.org;
  var base = '/v1/platforms/' + encodeURIComponent(id);
  var profile = document.getElementById('profile');
  var reg = document.getElementById('register-form');
  var solCard = document.getElementById('solutions-card');

  function row(k, v) { return h('tr', null, h('th', null, k[0], h('span', { class: 'en' }, k[1])), h('td', null, v)); }

  async function showProfile() {
    var p;
    try { p = await GF.api('GET', base); }
    catch (err) {
      if (err.status !== 404) throw err;
      profile.hidden = true; solCard.hidden = true; reg.hidden = false;
      return;
    }
    reg.hidden = true; profile.hidden = false; solCard.hidden = false;
    GF.clear(profile);
    var cat = GF.term(tax, 'categories', p.category);
    profile.appendChild(h('div', { class: 'head' }, h('h2', { 'data-testid': 'platform-name' }, p.name), GF.levelBadge(p.level)));
    profile.appendChild(h('div', { class: 'table-wrap' }, h('table', null, h('tbody', null,
      row(['编号', 'Id'], h('code', null, p.id)),
      row(['运营单位', 'Operator'], p.operator.name + ' (' + p.operator.creditCode + ')'),
      row(['类型', 'Category'], cat[0] + ' ' + cat[1] + (p.subtype ? ' · ' + GF.term(tax, 'subtypes', p.subtype)[0] : '')),
      row(['区市', 'District'], p.region),
      row(['服务行业', 'Industries'], GF.terms(tax, 'industries', p.industries)),
      row(['业务领域', 'Domains'], GF.terms(tax, 'domains', p.domains)),
      row(['应用技术', 'Technologies'], GF.terms(tax, 'technologies', p.technologies)),
      row(['评定年度', 'Assessed year'], p.assessedYear || '—'),
      row(['名录资格', 'Eligibility'], [
        p.eligibility.cityDirectory ? '市级培优名录 City directory' : '未入名录 Not in directory',
        p.eligibility.provincialRecommendation ? ' · 省级推荐 Provincial' : '',
        p.eligibility.nationalRecommendation ? ' · 国家级推荐 National (' + p.eligibility.nationalTrack + ')' : ''
      ].join('')),
      row(['简介', 'Description'], p.description),
      row(['网站', 'Website'], p.website ? h('a', { href: p.website, rel: 'noopener', target: '_blank' }, p.website) : '—'),
      row(['线索推送地址', 'Webhook'], p.webhookUrl || '—')
    ))));
    profile.appendChild(h('p', null, h('a', { href: '/p/indicators', 'data-testid': 'to-indicators' }, '申报成熟度指标 → ', h('span', { class: 'en' }, 'Report maturity indicators'))));
    await showSolutions();
  }

  var solList = document.getElementById('solution-list');
  var solMsg = document.getElementById('solution-msg');
  async function showSolutions() {
    var res = await GF.api('GET', base + '/solutions');
    GF.clear(solList);
    if (!res.items.length) solList.appendChild(h('p', { class: 'muted', 'data-testid': 'solution-empty' }, '还没有解决方案。', h('span', { class: 'en' }, 'No solutions yet.')));
    res.items.forEach(function (s) {
      var del = h('button', { type: 'button', class: 'danger', 'data-testid': 'solution-delete' }, '删除 ', h('span', { class: 'en' }, 'Delete'));
      del.addEventListener('click', async function () {
        del.disabled = true;
        try { await GF.api('DELETE', base + '/solutions/' + encodeURIComponent(s.id)); await showSolutions(); }
        catch (err) { del.disabled = false; GF.say(solMsg, GF.errorMsg(err)); }
      });
      solList.appendChild(h('div', { class: 'item', 'data-testid': 'solution-item', 'data-id': s.id },
        h('div', { class: 'head' }, h('span', { class: 'title' }, s.title), del),
        h('p', { class: 'small' }, s.description),
        h('div', { class: 'small muted' },
          (s.industries.length ? GF.terms(tax, 'industries', s.industries) : '跨行业 Cross-industry') + ' · ' +
          GF.terms(tax, 'domains', s.domains) + ' · ' + GF.terms(tax, 'technologies', s.technologies))));
    });
  }

  // Registration (first visit of a platform user) and the solution form share the pickers.
  GF.fillSelect(reg.elements.category, tax.categories);
  GF.fillSelect(reg.elements.subtype, tax.subtypes, '— 无 None —');
  GF.fillSelect(reg.elements.region, tax.regions);
  GF.checks(document.getElementById('reg-industries'), tax.industries, 'reg-industry');
  GF.checks(document.getElementById('reg-domains'), tax.domains, 'reg-domain');
  GF.checks(document.getElementById('reg-technologies'), tax.technologies, 'reg-tech');
  var syncSub = function () { reg.elements.subtype.disabled = reg.elements.category.value !== 'characteristic'; };
  reg.elements.category.addEventListener('change', syncSub);
  syncSub();
  var regMsg = document.getElementById('register-msg');
  reg.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var body = {
      name: GF.val(reg, 'name'),
      operator: { name: GF.val(reg, 'operatorName'), creditCode: GF.val(reg, 'creditCode') },
      category: reg.elements.category.value,
      region: reg.elements.region.value,
      industries: GF.checked(document.getElementById('reg-industries')),
      domains: GF.checked(document.getElementById('reg-domains')),
      technologies: GF.checked(document.getElementById('reg-technologies')),
      description: GF.val(reg, 'description')
    };
    if (body.category === 'characteristic') body.subtype = reg.elements.subtype.value;
    if (GF.val(reg, 'website')) body.website = GF.val(reg, 'website');
    if (GF.val(reg, 'webhookUrl')) body.webhookUrl = GF.val(reg, 'webhookUrl');
    try { await GF.api('POST', '/v1/platforms', body); await showProfile(); }
    catch (err) { GF.say(regMsg, GF.errorMsg(err)); }
  });

  var sol = document.getElementById('solution-form');
  GF.checks(document.getElementById('sol-industries'), tax.industries, 'sol-industry');
  GF.checks(document.getElementById('sol-domains'), tax.domains, 'sol-domain');
  GF.checks(document.getElementById('sol-technologies'), tax.technologies, 'sol-tech');
  sol.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var body = {
      title: GF.val(sol, 'title'),
      description: GF.val(sol, 'description'),
      industries: GF.checked(document.getElementById('sol-industries')),
      domains: GF.checked(document.getElementById('sol-domains')),
      technologies: GF.checked(document.getElementById('sol-technologies'))
    };
    try {
      await GF.api('POST', base + '/solutions', body);
      sol.reset();
      await showSolutions();
      GF.say(solMsg, GF.msg('ok', '已添加解决方案。 Solution added.', 'solution-added'));
    } catch (err) { GF.say(solMsg, GF.errorMsg(err)); }
  });

  await showProfile();
});
`;

const Picker = (p: { id: string; zh: string; en: string; scroll?: boolean }) => (
  <div class="field">
    <span class="lbl">
      <T zh={p.zh} en={p.en} />
    </span>
    <div class={p.scroll ? 'checks scroll' : 'checks'} id={p.id} data-testid={p.id}></div>
  </div>
);

const Input = (p: { name: string; zh: string; en: string; type?: string; required?: boolean; testid: string; max?: number; min?: number }) => (
  <div class="field">
    <label for={p.testid}>
      <T zh={p.zh} en={p.en} />
    </label>
    <input id={p.testid} name={p.name} type={p.type ?? 'text'} required={p.required} maxlength={p.max} minlength={p.min} data-testid={p.testid} />
  </div>
);

export function ProfilePage() {
  return (
    <Layout title={{ zh: '平台信息与解决方案', en: 'Platform profile and solutions' }} path="/p/profile">
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
        <Picker id="reg-industries" zh="服务行业（至少一项）" en="Industries served (at least one)" scroll />
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
      <Script code={PROFILE_JS} />
    </Layout>
  );
}

// ---- indicators and assessment ------------------------------------------------------------------

interface FieldSpec {
  path: string;
  kind: 'int' | 'number' | 'bool';
  zh: string;
  en: string;
  min?: number;
  max?: number;
}

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
function fieldsOf(shape: Record<string, z.ZodType>, prefix = ''): FieldSpec[] {
  return Object.entries(shape).flatMap(([key, node]): FieldSpec[] => {
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

export const INDICATOR_FIELDS = {
  general: fieldsOf(GeneralIndicators.shape),
  specific: Object.fromEntries(Object.entries(SPECIFIC_INDICATORS).map(([c, s]) => [c, fieldsOf(s.shape)])),
};

const INDICATORS_JS = String.raw`
GF.page(async function () {
  var who = GF.need(['platform']);
  if (!who) return;
  var h = GF.h;
  var fields = GF.data('indicator-fields');
  var tax = await GF.taxonomy();
  var base = '/v1/platforms/' + encodeURIComponent(who.org);
  var form = document.getElementById('indicator-form');
  var msg = document.getElementById('indicator-msg');
  var p;
  try { p = await GF.api('GET', base); }
  catch (err) {
    if (err.status !== 404) throw err;
    form.hidden = true;
    GF.say(msg, GF.msg('info', '请先登记平台。 Register the platform first.', 'need-profile'));
    msg.appendChild(h('a', { href: '/p/profile' }, '去登记 Register →'));
    return;
  }
  var cat = GF.term(tax, 'categories', p.category);
  document.getElementById('indicator-category').textContent = cat[0] + ' ' + cat[1];

  var thisYear = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
  var year = form.elements.year;
  year.max = String(thisYear);
  year.value = String(thisYear - 1);

  function input(block, f) {
    var id = 'ind-' + block + '-' + f.path;
    var el = f.kind === 'bool'
      ? h('input', { type: 'checkbox', id: id, 'data-path': f.path, 'data-kind': f.kind, 'data-testid': id })
      : h('input', { type: 'number', id: id, required: true, step: f.kind === 'int' ? '1' : 'any', min: f.min, max: f.max, 'data-path': f.path, 'data-kind': f.kind, 'data-testid': id });
    return f.kind === 'bool'
      ? h('div', { class: 'field checks' }, h('label', { for: id }, el, h('span', null, f.zh), h('span', { class: 'en' }, f.en)))
      : h('div', { class: 'field' }, h('label', { for: id }, f.zh, h('span', { class: 'en' }, f.en)), el);
  }
  function fill(box, block, list) {
    GF.clear(box);
    var grid = h('div', { class: 'row' });
    list.forEach(function (f) { grid.appendChild(input(block, f)); });
    box.appendChild(grid);
  }
  fill(document.getElementById('general-fields'), 'general', fields.general);
  fill(document.getElementById('specific-fields'), 'specific', fields.specific[p.category]);

  // Whatever was last filed from this browser, so a correction does not start from blank.
  var draftKey = 'gf.indicators.' + p.id;
  function collect(block) {
    var out = {};
    document.querySelectorAll('#' + block + '-fields input').forEach(function (el) {
      var path = el.getAttribute('data-path').split('.');
      var v = el.getAttribute('data-kind') === 'bool' ? el.checked : el.value === '' ? undefined : Number(el.value);
      var o = out;
      for (var i = 0; i < path.length - 1; i++) o = o[path[i]] = o[path[i]] || {};
      o[path[path.length - 1]] = v;
    });
    return out;
  }
  function restore(block, values) {
    document.querySelectorAll('#' + block + '-fields input').forEach(function (el) {
      var v = el.getAttribute('data-path').split('.').reduce(function (o, k) { return o == null ? undefined : o[k]; }, values);
      if (v === undefined) return;
      if (el.getAttribute('data-kind') === 'bool') el.checked = !!v; else el.value = String(v);
    });
  }
  var draft = JSON.parse(localStorage.getItem(draftKey) || 'null');
  if (draft) { restore('general', draft.general); restore('specific', draft.specific); }

  var box = document.getElementById('assessment');
  async function current() {
    try { return await GF.api('GET', base + '/assessment'); }
    catch (err) { if (err.status === 404) return null; throw err; }
  }
  function render(a) {
    GF.clear(box);
    if (!a) { box.appendChild(h('p', { class: 'muted', 'data-testid': 'assessment-none' }, '尚无评定结果。', h('span', { class: 'en' }, 'Not assessed yet.'))); return; }
    box.appendChild(h('div', { class: 'head' }, h('h2', null, a.year + ' 年度评定 ', h('span', { class: 'en' }, 'Assessment ' + a.year)), GF.levelBadge(a.level)));
    box.appendChild(h('p', { 'data-testid': 'assessment-summary' }, a.summary.zh, h('span', { class: 'en' }, a.summary.en)));
    box.appendChild(h('p', { class: 'small muted' }, '规则版本 Rule set ' + a.ruleSetVersion + ' · ' + GF.date(a.assessedAt)));
    if (!a.gapsToNextLevel.length) { box.appendChild(GF.msg('ok', '已达最高等级。 Top level reached.', 'no-gaps')); return; }
    box.appendChild(h('h3', null, '距下一级的差距 ', h('span', { class: 'en' }, 'Gaps to the next level')));
    box.appendChild(h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'gaps' },
      h('thead', null, h('tr', null,
        h('th', null, '指标 ', h('span', { class: 'en' }, 'Indicator')),
        h('th', { class: 'num' }, '申报值 ', h('span', { class: 'en' }, 'Value')),
        h('th', { class: 'num' }, '要求 ', h('span', { class: 'en' }, 'Required')),
        h('th', { class: 'num' }, '差距 ', h('span', { class: 'en' }, 'Short by')))),
      h('tbody', null, a.gapsToNextLevel.map(function (g) {
        var show = function (v) { return v === true ? '是 yes' : v === false ? '否 no' : GF.num(v); };
        return h('tr', { 'data-testid': 'gap-row', 'data-indicator': g.indicator },
          h('td', null, g.label.zh, h('span', { class: 'en' }, g.label.en), g.kind === 'gate' ? h('span', { class: 'badge declined', style: 'margin-left:6px' }, '门槛 gate') : null),
          h('td', { class: 'num' }, show(g.value)), h('td', { class: 'num' }, show(g.required)), h('td', { class: 'num' }, g.shortfall === null ? '—' : GF.num(g.shortfall)));
      })))));
  }
  var portraitBox = document.getElementById('portrait');
  async function portrait() {
    GF.clear(portraitBox);
    var pt;
    try { pt = await GF.api('GET', base + '/portrait'); }
    catch (err) { if (err.status === 404) { portraitBox.appendChild(h('p', { class: 'muted' }, '申报后可查看。 Available after a report.')); return; } throw err; }
    portraitBox.appendChild(h('p', null, '发展指数 Development index: ', h('b', { 'data-testid': 'development-index' }, pt.developmentIndex === null ? '—' : pt.developmentIndex.toFixed(1)), ' · 同类平台 peers: ' + pt.peers));
    portraitBox.appendChild(h('div', { class: 'table-wrap' }, h('table', null, h('tbody', null, pt.dimensions.map(function (d) {
      return h('tr', null, h('td', null, d.label.zh, h('span', { class: 'en' }, d.label.en)),
        h('td', { class: 'num' }, d.score === null ? '—' : d.score.toFixed(1)),
        h('td', { style: 'width:40%' }, h('div', { class: 'meter' }, h('i', { style: 'width:' + (d.score || 0) + '%' }))));
    })))));
    if (pt.warnings.length) {
      portraitBox.appendChild(h('h3', null, '数据核实提示 ', h('span', { class: 'en' }, 'Please verify')));
      portraitBox.appendChild(h('ul', { 'data-testid': 'warnings' }, pt.warnings.map(function (w) {
        return h('li', { class: 'small' }, w.message.zh, h('div', { class: 'en' }, w.message.en));
      })));
    }
  }
  var before = await current();
  render(before);
  await portrait();

  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var body = { general: collect('general'), specific: collect('specific') };
    var btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    try {
      var res = await GF.api('PUT', base + '/indicators/' + encodeURIComponent(year.value), body);
      localStorage.setItem(draftKey, JSON.stringify(body));
      GF.say(msg, GF.msg('info', '已提交，正在评定… Submitted; assessing…', 'indicator-submitted'));
      var prevAt = before ? before.assessedAt : '';
      var a = await GF.poll(async function () {
        var x = await current();
        return x && x.year === res.year && x.assessedAt !== prevAt ? x : null;
      }, 1000, 60000);
      if (a) { before = a; render(a); await portrait(); GF.say(msg, GF.msg('ok', '评定已更新。 Assessment updated.', 'indicator-assessed')); }
      else GF.say(msg, GF.msg('info', '评定仍在进行，请稍后刷新。 Still assessing; reload later.', 'indicator-pending'));
    } catch (err) { GF.say(msg, GF.errorMsg(err)); }
    finally { btn.disabled = false; }
  });
});
`;

export function IndicatorsPage() {
  return (
    <Layout title={{ zh: '成熟度指标申报', en: 'Maturity indicator report' }} path="/p/indicators">
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
      <Script code={INDICATORS_JS} />
    </Layout>
  );
}
