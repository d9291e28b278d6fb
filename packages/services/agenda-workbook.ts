import { AGENDA_COLUMNS, agendaRows } from '#core/roadshow/agenda-table';
import type { Roadshow } from '#core/schemas/roadshow';

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

type RegistrationRow = { name: string; enterprise: string; contact: string; createdAt: string; waitlisted: boolean; checkInCode: string; checkedInAt?: string };
type InviteeRow = { party: string; orgName?: string; orgId: string; scenarioTitle?: string; room?: number; startsAt?: string; status: string; checkedInAt?: string };

const beijing = (iso?: string) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** 签到表: the audience (contacts masked, as the bureau's list shows them) and the invitees, with check-in times. */
export async function registrationsWorkbook(r: Roadshow, regs: readonly RegistrationRow[], invs: readonly InviteeRow[]): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '工赋青岛 · 工业互联网平台培优';
  const a = wb.addWorksheet('观众签到表 Audience');
  a.addRow([`${r.title}（${r.date ?? ''}）观众签到表`]);
  a.getRow(1).font = { bold: true, size: 14 };
  a.addRow(['序号 No.', '姓名 Name', '企业 Enterprise', '联系方式 Contact', '报名时间 Registered', '候补 Wait list', '签到码 Code', '签到时间 Checked in']);
  a.getRow(2).font = { bold: true };
  regs.forEach((x, i) => a.addRow([i + 1, x.name, x.enterprise, x.contact, beijing(x.createdAt), x.waitlisted ? '候补' : '', x.checkInCode, beijing(x.checkedInAt)]));
  a.columns.forEach((col, i) => (col.width = [6, 12, 30, 18, 18, 8, 12, 18][i]));
  const b = wb.addWorksheet('受邀方签到 Invitees');
  b.addRow(['身份 Party', '单位 Organisation', '场景 Scenario', '会场 Room', '时间 Time', '回复 Reply', '签到时间 Checked in']);
  b.getRow(1).font = { bold: true };
  for (const x of invs) b.addRow([x.party === 'manufacturer' ? '企业' : '平台', x.orgName ?? x.orgId, x.scenarioTitle ?? '', x.room ?? '', beijing(x.startsAt), x.status, beijing(x.checkedInAt)]);
  b.columns.forEach((col, i) => (col.width = [8, 30, 36, 8, 18, 10, 18][i]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
