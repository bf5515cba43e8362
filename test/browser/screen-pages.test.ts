// The room screen shows a whole group: the sample's largest approach (26 projects) in pages the presenter turns, or
// that turn by themselves, every long Thai name whole (wrapped, line-height 1.6, nothing clipped); the smallest with
// its rows grown past the minimum; the overview with the goals' full names.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const SCREEN = { width: 1920, height: 1080 };

/** The rows on the screen now: whether each sits inside the focus area at a legible size, its name whole. */
function screenRows(screen: Page) {
  return screen.evaluate(() => {
    const focus = document.querySelector('main')!.getBoundingClientRect();
    const subtotal = document.querySelector('[data-testid="screen-group"] tfoot')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-testid="screen-group"] tbody tr')].map((row) => {
      const box = row.getBoundingClientRect();
      const name = row.querySelector<HTMLElement>('th')!;
      const style = getComputedStyle(name);
      return {
        code: row.dataset.project!,
        name: name.textContent!.trim(),
        inside: box.top >= focus.top && subtotal.bottom <= focus.bottom + 0.5,
        fontPx: parseFloat(getComputedStyle(row).fontSize),
        lines: Math.round((name.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight)),
        lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
        clipped: name.scrollHeight > name.clientHeight + 1 || name.scrollWidth > name.clientWidth + 1,
      };
    });
  });
}

describeInBrowser('whole groups on the room screen', () => {
  const room = useRoom();

  it('shows all 26 projects of an approach, long names wrapped, in pages that turn, and every other approach whole', async () => {
    const approaches = await room.board.db.approach.findMany({ include: { projects: { select: { code: true, nameTh: true } } } });
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
    const minimumPx = SCREEN.height * 0.03;
    /**
     * Holds the group's first page (pages that turn by themselves would turn under the checks), then turns through
     * every page, checking each row; the names seen, and how many wrapped.
     */
    const walkPages = async (shot?: string) => {
      const pages = Number(await screen.getByTestId('screen-group').getAttribute('data-pages'));
      if (pages > 1) {
        await presenter.getByRole('button', { name: '▼ หน้าถัดไป' }).click();
        await presenter.getByRole('button', { name: '▲ หน้าก่อนหน้า' }).click();
      }
      await expect.poll(() => screen.getByTestId('screen-group').getAttribute('data-page')).toBe('1');
      const seen = new Map<string, string>();
      let wrapped = 0;
      for (let page = 1; page <= pages; page++) {
        if (page > 1) {
          await presenter.getByRole('button', { name: '▼ หน้าถัดไป' }).click();
          await expect.poll(() => screen.getByTestId('screen-page').textContent()).toBe(`หน้า ${page}/${pages}`);
        }
        if (shot && page === 1) await screenshot(screen, shot);
        for (const row of await screenRows(screen)) {
          expect(row.inside, `${row.code} on page ${page}/${pages} runs past the screen's focus area`).toBe(true);
          expect(row.fontPx).toBeGreaterThanOrEqual(minimumPx);
          expect(row.lineHeight).toBeGreaterThan(1.599);
          expect(row.clipped, `${row.code}'s name is clipped`).toBe(false);
          if (row.lines > 1) wrapped++;
          seen.set(row.code, row.name);
        }
      }
      return { pages, seen, wrapped };
    };

    await jump(`แนวทางที่ ${largest.code}`);
    await expect.poll(() => screen.getByTestId('screen-page').textContent()).toMatch(/^หน้า 1\/\d+/);
    const { pages, seen, wrapped } = await walkPages('screen-group-1920');
    expect(pages).toBeGreaterThan(1);
    await expect.poll(() => presenter.getByTestId('presenter-page').textContent()).toContain(`${pages}/${pages}`);
    // Every project of the group, each name in full; the long ones on more than one line.
    expect(seen).toEqual(new Map(largest.projects.map((p) => [p.code, `${p.code} ${p.nameTh}`])));
    expect(wrapped).toBeGreaterThan(largest.projects.length / 2);
    expect(await screen.getByTestId('screen-group').textContent()).toContain('รวม 26 โครงการ');

    // The presenter turns back with the keyboard, then lets the pages turn by themselves.
    await presenter.keyboard.press('ArrowUp');
    await expect.poll(() => screen.getByTestId('screen-page').textContent()).toBe(`หน้า ${pages - 1}/${pages}`);
    await presenter.getByRole('button', { name: '⟳ เปลี่ยนหน้าเอง' }).click();
    await expect.poll(() => screen.getByTestId('screen-page').textContent()).toBe(`หน้า 1/${pages}`);
    await expect.poll(() => screen.getByTestId('screen-page').textContent(), { timeout: 20_000, interval: 1_000 }).toBe(`หน้า 2/${pages}`);

    // Every other approach too, each whole, its rows grown past the minimum where its pages leave room.
    let grown = false;
    for (const approach of approaches.slice(1)) {
      await jump(`แนวทางที่ ${approach.code}`);
      await expect.poll(() => screen.getByTestId('screen-group').textContent()).toContain(`รวม ${approach.projects.length} โครงการ`);
      const { seen } = await walkPages(approach === smallest ? 'screen-group-smallest-1920' : undefined);
      expect([...seen.keys()].sort()).toEqual(approach.projects.map((p) => p.code).sort());
      grown ||= (await screenRows(screen)).every((row) => row.fontPx > minimumPx);
    }
    expect(grown).toBe(true);
  }, 150_000);
});
