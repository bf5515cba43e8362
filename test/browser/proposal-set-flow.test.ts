// A proposed set from sandbox to room screen, in Chromium: a member builds a what-if sandbox, fits the frame and
// proposes it (เสนอชุดนี้); the chair sees it as a diff (projects, from, to, the totals after) and accepts it whole;
// the chair's, the member's and the presenter's boards and the room screen each hear one sets:changed event with one
// seq and redraw their total once; then the presenter scrubs the timeline back to before the set and shows the
// ก่อน/หลัง on the screen, which lists the changes project by project with the total's movement. Screenshots of the
// set UI and the screen at 390, 768, 1440 and 1920x1080 under /tmp/setsui/.
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { bahtFromDb } from '../../server/db/client.ts';
import { formatMillionBaht, formatSignedMillionBaht } from '../../server/domain/money.ts';
import { describeInBrowser, horizontalOverflow, type HeardEvent } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';
import { openTimeline, scrubWith, showAgainstNowOnScreen } from '../support/timeline-page.ts';

const SHOTS = '/tmp/setsui';
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });

/** The texts an element shows, in order, each time it is redrawn from now on (read by the page). */
async function watchText(element: Locator): Promise<() => Promise<string[]>> {
  await element.evaluate((node) => {
    const seen: string[] = [];
    (node as HTMLElement & { seen?: string[] }).seen = seen;
    new MutationObserver(() => seen.push(node.textContent ?? '')).observe(node, { subtree: true, childList: true, characterData: true });
  });
  return () => element.evaluate((node) => [...((node as HTMLElement & { seen?: string[] }).seen ?? [])]);
}

describeInBrowser('a proposed set from sandbox to room screen', () => {
  const room = useRoom();

  it('is proposed from a fitted sandbox, accepted by the chair once everywhere, then shown as a before/after on the screen', async () => {
    const db = room.board.db;
    const plan = await db.plan.findFirstOrThrow({ where: { meetings: { some: { id: room.board.meetingId } } } });
    const frame = bahtFromDb(plan.frameBaht);
    const ceilingsNow = async () => new Map((await db.project.findMany({ where: { planId: plan.id } })).map((p) => [p.id, bahtFromDb(p.ceilingBaht)]));
    const before = await ceilingsNow();
    const totalBefore = [...before.values()].reduce((sum, baht) => sum + baht, 0);

    const screen = await room.joinAs('observer', 'จอทดสอบ', { width: 1920, height: 1080 });
    await screen.goto(`${room.board.url}/meetings/${room.board.meetingId}/screen`);
    await expect.poll(() => screen.getByTestId('screen').getAttribute('data-connection'), { timeout: 10_000 }).toBe('live');
    const chair = await room.joinAs('chair', 'นายประธาน ชุดข้อเสนอ', { width: 1440, height: 1000 });
    const presenter = await room.joinAs('presenter', 'นายผู้นำเสนอ ชุดข้อเสนอ', { width: 1440, height: 1000 });
    const member = await room.joinAs('member', 'นางกรรมการ เสนอชุด', { width: 1440, height: 1000 });
    for (const page of [screen, chair, presenter, member]) page.setDefaultTimeout(10_000);

    // The member fits the frame in their sandbox and proposes it as one set.
    const panel = member.getByTestId('whatif');
    await panel.getByRole('button', { name: 'เปิดชุดสมมติ' }).click();
    await panel.getByRole('button', { name: 'ปรับให้พอดีกรอบวงเงิน' }).click();
    await expect.poll(() => panel.getByTestId('whatif-total').textContent()).toBe(formatMillionBaht(frame));
    const sandbox = await db.whatIfSandbox.findFirstOrThrow();
    const edits = (sandbox.edits as { projectId: string; toBaht: number }[]).map((e) => ({ projectId: e.projectId, toBaht: Number(e.toBaht) }));
    expect(edits.length).toBeGreaterThan(6);
    await panel.getByTestId('set-reason').fill('ลดตามสัดส่วนให้พอดีกรอบ');
    await panel.getByRole('button', { name: 'เสนอชุดนี้' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('เสนอชุดแล้ว');

    // The chair sees the diff: every project with from and to, and the totals after against the frame.
    const set = chair.getByTestId('pending-sets').locator('article');
    await expect.poll(() => set.count()).toBe(1);
    expect(await set.locator('.by').textContent()).toContain('ลดตามสัดส่วนให้พอดีกรอบ');
    const lines = set.locator('tbody tr[data-project]');
    expect(await lines.count()).toBe(edits.length);
    for (const edit of edits.slice(0, 3)) {
      const cells = await set.locator(`tr[data-project="${edit.projectId}"] td.num`).allTextContents();
      expect(cells).toEqual([formatMillionBaht(before.get(edit.projectId)!), formatMillionBaht(edit.toBaht)]);
    }
    expect(await set.getByTestId('set-total-after').textContent()).toBe(formatMillionBaht(frame));
    expect(await set.locator('.after').textContent()).toContain('คงเหลือ');
    // The set as the chair and the member see it, at every width: nothing scrolls sideways.
    const top = (part: Locator) => part.evaluate((node) => node.scrollIntoView({ block: 'start' }));
    for (const [width, height] of [[390, 844], [768, 1000], [1920, 1080], [1440, 1000]] as const) {
      await chair.setViewportSize({ width, height });
      await top(set);
      await shot(chair, `pending-sets-${width}`);
      expect(await horizontalOverflow(chair), `the chair's board: sideways scroll at ${width}`).toBeLessThanOrEqual(0);
      await member.setViewportSize({ width, height });
      await top(panel.getByTestId('set-reason'));
      await shot(member, `whatif-${width}-propose`);
      await top(panel.getByTestId('whatif-diff'));
      await shot(member, `whatif-${width}-diff`);
      expect(await horizontalOverflow(member), `the member's board: sideways scroll at ${width}`).toBeLessThanOrEqual(0);
    }

    // Accepting it moves every board and the screen once: one sets:changed with one seq, one redraw of the total.
    const pages = { chair, presenter, member, screen };
    const totalOf = (page: Page) => (page === screen ? screen.getByTestId('screen-totals').locator('dd').nth(1) : page.getByTestId('total-ceilings'));
    const redraws = Object.fromEntries(await Promise.all(Object.entries(pages).map(async ([name, page]) => [name, await watchText(totalOf(page))] as const)));
    const heardBefore = Object.fromEntries(Object.entries(pages).map(([name, page]) => [name, room.heard(page).length]));
    const seqBefore = (await db.meeting.findUniqueOrThrow({ where: { id: room.board.meetingId } })).seq;
    await set.getByRole('button', { name: 'รับทั้งชุด' }).click();
    await expect.poll(() => chair.getByTestId('pending-sets').count()).toBe(0);
    const seqAfter = (await db.meeting.findUniqueOrThrow({ where: { id: room.board.meetingId } })).seq;
    expect(seqAfter).toBe(seqBefore + 1);
    const after = await ceilingsNow();
    expect([...after.values()].reduce((sum, baht) => sum + baht, 0)).toBe(frame);
    for (const edit of edits) expect(after.get(edit.projectId)).toBe(edit.toBaht);

    for (const [name, page] of Object.entries(pages)) {
      await expect.poll(() => totalOf(page).textContent(), { message: name }).toBe(formatMillionBaht(frame));
    }
    // Long enough for a second, late event or redraw to show up if one were coming.
    await member.waitForTimeout(600);
    // Presence comes and goes with the pages of this test; everything else a page heard is the set's acceptance.
    const since = (name: string, page: Page): HeardEvent[] => room.heard(page).slice(heardBefore[name]).filter((e) => e.event !== 'presence:changed');
    for (const [name, page] of Object.entries(pages)) {
      const bySocket = new Map<number, HeardEvent[]>();
      for (const e of since(name, page)) bySocket.set(e.socket, [...(bySocket.get(e.socket) ?? []), e]);
      // The chair's and presenter's boards carry the screen's preview, a second connection: each heard it once.
      expect(bySocket.size, `${name}'s connections that heard it`).toBe(name === 'chair' || name === 'presenter' ? 2 : 1);
      for (const events of bySocket.values()) expect(events.map((e) => [e.event, e.payload.seq]), `what ${name} heard`).toEqual([['sets:changed', seqAfter]]);
      expect(await redraws[name]!(), `${name}'s total redraws`).toEqual([formatMillionBaht(frame)]);
    }
    for (const page of [chair, presenter, member]) expect(await page.getByTestId('pending-sets').count()).toBe(0);

    // The presenter scrubs back to before the set and shows the ก่อน/หลัง against now on the screen.
    // One point for the whole set: the board never stood half-way through it.
    await openTimeline(presenter, 1);
    await scrubWith(presenter, 'Home');
    const past = presenter.getByTestId('past-board');
    await expect.poll(() => past.getByTestId('past-total').locator('td').first().textContent()).toBe(formatMillionBaht(totalBefore));
    expect(await past.getByTestId('past-projects').locator('tbody tr').count()).toBe(edits.length);
    await showAgainstNowOnScreen(presenter);

    const diff = screen.getByTestId('screen-moment-diff');
    await expect.poll(() => diff.count()).toBe(1);
    expect(await screen.getByTestId('screen-moment-total').locator('td').allTextContents()).toEqual([
      formatMillionBaht(totalBefore),
      formatMillionBaht(frame),
      formatSignedMillionBaht(frame - totalBefore),
    ]);
    // From over the frame to exactly on it.
    expect(await screen.getByTestId('screen-moment-remaining').locator('td').allTextContents()).toEqual([
      `▲${formatMillionBaht(totalBefore - frame)}`,
      formatMillionBaht(0),
      formatSignedMillionBaht(totalBefore - frame),
    ]);
    // Project by project, the largest cuts first; the rest summed in one row.
    const moves = edits
      .map((e) => ({ ...e, by: e.toBaht - before.get(e.projectId)! }))
      .sort((a, b) => Math.abs(b.by) - Math.abs(a.by));
    const rows = diff.locator('tbody.projects tr[data-project]');
    expect(await rows.count()).toBe(6);
    const codes = new Map((await db.project.findMany({ where: { planId: plan.id } })).map((p) => [p.id, p.code]));
    expect(await rows.first().getAttribute('data-project')).toBe(codes.get(moves[0]!.projectId));
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      formatMillionBaht(before.get(moves[0]!.projectId)!),
      formatMillionBaht(moves[0]!.toBaht),
      formatSignedMillionBaht(moves[0]!.by),
    ]);
    const rest = screen.getByTestId('screen-moment-rest');
    expect(await rest.locator('th').textContent()).toContain(`(${edits.length - 6})`);
    expect(await rest.locator('td').last().textContent()).toBe(formatSignedMillionBaht(moves.slice(6).reduce((sum, m) => sum + m.by, 0)));
    expect(await horizontalOverflow(screen)).toBeLessThanOrEqual(0);
    await shot(screen, 'screen-1920-before-after');

    await shot(presenter, 'timeline-1440-before-after');
    await presenter.getByTestId('screen-show-live').click();
    await expect.poll(() => screen.getByTestId('screen-moment').count()).toBe(0);
  }, 150_000);
});
