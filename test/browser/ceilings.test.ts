// Ceilings in two real browsers: the presenter edits, a member sees it flash with the new total; the member proposes,
// the presenter accepts.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMillionBaht } from '../../server/domain/money.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { readFile } from 'node:fs/promises';
import { readCsv } from '../../server/import/read-table.ts';
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

  it('tells the proposer what became of each proposal, accepted, rejected or withdrawn; the history and the downloaded CSV keep all three', async () => {
    const [chair, member] = await Promise.all([room.joinAs('chair', 'นายประธาน ง'), room.joinAs('member', 'กรรมการ ง')]);
    const propose = async (code: string, amount: string) => {
      const cell = ceilingCell(member, code);
      await cell.getByRole('button').click();
      await cell.getByRole('textbox').fill(amount);
      await cell.getByRole('textbox').press('Enter');
      await expect.poll(() => cell.textContent()).toContain('ส่งข้อเสนอแล้ว');
      const pending = chair.getByTestId('pending-proposals').first().locator('li', { hasText: code });
      await expect.poll(() => pending.count()).toBe(1);
      return { cell, pending };
    };
    const outcome = async (code: string) => ((await ceilingCell(member, code).getByTestId('proposal-outcome').textContent()) ?? '').replace(/\s+/g, ' ');

    // Accepted, with the chair's reason.
    const accepted = await propose('DG67-011', '2.5');
    await accepted.pending.getByLabel('เหตุผลในการพิจารณา (ผู้เสนอจะเห็น)').fill('ตามที่หน่วยงานชี้แจง');
    await accepted.pending.getByRole('button', { name: 'รับข้อเสนอ', exact: true }).click();
    await expect.poll(() => outcome('DG67-011')).toContain('ข้อเสนอได้รับการยอมรับ');
    expect(await outcome('DG67-011')).toContain('โดย นายประธาน ง');
    await expect.poll(() => ceilingCell(member, 'DG67-011').textContent()).toContain('2.5000');

    // Rejected, with the reason.
    const rejected = await propose('DG67-012', '1.75');
    await rejected.pending.getByLabel('เหตุผลในการพิจารณา (ผู้เสนอจะเห็น)').fill('เกินความจำเป็นของโครงการ');
    await rejected.pending.getByRole('button', { name: 'ไม่รับข้อเสนอ', exact: true }).click();
    await expect.poll(() => outcome('DG67-012')).toContain('ข้อเสนอไม่ได้รับการยอมรับ');
    expect(await outcome('DG67-012')).toContain('เหตุผล: เกินความจำเป็นของโครงการ');

    // Withdrawn by the member from the pending list.
    await propose('DG67-013', '4');
    const mine = member.getByTestId('pending-proposals').first().locator('li', { hasText: 'DG67-013' });
    await mine.getByRole('button', { name: 'ถอนข้อเสนอ', exact: true }).click();
    await expect.poll(() => outcome('DG67-013')).toContain('ถอนข้อเสนอแล้ว');
    expect(await outcome('DG67-013')).toContain('โดย กรรมการ ง');
    await expect.poll(() => chair.getByTestId('pending-proposals').first().locator('li', { hasText: 'DG67-013' }).count()).toBe(0);

    // Each project's history shows how its proposal ended.
    for (const [code, kind, label] of [
      ['DG67-011', 'proposal_accepted', 'รับข้อเสนอ'],
      ['DG67-012', 'proposal_rejected', 'ไม่รับข้อเสนอ'],
      ['DG67-013', 'proposal_withdrawn', 'ถอนข้อเสนอ'],
    ] as const) {
      await member.locator(`tr[data-project="${code}"] th button`).click();
      const line = member.getByTestId('ceiling-history').locator(`li[data-kind="${kind}"]`);
      await expect.poll(() => line.textContent(), { timeout: 10_000 }).toContain(label);
      expect(await line.textContent()).toContain(kind === 'proposal_accepted' ? 'นายประธาน ง' : kind === 'proposal_rejected' ? 'เกินความจำเป็นของโครงการ' : 'กรรมการ ง');
      await member.keyboard.press('Escape');
    }

    // The history CSV from the board's download: numbered without gaps, kinds in Thai, the three endings in it.
    const [download] = await Promise.all([member.waitForEvent('download'), member.getByRole('link', { name: 'ประวัติการปรับวงเงิน (CSV)' }).click()]);
    const [header, ...rows] = readCsv((await readFile((await download.path())!)).toString('utf8')).rows.map((row) => row.cells);
    expect(header!.slice(0, 8)).toEqual(['ลำดับ', 'วันที่', 'เวลา', 'รหัส', 'โครงการ', 'ผู้ดำเนินการ', 'บทบาท', 'ประเภท']);
    expect(rows.map((row) => row[0])).toEqual(rows.map((_, index) => String(index + 1)));
    expect(rows.every((row) => !/^[a-z_]+$/.test(row[7]!))).toBe(true);
    const kinds = (code: string) => rows.filter((row) => row[3] === code).map((row) => [row[7], row[9], row[5]]);
    expect(kinds('DG67-011')).toEqual([['รับข้อเสนอ', '2500000', 'นายประธาน ง']]);
    expect(kinds('DG67-012')).toEqual([['ไม่รับข้อเสนอ', '1750000', 'นายประธาน ง']]);
    expect(kinds('DG67-013')).toEqual([['ถอนข้อเสนอ', '4000000', 'กรรมการ ง']]);
  }, 90_000);
});
