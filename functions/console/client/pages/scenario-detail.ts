import type { Lead } from '#core/schemas/lead';
import type { Scenario } from '#core/schemas/scenario';
import { api, type MatchesView } from '../lib/api';
import { byId, clear, control, en, h, readData, say, setBusy, val } from '../lib/dom';
import { leadFacts } from '../lib/lead-view';
import { badge, score100, term, terms } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { reasonList } from '../lib/reasons';
import { page, poll, spawn } from '../lib/page';
import { need } from '../lib/session';

const SETTLED: readonly string[] = ['matched', 'closed', 'withdrawn', 'draft'];

page(async () => {
  const who = need('manufacturer', 'bureau');
  if (!who) return;
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
  const progress = byId('progress-list');
  const progressMsg = byId('progress-msg');

  /** Runs one confirmation or rating and redraws the leads; a refusal shows its zh/en message. */
  function act(card: HTMLElement, work: () => Promise<unknown>, done: string, testid: string) {
    setBusy(card, true);
    spawn(work().then(
      async () => {
        await loadProgress();
        say(progressMsg, msg('ok', done, testid));
      },
      (err: unknown) => {
        setBusy(card, false);
        say(progressMsg, errorMsg(err));
      },
    ));
  }

  function progressCard(lead: Lead) {
    const card = h('div', { class: 'item', 'data-testid': 'progress-item', 'data-platform': lead.platformId, 'data-status': lead.status },
      h('div', { class: 'head' }, h('span', { class: 'title' }, lead.platformName), badge(lead.status, 'progress-status')),
      leadFacts(lead));
    if (who!.role !== 'manufacturer') return card;
    const actions = h('div', { class: 'actions' });
    const reported = lead.contract !== undefined;
    if (reported && !lead.signedConfirmedAt)
      actions.append(h('button', { type: 'button', class: 'ok', 'data-testid': 'confirm-signed',
        onclick: () => act(card, () => api.leads.confirm(lead.id, { status: 'signed' }), '已确认签约。 Signing confirmed.', 'confirmed') }, '确认签约 ', en('Confirm signing')));
    if (lead.status === 'delivered' && !lead.deliveredConfirmedAt)
      actions.append(h('button', { type: 'button', class: 'ok', 'data-testid': 'confirm-delivered',
        onclick: () => act(card, () => api.leads.confirm(lead.id, { status: 'delivered' }), '已确认交付。 Delivery confirmed.', 'confirmed') }, '确认交付 ', en('Confirm delivery')));
    if (actions.childElementCount) card.append(actions);
    if (!lead.rating && lead.status !== 'pending' && lead.status !== 'declined') {
      const form = h('form', { class: 'rating-form', 'data-testid': 'rating-form' },
        h('div', { class: 'field' }, h('label', null, '评分 ', en('Stars')),
          h('select', { name: 'stars', 'data-testid': 'rating-stars' }, [5, 4, 3, 2, 1].map((n) => h('option', { value: n }, `${'★'.repeat(n)} ${n}`)))),
        h('div', { class: 'field' }, h('label', null, '评价 ', en('Comment')), h('input', { name: 'comment', type: 'text', maxlength: 1000, 'data-testid': 'rating-comment' })),
        h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-testid': 'rating-submit' }, '提交评价 ', en('Rate'))));
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const comment = val(form, 'comment');
        const stars = Number(control(form, 'stars', HTMLSelectElement).value);
        act(card, () => api.leads.rate(lead.id, { stars, ...(comment ? { comment } : {}) }), '感谢评价。 Thank you for rating.', 'rated');
      });
      card.append(form);
    }
    return card;
  }

  async function loadProgress() {
    const { items } = await api.leads.ofScenario(id);
    clear(progress);
    if (!items.length) progress.appendChild(h('p', { class: 'muted', 'data-testid': 'progress-empty' }, '暂无对接线索。', en('No leads yet.')));
    progress.append(...items.map(progressCard));
  }

  // 揭榜: platforms that stepped forward, on the same 0–100 scale and with the same reasons as the matches.
  const proposals = byId('proposal-list');
  const proposalMsg = byId('proposal-msg');
  async function loadProposals() {
    const { items } = await api.proposals.list(id);
    clear(proposals);
    if (!items.length) proposals.appendChild(h('p', { class: 'muted', 'data-testid': 'proposal-empty' }, '暂无平台揭榜。', en('No proposals yet.')));
    for (const p of items) {
      const reason = h('input', { type: 'text', maxlength: 500, 'aria-label': '婉拒理由 Reason to decline', placeholder: '婉拒理由 Reason', 'data-testid': 'proposal-decline-reason' });
      const decide = (work: () => Promise<unknown>, done: string, testid: string) => spawn(work().then(
        async () => {
          await Promise.all([loadProposals(), loadProgress()]);
          say(proposalMsg, msg('ok', done, testid));
        },
        (err: unknown) => say(proposalMsg, errorMsg(err)),
      ));
      proposals.appendChild(h('div', { class: 'item', 'data-testid': 'proposal-item', 'data-platform': p.platformId, 'data-status': p.status },
        h('div', { class: 'head' },
          h('span', { class: 'title' }, p.platformName),
          h('span', null, h('b', { 'data-testid': 'proposal-score' }, score100(p.score)), en('/ 100'))),
        h('p', null, p.summary),
        h('div', { class: 'small muted' }, [p.budgetWan !== undefined ? `报价 ${p.budgetWan} 万元 Price` : '', p.weeks ? `工期 ${p.weeks} 周 weeks` : ''].filter(Boolean).join(' · ')),
        reasonList(p.reasons, { meter: true }),
        p.status === 'open' && who!.role === 'manufacturer'
          ? h('div', { class: 'actions' },
              h('button', { type: 'button', 'data-testid': 'proposal-accept', onclick: () => decide(() => api.proposals.accept(p.id), `已接受 ${p.platformName} 的方案 / Accepted`, 'proposal-accepted') }, '接受 ', en('Accept')),
              reason,
              h('button', { type: 'button', class: 'secondary', 'data-testid': 'proposal-decline', onclick: () => decide(() => api.proposals.decline(p.id, reason.value.trim()), '已婉拒 / Declined', 'proposal-declined') }, '婉拒 ', en('Decline')))
          : h('div', { class: 'small' }, p.status === 'accepted' ? '已接受 Accepted' : p.status === 'declined' ? `已婉拒 Declined${p.declineReason ? `：${p.declineReason}` : ''}` : '')));
    }
  }
  await loadProposals();

  const settled = await poll(async () => {
    const [sc, m] = await Promise.all([api.scenarios.get(id), api.scenarios.matches(id)]);
    render(sc, m);
    const done = SETTLED.includes(m.status);
    say(note, done ? null : msg('info', '正在匹配，页面将自动刷新… Matching; this page refreshes itself…', 'matching'));
    return done;
  }, 1500, 180_000);
  if (!settled) say(note, msg('err', '匹配时间较长，请稍后刷新。 Matching is taking long; reload later.', 'match-timeout'));
  await loadProgress();
});
