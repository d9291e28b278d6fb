import { GRANT_STATUS_LABELS } from '#core/labels';
import type { Grant } from '#core/schemas/support';
import { api } from '../lib/api';
import { byId, clear, control, en, h, saveFile, say, val } from '../lib/dom';
import { num } from '../lib/format';
import { errorMsg, formError, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';

// 奖补 (第十七条): a programme as data, who is eligible and why, nomination, approval and payment.

const STATUS = (st: Grant['status']) => `${GRANT_STATUS_LABELS[st].zh} ${GRANT_STATUS_LABELS[st].en}`;

page(async () => {
  if (!need('bureau')) return;
  const form = byId('programme-form', HTMLFormElement);
  control(form, 'year').value = String(new Date().getFullYear());
  const sel = byId('sp-programme', HTMLSelectElement);
  const ledgerMsg = byId('sp-ledger-msg');

  async function loadProgrammes(select?: string) {
    const { items } = await api.support.list();
    clear(sel).append(...items.map((p) => h('option', { value: p.id }, `${p.year} · ${p.name}`)));
    if (select) sel.value = select;
    await loadProgramme();
  }

  async function loadProgramme() {
    const eligibleBox = clear(byId('sp-eligible'));
    const grantsBox = clear(byId('sp-grants'));
    if (!sel.value) return;
    const [{ items }, ledger] = await Promise.all([api.support.eligibility(sel.value), api.support.ledger(sel.value)]);
    const p = ledger.programme;
    byId('sp-figures').textContent = `预算 ${num(p.budgetWan)} 万元 · 已批 ${num(p.committedWan)} · 已拨付 ${num(p.paidWan)} / Budget, committed, paid (10k yuan)`;
    const granted = new Set(ledger.grants.map((g) => g.platformId));
    for (const r of items)
      eligibleBox.appendChild(h('div', { class: 'item', 'data-testid': 'sp-eligible-row', 'data-platform': r.platformId, 'data-eligible': String(r.eligible) },
        h('strong', null, r.platformName), ` · ${r.level} 级 · ${r.eligible ? `${num(r.amountWan)} 万元` : '不符合 Not eligible'}`,
        h('ul', { class: 'small' }, r.checks.map((c) => h('li', null, `${c.met ? '✓' : '✗'} ${c.text}`))),
        r.eligible && !granted.has(r.platformId)
          ? h('button', { type: 'button', 'data-testid': 'sp-nominate', onclick: () => act(() => api.support.nominate(sel.value, r.platformId)) }, '提名 ', en('Nominate'))
          : null));
    if (!items.length) eligibleBox.appendChild(h('p', { class: 'muted' }, '没有平台。', en('No platforms.')));
    for (const g of ledger.grants) grantsBox.appendChild(grantCard(g));
    if (!ledger.grants.length) grantsBox.appendChild(h('p', { class: 'muted' }, '尚无奖补记录。', en('No grants yet.')));
  }

  function grantCard(g: Grant) {
    const card = h('div', { class: 'item', 'data-testid': 'sp-grant', 'data-id': g.id, 'data-status': g.status },
      h('strong', null, g.platformName), ` · ${STATUS(g.status)} · 核定 ${num(g.eligibleWan)} · 批准 ${g.approvedWan === undefined ? '—' : num(g.approvedWan)} · 已拨付 ${num(g.paidWan)} 万元`);
    if (g.status === 'proposed') card.append(h('button', { type: 'button', 'data-testid': 'sp-approve', onclick: () => act(() => api.support.approve(g.id)) }, '批准 ', en('Approve')));
    if (g.status === 'approved') {
      const id = (k: string) => `${k}-${g.id}`;
      const paidOn = h('input', { id: id('on'), type: 'date', required: true, 'data-testid': 'sp-paid-on' });
      const amount = h('input', { id: id('amt'), type: 'number', min: 0.01, step: '0.01', required: true, value: String((g.approvedWan ?? 0) - g.paidWan), 'data-testid': 'sp-paid-amount' });
      const voucher = h('input', { id: id('vch'), type: 'text', required: true, maxlength: 100, 'data-testid': 'sp-voucher' });
      const pay = h('form', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: id('on') }, '拨付日期 ', en('Paid on')), paidOn),
        h('div', { class: 'field' }, h('label', { for: id('amt') }, '金额（万元） ', en('Amount')), amount),
        h('div', { class: 'field' }, h('label', { for: id('vch') }, '凭证号 ', en('Voucher')), voucher),
        h('button', { type: 'submit', 'data-testid': 'sp-pay' }, '登记拨付 ', en('Record payment')));
      pay.addEventListener('submit', (ev) => {
        ev.preventDefault();
        act(() => api.support.pay(g.id, { paidOn: paidOn.value, amountWan: Number(amount.value), voucherNo: voucher.value.trim() }));
      });
      card.append(pay);
    }
    return card;
  }

  function act(call: () => Promise<unknown>) {
    spawn((async () => {
      try {
        await call();
        await loadProgramme();
        say(ledgerMsg, msg('ok', '已更新台账。 Ledger updated.', 'sp-updated'));
      } catch (err) {
        say(ledgerMsg, errorMsg(err));
      }
    })());
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      const minLevel = val(form, 'minLevel');
      try {
        const p = await api.support.create({
          name: val(form, 'name'),
          year: Number(val(form, 'year')),
          grantor: val(form, 'grantor') as 'city',
          budgetWan: Number(val(form, 'budgetWan')),
          amount: { kind: 'fixed', wan: Number(val(form, 'amountWan')) },
          capWan: Number(val(form, 'capWan')),
          rule: {
            ...(minLevel ? { minLevel: Number(minLevel) } : {}),
            ...(control(form, 'reported', HTMLInputElement).checked ? { reported: true } : {}),
            ...(control(form, 'listed', HTMLInputElement).checked ? { listed: true } : {}),
          },
        });
        say(byId('sp-msg'), msg('ok', '已创建。 Created.', 'sp-created'));
        await loadProgrammes(p.id);
      } catch (err) {
        say(byId('sp-msg'), formError(form, err));
      }
    })());
  });
  sel.addEventListener('change', () => spawn(loadProgramme()));
  byId('sp-xlsx').addEventListener('click', () => spawn((async () => {
    try {
      saveFile(await api.support.ledgerXlsx(sel.value), 'support-ledger.xlsx');
    } catch (err) {
      say(ledgerMsg, errorMsg(err));
    }
  })()));
  await loadProgrammes();
});
