// Project resolutions in bulk in Chromium: the secretary defers one approach with a tick of its box, records one
// exception by itself, and drafts every remaining project "approved at the ceiling set"; the chair's page follows live
// and confirms the whole list in one action. The clicks it took for all 78 sample projects are counted. Screenshots at
// 390, 768, 1440 and 1920x1080 under /tmp/bulk/, none scrolling sideways.
import { mkdir } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMillionBaht } from '../../server/domain/money.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { describeInBrowser, horizontalOverflow } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const SHOTS = '/tmp/bulk';

describeInBrowser('project resolutions in bulk in Chromium', () => {
  const room = useRoom();

  it('drafts 78 resolutions in a few clicks, one exception by itself, and the chair confirms the list at once', async () => {
    await mkdir(SHOTS, { recursive: true });
    const db = room.board.db;
    const projects = await db.project.findMany({
      where: { plan: { meetings: { some: { id: room.board.meetingId } } } },
      orderBy: { position: 'asc' },
      include: { approach: true },
    });
    expect(projects).toHaveLength(78);
    const deferredApproach = projects[0]!.approach.code;
    const deferred = projects.filter((p) => p.approach.code === deferredApproach);
    const exception = projects.find((p) => p.approach.code !== deferredApproach)!;

    const secretary = await room.joinAs('secretary', 'นางสาวเลขา รวบยอด', { width: 1440, height: 1000 });
    const chair = await room.joinAs('chair', 'นายประธาน ยืนยันรวม', { width: 1440, height: 1000 });
    let clicks = 0;
    const click = async (page: Page, role: 'link' | 'button' | 'checkbox' | 'radio', name: string) => {
      clicks += 1;
      await page.getByRole(role, { name, exact: true }).click();
    };

    // Both open the page from the board.
    await click(secretary, 'link', 'บันทึกมติรายโครงการ');
    await click(chair, 'link', 'บันทึกมติรายโครงการ');
    for (const page of [secretary, chair]) {
      await page.waitForURL('**/resolutions');
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('เชื่อมต่อสด');
    }
    // Only the secretary records; only the chair confirms.
    expect(await chair.getByRole('button', { name: /บันทึกร่างมติ/ }).count()).toBe(0);
    expect(await chair.getByRole('checkbox', { name: /เลือกโครงการ/ }).count()).toBe(0);
    expect(await secretary.getByTestId('bulk-counts').textContent()).toContain('ยังไม่มีมติ 78');

    // One approach deferred: its box selects its projects (by keyboard), one more click records them.
    const approachBox = secretary.getByRole('checkbox', { name: `เลือกทั้งหมดในแนวทางนี้: แนวทางที่ ${deferredApproach}` });
    await approachBox.focus();
    await secretary.keyboard.press('Space');
    clicks += 1;
    expect(await secretary.getByTestId('bulk-counts').textContent()).toContain(`เลือกแล้ว ${deferred.length}`);
    await click(secretary, 'radio', 'ชะลอการพิจารณา');
    await click(secretary, 'button', `บันทึกร่างมติโครงการที่เลือก (${deferred.length})`);
    await expect.poll(() => chair.getByTestId('draft-count').textContent()).toBe(String(deferred.length));
    expect(await approachBox.isChecked()).toBe(false);

    // One exception by itself: an adjusted ceiling, through the one-project form.
    await click(secretary, 'button', `บันทึกทีละโครงการ: ${exception.code} ${exception.nameTh}`);
    const single = secretary.getByTestId('bulk-single');
    await single.getByLabel('อนุมัติโดยปรับวงเงิน').check();
    clicks += 1;
    await single.getByLabel('วงเงินที่ปรับ (ล้านบาท หรือ บาท)').fill('1.25');
    await single.getByRole('button', { name: 'บันทึกมติ' }).click();
    clicks += 1;
    const exceptionRow = chair.locator(`tr[data-project="${exception.code}"]`);
    await expect.poll(() => exceptionRow.getByTestId('ceiling').textContent()).toBe('1.2500');

    // Everything else: approved at the ceiling it has, with a condition, in one command.
    const rest = 78 - deferred.length - 1;
    await click(secretary, 'radio', 'อนุมัติตามวงเงินที่กำหนด (คงวงเงินปัจจุบันของแต่ละโครงการ)');
    await secretary.getByLabel('เงื่อนไข/ข้อความมติ (ถ้ามี)').fill('ให้รายงานผลทุกไตรมาส');
    await click(secretary, 'button', `บันทึกร่างมติทุกโครงการที่ยังไม่มีมติ (${rest})`);
    await expect.poll(() => chair.getByTestId('draft-count').textContent(), { timeout: 15_000 }).toBe('78');
    expect(await secretary.getByTestId('bulk-counts').textContent()).toContain('ยังไม่มีมติ 0');

    // The chair reviews the list: project, agency, requested, ceiling, outcome and conditions.
    const other = projects.find((p) => p.approach.code !== deferredApproach && p.id !== exception.id)!;
    const row = chair.locator(`tr[data-project="${other.code}"]`);
    const text = await row.textContent();
    expect(text).toContain(other.nameTh);
    expect(text).toContain(formatMillionBaht(bahtFromDb(other.requestedBaht)));
    expect(await row.getByTestId('ceiling').textContent()).toBe(formatMillionBaht(bahtFromDb(other.ceilingBaht)));
    expect(await row.getByTestId('resolution').textContent()).toContain('อนุมัติโดยปรับวงเงิน');
    expect(await row.getByTestId('resolution').textContent()).toContain('ให้รายงานผลทุกไตรมาส');
    expect(await chair.locator(`tr[data-project="${deferred[0]!.code}"]`).getByTestId('resolution').textContent()).toContain('ชะลอการพิจารณา');

    for (const [width, height] of [[390, 900], [768, 1000], [1440, 1000], [1920, 1080]] as const) {
      for (const [who, page] of [['secretary', secretary], ['chair', chair]] as const) {
        await page.setViewportSize({ width, height });
        expect(await horizontalOverflow(page), `${who} at ${width}px`).toBe(0);
        await page.screenshot({ path: `${SHOTS}/${who}-${width}.png` });
        await page.locator('tr.project').nth(2).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/${who}-${width}-list.png` });
        await page.evaluate(() => window.scrollTo(0, 0));
      }
    }
    await chair.setViewportSize({ width: 1440, height: 1000 });

    // One action confirms all 78; the secretary's page follows, and the checkboxes of confirmed projects are shut.
    await click(chair, 'button', 'ยืนยันร่างมติทั้งหมด (78)');
    await expect.poll(() => secretary.getByTestId('bulk-drafts').textContent(), { timeout: 15_000 }).toContain('ไม่มีร่างมติรอยืนยัน');
    expect(await secretary.getByRole('checkbox', { name: `เลือกโครงการ: ${other.code} ${other.nameTh}` }).isDisabled()).toBe(true);
    const confirmed = await db.resolution.findMany({ where: { meetingId: room.board.meetingId, status: 'confirmed', projectId: { not: null } } });
    expect(confirmed).toHaveLength(78);
    expect(bahtFromDb((await db.project.findUniqueOrThrow({ where: { id: exception.id } })).ceilingBaht)).toBe(1_250_000);
    await chair.screenshot({ path: `${SHOTS}/chair-confirmed-1440.png` });

    // Seven choices and clicks for the whole plan, and the one exception's three; not 156.
    console.log(`bulk resolutions: ${clicks} clicks for 78 projects`);
    expect(clicks).toBeLessThanOrEqual(12);
  }, 120_000);
});
