// Reading a DGI-Budget-like project list: headers in Thai or English, one project a row, every problem reported with
// its line, column and reason, and nothing accepted unless every row is good.

export type ImportColumn = 'code' | 'agency' | 'project' | 'approach' | 'integrationType' | 'requested' | 'goal' | 'agencyCode' | 'projectEn';

/** Header spellings, compared after trimming, lower-casing and dropping spaces. */
const HEADER_ALIASES: Record<ImportColumn, string[]> = {
  code: ['code', 'projectcode', 'รหัส', 'รหัสโครงการ'],
  agency: ['agency', 'หน่วยงาน', 'หน่วยงานเจ้าของโครงการ', 'ชื่อหน่วยงาน'],
  agencyCode: ['agencycode', 'รหัสหน่วยงาน'],
  project: ['project', 'projectname', 'โครงการ', 'ชื่อโครงการ'],
  projectEn: ['projecten', 'projectnameen', 'ชื่อโครงการภาษาอังกฤษ'],
  approach: ['approach', 'แนวทาง', 'แนวทางการพัฒนา'],
  goal: ['goal', 'เป้าหมาย'],
  integrationType: ['integrationtype', 'integration', 'ลักษณะการบูรณาการ', 'ประเภทการบูรณาการ'],
  requested: ['requested', 'requestedamount', 'requestedbaht', 'วงเงินที่ขอ', 'วงเงินที่ขอ(บาท)', 'งบประมาณที่ขอ', 'งบประมาณที่ขอ(บาท)'],
};
/** Million-baht amount headers: Thai budget sheets often give money in millions. */
const MILLION_HEADERS = ['requestedmillion', 'requested(millionbaht)', 'วงเงินที่ขอ(ล้านบาท)', 'งบประมาณที่ขอ(ล้านบาท)'];
const REQUIRED: ImportColumn[] = ['agency', 'project', 'approach', 'integrationType', 'requested'];

export const IMPORT_REASONS = {
  missing_column: { th: 'ไม่พบคอลัมน์ที่จำเป็น', en: 'A required column is missing' },
  duplicate_column: { th: 'มีหัวคอลัมน์ซ้ำ', en: 'The same column appears twice' },
  no_rows: { th: 'ไม่มีรายการโครงการในไฟล์', en: 'The file has no project rows' },
  too_many_rows: { th: 'จำนวนรายการมากเกินกำหนด', en: 'Too many rows' },
  unsupported_file: { th: 'อ่านไฟล์นี้ไม่ได้ (รองรับ CSV และ XLSX)', en: 'Cannot read this file (CSV or XLSX only)' },
  malformed_row: { th: 'รูปแบบ CSV ของบรรทัดนี้ผิด (เครื่องหมายคำพูดไม่ครบ)', en: 'This CSV line is malformed (unbalanced quotes)' },
  wrong_column_count: { th: 'จำนวนช่องไม่ตรงกับหัวคอลัมน์', en: 'The number of cells does not match the header' },
  missing_field: { th: 'ไม่ได้กรอกข้อมูล', en: 'Missing value' },
  unknown_approach: { th: 'ไม่พบแนวทางนี้ในแผน', en: 'Unknown approach for this plan' },
  goal_mismatch: { th: 'แนวทางไม่อยู่ในเป้าหมายที่ระบุ', en: 'The approach is not under the given goal' },
  unknown_integration_type: { th: 'ลักษณะการบูรณาการต้องเป็น ระบบ/ข้อมูล หรือ งบประมาณ', en: 'Integration type must be system/data or budget' },
  amount_not_a_number: { th: 'วงเงินไม่ใช่ตัวเลข', en: 'The amount is not a number' },
  amount_negative: { th: 'วงเงินติดลบไม่ได้', en: 'The amount cannot be negative' },
  amount_zero: { th: 'วงเงินที่ขอต้องมากกว่าศูนย์', en: 'The requested amount must be above zero' },
  amount_fractional_baht: { th: 'วงเงินละเอียดได้ถึงหลักบาทเท่านั้น', en: 'Whole baht only' },
  amount_too_large: { th: 'วงเงินมากเกินไป', en: 'The amount is too large' },
  amount_above_frame: { th: 'วงเงินที่ขอของโครงการเดียวเกินกรอบวงเงินทั้งแผน', en: 'One project asks for more than the whole frame' },
  duplicate_project: { th: 'ชื่อโครงการซ้ำกับบรรทัดก่อนหน้า', en: 'Duplicate project name' },
  duplicate_code: { th: 'รหัสโครงการซ้ำกับบรรทัดก่อนหน้า', en: 'Duplicate project code' },
  invalid_code: { th: 'รหัสโครงการใช้ได้เฉพาะ A–Z 0–9 - . _ / ไม่เกิน 32 ตัว', en: 'Project codes use A–Z 0–9 - . _ / only, at most 32' },
  text_too_long: { th: 'ข้อความยาวเกินกำหนด', en: 'The text is too long' },
  control_character: { th: 'มีอักขระควบคุมที่มองไม่เห็น', en: 'Contains invisible control characters' },
  replacement_character: { th: 'มีอักขระที่อ่านไม่ออก (ไฟล์อาจบันทึกผิดรหัสอักขระ)', en: 'Unreadable characters: the file may be in another encoding' },
  not_thai: { th: 'ชื่อภาษาไทยไม่มีอักษรไทย (ไฟล์อาจถูกแปลงรหัสอักขระผิด)', en: 'The Thai name has no Thai letters: the encoding may have been mangled' },
  formula_injection: { th: 'ข้อความขึ้นต้นด้วย = + - @ ซึ่งอาจเป็นสูตรที่เป็นอันตราย', en: 'Text starts with = + - @, which spreadsheets run as a formula' },
  agency_code_conflict: { th: 'รหัสหน่วยงานเป็นของหน่วยงานอื่น', en: 'The agency code belongs to another agency' },
  cell_error: { th: 'ช่องนี้มีค่าความผิดพลาดของสเปรดชีต', en: 'The cell holds a spreadsheet error' },
} as const satisfies Record<string, { th: string; en: string }>;
export type ImportReason = keyof typeof IMPORT_REASONS;

export interface ImportProblem {
  /** 1-based line (CSV) or row (XLSX) in the file; the header is line 1. */
  line: number;
  /** The header as written in the file, or the canonical name when the column is missing. */
  column: string | null;
  reason: ImportReason;
  value?: string;
}

export interface RawTable {
  header: string[];
  headerLine: number;
  rows: { line: number; cells: string[] }[];
  /** Problems found while reading (malformed CSV lines, spreadsheet error cells). */
  problems: ImportProblem[];
}

export interface ImportReference {
  frameBaht: number;
  approaches: { code: string; goalNumber: number; nameTh: string }[];
  agencies: { code: string; nameTh: string }[];
}

export interface ImportedProject {
  line: number;
  code: string;
  nameTh: string;
  nameEn: string;
  agencyNameTh: string;
  agencyCode: string | null;
  approachCode: string;
  integrationType: 'system_data' | 'budget';
  requestedBaht: number;
}

export const MAX_IMPORT_ROWS = 10_000;
const MAX_TEXT = 500;
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$/;
const THAI_LETTER = /[\u0E01-\u0E2E]/;
// Tab, LF and CR are legitimate inside quoted cells; the rest of C0, DEL and C1 are not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const FORMULA_START = /^[=+\-@]/;

const INTEGRATION_ALIASES: Record<string, 'system_data' | 'budget'> = {
  system_data: 'system_data',
  'system/data': 'system_data',
  system: 'system_data',
  data: 'system_data',
  'ระบบ/ข้อมูล': 'system_data',
  'บูรณาการระบบ/ข้อมูล': 'system_data',
  'บูรณาการระบบและข้อมูล': 'system_data',
  budget: 'budget',
  'งบประมาณ': 'budget',
  'บูรณาการงบประมาณ': 'budget',
};

function headerKey(text: string): string {
  return text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '');
}

/** Whole baht from a cell: `1,234,567` baht, or `1,234.5678` in a million-baht column. */
export function parseImportAmount(text: string, unit: 'baht' | 'million'): { baht: number } | { reason: ImportReason } {
  const compact = text.normalize('NFKC').replace(/[\s,]/g, '');
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(compact);
  if (!match) return { reason: 'amount_not_a_number' };
  const [, sign, whole, fractionDigits = ''] = match;
  const decimals = unit === 'million' ? 6 : 0;
  const fraction = fractionDigits.replace(/0+$/, '');
  if (fraction.length > decimals) return { reason: 'amount_fractional_baht' };
  const digits = `${whole}${fraction.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 15 || !Number.isSafeInteger(Number(digits))) return { reason: 'amount_too_large' };
  const baht = Number(digits);
  if (sign === '-' && baht > 0) return { reason: 'amount_negative' };
  if (baht === 0) return { reason: 'amount_zero' };
  return { baht };
}

function textProblem(value: string): ImportReason | null {
  if (value.includes('\uFFFD')) return 'replacement_character';
  if (CONTROL.test(value)) return 'control_character';
  if (value.length > MAX_TEXT) return 'text_too_long';
  if (FORMULA_START.test(value)) return 'formula_injection';
  return null;
}

/** Validates the table as a whole: either every project, or every problem. */
export function validateImport(table: RawTable, reference: ImportReference): { projects: ImportedProject[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [...table.problems];
  const index = new Map<ImportColumn, number>();
  let amountUnit: 'baht' | 'million' = 'baht';
  table.header.forEach((raw, position) => {
    const key = headerKey(raw);
    let column = (Object.keys(HEADER_ALIASES) as ImportColumn[]).find((c) => HEADER_ALIASES[c].includes(key));
    if (!column && MILLION_HEADERS.includes(key)) {
      column = 'requested';
      amountUnit = 'million';
    }
    if (!column) return;
    if (index.has(column)) problems.push({ line: table.headerLine, column: raw, reason: 'duplicate_column' });
    else index.set(column, position);
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) problems.push({ line: table.headerLine, column, reason: 'missing_column' });
  }
  if (table.rows.length === 0 && table.problems.length === 0) problems.push({ line: table.headerLine, column: null, reason: 'no_rows' });
  if (table.rows.length > MAX_IMPORT_ROWS) problems.push({ line: table.headerLine, column: null, reason: 'too_many_rows' });
  if (problems.some((p) => p.line === table.headerLine)) return { projects: [], problems };

  const approaches = new Map(reference.approaches.flatMap((a) => [[headerKey(a.code), a], [headerKey(a.nameTh), a]] as const));
  const agencyByCode = new Map(reference.agencies.map((a) => [a.code, a]));
  const seenNames = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  const projects: ImportedProject[] = [];

  for (const { line, cells } of table.rows) {
    const before = problems.length;
    const report = (column: ImportColumn | null, reason: ImportReason, value?: string) =>
      problems.push({ line, column: column === null ? null : table.header[index.get(column)!], reason, ...(value !== undefined ? { value: value.slice(0, 80) } : {}) });
    if (cells.length !== table.header.length) {
      report(null, 'wrong_column_count');
      continue;
    }
    const cell = (column: ImportColumn) => (index.has(column) ? cells[index.get(column)!].normalize('NFC').trim() : '');
    for (const column of index.keys()) {
      const reason = textProblem(cell(column));
      if (reason && !(column === 'requested' && reason === 'formula_injection')) report(column, reason, cell(column));
    }
    for (const column of REQUIRED) if (cell(column) === '') report(column, 'missing_field');

    const name = cell('project');
    if (name && !THAI_LETTER.test(name)) report('project', 'not_thai', name);
    const agencyName = cell('agency');
    if (agencyName && !THAI_LETTER.test(agencyName)) report('agency', 'not_thai', agencyName);

    const approach = approaches.get(headerKey(cell('approach')));
    if (cell('approach') && !approach) report('approach', 'unknown_approach', cell('approach'));
    if (approach && cell('goal') && Number(cell('goal')) !== approach.goalNumber) report('goal', 'goal_mismatch', cell('goal'));

    const integrationType = INTEGRATION_ALIASES[cell('integrationType').toLowerCase().replace(/\s+/g, '')];
    if (cell('integrationType') && !integrationType) report('integrationType', 'unknown_integration_type', cell('integrationType'));

    let requestedBaht = 0;
    if (cell('requested')) {
      const amount = parseImportAmount(cell('requested'), amountUnit);
      if ('reason' in amount) report('requested', amount.reason, cell('requested'));
      else if (amount.baht > reference.frameBaht) report('requested', 'amount_above_frame', cell('requested'));
      else requestedBaht = amount.baht;
    }

    // Without a code column, the file's line numbers give each project a stable code.
    const code = cell('code') || `L${String(line).padStart(5, '0')}`;
    if (cell('code') && !CODE_PATTERN.test(code)) report('code', 'invalid_code', code);
    const agencyCode = cell('agencyCode') || null;
    const known = agencyCode ? agencyByCode.get(agencyCode) : undefined;
    if (known && agencyName && known.nameTh !== agencyName) report('agencyCode', 'agency_code_conflict', agencyCode!);

    if (name) {
      const earlier = seenNames.get(name);
      if (earlier !== undefined) report('project', 'duplicate_project', `${name} (บรรทัด ${earlier})`);
      else seenNames.set(name, line);
    }
    if (cell('code')) {
      const earlier = seenCodes.get(code);
      if (earlier !== undefined) report('code', 'duplicate_code', `${code} (บรรทัด ${earlier})`);
      else seenCodes.set(code, line);
    }
    if (problems.length > before) continue;
    projects.push({
      line,
      code,
      nameTh: name,
      nameEn: cell('projectEn'),
      agencyNameTh: agencyName,
      agencyCode,
      approachCode: approach!.code,
      integrationType,
      requestedBaht,
    });
  }
  return problems.length ? { projects: [], problems: problems.sort((a, b) => a.line - b.line) } : { projects, problems };
}
