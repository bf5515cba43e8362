// Reads the projects of a located table through a column mapping: every data row becomes a project or a list of its
// problems (line, column as the file names it, reason, value); title, heading, total and note rows are set aside and
// said so; nothing is accepted unless every row is good.
import { parseImportAmount } from './amounts.ts';
import { readApproach, readCode, readGoal, readHeading, readIntegrationType, readPartners, type Approach, type IntegrationType, type ValueChain } from './cells.ts';
import type { ImportField } from './fields.ts';
import type { LocatedTable, SheetProblem, SheetRow } from './locate-table.ts';
import type { ColumnMapping } from './mapping.ts';
import type { ImportProblem, ImportReason } from './reasons.ts';
import { cleanCell, matchKey } from './text.ts';

export interface ImportReference extends ValueChain {
  fiscalYearBE: number;
  frameBaht: number;
  agencies: { code: string; nameTh: string; abbreviationTh: string }[];
}

export interface ImportedProject {
  line: number;
  /** The file's own code, else its own number, else the project's place in the list. */
  code: string;
  nameTh: string;
  nameEn: string;
  summaryTh: string;
  agencyNameTh: string;
  agencyCode: string | null;
  ministryTh: string;
  partners: string[];
  approachCode: string;
  integrationType: IntegrationType;
  requestedBaht: number;
}

export interface SkippedRow {
  line: number;
  kind: 'total' | 'heading' | 'note' | 'repeated_header';
  text: string;
  /** A total row's figure, in baht. */
  baht?: number;
}

export interface ImportReading {
  projects: ImportedProject[];
  problems: ImportProblem[];
  skipped: SkippedRow[];
  /** Where the projects' codes came from. */
  codeSource: 'code' | 'number' | 'position';
  totalRequestedBaht: number;
  /** The last total row after the projects, which should equal their sum. */
  fileTotal: { line: number; baht: number; matches: boolean } | null;
  /** Lead and partner agencies the board does not know yet: they are added with the list. */
  newAgencies: string[];
}

export const MAX_IMPORT_ROWS = 10_000;
const MAX_TEXT = 500;
const MAX_SUMMARY = 4_000;
const THAI_LETTER = /[\u0E01-\u0E2E]/;
// Tab, LF and CR are legitimate inside quoted cells; the rest of C0, DEL and C1 are not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const FORMULA_START = /^[=+\-@]/;
const TOTAL_ROW = /^(รวม|ยอดรวม|total|grandtotal|subtotal|sub-total)($|ทั้ง|เป็น|งบ|เป้า|แนว|ยุทธ|หน่วย|กระทรวง|ต้นน้ำ|กลางน้ำ|ปลายน้ำ|จำนวน|\(|:|\d)/;
const NOTE_ROW = /^(หมายเหตุ|ที่มา|note|source|\*|ข้อมูลณ)/;

function textProblem(value: string, limit = MAX_TEXT): ImportReason | null {
  if (value.includes('\uFFFD')) return 'replacement_character';
  if (CONTROL.test(value)) return 'control_character';
  if (value.length > limit) return 'text_too_long';
  if (FORMULA_START.test(value)) return 'formula_injection';
  return null;
}

/** Knows the board's agencies by code, name and abbreviation ("สพร."), spacing aside. */
export function agencyLookup(agencies: ImportReference['agencies']): (name: string) => boolean {
  const known = new Set(agencies.flatMap((agency) => [agency.nameTh, agency.abbreviationTh].filter(Boolean).map(matchKey)));
  return (name) => known.has(matchKey(name));
}

export function readProjects(table: LocatedTable, mapping: ColumnMapping, reference: ImportReference, sheetProblems: SheetProblem[] = []): ImportReading {
  const index = (field: ImportField) => mapping.columns.indexOf(field);
  const raw = (row: SheetRow, field: ImportField) => (index(field) < 0 ? '' : (row.cells[index(field)] ?? ''));
  const cell = (row: SheetRow, field: ImportField) => cleanCell(raw(row, field));
  const headerOf = (field: ImportField) => table.header[index(field)] ?? null;
  const codeSource = index('code') >= 0 ? 'code' : index('number') >= 0 ? 'number' : 'position';
  const knownAgency = agencyLookup(reference.agencies);
  const agencyByCode = new Map(reference.agencies.map((agency) => [agency.code, agency]));

  const problems: ImportProblem[] = [];
  const skipped: SkippedRow[] = [];
  const projects: ImportedProject[] = [];
  const seenNames = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  const newAgencies = new Set<string>();
  let context: { goal: number | null; approach: Approach | null } = { goal: null, approach: null };
  let dataRows = 0;
  let lastDataLine = 0;
  for (const problem of sheetProblems) {
    const column = problem.columnIndex === null ? null : mapping.columns[problem.columnIndex];
    // An error cell in a column that is not imported harms nothing.
    if (problem.columnIndex !== null && !column) continue;
    problems.push({ line: problem.line, column: problem.columnIndex === null ? null : (table.header[problem.columnIndex] ?? null), reason: problem.reason, ...(problem.value ? { value: problem.value } : {}) });
  }

  for (const row of table.body) {
    const label = row.cells.map(cleanCell).find(Boolean) ?? '';
    const agencyName = cell(row, 'agency');
    const amountText = cell(row, 'requested');
    const labelKey = matchKey(label);
    // A label row puts its words in the first column, which may be the agency's.
    const noAgency = agencyName === '' || agencyName === label;
    if (TOTAL_ROW.test(labelKey) && noAgency) {
      const amount = amountText ? parseImportAmount(amountText, mapping.amountUnit) : null;
      skipped.push({ line: row.line, kind: 'total', text: label, ...(amount && 'baht' in amount ? { baht: amount.baht } : {}) });
      continue;
    }
    if (noAgency && amountText === '') {
      const heading = readHeading(label, reference, context.goal);
      if (heading) {
        context = heading;
        skipped.push({ line: row.line, kind: 'heading', text: label });
        continue;
      }
      if (NOTE_ROW.test(labelKey)) {
        skipped.push({ line: row.line, kind: 'note', text: label });
        continue;
      }
    }
    const mapped = mapping.columns.flatMap((field, i) => (field && cleanCell(row.cells[i] ?? '') ? [i] : []));
    if (mapped.length === 0) {
      skipped.push({ line: row.line, kind: 'note', text: label });
      continue;
    }
    if (mapped.every((i) => cleanCell(row.cells[i]!) === table.header[i])) {
      skipped.push({ line: row.line, kind: 'repeated_header', text: label });
      continue;
    }

    dataRows++;
    lastDataLine = row.line;
    const before = problems.length;
    const report = (field: ImportField | null, reason: ImportReason, value?: string) =>
      problems.push({ line: row.line, column: field === null ? null : headerOf(field), reason, ...(value !== undefined ? { value: value.slice(0, 80) } : {}) });
    const extra = row.cells.slice(table.header.length).some((value) => cleanCell(value) !== '');
    if (row.cells.length < table.header.length || extra) {
      report(null, 'wrong_column_count');
      continue;
    }
    for (const field of mapping.columns) {
      if (!field || field === 'requested' || field === 'partners') continue;
      const reason = textProblem(cell(row, field), field === 'summary' ? MAX_SUMMARY : MAX_TEXT);
      if (reason) report(field, reason, cell(row, field));
    }
    for (const field of ['agency', 'project', 'integrationType', 'requested'] as const) if (cell(row, field) === '') report(field, 'missing_field');

    const name = cell(row, 'project');
    if (name && !THAI_LETTER.test(name)) report('project', 'not_thai', name);
    if (agencyName && !THAI_LETTER.test(agencyName)) report('agency', 'not_thai', agencyName);

    const goalText = cell(row, 'goal');
    const goal = goalText ? readGoal(goalText, reference) : context.goal;
    if (goalText && goal === null) report('goal', 'unknown_goal', goalText);
    const approachText = cell(row, 'approach');
    const approach = approachText ? readApproach(approachText, reference, goal) : context.approach;
    if (approachText && !approach) report('approach', 'unknown_approach', approachText);
    else if (!approach) report(index('approach') >= 0 ? 'approach' : null, index('approach') >= 0 ? 'missing_field' : 'no_approach');
    if (approach && goalText && goal !== null && goal !== approach.goalNumber) report('goal', 'goal_mismatch', goalText);

    const integrationType = readIntegrationType(cell(row, 'integrationType'));
    if (cell(row, 'integrationType') && !integrationType) report('integrationType', 'unknown_integration_type', cell(row, 'integrationType'));

    let requestedBaht = 0;
    if (amountText) {
      const amount = parseImportAmount(amountText, mapping.amountUnit);
      if ('reason' in amount) report('requested', amount.reason, amountText);
      else if (amount.baht > reference.frameBaht) report('requested', 'amount_above_frame', amountText);
      else requestedBaht = amount.baht;
    }

    const partners: string[] = [];
    for (const partner of readPartners(raw(row, 'partners'))) {
      const reason = textProblem(partner);
      if (reason) report('partners', reason, partner);
      else if (matchKey(partner) !== matchKey(agencyName)) partners.push(partner);
    }

    const ownCode = cell(row, 'code') || cell(row, 'number');
    const codeField = cell(row, 'code') ? 'code' : 'number';
    const code = codeSource === 'position' ? String(dataRows) : readCode(ownCode);
    if (codeSource !== 'position' && ownCode === '') report(codeSource, 'missing_field');
    else if (code === null) report(codeField, 'invalid_code', ownCode);
    const agencyCode = cell(row, 'agencyCode') || null;
    const coded = agencyCode ? agencyByCode.get(agencyCode) : undefined;
    if (coded && agencyName && matchKey(coded.nameTh) !== matchKey(agencyName) && matchKey(coded.abbreviationTh) !== matchKey(agencyName)) {
      report('agencyCode', 'agency_code_conflict', agencyCode!);
    }

    if (name) {
      const earlier = seenNames.get(name);
      if (earlier !== undefined) report('project', 'duplicate_project', `${name} (บรรทัด ${earlier})`);
      else seenNames.set(name, row.line);
    }
    if (code) {
      const earlier = seenCodes.get(code);
      if (earlier !== undefined) report(codeField, 'duplicate_code', `${code} (บรรทัด ${earlier})`);
      else seenCodes.set(code, row.line);
    }
    if (problems.length > before) continue;
    if (!coded && !knownAgency(agencyName)) newAgencies.add(agencyName);
    for (const partner of partners) if (!knownAgency(partner)) newAgencies.add(partner);
    projects.push({
      line: row.line,
      code: code!,
      nameTh: name,
      nameEn: cell(row, 'projectEn'),
      summaryTh: cell(row, 'summary'),
      agencyNameTh: agencyName,
      agencyCode,
      ministryTh: cell(row, 'ministry'),
      partners,
      approachCode: approach!.code,
      integrationType: integrationType!,
      requestedBaht,
    });
  }

  const totalRequestedBaht = projects.reduce((sum, project) => sum + project.requestedBaht, 0);
  const grand = skipped.findLast((row) => row.kind === 'total' && row.baht !== undefined && row.line > lastDataLine);
  const ok = problems.length === 0;
  return {
    projects: ok ? projects : [],
    problems: problems.sort((a, b) => a.line - b.line),
    skipped,
    codeSource,
    totalRequestedBaht: ok ? totalRequestedBaht : 0,
    fileTotal: grand ? { line: grand.line, baht: grand.baht!, matches: ok && grand.baht === totalRequestedBaht } : null,
    newAgencies: ok ? [...newAgencies] : [],
  };
}
