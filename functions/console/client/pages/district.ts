import type { Application, Round } from '#core/schemas/round';
import { api } from '../lib/api';
import { byId, clear, en, h, say } from '../lib/dom';
import { levelBadge, num, pct } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';
import { need } from '../lib/session';

const REVIEW_LABELS = {
  pending: { zh: '待初审', en: 'Waiting' },
  endorsed: { zh: '已推荐', en: 'Endorsed' },
  returned: { zh: '已退回补正', en: 'Returned' },
} as const;

page(async () => {
  const me = need('district');
  if (!me) return;
  const [o, rounds] = await Promise.all([api.stats.overview(), api.rounds.list()]);

  const kpi = (testid: string, zh: string, enText: string, value: string, share: number | null | undefined) =>
    h('div', { class: 'kpi', 'data-testid': testid },
      h('div', { class: 'k' }, zh, en(enText)),
      h('div', { class: 'v' }, value),
      h('div', { class: 'small muted' }, `占全市 ${pct(share)} of the city`));
  byId('district-kpis').append(
    kpi('district-platforms', '本区市平台', 'Platforms here', num(o.platforms.total), o.scope.shareOfCity?.platforms),
    kpi('district-scenarios', '本区市场景', 'Scenarios here', num(o.scenarios.total), o.scope.shareOfCity?.scenarios),
    kpi('district-leads', '对接线索', 'Leads', num(o.leads.total), o.scope.shareOfCity?.leads),
  );

  const round = rounds.items.find((r: Round) => r.districtReview && (r.status === 'open' || r.status === 'closed'));
  const queue = byId('district-queue');
  const note = byId('district-msg');
  if (!round) {
    byId('district-round').textContent = '当前没有需要区（市）初审的轮次。 No round is waiting for district review.';
    return;
  }
  byId('district-round').textContent = `${round.year} 年度培优入库 · ${o.scope.district ?? ''} / ${round.year} round`;

  const card = (a: Application): HTMLElement => {
    const review = a.districtReview;
    const state = review ? REVIEW_LABELS[review.status] : { zh: '未提交', en: 'Not submitted' };
    const comment = h('input', { type: 'text', maxlength: 2000, 'aria-label': '初审意见 Comment', placeholder: '初审意见（退回时必填） Comment (required to return)', 'data-testid': 'review-comment' });
    const act = (kind: 'endorse' | 'return') => spawn((async () => {
      try {
        const text = comment.value.trim();
        const next = kind === 'endorse' ? await api.applications.endorse(a.id, text ? { comment: text } : {}) : await api.applications.return(a.id, { comment: text });
        el.replaceWith(card(next));
        say(note, msg('ok', kind === 'endorse' ? `已推荐 ${a.platformName} / Endorsed` : `已退回 ${a.platformName} 补正 / Returned for correction`, 'district-done'));
      } catch (err) {
        say(note, errorMsg(err));
      }
    })());
    const open = review?.status === 'pending' && (a.status === 'submitted' || a.status === 'assessed');
    const el = h('div', { class: 'card', 'data-testid': 'district-application', 'data-id': a.id, 'data-review': review?.status ?? 'none' },
      h('div', { class: 'head' }, h('b', null, a.platformName), a.level !== undefined ? levelBadge(a.level) : null),
      h('div', { class: 'small muted' }, `${a.operatorName} · ${state.zh} `, en(state.en)),
      review?.comment ? h('div', { class: 'small' }, `意见 Comment: ${review.comment}`) : null,
      open
        ? h('div', { class: 'actions' }, comment,
            h('button', { type: 'button', 'data-testid': 'endorse', onclick: () => act('endorse') }, '推荐 ', en('Endorse')),
            h('button', { type: 'button', class: 'secondary', 'data-testid': 'return', onclick: () => act('return') }, '退回补正 ', en('Return')))
        : null);
    return el;
  };

  const { items } = await api.rounds.applications(round.id);
  clear(queue).append(...(items.length ? items.map(card) : [h('p', { class: 'muted' }, '本区市暂无申报。', en('No applications from this district yet.'))]));
});
