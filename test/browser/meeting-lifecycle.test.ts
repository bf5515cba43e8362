// Opening and closing a meeting as people do it, in Chromium: the organiser opens it from the meeting's set-up page,
// every board shows the new phase at once; the chair closes it from the board after a confirmation (cancelled once);
// the closed board offers no more editing. A member has no buttons. Screenshots at phone and desktop widths.
import { mkdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { organiserLinkLines } from '../../server/invite-links.ts';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const SHOTS = '/tmp/lifecycle';

describeInBrowser('opening and closing a meeting', () => {
  const room = useRoom();
  let organiser: Page;
  let chair: Page;
  let member: Page;
  const phase = (page: Page) => page.getByTestId('meeting-phase').textContent();
  /** The set-up pages whole; a board as the person sees it (its list runs to hundreds of rows). */
  const shot = async (page: Page, name: string) => {
    const fullPage = !name.startsWith('board');
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
    await screenshot(page, name, { fullPage });
  };

  it('shows a scheduled meeting as such, with the open button only for those who may open it', async () => {
    await room.board.db.meeting.update({ where: { id: room.board.meetingId }, data: { status: 'scheduled', openedAt: null, closedAt: null } });
    [chair, member] = await Promise.all([room.joinAs('chair', 'นายประธาน ทดลอง'), room.joinAs('member', 'นางกรรมการ ทดลอง', { width: 390, height: 844 })]);
    expect(await phase(member)).toBe('นัดประชุมแล้ว ยังไม่เปิดประชุม');
    expect(await member.getByRole('button', { name: 'เปิดประชุม' }).count()).toBe(0);
    expect(await chair.getByRole('button', { name: 'เปิดประชุม' }).count()).toBe(1);
    expect(await horizontalOverflow(member)).toBe(0);
    await shot(member, 'board-scheduled-390');
    await shot(chair, 'board-scheduled-1440');
  });

  it('opens from the set-up page, and every board shows it in session', async () => {
    const [, line] = await organiserLinkLines(room.board.organisers, room.board.url);
    organiser = await (await room.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await organiser.goto(line!.match(/(http\S+)/)![1]!);
    await organiser.getByLabel('ชื่อ-นามสกุล').fill('นางสาวจัดการ ประชุม');
    await organiser.getByRole('button', { name: 'เข้าใช้งาน' }).click();
    await organiser.waitForURL('**/setup');
    await organiser.getByRole('link', { name: 'ตั้งค่าการประชุม' }).first().click();
    await organiser.waitForURL(`**/setup/meetings/${room.board.meetingId}`);
    expect(await organiser.getByTestId('phase-label').textContent()).toBe('นัดประชุมแล้ว ยังไม่เปิดประชุม');
    await shot(organiser, 'setup-meeting-scheduled-1440');
    await organiser.getByRole('button', { name: 'เปิดประชุม' }).click();
    await expect.poll(() => organiser.getByTestId('phase-label').textContent()).toBe('กำลังประชุม');
    expect(await organiser.getByTestId('phase-controls').textContent()).toContain('เริ่มประชุมเวลา');
    await expect.poll(() => phase(member)).toBe('กำลังประชุม');
    await expect.poll(() => phase(chair)).toBe('กำลังประชุม');
    expect((await room.board.db.meeting.findUniqueOrThrow({ where: { id: room.board.meetingId } })).openedAt).not.toBeNull();
    await organiser.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(organiser)).toBe(0);
    await shot(organiser, 'setup-meeting-in-session-390');
  });

  it('closes from the board after a confirmation; the closed board is read-only for everyone', async () => {
    expect(await member.getByRole('button', { name: 'เสนอวงเงิน' }).count()).toBeGreaterThan(0);
    await chair.getByRole('button', { name: 'ปิดประชุม' }).click();
    expect(await chair.getByRole('group').filter({ hasText: 'อ่านได้อย่างเดียว' }).count()).toBe(1);
    await shot(chair, 'board-close-confirm-1440');
    await chair.getByRole('button', { name: 'ยกเลิก' }).click();
    expect(await phase(chair)).toBe('กำลังประชุม');
    await chair.getByRole('button', { name: 'ปิดประชุม' }).click();
    await chair.getByRole('button', { name: 'ยืนยันปิดประชุม' }).click();
    await expect.poll(() => phase(member)).toBe('ปิดประชุมแล้ว');
    await expect.poll(() => phase(chair)).toBe('ปิดประชุมแล้ว');
    expect((await room.board.db.meeting.findUniqueOrThrow({ where: { id: room.board.meetingId } })).closedAt).not.toBeNull();
    await expect.poll(() => member.getByRole('button', { name: 'เสนอวงเงิน' }).count()).toBe(0);
    expect(await chair.getByRole('button', { name: 'แก้ไขวงเงินที่กำหนด' }).count()).toBe(0);
    expect(await chair.getByRole('button', { name: /เปิดประชุม|ปิดประชุม/ }).count()).toBe(0);
    expect(await chair.getByTestId('phase-controls').textContent()).toContain('เลิกประชุมเวลา');
    await shot(chair, 'board-closed-1440');
    await shot(member, 'board-closed-390');
  });
});
