import { GRANT_STATUS_LABELS } from '#core/labels';
import type { Grant, Programme } from '#core/schemas/support';
import { describeAmount, describeRule } from '#core/support/eligibility';
import { api } from '../lib/api';
import { byId, clear, en, h, say } from '../lib/dom';
import { badgeOf, num } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';

// 奖补 (第十七条) for a platform: the programmes open to apply to, what each asks, and its own grants
// from application through approval and payment. The bureau decides on /b/support.

const status = (st: Grant['status']) => badgeOf(GRANT_STATUS_LABELS, st, 'ps-status');

page(async () => {
  const who = need('platform');
  if (!who) return;
  const platformId = who.org;
  const note = byId('ps-msg');
  if (!platformId) {
    say(note, msg('err', '请先在“我的组织”中选择平台。 / Choose a platform under “My organisation” first.'));
    return;
  }

  async function load() {
    const [{ items: programmes }, { items: grants }] = await Promise.all([api.support.list(), api.support.grantsOf(platformId!)]);
    const mine = new Map(grants.map((g) => [g.programmeId, g]));
    const box = clear(byId('ps-programmes'));
    for (const p of [...programmes].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name))) box.append(programmeCard(p, mine.get(p.id)));
    if (!programmes.length) box.append(h('p', { class: 'muted', 'data-testid': 'ps-programmes-empty' }, '暂无奖补项目。', en('No programmes yet.')));
    const list = clear(byId('ps-grants'));
    for (const g of grants) list.append(grantCard(g, programmes.find((p) => p.id === g.programmeId)));
    if (!grants.length) list.append(h('p', { class: 'muted', 'data-testid': 'ps-grants-empty' }, '尚未申请或获得奖补。', en('No applications or grants yet.')));
  }

  function programmeCard(p: Programme, grant: Grant | undefined) {
    const card = h('div', { class: 'item', 'data-testid': 'ps-programme', 'data-id': p.id },
      h('h3', null, `${p.year} · ${p.name}`),
      h('p', { class: 'small' }, `${p.grantor === 'city' ? '市级 City' : p.grantor} · ${describeAmount(p.amount, p.capWan)}`),
      h('ul', { class: 'small' }, describeRule(p.rule, p.year).map((c) => h('li', null, c))));
    if (grant) {
      card.append(h('p', { 'data-testid': 'ps-applied' }, '已申请 ', en('Applied'), ' · ', status(grant.status)));
      return card;
    }
    const id = `ps-note-${p.id}`;
    const text = h('textarea', { id, rows: 2, maxlength: 2000, 'data-testid': 'ps-note' });
    const slot = h('div', { 'aria-live': 'polite', 'data-testid': 'ps-apply-msg' });
    const form = h('form', null,
      h('label', { for: id }, '申请说明（可选） ', en('Note (optional)')), text,
      h('button', { type: 'submit', 'data-testid': 'ps-apply' }, '申请 ', en('Apply')), slot);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      spawn((async () => {
        try {
          const g = await api.support.apply(p.id, platformId!, text.value.trim() || undefined);
          say(note, msg('ok', `已提交申请，待局方审批（核定 ${num(g.eligibleWan)} 万元） / Applied; the bureau decides`, 'ps-applied-msg'));
          await load();
        } catch (err) {
          // A refusal names each unmet condition; it stays beside the programme it is about.
          say(slot, errorMsg(err));
        }
      })());
    });
    card.append(form);
    return card;
  }

  function grantCard(g: Grant, p: Programme | undefined) {
    return h('div', { class: 'item', 'data-testid': 'ps-grant', 'data-id': g.id, 'data-status': g.status },
      h('strong', null, p ? `${p.year} · ${p.name}` : g.programmeId), ' ', status(g.status),
      h('p', { class: 'small' },
        `核定 ${num(g.eligibleWan)} · 批准 ${g.approvedWan === undefined ? '—' : num(g.approvedWan)} · 已拨付 ${num(g.paidWan)} 万元 / eligible, approved, paid (10k yuan)`),
      g.decisionNote ? h('p', { class: 'small', 'data-testid': 'ps-decision-note' }, `局方意见 Bureau’s note：${g.decisionNote}`) : null,
      g.payments.length
        ? h('ul', { class: 'small', 'data-testid': 'ps-payments' }, g.payments.map((x) => h('li', null, `${x.paidOn} · ${num(x.amountWan)} 万元 · 凭证 ${x.voucherNo}`)))
        : null);
  }

  await load();
});
