import type { CatalogueItem } from '#core/schemas/proposal';
import { api } from '../lib/api';
import { byId, clear, en, h, say, val } from '../lib/dom';
import { date, num, score100, term, terms } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { reasonList } from '../lib/reasons';
import { claims } from '../lib/session';
import { fillSelect } from '../lib/widgets';

page(async () => {
  const form = byId('catalogue-filters', HTMLFormElement);
  fillSelect(byId('c-industry', HTMLSelectElement), 'industries', '全部行业 All industries');
  fillSelect(byId('c-domain', HTMLSelectElement), 'domains', '全部领域 All domains');
  fillSelect(byId('c-region', HTMLSelectElement), 'regions', '全部区市 All districts');
  const list = byId('catalogue-list');
  const platform = claims()?.role === 'platform';

  /** The 揭榜 form under a scenario: what the platform offers, then the matcher's score and reasons. */
  function proposeForm(sc: CatalogueItem): HTMLElement {
    const out = h('div', { 'aria-live': 'polite' });
    const summary = h('textarea', { name: 'summary', required: true, minlength: 5, maxlength: 2000, 'aria-label': '方案概要 Proposal summary', 'data-testid': 'proposal-summary' });
    const budget = h('input', { type: 'number', min: 0, step: 1, 'aria-label': '报价（万元） Price (10k yuan)', placeholder: '报价（万元） Price', 'data-testid': 'proposal-budget' });
    const weeks = h('input', { type: 'number', min: 1, max: 260, 'aria-label': '工期（周） Weeks', placeholder: '工期（周） Weeks', 'data-testid': 'proposal-weeks' });
    const f = h('form', { class: 'stack', 'data-testid': 'proposal-form' },
      h('label', null, '方案概要 ', en('What you propose')), summary, h('div', { class: 'row' }, budget, weeks),
      h('button', { type: 'submit', 'data-testid': 'proposal-submit' }, '揭榜 ', en('Propose')), out);
    f.addEventListener('submit', (ev) => {
      ev.preventDefault();
      spawn((async () => {
        try {
          const p = await api.proposals.create(sc.id, {
            summary: summary.value.trim(),
            ...(budget.value ? { budgetWan: Number(budget.value) } : {}),
            ...(weeks.value ? { weeks: Number(weeks.value) } : {}),
          });
          clear(out).append(
            msg('ok', `已揭榜，匹配分 ${score100(p.score)} / 100 · Proposal sent, fit ${score100(p.score)} / 100`, 'proposal-sent'),
            reasonList(p.reasons));
        } catch (err) {
          say(out, errorMsg(err));
        }
      })());
    });
    return f;
  }

  function card(sc: CatalogueItem): HTMLElement {
    const el = h('div', { class: 'item', 'data-testid': 'catalogue-item', 'data-id': sc.id },
      h('div', { class: 'head' }, h('span', { class: 'title' }, sc.title), sc.publishedAt ? h('span', { class: 'small muted' }, date(sc.publishedAt)) : null),
      h('p', null, sc.description),
      h('div', { class: 'small muted', 'data-testid': 'catalogue-enterprise' },
        `${sc.enterprise} · ${term('industries', sc.industry).zh} · ${terms('domains', sc.domains) || '—'} · ${sc.region}`,
        sc.budgetWan !== undefined ? ` · 预算 ${num(sc.budgetWan)} 万元` : '',
        sc.deadline ? ` · 截止 ${sc.deadline}` : ''));
    if (platform) {
      const open = h('button', { type: 'button', class: 'secondary', 'data-testid': 'proposal-open' }, '我要揭榜 ', en('Step forward'));
      open.addEventListener('click', () => open.replaceWith(proposeForm(sc)));
      el.append(open);
    }
    return el;
  }

  async function load() {
    try {
      const { items } = await api.catalogue({ industry: val(form, 'industry'), domain: val(form, 'domain'), region: val(form, 'region'), q: val(form, 'q') });
      clear(list).append(...(items.length ? items.map(card) : [h('p', { class: 'muted', 'data-testid': 'catalogue-empty' }, '暂无符合条件的场景。', en('No scenarios match.'))]));
    } catch (err) {
      say(byId('catalogue-msg'), errorMsg(err));
    }
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn(load());
  });
  await load();
});
