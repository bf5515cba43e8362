// The meeting timeline in Chromium: the presenter changes ceilings under two agenda items and a proposal is accepted;
// a member opens the timeline under the totals strip, scrubs back with the keyboard and by dragging on the chart, sees
// the board as it stood (totals, goals, the projects that differ from now), read-only, then goes back to now; a change
// made while the timeline is open extends it. Screenshots at 390, 768 and 1440 px.
import { expect, it } from 'vitest';
import { bahtFromDb } from '../../server/db/client.ts';
import { formatMillionBaht } from '../../server/domain/money.ts';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser('the meeting timeline in Chromium', () => {
  const room = useRoom();

  it('scrubs back to before the changes and shows the board as it stood, then returns to now', async () => {
    const db = room.board.db;
    const plan = await db.plan.findFirstOrThrow({ where: { meetings: { some: { id: room.board.meetingId } } } });
    const totalCeilings = async () => (await db.project.findMany({ where: { planId: plan.id } })).reduce((sum, p) => sum + bahtFromDb(p.ceilingBaht), 0);
    const before = await totalCeilings();

    const { socket: presenter } = await room.board.connect('presenter', 'นายผู้นำเสนอ ทดลอง');
    const { socket: chair } = await room.board.connect('chair', 'นายประธาน ทดลอง');
    const { socket: proposer } = await room.board.connect('member', 'นางสาวผู้เสนอ ทดลอง');
    const agenda = await db.agendaItem.findMany({ where: { meetingId: room.board.meetingId }, orderBy: { position: 'asc' } });
    const projects = await db.project.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
    const set = async (index: number, cutBaht: number) => {
      const p = await db.project.findUniqueOrThrow({ where: { id: projects[index]!.id } });
      expect(await presenter.emitWithAck('ceilings:set', { projectId: p.id, toBaht: bahtFromDb(p.ceilingBaht) - cutBaht, expectedVersion: p.version, reason: 'ปรับลด' })).toHaveProperty('data');
    };
    expect(await presenter.emitWithAck('agenda:move', { agendaItemId: agenda[1]!.id })).toHaveProperty('data');
    await set(0, 12_500_000);
    await set(1, 3_000_000);
    expect(await presenter.emitWithAck('agenda:move', { agendaItemId: agenda[2]!.id })).toHaveProperty('data');
    const c = await db.project.findUniqueOrThrow({ where: { id: projects[2]!.id } });
    const proposed = await proposer.emitWithAck('ceilings:propose', { projectId: c.id, proposedBaht: bahtFromDb(c.ceilingBaht) - 7_250_000, baseVersion: c.version, reason: 'เสนอลด' });
    if (!('data' in proposed)) throw new Error(JSON.stringify(proposed));
    expect(await chair.emitWithAck('ceilings:decide', { proposalId: proposed.data.proposed!.id, decision: 'accept', expectedVersion: c.version })).toHaveProperty('data');
    const after = await totalCeilings();

    const member = await room.joinAs('member', 'นางกรรมการ ย้อนดู', { width: 1440, height: 1000 });
    await member.getByRole('button', { name: 'ไทม์ไลน์การประชุม' }).click();
    const scrubber = member.getByRole('slider', { name: 'เลื่อนดูย้อนหลัง' });
    await expect.poll(() => scrubber.getAttribute('max')).toBe('3');
    expect(await member.getByTestId('timeline-point').textContent()).toContain(formatMillionBaht(after));
    await member.getByLabel('แยกตามเป้าหมาย').check();
    expect(await member.locator('svg path.goal').count()).toBe(3);
    await screenshot(member, 'timeline-1440-now');

    // Keyboard: Home goes to before the first change.
    await scrubber.focus();
    await member.keyboard.press('Home');
    const past = member.getByTestId('past-board');
    await expect.poll(() => past.getByRole('status').textContent()).toContain('กำลังดูย้อนหลัง');
    expect(await past.getByRole('status').textContent()).toContain('กลับสู่ปัจจุบัน');
    expect(await past.getByTestId('past-total').locator('td').first().textContent()).toBe(formatMillionBaht(before));
    expect(await past.getByTestId('past-total').locator('td').nth(1).textContent()).toBe(formatMillionBaht(after));
    expect(await past.getByTestId('past-projects').locator('tbody tr').count()).toBe(3);
    // Read-only: the live list and its editing are not there while the past is shown.
    expect(await member.locator('tr[data-project] button.ceiling-button, tr[data-project] input').count()).toBe(0);
    expect(await member.locator('.workspace').isVisible()).toBe(false);
    await screenshot(member, 'timeline-1440-past', { fullPage: true });

    // One step right: after the first change, two projects differ from now.
    await member.keyboard.press('ArrowRight');
    await expect.poll(() => past.getByTestId('past-projects').locator('tbody tr').count()).toBe(2);

    // Dragging on the chart to its right end is now again.
    const chart = member.locator('[data-testid="timeline"] svg');
    const box = (await chart.boundingBox())!;
    await member.mouse.move(box.x + box.width * 0.02, box.y + box.height / 2);
    await member.mouse.down();
    await expect.poll(() => past.getByTestId('past-projects').locator('tbody tr').count()).toBe(3);
    await member.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 5 });
    await member.mouse.up();
    await expect.poll(() => member.getByTestId('past-board').count()).toBe(0);
    expect(await member.locator('.workspace').isVisible()).toBe(true);

    // Back in the past, then the button returns to now.
    await scrubber.focus();
    await member.keyboard.press('Home');
    await member.getByRole('button', { name: 'กลับสู่ปัจจุบัน' }).click();
    await expect.poll(() => member.getByTestId('past-board').count()).toBe(0);

    // A change while the timeline is open extends it.
    await set(3, 1_000_000);
    await expect.poll(() => scrubber.getAttribute('max'), { timeout: 10_000 }).toBe('4');

    for (const width of [768, 390]) {
      await member.setViewportSize({ width, height: 1000 });
      await scrubber.focus();
      await member.keyboard.press('Home');
      await expect.poll(() => member.getByTestId('past-board').count()).toBe(1);
      expect(await horizontalOverflow(member), `sideways scroll at ${width}`).toBeLessThanOrEqual(0);
      await member.getByTestId('timeline').scrollIntoViewIfNeeded();
      await screenshot(member, `timeline-${width}-past`);
      await member.getByRole('button', { name: 'กลับสู่ปัจจุบัน' }).click();
    }
  });
});
