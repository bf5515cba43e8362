// The import's answers on the wire: the page and a secretariat's script read the same shape.
import { z } from 'zod';
import type { UnitSource } from '../domain/import/analyse.ts';
import { IMPORT_FIELDS, type AmountUnit, type ImportField } from '../domain/import/fields.ts';
import type { ColumnMapping } from '../domain/import/mapping.ts';
import type { ImportReading } from '../domain/import/read-projects.ts';

/** What the board made of a file: how it read each column and the amounts' unit (and why), then every row. */
export interface ImportPreview extends Pick<ImportReading, 'projects' | 'problems' | 'totalRequestedBaht' | 'codeSource' | 'fileTotal' | 'newAgencies'> {
  fileName: string;
  encoding: string | null;
  rowCount: number;
  /** The sheet read, by name (a CSV has none). */
  sheetName: string;
  /** Each column as the file heads it, and the field it was read as (null: not imported). */
  columns: { header: string; field: ImportField | null }[];
  amountUnit: AmountUnit;
  /** Where the unit came from; `chosen` when the secretary changed it. */
  unitSource: UnitSource | { from: 'chosen' };
  /** Title, heading, total and note rows set aside. */
  skippedRows: number;
}

/** A mapping as the page or a script sends it: one field (or null) per column of the header. */
export const columnMappingSchema = z.strictObject({
  sheet: z.number().int().min(0).max(255),
  headerLine: z.number().int().min(1).max(1_000_000),
  columns: z.array(z.enum(IMPORT_FIELDS).nullable()).max(500),
  amountUnit: z.enum(['baht', 'million']),
});

/** A staged upload as the mapping step sees it: the file's sheets, the mapping in use and where it came from, samples. */
export interface StagedImport {
  uploadId: string;
  /** The header of the sheet read: one entry per column, as the file writes it. */
  header: string[];
  /** Every visible sheet of an XLSX by name (a CSV has one, unnamed). */
  sheets: string[];
  mapping: ColumnMapping;
  /** recognised: from the headers' words; saved: the plan's mapping for these headers; chosen: sent by the secretary. */
  mappingFrom: 'recognised' | 'saved' | 'chosen';
  /** The first rows under the header, one cell per column, as the file writes them. */
  samples: string[][];
  /** Required fields no column was recognised as: the secretary maps them before the rows are read. */
  missing: ImportField[];
  /** Every row read under the mapping; null while `missing` is not empty. */
  preview: ImportPreview | null;
}
