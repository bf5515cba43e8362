// The replay "how the frame was reached" in Chromium: after a presenter's changes under two agenda items, a member
// opens it from the board, sees each change with the running total under its agenda item, on a phone without
// sideways scrolling, and downloads the XLSX.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { formatMillionBaht } from '../../server/domain/money.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser('the replay of the meeting record in Chromium', () => {
  const room = useRoom();

  it('shows every change grouped by agenda item with the running total, at 390, 768 and 1440 px', async () => {
    const { socket } = await room.board.connect('presenter', 'นายผู้นำเสนอ ทดลอง');
    const db = room.board.db;
    const agenda = await db.agendaItem.findMany({ where: { meetingId: room.board.meetingId }, orderBy: { position: 'asc' } });
    const projects = await db.project.findMany({ where: { plan: { meetings: { some: { id: room.board.meetingId } } } }, orderBy: { position: 'asc' } });
    const set = async (index: number, cutBaht: number, reason: string) => {
      const p = await db.project.findUniqueOrThrow({ where: { id: projects[index]!.id } });
      const reply = await socket.emitWithAck('ceilings:set', { projectId: p.id, toBaht: bahtFromDb(p.ceilingBaht) - cutBaht, expectedVersion: p.version, reason });
      expect(reply).toHaveProperty('data');
    };
    expect(await socket.emitWithAck('agenda:move', { agendaItemId: agenda[1]!.id })).toHaveProperty('data');
    await set(0, 12_500_000, 'ตัดค่าครุภัณฑ์ที่ซ้ำซ้อน');
    await set(1, 3_000_000, 'ปรับลดค่าจ้างที่ปรึกษาตามมติ');
    expect(await socket.emitWithAck('agenda:move', { agendaItemId: agenda[2]!.id })).toHaveProperty('data');
    await set(2, 7_250_000, 'ลดขนาดโครงการนำร่อง');

    const member = await room.joinAs('member', 'นางกรรมการ ตรวจสอบ', { width: 1440, height: 900 });
    await member.getByRole('link', { name: 'ที่มาของกรอบวงเงิน' }).click();
    await member.waitForURL('**/replay');
    await expect.poll(() => member.getByTestId('change-count').textContent()).toBe('3');
    const groups = member.locator('section.group');
    expect(await groups.count()).toBe(2);
    expect(await groups.nth(0).locator('h2').textContent()).toContain(agenda[1]!.number);
    expect(await groups.nth(0).locator('tbody tr').count()).toBe(2);
    const plan = await db.plan.findFirstOrThrow({ where: { meetings: { some: { id: room.board.meetingId } } } });
    const ceilings = (await db.project.findMany({ where: { planId: plan.id } })).reduce((sum, p) => sum + bahtFromDb(p.ceilingBaht), 0);
    const lastRow = groups.nth(1).locator('tbody tr').last();
    expect(await lastRow.locator('td').nth(8).textContent()).toBe(formatMillionBaht(ceilings));
    expect(await lastRow.locator('td').nth(9).textContent()).toBe(formatMillionBaht(bahtFromDb(plan.frameBaht) - ceilings));
    await screenshot(member, 'record-1440', { fullPage: true });

    for (const width of [768, 390]) {
      await member.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(member), `sideways scroll at ${width}`).toBeLessThanOrEqual(0);
      await screenshot(member, `record-${width}`, { fullPage: true });
    }

    const download = member.waitForEvent('download');
    await member.getByRole('link', { name: 'ดาวน์โหลด Excel (XLSX)' }).click();
    expect((await download).suggestedFilename()).toBe('frame-record.xlsx');
    await switchToEnglish(member);
    expect(await member.locator('h1').textContent()).toBe('How the frame was reached');
    await screenshot(member, 'record-390-en', { fullPage: true });
  });
});

async function switchToEnglish(page: Page) {
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
}
