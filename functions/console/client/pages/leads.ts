import { DECLINE_REASON_LABELS, LOST_REASON_LABELS, STATUS_LABELS } from '#core/labels';
import type { DeclineReason, Lead, LeadStatus, LostReason, ProgressInput } from '#core/schemas/lead';
import { nextSteps, type ProgressStep as Step } from '#core/lead-flow';
import { api } from '../lib/api';
import { byId, clear, control, en, h, say, setBusy, val } from '../lib/dom';
import { funnelTiles, leadFacts } from '../lib/lead-view';
import { badge, date, score100, term, terms } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { reasonList } from '../lib/reasons';
import { need } from '../lib/session';


page(async () => {
  const who = need('platform');
  if (!who) return;
  const list = byId('lead-list');
  const note = byId('lead-msg');
  const filter = byId('lead-filter', HTMLSelectElement);

  async function decide(lead: Lead, card: HTMLElement, decline?: { code: DeclineReason; reason?: string }) {
    setBusy(card, true);
    try {
      if (decline === undefined) await api.leads.accept(lead.id);
      else await api.leads.decline(lead.id, decline);
      await load();
      say(note, msg('ok', decline === undefined ? '已接受线索，请尽快联系企业。 Lead accepted; contact the enterprise soon.' : '已婉拒线索。 Lead declined.', 'lead-decided'));
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
      lead.declineReason ? h('p', { class: 'small' }, `婉拒原因 Reason: ${lead.declineReason}`) : null,
      leadFacts(lead));
    if (lead.status !== 'pending') {
      const next = nextSteps(lead.status);
      if (next.length) c.append(progressForm(lead, c, next));
      return c;
    }

    const why = h('form', { class: 'decline-form', hidden: true, 'data-testid': 'lead-decline-form' },
      h('div', { class: 'field' },
        h('label', null, '婉拒原因 ', en('Reason')),
        h('select', { name: 'code', 'data-testid': 'lead-decline-code' },
          (Object.keys(DECLINE_REASON_LABELS) as DeclineReason[]).map((k) =>
            h('option', { value: k, selected: k === 'other' }, `${DECLINE_REASON_LABELS[k].zh} ${DECLINE_REASON_LABELS[k].en}`)))),
      h('div', { class: 'field' },
        h('label', null, '说明（企业可见；选“其他”时必填） ', en('Details (shown to the enterprise; required with “other”)')),
        h('textarea', { name: 'reason', maxlength: 1000, 'data-testid': 'lead-decline-reason' })),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'danger', 'data-testid': 'lead-decline-confirm' }, '确认婉拒 ', en('Confirm decline')),
        h('button', { type: 'button', class: 'ghost', 'data-testid': 'lead-decline-cancel', onclick: () => (why.hidden = true) }, '取消 ', en('Cancel'))));
    const reason = control(why, 'reason');
    why.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const text = reason.value.trim();
      spawn(decide(lead, c, { code: val(why, 'code') as DeclineReason, ...(text ? { reason: text } : {}) }));
    });
    c.append(
      h('div', { class: 'actions', style: 'margin-top:8px' },
        h('button', { type: 'button', class: 'ok', 'data-testid': 'lead-accept', onclick: () => spawn(decide(lead, c)) }, '接受 ', en('Accept')),
        h('button', { type: 'button', class: 'danger', 'data-testid': 'lead-decline', onclick: () => { why.hidden = false; reason.focus(); } }, '婉拒 ', en('Decline'))),
      why);
    return c;
  }

  /** The next step of an accepted lead: a signature needs its value and date, a loss its reason. */
  function progressForm(lead: Lead, card: HTMLElement, next: readonly Step[]) {
    const lost = Object.keys(LOST_REASON_LABELS) as LostReason[];
    const form = h('form', { class: 'progress-form', 'data-testid': 'lead-progress-form' },
      h('div', { class: 'field' },
        h('label', null, '推进到 ', en('Move to')),
        h('select', { name: 'status', 'data-testid': 'lead-progress-status' },
          next.map((st) => h('option', { value: st }, `${STATUS_LABELS[st].zh} ${STATUS_LABELS[st].en}`)))),
      h('div', { class: 'field', 'data-when': 'signed' },
        h('label', null, '合同金额（万元） ', en('Contract value (10k CNY)')),
        h('input', { name: 'value', type: 'number', min: 0, step: 'any', 'data-testid': 'lead-progress-value' })),
      h('div', { class: 'field', 'data-when': 'signed delivered' },
        h('label', null, '日期 ', en('Date')),
        h('input', { name: 'date', type: 'date', 'data-testid': 'lead-progress-date' })),
      h('div', { class: 'field', 'data-when': 'lost' },
        h('label', null, '未成交原因 ', en('Why it was lost')),
        h('select', { name: 'reason', 'data-testid': 'lead-progress-reason' },
          lost.map((k) => h('option', { value: k }, `${LOST_REASON_LABELS[k].zh} ${LOST_REASON_LABELS[k].en}`)))),
      h('div', { class: 'field' },
        h('label', null, '备注 ', en('Note')),
        h('input', { name: 'note', type: 'text', maxlength: 1000, 'data-testid': 'lead-progress-note' })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-testid': 'lead-progress-submit' }, '更新进展 ', en('Update progress'))));
    const dirty = () => (form.dataset.dirty = '1');
    form.addEventListener('input', dirty);
    form.addEventListener('change', dirty);
    const status = control(form, 'status', HTMLSelectElement);
    const showFields = () =>
      form.querySelectorAll<HTMLElement>('[data-when]').forEach((f) => (f.hidden = !(f.dataset.when ?? '').split(' ').includes(status.value)));
    status.addEventListener('change', showFields);
    showFields();
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const st = status.value as Step;
      const value = val(form, 'value');
      const day = val(form, 'date');
      const text = val(form, 'note');
      const body: ProgressInput = {
        status: st,
        ...(text ? { note: text } : {}),
        ...(st === 'signed' && value ? { contractValueWan: Number(value) } : {}),
        ...((st === 'signed' || st === 'delivered') && day ? { date: day } : {}),
        ...(st === 'lost' ? { reason: val(form, 'reason') as LostReason } : {}),
      };
      setBusy(card, true);
      spawn(api.leads.progress(lead.id, body).then(
        async () => {
          await load();
          say(note, msg('ok', `线索已更新为「${STATUS_LABELS[st].zh}」。 Lead moved to ${STATUS_LABELS[st].en}.`, 'lead-progressed'));
        },
        (err: unknown) => {
          setBusy(card, false);
          say(note, errorMsg(err));
        },
      ));
    });
    return form;
  }

  async function loadFunnel() {
    const f = await api.platforms.funnel(who!.org!);
    clear(byId('lead-funnel')).append(funnelTiles(f.total, 'own-funnel'),
      h('p', { class: 'small muted' }, `首次响应中位数 Median first response: ${f.medianFirstResponseHours ?? '—'} h · 30 天无进展 Stale: ${f.stale}`));
  }

  // The user is writing something (a decline reason, a step): a refresh must not wipe it.
  const editing = () => !!list.querySelector('.decline-form:not([hidden]), form[data-dirty]') || list.contains(document.activeElement);

  async function load(auto = false) {
    spawn(loadFunnel());
    const res = await api.leads.list((filter.value || undefined) as LeadStatus | undefined);
    if (auto && editing()) return;
    clear(list);
    if (!res.items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'lead-empty' }, '暂无线索，新线索会自动出现。', en('No leads yet; new ones appear here by themselves.')));
    list.append(...res.items.map(card));
  }
  filter.addEventListener('change', () => spawn(load()));
  byId('lead-refresh').addEventListener('click', () => spawn(load()));
  await load();
  // New leads arrive asynchronously after matching; refresh unless the user is writing.
  setInterval(() => {
    if (document.hidden || editing()) return;
    load(true).catch(() => undefined);
  }, 4000);
});
