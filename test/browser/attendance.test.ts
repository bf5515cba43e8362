// The secretary takes attendance on a phone: a roster of six, two of them on the board; one member absent with a
// reason, one represented by a substitute who never joined, one present in the room without a device. The chair's
// board shows the quorum change live (with a label a screen reader reads), the chair's open attendance page follows
// without a reload, and the minutes write the same figure. The page never scrolls sideways at 390 px.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';
import type { CommitteePosition, MeetingRole } from '../../server/shared/people.ts';

const SHOTS = '/tmp/attendance';

/** A PDF's text page by page, as pdftotext reads it, without the exported file's page numbers ("1 / 2"). */
async function pdfPages(pdf: Buffer, name: string): Promise<string[]> {
  const file = `${SHOTS}/${name}.pdf`;
  await writeFile(file, pdf);
  const { stdout } = await promisify(execFile)('pdftotext', [file, '-']);
  return stdout
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' ').trim().replace(/ ?\d+ ?\/ ?\d+$/, ''))
    .filter((page) => page !== '');
}
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** How far the page scrolls sideways: the scrolling element wider than the viewport. */
const sideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

async function shootAtWidths(page: Page, name: string, fullPage = true) {
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    expect(await sideways(page), `${name} at ${viewport.width}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/${name}-${viewport.width}.png`, fullPage });
  }
}

const ROSTER: [string, CommitteePosition, MeetingRole][] = [
  ['นายประธาน สูงสุด', 'chair', 'chair'],
  ['นายรอง ประธาน', 'vice_chair', 'member'],
  ['นางกรรมการ หนึ่ง', 'member', 'member'],
  ['นายกรรมการ สอง', 'member', 'member'],
  ['นางสาวกรรมการ สาม', 'member', 'member'],
  ['นางสาวเลขา ใจดี', 'member_secretary', 'secretary'],
];

describeInBrowser('taking attendance', () => {
  const room = useRoom();

  it('marks an absence with its reason, a substitute and a member without a device; the quorum follows live', async () => {
    await mkdir(SHOTS, { recursive: true });
    const { board } = room;
    const { planId } = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId }, select: { planId: true } });
    const ids = new Map<string, string>();
    for (const [order, [nameTh, position, meetingRole]] of ROSTER.entries()) {
      ids.set(nameTh, (await board.db.rosterMember.create({ data: { planId, nameTh, position, agencyTh: 'สำนักงบประมาณ', meetingRole, order } })).id);
    }
    const chair = await room.joinAs('chair', 'นายประธาน สูงสุด', undefined, { rosterMemberId: ids.get('นายประธาน สูงสุด')! });
    const secretary = await room.joinAs('secretary', 'นางสาวเลขา ใจดี', { width: 390, height: 844 }, { rosterMemberId: ids.get('นางสาวเลขา ใจดี')! });
    const badge = chair.getByTestId('quorum-badge');
    await expect.poll(() => badge.getAttribute('aria-label'), { timeout: 10_000 }).toBe('ไม่ครบองค์ประชุม: กรรมการมาประชุม 2 จาก 6');

    // The chair's own attendance page is open too: it must follow without a reload.
    const chairSheet = await chair.context().newPage();
    await chairSheet.goto(`${board.url}/meetings/${board.meetingId}/attendance`);
    // A mark on the page's window: a reload would lose it.
    await chairSheet.evaluate(() => Object.assign(window, { notReloaded: true }));

    await secretary.getByRole('link', { name: 'การลงเวลาประชุม' }).click();
    await secretary.waitForURL('**/attendance');
    expect(await sideways(secretary)).toBeLessThanOrEqual(0);
    const member = (nameTh: string) => secretary.locator(`li[data-member="${nameTh}"]`);
    // Every roster member is listed, joined or not; the secretary is on the board from this phone.
    await expect.poll(() => secretary.locator('li[data-member]').count()).toBe(6);
    expect(await member('นางสาวเลขา ใจดี').getByTestId('member-standing').textContent()).toContain('อยู่บนกระดาน');
    expect(await member('นางกรรมการ หนึ่ง').getByTestId('member-standing').textContent()).toContain('ยังไม่ระบุ');

    // Absent, with a reason.
    const absent = member('นายรอง ประธาน');
    await absent.getByRole('radio', { name: 'ไม่มา' }).click();
    await absent.getByLabel('เหตุที่ไม่มา').selectOption('ลาป่วย');
    await absent.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => absent.getByTestId('member-standing').textContent()).toContain('ไม่มาประชุม: ลาป่วย');

    // A substitute who never joined on a device.
    const represented = member('นางกรรมการ หนึ่ง');
    await represented.getByRole('radio', { name: 'มีผู้แทน' }).click();
    await represented.getByLabel('ชื่อผู้แทน').fill('นายแทน มาแทน');
    await represented.getByLabel('ตำแหน่งและหน่วยงานของผู้แทน').fill('ผู้อำนวยการกองงบประมาณ');
    expect(await sideways(secretary)).toBeLessThanOrEqual(0);
    await represented.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => represented.getByTestId('member-standing').textContent()).toContain('นายแทน มาแทน (ผู้แทน นางกรรมการ หนึ่ง) ผู้อำนวยการกองงบประมาณ');

    // Present in the room, no device.
    const inRoom = member('นายกรรมการ สอง');
    await inRoom.getByRole('radio', { name: 'มา', exact: true }).click();
    await expect.poll(() => inRoom.getByTestId('member-standing').textContent()).toContain('ไม่มีอุปกรณ์');
    expect(await inRoom.getByTestId('member-standing').textContent()).toContain('มาประชุม');

    // The chair's board: 4 of 6 (the chair, the secretary, the substitute and the member in the room).
    await expect.poll(() => badge.getAttribute('aria-label'), { timeout: 10_000 }).toBe('ครบองค์ประชุม: กรรมการมาประชุม 4 จาก 6');
    expect(await badge.textContent()).toContain('ครบองค์ประชุม 4/6');
    expect(await chair.getByRole('status', { name: 'ครบองค์ประชุม: กรรมการมาประชุม 4 จาก 6' }).count()).toBe(1);
    // The chair's attendance page followed, with no reload; the room's people are not in the presence list.
    await expect.poll(() => chairSheet.locator('li[data-member="นายรอง ประธาน"]').getByTestId('member-standing').textContent()).toContain('ลาป่วย');
    await expect.poll(() => chairSheet.getByTestId('quorum-badge').getAttribute('aria-label')).toBe('ครบองค์ประชุม: กรรมการมาประชุม 4 จาก 6');
    expect(await chairSheet.evaluate(() => 'notReloaded' in window)).toBe(true);
    const presence = chair.getByTestId('presence');
    await presence.locator('summary').click();
    await expect.poll(() => presence.locator('tbody tr').count()).toBe(2);
    await presence.locator('summary').click();

    await shootAtWidths(secretary, 'attendance-page');
    await shootAtWidths(chair, 'board-quorum', false);

    // The minutes write the same figure.
    const minutes = await chair.context().newPage();
    await minutes.goto(`${board.url}/meetings/${board.meetingId}/minutes`);
    await expect.poll(() => minutes.locator('.ProseMirror').textContent(), { timeout: 15_000 }).toContain('ครบองค์ประชุม (กรรมการมาประชุม 4 คน จากทั้งหมด 6 คน)');
    const text = (await minutes.locator('.ProseMirror').textContent()) ?? '';
    expect(text).toMatch(/นายแทน มาแทน \(ผู้แทน นางกรรมการ หนึ่ง\)\s+ผู้อำนวยการกองงบประมาณ\s+กรรมการ/);
    expect(text).toContain('ลาป่วย');

    // Printed by the browser (print media, as the print preview shows it), the minutes page is the exported PDF.
    const printed = await pdfPages(await minutes.pdf({ format: 'A4' }), 'minutes-printed');
    const exported = await minutes.request.get(`${board.url}/meetings/${board.meetingId}/export/minutes.pdf`);
    expect(exported.status()).toBe(200);
    const filed = await pdfPages(await exported.body(), 'minutes-exported');
    expect(printed.join('\n')).toContain('องค์ประชุม ครบองค์ประชุม (กรรมการมาประชุม 4 คน จากทั้งหมด 6 คน)');
    expect(printed).toEqual(filed);
    // No app chrome in print: the toolbar and the page's bar are not on paper.
    expect(printed.join('\n')).not.toContain('กลับไปที่กระดาน');
  }, 120_000);
});
