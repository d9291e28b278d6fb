import { ROADSHOW_KIND_LABELS } from '#core/labels';
import { en, h } from './dom';

// Shared pieces of the roadshow event pages: Beijing clock times and the agenda by slot.

/** "12-10 09:30" in Beijing time, whatever the browser's zone. */
export const bj = (iso?: string) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ') : '—');
export const bjTime = (iso?: string) => bj(iso).slice(6);

export interface AgendaLike {
  scenarioId: string;
  scenarioTitle: string;
  room?: number;
  startsAt?: string;
  endsAt?: string;
  platforms: { platformId: string; platformName: string }[];
}

export interface EventHead {
  title: string;
  kind?: string;
  venue?: { address: string; region: string; park?: string };
  startsAt?: string;
  endsAt?: string;
  rsvpBy?: string;
  rooms?: number;
  breaks?: { startsAt: string; endsAt: string; label?: string }[];
}

export function headView(r: EventHead) {
  const kind = ROADSHOW_KIND_LABELS[(r.kind ?? 'roadshow') as keyof typeof ROADSHOW_KIND_LABELS];
  return h('div', { class: 'rs-head' },
    h('h2', { 'data-testid': 'rs-title' }, r.title),
    h('p', null, h('span', { class: 'badge' }, kind ? `${kind.zh} ${kind.en}` : r.kind)),
    h('p', { 'data-testid': 'rs-when' }, `${bj(r.startsAt)}–${bjTime(r.endsAt)}（北京时间）`, en('Beijing time')),
    r.venue ? h('p', { 'data-testid': 'rs-venue' }, `${r.venue.region} ${r.venue.address}${r.venue.park ? ` · ${r.venue.park}` : ''}`) : null,
    r.rsvpBy ? h('p', { class: 'small muted' }, `回复截止 ${bj(r.rsvpBy)}`, en('Reply by')) : null,
  );
}

/**
 * The agenda as a table sorted by time then room, breaks shown between slots; `cell` may add to
 * each platform (reply status), `mark` highlights rows (an invitee's own slots).
 */
export function agendaTable(items: readonly AgendaLike[], opts: { breaks?: EventHead['breaks']; platformCell?: (a: AgendaLike, p: AgendaLike['platforms'][number]) => Node | string; mark?: (a: AgendaLike) => boolean; presenter?: (a: AgendaLike) => Node | string | null } = {}) {
  const rows = [...items].sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || (a.room ?? 0) - (b.room ?? 0));
  const breaks = [...(opts.breaks ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const body: Node[] = [];
  let bi = 0;
  for (const a of rows) {
    while (bi < breaks.length && breaks[bi]!.startsAt <= (a.startsAt ?? '')) {
      const b = breaks[bi++]!;
      body.push(h('tr', { class: 'break', 'data-testid': 'agenda-break' }, h('td', null, `${bjTime(b.startsAt)}–${bjTime(b.endsAt)}`), h('td', { colspan: 3 }, b.label ?? '休息 Break')));
    }
    body.push(
      h('tr', { class: `rs-slot${opts.mark?.(a) ? ' mine' : ''}`, 'data-testid': 'agenda-row', 'data-scenario': a.scenarioId, 'data-mine': opts.mark?.(a) ? 'true' : null },
        h('td', { 'data-testid': 'agenda-time' }, `${bjTime(a.startsAt)}–${bjTime(a.endsAt)}`),
        h('td', null, `${a.room ?? 1}`),
        h('td', null, a.scenarioTitle, opts.presenter ? h('div', { class: 'small muted' }, opts.presenter(a)) : null),
        h('td', null, a.platforms.map((p) => h('div', null, p.platformName, ' ', opts.platformCell ? opts.platformCell(a, p) : ''))),
      ),
    );
  }
  for (; bi < breaks.length; bi++) {
    const b = breaks[bi]!;
    body.push(h('tr', { class: 'break', 'data-testid': 'agenda-break' }, h('td', null, `${bjTime(b.startsAt)}–${bjTime(b.endsAt)}`), h('td', { colspan: 3 }, b.label ?? '休息 Break')));
  }
  return h('div', { class: 'table-wrap' },
    h('table', { 'data-testid': 'event-agenda' },
      h('thead', null, h('tr', null, h('th', null, '时间 ', en('Time')), h('th', null, '会场 ', en('Room')), h('th', null, '场景 ', en('Scenario')), h('th', null, '对接平台 ', en('Platforms')))),
      h('tbody', null, body)));
}

export const STATUS_TEXT: Record<string, string> = { invited: '待回复 invited', accepted: '已接受 accepted', declined: '已婉拒 declined', cancelled: '已取消 cancelled' };
export const statusChip = (status: string) => h('span', { class: `rs-status ${status}`, 'data-testid': 'rs-reply-status', 'data-status': status }, STATUS_TEXT[status] ?? status);
