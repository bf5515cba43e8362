// A moment of the meeting on the room screen, in Chromium: the presenter changes ceilings, scrubs the timeline back
// to before them and shows that moment on the screen (a second page at 1920x1080, the room's, sees the banner and
// the board as it stood, its totals too), chooses it as the before of a ก่อน/หลัง and shows it against now (the
// projects that changed with from, to and the difference, the total's movement against the frame), then brings the
// screen back to now. Screenshots of the board at 390, 768 and 1440 px and of the screen at 1920x1080.
import { expect, it } from 'vitest';
import { bahtFromDb } from '../../server/db/client.ts';
import { formatMillionBaht, formatSignedMillionBaht } from '../../server/domain/money.ts';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';
import { openTimeline, scrubWith, showAgainstNowOnScreen } from '../support/timeline-page.ts';

describeInBrowser('a moment of the meeting on the room screen', () => {
  const room = useRoom();

  it('shows the scrubbed moment, then a before/after, on the screen, then goes back to live', async () => {
    const db = room.board.db;
    const plan = await db.plan.findFirstOrThrow({ where: { meetings: { some: { id: room.board.meetingId } } } });
    const total = async () => (await db.project.findMany({ where: { planId: plan.id } })).reduce((sum, p) => sum + bahtFromDb(p.ceilingBaht), 0);
    const before = await total();
    const projects = await db.project.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
    const { socket: chair } = await room.board.connect('chair', 'นายประธาน ทดลอง');
    const cut = async (index: number, baht: number) => {
      const p = await db.project.findUniqueOrThrow({ where: { id: projects[index]!.id } });
      const reply = await chair.emitWithAck('ceilings:set', { projectId: p.id, toBaht: bahtFromDb(p.ceilingBaht) - baht, expectedVersion: p.version, reason: 'ปรับลด' });
      expect(reply).toHaveProperty('data');
    };
    await cut(0, 12_500_000);
    await cut(1, 3_000_000);
    const after = await total();

    const screen = await room.joinAs('observer', 'จอทดสอบ', { width: 1920, height: 1080 });
    await screen.goto(`${room.board.url}/meetings/${room.board.meetingId}/screen`);
    await expect.poll(() => screen.getByTestId('screen').getAttribute('data-connection'), { timeout: 10_000 }).toBe('live');
    const footerTotal = () => screen.getByTestId('screen-totals').locator('dd').nth(1).textContent();
    expect(await footerTotal()).toBe(formatMillionBaht(after));

    // The presenter scrubs back with the keyboard to before the changes and shows that moment on the screen.
    const presenter = await room.joinAs('presenter', 'นายผู้นำเสนอ ทดลอง', { width: 1440, height: 1000 });
    await openTimeline(presenter, 2);
    await scrubWith(presenter, 'Home');
    await expect.poll(() => presenter.getByTestId('past-board').count()).toBe(1);
    const show = presenter.getByTestId('show-moment');
    await show.focus();
    await presenter.keyboard.press('Enter');

    const banner = screen.getByTestId('screen-moment-banner');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toMatch(/กำลังแสดงย้อนหลัง · เวลา \d{2}\.\d{2} น\./);
    expect(await screen.getByTestId('screen-moment').getAttribute('data-compare')).toBe('no');
    expect(await screen.getByTestId('screen-overview').count()).toBe(1);
    await expect.poll(footerTotal).toBe(formatMillionBaht(before));
    await expect.poll(() => presenter.getByTestId('screen-moment-status').textContent()).toContain('บนจอตอนนี้: ย้อนหลัง');
    await screenshot(screen, 'screen-moment-1920-past');

    // That moment is the before; now (the end of the timeline) is the after.
    await showAgainstNowOnScreen(presenter);

    const diff = screen.getByTestId('screen-moment-diff');
    await expect.poll(() => diff.count(), { timeout: 10_000 }).toBe(1);
    expect(await banner.textContent()).toMatch(/กำลังแสดงย้อนหลัง · ก่อน\/หลัง · เวลา \d{2}\.\d{2} น\. → \d{2}\.\d{2} น\./);
    const totalRow = screen.getByTestId('screen-moment-total').locator('td');
    expect(await totalRow.allTextContents()).toEqual([formatMillionBaht(before), formatMillionBaht(after), formatSignedMillionBaht(after - before)]);
    // The sample plan is over its frame at both moments: the row is the excess, which the cuts shrank.
    const frame = bahtFromDb(plan.frameBaht);
    const excess = screen.getByTestId('screen-moment-remaining');
    expect(await excess.locator('th').textContent()).toBe('เกินกรอบ');
    expect(await excess.locator('td').allTextContents()).toEqual([`▲${formatMillionBaht(before - frame)}`, `▲${formatMillionBaht(after - frame)}`, formatSignedMillionBaht(after - before)]);
    const rows = diff.locator('tbody.projects tr[data-project]');
    expect(await rows.count()).toBe(2);
    // The largest move first, with from, to and the difference.
    expect(await rows.first().getAttribute('data-project')).toBe(projects[0]!.code);
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      formatMillionBaht(bahtFromDb(projects[0]!.ceilingBaht)),
      formatMillionBaht(bahtFromDb(projects[0]!.ceilingBaht) - 12_500_000),
      formatSignedMillionBaht(-12_500_000),
    ]);
    await expect.poll(footerTotal).toBe(formatMillionBaht(after));
    expect(await horizontalOverflow(screen)).toBeLessThanOrEqual(0);
    await screenshot(screen, 'screen-moment-1920-before-after');

    await screenshot(presenter, 'screen-moment-board-1440');
    for (const width of [768, 390]) {
      await presenter.setViewportSize({ width, height: 1000 });
      await presenter.getByTestId('screen-moment-controls').scrollIntoViewIfNeeded();
      expect(await horizontalOverflow(presenter), `sideways scroll at ${width}`).toBeLessThanOrEqual(0);
      await screenshot(presenter, `screen-moment-board-${width}`);
    }

    // Back to now on the screen: the live board, no banner.
    await presenter.getByTestId('screen-show-live').click();
    await expect.poll(() => screen.getByTestId('screen-moment').count(), { timeout: 10_000 }).toBe(0);
    expect(await screen.getByTestId('screen-overview').count()).toBe(1);
    expect(await footerTotal()).toBe(formatMillionBaht(after));
    await expect.poll(() => presenter.getByTestId('screen-moment-status').count()).toBe(0);
  }, 90_000);
});
