// A column mapping: which field each column of the file holds, and the unit of its amounts. The secretary confirms or
// corrects the recognised one; a saved mapping is offered again for the next file with the same headers.
import { IMPORT_FIELDS, REQUIRED_FIELDS, type AmountUnit, type ImportField } from './fields.ts';
import { matchKey } from './text.ts';

export interface ColumnMapping {
  /** The worksheet (0 for a CSV). */
  sheet: number;
  /** The header's first line in the file. */
  headerLine: number;
  /** One entry per column of the header: the field it holds, or null for a column not imported. */
  columns: (ImportField | null)[];
  amountUnit: AmountUnit;
}

/** What is kept of a mapping for the next file: fields by header, so the same headers in another order still match. */
export interface SavedColumns {
  /** The file's headers, compared as `matchKey` does, sorted. */
  signature: string;
  fields: Record<string, ImportField>;
  amountUnit: AmountUnit;
}

/** Header keys, the second of two equal headers marked so that each column keeps its own. */
function headerKeys(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((text) => {
    const key = matchKey(text);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  });
}

export function headerSignature(header: string[]): string {
  return headerKeys(header)
    .filter((key) => !/^(#\d+)?$/.test(key))
    .sort()
    .join('\u001f');
}

export function saveColumns(header: string[], mapping: Pick<ColumnMapping, 'columns' | 'amountUnit'>): SavedColumns {
  const keys = headerKeys(header);
  const fields: Record<string, ImportField> = {};
  mapping.columns.forEach((field, index) => {
    if (field && keys[index]) fields[keys[index]!] = field;
  });
  return { signature: headerSignature(header), fields, amountUnit: mapping.amountUnit };
}

/** The saved fields laid over this file's columns, or null when its headers are not the ones they were saved for. */
export function applySavedColumns(header: string[], saved: SavedColumns): (ImportField | null)[] | null {
  if (saved.signature !== headerSignature(header)) return null;
  return headerKeys(header).map((key) => {
    const field = saved.fields[key];
    return field && (IMPORT_FIELDS as readonly string[]).includes(field) ? field : null;
  });
}

export interface MappingGaps {
  /** Required fields no column holds. */
  missing: ImportField[];
  /** Fields given to more than one column. */
  twice: ImportField[];
}

/** What keeps a mapping from being read; the approach may come from heading rows instead of a column. */
export function mappingGaps(columns: (ImportField | null)[], options: { approachFromHeadings: boolean }): MappingGaps {
  const counts = new Map<ImportField, number>();
  for (const field of columns) if (field) counts.set(field, (counts.get(field) ?? 0) + 1);
  return {
    missing: REQUIRED_FIELDS.filter((field) => !counts.has(field) && !(field === 'approach' && options.approachFromHeadings)),
    twice: IMPORT_FIELDS.filter((field) => (counts.get(field) ?? 0) > 1),
  };
}

/** Why a mapping the secretary sent cannot be read against this file, or null when it can. */
export function mappingRefusal(
  mapping: Pick<ColumnMapping, 'columns'>,
  header: string[],
  options: { approachFromHeadings: boolean },
): { code: 'import_mapping_invalid' } | { code: 'import_mapping_incomplete' | 'import_mapping_duplicate'; fields: ImportField[] } | null {
  if (mapping.columns.length !== header.length) return { code: 'import_mapping_invalid' };
  const gaps = mappingGaps(mapping.columns, options);
  if (gaps.missing.length) return { code: 'import_mapping_incomplete', fields: gaps.missing };
  if (gaps.twice.length) return { code: 'import_mapping_duplicate', fields: gaps.twice };
  return null;
}
