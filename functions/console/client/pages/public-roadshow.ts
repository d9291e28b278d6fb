import { rsApi } from '../lib/api';
import { byId, clear, en, h, say, val } from '../lib/dom';
import { errorMsg } from '../lib/messages';
import { page } from '../lib/page';
import { agendaTable, headView } from '../lib/roadshow-view';

// The public event page (no sign-in): agenda with clock times, and the registration form.

const id = decodeURIComponent(location.pathname.split('/')[2] ?? '');

page(async () => {
  const head = byId('pub-rs-head');
  const agenda = byId('pub-rs-agenda');
  const form = byId('pub-rs-form', HTMLFormElement);
  const interests = byId('pub-rs-interests');
  const note = byId('pub-rs-msg');
  byId('pub-rs-print', HTMLAnchorElement).href = `/roadshows/${encodeURIComponent(id)}/print`;
  const r = await rsApi.public(id);
  clear(head).append(headView(r), h('p', { 'data-testid': 'pub-rs-seats' }, `剩余席位 ${r.seatsLeft} / ${r.capacity}`, en(r.seatsLeft ? 'seats left' : 'full: new registrations join the wait list')));
  clear(agenda).append(agendaTable(r.agenda, { breaks: r.breaks }));
  clear(interests).append(...r.agenda.map((a) => h('label', null, h('input', { type: 'checkbox', value: a.scenarioId, 'data-testid': 'pub-rs-interest' }), h('span', null, a.scenarioTitle))));
  if (!r.registrationOpen) {
    form.querySelector('button[type=submit]')?.setAttribute('disabled', '');
    say(note, h('div', { class: 'msg info', 'data-testid': 'pub-rs-closed' }, '报名已截止。', en('Registration has closed.')));
  }
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const chosen = [...interests.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    try {
      const x = await rsApi.register(id, { name: val(form, 'name'), enterprise: val(form, 'enterprise'), contact: val(form, 'contact'), noticeVersion: val(form, 'noticeVersion'), ...(chosen.length ? { interests: chosen } : {}) });
      say(note, h('div', { class: 'msg ok', 'data-testid': 'pub-rs-registered', 'data-waitlisted': String(x.waitlisted) },
        h('p', null, x.waitlisted ? '席位已满，您已进入候补名单。' : '报名成功！', en(x.waitlisted ? 'Full: you are on the wait list.' : 'You are registered.')),
        h('p', null, '签到码 ', en('Check-in code'), h('div', { class: 'rs-code', 'data-testid': 'pub-rs-code' }, x.checkInCode)),
        h('img', { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(x.qrSvg)}`, alt: `签到码 ${x.checkInCode}`, width: 180, height: 180, 'data-testid': 'pub-rs-qr' }),
        h('p', { class: 'small muted' }, '请截图保存，入场时出示。', en('Keep it and show it at the door.'))));
      form.querySelector('button[type=submit]')?.setAttribute('disabled', '');
    } catch (err) {
      say(note, errorMsg(err));
    }
  });
});
