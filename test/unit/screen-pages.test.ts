import { describe, expect, it } from 'vitest';
import { ROW_TEXT_MAX_VH, ROW_TEXT_MIN_VH, clampPage, groupLayout, pageRows } from '../../server/domain/screen-pages.ts';

describe('groups on the room screen', () => {
  it('shows a short group on one page, rows as large as legibility allows', () => {
    expect(groupLayout(4)).toEqual({ pages: 1, perPage: 4, rowTextVh: ROW_TEXT_MAX_VH });
    const nine = groupLayout(9);
    expect(nine.pages).toBe(1);
    expect(nine.rowTextVh).toBeGreaterThanOrEqual(ROW_TEXT_MIN_VH);
    expect(nine.rowTextVh).toBeLessThan(ROW_TEXT_MAX_VH);
  });

  it('pages a long group in equal shares, never below 3% of the screen height', () => {
    const sample = groupLayout(26);
    expect(sample).toMatchObject({ pages: 3, perPage: 9 });
    expect(sample.rowTextVh).toBeGreaterThanOrEqual(ROW_TEXT_MIN_VH);
    for (const count of [10, 18, 26, 100, 500]) {
      const layout = groupLayout(count);
      expect(layout.rowTextVh).toBeGreaterThanOrEqual(ROW_TEXT_MIN_VH);
      expect(layout.pages * layout.perPage).toBeGreaterThanOrEqual(count);
      expect((layout.pages - 1) * layout.perPage).toBeLessThan(count);
    }
  });

  it('cuts the rows of each page, every row on exactly one page, and holds out-of-range pages to the nearest', () => {
    const rows = Array.from({ length: 26 }, (_, i) => i);
    const layout = groupLayout(rows.length);
    const pages = [1, 2, 3].map((page) => pageRows(rows, layout, page));
    expect(pages.map((p) => p.length)).toEqual([9, 9, 8]);
    expect(pages.flat()).toEqual(rows);
    expect(clampPage(7, layout)).toBe(3);
    expect(clampPage(0, layout)).toBe(1);
    expect(pageRows([], groupLayout(0), 1)).toEqual([]);
  });
});
