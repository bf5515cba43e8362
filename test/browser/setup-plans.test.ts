// A secretariat creates its own plan as a person would, in Chromium: from the set-up page to a new plan whose value
// chain starts from DGA's template, a refusal that names the box to fix (in Thai, no API key), the plan saved with its
// own frame, then edited (a duplicate approach code refused by its row, a changed frame audited), and its meeting
// ครั้งที่ 1 made (the same number again refused). Nothing on these pages says sample. Screenshots at phone, tablet
// and desktop widths.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { organiserLinkUrl } from '../../server/invite-links.ts';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

describeInBrowser("creating a committee's own plan", () => {
  const room = useRoom();
  let organiser: Page;

  const shoot = async (name: string) => {
    for (const width of [390, 768, 1440]) {
      await organiser.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(organiser), `${name} at ${width}`).toBe(0);
      await screenshot(organiser, `${name}-${width}`, { fullPage: true });
    }
    await organiser.setViewportSize({ width: 1440, height: 900 });
  };

  it('creates a plan from the set-up page, after a frame of zero is refused by the box it was typed in', async () => {
    organiser = await (await room.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await organiser.goto(organiserLinkUrl(room.board.url, await room.board.organisers.createLink()));
    await organiser.getByLabel('ชื่อ-นามสกุล').fill('นางสาวจัดการ แผนงาน');
    await organiser.getByRole('button', { name: 'เข้าใช้งาน' }).click();
    await organiser.waitForURL('**/setup');
    await organiser.getByRole('link', { name: 'สร้างแผนงานใหม่' }).click();
    await organiser.waitForURL('**/setup/plans/new');
    // DGA's three goals and four approaches are offered as the template.
    expect(await organiser.getByLabel('รหัสแนวทาง').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['1.1', '1.2', '2.1', '3.1']);
    await organiser.getByLabel('ชื่อแผนงาน (ภาษาไทย)').fill('แผนงานบูรณาการพัฒนาพื้นที่ภาคเหนือ');
    await organiser.getByLabel('ปีงบประมาณ (พ.ศ.)').fill('2570');
    await organiser.getByLabel('หน่วยงานเจ้าภาพ', { exact: true }).fill('สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ');
    await organiser.getByLabel('กรอบวงเงิน (ล้านบาท)').fill('0');
    await organiser.getByRole('button', { name: 'สร้างแผนงาน' }).click();
    const alert = organiser.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('กรอบวงเงิน (ล้านบาท) ต้องมากกว่าศูนย์');
    expect(await alert.textContent()).not.toMatch(/[A-Za-z]{2,}/);
    expect(await organiser.getByLabel('กรอบวงเงิน (ล้านบาท)').getAttribute('aria-invalid')).toBe('true');
    // What was typed is still there.
    expect(await organiser.getByLabel('ชื่อแผนงาน (ภาษาไทย)').inputValue()).toBe('แผนงานบูรณาการพัฒนาพื้นที่ภาคเหนือ');
    await shoot('setup-plan-new-refused');
    await organiser.getByLabel('กรอบวงเงิน (ล้านบาท)').fill('1,234.5678');
    await organiser.getByRole('button', { name: 'เพิ่มเป้าหมาย' }).click();
    await organiser.getByLabel('ชื่อ (ภาษาไทย)').nth(7).fill('เป้าหมายของภาคเหนือ');
    await organiser.getByLabel('ชื่อ (ภาษาไทย)').nth(8).fill('แนวทางของภาคเหนือ');
    await organiser.getByRole('button', { name: 'สร้างแผนงาน' }).click();
    await organiser.waitForURL(/\/setup\/plans\/(?!new)[^/]+$/);
    expect(await organiser.getByLabel('กรอบวงเงิน (ล้านบาท)').inputValue()).toBe('1234.5678');
    const planId = organiser.url().split('/').at(-1)!;
    const plan = await room.board.db.plan.findUniqueOrThrow({ where: { id: planId }, include: { goals: { include: { approaches: true } } } });
    expect(plan).toMatchObject({ titleTh: 'แผนงานบูรณาการพัฒนาพื้นที่ภาคเหนือ', fiscalYearBE: 2570, frameBaht: 1_234_567_800n, hardCap: true, isSample: false });
    expect(plan.goals.map((g) => [g.number, g.approaches.map((a) => a.code)]).sort()).toEqual([[1, ['1.1', '1.2']], [2, ['2.1']], [3, ['3.1']], [4, ['4.1']]]);
    expect(await organiser.textContent('body')).not.toContain('ตัวอย่าง');
  });

  it('edits the plan: a duplicate approach code is refused by its row, a new frame is saved and audited', async () => {
    await organiser.getByLabel('รหัสแนวทาง').nth(2).fill('1.1');
    await organiser.getByRole('button', { name: 'บันทึกแผนงาน' }).click();
    const alert = organiser.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('รหัสแนวทางซ้ำกับแนวทางอื่น: ห่วงโซ่คุณค่า เป้าหมายลำดับที่ 2 แนวทางลำดับที่ 1 รหัสแนวทาง');
    expect(await organiser.getByLabel('รหัสแนวทาง').nth(2).getAttribute('aria-invalid')).toBe('true');
    await organiser.getByLabel('รหัสแนวทาง').nth(2).fill('2.1');
    await organiser.getByLabel('กรอบวงเงิน (ล้านบาท)').fill('1500');
    await organiser.getByRole('button', { name: 'บันทึกแผนงาน' }).click();
    await expect.poll(() => organiser.getByRole('status').textContent()).toContain('บันทึกแผนงานแล้ว');
    expect(await organiser.getByLabel('กรอบวงเงิน (ล้านบาท)').inputValue()).toBe('1500.0000');
    expect(await organiser.textContent('main')).toContain('1,234.5678 → 1,500.0000 ล้านบาท');
    expect(await organiser.textContent('body')).not.toContain('ตัวอย่าง');
    await shoot('setup-plan-edit');
    // The set-up page lists the new plan, which has no meeting yet, beside the sample.
    const planUrl = organiser.url();
    await organiser.goto(`${room.board.url}/setup`);
    expect(await organiser.getByRole('link', { name: 'แก้ไขแผนงาน' }).count()).toBe(2);
    await shoot('setup-home');
    await organiser.goto(planUrl);
  });

  it('creates meeting ครั้งที่ 1 of the plan; the same number again is refused by its box', async () => {
    for (const attempt of ['first', 'again'] as const) {
      await organiser.getByRole('link', { name: 'สร้างการประชุม' }).click();
      await organiser.waitForURL('**/meetings/new');
      if (attempt === 'again') {
        await organiser.getByLabel('ครั้งที่', { exact: true }).fill('1');
        await organiser.getByLabel('พ.ศ. ของครั้งที่').fill('2642');
      }
      await organiser.getByLabel('วันที่ประชุม').fill('2099-03-15');
      await organiser.getByLabel('เวลาประชุม').fill('13:30');
      await organiser.getByLabel('สถานที่ประชุม (ภาษาไทย)').fill('ห้องประชุม 1 ชั้น 17 อาคารรัฐประศาสนภักดี');
      await organiser.getByRole('button', { name: 'สร้างการประชุม' }).click();
      if (attempt === 'first') {
        await organiser.waitForURL(/\/setup\/plans\/[^/]+\?meeting=/);
        expect(await organiser.getByRole('status').textContent()).toContain('สร้างการประชุมแล้ว: ครั้งที่ 1/2642');
        expect(await organiser.textContent('main')).toContain('การประชุมแผนงานบูรณาการพัฒนาพื้นที่ภาคเหนือ');
      }
    }
    const alert = organiser.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('แผนนี้มีการประชุมครั้งที่/พ.ศ. นี้แล้ว');
    expect(await organiser.getByLabel('ครั้งที่', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await organiser.getByLabel('สถานที่ประชุม (ภาษาไทย)').inputValue()).toBe('ห้องประชุม 1 ชั้น 17 อาคารรัฐประศาสนภักดี');
    expect(await organiser.textContent('body')).not.toContain('ตัวอย่าง');
    await shoot('setup-meeting-new-refused');
    const meetings = await room.board.db.meeting.findMany({ where: { plan: { titleTh: 'แผนงานบูรณาการพัฒนาพื้นที่ภาคเหนือ' } }, include: { agendaItems: true } });
    expect(meetings.map((m) => [m.number, m.yearBE, m.agendaItems.length])).toEqual([[1, 2642, 5]]);
  });
});
