import { Data, Layout, Script, T } from './layout';

const SCENARIOS_JS = String.raw`
GF.page(async function () {
  var who = GF.need(['manufacturer']);
  if (!who) return;
  var h = GF.h;
  var tax = await GF.taxonomy();
  var form = document.getElementById('scenario-form');
  GF.fillSelect(form.elements.industry, tax.industries, '请选择行业 Choose an industry');
  GF.fillSelect(form.elements.region, tax.regions, '请选择区市 Choose a district');
  GF.checks(document.getElementById('domains'), tax.domains, 'domain');
  GF.checks(document.getElementById('technologies'), tax.technologies, 'tech');

  // The enterprise rarely changes between scenarios; remember it in this browser.
  var saved = JSON.parse(localStorage.getItem('gf.enterprise.' + who.org) || 'null');
  if (saved) { form.elements.enterpriseName.value = saved.name; form.elements.creditCode.value = saved.creditCode; }

  var formMsg = document.getElementById('form-msg');
  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var body = {
      title: GF.val(form, 'title'),
      description: GF.val(form, 'description'),
      enterprise: { name: GF.val(form, 'enterpriseName'), creditCode: GF.val(form, 'creditCode') },
      industry: form.elements.industry.value,
      domains: GF.checked(document.getElementById('domains')),
      technologies: GF.checked(document.getElementById('technologies')),
      region: form.elements.region.value
    };
    if (GF.val(form, 'budgetWan')) body.budgetWan = Number(GF.val(form, 'budgetWan'));
    if (GF.val(form, 'deadline')) body.deadline = GF.val(form, 'deadline');
    var btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    try {
      var sc = await GF.api('POST', '/v1/scenarios', body);
      localStorage.setItem('gf.enterprise.' + who.org, JSON.stringify(body.enterprise));
      form.reset();
      form.elements.enterpriseName.value = body.enterprise.name;
      form.elements.creditCode.value = body.enterprise.creditCode;
      await load(sc.id);
      GF.say(formMsg, GF.msg('ok', '已保存为草稿，发布后开始匹配。 Saved as a draft; publish it to start matching.', 'scenario-created'));
    } catch (err) { GF.say(formMsg, GF.errorMsg(err)); }
    finally { btn.disabled = false; }
  });

  var list = document.getElementById('scenario-list');
  var listMsg = document.getElementById('list-msg');
  async function publish(sc, btn) {
    btn.disabled = true;
    try {
      await GF.api('POST', '/v1/scenarios/' + encodeURIComponent(sc.id) + '/publish');
      await load(sc.id);
      GF.say(listMsg, GF.msg('ok', '已发布，正在匹配平台。 Published; matching platforms now.', 'published'));
    } catch (err) { btn.disabled = false; GF.say(listMsg, GF.errorMsg(err)); }
  }
  async function load(highlight) {
    var page = await GF.api('GET', '/v1/scenarios?limit=100');
    GF.clear(list);
    if (!page.items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'scenario-empty' }, '还没有场景。', h('span', { class: 'en' }, 'No scenarios yet.')));
    page.items.forEach(function (sc) {
      var actions = h('div', { class: 'actions' },
        h('a', { class: 'btn ghost', href: '/m/scenarios/' + encodeURIComponent(sc.id), 'data-testid': 'scenario-open' }, '匹配结果 ', h('span', { class: 'en' }, 'Matches')));
      if (sc.status === 'draft') {
        var b = h('button', { type: 'button', 'data-testid': 'scenario-publish' }, '发布 ', h('span', { class: 'en' }, 'Publish'));
        b.addEventListener('click', function () { publish(sc, b); });
        actions.appendChild(b);
      }
      list.appendChild(h('div', { class: 'item', 'data-testid': 'scenario-row', 'data-id': sc.id, 'data-status': sc.status, style: sc.id === highlight ? 'border-color:#0f4c8a' : null },
        h('div', { class: 'head' }, h('span', { class: 'title' }, sc.title), GF.badge(sc.status, 'scenario-status')),
        h('div', { class: 'small muted' },
          GF.term(tax, 'industries', sc.industry)[0] + ' · ' + GF.terms(tax, 'domains', sc.domains) + ' · ' + sc.region + ' · ' + GF.date(sc.createdAt)),
        actions));
    });
  }
  await load();
});
`;

export function ScenariosPage() {
  return (
    <Layout title={{ zh: '工业赋能场景', en: 'Enabling scenarios' }} path="/m/scenarios">
      <div class="grid2">
        <form class="card" id="scenario-form" data-testid="scenario-form">
          <h2>
            <T zh="发布新场景" en="Post a new scenario" />
          </h2>
          <div class="field">
            <label for="sc-title">
              <T zh="场景名称" en="Title" />
            </label>
            <input id="sc-title" name="title" type="text" required maxlength={200} data-testid="scenario-title" placeholder="如：注塑车间设备经常突发停机" />
          </div>
          <div class="field">
            <label for="sc-desc">
              <T zh="需求描述（用自己的话）" en="Describe the need in your own words" />
            </label>
            <textarea id="sc-desc" name="description" required minlength={10} maxlength={4000} data-testid="scenario-description"></textarea>
          </div>
          <div class="row">
            <div class="field">
              <label for="sc-ent">
                <T zh="企业名称" en="Enterprise" />
              </label>
              <input id="sc-ent" name="enterpriseName" type="text" required maxlength={200} data-testid="scenario-enterprise-name" />
            </div>
            <div class="field">
              <label for="sc-code">
                <T zh="统一社会信用代码" en="Credit code" />
              </label>
              <input id="sc-code" name="creditCode" type="text" required minlength={18} maxlength={18} data-testid="scenario-credit-code" class="mono" />
            </div>
          </div>
          <div class="row">
            <div class="field">
              <label for="sc-industry">
                <T zh="所属行业" en="Industry" />
              </label>
              <select id="sc-industry" name="industry" required data-testid="scenario-industry"></select>
            </div>
            <div class="field">
              <label for="sc-region">
                <T zh="所在区市" en="District" />
              </label>
              <select id="sc-region" name="region" required data-testid="scenario-region"></select>
            </div>
          </div>
          <div class="field">
            <span class="lbl">
              <T zh="业务领域（至少一项）" en="Domains (at least one)" />
            </span>
            <div class="checks" id="domains" data-testid="scenario-domains"></div>
          </div>
          <div class="field">
            <span class="lbl">
              <T zh="期望技术" en="Technologies" />
            </span>
            <div class="checks" id="technologies" data-testid="scenario-technologies"></div>
          </div>
          <div class="row">
            <div class="field">
              <label for="sc-budget">
                <T zh="预算（万元，可选）" en="Budget (10k CNY, optional)" />
              </label>
              <input id="sc-budget" name="budgetWan" type="number" min={0} step="any" data-testid="scenario-budget" />
            </div>
            <div class="field">
              <label for="sc-deadline">
                <T zh="期望完成日期（可选）" en="Deadline (optional)" />
              </label>
              <input id="sc-deadline" name="deadline" type="date" data-testid="scenario-deadline" />
            </div>
          </div>
          <button type="submit" data-testid="scenario-submit">
            保存草稿 <span class="en">Save draft</span>
          </button>
          <div id="form-msg"></div>
        </form>
        <section class="card">
          <h2>
            <T zh="我的场景" en="My scenarios" />
          </h2>
          <div id="list-msg"></div>
          <div id="scenario-list" data-testid="scenario-list"></div>
        </section>
      </div>
      <Script code={SCENARIOS_JS} />
    </Layout>
  );
}

const DETAIL_JS = String.raw`
GF.page(async function () {
  var who = GF.need(['manufacturer', 'bureau']);
  if (!who) return;
  var h = GF.h;
  var id = GF.data('scenario-id');
  var tax = await GF.taxonomy();
  var head = document.getElementById('scenario');
  var list = document.getElementById('match-list');
  var note = document.getElementById('match-note');
  var path = '/v1/scenarios/' + encodeURIComponent(id);

  function reasonRow(r) {
    var f = GF.FACTOR[r.factor] || [r.factor, r.factor];
    return h('li', { 'data-testid': 'match-reason', 'data-factor': r.factor },
      h('span', null, f[0], h('span', { class: 'en' }, f[1]),
        h('div', { class: 'meter', title: 'value ' + r.value.toFixed(2) + ' × weight ' + r.weight.toFixed(2) }, h('i', { style: 'width:' + Math.round(Math.max(0, Math.min(1, r.value)) * 100) + '%' }))),
      h('span', null, r.text));
  }
  function render(sc, m) {
    GF.clear(head);
    head.appendChild(h('div', { class: 'head' }, h('h2', null, sc.title), GF.badge(m.status, 'scenario-status')));
    head.appendChild(h('p', null, sc.description));
    head.appendChild(h('div', { class: 'small muted' },
      sc.enterprise.name + ' · ' + GF.term(tax, 'industries', sc.industry)[0] + ' · ' + GF.terms(tax, 'domains', sc.domains) +
      ' · ' + GF.terms(tax, 'technologies', sc.technologies) + ' · ' + sc.region));
    GF.clear(list);
    if (!m.items.length) {
      list.appendChild(h('p', { class: 'muted', 'data-testid': 'match-empty' },
        m.status === 'draft' ? '发布后开始匹配。 Publish the scenario to start matching.' : '暂无匹配平台。 No matching platforms yet.'));
    }
    m.items.forEach(function (it, i) {
      var selected = (m.selected || []).indexOf(it.platformId) >= 0;
      list.appendChild(h('div', { class: 'item', 'data-testid': 'match-item', 'data-platform': it.platformId },
        h('div', { class: 'head' },
          h('span', { class: 'title' }, (i + 1) + '. ' + it.platformName),
          h('span', null, selected ? h('span', { class: 'badge accepted', 'data-testid': 'match-selected' }, '已推送线索 Lead sent') : null, ' ',
            h('b', { 'data-testid': 'match-score' }, (it.score * 100).toFixed(1)), h('span', { class: 'en' }, '/ 100'))),
        h('ul', { class: 'reasons' }, it.reasons.map(reasonRow))));
    });
  }
  var final = ['matched', 'closed', 'withdrawn', 'draft'];
  var result = await GF.poll(async function () {
    var both = await Promise.all([GF.api('GET', path), GF.api('GET', path + '/matches')]);
    render(both[0], both[1]);
    var settled = final.indexOf(both[1].status) >= 0;
    GF.say(note, settled ? null : GF.msg('info', '正在匹配，页面将自动刷新… Matching; this page refreshes itself…', 'matching'));
    return settled;
  }, 1500, 180000);
  if (!result) GF.say(note, GF.msg('err', '匹配时间较长，请稍后刷新。 Matching is taking long; reload later.', 'match-timeout'));
});
`;

export function ScenarioDetailPage(p: { id: string }) {
  return (
    <Layout title={{ zh: '场景匹配结果', en: 'Scenario matches' }} path="/m/scenarios">
      <Data id="scenario-id" value={p.id} />
      <p>
        <a href="/m/scenarios" data-testid="back-to-scenarios">
          ← 我的场景 <span class="en">My scenarios</span>
        </a>
      </p>
      <section class="card" id="scenario" data-testid="scenario-detail"></section>
      <section class="card">
        <h2>
          <T zh="匹配平台及理由" en="Matching platforms and why" />
        </h2>
        <div id="match-note"></div>
        <div id="match-list" data-testid="match-list"></div>
      </section>
      <Script code={DETAIL_JS} />
    </Layout>
  );
}
