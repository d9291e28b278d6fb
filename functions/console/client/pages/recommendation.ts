import { UPSTREAM_LEVEL_LABELS } from '#core/labels';
import { CATEGORIES } from '#core/terms';
import type { UpstreamLevel } from '#core/schemas/defence';
import { api, orNull } from '../lib/api';
import { byId, clear, control, en, h, saveFile, say, val } from '../lib/dom';
import { num, term } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';

// The bureau after the review: quotas, 答辩 sessions (panel without conflicts, presenters in order),
// and the final list by the stated rule.

page(async () => {
  if (!need('bureau')) return;
  const roundSel = byId('rec-round', HTMLSelectElement);
  const rounds = (await api.rounds.list()).items.sort((a, b) => b.year - a.year);
  roundSel.append(...rounds.map((r) => h('option', { value: r.id }, `${r.year} 年度（${r.status}）`)));
  const quotaForm = byId('quota-form', HTMLFormElement);
  const defenceForm = byId('defence-form', HTMLFormElement);
  const levelSel = byId('final-level', HTMLSelectElement);

  let planned = false;
  async function loadQuotas() {
    const plan = await orNull(api.recommend.quotas(roundSel.value));
    planned = !!plan;
    for (const level of ['provincial', 'national'] as const)
      for (const c of CATEGORIES) control(quotaForm, `${level}.${c.code}`).value = String(plan?.quotas[level][c.code] ?? 0);
    control(quotaForm, 'reviewWeight').value = String(plan?.reviewWeight ?? 0.6);
  }

  async function loadPresenters() {
    const level = control(defenceForm, 'level').value as UpstreamLevel;
    const rec = await api.rounds.recommendations(roundSel.value);
    const box = clear(byId('d-presenters'));
    for (const cat of rec.categories)
      for (const it of cat.items.filter((x) => x.score !== null))
        box.appendChild(h('label', null,
          h('input', { type: 'checkbox', value: it.applicationId, checked: it.withinQuota?.[level] ?? false, 'data-testid': 'd-presenter' }),
          h('span', null, `${term('categories', cat.category).zh} · ${it.platformName} · ${num(it.score ?? 0)}`)));
    if (!box.children.length) box.appendChild(h('p', { class: 'muted' }, '尚无评审得分。', en('No review scores yet.')));
  }

  async function loadPanel() {
    const box = clear(byId('d-panel'));
    for (const e of (await api.experts.list()).items.filter((x) => !x.retiredAt))
      box.appendChild(h('label', null, h('input', { type: 'checkbox', value: e.id, 'data-testid': 'd-panel-member' }), h('span', null, `${e.name}（${e.affiliation}）`)));
  }

  async function loadSessions() {
    const list = clear(byId('defence-list'));
    const { items } = await api.recommend.defences(roundSel.value);
    if (!items.length) list.appendChild(h('p', { class: 'muted' }, '尚未安排答辩。', en('No session yet.')));
    for (const d of items)
      list.appendChild(h('div', { class: 'card', 'data-testid': 'defence-session' },
        h('p', null, `${UPSTREAM_LEVEL_LABELS[d.level].zh} · ${new Date(d.startsAt).toLocaleString('zh-CN')} · ${d.venue} · 评委 ${d.panel.map((m) => m.name).join('、')}`),
        h('ol', null, d.schedule.map((x) => h('li', { 'data-testid': 'defence-slot' }, `${new Date(x.startsAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })} ${x.platformName}`)))));
  }

  async function loadFinal() {
    const body = clear(byId('final-body'));
    if (!planned) {
      byId('final-rule').textContent = '设定名额后按规则生成。 Set the quotas first.';
      return;
    }
    try {
      const l = await api.recommend.finalList(roundSel.value, levelSel.value as UpstreamLevel);
      byId('final-rule').textContent = `${l.status === 'fixed' ? `已确定 Fixed ${l.fixedAt?.slice(0, 10)} · ` : '草案 Draft · '}${l.rule}`;
      (byId('final-fix') as HTMLButtonElement).disabled = l.status === 'fixed';
      for (const x of l.items)
        body.appendChild(h('tr', { 'data-testid': 'final-row', 'data-selected': String(x.selected) },
          h('td', null, term('categories', x.category).zh),
          h('td', { class: 'num' }, String(x.rank)),
          h('td', null, x.platformName),
          h('td', { class: 'num' }, x.reviewScore === null ? '—' : num(x.reviewScore)),
          h('td', { class: 'num' }, x.defenceScore === null ? '—' : num(x.defenceScore)),
          h('td', { class: 'num' }, x.combined === null ? '—' : num(x.combined)),
          h('td', null, x.selected ? '入选 Selected' : '—')));
      if (!l.items.length) body.appendChild(h('tr', null, h('td', { colspan: 7, class: 'muted' }, '尚无答辩。 No defences yet.')));
    } catch (err) {
      byId('final-rule').textContent = '';
      say(byId('final-msg'), errorMsg(err));
    }
  }

  const reload = async () => {
    await loadQuotas();
    await Promise.all([loadPresenters(), loadPanel(), loadSessions(), loadFinal()]);
  };
  roundSel.addEventListener('change', () => spawn(reload()));
  levelSel.addEventListener('change', () => spawn(loadFinal()));
  control(defenceForm, 'level').addEventListener('change', () => spawn(loadPresenters()));

  quotaForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      const counts = (level: string) => Object.fromEntries(CATEGORIES.map((c) => [c.code, Number(val(quotaForm, `${level}.${c.code}`))])) as Record<(typeof CATEGORIES)[number]['code'], number>;
      try {
        await api.recommend.setQuotas(roundSel.value, { quotas: { provincial: counts('provincial'), national: counts('national') }, reviewWeight: Number(val(quotaForm, 'reviewWeight')) });
        planned = true;
        await Promise.all([loadPresenters(), loadFinal()]);
        say(byId('quota-msg'), msg('ok', '名额已保存。 Quotas saved.', 'quota-saved'));
      } catch (err) {
        say(byId('quota-msg'), errorMsg(err));
      }
    })());
  });

  defenceForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      const ticked = (box: string) => [...byId(box).querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
      try {
        const d = await api.recommend.schedule(roundSel.value, {
          level: val(defenceForm, 'level') as UpstreamLevel,
          startsAt: new Date(val(defenceForm, 'startsAt')).toISOString(),
          venue: val(defenceForm, 'venue'),
          slotMinutes: Number(val(defenceForm, 'slotMinutes')),
          panel: ticked('d-panel'),
          presenters: ticked('d-presenters'),
        });
        await Promise.all([loadSessions(), loadFinal()]);
        say(byId('defence-msg'), msg('ok', `已安排 ${d.schedule.length} 家答辩，已通知评委与平台。 Scheduled; the panel and the platforms were told.`, 'defence-scheduled'));
      } catch (err) {
        say(byId('defence-msg'), errorMsg(err));
      }
    })());
  });

  byId('final-fix').addEventListener('click', () => spawn((async () => {
    try {
      await api.recommend.fix(roundSel.value, levelSel.value as UpstreamLevel);
      say(byId('final-msg'), msg('ok', '推荐名单已确定。 The list is fixed.', 'final-fixed'));
      await loadFinal();
    } catch (err) {
      say(byId('final-msg'), errorMsg(err));
    }
  })()));
  const exportAs = (button: string, fetchFile: typeof api.recommend.finalListXlsx, ext: 'xlsx' | 'pdf') =>
    byId(button).addEventListener('click', () => spawn((async () => {
      try {
        saveFile(await fetchFile(roundSel.value, levelSel.value as UpstreamLevel), `recommendation-${levelSel.value}.${ext}`);
      } catch (err) {
        say(byId('final-msg'), errorMsg(err));
      }
    })()));
  exportAs('final-xlsx', api.recommend.finalListXlsx, 'xlsx');
  exportAs('final-pdf', api.recommend.finalListPdf, 'pdf');

  if (rounds.length) await reload();
});
