import { Layout, Script, T } from './layout';

const DIRECTORY_JS = String.raw`
GF.page(async function () {
  var h = GF.h;
  var tax = await GF.taxonomy();
  var cat = document.getElementById('d-category'), lvl = document.getElementById('d-level'), reg = document.getElementById('d-region');
  GF.fillSelect(cat, tax.categories, '全部类型 All categories');
  GF.fillSelect(reg, tax.regions, '全部区市 All districts');
  var body = document.getElementById('directory-body');
  var more = document.getElementById('directory-more');
  var cursor = null;

  function row(p) {
    var c = GF.term(tax, 'categories', p.category);
    var e = p.eligibility;
    var elig = e.nationalRecommendation ? '国家级推荐 National (' + e.nationalTrack + ')' : e.provincialRecommendation ? '省级重点推荐 Provincial' : '市级培优 City';
    return h('tr', { 'data-testid': 'directory-row', 'data-id': p.id },
      h('td', null, h('b', null, p.name), h('div', { class: 'small muted' }, p.operator)),
      h('td', null, c[0], h('span', { class: 'en' }, c[1]), p.subtype ? h('div', { class: 'small muted' }, GF.term(tax, 'subtypes', p.subtype)[0]) : null),
      h('td', null, GF.levelBadge(p.level)),
      h('td', null, p.region, h('span', { class: 'en' }, GF.term(tax, 'regions', p.region)[1])),
      h('td', { class: 'small' }, elig),
      h('td', { class: 'num' }, p.assessedYear || '—'));
  }
  async function load(append) {
    var q = new URLSearchParams({ limit: '50' });
    if (cat.value) q.set('category', cat.value);
    if (lvl.value) q.set('level', lvl.value);
    if (reg.value) q.set('region', reg.value);
    if (append && cursor) q.set('cursor', cursor);
    var page = await GF.api('GET', '/v1/directory?' + q.toString());
    if (!append) GF.clear(body);
    page.items.forEach(function (p) { body.appendChild(row(p)); });
    if (!body.children.length) body.appendChild(h('tr', null, h('td', { colspan: 6, class: 'muted', 'data-testid': 'directory-empty' }, '暂无入选平台。 No platforms listed.')));
    cursor = page.cursor;
    more.hidden = !cursor;
  }
  [cat, lvl, reg].forEach(function (s) { s.addEventListener('change', function () { load(false); }); });
  more.addEventListener('click', function () { load(true); });
  await load(false);
});
`;

export function DirectoryPage() {
  return (
    <Layout title={{ zh: '工业互联网平台培优名录', en: 'Platform cultivation directory' }} path="/directory">
      <p class="muted small">
        经成熟度评定达到一级及以上的平台。
        <span class="en">Platforms graded level 1 or above by the maturity assessment.</span>
      </p>
      <section class="card">
        <div class="actions" style="margin-bottom:10px">
          <select id="d-category" data-testid="directory-category" style="max-width:220px"></select>
          <select id="d-level" data-testid="directory-level" style="max-width:180px">
            <option value="">全部等级 All levels</option>
            <option value="1">一级 Level 1</option>
            <option value="2">二级 Level 2</option>
            <option value="3">三级 Level 3</option>
          </select>
          <select id="d-region" data-testid="directory-region" style="max-width:220px"></select>
        </div>
        <div class="table-wrap">
          <table data-testid="directory-table">
            <thead>
              <tr>
                <th><T zh="平台" en="Platform" /></th>
                <th><T zh="类型" en="Category" /></th>
                <th><T zh="等级" en="Level" /></th>
                <th><T zh="区市" en="District" /></th>
                <th><T zh="资格" en="Eligibility" /></th>
                <th class="num"><T zh="评定年度" en="Year" /></th>
              </tr>
            </thead>
            <tbody id="directory-body"></tbody>
          </table>
        </div>
        <p>
          <button type="button" class="ghost" id="directory-more" data-testid="directory-more" hidden>
            加载更多 <span class="en">Load more</span>
          </button>
        </p>
      </section>
      <Script code={DIRECTORY_JS} />
    </Layout>
  );
}
