// What every CSV and XLSX export writes its cells through, so that text a person typed (a name, a reason, a project
// title) never runs as a formula when the file is opened: a spreadsheet evaluates a cell that starts with =, +, -
// or @ (and some with a leading tab or carriage return), which is how `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` in a
// reason would become live. OWASP's advice, followed here: such a cell is prefixed with a single quote, which every
// spreadsheet shows as text. Numbers stay numbers: a money figure like `-12.5000` (a frame overspent) is a value,
// not a formula, and is written unchanged. Hand-written because neither exceljs nor a CSV writer in use does this.
import type ExcelJS from 'exceljs';

/** How a text cell may start when a spreadsheet would take it as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, as the exports write money and counts: read as a value, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export type SpreadsheetCell = string | number | null;

/** The text as a spreadsheet will show it, never run it. */
export function inertText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function inertCell<T extends SpreadsheetCell>(value: T): T {
  return (typeof value === 'string' ? inertText(value) : value) as T;
}

function csvField(value: SpreadsheetCell): string {
  const text = value === null ? '' : String(inertCell(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a BOM, so Excel opens the Thai text as Thai; every field inert. */
export function toCsv(rows: readonly (readonly SpreadsheetCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Adds a row to a worksheet with every text cell inert; numbers (money) as numbers. */
export function addInertRow(sheet: ExcelJS.Worksheet, cells: readonly SpreadsheetCell[]): ExcelJS.Row {
  return sheet.addRow(cells.map(inertCell));
}
