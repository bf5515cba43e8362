// Turns an uploaded file into sheets of text rows with their line numbers, or a typed refusal that says what is wrong
// with the file. CSV may be UTF-8 (with or without a BOM), UTF-16 with a BOM (Excel's "Unicode Text") or the legacy
// Thai Windows-874 that older Excel and DGI-Budget exports write: bytes that are not valid UTF-8 are read as
// Windows-874 (Node 20's TextDecoder supports it with the full ICU it ships with). Commas, tabs or semicolons separate.
import ExcelJS from 'exceljs';
import type { Sheet, SheetProblem, SheetRow } from '../domain/import/locate-table.ts';
import { BoardError } from '../shared/errors.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';

export interface SpreadsheetFile {
  format: 'csv' | 'xlsx';
  /** For a CSV: how its bytes were read. */
  encoding: TextEncoding | null;
  sheets: Sheet[];
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    // ignoreBOM false (the default) drops a leading BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-874').decode(bytes), encoding: 'windows-874' };
  }
}

/**
 * Thai that went through the wrong encoding once already: UTF-8 bytes read as Windows-874 turn every Thai letter
 * into three characters starting "เธ" or "เน"; read as Latin-1, into "à¸" or "à¹". Either is beyond repair here.
 */
export function isMangledThai(text: string): boolean {
  const latin = (text.match(/à[¸¹]/g) ?? []).length;
  const thaiAsThai = (text.match(/เ[ธน]/g) ?? []).length;
  const thaiLetters = (text.match(/[\u0E01-\u0E5B]/g) ?? []).length;
  return latin >= 5 || (thaiAsThai >= 5 && thaiAsThai * 3 > thaiLetters * 0.6);
}

function checkText(text: string, encoding: TextEncoding): void {
  if (text.slice(0, 8192).includes('\u0000')) throw new BoardError('import_not_spreadsheet');
  if ((encoding === 'windows-874' && text.includes('\uFFFD')) || isMangledThai(text)) throw new BoardError('import_encoding', { encoding });
}

/** The separator a CSV uses: the one that splits its first lines into the same, largest number of cells. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim()).slice(0, 10);
  let best: ',' | '\t' | ';' = ',';
  let bestScore = 0;
  for (const delimiter of [',', '\t', ';'] as const) {
    const counts = lines.map((line) => line.replace(/"[^"]*"/g, '').split(delimiter).length - 1);
    const score = Math.min(...counts) > 0 ? Math.max(...counts) + Math.min(...counts) : Math.max(...counts) / 10;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * RFC 4180 CSV with the line each record starts on. A record whose quoting is broken is reported and skipped up to the
 * end of its line, and reading goes on: general-purpose parsers lose their place after such a record, and then every
 * line number after it.
 */
export function readCsv(source: string, delimiter: ',' | '\t' | ';' = ','): Sheet {
  const text = source.replace(/^\uFEFF/, '');
  const ends = `${delimiter}\r\n`;
  const problems: SheetProblem[] = [];
  const rows: SheetRow[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let broken = false;
    for (;;) {
      if (text[i] === '"') {
        const close = findClosingQuote(text, i + 1);
        if (close < 0) {
          // Unterminated: the quote swallows the rest of the file, so nothing after it can be trusted either.
          problems.push({ line: startLine, columnIndex: null, reason: 'malformed_row' });
          i = text.length;
          broken = true;
          break;
        }
        const quoted = text.slice(i + 1, close);
        line += countNewlines(quoted);
        cell += quoted.replaceAll('""', '"');
        i = close + 1;
        if (i < text.length && !ends.includes(text[i]!)) {
          broken = true;
          break;
        }
      }
      while (i < text.length && !ends.includes(text[i]!)) cell += text[i++];
      cells.push(cell);
      cell = '';
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (broken) {
      if (i < text.length) problems.push({ line: startLine, columnIndex: null, reason: 'malformed_row' });
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (cells.some((c) => c.trim() !== '')) {
      rows.push({ line: startLine, cells });
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
  }
  return { name: '', rows, problems };
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i++;
    else return i;
  }
  return -1;
}

function countNewlines(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

/** Excel keeps 0.1 + 0.2 as 0.30000000000000004; fifteen significant digits are what it shows and means. */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

function cellText(value: ExcelJS.CellValue): string | { error: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

/**
 * A merged cell is read as people see it: a block merged down a column (an agency over its projects) gives its value
 * to every row it covers; cells merged across a row (a title, a group header) are blank after the first.
 */
function readCell(cell: ExcelJS.Cell): string | { error: string } {
  if (cell.type === ExcelJS.ValueType.Merge && cell.master.col !== cell.col) return '';
  return cellText(cell.value);
}

function readWorksheet(sheet: ExcelJS.Worksheet): Sheet {
  const problems: SheetProblem[] = [];
  const rows: SheetRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) {
      const text = readCell(row.getCell(column));
      if (typeof text === 'object') {
        problems.push({ line, columnIndex: column - 1, reason: 'cell_error', value: text.error });
        cells.push('');
      } else cells.push(text);
    }
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
  });
  return { name: sheet.name, rows, problems };
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new BoardError('import_not_spreadsheet');
  }
  return workbook.worksheets.filter((sheet) => sheet.state === 'visible').map(readWorksheet);
}

/** The file's sheets, or the refusal that names what is wrong with it; an empty file has no sheet with a row. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SpreadsheetFile> {
  if (bytes.length === 0) throw new BoardError('import_empty');
  if (startsWith(bytes, OLE2_MAGIC)) throw new BoardError('import_legacy_xls');
  if (startsWith(bytes, PDF_MAGIC)) throw new BoardError('import_not_spreadsheet');
  let file: SpreadsheetFile;
  if (startsWith(bytes, ZIP_MAGIC)) file = { format: 'xlsx', encoding: null, sheets: await readXlsx(bytes) };
  else {
    const { text, encoding } = decodeText(bytes);
    checkText(text, encoding);
    file = { format: 'csv', encoding, sheets: [readCsv(text, detectDelimiter(text))] };
  }
  if (!file.sheets.some((sheet) => sheet.rows.length > 0)) throw new BoardError('import_empty');
  return file;
}
