import type { PublicNotice } from '#core/schemas/round';
import type { z } from 'zod';
import { ApiError, api } from '../lib/api';
import { byId, clear, control, en, h, say, val } from '../lib/dom';
import { date, levelBadge, term } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, spawn } from '../lib/page';

page(async () => {
  const select = byId('n-round', HTMLSelectElement);
  const ends = byId('n-ends');
  const body = byId('notice-body');
  const form = byId('objection-form', HTMLFormElement);
  const target = control(form, 'applicationId', HTMLSelectElement);
  const note = byId('objection-msg');

  const rounds = (await api.rounds.list()).items.filter((r) => r.noticeEndsAt);
  clear(select);
  for (const r of rounds) select.appendChild(h('option', { value: r.id }, `${r.year} 年度 · ${r.status === 'notice' ? '公示中 on notice' : '已公示 noticed'}`));
  if (!rounds.length) {
    body.appendChild(h('tr', null, h('td', { colspan: 4, class: 'muted', 'data-testid': 'notice-empty' }, '目前没有公示。 No public notice at the moment.')));
    return;
  }

  function show(n: z.infer<typeof PublicNotice>) {
    const running = n.round.status === 'notice' && Date.parse(n.noticeEndsAt) > Date.now();
    clear(ends).append(
      `公示截止 ${date(n.noticeEndsAt)} / Notice ends ${new Date(n.noticeEndsAt).toISOString().slice(0, 16).replace('T', ' ')} UTC · `,
      h('a', { href: `/v1/public/notices/${encodeURIComponent(n.round.id)}?format=pdf`, 'data-testid': 'notice-pdf' }, '下载 PDF', en('PDF')),
    );
    clear(body);
    body.append(...n.entries.map((e) =>
      h('tr', { 'data-testid': 'notice-row', 'data-id': e.applicationId },
        h('td', null, h('b', null, e.platformName)),
        h('td', null, e.operatorName),
        h('td', null, term('categories', e.category).zh, en(term('categories', e.category).en)),
        h('td', null, levelBadge(e.level)))));
    if (!n.entries.length) body.appendChild(h('tr', null, h('td', { colspan: 4, class: 'muted' }, '公示名单为空。 The list is empty.')));
    clear(target);
    for (const e of n.entries) target.appendChild(h('option', { value: e.applicationId }, e.platformName));
    form.hidden = !running || !n.entries.length;
  }

  async function load() {
    say(note, null);
    show(await api.rounds.notice(select.value));
  }

  select.addEventListener('change', () => spawn(load()));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    spawn((async () => {
      try {
        await api.rounds.object(select.value, {
          applicationId: target.value,
          reason: val(form, 'reason'),
          contactName: val(form, 'contactName'),
          contactPhone: val(form, 'contactPhone'),
          noticeVersion: val(form, 'noticeVersion'),
        });
        form.reset();
        say(note, msg('ok', '异议已受理，市工信局将核查并记录处理意见。 Objection received; the bureau will look into it.', 'objection-ok'));
      } catch (err) {
        say(note, err instanceof ApiError && err.status === 429 ? msg('err', '提交过于频繁，请一小时后再试。 Too many objections; try again in an hour.', 'error') : errorMsg(err));
      }
    })());
  });
  await load();
});
