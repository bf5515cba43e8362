// How the room screen shows a group of projects: every name whole, wrapped onto as many lines as it needs, all on one
// page when they fit at a legible size, otherwise in pages of about equal height. Pure and shared: the screen lays its
// rows out with it, the presenter's controls count the pages with it, so both say "หน้า 2/3" of the same thing.
//
// Sizes are in percent of the screen's height (vh), because the screen's type scales with its height: the rows area
// of the group view is ROWS_AREA_VH tall, and a row is its lines at line-height 1.6 (room for Thai marks above and
// below) plus padding. ux.md asks for body text of at least 3% of the screen height; rows grow to 4% when few.
//
// The browser cannot be asked how many lines a name takes before the presenter's page knows the screen's pages, so
// the lines are estimated from the name's length: the name column is NAME_COLUMN_VH wide (the screen pins it so on a
// 16:9 or wider screen, the room's 1920x1080; on a 4:3 one names wrap more than counted), and a character that takes
// room is at most ADVANCE_EM wide in Sarabun (measured in Chromium over the sample's and the big plan's names:
// 0.49-0.56 em, the wider with Latin letters). Thai breaks lines between words, so every line but the last may end
// up to a word short (WRAP_SLACK_EM). The estimate errs long: a row may have room to spare, never too little.

export const ROW_TEXT_MIN_VH = 3;
export const ROW_TEXT_MAX_VH = 4;
export const LINE_HEIGHT = 1.6;
/** Padding above and below a row's text, in em, and its border, in vh. */
export const ROW_PADDING_EM = 0.1;
const ROW_BORDER_VH = 0.1;
/** What the focus area leaves for rows below the heading (three lines), the column heads and above the subtotal. */
export const ROWS_AREA_VH = 47;
export const NAME_COLUMN_VH = 78;
/** Padding either side of the name cell, in em. */
export const NAME_CELL_PADDING_EM = 0.4;
const ADVANCE_EM = 0.58;
const WRAP_SLACK_EM = 3;
/** A page the presenter did not turn turns by itself after this long. */
export const AUTO_TURN_MS = 12_000;

export interface ScreenRow {
  code: string;
  nameTh: string;
}

export interface GroupLayout {
  pages: number;
  /** Index of each page's first row. */
  pageStarts: number[];
  /** Text size of a row, in vh. */
  rowTextVh: number;
}

/** What a row shows in its name cell. */
export function screenRowText(row: ScreenRow): string {
  return `${row.code} ${row.nameTh}`;
}

// Thai vowels and tone marks above or below a consonant take no room of their own.
const COMBINING_THAI = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

/** Lines a row's name takes at a text size, at most. */
export function rowLines(row: ScreenRow, textVh: number): number {
  const widthEm = screenRowText(row).replace(COMBINING_THAI, '').length * ADVANCE_EM;
  const lineEm = NAME_COLUMN_VH / textVh - 2 * NAME_CELL_PADDING_EM;
  return Math.max(1, Math.ceil((widthEm - WRAP_SLACK_EM) / (lineEm - WRAP_SLACK_EM)));
}

function rowHeightVh(lines: number, textVh: number): number {
  return textVh * (lines * LINE_HEIGHT + 2 * ROW_PADDING_EM) + ROW_BORDER_VH;
}

/** Page starts when rows fill pages of `capacity` vh in order, each page as full as it goes. */
function fill(heights: readonly number[], capacity: number): number[] {
  const starts: number[] = [];
  let used = Infinity;
  heights.forEach((height, index) => {
    if (used + height > capacity) {
      starts.push(index);
      used = 0;
    }
    used += height;
  });
  return starts.length ? starts : [0];
}

/**
 * Page starts for `pages` pages of about even height: each page takes rows toward an even share of what is left (a
 * row goes on if at least half of it is within the share), never past `capacity`. Where evening out would need one
 * page more, the pages are filled in order instead.
 */
function even(heights: readonly number[], capacity: number, pages: number): number[] {
  const starts: number[] = [];
  let left = heights.reduce((sum, height) => sum + height, 0);
  let used = Infinity;
  let share = 0;
  heights.forEach((height, index) => {
    if (used + height > capacity || (used > 0 && used + height / 2 > share)) {
      starts.push(index);
      share = left / Math.max(1, pages - starts.length + 1);
      used = 0;
    }
    used += height;
    left -= height;
  });
  return starts.length > pages ? fill(heights, capacity) : starts.length ? starts : [0];
}

export function groupLayout(rows: readonly ScreenRow[]): GroupLayout {
  const heightsAt = (textVh: number) => rows.map((row) => rowHeightVh(rowLines(row, textVh), textVh));
  const fewest = fill(heightsAt(ROW_TEXT_MIN_VH), ROWS_AREA_VH).length;
  // The largest text (in steps of 0.05 vh) that needs no more pages than the smallest does.
  let textVh = ROW_TEXT_MAX_VH;
  while (textVh > ROW_TEXT_MIN_VH && fill(heightsAt(textVh), ROWS_AREA_VH).length > fewest) {
    textVh = Math.round((textVh - 0.05) * 100) / 100;
  }
  const pageStarts = even(heightsAt(textVh), ROWS_AREA_VH, fewest);
  return { pages: pageStarts.length, pageStarts, rowTextVh: textVh };
}

/** The rows of one page (1-based; out-of-range pages show the nearest one). */
export function pageRows<T>(rows: readonly T[], layout: GroupLayout, page: number): T[] {
  const at = clampPage(page, layout);
  return rows.slice(layout.pageStarts[at - 1], layout.pageStarts[at] ?? rows.length);
}

export function clampPage(page: number, layout: GroupLayout): number {
  return Math.min(layout.pages, Math.max(1, Math.trunc(page) || 1));
}
