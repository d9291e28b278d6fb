import { api } from '../lib/api';
import { byId, h, saveFile, say } from '../lib/dom';
import { num } from '../lib/format';
import { errorMsg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';

page(async () => {
  if (!need('bureau')) return;
  const { items } = await api.stats.districts();
  byId('districts-body').append(...items.map((r) => h('tr', { 'data-testid': 'district-row', 'data-region': r.region },
    h('th', { scope: 'row' }, r.region),
    h('td', { class: 'num' }, num(r.platforms)),
    h('td', { class: 'num' }, `${r.byLevel[1]} / ${r.byLevel[2]} / ${r.byLevel[3]}`),
    h('td', { class: 'num' }, num(r.scenarios)),
    h('td', { class: 'num' }, num(r.leads)),
    h('td', { class: 'num' }, num(r.signed)),
    h('td', { class: 'num' }, num(r.contractWan)),
    h('td', { class: 'num', 'data-testid': 'district-review' }, `${r.review.pending} / ${r.review.endorsed} / ${r.review.returned}`),
    h('td', { class: 'num', 'data-testid': 'district-timeliness' }, r.review.medianDays === null && r.review.oldestPendingDays === null ? '—' : `${r.review.medianDays ?? '—'} / ${r.review.oldestPendingDays ?? '—'}`))));
  byId('districts-xlsx').addEventListener('click', () => spawn((async () => {
    try {
      saveFile(await api.stats.districtsXlsx(), 'districts.xlsx');
    } catch (err) {
      say(byId('districts-msg'), errorMsg(err));
    }
  })()));
});
