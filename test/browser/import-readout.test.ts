// The secretary imports a real-looking budget sheet, headers spelled the way Thai budget documents spell them, and
// sees how each column was read and which unit was taken from where before importing anything.
import { expect, it } from 'vitest';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const SHEET = [
  'สรุปคำของบประมาณแผนงานบูรณาการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗,,,,,,',
  ',,,,,,(หน่วย : ล้านบาท)',
  'ลำดับ,ส่วนราชการ,โครงการ,แนวทางที่,รูปแบบ,หน่วยงานร่วมดำเนินการ,คำขอ',
  '๑,กรมจริงหนึ่ง,โครงการแผ่นงานจริงหนึ่ง,1.1,ระบบ/ข้อมูล,"กรมร่วมหนึ่ง, กรมร่วมสอง","120.5000"',
  '๒,กรมจริงสอง,โครงการแผ่นงานจริงสอง,2.1,บูรณาการงบประมาณ,,"1,020.25"',
  'รวมทั้งสิ้น,,,,,,"1,140.75"',
].join('\r\n');

describeInBrowser('the import page says how it read a real sheet', () => {
  const room = useRoom();

  it('shows each column, the unit from the title, the file\'s numbers as codes, then imports', async () => {
    const secretary = await room.joinAs('secretary', 'นางสาวเลขา นำเข้า');
    await secretary.goto(`${room.board.url}/meetings/${room.board.meetingId}/import`);
    await secretary.getByLabel('เลือกไฟล์').setInputFiles({ name: 'คำขอ 2567.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) });
    await secretary.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();

    const columns = secretary.getByTestId('import-columns');
    await expect.poll(() => columns.locator('tbody tr').count()).toBe(7);
    expect(await columns.locator('tbody tr').allInnerTexts()).toEqual([
      'ลำดับ\tลำดับที่',
      'ส่วนราชการ\tหน่วยงานเจ้าภาพ',
      'โครงการ\tชื่อโครงการ',
      'แนวทางที่\tแนวทาง',
      'รูปแบบ\tลักษณะการบูรณาการ',
      'หน่วยงานร่วมดำเนินการ\tหน่วยงานที่บูรณาการร่วม',
      'คำขอ\tวงเงินที่ขอ',
    ]);
    expect(await secretary.getByTestId('import-unit').innerText()).toBe('หน่วยของวงเงิน: ล้านบาท — ตามหัวตาราง «(หน่วย : ล้านบาท)»');
    expect(await secretary.getByTestId('import-codes').innerText()).toBe('ใช้ลำดับที่ตามไฟล์เป็นรหัสโครงการ');
    for (const width of [390, 768, 1440]) {
      await secretary.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(secretary)).toBe(0);
      await screenshot(secretary, `import-readout-${width}`, { fullPage: true });
    }

    await secretary.getByRole('button', { name: 'นำเข้าทั้งหมด' }).click();
    await expect.poll(() => secretary.getByTestId('imported').textContent()).toContain('2');
  });
});
