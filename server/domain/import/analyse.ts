// The first look at an uploaded file: which sheet holds the list, where its header is, what each column seems to
// hold and in which unit its amounts are, so the secretary starts from a mapping that is already mostly right.
import { unitFromFigures } from './amounts.ts';
import { readApproach, readHeading, readIntegrationType, type ValueChain } from './cells.ts';
import type { AmountUnit, ImportField } from './fields.ts';
import { locateTable, HEADER_SEARCH_ROWS, type LocatedTable, type Sheet, type SheetRow } from './locate-table.ts';
import type { ColumnMapping } from './mapping.ts';
import { guessColumns, headerStrength, statedUnit, titleUnit, type ColumnGuess } from './recognise-columns.ts';
import { cleanCell } from './text.ts';

/**
 * Where the unit of the amounts came from: stated by the column's header or a title row (`text`, as the file writes
 * it, so the page can quote it), or assumed from the figures.
 */
export type UnitSource = { from: 'header' | 'title'; text: string } | { from: 'figures'; because: 'decimals' | 'small_figures' | 'large_figures' };

export interface SheetAnalysis {
  sheet: number;
  table: LocatedTable;
  columns: ColumnGuess[];
  amountUnit: AmountUnit;
  unitSource: UnitSource;
  /** Heading rows ("แนวทางที่ 1.1 …") give the approach of the rows under them. */
  approachFromHeadings: boolean;
}

export const SAMPLE_ROWS = 5;

/** The sheet whose header names the most fields; the first on a tie. */
export function chooseSheet(sheets: Sheet[], fiscalYearBE?: number): number {
  let best = 0;
  let bestStrength = -1;
  sheets.forEach((sheet, index) => {
    const strength = Math.max(0, ...sheet.rows.slice(0, HEADER_SEARCH_ROWS).map((row) => headerStrength(row.cells, fiscalYearBE)));
    if (strength > bestStrength) {
      best = index;
      bestStrength = strength;
    }
  });
  return best;
}

export function analyseSheet(sheets: Sheet[], chain: ValueChain & { fiscalYearBE?: number }, choice: { sheet?: number; headerLine?: number } = {}): SheetAnalysis | null {
  const sheet = choice.sheet ?? chooseSheet(sheets, chain.fiscalYearBE);
  const rows = sheets[sheet]?.rows;
  const table = rows && locateTable(rows, { fiscalYearBE: chain.fiscalYearBE, headerLine: choice.headerLine });
  if (!table) return null;
  const values = (index: number) => table.body.slice(0, 50).map((row) => cleanCell(row.cells[index] ?? '')).filter(Boolean);
  const columns = guessColumns(table.header, { fiscalYearBE: chain.fiscalYearBE, valueGuess: (index) => guessFromValues(values(index), chain) });
  const amountColumn = columns.find((column) => column.field === 'requested');
  const { amountUnit, unitSource } = amountUnitOf(amountColumn ? table.header[amountColumn.index]! : '', table, amountColumn ? values(amountColumn.index) : []);
  return { sheet, table, columns, amountUnit, unitSource, approachFromHeadings: hasApproachHeadings(table.body, chain) };
}

/** The unit of an amount column: what its header says, else what the title says, else what its figures suggest. */
export function amountUnitOf(header: string, table: LocatedTable, figures: string[]): { amountUnit: AmountUnit; unitSource: UnitSource } {
  const stated = statedUnit(header);
  if (stated) return { amountUnit: stated, unitSource: { from: 'header', text: header } };
  const title = table.titles.find((text) => titleUnit(text));
  if (table.titleUnit && title) return { amountUnit: table.titleUnit, unitSource: { from: 'title', text: title } };
  const { unit, because } = unitFromFigures(figures);
  return { amountUnit: unit, unitSource: { from: 'figures', because } };
}

/** A column with no telling header can still say what it is: every value an integration type, or an approach code. */
function guessFromValues(values: string[], chain: ValueChain): ImportField | null {
  if (values.length < 2) return null;
  if (values.every((value) => readIntegrationType(value))) return 'integrationType';
  if (values.every((value) => /^\d+(\.\d+)+$/.test(value) && readApproach(value, chain, null))) return 'approach';
  return null;
}

/** Whether rows with no more than a heading's words ("เป้าหมายที่ 2", then "แนวทางที่ 1 …") name approaches. */
function hasApproachHeadings(body: SheetRow[], chain: ValueChain): boolean {
  let goal: number | null = null;
  for (const row of body) {
    const filled = [...new Set(row.cells.map(cleanCell).filter(Boolean))];
    if (filled.length > 2) continue;
    for (const text of filled) {
      const heading = readHeading(text, chain, goal);
      if (heading?.approach) return true;
      if (heading) goal = heading.goal;
    }
  }
  return false;
}

/** The mapping the analysis recognised, for the secretary to confirm or correct. */
export function suggestedMapping(analysis: SheetAnalysis): ColumnMapping {
  return { sheet: analysis.sheet, headerLine: analysis.table.headerLines[0]!, columns: analysis.columns.map((column) => column.field), amountUnit: analysis.amountUnit };
}
