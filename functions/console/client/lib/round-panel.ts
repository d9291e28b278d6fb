// The expert side of the bureau's round page (第十一条): register experts, assign them to level-2+
// applications (conflicts of interest come back as the API's 409), and the recommendation list.
import type { Category } from '#core/taxonomy';
import type { Application, Round } from '#core/schemas/round';
import type { Expert, RecommendationItem } from '#core/schemas/review';
import type { Rubric } from '#core/review/rubric';
import { api } from './api';
import { byId, clear, en, h, saveFile, say, val } from './dom';
import { levelBadge, num, term } from './format';
import { errorMsg, msg } from './messages';
import { spawn } from './page';

const ticked = (box: HTMLElement) => [...box.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((i) => i.value);
const check = (testid: string, value: string, label: string, extra: string) =>
  h('label', null, h('input', { type: 'checkbox', value, 'data-testid': testid }), h('span', null, label), h('span', { class: 'small muted' }, extra));

function recommendationTable(items: readonly RecommendationItem[], rubric: Rubric, category: Category) {
  const criteria = rubric.categories[category] ?? [];
  const label = (id: string) => criteria.find((c) => c.id === id)?.label.zh ?? id;
  return h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'rec-table', 'data-category': category },
    h('thead', null, h('tr', null,
      h('th', { class: 'num' }, '名次 ', en('Rank')),
      h('th', null, '平台 ', en('Platform')),
      h('th', null, '等级 ', en('Level')),
      h('th', { class: 'num' }, '汇总得分 ', en('Score')),
      h('th', null, '专家评分 ', en('Experts’ scores')))),
    h('tbody', null, items.map((r) =>
      h('tr', { 'data-testid': 'rec-row', 'data-application': r.applicationId },
        h('td', { class: 'num' }, String(r.rank)),
        h('td', null, h('b', null, r.platformName), h('div', { class: 'small muted' }, r.operatorName)),
        h('td', null, levelBadge(r.level)),
        h('td', { class: 'num', 'data-testid': 'rec-score' }, num(r.score)),
        h('td', { class: 'small' },
          h('div', { class: 'muted' }, `已提交 ${r.submittedReviews}/${r.assignedExperts} submitted${r.droppedTotals.length ? ` · 去掉最高最低 dropped ${r.droppedTotals.join(', ')}` : ''}`),
          r.reviews.map((x) =>
            h('div', { 'data-testid': 'rec-review' },
              h('b', null, `${x.expertName} ${num(x.total)}`),
              h('span', { class: 'muted' }, ` · ${Object.entries(x.scores).map(([k, v]) => `${label(k)} ${num(v)}`).join('；')}`),
              x.comment ? h('div', null, `“${x.comment}”`) : null))))))));
}

/** Wires the expert cards; `show` re-renders them for a round and its applications. */
export function expertPanel(rubric: Rubric) {
  const form = byId('expert-form', HTMLFormElement);
  const formNote = byId('expert-msg');
  const apps = byId('assign-apps');
  const experts = byId('assign-experts');
  const assignBtn = byId('assign-submit', HTMLButtonElement);
  const assignNote = byId('assign-msg');
  const recs = byId('recommendations');
  let round: Round | null = null;

  async function showExperts() {
    const list: Expert[] = (await api.experts.list()).items;
    clear(experts);
    if (!list.length) experts.appendChild(h('p', { class: 'muted small', 'data-testid': 'experts-empty' }, '专家库为空。 No experts registered.'));
    // A retired expert takes no new assignments (the API refuses them): listed, not offered.
    experts.append(...list.map((e) => (e.retiredAt
      ? h('label', { class: 'muted', 'data-testid': 'expert-retired' }, h('input', { type: 'checkbox', disabled: true }), h('span', null, e.name), h('span', { class: 'small' }, ' · 已退出专家库 retired'))
      : h('div', { class: 'expert-row' }, check('assign-expert', e.id, e.name, ` · ${e.affiliation}`), retireControl(e)))));
  }

  /** Retiring takes a reason (kept with the expert and in the audit log); the API refuses it without one. */
  function retireControl(e: Expert) {
    const reason = h('input', { type: 'text', placeholder: '退出理由 Reason', 'data-testid': 'retire-reason', maxlength: 500 });
    const note = h('span');
    const confirm = h('button', { type: 'button', class: 'small', 'data-testid': 'retire-confirm', onclick: () => spawn((async () => {
      try {
        await api.experts.retire(e.id, { reason: reason.value });
        await showExperts();
        say(formNote, msg('ok', `${e.name} 已退出专家库 / ${e.name} retired`, 'retire-ok'));
      } catch (err) {
        say(note, errorMsg(err));
      }
    })()) }, '确认退出 ', en('Retire'));
    return h('details', { class: 'small', 'data-testid': 'retire-expert' }, h('summary', null, '退出专家库 ', en('Retire')), reason, confirm, note);
  }

  function showApplications(all: readonly Application[]) {
    const eligible = all.filter((a) => a.status === 'assessed' && (a.level ?? 0) >= 2);
    clear(apps);
    if (!eligible.length) apps.appendChild(h('p', { class: 'muted small', 'data-testid': 'assign-none' }, '暂无二级及以上的申报。 No application assessed at level 2 or above.'));
    apps.append(...eligible.map((a) => check('assign-app', a.id, a.platformName, ` · ${term('categories', a.category).zh} · ${a.level} 级`)));
  }

  async function showRecommendations() {
    if (!round) return;
    const r = await api.rounds.recommendations(round.id);
    const withItems = r.categories.filter((c) => c.items.length);
    clear(recs);
    if (!withItems.length) recs.appendChild(h('p', { class: 'muted', 'data-testid': 'rec-empty' }, '尚无评审结果。 No reviews yet.'));
    for (const c of withItems) {
      const l = term('categories', c.category);
      recs.append(h('h3', null, l.zh, en(l.en)), recommendationTable(c.items, rubric, c.category));
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      const contact = val(form, 'contact');
      try {
        const e = await api.experts.register({
          name: val(form, 'name'),
          affiliation: val(form, 'affiliation'),
          affiliationCreditCode: val(form, 'affiliationCreditCode'),
          fields: val(form, 'fields').split(/[,，、]/).map((x) => x.trim()).filter(Boolean),
          ...(contact ? { contact } : {}),
          noticeVersion: val(form, 'noticeVersion'),
        });
        form.reset();
        await showExperts();
        say(formNote, msg('ok', `已登记专家 ${e.name} / Expert registered`, 'expert-ok'));
      } catch (err) {
        say(formNote, errorMsg(err));
      }
    })());
  });

  assignBtn.addEventListener('click', () => spawn((async () => {
    if (!round) return;
    try {
      const res = await api.rounds.assign(round.id, { applicationIds: ticked(apps), expertIds: ticked(experts) });
      say(assignNote, msg('ok', `已分配 ${res.items.length} 项评审任务 / ${res.items.length} review(s) assigned`, 'assign-ok'));
      await showRecommendations();
    } catch (err) {
      say(assignNote, errorMsg(err));
    }
  })()));

  byId('rec-refresh').addEventListener('click', () => spawn(showRecommendations()));
  byId('rec-xlsx').addEventListener('click', () => spawn((async () => {
    if (!round) return;
    try {
      saveFile(await api.rounds.recommendationsXlsx(round.id), `recommendations-${round.year}.xlsx`);
    } catch (err) {
      say(recs, errorMsg(err));
    }
  })()));

  return {
    async show(r: Round, all: readonly Application[]) {
      round = r;
      say(assignNote, null);
      showApplications(all);
      await Promise.all([showExperts(), showRecommendations()]);
    },
  };
}
