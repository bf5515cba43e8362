// Which rows of a group the board puts in the DOM: none of a closed group, a page of an open one, and always the
// presenter's project and the one open in the panel.
import { describe, expect, it } from 'vitest';
import { rowsToRender } from '../../web/lib/board/visible-rows.ts';
import type { ProjectView } from '../../server/shared/board.ts';

const rows = Array.from({ length: 200 }, (_, i) => ({ id: `p${i}` }) as ProjectView);

describe('rowsToRender', () => {
  it('shows a page of an open group, the kept rows beyond it, and counts the rest', () => {
    const page = rowsToRender(rows, { closed: false, limit: 50, keep: new Set(['p120']) });
    expect(page.rows.map((r) => r.id)).toEqual([...rows.slice(0, 50).map((r) => r.id), 'p120']);
    expect(page.hidden).toBe(149);
  });

  it('shows only the kept rows of a closed group', () => {
    expect(rowsToRender(rows, { closed: true, limit: 50, keep: new Set(['p7', 'p199']) }).rows.map((r) => r.id)).toEqual(['p7', 'p199']);
  });
});
