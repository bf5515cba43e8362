// The agenda item under discussion carries its own resolution and notes: the secretary records a resolution, the chair
// confirms it, and members annotate the item live.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser('the current agenda item in Chromium', () => {
  const room = useRoom();

  it('records and confirms a resolution on the agenda item, and shares a note on it', async () => {
    const [secretary, chair, member, other] = await Promise.all([
      room.joinAs('secretary', 'เลขานุการ ก'),
      room.joinAs('chair', 'ประธาน ก'),
      room.joinAs('member', 'กรรมการ ก'),
      room.joinAs('member', 'กรรมการ ข'),
    ]);
    for (const page of [secretary, chair, member, other]) {
      await page.getByTestId('agenda-item-section').locator('summary').click();
    }
    await expect.poll(() => secretary.getByTestId('agenda-item-section').locator('summary').textContent()).toContain(
      'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ',
    );

    const section = secretary.getByTestId('agenda-resolution-section');
    await section.getByLabel('รับทราบ').check();
    await section.getByLabel('ข้อความมติ').fill('ที่ประชุมรับทราบ');
    await section.getByRole('button', { name: 'บันทึกมติ' }).click();
    await expect.poll(() => chair.getByTestId('agenda-resolution-standing').textContent(), { timeout: 10_000 }).toContain('รับทราบ');

    await chair.getByTestId('agenda-resolution-section').getByRole('button', { name: 'ยืนยันมติ' }).click();
    await expect.poll(() => secretary.getByTestId('agenda-resolution-standing').textContent(), { timeout: 10_000 }).toContain('ยืนยันแล้ว');
    const stored = await room.board.db.resolution.findFirstOrThrow({ where: { agendaItemId: { not: null } } });
    expect(stored).toMatchObject({ outcome: 'noted', status: 'confirmed', textTh: 'ที่ประชุมรับทราบ', projectId: null });

    const notes = member.getByTestId('agenda-annotations');
    await notes.getByLabel('เขียนบันทึก').fill('ขอให้แจ้งผลการหารือกับสำนักงบประมาณ');
    await notes.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await expect
      .poll(() => other.getByTestId('agenda-annotations').getByTestId('note').filter({ hasText: 'ขอให้แจ้งผลการหารือกับสำนักงบประมาณ' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
  });
});
