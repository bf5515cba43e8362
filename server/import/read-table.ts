// Turns an uploaded CSV or XLSX file into rows of text with their line numbers. CSV may be UTF-8 (with or without a
// BOM) or the legacy Thai Windows-874 that older Excel and DGI-Budget exports write: bytes that are not valid UTF-8
// are read as Windows-874 (Node 20's TextDecoder supports it with the full ICU it ships with).
import ExcelJS from 'exceljs';
import type { ImportProblem, RawTable } from '../domain/project-import.ts';

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-874' } {
  try {
    // ignoreBOM false (the default) drops a leading BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-874').decode(bytes), encoding: 'windows-874' };
  }
}

/**
 * RFC 4180 CSV with the line each record starts on. A record whose quoting is broken is reported and skipped up to the
 * end of its line, and reading goes on: general-purpose parsers lose their place after such a record, and then every
 * line number after it.
 */
export function readCsv(source: string): RawTable {
  const text = source.replace(/^\uFEFF/, '');
  const problems: ImportProblem[] = [];
  const records: { line: number; cells: string[] }[] = [];
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
          problems.push({ line: startLine, column: null, reason: 'malformed_row' });
          i = text.length;
          broken = true;
          break;
        }
        const quoted = text.slice(i + 1, close);
        line += countNewlines(quoted);
        cell += quoted.replaceAll('""', '"');
        i = close + 1;
        if (i < text.length && !',\r\n'.includes(text[i])) {
          broken = true;
          break;
        }
      }
      while (i < text.length && !',\r\n'.includes(text[i])) cell += text[i++];
      cells.push(cell);
      cell = '';
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (broken) {
      if (i < text.length) problems.push({ line: startLine, column: null, reason: 'malformed_row' });
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (cells.some((c) => c.trim() !== '')) {
      records.push({ line: startLine, cells });
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
  }
  const [header, ...rows] = records;
  return { header: header?.cells ?? [], headerLine: header?.line ?? 1, rows, problems };
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

function cellText(value: ExcelJS.CellValue): string | { error: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

export async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const errors: { line: number; column: number; value: string }[] = [];
  const lines: { line: number; cells: string[] }[] = [];
  let width = 0;
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    if (lines.length === 0) width = row.cellCount;
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(width, row.cellCount); column++) {
      const text = cellText(row.getCell(column).value);
      if (typeof text === 'object') {
        errors.push({ line: number, column: column - 1, value: text.error });
        cells.push('');
      } else cells.push(text);
    }
    // Trailing empty cells are formatting, not data.
    while (cells.length > width && cells.at(-1) === '') cells.pop();
    lines.push({ line: number, cells });
  });
  const [header, ...rows] = lines;
  const problems: ImportProblem[] = errors.map((e) => ({ line: e.line, column: header?.cells[e.column] ?? null, reason: 'cell_error', value: e.value }));
  return { header: header?.cells ?? [], headerLine: header?.line ?? 1, rows, problems };
}

export async function readTable(fileName: string, bytes: Uint8Array): Promise<RawTable & { encoding?: string }> {
  const isZip = XLSX_MAGIC.every((byte, i) => bytes[i] === byte);
  if (isZip || /\.xlsx$/i.test(fileName)) {
    try {
      return await readXlsx(bytes);
    } catch {
      return { header: [], headerLine: 1, rows: [], problems: [{ line: 1, column: null, reason: 'unsupported_file' }] };
    }
  }
  const { text, encoding } = decodeText(bytes);
  return { ...readCsv(text), encoding };
}
