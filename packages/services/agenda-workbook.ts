import { AGENDA_COLUMNS, agendaRows } from '../core/roadshow/agenda-table';
import type { Roadshow } from '../core/schemas/roadshow';

/** The agenda as an .xlsx workbook; exceljs is loaded only when someone asks for one. */
export async function agendaWorkbook(r: Roadshow): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '工赋青岛 · 工业互联网平台培优';
  const ws = wb.addWorksheet('路演议程 Agenda');
  ws.addRow([`${r.title}（${r.date}）`]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(AGENDA_COLUMNS.map((c) => `${c.zh} ${c.en}`));
  ws.getRow(2).font = { bold: true };
  for (const row of agendaRows(r)) ws.addRow(AGENDA_COLUMNS.map((c) => row[c.key]));
  ws.columns.forEach((col, i) => (col.width = [6, 24, 36, 8, 24, 30, 12][i]));
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}
