// Resolutions in bulk: which selections the secretary may record, and the chair confirm, in one command. A selection
// names each project (or resolution) once, is not empty, and stays within what one transaction should carry.
import { BoardError } from '../shared/errors.ts';

/** More than any plan we know of (the sample has 78 projects); a bigger plan is decided in several lists. */
export const BULK_RESOLUTION_MAX = 500;

/** The selection without repeats, in the order given; refused when empty or too long. */
export function bulkSelection(ids: readonly string[]): string[] {
  const selection = [...new Set(ids)];
  if (selection.length === 0) throw new BoardError('resolution_selection_empty');
  if (selection.length > BULK_RESOLUTION_MAX) throw new BoardError('resolution_selection_too_large', { count: selection.length, max: BULK_RESOLUTION_MAX });
  return selection;
}
