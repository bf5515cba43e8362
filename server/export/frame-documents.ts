// The documents that leave the meeting, built from a recorded frame (never from the live board): XLSX and CSV in
// million baht with four decimals, the HTML the PDF is printed from, and the ceiling-change history as CSV.
import ExcelJS from 'exceljs';
import type { FrameRecordBody } from '../domain/frame-record.ts';
import { BAHT_PER_MILLION, formatBaht, formatMillionBaht } from '../domain/money.ts';
import { formatThaiDate, formatThaiTime } from '../domain/thai-dates.ts';
import { RESOLUTION_OUTCOME_LABELS } from '../shared/events/resolution.ts';
import { ROLE_LABELS } from '../shared/roles.ts';
import { CEILING_HISTORY_KIND_LABELS, type CeilingHistoryEntry } from '../shared/board.ts';
import { escapeHtml, printableHtml } from './printable-html.ts';
import { SIGNATURE_STATUS_LABELS } from '../shared/record-verification.ts';
import { addInertRow, toCsv } from './spreadsheet-cells.ts';

export interface FrameDocumentContext {
  record: FrameRecordBody & { hash: string; signature: string | null };
  meeting: { titleTh: string; number: number; yearBE: number; venueTh: string; startsAt: Date };
  planTitleTh: string;
  /** Which key signed: SHA-256 of the public key, as the verify page and the key's download show it. */
  signingKeyId: string;
  /** Where the public key is published (the board's address), for the reader who checks the file offline. */
  publicKeyUrl: string;
}

/** Each figure is rounded on its own, the totals from whole baht: a reader adding up the rows may be 0.0001 off. */
export const ROUNDING_NOTE =
  'หมายเหตุ: ตัวเลขแสดงเป็นล้านบาท ทศนิยม 4 ตำแหน่ง ซึ่งปัดเศษแต่ละรายการ ยอดรวมคำนวณจากจำนวนบาทเต็ม ผลบวกของรายการที่แสดงจึงอาจต่างจากยอดรวมได้เล็กน้อยจากการปัดเศษ';

/**
 * The lines that let a reader check the document: the hash of the record (a hash, not a signature), the signature,
 * and the key. The record itself (frame-….json) hashes to this hash and is what the signature is over.
 */
function integrityLines(ctx: FrameDocumentContext): string[] {
  const { record } = ctx;
  return [
    `ค่าแฮชของบันทึก (SHA-256 hash) ${record.hash}`,
    ...(record.prevHash ? [`ค่าแฮชของฉบับก่อนหน้า (previous version's SHA-256 hash) ${record.prevHash}`] : []),
    record.signature
      ? `ลายมือชื่อดิจิทัล Ed25519 (Ed25519 signature) ${record.signature}`
      : `${SIGNATURE_STATUS_LABELS.unsigned.th} (${SIGNATURE_STATUS_LABELS.unsigned.en})`,
    `กุญแจสาธารณะ (public key) SHA-256 ${ctx.signingKeyId} · ${ctx.publicKeyUrl}`,
  ];
}

const HEADERS = ['รหัส', 'โครงการ', 'หน่วยงาน', 'เป้าหมาย', 'แนวทาง', 'วงเงินที่ขอ (ล้านบาท)', 'วงเงินที่กำหนด (ล้านบาท)', 'มติ'];

/** `5523.9110`: the 4-decimal million-baht figure without grouping, for files other programs read. */
export function plainMillionBaht(baht: number): string {
  return formatMillionBaht(baht).replaceAll(',', '');
}

interface SheetRow {
  cells: (string | number)[];
  requestedBaht?: number;
  ceilingBaht?: number;
  total?: boolean;
}

function frameRows(body: FrameRecordBody): SheetRow[] {
  const { content } = body;
  const summary = (label: string, requestedBaht: number | undefined, ceilingBaht: number): SheetRow => ({
    cells: ['', label, '', '', '', ''],
    requestedBaht,
    ceilingBaht,
    total: true,
  });
  return [
    ...content.projects.map((p) => ({
      cells: [p.code, p.nameTh, p.agencyNameTh, p.goalNumber, p.approachCode, RESOLUTION_OUTCOME_LABELS[p.outcome].th],
      requestedBaht: p.requestedBaht,
      ceilingBaht: p.ceilingBaht,
    })),
    ...Object.entries(content.totals.byApproach)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, s]) => summary(`รวมแนวทาง ${code}`, s.requestedBaht, s.ceilingBaht)),
    ...Object.entries(content.totals.byGoal)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([goal, s]) => summary(`รวมเป้าหมายที่ ${goal}`, s.requestedBaht, s.ceilingBaht)),
    summary('รวมทั้งสิ้น', content.totals.overall.requestedBaht, content.totals.overall.ceilingBaht),
    summary('กรอบวงเงิน', undefined, content.frameBaht),
    summary('คงเหลือในกรอบ', undefined, content.totals.remainingBaht),
  ];
}

export async function frameXlsx(ctx: FrameDocumentContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('กรอบวงเงิน');
  addInertRow(sheet, [`${ctx.planTitleTh} · กรอบวงเงินที่ตกลง ฉบับที่ ${ctx.record.version}`]);
  addInertRow(sheet, [`${ctx.meeting.titleTh} ครั้งที่ ${ctx.meeting.number}/${ctx.meeting.yearBE} · ${formatThaiDate(ctx.meeting.startsAt)}`]);
  addInertRow(sheet, HEADERS).font = { bold: true };
  for (const row of frameRows(ctx.record)) {
    const [code, name, agency, goal, approach, outcome] = row.cells;
    const added = addInertRow(sheet, [
      code,
      name,
      agency,
      goal,
      approach,
      row.requestedBaht === undefined ? null : row.requestedBaht / BAHT_PER_MILLION,
      row.ceilingBaht === undefined ? null : row.ceilingBaht / BAHT_PER_MILLION,
      outcome,
    ]);
    if (row.total) added.font = { bold: true };
  }
  addInertRow(sheet, []);
  for (const line of [ROUNDING_NOTE, ...integrityLines(ctx)]) addInertRow(sheet, [line]);
  for (const column of [6, 7]) sheet.getColumn(column).numFmt = '#,##0.0000';
  sheet.getColumn(2).width = 60;
  sheet.getColumn(3).width = 40;
  sheet.getColumn(6).width = 22;
  sheet.getColumn(7).width = 22;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function frameCsv(ctx: FrameDocumentContext): string {
  return toCsv([
    HEADERS,
    ...frameRows(ctx.record).map((row) => {
      const [code, name, agency, goal, approach, outcome] = row.cells;
      return [
        code,
        name,
        agency,
        goal,
        approach,
        row.requestedBaht === undefined ? '' : plainMillionBaht(row.requestedBaht),
        row.ceilingBaht === undefined ? '' : plainMillionBaht(row.ceilingBaht),
        outcome,
      ];
    }),
    ...[ROUNDING_NOTE, ...integrityLines(ctx)].map((line) => [line]),
  ]);
}

export type HistoryLine = Pick<CeilingHistoryEntry, 'seq' | 'kind' | 'fromBaht' | 'toBaht' | 'actorName' | 'role' | 'reason' | 'proposal'> & {
  createdAt: Date;
  projectCode: string;
  projectNameTh: string;
};

/**
 * Exact baht: the audit trail must show a change the 4-decimal display would round away. Numbered 1, 2, 3… in the
 * order things happened (the meeting's seq, which other events share, is its own column), kinds in Thai, and the
 * proposals that ended without a change (rejected, withdrawn, superseded) with who proposed them and why.
 */
export function historyCsv(lines: readonly HistoryLine[]): string {
  return toCsv([
    ['ลำดับ', 'วันที่', 'เวลา', 'รหัส', 'โครงการ', 'ผู้ดำเนินการ', 'บทบาท', 'ประเภท', 'จาก (บาท)', 'เป็น (บาท)', 'เหตุผล', 'ผู้เสนอ', 'เหตุผลของผู้เสนอ', 'ลำดับเหตุการณ์ในการประชุม (seq)', 'เวลา (ISO)'],
    ...lines.map((l, index) => [
      index + 1,
      formatThaiDate(l.createdAt),
      formatThaiTime(l.createdAt),
      l.projectCode,
      l.projectNameTh,
      l.actorName,
      l.role ? ROLE_LABELS[l.role].th : '',
      CEILING_HISTORY_KIND_LABELS[l.kind].th,
      l.fromBaht,
      l.toBaht,
      l.reason,
      l.proposal?.proposerName ?? '',
      l.proposal?.reason ?? '',
      l.seq ?? '',
      l.createdAt.toISOString(),
    ]),
  ]);
}

export function frameHtml(ctx: FrameDocumentContext): string {
  const { record, meeting } = ctx;
  const recordedAt = new Date(record.recordedAt);
  const rows = frameRows(record)
    .map((row) => {
      const [code, name, agency, goal, approach, outcome] = row.cells;
      return `<tr${row.total ? ' class="total"' : ''}><td>${escapeHtml(code)}</td><td>${escapeHtml(name)}</td><td>${escapeHtml(agency)}</td><td class="c">${escapeHtml(goal)}</td><td class="c">${escapeHtml(approach)}</td><td class="n">${row.requestedBaht === undefined ? '' : formatMillionBaht(row.requestedBaht)}</td><td class="n">${row.ceilingBaht === undefined ? '' : formatMillionBaht(row.ceilingBaht)}</td><td>${escapeHtml(outcome)}</td></tr>`;
    })
    .join('\n');
  const participants = record.content.participants.map((p) => `${escapeHtml(p.displayName)} (${ROLE_LABELS[p.role].th})`).join(', ');
  return printableHtml(
    'กรอบวงเงินที่ตกลง',
    `<h1>${escapeHtml(ctx.planTitleTh)}</h1>
<p>กรอบวงเงินที่ตกลง ฉบับที่ ${record.version} · ${escapeHtml(meeting.titleTh)} ครั้งที่ ${meeting.number}/${meeting.yearBE}</p>
<p>วันที่ประชุม ${formatThaiDate(meeting.startsAt)} ณ ${escapeHtml(meeting.venueTh)}</p>
<p>บันทึกเมื่อ ${formatThaiDate(recordedAt)} เวลา ${formatThaiTime(recordedAt)} · จัดเตรียมโดย ${escapeHtml(record.preparedBy)} · ยืนยันโดย ${escapeHtml(record.confirmedBy)}</p>
<p>ผู้เข้าร่วมประชุม: ${participants}</p>
<table><thead><tr>${HEADERS.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table>
<p class="note">${escapeHtml(ROUNDING_NOTE)}</p>
${integrityLines(ctx).map((line) => `<p class="hash">${escapeHtml(line)}</p>`).join('\n')}`,
  );
}
