// A member opens the board of a 1,000-project plan: the groups start closed and the DOM holds only the rows on show;
// search still finds a project far down the list, opening a group shows it a page at a time, and the project the
// presenter moves to is on show wherever it is.
import { expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { bigPlan } from '../../server/seed/big-plan.ts';
import { writePlanWithMeeting } from '../../server/seed/write-plan.ts';
import { describeInBrowser } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser('a big plan in Chromium', () => {
  const room = useRoom();

  it('keeps only the rows on show in the DOM, and searches over every project', async () => {
    const plan = bigPlan(1_000);
    const meetingId = 'big-plan-browser';
    await writePlanWithMeeting(room.board.db, plan, { planId: 'big-plan-browser-plan', meetingId });
    const join = async (role: 'member') => {
      const page = await (await room.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await page.goto(`${room.board.url}/join/${await room.board.sessions.createInvite({ meetingId, role, name: `${role} ใหญ่` })}`);
      await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
      await page.waitForURL(`**/meetings/${meetingId}`);
      await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 20_000 }).toBe('เชื่อมต่อสด');
      return page;
    };
    const member = await join('member');
    const rows = () => member.locator('tr[data-project]').count();
    expect(await rows()).toBe(0);
    // Totals are over every project, shown or not.
    expect(await member.locator('tfoot').textContent()).toContain('1000');

    const far = plan.projects[987]!;
    await member.getByLabel('ค้นหาโครงการ').fill(far.code);
    await expect.poll(() => member.locator(`tr[data-project="${far.code}"]`).count()).toBe(1);
    expect(await rows()).toBe(1);
    await member.getByLabel('ค้นหาโครงการ').fill('');
    await expect.poll(rows).toBe(0);

    // Opening a group shows its first page of rows, then the next page on asking.
    const approach = member.locator('tbody[data-approach="1.1"]');
    await approach.getByRole('button', { name: 'ขยาย' }).click();
    await expect.poll(rows).toBe(50);
    await approach.getByRole('button', { name: /แสดงโครงการเพิ่ม/ }).click();
    await expect.poll(rows).toBe(100);

    // The presenter's project is on the member's board (following needs a row to scroll to), closed group or not.
    const last = plan.projects.at(-1)!;
    const projectId = (await room.board.db.project.findFirstOrThrow({ where: { code: last.code, planId: 'big-plan-browser-plan' } })).id;
    const { sessionToken } = await room.board.sessions.redeemInvite(await room.board.sessions.createInvite({ meetingId, role: 'presenter' }), 'ผู้นำเสนอ สคริปต์');
    const socket = io(room.board.url, { auth: { meetingId, token: sessionToken }, transports: ['websocket'], forceNew: true, reconnection: false });
    try {
      await new Promise((resolve) => socket.once('session:ready', resolve));
      expect(await socket.emitWithAck('focus:move', { view: { kind: 'project', projectId } })).toHaveProperty('data');
      await expect.poll(() => member.locator(`tr[data-project="${last.code}"]`).count(), { timeout: 10_000 }).toBe(1);
    } finally {
      socket.close();
    }
  }, 120_000);
});
