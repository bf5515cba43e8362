// The what-if sandbox in Chromium: a member opens it, sets one ceiling privately, cuts an approach by 10%, fits the
// frame; the live totals strip does not move and an observer's board shows nothing of it; a reload keeps it; the chair
// then changes one of those projects live and the member's sandbox marks it as a conflict, which they keep. Screenshots
// at 390, 768, 1440 and 1920x1080 under /tmp/whatif/.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bahtFromDb } from '../../server/db/client.ts';
import { formatMillionBaht } from '../../server/domain/money.ts';
import { describeInBrowser, horizontalOverflow } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const SHOTS = '/tmp/whatif';
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });

describeInBrowser('the what-if sandbox in Chromium', () => {
  const room = useRoom();

  it('builds a private sandbox, fits the frame, keeps it across a reload and marks a live change as a conflict', async () => {
    const db = room.board.db;
    const plan = await db.plan.findFirstOrThrow({ where: { meetings: { some: { id: room.board.meetingId } } } });
    const projects = await db.project.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' }, include: { approach: true } });
    const [first] = projects;
    const approach = projects[3]!.approach.code;

    const member = await room.joinAs('member', 'นางกรรมการ ลองปรับ', { width: 1440, height: 1000 });
    member.setDefaultTimeout(10_000);
    const liveTotal = await member.getByTestId('total-ceilings').textContent();
    const panel = member.getByTestId('whatif');
    await panel.getByRole('button', { name: 'เปิดชุดสมมติ' }).click();
    await expect.poll(() => panel.getByTestId('whatif-selection').textContent()).toContain(String(projects.length));

    // One ceiling, privately.
    await panel.getByTestId('whatif-project').selectOption(first!.id);
    const amount = panel.getByLabel('วงเงินในชุดสมมติ (ล้านบาท)');
    await amount.fill('1.5');
    await panel.getByRole('button', { name: 'ตั้งในชุดสมมติ' }).click();
    const rows = panel.getByTestId('whatif-diff').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('1.5000');

    // An approach cut by 10%, through the list's own filter.
    await member.locator('#filter-approach').selectOption(approach);
    const inApproach = projects.filter((p) => p.approach.code === approach).length;
    await expect.poll(() => panel.getByTestId('whatif-selection').textContent()).toContain(`${inApproach} `);
    await panel.getByLabel('ปรับร้อยละ (−100 ถึง +100)').fill('-10');
    await panel.getByRole('button', { name: 'ปรับตามร้อยละ' }).click();
    await expect.poll(() => rows.count()).toBe(1 + inApproach - (first!.approach.code === approach ? 1 : 0));
    await shot(member, 'whatif-1440-cut', true);

    // Fit the frame over every project: the sandbox lands on it to the baht; the live strip has not moved.
    await member.locator('#filter-approach').selectOption('');
    await panel.getByRole('button', { name: 'ปรับให้พอดีกรอบวงเงิน' }).click();
    await expect.poll(() => panel.getByTestId('whatif-total').textContent()).toBe(formatMillionBaht(bahtFromDb(plan.frameBaht)));
    expect(await panel.getByTestId('whatif-remaining').textContent()).toBe('0.0000');
    expect(await member.getByTestId('total-ceilings').textContent()).toBe(liveTotal);
    const stored = await db.whatIfSandbox.findMany();
    expect(stored).toHaveLength(1);
    const fitted = (stored[0]!.edits as unknown[]).length;
    await shot(member, 'whatif-1440-fit');

    // Nobody else sees it.
    const observer = await room.joinAs('observer', 'นายผู้สังเกตการณ์ ดูอยู่', { width: 1440, height: 1000 });
    expect(await observer.getByTestId('whatif').count()).toBe(0);

    // A reload keeps the sandbox, open as it was.
    await member.reload();
    await expect.poll(() => member.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');
    await expect.poll(() => rows.count()).toBe(fitted);
    expect(await panel.getByTestId('whatif-remaining').textContent()).toBe('0.0000');

    // The chair changes the first project live: the sandbox marks it, and keeping mine clears the mark.
    const { socket: chair } = await room.board.connect('chair', 'นายประธาน ปรับจริง');
    const live = await db.project.findUniqueOrThrow({ where: { id: first!.id } });
    expect(await chair.emitWithAck('ceilings:set', { projectId: live.id, toBaht: bahtFromDb(live.ceilingBaht) - 1_000_000, expectedVersion: live.version, reason: 'ปรับจริง' })).toHaveProperty('data');
    const conflict = panel.locator(`tr.conflict[data-project="${first!.id}"]`);
    await expect.poll(() => conflict.count(), { timeout: 10_000 }).toBe(1);
    expect(await conflict.textContent()).toContain('กระดานจริงเปลี่ยนไปแล้ว');
    await conflict.scrollIntoViewIfNeeded();
    await shot(member, 'whatif-1440-conflict');
    await conflict.getByRole('button', { name: 'ใช้ค่าของฉัน' }).click();
    await expect.poll(() => panel.locator('tr.conflict').count()).toBe(0);

    for (const [width, height] of [[768, 1000], [390, 844], [1920, 1080]] as const) {
      await member.setViewportSize({ width, height });
      await panel.scrollIntoViewIfNeeded();
      await shot(member, `whatif-${width}`);
      expect(await horizontalOverflow(member), `sideways scroll at ${width}`).toBeLessThanOrEqual(0);
    }
  }, 120_000);
});
