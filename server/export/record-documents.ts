// "How the frame was reached", to file with the minutes: every change of the meeting in order, grouped by the agenda
// item in focus when it was made, with who, when, from, to, why, and the running total and remainder after it. CSV
// and XLSX in million baht with four decimals, every cell written through the formula-neutralising helpers.
import ExcelJS from 'exceljs';
import { BAHT_PER_MILLION } from '../domain/money.ts';
import { CHANGE_CAUSE_LABELS, replayRows, type MeetingRecord, type ReplayRow } from '../domain/meeting-record.ts';
import { formatThaiDate, formatThaiTime } from '../domain/thai-dates.ts';
import { ROLE_LABELS } from '../shared/roles.ts';
import { plainMillionBaht } from './frame-documents.ts';
import { addInertRow, toCsv, type SpreadsheetCell } from './spreadsheet-cells.ts';

const HEADERS = [
  'ลำดับ',
  'วันที่',
  'เวลา',
  'รหัส',
  'โครงการ',
  'ผู้ดำเนินการ',
  'บทบาท',
  'ประเภท',
  'จาก (ล้านบาท)',
  'เป็น (ล้านบาท)',
  'เหตุผล',
  'รวมวงเงินที่กำหนด (ล้านบาท)',
  'คงเหลือในกรอบ (ล้านบาท)',
];
/** The money columns (1-based), for the XLSX number format. */
const MONEY_COLUMNS = [9, 10, 12, 13];

/** The group's heading: the agenda item's number and title, or the time before any item was taken up. */
export function agendaHeading(record: MeetingRecord, agendaItemId: string | null): string {
  const item = record.agenda.find((a) => a.id === agendaItemId);
  return item ? `ระเบียบวาระที่ ${item.number} ${item.titleTh}` : 'ก่อนเข้าระเบียบวาระ';
}

/** One change's cells; money as a function of baht so CSV writes text and XLSX writes numbers. */
function changeCells(record: MeetingRecord, row: ReplayRow, money: (baht: number) => SpreadsheetCell): SpreadsheetCell[] {
  const at = new Date(row.at);
  const project = row.projectId === null ? undefined : record.projects[row.projectId];
  return [
    row.seq,
    formatThaiDate(at),
    formatThaiTime(at),
    project?.code ?? '',
    project?.nameTh ?? (row.projectId === null ? 'กรอบวงเงิน' : ''),
    row.actorName,
    row.role ? ROLE_LABELS[row.role].th : '',
    CHANGE_CAUSE_LABELS[row.cause].th,
    money(row.fromBaht),
    money(row.toBaht),
    row.reason,
    money(row.ceilingsBaht),
    money(row.remainingBaht),
  ];
}

function recordRows(record: MeetingRecord, money: (baht: number) => SpreadsheetCell): { cells: SpreadsheetCell[]; heading?: true }[] {
  return replayRows(record).flatMap((group) => [
    { cells: [agendaHeading(record, group.agendaItemId)], heading: true as const },
    ...group.rows.map((row) => ({ cells: changeCells(record, row, money) })),
  ]);
}

export function recordCsv(record: MeetingRecord): string {
  return toCsv([HEADERS, ...recordRows(record, plainMillionBaht).map((row) => row.cells)]);
}

export async function recordXlsx(record: MeetingRecord, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('ที่มาของกรอบวงเงิน');
  addInertRow(sheet, [title]).font = { bold: true };
  addInertRow(sheet, HEADERS).font = { bold: true };
  for (const row of recordRows(record, (baht) => baht / BAHT_PER_MILLION)) {
    const added = addInertRow(sheet, row.cells);
    if (row.heading) added.font = { bold: true };
  }
  for (const column of MONEY_COLUMNS) {
    sheet.getColumn(column).numFmt = '#,##0.0000';
    sheet.getColumn(column).width = 20;
  }
  sheet.getColumn(5).width = 50;
  sheet.getColumn(11).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
