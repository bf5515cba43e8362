// The room's screen keeps up with everything the committee does to the project in focus: a changed ceiling, a note
// the presenter puts on the screen, and a confirmed resolution.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser('the screen follows the committee live', () => {
  const room = useRoom();


  it('shows a new ceiling, a promoted note and a confirmed resolution on the project in focus', async () => {
    const presenter = await room.joinAs('presenter', 'ผู้นำเสนอ');
    const member = await room.joinAs('member', 'กรรมการ ข');
    const screen = await room.joinAs('observer', 'จอทดสอบ', { width: 1280, height: 720 });
    await screen.goto(`${room.board.url}/meetings/${room.board.meetingId}/screen`);
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
    const project = await room.board.db.project.findFirstOrThrow({ where: { code: 'DG67-001' } });
    const secretary = await room.board.join('secretary', 'เลขานุการ');
    await room.board.db.resolution.create({
      data: {
        meetingId: room.board.meetingId,
        projectId: project.id,
        outcome: 'approved_adjusted',
        ceilingBaht: project.ceilingBaht,
        recordedById: secretary.identity.participantId,
      },
    });
    const chair = await room.joinAs('chair', 'ประธาน');
    await chair.locator('tr[data-project="DG67-001"] th button').click();
    await chair.getByRole('button', { name: 'ยืนยันมติ' }).click();
    await expect.poll(() => screen.getByTestId('screen-resolution').textContent(), { timeout: 10_000 }).toContain('อนุมัติ');
  });
});
