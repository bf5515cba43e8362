// Ceilings in two real browsers: the presenter edits, a member sees it flash with the new total; the member proposes,
// the presenter accepts.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMillionBaht } from '../../server/domain/money.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { describeInBrowser, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser('live ceilings in Chromium', () => {
  const room = useRoom();


  async function totalCeilings(): Promise<number> {
    const projects = await room.board.db.project.findMany({ select: { ceilingBaht: true } });
    return projects.reduce((sum, p) => sum + bahtFromDb(p.ceilingBaht), 0);
  }

  const ceilingCell = (page: Page, code: string) => page.locator(`tr[data-project="${code}"] [data-testid="ceiling"]`);

  it('the presenter edits a ceiling inline; a member sees it flash with the name, and the new total', async () => {
    const [presenter, member] = await Promise.all([room.joinAs('presenter', 'นายผู้นำ เสนอ'), room.joinAs('member', 'นางกรรม การ')]);
    const cell = ceilingCell(presenter, 'DG67-005');
    await cell.getByRole('button').click();
    const input = cell.getByRole('textbox');
    await input.fill('abc');
    await expect.poll(() => cell.textContent()).toContain('อ่านเป็นจำนวนเงินไม่ได้');
    await input.press('Enter');
    await input.fill('12.5');
    await expect.poll(() => cell.textContent()).toContain('= 12.5000 ล้านบาท');
    await input.press('Enter');

    const seen = ceilingCell(member, 'DG67-005');
    await expect.poll(() => seen.textContent()).toContain('12.5000');
    await expect.poll(() => seen.textContent()).toContain('แก้โดย นายผู้นำ เสนอ');
    const total = formatMillionBaht(await totalCeilings());
    await expect.poll(() => member.getByTestId('total-ceilings').textContent()).toBe(total);
    await expect.poll(() => presenter.getByTestId('total-ceilings').textContent()).toBe(total);

    // Escape leaves the value as it was.
    await cell.getByRole('button').click();
    await cell.getByRole('textbox').fill('1');
    await cell.getByRole('textbox').press('Escape');
    await expect.poll(() => cell.getByRole('button').textContent()).toContain('12.5000');

    // Keyboard only: Enter opens the cell, Tab saves and moves on.
    const next = ceilingCell(presenter, 'DG67-007');
    await next.getByRole('button').focus();
    await presenter.keyboard.press('Enter');
    await next.getByRole('textbox').fill('1');
    await presenter.keyboard.press('Tab');
    await expect.poll(() => ceilingCell(member, 'DG67-007').textContent()).toMatch(/^\s*1\.0000/);

    // The project's history, in the side panel.
    await member.locator('tr[data-project="DG67-005"] th button').click();
    const history = member.getByTestId('ceiling-history');
    await expect.poll(() => history.textContent()).toContain('กำหนดวงเงิน');
    await expect.poll(() => history.textContent()).toContain('นายผู้นำ เสนอ (ผู้นำเสนอ)');
  });

  it("a member's proposal appears for the presenter, who accepts it, and both boards show the new ceiling", async () => {
    const [presenter, member] = await Promise.all([room.joinAs('presenter', 'ผู้นำเสนอ ข'), room.joinAs('member', 'กรรมการ ข')]);
    const cell = ceilingCell(member, 'DG67-006');
    await cell.getByRole('button').click();
    await cell.getByRole('textbox').fill('3.25');
    await cell.getByRole('textbox').press('Enter');
    await expect.poll(() => cell.textContent()).toContain('ส่งข้อเสนอแล้ว');

    const proposals = presenter.getByTestId('pending-proposals').first();
    await expect.poll(() => proposals.textContent()).toContain('เสนอโดย กรรมการ ข');
    await expect.poll(() => proposals.textContent()).toContain('3.2500');
    await proposals.getByRole('button', { name: 'รับข้อเสนอ', exact: true }).click();

    await expect.poll(() => ceilingCell(presenter, 'DG67-006').textContent()).toContain('3.2500');
    await expect.poll(() => ceilingCell(member, 'DG67-006').textContent()).toContain('3.2500');
    await expect.poll(() => proposals.textContent()).toContain('ไม่มีข้อเสนอที่รอพิจารณา');
    await expect.poll(async () => (await room.board.db.ceilingChange.findFirst({ where: { kind: 'proposal_accepted' } }))?.toBaht).toBe(3_250_000n);
  });

  it('tells the member who rejected their proposal, when and why, in the table and in the project history', async () => {
    const [chair, member] = await Promise.all([room.joinAs('chair', 'นายประธาน ค'), room.joinAs('member', 'กรรมการ ค')]);
    const cell = ceilingCell(member, 'DG67-007');
    await cell.getByRole('button').click();
    await cell.getByRole('textbox').fill('1.5');
    await cell.getByRole('textbox').press('Enter');
    await expect.poll(() => cell.textContent()).toContain('ส่งข้อเสนอแล้ว');

    const proposals = chair.getByTestId('pending-proposals').first();
    await expect.poll(() => proposals.textContent()).toContain('เสนอโดย กรรมการ ค');
    await proposals.getByLabel('เหตุผลในการพิจารณา (ผู้เสนอจะเห็น)').fill('รอผลการประเมินโครงการก่อน');
    await proposals.getByRole('button', { name: 'ไม่รับข้อเสนอ', exact: true }).click();

    // No more "sent, waiting": the outcome, who, and why.
    await expect.poll(() => cell.getByTestId('proposal-outcome').textContent()).toContain('ข้อเสนอไม่ได้รับการยอมรับ');
    const outcome = (await cell.getByTestId('proposal-outcome').textContent()) ?? '';
    expect(outcome).toContain('โดย นายประธาน ค');
    expect(outcome).toContain('เหตุผล: รอผลการประเมินโครงการก่อน');
    expect(outcome).not.toContain('ส่งข้อเสนอแล้ว');
    await screenshot(member, 'proposal-rejected-1440');

    await member.locator('tr[data-project="DG67-007"] th button').click();
    const history = member.getByTestId('ceiling-history');
    await expect.poll(() => history.locator('li[data-kind="proposal_rejected"]').textContent()).toContain('ไม่รับข้อเสนอ');
    const line = (await history.locator('li[data-kind="proposal_rejected"]').textContent()) ?? '';
    expect(line).toContain('1.5000');
    expect(line).toContain('นายประธาน ค (ประธาน)');
    expect(line).toContain('รอผลการประเมินโครงการก่อน');
    expect(line).toContain('เสนอโดย กรรมการ ค');
    for (const width of [390, 768]) {
      await member.setViewportSize({ width, height: 900 });
      await screenshot(member, `proposal-history-${width}`);
    }
  }, 60_000);
});
