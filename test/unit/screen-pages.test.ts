import { describe, expect, it } from 'vitest';
import {
  LINE_HEIGHT,
  ROWS_AREA_VH,
  ROW_PADDING_EM,
  ROW_TEXT_MAX_VH,
  ROW_TEXT_MIN_VH,
  clampPage,
  groupLayout,
  pageRows,
  rowLines,
  type ScreenRow,
} from '../../server/domain/screen-pages.ts';
import { samplePlan } from '../../server/seed/sample-plan.ts';

const SHORT = 'ระบบเฝ้าระวังโรค';
// As long as the sample's longest (91 characters that take room, with the code).
const LONG = 'โครงการพัฒนาระบบแลกเปลี่ยนข้อมูลสุขภาพส่วนบุคคลและเวชระเบียนอิเล็กทรอนิกส์ระหว่างหน่วยบริการ';

function rows(count: number, nameTh = SHORT): ScreenRow[] {
  return Array.from({ length: count }, (_, i) => ({ code: `DG67-${String(i + 1).padStart(3, '0')}`, nameTh }));
}

/** The height of a page's rows, in vh, as the screen lays them out. */
function pageHeight(layout: ReturnType<typeof groupLayout>, page: ScreenRow[]): number {
  return page.reduce((sum, row) => sum + layout.rowTextVh * (rowLines(row, layout.rowTextVh) * LINE_HEIGHT + 2 * ROW_PADDING_EM), 0);
}

describe('groups on the room screen', () => {
  it('gives a long name the lines it needs, more at a larger size, and a short one a single line', () => {
    expect(rowLines({ code: 'DG67-001', nameTh: SHORT }, ROW_TEXT_MIN_VH)).toBe(1);
    const long = { code: 'DG67-058', nameTh: LONG };
    expect(rowLines(long, ROW_TEXT_MIN_VH)).toBeGreaterThanOrEqual(2);
    expect(rowLines(long, ROW_TEXT_MAX_VH)).toBeGreaterThanOrEqual(2);
    // Marks above and below a consonant take no room: a name full of them is no longer than its consonants.
    expect(rowLines({ code: 'X', nameTh: 'กี่'.repeat(60) }, ROW_TEXT_MIN_VH)).toBe(rowLines({ code: 'X', nameTh: 'ก'.repeat(60) }, ROW_TEXT_MIN_VH));
  });

  it('shows a short group on one page, rows as large as legibility allows', () => {
    expect(groupLayout(rows(4))).toEqual({ pages: 1, pageStarts: [0], rowTextVh: ROW_TEXT_MAX_VH });
    const eight = groupLayout(rows(8));
    expect(eight.pages).toBe(1);
    expect(eight.rowTextVh).toBeGreaterThanOrEqual(ROW_TEXT_MIN_VH);
    expect(eight.rowTextVh).toBeLessThan(ROW_TEXT_MAX_VH);
  });

  it('pages a long group in about even pages that fit, never below 3% of the screen height', () => {
    for (const count of [10, 18, 26, 100, 500]) {
      for (const nameTh of [SHORT, LONG]) {
        const group = rows(count, nameTh);
        const layout = groupLayout(group);
        expect(layout.rowTextVh).toBeGreaterThanOrEqual(ROW_TEXT_MIN_VH);
        expect(layout.rowTextVh).toBeLessThanOrEqual(ROW_TEXT_MAX_VH);
        const pages = Array.from({ length: layout.pages }, (_, i) => pageRows(group, layout, i + 1));
        expect(pages.flat()).toEqual(group);
        const sizes = pages.map((page) => page.length);
        expect(Math.max(...sizes) - Math.min(...sizes), `${count} rows in pages of ${sizes}`).toBeLessThanOrEqual(1);
        for (const page of pages) expect(pageHeight(layout, page)).toBeLessThanOrEqual(ROWS_AREA_VH);
      }
    }
    // Two-line names take more pages than one-line names.
    expect(groupLayout(rows(26, LONG)).pages).toBeGreaterThan(groupLayout(rows(26)).pages);
  });

  it("lays out the sample's approaches, long names and all, every page within the rows area", () => {
    const plan = samplePlan();
    for (const approach of plan.goals.flatMap((goal) => goal.approaches)) {
      const group = plan.projects.filter((project) => project.approachCode === approach.code);
      const layout = groupLayout(group);
      for (let page = 1; page <= layout.pages; page++) expect(pageHeight(layout, pageRows(group, layout, page))).toBeLessThanOrEqual(ROWS_AREA_VH);
    }
  });

  it('cuts the rows of each page, every row on exactly one page, and holds out-of-range pages to the nearest', () => {
    const group = rows(23);
    const layout = groupLayout(group);
    expect(layout.pages).toBe(3);
    const pages = [1, 2, 3].map((page) => pageRows(group, layout, page));
    expect(pages.map((p) => p.length)).toEqual([8, 8, 7]);
    expect(pages.flat()).toEqual(group);
    expect(clampPage(7, layout)).toBe(3);
    expect(clampPage(0, layout)).toBe(1);
    expect(pageRows([], groupLayout([]), 1)).toEqual([]);
  });
});
