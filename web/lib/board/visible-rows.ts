// Which of a group's projects the board puts in the DOM: a big plan's list is far longer than anyone looks at.
import type { ProjectView } from '$shared/board.ts';

/** A plan this large starts with its approach groups closed, and an open group shows its rows a page at a time. */
export const BIG_PLAN_PROJECTS = 300;
export const ROWS_PER_PAGE = 50;

/**
 * The rows of one group the board puts in the DOM: a closed group none, an open one its first `limit`; the
 * presenter's project and the one this person has open always (following needs the row to scroll to). A 5,000-project
 * plan keeps a few dozen rows in the DOM instead of 5,000; search and filters still run over every project.
 */
export function rowsToRender(
  rows: readonly ProjectView[],
  options: { closed: boolean; limit: number; keep: ReadonlySet<string> },
): { rows: ProjectView[]; hidden: number } {
  const shown = rows.filter((p, i) => (!options.closed && i < options.limit) || options.keep.has(p.id));
  return { rows: shown, hidden: rows.length - shown.length };
}
