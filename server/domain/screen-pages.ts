// How the room screen shows a group of projects: all on one page when they fit at a legible size, otherwise in pages of
// equal share. Pure and shared: the screen lays its rows out with it, the presenter's controls count the pages with it,
// so both say "หน้า 2/3" of the same thing.
//
// Sizes are in percent of the screen's height (vh), because the screen's type scales with its height: the rows area
// of the group view is ROWS_AREA_VH tall, and a row is its text size times ROW_HEIGHT (line-height 1.6 for Thai
// marks, plus padding). ux.md asks for body text of at least 3% of the screen height; rows grow to 4% when few.

export const ROW_TEXT_MIN_VH = 3;
export const ROW_TEXT_MAX_VH = 4;
export const ROW_HEIGHT = 1.8;
export const ROWS_AREA_VH = 50;
/** A page the presenter did not turn turns by itself after this long. */
export const AUTO_TURN_MS = 12_000;

export interface GroupLayout {
  pages: number;
  perPage: number;
  /** Text size of a row, in vh. */
  rowTextVh: number;
}

export function groupLayout(rowCount: number): GroupLayout {
  const fitAtMin = Math.floor(ROWS_AREA_VH / (ROW_TEXT_MIN_VH * ROW_HEIGHT));
  const pages = Math.max(1, Math.ceil(rowCount / fitAtMin));
  const perPage = Math.max(1, Math.ceil(rowCount / pages));
  const rowTextVh = Math.min(ROW_TEXT_MAX_VH, Math.max(ROW_TEXT_MIN_VH, ROWS_AREA_VH / (perPage * ROW_HEIGHT)));
  return { pages, perPage, rowTextVh: Math.floor(rowTextVh * 100) / 100 };
}

/** The rows of one page (1-based; out-of-range pages show the nearest one). */
export function pageRows<T>(rows: readonly T[], layout: GroupLayout, page: number): T[] {
  const at = clampPage(page, layout);
  return rows.slice((at - 1) * layout.perPage, at * layout.perPage);
}

export function clampPage(page: number, layout: GroupLayout): number {
  return Math.min(layout.pages, Math.max(1, Math.trunc(page) || 1));
}
