import { api, type DirectoryRow } from '../lib/api';
import { byId, clear, en, h } from '../lib/dom';
import { eligibilityText, levelBadge, term } from '../lib/format';
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
  for (const s of [cat, lvl, reg]) s.addEventListener('change', () => spawn(load(false)));
  more.addEventListener('click', () => spawn(load(true)));
  await load(false);
});
