import { api } from '../lib/api';
import { byId, clear, en, h } from '../lib/dom';
import { levelBadge, num, term } from '../lib/format';
import { page } from '../lib/page';
import { area, need } from '../lib/session';
import { fillSelect } from '../lib/widgets';

page(async () => {
  if (!need('bureau', 'district')) return;
  const rows = (await api.stats.platforms()).items;
  const cat = byId('f-category', HTMLSelectElement);
  const lvl = byId('f-level', HTMLSelectElement);
  fillSelect(cat, 'categories', '全部类型 All categories');
  const body = byId('register-body');
  function render() {
    clear(body);
    const shown = rows.filter((r) => (!cat.value || r.category === cat.value) && (lvl.value === '' || String(r.level) === lvl.value));
    byId('register-count').textContent = `${shown.length} / ${rows.length}`;
    for (const r of shown) {
      const c = term('categories', r.category);
      body.appendChild(h('tr', { 'data-testid': 'register-row', 'data-id': r.id },
        h('td', null, h('a', { href: `${area()}/platforms/${encodeURIComponent(r.id)}`, 'data-testid': 'platform-link' }, r.name)),
        h('td', null, c.zh, en(c.en)),
        h('td', null, levelBadge(r.level)),
        h('td', { class: 'hide-sm' }, r.region),
        h('td', { class: 'num' }, r.reportedYear ?? '—'),
        h('td', { class: 'num hide-sm' }, num(r.devices)),
        h('td', { class: 'num hide-sm' }, num(r.apps)),
        h('td', { class: 'num hide-sm' }, num(r.servedEnterprises)),
        h('td', { class: 'num' }, `${r.leads.accepted} / ${r.leads.accepted + r.leads.declined + r.leads.pending}`)));
    }
    if (!shown.length) body.appendChild(h('tr', null, h('td', { colspan: 9, class: 'muted' }, '无平台。 No platforms.')));
  }
  cat.addEventListener('change', render);
  lvl.addEventListener('change', render);
  render();
});
