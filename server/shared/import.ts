// The import's answers on the wire: the page and a secretariat's script read the same shape.
import type { UnitSource } from '../domain/import/analyse.ts';
import type { AmountUnit, ImportField } from '../domain/import/fields.ts';
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
  unitSource: UnitSource;
  /** Title, heading, total and note rows set aside. */
  skippedRows: number;
}
