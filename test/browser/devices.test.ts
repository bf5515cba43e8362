// Every device in the room: a member on a phone, a tablet (portrait and landscape) and a laptop browses the board
// without scrolling sideways,
// filters to an agency's projects without leaving the presenter, opens one and closes it; the presenter steps through
// the list on a tablet. Screenshots at each width go to test/browser/artifacts/ for a person to look at.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

/** A phone, a tablet upright and on its side, a laptop. */
const VIEWPORTS = [
  { width: 390, height: 900 },
  { width: 768, height: 900 },
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

/** Buttons, fields and selects that show on the page but are shorter than a finger (44 px). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, select, input:not([type=checkbox]):not([type=radio]), a.button')]
      .filter((el) => el.getClientRects().length > 0 && el.closest('[aria-hidden=true]') === null)
      .filter((el) => el.getBoundingClientRect().height < 43.5)
      .map((el) => `${el.tagName} ${el.textContent?.trim() || el.getAttribute('aria-label')} ${el.getBoundingClientRect().height}`),
  );
}

describeInBrowser('the board on a phone, a tablet and a laptop', () => {
  const room = useRoom();

  it('browses, filters to an agency, opens and closes a project at 390, 768, 1024 and 1440 px, never scrolling sideways', async () => {
    // An agency that leads several projects, as the sample plan has them.
    const agencies = await room.board.db.project.groupBy({ by: ['agencyId'], _count: true, orderBy: { _count: { agencyId: 'desc' } }, take: 1 });
    const agency = await room.board.db.agency.findUniqueOrThrow({ where: { id: agencies[0].agencyId } });
    const agencyProjects = agencies[0]._count;
    expect(agencyProjects).toBeGreaterThan(1);

    for (const { width, height } of VIEWPORTS) {
      const page = await room.joinAs('member', `กรรมการ ${width}`, { width, height });
      await expect.poll(() => page.locator('tr[data-project]').count()).toBe(78);
      expect(await horizontalOverflow(page), `${width}px scrolls sideways`).toBe(0);
      const rowDisplay = await page.locator('tr[data-project]').first().evaluate((row) => getComputedStyle(row).display);
      // Cards below about 900 px, a table above.
      expect(rowDisplay).toBe(width < 900 ? 'grid' : 'table-row');
      if (width === 390) expect(await smallTargets(page)).toEqual([]);
      await screenshot(page, `board-${width}`);

      // Filtering is one's own business: it does not stop one following the presenter.
      await expect.poll(() => page.getByTestId('follow-state').isVisible()).toBe(true);
      if (width < 900) await page.getByRole('button', { name: 'ตัวกรอง' }).click();
      await page.getByLabel('หน่วยงาน', { exact: true }).selectOption({ label: agency.nameTh });
      await expect.poll(() => page.locator('tr[data-project]').count()).toBe(agencyProjects);
      await expect.poll(() => page.getByTestId('filter-result').textContent()).toContain(`แสดง ${agencyProjects} จาก 78 โครงการ`);
      const shownAgencies = await page.locator('tr[data-project] .inline-agency span').allTextContents();
      expect(new Set(shownAgencies)).toEqual(new Set([agency.nameTh]));
      expect(await page.getByTestId('follow-state').isVisible()).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);

      // Opening another project than the presenter's is browsing on one's own.
      const row = page.locator('tr[data-project]').first();
      const name = (await row.locator('button.open').textContent())!.trim();
      await row.locator('button.open').click();
      const sheet = page.getByTestId('project-panel');
      await expect.poll(() => sheet.getByRole('heading', { name }).isVisible()).toBe(true);
      await expect.poll(() => page.getByTestId('follow-banner').isVisible()).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
      if (width < 900) {
        // A full-screen sheet: it covers the viewport, and its close button is in reach.
        expect(await sheet.boundingBox()).toEqual({ x: 0, y: 0, width, height });
      } else {
        // Beside the list, with nothing of the list clipped under it.
        const panel = (await sheet.boundingBox())!;
        const table = (await page.getByTestId('project-table').boundingBox())!;
        expect(table.x + table.width).toBeLessThanOrEqual(panel.x);
        // The banner that leads back to the presenter floats over the list, clear of the panel.
        const banner = (await page.getByTestId('follow-banner').boundingBox())!;
        expect(banner.x + banner.width).toBeLessThanOrEqual(panel.x);
        expect(banner.x).toBeGreaterThanOrEqual(table.x);
      }
      await screenshot(page, `panel-${width}`);
      await page.getByRole('button', { name: 'ปิดรายละเอียดโครงการ' }).click();
      await expect.poll(() => sheet.count()).toBe(0);
      await page.context().close();
    }
  }, 120_000);

  it('annotates and proposes a ceiling from a phone, in the full-screen sheet, without scrolling sideways', async () => {
    const page = await room.joinAs('member', 'กรรมการ โทรศัพท์', { width: 390, height: 844 });
    await page.locator('tr[data-project="DG67-010"] button.open').click();
    const sheet = page.getByTestId('project-panel');
    await expect.poll(() => sheet.getByTestId('annotations').isVisible()).toBe(true);

    await sheet.getByLabel('เขียนบันทึก').fill('ขอแผนการฝึกอบรมรายจังหวัด');
    await sheet.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await expect.poll(() => sheet.getByTestId('note').filter({ hasText: 'ขอแผนการฝึกอบรมรายจังหวัด' }).count(), { timeout: 10_000 }).toBe(1);

    const editor = sheet.getByTestId('ceiling-editor');
    await editor.getByLabel('วงเงินใหม่ (ล้านบาท หรือ บาท)').fill('12.5');
    await editor.getByLabel('เหตุผล').fill('ลดตามจำนวนผู้เข้าอบรมจริง');
    await editor.getByRole('button', { name: 'ส่งข้อเสนอ' }).click();
    await expect.poll(() => editor.textContent()).toContain('ส่งข้อเสนอแล้ว');
    await expect
      .poll(async () => (await room.board.db.proposal.findFirst({ where: { project: { code: 'DG67-010' } } }))?.proposedBaht)
      .toBe(12_500_000n);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await smallTargets(page)).toEqual([]);
    await screenshot(page, 'sheet-proposed-390');
    await page.context().close();
  }, 60_000);

  it('holds the table in shape on a laptop: the header under the totals strip, one baseline, row borders, Thai room', async () => {
    const page = await room.joinAs('member', 'กรรมการ แล็ปท็อป', { width: 1440, height: 900 });
    await expect.poll(() => page.locator('tr[data-project]').count()).toBe(78);
    await page.mouse.wheel(0, 2500);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    const shape = await page.evaluate(() => {
      const totals = document.querySelector('[data-testid="totals"]')!.getBoundingClientRect();
      const header = document.querySelector('[data-testid="project-table"] thead th')!.getBoundingClientRect();
      // A row well inside the viewport, below the sticky header.
      const row = [...document.querySelectorAll<HTMLElement>('tr[data-project]')].find((r) => r.getBoundingClientRect().top > header.bottom + 50)!;
      // Where the first line of a cell's text ends, whatever buttons or spans hold it.
      const firstLine = (cell: Element) => {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent!.trim() ? 1 : 3) });
        const range = document.createRange();
        range.selectNodeContents(walker.nextNode()!);
        return Math.round(range.getClientRects()[0]!.bottom);
      };
      const cells = ['.code', '.requested', '.ceiling', '.difference'].map((selector) => row.querySelector(selector)!);
      const name = row.querySelector<HTMLElement>('button.open')!;
      return {
        totalsBottom: totals.bottom,
        headerTop: header.top,
        baselines: cells.map(firstLine),
        rowBorders: [...row.children].map((cell) => getComputedStyle(cell).borderBottomStyle),
        nameLineHeight: parseFloat(getComputedStyle(name).lineHeight) / parseFloat(getComputedStyle(name).fontSize),
        nameClipped: name.scrollHeight > name.clientHeight + 1,
      };
    });
    // The header sits on the strip's edge (tucked under it by less than a pixel): no hairline for rows to show through.
    expect(shape.headerTop).toBeLessThanOrEqual(shape.totalsBottom);
    expect(shape.headerTop).toBeGreaterThan(shape.totalsBottom - 1);
    expect(new Set(shape.baselines).size, `first lines at ${shape.baselines}`).toBe(1);
    expect(new Set(shape.rowBorders)).toEqual(new Set(['solid']));
    expect(shape.nameLineHeight).toBeGreaterThanOrEqual(1.6);
    expect(shape.nameClipped).toBe(false);
    await screenshot(page, 'board-1440-scrolled');
    await page.context().close();
  }, 60_000);

  it('lets the presenter step through the projects on a tablet', async () => {
    const presenter = await room.joinAs('presenter', 'ผู้นำเสนอ', { width: 768, height: 1024 });
    const dock = presenter.getByTestId('presenter-dock');
    await expect.poll(() => dock.isVisible()).toBe(true);
    await dock.getByRole('button', { name: 'โครงการถัดไป' }).click();
    await expect.poll(() => dock.textContent()).toContain('DG67-001');
    await dock.getByRole('button', { name: 'โครงการถัดไป' }).click();
    await expect.poll(() => presenter.getByTestId('now-showing').textContent()).toContain('DG67-002');
    expect(await horizontalOverflow(presenter)).toBe(0);
    await screenshot(presenter, 'presenter-768');
  });
});
