import type { TrackingCase, TrackingOutcome } from '#core/schemas/tracking';
import { api } from '../lib/api';
import { byId, clear, en, h, say } from '../lib/dom';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';

// 动态评价: the bureau checks last year's 名录 and decides; a platform explains within its window.

const KIND = { missing_report: '未按期报送指标 Missing report', level_drop: '等级下降 Level fell' } as const;
const STATUS = { open: '待说明 Awaiting reply', replied: '已说明 Replied', decided: '已决定 Decided' } as const;
const OUTCOME: Record<TrackingOutcome, string> = { keep: '保留 Keep', downgrade: '降级 Downgrade', remove: '移出名录 Remove' };

page(async () => {
  const who = need('bureau', 'platform');
  if (!who) return;
  const bureau = who.role === 'bureau';
  const yearInput = byId('trk-year', HTMLInputElement);
  yearInput.value = String(new Date().getFullYear());
  const note = byId('trk-msg');
  const list = byId('trk-cases');
  byId('trk-run').hidden = !bureau;
  byId('trk-publish').hidden = !bureau;

  function caseCard(c: TrackingCase) {
    const card = h('div', { class: 'card', 'data-testid': 'trk-case', 'data-id': c.id, 'data-status': c.status },
      h('h3', null, c.platformName),
      h('p', null, `${KIND[c.kind]} · 名录等级 ${c.listedLevel} · 本年度 ${c.currentLevel ?? '—'} · ${STATUS[c.status]}`),
      h('p', { class: 'small muted' }, `说明期限 Reply by ${c.replyBy.slice(0, 10)}`),
      c.reply ? h('blockquote', { 'data-testid': 'trk-reply-text' }, c.reply.text) : null,
      c.decision ? h('p', { 'data-testid': 'trk-decision' }, `${OUTCOME[c.decision.outcome]}${c.decision.level ? `（${c.decision.level} 级）` : ''}：${c.decision.note}`) : null);
    const slot = h('div', { 'aria-live': 'polite' });
    if (!bureau && c.status === 'open') {
      const id = `reply-${c.id}`;
      const text = h('textarea', { id, rows: 3, maxlength: 4000, required: true, 'data-testid': 'trk-reply' });
      const form = h('form', null, h('label', { for: id }, '情况说明（申辩） ', en('Your explanation')), text, h('button', { type: 'submit', 'data-testid': 'trk-reply-send' }, '提交说明 ', en('Send')));
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        spawn((async () => {
          try {
            await api.tracking.reply(c.id, text.value.trim());
            await load();
          } catch (err) {
            say(slot, errorMsg(err));
          }
        })());
      });
      card.append(form);
    }
    if (bureau && c.status !== 'decided') {
      const sel = h('select', { id: `out-${c.id}`, 'data-testid': 'trk-outcome' }, (Object.keys(OUTCOME) as TrackingOutcome[]).map((o) => h('option', { value: o }, OUTCOME[o])));
      const level = h('input', { id: `lvl-${c.id}`, type: 'number', min: 1, max: 3, 'data-testid': 'trk-level' });
      const why = h('input', { id: `note-${c.id}`, type: 'text', maxlength: 2000, 'data-testid': 'trk-note' });
      const form = h('form', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: `out-${c.id}` }, '决定 ', en('Outcome')), sel),
        h('div', { class: 'field' }, h('label', { for: `lvl-${c.id}` }, '降级后等级 ', en('New level')), level),
        h('div', { class: 'field' }, h('label', { for: `note-${c.id}` }, '理由 ', en('Note')), why),
        h('button', { type: 'submit', 'data-testid': 'trk-decide' }, '决定 ', en('Decide')));
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        spawn((async () => {
          try {
            await api.tracking.decide(c.id, { outcome: sel.value as TrackingOutcome, note: why.value.trim(), ...(level.value ? { level: Number(level.value) } : {}) });
            await load();
          } catch (err) {
            say(slot, errorMsg(err));
          }
        })());
      });
      card.append(form);
    }
    card.append(slot);
    return card;
  }

  // A change event fires again on blur: the list (and any half-filled decision) is redrawn only for another year.
  let shown = '';
  yearInput.addEventListener('change', () => {
    if (yearInput.value !== shown) spawn(load());
  });
  async function load() {
    shown = yearInput.value;
    const { items } = await api.tracking.cases(Number(yearInput.value));
    clear(list).append(...items.map(caseCard));
    if (!items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'trk-empty' }, '没有跟踪事项。', en('No cases.')));
  }

  byId('trk-run').addEventListener('click', () => spawn((async () => {
    try {
      const r = await api.tracking.run(Number(yearInput.value));
      say(note, msg('ok', `已检查 ${r.checked} 家，新开 ${r.opened} 件，已通知平台。 Checked ${r.checked}; ${r.opened} case(s) opened; platforms told.`, 'trk-ran'));
      await load();
    } catch (err) {
      say(note, errorMsg(err));
    }
  })()));
  byId('trk-publish').addEventListener('click', () => spawn((async () => {
    try {
      const a = await api.tracking.publish(Number(yearInput.value));
      say(note, msg('ok', `已发布：调整 ${a.items.length} 家，保留 ${a.kept} 家。 Published: ${a.items.length} adjusted, ${a.kept} kept.`, 'trk-published'));
    } catch (err) {
      say(note, errorMsg(err));
    }
  })()));
  await load();
});
