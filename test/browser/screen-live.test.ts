// The room's screen keeps up with everything the committee does to the project in focus: a changed ceiling, a note
// the presenter puts on the screen, and a confirmed resolution.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../server/shared/roles.ts';
import { startTestBoard, type TestBoard } from '../support/board.ts';
import { describeInBrowser, launchChromium } from '../support/browser.ts';

describeInBrowser('the screen follows the committee live', () => {
  let board: TestBoard;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [board, browser] = await Promise.all([startTestBoard(), launchChromium()]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await board?.stop();
  });

  async function joinAs(role: Role, name: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(board.inviteUrl(role, name));
    await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
    await page.waitForURL(`**/meetings/${board.meetingId}`);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');
    return page;
  }

  it('shows a new ceiling, a promoted note and a confirmed resolution on the project in focus', async () => {
    const presenter = await joinAs('presenter', 'ผู้นำเสนอ');
    const member = await joinAs('member', 'กรรมการ ข');
    const screen = await joinAs('observer', 'จอทดสอบ', { width: 1280, height: 720 });
    await screen.goto(`${board.url}/meetings/${board.meetingId}/screen`);
    await expect.poll(() => screen.getByTestId('screen').getAttribute('data-connection'), { timeout: 10_000 }).toBe('live');

    await presenter.getByRole('button', { name: 'โครงการถัดไป ▶' }).click();
    await expect.poll(() => screen.getByTestId('screen-project').getAttribute('data-project')).toBe('DG67-001');

    // The presenter cuts the ceiling in the table: the screen shows the new figure.
    const cell = presenter.locator('tr[data-project="DG67-001"] [data-testid="ceiling"]');
    await cell.getByRole('button').click();
    await cell.getByRole('textbox').fill('40.1234');
    await cell.getByRole('textbox').press('Enter');
    await expect.poll(() => screen.getByTestId('screen-ceiling').textContent()).toBe('40.1234');

    // A member writes a shared note; the presenter puts it on the screen.
    await expect.poll(() => member.getByTestId('annotations').isVisible()).toBe(true);
    await member.getByLabel('เขียนบันทึก').fill('ควรใช้มาตรฐานข้อมูลกลางร่วมกับ สพร.');
    await member.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await presenter.locator('tr[data-project="DG67-001"] th button').click();
    const note = presenter.getByTestId('note').filter({ hasText: 'ควรใช้มาตรฐานข้อมูลกลางร่วมกับ สพร.' });
    await expect.poll(() => note.count(), { timeout: 10_000 }).toBe(1);
    expect(await screen.getByTestId('screen-notes').count()).toBe(0);
    await note.getByRole('button', { name: 'แสดงบนจอ' }).click();
    await expect.poll(() => screen.getByTestId('screen-notes').textContent(), { timeout: 10_000 }).toContain('ควรใช้มาตรฐานข้อมูลกลางร่วมกับ สพร.');
    await expect.poll(() => screen.getByTestId('screen-notes').textContent()).toContain('กรรมการ ข');

    // A resolution the chair confirms appears on the screen.
    const project = await board.db.project.findFirstOrThrow({ where: { code: 'DG67-001' } });
    const secretary = await board.join('secretary', 'เลขานุการ');
    await board.db.resolution.create({
      data: {
        meetingId: board.meetingId,
        projectId: project.id,
        outcome: 'approved_adjusted',
        ceilingBaht: project.ceilingBaht,
        recordedById: secretary.identity.participantId,
      },
    });
    const chair = await joinAs('chair', 'ประธาน');
    await chair.locator('tr[data-project="DG67-001"] th button').click();
    await chair.getByRole('button', { name: 'ยืนยันมติ' }).click();
    await expect.poll(() => screen.getByTestId('screen-resolution').textContent(), { timeout: 10_000 }).toContain('อนุมัติ');
  });
});
