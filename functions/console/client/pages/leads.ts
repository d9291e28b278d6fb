import type { Lead, LeadStatus } from '../../../../packages/core/schemas/lead';
import { api } from '../lib/api';
import { byId, clear, control, en, h, say, setBusy } from '../lib/dom';
import { badge, date, score100, term, terms } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { reasonList } from '../lib/reasons';
import { need } from '../lib/session';

page(async () => {
  if (!need('platform')) return;
  const list = byId('lead-list');
  const note = byId('lead-msg');
  const filter = byId('lead-filter', HTMLSelectElement);

  async function decide(lead: Lead, card: HTMLElement, reason?: string) {
    setBusy(card, true);
    try {
      if (reason === undefined) await api.leads.accept(lead.id);
      else await api.leads.decline(lead.id, reason);
      await load();
      say(note, msg('ok', reason === undefined ? '已接受线索，请尽快联系企业。 Lead accepted; contact the enterprise soon.' : '已婉拒线索。 Lead declined.', 'lead-decided'));
    } catch (err) {
      setBusy(card, false);
      say(note, errorMsg(err));
    }
  }

  function card(lead: Lead) {
    const s = lead.scenario;
    const c = h('div', { class: 'item', 'data-testid': 'lead-item', 'data-id': lead.id, 'data-status': lead.status, 'data-scenario': lead.scenarioId },
      h('div', { class: 'head' },
        h('span', { class: 'title', 'data-testid': 'lead-title' }, s.title),
        h('span', null, lead.roadshowId ? h('span', { class: 'badge composed' }, '路演 Roadshow') : null, ' ', badge(lead.status, 'lead-status'))),
      h('div', { class: 'small muted' },
        `${s.enterpriseName} · ${term('industries', s.industry).zh} · ${terms('domains', s.domains)} · ${s.region} · 匹配度 score ${score100(lead.score)} · ${date(lead.createdAt)}`),
      lead.reasons.length ? reasonList(lead.reasons) : null,
      lead.declineReason ? h('p', { class: 'small' }, `婉拒原因 Reason: ${lead.declineReason}`) : null);
    if (lead.status !== 'pending') return c;

    const why = h('form', { class: 'decline-form', hidden: true, 'data-testid': 'lead-decline-form' },
      h('div', { class: 'field' },
        h('label', null, '婉拒原因（企业可见） ', en('Reason (shown to the enterprise)')),
        h('textarea', { name: 'reason', required: true, maxlength: 1000, 'data-testid': 'lead-decline-reason' })),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'danger', 'data-testid': 'lead-decline-confirm' }, '确认婉拒 ', en('Confirm decline')),
        h('button', { type: 'button', class: 'ghost', 'data-testid': 'lead-decline-cancel', onclick: () => (why.hidden = true) }, '取消 ', en('Cancel'))));
    const reason = control(why, 'reason');
    why.addEventListener('submit', (ev) => {
      ev.preventDefault();
      spawn(decide(lead, c, reason.value.trim()));
    });
    c.append(
      h('div', { class: 'actions', style: 'margin-top:8px' },
        h('button', { type: 'button', class: 'ok', 'data-testid': 'lead-accept', onclick: () => spawn(decide(lead, c)) }, '接受 ', en('Accept')),
        h('button', { type: 'button', class: 'danger', 'data-testid': 'lead-decline', onclick: () => { why.hidden = false; reason.focus(); } }, '婉拒 ', en('Decline'))),
      why);
    return c;
  }

  async function load() {
    const res = await api.leads.list((filter.value || undefined) as LeadStatus | undefined);
    clear(list);
    if (!res.items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'lead-empty' }, '暂无线索，新线索会自动出现。', en('No leads yet; new ones appear here by themselves.')));
    list.append(...res.items.map(card));
  }
  filter.addEventListener('change', () => spawn(load()));
  byId('lead-refresh').addEventListener('click', () => spawn(load()));
  await load();
  // New leads arrive asynchronously after matching; refresh unless the user is typing a reason.
  setInterval(() => {
    if (document.hidden || list.querySelector('.decline-form:not([hidden])')) return;
    load().catch(() => undefined);
  }, 4000);
});
