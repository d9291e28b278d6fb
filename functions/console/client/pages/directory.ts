import { api, type DirectoryRow } from '../lib/api';
import { reasonList } from '../lib/reasons';
import { errorMsg } from '../lib/messages';
import { byId, clear, en, h, say, val } from '../lib/dom';
import { eligibilityText, levelBadge, score100, term } from '../lib/format';
import { page, spawn } from '../lib/page';
import { fillSelect } from '../lib/widgets';

page(async () => {
  const cat = byId('d-category', HTMLSelectElement);
  const lvl = byId('d-level', HTMLSelectElement);
  const reg = byId('d-region', HTMLSelectElement);
  fillSelect(cat, 'categories', '全部类型 All categories');
  fillSelect(reg, 'regions', '全部区市 All districts');
  const body = byId('directory-body');
  const more = byId('directory-more', HTMLButtonElement);
  let cursor: string | null = null;

  function row(p: DirectoryRow) {
    const c = term('categories', p.category);
    return h('tr', { 'data-testid': 'directory-row', 'data-id': p.id },
      h('td', null, h('b', null, p.name), h('div', { class: 'small muted' }, p.operator),
        ...p.selections.map((t) => h('div', { class: 'small', 'data-testid': 'directory-selection' }, t))),
      h('td', null, c.zh, en(c.en), p.subtype ? h('div', { class: 'small muted' }, term('subtypes', p.subtype).zh) : null),
      h('td', null, levelBadge(p.level)),
      h('td', null, p.region, en(term('regions', p.region).en)),
      h('td', { class: 'small' }, eligibilityText(p.eligibility)),
      h('td', { class: 'num' }, p.assessedYear ?? '—'));
  }
  async function load(append: boolean) {
    const res = await api.directory({ category: cat.value, level: lvl.value, region: reg.value, cursor: append ? cursor : null });
    if (!append) clear(body);
    body.append(...res.items.map(row));
    if (!body.children.length) body.appendChild(h('tr', null, h('td', { colspan: 6, class: 'muted', 'data-testid': 'directory-empty' }, '暂无入选平台。 No platforms listed.')));
    cursor = res.cursor;
    more.hidden = !cursor;
  }
  // Search by need: the matcher ranks the listed platforms for the words typed, with its reasons.
  const search = byId('search-form', HTMLFormElement);
  fillSelect(byId('s-industry', HTMLSelectElement), 'industries', '任意行业 Any industry');
  const results = byId('search-results');
  search.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      const q = val(search, 'q');
      const industry = val(search, 'industry');
      try {
        const { items } = await api.search({ q, ...(industry ? { industry } : {}) });
        say(byId('search-msg'), null);
        const post = `/m/scenarios?${new URLSearchParams({ need: q, ...(industry ? { industry } : {}) })}`;
        clear(results).append(
          ...(items.length ? items.map((it, i) => h('div', { class: 'item', 'data-testid': 'search-hit', 'data-platform': it.platformId },
            h('div', { class: 'head' }, h('span', { class: 'title' }, `${i + 1}. ${it.platformName}`), levelBadge(it.level), h('b', null, score100(it.score)), en('/ 100')),
            reasonList(it.reasons))) : [h('p', { class: 'muted' }, '没有找到入库平台。', en('No listed platform fits.'))]),
          h('p', null, h('a', { class: 'btn', href: post, 'data-testid': 'search-post' }, '发布为场景，让平台来对接 ', en('Post this as a scenario'))));
      } catch (err) {
        say(byId('search-msg'), errorMsg(err));
      }
    })());
  });

  for (const s of [cat, lvl, reg]) s.addEventListener('change', () => spawn(load(false)));
  more.addEventListener('click', () => spawn(load(true)));
  await load(false);
});
