import { rsApi } from '../lib/api';
import { byId, clear, en, h } from '../lib/dom';
import { page } from '../lib/page';
import { agendaTable, headView } from '../lib/roadshow-view';

// 会议手册: the public agenda laid out for A4 (print CSS in the page).

const id = decodeURIComponent(location.pathname.split('/')[2] ?? '');

page(async () => {
  const box = byId('handbook');
  const r = await rsApi.public(id);
  clear(box).append(headView(r), agendaTable(r.agenda, { breaks: r.breaks }),
    h('p', { class: 'small muted' }, '扫码或访问活动页报名；入场请出示签到码。', en(`Register at ${location.origin}/roadshows/${id}; show your check-in code at the door.`)));
  byId('print-now').addEventListener('click', () => window.print());
});
