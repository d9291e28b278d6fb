import type { Roadshow } from '../schemas/roadshow';

export const AGENDA_COLUMNS = [
  { key: 'slot', zh: '序号', en: 'Slot' },
  { key: 'scenarioId', zh: '场景编号', en: 'Scenario ID' },
  { key: 'scenarioTitle', zh: '场景名称', en: 'Scenario' },
  { key: 'rank', zh: '对接顺位', en: 'Rank' },
  { key: 'platformId', zh: '平台编号', en: 'Platform ID' },
  { key: 'platformName', zh: '平台名称', en: 'Platform' },
  { key: 'score', zh: '匹配得分', en: 'Match score' },
] as const;

export type AgendaRow = Record<(typeof AGENDA_COLUMNS)[number]['key'], string | number>;

/** One row per (scenario, invited platform), in agenda order: what a roadshow sheet lists. */
export function agendaRows(r: Pick<Roadshow, 'agenda'>): AgendaRow[] {
  return r.agenda.flatMap((a, i) =>
    a.platforms.map((p, j) => ({
      slot: i + 1,
      scenarioId: a.scenarioId,
      scenarioTitle: a.scenarioTitle,
      rank: j + 1,
      platformId: p.platformId,
      platformName: p.platformName,
      score: Math.round(p.score * 1000) / 1000,
    })),
  );
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Quote when needed; a leading =,+,-,@ would run as a formula in Excel, so it is neutralised.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** RFC 4180 CSV with a BOM so Excel opens the Chinese text as UTF-8. */
export function agendaCsv(r: Pick<Roadshow, 'agenda'>): string {
  const header = AGENDA_COLUMNS.map((c) => `${c.zh} ${c.en}`).join(',');
  const lines = agendaRows(r).map((row) => AGENDA_COLUMNS.map((c) => csvCell(row[c.key])).join(','));
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}
