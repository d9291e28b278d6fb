import type { Lead, LeadStatus } from '#core/schemas/lead';
import { api } from '../lib/api';
import { byId, clear, en, h, say } from '../lib/dom';
import { badge, date, score100, term } from '../lib/format';
import { leadFacts } from '../lib/lead-view';
import { errorMsg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';

// 本区线索: a district follows the leads on its enterprises' scenarios and to its platforms. Read
// only: the enterprise and the platform move a lead; the district sees where each one stands.

page(async () => {
  if (!need('district')) return;
  const list = byId('dl-list');
  const note = byId('dl-msg');
  const filter = byId('dl-filter', HTMLSelectElement);
  const more = byId('dl-more', HTMLButtonElement);
  let cursor: string | null = null;

  const card = (l: Lead) =>
    h('div', { class: 'item', 'data-testid': 'dl-item', 'data-id': l.id, 'data-status': l.status },
      h('p', null, h('strong', null, l.scenario.title), ' ', badge(l.status)),
      h('p', { class: 'small muted' },
        `${l.scenario.enterpriseName} · ${l.scenario.region} · ${term('industries', l.scenario.industry).zh} → `, h('b', { 'data-testid': 'dl-platform' }, l.platformName),
        ` · 匹配度 score ${score100(l.score)} · ${date(l.createdAt)}`),
      leadFacts(l));

  async function load(append = false) {
    try {
      const res = await api.leads.page((filter.value || undefined) as LeadStatus | undefined, append ? cursor ?? undefined : undefined);
      if (!append) clear(list);
      list.append(...res.items.map(card));
      if (!list.children.length) list.append(h('p', { class: 'muted', 'data-testid': 'dl-empty' }, '暂无线索。', en('No leads yet.')));
      cursor = res.cursor;
      more.hidden = !cursor;
      say(note, null);
    } catch (err) {
      say(note, errorMsg(err));
    }
  }

  filter.addEventListener('change', () => spawn(load()));
  more.addEventListener('click', () => spawn(load(true)));
  await load();
});
