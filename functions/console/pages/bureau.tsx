import { Data, Layout, Script, T } from './layout';

// ECharts is served by our own vendor route: the bureau's network and local mode have no internet.
const Echarts = () => <script src="/vendor/echarts/echarts.min.js"></script>;

// ---- overview -----------------------------------------------------------------------------------

const OVERVIEW_JS = String.raw`
GF.page(async function () {
  var who = GF.need(['bureau']);
  if (!who) return;
  var h = GF.h;
  var all = await Promise.all([GF.taxonomy(), GF.api('GET', '/v1/stats/overview'), GF.api('GET', '/v1/stats/bottlenecks')]);
  var tax = all[0], o = all[1], b = all[2];

  var kpis = document.getElementById('kpis');
  function kpi(testid, label, value) {
    kpis.appendChild(h('div', { class: 'kpi', 'data-testid': testid }, h('div', { class: 'k' }, label[0], h('span', { class: 'en' }, label[1])), h('div', { class: 'v' }, value)));
  }
  kpi('kpi-platforms', ['登记平台', 'Platforms'], GF.num(o.platforms.total));
  kpi('kpi-apps', ['工业 APP', 'Industrial apps'], GF.num(o.coreElements.apps));
  kpi('kpi-devices', ['连接设备', 'Connected devices'], GF.num(o.coreElements.devices));
  kpi('kpi-served', ['服务企业', 'Enterprises served'], GF.num(o.coreElements.servedEnterprises));
  kpi('kpi-solutions', ['解决方案', 'Solutions'], GF.num(o.coreElements.solutions));
  kpi('kpi-leads', ['对接线索', 'Leads'], GF.num(o.leads.total));
  kpi('kpi-acceptance', ['线索承接率', 'Acceptance rate'], GF.pct(o.leads.acceptanceRate));
  kpi('kpi-scenarios', ['场景', 'Scenarios'], GF.num(o.scenarios.total));

  var levelColors = ['#b8c4d0', '#6fa8dc', '#2f74c0', '#0b3a6a'];
  var cats = o.platforms.byCategory.map(function (c) { var t = GF.term(tax, 'categories', c.category); return t[0] + '\n' + t[1]; });
  GF.chart(document.getElementById('chart-levels')).setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: cats },
    yAxis: { type: 'value', minInterval: 1 },
    series: GF.LEVEL.map(function (l, i) {
      return { name: l[0] + ' ' + l[1], type: 'bar', stack: 'level', itemStyle: { color: levelColors[i] }, data: o.platforms.byCategory.map(function (c) { return c.byLevel[i]; }) };
    })
  });

  var leadColors = { pending: '#f0b429', accepted: '#2e9d55', declined: '#d64545' };
  GF.chart(document.getElementById('chart-leads')).setOption({
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['38%', '66%'], center: ['50%', '45%'],
      label: { formatter: '{b}\n{c}' },
      data: ['pending', 'accepted', 'declined'].map(function (s) {
        var v = o.leads.byStatus[s];
        // A zero slice has no area, so its label would float over a neighbour's.
        return { name: GF.STATUS[s][0] + ' ' + GF.STATUS[s][1], value: v, itemStyle: { color: leadColors[s] }, label: { show: v > 0 }, labelLine: { show: v > 0 } };
      })
    }],
    graphic: o.leads.total ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: '暂无线索 No leads yet', fill: '#5f6f80', fontSize: 14 } }]
  });

  GF.chart(document.getElementById('chart-trend')).setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 48, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: o.trend.map(function (t) { return String(t.year); }) },
    yAxis: [{ type: 'value', name: '数量 count' }, { type: 'value', name: '平台 platforms', minInterval: 1 }],
    series: [
      { name: '连接设备 Devices', type: 'line', data: o.trend.map(function (t) { return t.devices; }) },
      { name: '工业 APP Apps', type: 'line', data: o.trend.map(function (t) { return t.apps; }) },
      { name: '服务企业 Served', type: 'line', data: o.trend.map(function (t) { return t.servedEnterprises; }) },
      { name: '申报平台 Reporting', type: 'bar', yAxisIndex: 1, barMaxWidth: 28, itemStyle: { color: '#c9d6e3' }, data: o.trend.map(function (t) { return t.platformsReporting; }) }
    ]
  });

  var sc = document.getElementById('scenario-status');
  sc.appendChild(h('div', { class: 'table-wrap' }, h('table', null, h('tbody', null,
    Object.keys(o.scenarios.byStatus).map(function (s) {
      return h('tr', { 'data-testid': 'scenario-count', 'data-status': s }, h('td', null, GF.badge(s)), h('td', { class: 'num' }, GF.num(o.scenarios.byStatus[s])));
    })))));

  var bn = document.getElementById('bottlenecks');
  if (!b.categories.length) bn.appendChild(h('p', { class: 'muted' }, '暂无评定结果。', h('span', { class: 'en' }, 'No assessments yet.')));
  b.categories.forEach(function (c) {
    var t = GF.term(tax, 'categories', c.category);
    bn.appendChild(h('h3', null, t[0], h('span', { class: 'en' }, t[1]), ' · ' + c.heldBack + ' / ' + c.assessed + ' 家待提升 held back'));
    bn.appendChild(h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'bottleneck-table', 'data-category': c.category }, h('tbody', null,
      c.items.slice(0, 8).map(function (i) {
        return h('tr', { 'data-testid': 'bottleneck-row' },
          h('td', null, i.label.zh, h('span', { class: 'en' }, i.label.en)),
          h('td', { class: 'num' }, i.count),
          h('td', { style: 'width:35%' }, h('div', { class: 'meter' }, h('i', { style: 'width:' + Math.round(i.share * 100) + '%' }))),
          h('td', { class: 'num' }, GF.pct(i.share)));
      })))));
  });
  document.getElementById('generated').textContent = GF.date(o.generatedAt);
});
`;

export function OverviewPage() {
  return (
    <Layout title={{ zh: '监测总览', en: 'Monitoring overview' }} path="/b/overview" head={<Echarts />}>
      <p class="small muted">
        数据时间 <span class="en">As of</span> <span id="generated"></span>
      </p>
      <div class="kpis" id="kpis" data-testid="kpis"></div>
      <div class="grid">
        <section class="card">
          <h2>
            <T zh="平台类型 × 等级" en="Platforms by category and level" />
          </h2>
          <div class="chart" id="chart-levels" data-testid="chart-levels"></div>
        </section>
        <section class="card">
          <h2>
            <T zh="对接线索状态" en="Leads by status" />
          </h2>
          <div class="chart" id="chart-leads" data-testid="chart-leads"></div>
        </section>
      </div>
      <section class="card">
        <h2>
          <T zh="核心要素年度趋势" en="Core elements by reported year" />
        </h2>
        <div class="chart" id="chart-trend" data-testid="chart-trend"></div>
      </section>
      <div class="grid">
        <section class="card">
          <h2>
            <T zh="场景状态" en="Scenarios by status" />
          </h2>
          <div id="scenario-status"></div>
        </section>
        <section class="card" data-testid="bottlenecks">
          <h2>
            <T zh="升级瓶颈指标" en="Indicators holding platforms back" />
          </h2>
          <div id="bottlenecks"></div>
        </section>
      </div>
      <Script code={OVERVIEW_JS} />
    </Layout>
  );
}

// ---- platform register --------------------------------------------------------------------------

const DIRECTORY_JS = String.raw`
GF.page(async function () {
  var who = GF.need(['bureau']);
  if (!who) return;
  var h = GF.h;
  var all = await Promise.all([GF.taxonomy(), GF.api('GET', '/v1/stats/platforms')]);
  var tax = all[0], rows = all[1].items;
  var cat = document.getElementById('f-category'), lvl = document.getElementById('f-level');
  GF.fillSelect(cat, tax.categories, '全部类型 All categories');
  var body = document.getElementById('register-body');
  function render() {
    GF.clear(body);
    var shown = rows.filter(function (r) { return (!cat.value || r.category === cat.value) && (lvl.value === '' || String(r.level) === lvl.value); });
    document.getElementById('register-count').textContent = shown.length + ' / ' + rows.length;
    shown.forEach(function (r) {
      var c = GF.term(tax, 'categories', r.category);
      body.appendChild(h('tr', { 'data-testid': 'register-row', 'data-id': r.id },
        h('td', null, h('a', { href: '/b/platforms/' + encodeURIComponent(r.id), 'data-testid': 'platform-link' }, r.name)),
        h('td', null, c[0], h('span', { class: 'en' }, c[1])),
        h('td', null, GF.levelBadge(r.level)),
        h('td', { class: 'hide-sm' }, r.region),
        h('td', { class: 'num' }, r.reportedYear || '—'),
        h('td', { class: 'num hide-sm' }, GF.num(r.devices)),
        h('td', { class: 'num hide-sm' }, GF.num(r.apps)),
        h('td', { class: 'num hide-sm' }, GF.num(r.servedEnterprises)),
        h('td', { class: 'num' }, r.leads.accepted + ' / ' + (r.leads.accepted + r.leads.declined + r.leads.pending))));
    });
    if (!shown.length) body.appendChild(h('tr', null, h('td', { colspan: 9, class: 'muted' }, '无平台。 No platforms.')));
  }
  cat.addEventListener('change', render);
  lvl.addEventListener('change', render);
  render();
});
`;

export function BureauDirectoryPage() {
  return (
    <Layout title={{ zh: '平台监测台账', en: 'Platform register' }} path="/b/directory">
      <section class="card">
        <div class="actions" style="margin-bottom:10px">
          <select id="f-category" data-testid="filter-category" style="max-width:220px"></select>
          <select id="f-level" data-testid="filter-level" style="max-width:180px">
            <option value="">全部等级 All levels</option>
            <option value="0">未定级 Not graded</option>
            <option value="1">一级 Level 1</option>
            <option value="2">二级 Level 2</option>
            <option value="3">三级 Level 3</option>
          </select>
          <span class="muted small" id="register-count"></span>
        </div>
        <div class="table-wrap">
          <table data-testid="register-table">
            <thead>
              <tr>
                <th><T zh="平台" en="Platform" /></th>
                <th><T zh="类型" en="Category" /></th>
                <th><T zh="等级" en="Level" /></th>
                <th class="hide-sm"><T zh="区市" en="District" /></th>
                <th class="num"><T zh="申报年度" en="Year" /></th>
                <th class="num hide-sm"><T zh="设备" en="Devices" /></th>
                <th class="num hide-sm"><T zh="APP" en="Apps" /></th>
                <th class="num hide-sm"><T zh="服务企业" en="Served" /></th>
                <th class="num"><T zh="承接/线索" en="Accepted/leads" /></th>
              </tr>
            </thead>
            <tbody id="register-body"></tbody>
          </table>
        </div>
      </section>
      <Script code={DIRECTORY_JS} />
    </Layout>
  );
}

// ---- portrait -----------------------------------------------------------------------------------

const PORTRAIT_JS = String.raw`
GF.page(async function () {
  var who = GF.need(['bureau']);
  if (!who) return;
  var h = GF.h;
  var id = GF.data('platform-id');
  var base = '/v1/platforms/' + encodeURIComponent(id);
  var tax = await GF.taxonomy();
  var p = await GF.api('GET', base);
  var head = document.getElementById('platform-head');
  var c = GF.term(tax, 'categories', p.category);
  head.appendChild(h('div', { class: 'head' }, h('h2', { 'data-testid': 'platform-name' }, p.name), GF.levelBadge(p.level)));
  head.appendChild(h('div', { class: 'small muted' }, c[0] + ' ' + c[1] + ' · ' + p.region + ' · ' + p.operator.name + ' · ' + GF.terms(tax, 'domains', p.domains)));

  var box = document.getElementById('portrait');
  var pt;
  try { pt = await GF.api('GET', base + '/portrait'); }
  catch (err) {
    if (err.status !== 404) throw err;
    box.appendChild(GF.msg('info', '该平台尚未申报指标，暂无画像。 No indicator report yet, so no portrait.', 'portrait-none'));
    document.getElementById('radar-card').hidden = true;
    return;
  }
  document.getElementById('index').textContent = pt.developmentIndex === null ? '—' : pt.developmentIndex.toFixed(1);
  document.getElementById('index-note').textContent = pt.year + ' 年度 · 同类平台 ' + pt.peers + ' 家 / ' + pt.year + ' report · ' + pt.peers + ' same-category platforms';

  GF.chart(document.getElementById('chart-radar')).setOption({
    tooltip: {},
    radar: {
      radius: '62%',
      indicator: pt.dimensions.map(function (d) { return { name: d.label.zh + '\n' + d.label.en, max: 100 }; }),
      axisName: { color: '#38495a', fontSize: 11 }
    },
    series: [{
      type: 'radar',
      areaStyle: { opacity: 0.25 },
      data: [{ name: p.name, value: pt.dimensions.map(function (d) { return d.score === null ? 0 : Math.round(d.score * 10) / 10; }) }]
    }]
  });

  pt.dimensions.forEach(function (d) {
    box.appendChild(h('h3', { 'data-testid': 'dimension', 'data-key': d.key }, d.label.zh, h('span', { class: 'en' }, d.label.en),
      ' · ', h('b', null, d.score === null ? '—' : d.score.toFixed(1)),
      h('span', { class: 'small muted' }, ' (' + (d.weighting === 'entropy' ? '熵权 entropy' : '等权 equal') + ')')));
    if (!d.indicators.length) return;
    box.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'dim' }, h('tbody', null, d.indicators.map(function (i) {
      return h('tr', null,
        h('td', null, i.label.zh, h('span', { class: 'en' }, i.label.en)),
        h('td', { class: 'num' }, typeof i.value === 'boolean' ? (i.value ? '是 yes' : '否 no') : i.indicator === 'acceptanceRate' ? GF.pct(i.value) : GF.num(i.value)),
        h('td', null, h('div', { class: 'meter', title: 'normalised ' + i.normalised.toFixed(2) }, h('i', { style: 'width:' + Math.round(i.normalised * 100) + '%' }))),
        h('td', { class: 'num small muted' }, '权重 ' + GF.pct(i.weight)));
    })))));
  });
  var warn = document.getElementById('warnings');
  if (!pt.warnings.length) warn.appendChild(GF.msg('ok', '未发现异常数据。 No implausible figures found.', 'no-warnings'));
  else warn.appendChild(h('ul', { 'data-testid': 'warnings' }, pt.warnings.map(function (w) {
    return h('li', { 'data-testid': 'warning', 'data-code': w.code }, w.message.zh, h('div', { class: 'en' }, w.message.en));
  })));
  document.getElementById('method').appendChild(h('details', null, h('summary', null, '计算方法 ', h('span', { class: 'en' }, 'Method')),
    h('p', { class: 'small' }, pt.method.zh), h('p', { class: 'small en' }, pt.method.en)));
});
`;

export function PortraitPage(p: { id: string }) {
  return (
    <Layout title={{ zh: '平台数字画像', en: 'Platform portrait' }} path="/b/directory" head={<Echarts />}>
      <Data id="platform-id" value={p.id} />
      <p>
        <a href="/b/directory" data-testid="back-to-register">
          ← 平台台账 <span class="en">Platform register</span>
        </a>
      </p>
      <section class="card" id="platform-head"></section>
      <div class="grid" id="radar-card">
        <section class="card">
          <h2>
            <T zh="发展指数" en="Development index" /> · <span id="index" data-testid="development-index"></span>
          </h2>
          <p class="small muted" id="index-note"></p>
          <div class="chart" id="chart-radar" data-testid="chart-radar"></div>
        </section>
        <section class="card">
          <h2>
            <T zh="数据核实提示" en="Data-quality warnings" />
          </h2>
          <div id="warnings"></div>
          <div id="method"></div>
        </section>
      </div>
      <section class="card" id="portrait" data-testid="portrait"></section>
      <Script code={PORTRAIT_JS} />
    </Layout>
  );
}

// ---- roadshows ----------------------------------------------------------------------------------

const ROADSHOWS_JS = String.raw`
GF.page(async function () {
  var who = GF.need(['bureau']);
  if (!who) return;
  var h = GF.h;
  var tax = await GF.taxonomy();
  var form = document.getElementById('roadshow-form');
  GF.checks(document.getElementById('rs-industries'), tax.industries, 'rs-industry');
  GF.checks(document.getElementById('rs-domains'), tax.domains, 'rs-domain');
  var d = new Date(Date.now() + 14 * 86400000);
  form.elements.date.value = d.toISOString().slice(0, 10);
  var msg = document.getElementById('roadshow-msg');
  var list = document.getElementById('roadshow-list');

  function agenda(r) {
    if (r.status !== 'composed') return h('p', { class: 'muted small', 'data-testid': 'agenda-pending' }, '正在编排议程… Composing the agenda…');
    if (!r.agenda.length) return h('p', { class: 'muted small', 'data-testid': 'agenda-empty' }, '没有符合条件的已匹配场景。 No matched scenarios fit the criteria.');
    return h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'agenda' },
      h('thead', null, h('tr', null, h('th', null, '#'), h('th', null, '场景 ', h('span', { class: 'en' }, 'Scenario')), h('th', null, '路演平台（匹配度） ', h('span', { class: 'en' }, 'Platforms (score)')))),
      h('tbody', null, r.agenda.map(function (a, i) {
        return h('tr', { 'data-testid': 'agenda-row', 'data-scenario': a.scenarioId },
          h('td', null, String(i + 1)), h('td', null, a.scenarioTitle),
          h('td', null, a.platforms.map(function (p) { return p.platformName + ' (' + (p.score * 100).toFixed(1) + ')'; }).join('、')));
      }))));
  }
  async function load() {
    var res = await GF.api('GET', '/v1/roadshows');
    GF.clear(list);
    if (!res.items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'roadshow-empty' }, '还没有路演。', h('span', { class: 'en' }, 'No roadshows yet.')));
    res.items.forEach(function (r) {
      list.appendChild(h('div', { class: 'item', 'data-testid': 'roadshow-item', 'data-id': r.id, 'data-status': r.status },
        h('div', { class: 'head' }, h('span', { class: 'title' }, r.title), GF.badge(r.status, 'roadshow-status')),
        h('div', { class: 'small muted' }, r.date + ' · 每场景 ' + r.platformsPerScenario + ' 家平台 / platforms per scenario · 最多 ' + r.maxScenarios + ' 个场景 / scenarios max' +
          (r.optimal === false ? ' · 近似解 approximate' : '')),
        agenda(r)));
    });
    return res.items.every(function (r) { return r.status === 'composed'; });
  }
  async function watch() { await GF.poll(load, 1500, 120000); }

  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var body = {
      title: GF.val(form, 'title'),
      date: GF.val(form, 'date'),
      maxScenarios: Number(GF.val(form, 'maxScenarios')),
      platformsPerScenario: Number(GF.val(form, 'platformsPerScenario')),
      maxSlotsPerPlatform: Number(GF.val(form, 'maxSlotsPerPlatform'))
    };
    var ind = GF.checked(document.getElementById('rs-industries'));
    var dom = GF.checked(document.getElementById('rs-domains'));
    if (ind.length) body.industries = ind;
    if (dom.length) body.domains = dom;
    var btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    try {
      await GF.api('POST', '/v1/roadshows', body);
      GF.say(msg, GF.msg('info', '已发起，正在编排议程。 Created; composing the agenda.', 'roadshow-created'));
      await watch();
      GF.say(msg, GF.msg('ok', '议程已编排，已向入选平台发送路演邀请。 Agenda composed; invited platforms got a lead.', 'roadshow-composed'));
    } catch (err) { GF.say(msg, GF.errorMsg(err)); }
    finally { btn.disabled = false; }
  });
  await watch();
});
`;

export function RoadshowsPage() {
  return (
    <Layout title={{ zh: '场景路演', en: 'Matchmaking roadshows' }} path="/b/roadshows">
      <div class="grid2">
        <form class="card" id="roadshow-form" data-testid="roadshow-form">
          <h2>
            <T zh="发起路演" en="New roadshow" />
          </h2>
          <div class="field">
            <label for="rs-title">
              <T zh="路演名称" en="Title" />
            </label>
            <input id="rs-title" name="title" type="text" required maxlength={200} data-testid="rs-title" />
          </div>
          <div class="row">
            <div class="field">
              <label for="rs-date">
                <T zh="日期" en="Date" />
              </label>
              <input id="rs-date" name="date" type="date" required data-testid="rs-date" />
            </div>
            <div class="field">
              <label for="rs-max-scenarios">
                <T zh="最多场景数" en="Max scenarios" />
              </label>
              <input id="rs-max-scenarios" name="maxScenarios" type="number" min={1} max={200} value="10" required data-testid="rs-max-scenarios" />
            </div>
          </div>
          <div class="row">
            <div class="field">
              <label for="rs-pps">
                <T zh="每场景平台数" en="Platforms per scenario" />
              </label>
              <input id="rs-pps" name="platformsPerScenario" type="number" min={1} max={20} value="3" required data-testid="rs-platforms-per-scenario" />
            </div>
            <div class="field">
              <label for="rs-slots">
                <T zh="每平台最多场次" en="Max slots per platform" />
              </label>
              <input id="rs-slots" name="maxSlotsPerPlatform" type="number" min={1} max={50} value="3" required data-testid="rs-max-slots" />
            </div>
          </div>
          <div class="field">
            <span class="lbl">
              <T zh="限定行业（可选）" en="Industries (optional)" />
            </span>
            <div class="checks scroll" id="rs-industries" data-testid="rs-industries"></div>
          </div>
          <div class="field">
            <span class="lbl">
              <T zh="限定领域（可选）" en="Domains (optional)" />
            </span>
            <div class="checks" id="rs-domains" data-testid="rs-domains"></div>
          </div>
          <button type="submit" data-testid="rs-submit">
            发起并编排 <span class="en">Create and compose</span>
          </button>
          <div id="roadshow-msg"></div>
        </form>
        <section class="card">
          <h2>
            <T zh="路演与议程" en="Roadshows and agendas" />
          </h2>
          <div id="roadshow-list" data-testid="roadshow-list"></div>
        </section>
      </div>
      <Script code={ROADSHOWS_JS} />
    </Layout>
  );
}

