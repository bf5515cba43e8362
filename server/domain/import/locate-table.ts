// Where the table is in a sheet as people make them: title rows above the header (often merged across the sheet),
// a header on one row or two (a merged "งบประมาณ (ล้านบาท)" over "ปี 2566 | ปี 2567"), sometimes a row numbering the
// columns "(1) (2) (3)" under it, and then the projects.
import type { AmountUnit } from './fields.ts';
import { headerStrength, titleUnit } from './recognise-columns.ts';
import { cleanCell } from './text.ts';

export interface SheetRow {
  /** 1-based line (CSV) or row (XLSX) in the file. */
  line: number;
  cells: string[];
}

/** What the reader found wrong in the file itself: a CSV record with broken quoting, a spreadsheet error cell. */
export interface SheetProblem {
  line: number;
  /** The cell's column, or null for the whole line. */
  columnIndex: number | null;
  reason: 'malformed_row' | 'cell_error';
  value?: string;
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
  problems: SheetProblem[];
}

export interface LocatedTable {
  /** The header's line, or its two lines when the header has a second row. */
  headerLines: number[];
  /** Each column's header as the file names it: the two rows of a two-row header joined by a space. */
  header: string[];
  /** Every row after the header. */
  body: SheetRow[];
  /** The rows above the header: the sheet's title, subtitle and notes. */
  titles: string[];
  /** The unit a title row states for the whole table ("หน่วย : ล้านบาท"). */
  titleUnit: AmountUnit | null;
}

/** The header is looked for among the first rows only: a title block is a few rows, never dozens. */
export const HEADER_SEARCH_ROWS = 30;
const COLUMN_NUMBER = /^[([]?\s*\d{1,2}\s*[)\]]?$/;

/**
 * The table in `rows`: the header is the row that names the most fields, or, when no row names two, the row the
 * caller says (`headerLine`) or the first row with two or more text cells and no figures, for the secretary to map by
 * hand. Null when there is no such row.
 */
export function locateTable(rows: SheetRow[], options: { fiscalYearBE?: number; headerLine?: number } = {}): LocatedTable | null {
  const at = options.headerLine !== undefined ? rows.findIndex((row) => row.line === options.headerLine) : findHeader(rows, options.fiscalYearBE);
  if (at < 0) return null;
  const first = rows[at]!.cells.map(cleanCell);
  const second = rows[at + 1] && subHeader(first, rows[at + 1]!.cells.map(cleanCell));
  const header = second ?? first;
  let bodyStart = at + (second ? 2 : 1);
  if (rows[bodyStart] && isColumnNumbering(rows[bodyStart]!.cells)) bodyStart++;
  const titles = rows.slice(0, at).map((row) => row.cells.map(cleanCell).filter(Boolean).filter((cell, i, all) => all.indexOf(cell) === i).join(' '));
  return {
    headerLines: second ? [rows[at]!.line, rows[at + 1]!.line] : [rows[at]!.line],
    header,
    body: rows.slice(bodyStart),
    titles,
    titleUnit: titles.map(titleUnit).find((unit) => unit !== null) ?? null,
  };
}

function findHeader(rows: SheetRow[], fiscalYearBE?: number): number {
  let best = -1;
  let bestStrength = 1;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const strength = headerStrength(row.cells, fiscalYearBE);
    if (strength > bestStrength) {
      best = index;
      bestStrength = strength;
    }
  });
  if (best >= 0) return best;
  return rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const filled = row.cells.map(cleanCell).filter(Boolean);
    return new Set(filled).size >= 2 && filled.every((cell) => !/^[-+(]?[\d,.]+\)?$/.test(cell));
  });
}

/**
 * The header's second row joined to the first, or null when the next row is not a second header row. It is one when
 * every cell it fills sits under a header merged across several columns (blank, or the same as its neighbour's) or
 * repeats the header above it (a header merged down over both rows); a project row puts text under single headers.
 */
function subHeader(first: string[], next: string[]): string[] | null {
  // A header merged across columns leaves the columns after its first blank: those under which the next row has
  // text belong to it.
  const above: string[] = [];
  first.forEach((cell, i) => above.push(cell || (i > 0 && next[i] ? above[i - 1]! : '')));
  let spanned = 0;
  for (let i = 0; i < next.length; i++) {
    const cell = next[i];
    if (!cell || cell === first[i]) continue;
    const mergedAcross = !first[i] || above[i] === above[i - 1] || above[i] === above[i + 1];
    if (!mergedAcross) return null;
    spanned++;
  }
  if (spanned === 0) return null;
  const width = Math.max(first.length, next.length);
  return Array.from({ length: width }, (_, i) => {
    const top = above[i] ?? '';
    const bottom = next[i] && next[i] !== top ? next[i] : '';
    return [top, bottom].filter(Boolean).join(' ');
  });
}

/** The "(1) (2) (3) …" row official Thai tables put under the header. */
function isColumnNumbering(cells: string[]): boolean {
  const filled = cells.map(cleanCell).filter(Boolean);
  return filled.length >= 2 && filled.every((cell) => COLUMN_NUMBER.test(cell));
}
