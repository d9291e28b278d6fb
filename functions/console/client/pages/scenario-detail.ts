import type { Scenario } from '../../../../packages/core/schemas/scenario';
import { api, type MatchesView } from '../lib/api';
import { byId, clear, en, h, readData, say } from '../lib/dom';
import { badge, score100, term, terms } from '../lib/format';
import { msg } from '../lib/messages';
import { reasonList } from '../lib/reasons';
import { page, poll } from '../lib/page';
import { need } from '../lib/session';

const SETTLED: readonly string[] = ['matched', 'closed', 'withdrawn', 'draft'];

page(async () => {
  if (!need('manufacturer', 'bureau')) return;
  const id = readData('scenario-id');
  const head = byId('scenario');
  const list = byId('match-list');
  const note = byId('match-note');

  function render(sc: Scenario, m: MatchesView) {
    clear(head).append(
      h('div', { class: 'head' }, h('h2', null, sc.title), badge(m.status, 'scenario-status')),
      h('p', null, sc.description),
      h('div', { class: 'small muted' },
        `${sc.enterprise.name} · ${term('industries', sc.industry).zh} · ${terms('domains', sc.domains)} · ${terms('technologies', sc.technologies)} · ${sc.region}`),
    );
    clear(list);
    if (!m.items.length) {
      list.appendChild(h('p', { class: 'muted', 'data-testid': 'match-empty' },
        m.status === 'draft' ? '发布后开始匹配。 Publish the scenario to start matching.' : '暂无匹配平台。 No matching platforms yet.'));
    }
    m.items.forEach((it, i) => {
      const selected = m.selected.includes(it.platformId);
      list.appendChild(h('div', { class: 'item', 'data-testid': 'match-item', 'data-platform': it.platformId },
        h('div', { class: 'head' },
          h('span', { class: 'title' }, `${i + 1}. ${it.platformName}`),
          h('span', null, selected ? h('span', { class: 'badge accepted', 'data-testid': 'match-selected' }, '已推送线索 Lead sent') : null, ' ',
            h('b', { 'data-testid': 'match-score' }, score100(it.score)), en('/ 100'))),
        reasonList(it.reasons, { meter: true })));
    });
  }
  const settled = await poll(async () => {
    const [sc, m] = await Promise.all([api.scenarios.get(id), api.scenarios.matches(id)]);
    render(sc, m);
    const done = SETTLED.includes(m.status);
    say(note, done ? null : msg('info', '正在匹配，页面将自动刷新… Matching; this page refreshes itself…', 'matching'));
    return done;
  }, 1500, 180_000);
  if (!settled) say(note, msg('err', '匹配时间较长，请稍后刷新。 Matching is taking long; reload later.', 'match-timeout'));
});
