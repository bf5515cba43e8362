// A secretary on the board invites a presenter but is never offered the chair's role; the chair is, and their link
// seats a chair.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestBoard, type TestBoard } from '../support/board.ts';
import { describeInBrowser, launchChromium, screenshot } from '../support/browser.ts';

describeInBrowser('invites within one\'s authority, in Chromium', () => {
  let board: TestBoard;
  let browser: Browser;

  beforeAll(async () => {
    [board, browser] = await Promise.all([startTestBoard(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await board?.stop();
  });

  async function joinAs(role: 'secretary' | 'chair', name: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(await board.inviteUrl(role, name));
    await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
    await page.waitForURL(`**/meetings/${board.meetingId}`);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 15_000 }).toBe('เชื่อมต่อสด');
    return page;
  }
  const roleOptions = (page: Page) => page.getByLabel('บทบาทของผู้ได้รับเชิญ').locator('option').allTextContents();

  it('offers the secretary every role but the chair\'s, and makes a presenter\'s link', async () => {
    const page = await joinAs('secretary', 'นางสาวเลขา ทดสอบ');
    expect(await roleOptions(page)).toEqual(['ผู้นำเสนอ', 'กรรมการ', 'ฝ่ายเลขานุการ', 'ผู้สังเกตการณ์']);
    await page.getByLabel('บทบาทของผู้ได้รับเชิญ').selectOption({ label: 'ผู้นำเสนอ' });
    await page.getByLabel('ชื่อ (ไม่บังคับ)').fill('ผู้แทนหน่วยงาน');
    await page.getByRole('button', { name: 'สร้างลิงก์เชิญ' }).click();
    const link = page.getByTestId('invite-url');
    await expect.poll(() => link.inputValue()).toContain('/join/');
    await link.scrollIntoViewIfNeeded();
    await screenshot(page, 'invite-secretary-1440');
    const invite = await board.db.invite.findFirstOrThrow({ where: { meetingId: board.meetingId, issuedByName: 'นางสาวเลขา ทดสอบ' } });
    expect(invite.role).toBe('presenter');
    await page.context().close();
  });

  it('offers the chair the chair\'s role too', async () => {
    const page = await joinAs('chair', 'นายประธาน ทดสอบ');
    expect(await roleOptions(page)).toEqual(['ประธาน', 'ผู้นำเสนอ', 'กรรมการ', 'ฝ่ายเลขานุการ', 'ผู้สังเกตการณ์']);
    await page.context().close();
  });
});
