import type { Criterion, Rubric } from '#core/review/rubric';
import type { Review } from '#core/schemas/review';
import type { Category } from '#core/taxonomy';
import { api } from '../lib/api';
import { bi, byId, clear, en, h, say } from '../lib/dom';
import { badge, levelBadge, term } from '../lib/format';
import { evidenceList } from '../lib/evidence-view';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';
import { defencePanel } from '../lib/defence-panel';

page(async () => {
  if (!need('expert')) return;
  const list = byId('review-list');
  const detail = byId('review-detail');
  const rubric: Rubric = await api.reviews.rubric();

  function item(r: Review) {
    return h('div', { class: 'item', 'data-testid': 'review-item', 'data-id': r.id, 'data-status': r.status },
      h('div', { class: 'head' },
        h('button', { type: 'button', class: 'link', 'data-testid': 'review-open', onclick: () => spawn(open(r.id)) }, r.platformName),
        badge(r.status, 'review-status')),
      h('div', { class: 'small muted' }, term('categories', r.category).zh, ' · ', r.total === null ? '未评分 not scored' : `总分 total ${r.total}`));
  }

  async function load() {
    const res = await api.reviews.mine();
    clear(list);
    if (!res.items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'review-empty' }, '暂无评审任务。', en('No assignments yet.')));
    list.append(...res.items.map(item));
    return res.items;
  }

  function scoreField(c: Criterion, r: Review) {
    return h('div', { class: 'field' },
      h('label', { for: `sc-${c.id}` }, bi(c.label), ` (0–${c.max})`),
      h('input', { id: `sc-${c.id}`, name: c.id, type: 'number', min: 0, max: c.max, step: 0.5, required: true, 'data-testid': `score-${c.id}`, value: r.scores[c.id] ?? '', disabled: r.status !== 'assigned' }));
  }

  async function open(id: string) {
    const r = (await api.reviews.mine()).items.find((x) => x.id === id);
    if (!r) return;
    const [app, evidence] = await Promise.all([api.applications.get(r.applicationId), api.applications.evidence(r.applicationId)]);
    const criteria = rubric.version === r.rubricVersion ? rubric.categories[r.category as Category] : null;
    clear(detail);
    detail.append(
      h('h2', { 'data-testid': 'review-platform' }, r.platformName),
      h('p', { class: 'small muted' }, `${app.operatorName} · `, term('categories', app.category).zh, ' · ', levelBadge(app.level ?? 0)),
      h('h3', null, '申报材料 ', en('Evidence')),
      evidenceList(evidence.items),
    );
    if (!criteria) {
      detail.appendChild(msg('err', `评分细则版本 ${r.rubricVersion} 已不是当前版本 / This review uses rubric ${r.rubricVersion}`));
      return;
    }
    const form = h('form', { id: 'score-form', 'data-testid': 'score-form' },
      h('h3', null, '评分 ', en('Scores')),
      criteria.map((c) => scoreField(c, r)),
      h('div', { class: 'field' },
        h('label', { for: 'sc-comment' }, '评审意见 ', en('Comment')),
        h('textarea', { id: 'sc-comment', name: 'comment', maxlength: 4000, 'data-testid': 'score-comment', disabled: r.status !== 'assigned' }, r.comment)),
      r.status === 'assigned'
        ? h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-testid': 'score-submit' }, '保存并提交 ', en('Save and submit')))
        : msg('ok', `已提交，总分 ${r.total} / Submitted, total ${r.total}`, 'score-done'),
      h('div', { id: 'score-msg' }));
    detail.appendChild(form);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      spawn((async () => {
        const scores = Object.fromEntries(criteria.map((c) => [c.id, Number((form.elements.namedItem(c.id) as HTMLInputElement).value)]));
        const comment = (form.elements.namedItem('comment') as HTMLTextAreaElement).value.trim();
        try {
          await api.reviews.save(r.id, scores, comment);
          const done = await api.reviews.submit(r.id);
          // Re-render first: open() rebuilds the detail, which would wipe a message shown before it.
          await load();
          await open(r.id);
          say(byId('score-msg'), msg('ok', `已提交，总分 ${done.total} / Submitted, total ${done.total}`, 'score-saved'));
        } catch (err) {
          say(byId('score-msg'), errorMsg(err));
        }
      })());
    });
  }

  await load();
  await defencePanel(byId('defence-sessions'), byId('defence-score-msg'));
});
