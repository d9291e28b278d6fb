import { UPSTREAM_LEVEL_LABELS } from '#core/labels';
import type { Criterion } from '#core/review/rubric';
import type { DefenceScore, DefenceSession } from '#core/schemas/defence';
import { api } from './api';
import { bi, clear, en, h, say } from './dom';
import { errorMsg, msg } from './messages';
import { spawn } from './page';

/**
 * A panel member's 答辩 sheets (第十一条): each session they sit on, each presenter in order, the
 * defence rubric's criteria; a sheet is saved whole and may be saved again until the list is fixed.
 */
export async function defencePanel(box: HTMLElement, note: HTMLElement): Promise<void> {
  const rounds = (await api.rounds.list()).items;
  const sessions = (await Promise.all(rounds.map((r) => api.recommend.defences(r.id)))).flatMap((x) => x.items);
  clear(box);
  if (!sessions.length) {
    box.appendChild(h('p', { class: 'muted', 'data-testid': 'defence-none' }, '暂无答辩任务。', en('No 答辩 session for you.')));
    return;
  }
  for (const s of sessions) box.appendChild(await sessionCard(s, note));
}

async function sessionCard(s: DefenceSession, note: HTMLElement): Promise<HTMLElement> {
  const full = await api.recommend.session(s.id);
  const mine = new Map(full.scores.map((x: DefenceScore) => [x.applicationId, x]));
  const card = h('div', { class: 'card', 'data-testid': 'defence-card', 'data-id': s.id },
    h('p', null, `${UPSTREAM_LEVEL_LABELS[s.level].zh}推荐答辩 · ${new Date(s.startsAt).toLocaleString('zh-CN')} · ${s.venue}`));
  for (const slot of s.schedule) {
    const prev = mine.get(slot.applicationId);
    const fields = full.rubric.criteria.map((c: Criterion) => {
      const id = `d-${s.id}-${slot.applicationId}-${c.id}`;
      return h('div', { class: 'field' },
        h('label', { for: id }, bi(c.label), ` (0–${c.max})`),
        h('input', { id, name: c.id, type: 'number', min: 0, max: c.max, step: 0.5, required: true, value: prev?.scores[c.id] ?? '', 'data-testid': `defence-score-${c.id}` }));
    });
    const commentId = `d-${s.id}-${slot.applicationId}-comment`;
    const comment = h('textarea', { id: commentId, rows: 2, maxlength: 2000, 'data-testid': 'defence-comment' }, prev?.comment ?? '');
    const form = h('form', { class: 'stack', 'data-testid': 'defence-sheet', 'data-app': slot.applicationId },
      h('h3', null, `${slot.order}. ${slot.platformName}`, prev ? h('span', { class: 'small muted', 'data-testid': 'defence-total' }, ` · 已评 ${prev.total}`) : null),
      h('div', { class: 'row' }, fields),
      h('label', { for: commentId }, '意见 ', en('Comment')), comment,
      h('button', { type: 'submit', 'data-testid': 'defence-save' }, '保存评分 ', en('Save')));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      spawn((async () => {
        const scores = Object.fromEntries([...form.querySelectorAll<HTMLInputElement>('input[type=number]')].map((i) => [i.name, Number(i.value)]));
        try {
          const saved = await api.recommend.score(s.id, slot.applicationId, { scores, comment: comment.value.trim() });
          say(note, msg('ok', `已保存：${slot.platformName} ${saved.total} 分。 Saved.`, 'defence-saved'));
        } catch (err) {
          say(note, errorMsg(err));
        }
      })());
    });
    card.append(form);
  }
  return card;
}
