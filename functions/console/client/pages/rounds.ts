import { APPLICATION_STATUS_LABELS, OBJECTION_STATUS_LABELS, ROUND_STATUS_LABELS } from '#core/labels';
import type { Application, DirectoryYear, Objection, Round } from '#core/schemas/round';
import { api } from '../lib/api';
import { byId, clear, control, en, h, say, setBusy, val } from '../lib/dom';
import { badgeOf, date, eligibilityText, levelBadge, term } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { expertPanel } from '../lib/round-panel';
import { need } from '../lib/session';

const DAY = 86_400_000;
/** A date as a datetime-local input shows it (the browser's local time, to the minute). */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
/** A datetime-local value (local time) as the API's ISO instant. */
const instant = (v: string) => new Date(v).toISOString();

/** The bureau's note when it returned an application, kept in the history after the resubmission. */
const returnNote = (a: Application) => a.comment ?? [...a.history].reverse().find((x) => x.status === 'returned')?.note;

function applicationRow(a: Application, canReturn: boolean, onReturn: (a: Application, comment: string) => void) {
  const comment = h('input', { type: 'text', maxlength: 2000, placeholder: '补正意见 What to correct', 'aria-label': '补正意见 What to correct', 'data-testid': 'return-comment' });
  const note = returnNote(a);
  return h('tr', { 'data-testid': 'application-row', 'data-id': a.id, 'data-platform': a.platformId, 'data-status': a.status },
    h('td', null, h('b', null, a.platformName), h('div', { class: 'small muted' }, `${a.operatorName} · ${term('categories', a.category).zh}`)),
    h('td', null, badgeOf(APPLICATION_STATUS_LABELS, a.status, 'application-status')),
    h('td', null, a.level === undefined ? '—' : levelBadge(a.level)),
    h('td', { class: 'small', 'data-testid': 'application-eligibility' }, a.eligibility ? eligibilityText(a.eligibility) : '—'),
    h('td', { class: 'small', 'data-testid': 'application-comment' }, note ?? '—', note && a.status !== 'returned' ? h('div', { class: 'muted' }, '已重新提交 resubmitted') : null),
    h('td', null, canReturn && (a.status === 'submitted' || a.status === 'assessed')
      ? h('div', { class: 'actions' }, comment,
          h('button', { type: 'button', class: 'ghost', 'data-testid': 'return-submit', onclick: () => onReturn(a, comment.value.trim()) }, '退回 ', en('Return')))
      : null));
}

/** Masked by the API; "show" asks for the full contact, which the API records in the audit log. */
function contactLine(o: Objection) {
  const line = h('div', { class: 'small muted', 'data-testid': 'objection-contact' }, `${o.contactName} · ${o.contactPhone} · ${o.requesterAddress} · ${date(o.createdAt)} `);
  if (o.contactMasked && !o.anonymisedAt)
    line.appendChild(h('button', { type: 'button', class: 'link', 'data-testid': 'objection-show-contact', title: '查看将记入审计日志 / Looking is recorded in the audit log', onclick: () => spawn((async () => {
      const c = await api.rounds.objectionContact(o.id);
      clear(line).append(`${c.contactName} · ${c.contactPhone} · ${c.requesterAddress} · ${date(o.createdAt)} `, h('span', { class: 'small' }, '（已记入审计 / audited）'));
    })()) }, '显示完整联系方式 ', en('Show full contact')));
  if (o.anonymisedAt) line.appendChild(h('span', null, '（联系方式已匿名化 / contact erased）'));
  return line;
}

function objectionItem(o: Objection, onResolve: (o: Objection, outcome: 'upheld' | 'dismissed', note: string) => void) {
  const outcome = h('select', { 'data-testid': 'resolve-outcome', 'aria-label': '处理结果 Outcome', style: 'max-width:200px' },
    (['dismissed', 'upheld'] as const).map((x) => h('option', { value: x }, `${OBJECTION_STATUS_LABELS[x].zh} ${OBJECTION_STATUS_LABELS[x].en}`)));
  const note = h('input', { type: 'text', maxlength: 2000, placeholder: '处理说明 Note (recorded)', 'aria-label': '处理说明 Note', 'data-testid': 'resolve-note' });
  return h('div', { class: 'item', 'data-testid': 'objection-item', 'data-id': o.id, 'data-status': o.status },
    h('div', { class: 'head' }, h('span', { class: 'title' }, o.platformName), badgeOf(OBJECTION_STATUS_LABELS, o.status, 'objection-status')),
    h('p', null, o.reason),
    contactLine(o),
    o.status === 'open'
      ? h('div', { class: 'actions', style: 'margin-top:8px' }, outcome, note,
          h('button', { type: 'button', 'data-testid': 'resolve-submit', onclick: () => onResolve(o, outcome.value === 'upheld' ? 'upheld' : 'dismissed', note.value.trim()) }, '处理 ', en('Resolve')))
      : h('p', { class: 'small', 'data-testid': 'resolve-note-shown' }, `处理说明 Note: ${o.note ?? ''} · ${date(o.resolvedAt)}`));
}

function directoryView(d: DirectoryYear) {
  return [
    h('p', { class: 'small muted' }, `${d.year} 年度名录，发布于 ${date(d.publishedAt)} / Published `, h('a', { href: `/v1/directory/${d.year}.xlsx`, 'data-testid': 'directory-xlsx' }, `directory-${d.year}.xlsx`)),
    h('div', { class: 'table-wrap' }, h('table', null,
      h('thead', null, h('tr', null, h('th', null, '平台 ', en('Platform')), h('th', null, '类型 ', en('Category')), h('th', null, '等级 ', en('Level')), h('th', null, '资格 ', en('Eligibility')))),
      h('tbody', null, d.entries.map((e) =>
        h('tr', { 'data-testid': 'directory-entry', 'data-platform': e.platformId },
          h('td', null, h('b', null, e.platformName), h('div', { class: 'small muted' }, e.operatorName)),
          h('td', null, term('categories', e.category).zh),
          h('td', null, levelBadge(e.level)),
          h('td', { class: 'small' }, eligibilityText(e.eligibility))))))),
  ];
}

page(async () => {
  if (!need('bureau')) return;
  const form = byId('round-form', HTMLFormElement);
  const formNote = byId('round-form-msg');
  const select = byId('round-select', HTMLSelectElement);
  const head = byId('round-head');
  const card = byId('round-card');
  const note = byId('round-msg');
  const closeBtn = byId('round-close', HTMLButtonElement);
  const noticeBtn = byId('round-notice', HTMLButtonElement);
  const noticeEnds = byId('notice-ends', HTMLInputElement);
  const noticeControls = byId('notice-controls');
  const publishBtn = byId('round-publish', HTMLButtonElement);
  const appBody = byId('application-body');
  const appNote = byId('application-msg');
  const objections = byId('objection-list');
  const dirCard = byId('directory-card');
  const panel = expertPanel(await api.reviews.rubric());

  // The round's year is the reported year: the one before the current year in China.
  control(form, 'year').value = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 1);
  control(form, 'opensAt').value = localInput(new Date());
  control(form, 'closesAt').value = localInput(new Date(Date.now() + 30 * DAY));

  let rounds: Round[] = [];
  const current = () => rounds.find((r) => r.id === select.value);

  async function loadRounds(selected?: string) {
    rounds = (await api.rounds.list()).items.sort((a, b) => b.year - a.year);
    clear(select);
    for (const r of rounds) select.appendChild(h('option', { value: r.id }, `${r.year} 年度 · ${ROUND_STATUS_LABELS[r.status].zh} ${ROUND_STATUS_LABELS[r.status].en}`));
    if (selected) select.value = selected;
    await show();
  }

  async function show() {
    const r = current();
    card.hidden = !r;
    if (!r) {
      appBody.replaceChildren(h('tr', null, h('td', { colspan: 6, class: 'muted', 'data-testid': 'rounds-empty' }, '尚未发布年度申报。 No round yet.')));
      return;
    }
    clear(head).append(
      badgeOf(ROUND_STATUS_LABELS, r.status, 'round-status'),
      h('span', { class: 'small muted' },
        ` 申报期 ${date(r.opensAt)} – ${date(r.closesAt)} · 公示 ${r.noticeDays} 天 / days`,
        r.noticeEndsAt ? ` · 公示截止 notice ends ${date(r.noticeEndsAt)}` : '',
        r.status === 'notice' ? ` · 未处理异议 open objections ${r.openObjections ?? 0}` : ''),
    );
    closeBtn.hidden = r.status !== 'open';
    noticeControls.hidden = r.status !== 'closed';
    publishBtn.hidden = r.status !== 'notice' && r.status !== 'publishing';

    const [apps, objs] = await Promise.all([
      api.rounds.applications(r.id).then((x) => x.items),
      r.status === 'open' || r.status === 'closed' ? Promise.resolve([]) : api.rounds.objections(r.id).then((x) => x.items),
    ]);
    clear(appBody).append(...apps.map((a) => applicationRow(a, r.status === 'open', returnApplication)));
    if (!apps.length) appBody.appendChild(h('tr', null, h('td', { colspan: 6, class: 'muted', 'data-testid': 'applications-empty' }, '暂无申报。 No applications yet.')));
    clear(objections).append(...objs.map((o) => objectionItem(o, resolve)));
    if (!objs.length) objections.appendChild(h('p', { class: 'muted small', 'data-testid': 'objections-empty' }, '暂无异议。 No objections.'));
    dirCard.hidden = r.status !== 'published';
    if (r.status === 'published') clear(byId('directory-year')).append(...directoryView(await api.rounds.directoryYear(r.year)));
    await panel.show(r, apps);
  }

  /** Runs a round action; its result or the API's refusal (zh/en) goes to the round card. */
  function act(work: (r: Round) => Promise<unknown>, done: string, testid: string) {
    const r = current();
    if (!r) return;
    spawn((async () => {
      setBusy(card, true);
      try {
        await work(r);
        await loadRounds(r.id);
        say(note, msg('ok', done, testid));
      } catch (err) {
        say(note, errorMsg(err));
      } finally {
        setBusy(card, false);
      }
    })());
  }

  function returnApplication(a: Application, comment: string) {
    spawn((async () => {
      try {
        await api.applications.return(a.id, { comment });
        await show();
        say(appNote, msg('ok', `已退回 ${a.platformName} 补正 / Returned for correction`, 'returned-ok'));
      } catch (err) {
        say(appNote, errorMsg(err));
      }
    })());
  }

  function resolve(o: Objection, outcome: 'upheld' | 'dismissed', text: string) {
    act(() => api.rounds.resolve(o.id, { outcome, note: text }), `异议已处理：${OBJECTION_STATUS_LABELS[outcome].zh} / Objection ${outcome}`, 'resolved-ok');
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      try {
        const r = await api.rounds.create({
          year: Number(val(form, 'year')),
          opensAt: instant(val(form, 'opensAt')),
          closesAt: instant(val(form, 'closesAt')),
          noticeDays: Number(val(form, 'noticeDays')),
        });
        await loadRounds(r.id);
        say(formNote, msg('ok', `已发布 ${r.year} 年度申报 / The ${r.year} round is open`, 'round-created'));
      } catch (err) {
        say(formNote, errorMsg(err));
      }
    })());
  });
  select.addEventListener('change', () => spawn((async () => {
    say(note, null);
    await show();
  })()));
  closeBtn.addEventListener('click', () => act((r) => api.rounds.close(r.id), '申报已截止。 The window is closed.', 'closed-ok'));
  noticeBtn.addEventListener('click', () =>
    act((r) => api.rounds.startNotice(r.id, noticeEnds.value ? { endsAt: instant(noticeEnds.value) } : {}), '公示已开始。 The public notice has started.', 'notice-ok'));
  publishBtn.addEventListener('click', () => act((r) => api.rounds.publish(r.id), '名录已发布。 The directory is published.', 'published-ok'));

  await loadRounds();
});
