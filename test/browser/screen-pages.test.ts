// The room screen shows a whole group: the sample's largest approach (26 projects) in pages the presenter turns, or
// that turn by themselves; the smallest with its rows grown to fill its pages; the overview with the goals' full names.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const SCREEN = { width: 1920, height: 1080 };

/** The rows on the screen now, and whether each sits inside the focus area at a legible size. */
function screenRows(screen: Page) {
  return screen.evaluate(() => {
    const focus = document.querySelector('main')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-testid="screen-group"] tbody tr')].map((row) => {
      const box = row.getBoundingClientRect();
      return { code: row.dataset.project!, inside: box.top >= focus.top && box.bottom <= focus.bottom + 0.5, fontPx: parseFloat(getComputedStyle(row).fontSize) };
    });
  });
}

describeInBrowser('whole groups on the room screen', () => {
  const room = useRoom();

  it('shows all 26 projects of an approach in pages that turn, and a smaller group with larger rows', async () => {
    const approaches = await room.board.db.approach.findMany({ include: { projects: { select: { code: true } } } });
    approaches.sort((a, b) => b.projects.length - a.projects.length);
    const largest = approaches[0];
    const smallest = approaches.at(-1)!;
    expect(largest.projects).toHaveLength(26);

    const presenter = await room.joinAs('presenter', 'ผู้นำเสนอ');
    const screen = await room.joinAs('observer', 'จอทดสอบ', SCREEN);
    await screen.goto(`${room.board.url}/meetings/${room.board.meetingId}/screen`);
    await expect.poll(() => screen.getByTestId('screen').getAttribute('data-connection'), { timeout: 10_000 }).toBe('live');

    // The overview names every goal in full.
    const goals = await room.board.db.goal.findMany({ orderBy: { number: 'asc' } });
    const overview = await screen.getByTestId('screen-overview').textContent();
    for (const goal of goals) expect(overview).toContain(goal.nameTh);
    await screenshot(screen, 'screen-overview-1920');

    const jump = async (label: string) => {
      await presenter.getByLabel('ไปที่').fill(label);
      await presenter.keyboard.press('Enter');
    };
    await jump(`แนวทางที่ ${largest.code}`);
    await expect.poll(() => screen.getByTestId('screen-page').textContent()).toContain('หน้า 1/3');
    await expect.poll(() => presenter.getByTestId('presenter-page').textContent()).toContain('/3');

    const seen = new Set<string>();
    const minimumPx = SCREEN.height * 0.03;
    for (const page of [1, 2, 3]) {
      if (page > 1) await presenter.getByRole('button', { name: '▼ หน้าถัดไป' }).click();
      await expect.poll(() => screen.getByTestId('screen-page').textContent()).toBe(`หน้า ${page}/3`);
      const rows = await screenRows(screen);
      expect(rows.length).toBe(page < 3 ? 9 : 8);
      for (const row of rows) {
        expect(row.inside, `${row.code} runs past the screen's focus area`).toBe(true);
        expect(row.fontPx).toBeGreaterThanOrEqual(minimumPx);
        seen.add(row.code);
      }
      if (page === 1) await screenshot(screen, 'screen-group-1920');
    }
    expect([...seen].sort()).toEqual(largest.projects.map((p) => p.code).sort());
    expect(await screen.getByTestId('screen-group').textContent()).toContain('รวม 26 โครงการ');

    // The presenter turns back with the keyboard, then lets the pages turn by themselves.
    await presenter.keyboard.press('ArrowUp');
    await expect.poll(() => screen.getByTestId('screen-page').textContent()).toBe('หน้า 2/3');
    await presenter.getByRole('button', { name: '⟳ เปลี่ยนหน้าเอง' }).click();
    await expect.poll(() => screen.getByTestId('screen-page').textContent()).toBe('หน้า 1/3');
    await expect.poll(() => screen.getByTestId('screen-page').textContent(), { timeout: 20_000, interval: 1_000 }).toBe('หน้า 2/3');

    // The smallest approach (16 projects) fills two pages of 8, its rows grown past the minimum to use the room.
    expect(smallest.projects).toHaveLength(16);
    await jump(`แนวทางที่ ${smallest.code}`);
    await expect.poll(() => screen.getByTestId('screen-page').textContent()).toBe('หน้า 1/2');
    const rows = await screenRows(screen);
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      expect(row.inside).toBe(true);
      expect(row.fontPx).toBeGreaterThan(minimumPx * 1.1);
    }
  }, 90_000);
});
