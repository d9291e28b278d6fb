import type { Roadshow } from '#core/schemas/roadshow';
import { api } from '../lib/api';
import { byId, clear, control, en, h, say, val } from '../lib/dom';
import { badge, score100 } from '../lib/format';
import { errorMsg, msg } from '../lib/messages';
import { page, poll } from '../lib/page';
import { area, need } from '../lib/session';
import { checked, fillChecks } from '../lib/widgets';

function agenda(r: Roadshow) {
  if (r.status === 'composing') return h('p', { class: 'muted small', 'data-testid': 'agenda-pending' }, '正在编排议程… Composing the agenda…');
  if (!r.agenda.length) return h('p', { class: 'muted small', 'data-testid': 'agenda-empty' }, '没有符合条件的已匹配场景。 No matched scenarios fit the criteria.');
  return h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'agenda' },
    h('thead', null, h('tr', null, h('th', null, '#'), h('th', null, '场景 ', en('Scenario')), h('th', null, '路演平台（匹配度） ', en('Platforms (score)')))),
    h('tbody', null, r.agenda.map((a, i) =>
      h('tr', { 'data-testid': 'agenda-row', 'data-scenario': a.scenarioId },
        h('td', null, String(i + 1)), h('td', null, a.scenarioTitle),
        h('td', null, a.platforms.map((p) => `${p.platformName} (${score100(p.score)})`).join('、')))))));
}

function item(r: Roadshow) {
  return h('div', { class: 'item', 'data-testid': 'roadshow-item', 'data-id': r.id, 'data-status': r.status },
    h('div', { class: 'head' }, h('span', { class: 'title' }, r.title), badge(r.status, 'roadshow-status')),
    r.startsAt
      ? h('p', null, h('a', { href: `${area()}/roadshows/${encodeURIComponent(r.id)}`, 'data-testid': 'roadshow-open' }, '打开活动（邀请、签到、成效） ', en('Open the event: invitations, check-in, results')))
      : null,
    h('div', { class: 'small muted' },
      `${r.date} · 每场景 ${r.platformsPerScenario} 家平台 / platforms per scenario · 最多 ${r.maxScenarios} 个场景 / scenarios max${r.optimal === false ? ' · 近似解 approximate' : ''}`),
    agenda(r));
}

/** 活动日历: events by month (Beijing time), soonest first. */
function calendarView(items: readonly Roadshow[]) {
  const events = items.filter((r) => r.startsAt).sort((a, b) => a.startsAt!.localeCompare(b.startsAt!));
  if (!events.length) return h('span');
  const bj = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  const months = new Map<string, Roadshow[]>();
  for (const r of events) {
    const m = bj(r.startsAt!).slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), r]);
  }
  return h('div', { class: 'rs-calendar' },
    h('h3', null, '活动日历 ', en('Calendar')),
    [...months].map(([m, rs]) => h('div', { 'data-testid': 'calendar-month', 'data-month': m },
      h('b', null, m),
      h('ul', null, rs.map((r) => h('li', { 'data-testid': 'calendar-event', 'data-id': r.id },
        `${bj(r.startsAt!).slice(5, 16).replace('T', ' ')} `, h('a', { href: `${area()}/roadshows/${encodeURIComponent(r.id)}` }, r.title), ' ', badge(r.status, 'calendar-status')))))));
}

/** The event half of the form: sent only when a start time is given (otherwise an untimed agenda, as before). */
function eventFields(form: HTMLFormElement) {
  const startsAt = val(form, 'startsAt');
  if (!startsAt) return {};
  const at = (v: string) => (v ? new Date(v).toISOString() : undefined);
  const park = val(form, 'park');
  return {
    kind: val(form, 'kind') as 'roadshow',
    venue: { address: val(form, 'address'), region: val(form, 'region') as '崂山区', ...(park ? { park } : {}) },
    startsAt: at(startsAt),
    endsAt: at(val(form, 'endsAt')),
    rsvpBy: at(val(form, 'rsvpBy')),
    rooms: Number(val(form, 'rooms')),
    slotMinutes: Number(val(form, 'slotMinutes')),
    capacity: Number(val(form, 'capacity')),
  };
}

page(async () => {
  if (!need('bureau', 'district')) return;
  const form = byId('roadshow-form', HTMLFormElement);
  const industries = byId('rs-industries');
  const domains = byId('rs-domains');
  fillChecks(industries, 'industries', 'rs-industry');
  fillChecks(domains, 'domains', 'rs-domain');
  control(form, 'date').value = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const note = byId('roadshow-msg');
  const list = byId('roadshow-list');

  const calendar = byId('roadshow-calendar');
  async function load() {
    const res = await api.roadshows.list();
    clear(calendar).append(calendarView(res.items));
    clear(list);
    if (!res.items.length) list.appendChild(h('p', { class: 'muted', 'data-testid': 'roadshow-empty' }, '还没有路演。', en('No roadshows yet.')));
    list.append(...res.items.map(item));
    return res.items.every((r) => r.status !== 'composing');
  }
  const watch = () => poll(load, 1500, 120_000);

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ind = checked(industries, 'industries');
    const dom = checked(domains, 'domains');
    const btn = form.querySelector('button[type=submit]') as HTMLButtonElement;
    btn.disabled = true;
    try {
      await api.roadshows.create({
        title: val(form, 'title'),
        date: val(form, 'startsAt') ? undefined : val(form, 'date'),
        maxScenarios: Number(val(form, 'maxScenarios')),
        platformsPerScenario: Number(val(form, 'platformsPerScenario')),
        maxSlotsPerPlatform: Number(val(form, 'maxSlotsPerPlatform')),
        ...(ind.length ? { industries: ind } : {}),
        ...(dom.length ? { domains: dom } : {}),
        ...eventFields(form),
      });
      say(note, msg('info', '已发起，正在编排议程。 Created; composing the agenda.', 'roadshow-created'));
      await watch();
      say(note, msg('ok', '议程已编排，已向入选平台发送路演邀请。 Agenda composed; invited platforms got a lead.', 'roadshow-composed'));
    } catch (err) {
      say(note, errorMsg(err));
    } finally {
      btn.disabled = false;
    }
  });
  await watch();
});
