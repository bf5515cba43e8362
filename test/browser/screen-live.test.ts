// The room's screen keeps up with everything the committee does to the project in focus: a changed ceiling, a note
// the presenter puts on the screen (until it is resolved), a note on the agenda item, and a confirmed resolution.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser('the screen follows the committee live', () => {
  const room = useRoom();

  // Four browsers each: under a loaded machine they need more than the default 30 s.
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
  }, 60_000);

  it('takes a note off the screen once its author resolves it, and shows a note the presenter promotes on the agenda item', async () => {
    const presenter = await room.joinAs('presenter', 'ผู้นำเสนอ ค');
    const member = await room.joinAs('member', 'กรรมการ ค');
    const screen = await room.joinAs('observer', 'จอทดสอบ ค', { width: 1280, height: 720 });
    await screen.goto(`${room.board.url}/meetings/${room.board.meetingId}/screen`);
    await expect.poll(() => screen.getByTestId('screen').getAttribute('data-connection'), { timeout: 10_000 }).toBe('live');
    await presenter.getByLabel('ไปที่').fill('DG67-002');
    await presenter.keyboard.press('Enter');
    await expect.poll(() => screen.getByTestId('screen-project').getAttribute('data-project')).toBe('DG67-002');

    await expect.poll(() => member.getByTestId('annotations').isVisible()).toBe(true);
    await member.getByLabel('เขียนบันทึก').fill('ขอตัวชี้วัดผลสัมฤทธิ์ของหลักสูตร');
    await member.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await presenter.locator('tr[data-project="DG67-002"] th button').click();
    const promoted = presenter.getByTestId('note').filter({ hasText: 'ขอตัวชี้วัดผลสัมฤทธิ์ของหลักสูตร' });
    await expect.poll(() => promoted.count(), { timeout: 10_000 }).toBe(1);
    await promoted.getByRole('button', { name: 'แสดงบนจอ' }).click();
    await expect.poll(() => screen.getByTestId('screen-notes').textContent(), { timeout: 10_000 }).toContain('ขอตัวชี้วัดผลสัมฤทธิ์ของหลักสูตร');

    // The discussion it raised is over: its author resolves it, and the screen lets it go.
    const own = member.getByTestId('note').filter({ hasText: 'ขอตัวชี้วัดผลสัมฤทธิ์ของหลักสูตร' });
    await own.getByRole('button', { name: 'ปิดประเด็น' }).click();
    await expect.poll(() => screen.getByTestId('screen-notes').count(), { timeout: 10_000 }).toBe(0);

    // A note on the agenda item goes on the screen the same way, beside the project in focus.
    const agenda = presenter.getByTestId('agenda-item-section');
    await agenda.locator('summary').click();
    const agendaNotes = agenda.getByTestId('agenda-annotations');
    await agendaNotes.getByLabel('เขียนบันทึก').fill('ฝ่ายเลขาฯ สรุปตัวเลขรวมก่อนพักเที่ยง');
    await agendaNotes.getByRole('button', { name: 'บันทึก', exact: true }).click();
    const agendaNote = agendaNotes.getByTestId('note').filter({ hasText: 'ฝ่ายเลขาฯ สรุปตัวเลขรวมก่อนพักเที่ยง' });
    await expect.poll(() => agendaNote.count(), { timeout: 10_000 }).toBe(1);
    await agendaNote.getByRole('button', { name: 'แสดงบนจอ' }).click();
    await expect
      .poll(() => screen.getByTestId('screen-agenda-notes').textContent(), { timeout: 10_000 })
      .toContain('ฝ่ายเลขาฯ สรุปตัวเลขรวมก่อนพักเที่ยง');
  }, 60_000);
});
