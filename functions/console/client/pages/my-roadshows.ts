import { rsApi, type RsInvitation } from '../lib/api';
import { byId, clear, en, h, say } from '../lib/dom';
import { errorMsg, msg } from '../lib/messages';
import { page } from '../lib/page';
import { need } from '../lib/session';
import { agendaTable, bj, bjTime, headView, statusChip } from '../lib/roadshow-view';

// 我的路演: a manufacturer's or platform's invitations, to answer, with its own slots highlighted.

page(async () => {
  const who = need('manufacturer', 'platform');
  if (!who) return;
  const list = byId('my-rs-list');
  const note = byId('my-rs-msg');
  const reasons = byId('rs-decline-reasons', HTMLTemplateElement);

  function invitationRow(i: RsInvitation, open: boolean) {
    const row = h('div', { class: 'item', 'data-testid': 'my-rs-invitation', 'data-id': i.id, 'data-status': i.status },
      h('div', { class: 'head' }, h('span', { class: 'title' }, i.scenarioTitle ?? i.scenarioId), statusChip(i.status)),
      h('div', { class: 'small' }, `${bj(i.startsAt)}–${bjTime(i.endsAt)} · 第 ${i.room ?? 1} 会场`, en(`room ${i.room ?? 1}`)),
      i.checkInCode && i.status !== 'declined' && i.status !== 'cancelled' ? h('div', { class: 'small muted' }, '签到码 ', h('b', { 'data-testid': 'my-rs-code' }, i.checkInCode)) : null);
    if (open && (i.status === 'invited' || i.status === 'accepted')) {
      const select = h('select', { 'data-testid': 'my-rs-reason', 'aria-label': '婉拒原因 Reason' }, ...[...reasons.content.cloneNode(true).childNodes]);
      const reply = async (accept: boolean) => {
        try {
          await rsApi.reply(i.id, accept ? { accept } : { accept, reason: select.value, ...(select.value === 'other' ? { note: '其他原因' } : {}) });
          say(note, msg('ok', accept ? '已接受邀请。 Accepted.' : '已婉拒。 Declined.', 'my-rs-replied'));
          await load();
        } catch (err) {
          say(note, errorMsg(err));
        }
      };
      row.append(h('div', { class: 'actions' },
        i.status === 'invited' ? h('button', { type: 'button', 'data-testid': 'my-rs-accept', onclick: () => reply(true) }, '接受 ', en('Accept')) : null,
        select,
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'my-rs-decline', onclick: () => reply(false) }, '婉拒 ', en('Decline'))));
    }
    return row;
  }

  async function load() {
    const res = await rsApi.mine();
    clear(list);
    if (!res.items.length) list.append(h('p', { class: 'muted', 'data-testid': 'my-rs-empty' }, '暂无路演邀请。', en('No roadshow invitations yet.')));
    for (const { roadshow: r, invitations, pairs } of res.items) {
      const open = r.status === 'published' && !!r.rsvpBy && new Date().toISOString() < r.rsvpBy;
      const mine = new Set(invitations.filter((i) => i.status !== 'declined' && i.status !== 'cancelled').map((i) => i.scenarioId));
      list.append(h('section', { class: 'card', 'data-testid': 'my-rs-event', 'data-id': r.id },
        headView(r),
        h('h3', null, '我的邀请 ', en('My invitations')),
        ...invitations.map((i) => invitationRow(i, open)),
        pairs.length ? h('h3', null, '对接评价 ', en('Rate the meetings')) : null,
        ...pairs.map((pair) => {
          const stars = h('select', { 'data-testid': 'my-rs-stars', 'aria-label': '评分 Stars' }, ...[5, 4, 3, 2, 1].map((n) => h('option', { value: String(n), selected: pair.myStars === n }, '★'.repeat(n))));
          return h('div', { class: 'item', 'data-testid': 'my-rs-pair', 'data-scenario': pair.scenarioId, 'data-platform': pair.platformId, 'data-stars': pair.myStars ?? '' },
            h('div', null, pair.scenarioTitle, ' × ', pair.platformName),
            h('div', { class: 'actions' }, stars, h('button', { type: 'button', 'data-testid': 'my-rs-rate', onclick: async () => {
              try {
                await rsApi.rate(r.id, { scenarioId: pair.scenarioId, platformId: pair.platformId, stars: Number(stars.value) });
                say(note, msg('ok', '已评价。 Rated.', 'my-rs-rated'));
                await load();
              } catch (err) {
                say(note, errorMsg(err));
              }
            } }, pair.myStars ? '修改评价 ' : '评价 ', en(pair.myStars ? 'Change' : 'Rate'))));
        }),
        h('h3', null, '议程 ', en('Agenda')),
        agendaTable(r.agenda, { breaks: r.breaks, mark: (a) => mine.has(a.scenarioId) })));
    }
  }
  void who;
  await load();
});
