// The secretary imports the project list, records resolutions on two projects, the chair confirms them, the frame is
// prepared and recorded, and the download buttons give files: two people in two browser contexts.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const CSV = [
  'หน่วยงาน,ชื่อโครงการ,แนวทาง,ลักษณะการบูรณาการ,วงเงินที่ขอ (บาท)',
  'กรมทดลองหนึ่ง,โครงการระบบกลางทดลอง,2.1,บูรณาการงบประมาณ,"120,000,000"',
  'กรมทดลองสอง,โครงการเชื่อมโยงข้อมูลทดลอง,3.1,ระบบ/ข้อมูล,"80,000,000"',
].join('\r\n');

describeInBrowser('resolutions, the agreed frame and its documents in Chromium', () => {
  const room = useRoom();


  const row = (page: Page, name: string) => page.locator('tr[data-project]', { hasText: name });
  const openProject = (page: Page, name: string) => page.getByRole('button', { name: `ดูรายละเอียด: ${name}` }).click();

  it('imports, resolves two projects, records the frame and downloads its documents', async () => {
    const secretary = await room.joinAs('secretary', 'นางสาวเลขา บันทึก');
    const chair = await room.joinAs('chair', 'นายประธาน ยืนยัน');

    // Import: a bad file is reported row by row, a good one replaces the list and the chair's board follows.
    await secretary.getByRole('link', { name: 'นำเข้ารายการโครงการ' }).click();
    await secretary.waitForURL('**/import');
    const fileInput = secretary.getByLabel('เลือกไฟล์');
    await fileInput.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${CSV}\r\nกรม,โครงการผิด,9.9,ระบบ/ข้อมูล,1000`) });
    await secretary.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    await expect.poll(() => secretary.getByTestId('import-problems').textContent()).toContain('ไม่พบแนวทางนี้ในแผน');
    expect(await secretary.getByTestId('import-problems').locator('tbody td').first().textContent()).toBe('4');

    await fileInput.setInputFiles({ name: 'projects.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${CSV}`) });
    await secretary.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    await secretary.getByRole('button', { name: 'นำเข้าทั้งหมด' }).click();
    await expect.poll(() => secretary.getByTestId('imported').textContent()).toContain('2');
    await expect.poll(() => chair.locator('tr[data-project]').count()).toBe(2);

    await secretary.getByRole('link', { name: 'กลับไปที่กระดาน' }).click();
    await secretary.waitForURL(`**/meetings/${room.board.meetingId}`);
    await expect.poll(() => secretary.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');

    // The secretary records an adjusted ceiling on one project and approval as requested on the other.
    await openProject(secretary, 'โครงการระบบกลางทดลอง');
    const panel = secretary.getByTestId('resolution-section');
    await panel.getByLabel('อนุมัติโดยปรับวงเงิน').check();
    await panel.getByLabel('วงเงินที่ปรับ (ล้านบาท หรือ บาท)').fill('100.5');
    await panel.getByLabel('ข้อความมติ').fill('อนุมัติโดยปรับลดวงเงิน');
    await panel.getByRole('button', { name: 'บันทึกมติ' }).click();
    await expect.poll(() => secretary.getByTestId('resolution-standing').textContent()).toContain('ร่าง รอประธานยืนยัน');

    await openProject(secretary, 'โครงการเชื่อมโยงข้อมูลทดลอง');
    await panel.getByLabel('อนุมัติตามที่เสนอ').check();
    await panel.getByRole('button', { name: 'บันทึกมติ' }).click();
    await expect.poll(() => row(chair, 'โครงการเชื่อมโยงข้อมูลทดลอง').getByTestId('resolution').textContent()).toContain('อนุมัติตามที่เสนอ');

    // The chair confirms both; the adjusted ceiling reaches the secretary's table.
    for (const name of ['โครงการระบบกลางทดลอง', 'โครงการเชื่อมโยงข้อมูลทดลอง']) {
      await openProject(chair, name);
      await chair.getByRole('button', { name: 'ยืนยันมติ' }).click();
      await expect.poll(() => chair.getByTestId('resolution-standing').textContent()).toContain('ยืนยันแล้ว');
    }
    await expect.poll(() => row(secretary, 'โครงการระบบกลางทดลอง').getByTestId('ceiling').textContent().then((text) => text?.trim())).toBe('100.5000');
    await expect.poll(() => row(secretary, 'โครงการระบบกลางทดลอง').getByTestId('resolution').textContent()).toContain('ยืนยันแล้ว');

    // The frame: the secretary prepares, the chair confirms exactly that draft.
    await secretary.getByRole('link', { name: 'กรอบวงเงินที่ตกลง' }).click();
    await secretary.waitForURL('**/frame');
    await expect.poll(() => secretary.getByTestId('draft-state').textContent()).toContain('พร้อมบันทึก');
    await secretary.getByRole('button', { name: 'จัดเตรียมร่างกรอบวงเงิน' }).click();
    await expect.poll(() => secretary.getByTestId('preparation').textContent()).toContain('นางสาวเลขา บันทึก');

    await chair.goto(`${room.board.url}/meetings/${room.board.meetingId}/frame`);
    await chair.getByRole('button', { name: 'ยืนยันและบันทึกกรอบวงเงิน' }).click();
    await expect.poll(() => chair.locator('tr[data-version="1"]').textContent()).toContain('นางสาวเลขา บันทึก / นายประธาน ยืนยัน');
    expect(await chair.getByTestId('verify-status').textContent()).toContain('ตรวจสอบแล้ว');
    expect(await chair.locator('tr[data-version="1"]').textContent()).toContain('180.5000');

    // The download buttons give files.
    const download = async (label: string) => {
      const [file] = await Promise.all([chair.waitForEvent('download'), chair.getByRole('link', { name: label }).first().click()]);
      return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
    };
    const xlsx = await download('กรอบวงเงิน (Excel)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getColumn(2).values).toContain('โครงการระบบกลางทดลอง');
    const csv = await download('กรอบวงเงิน (CSV)');
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.bytes.toString('utf8')).toContain('100.5000');
    const pdf = await download('กรอบวงเงิน (PDF)');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const history = await download('ประวัติการปรับวงเงิน (CSV)');
    expect(history.bytes.toString('utf8')).toContain('100500000');

    // The verify page: the version passes both checks, and its signed record and signature download.
    await chair.getByRole('link', { name: 'หน้าตรวจสอบบันทึก' }).click();
    await chair.waitForURL('**/verify');
    expect(await chair.getByTestId('verify-summary').textContent()).toContain('ทุกฉบับผ่านการตรวจสอบ');
    expect(await chair.getByTestId('signature-status').textContent()).toContain('ลายมือชื่อดิจิทัลถูกต้อง');
    expect(await chair.getByTestId('offline-commands').textContent()).toContain('openssl pkeyutl -verify -pubin -inkey record-signing-key.pub.pem -rawin');
    const record = await download('บันทึก (.json)');
    expect(record.name).toMatch(/^frame-FY\d{4}-v1\.json$/);
    expect((await download('ลายมือชื่อ (.sig)')).bytes).toHaveLength(64);
    for (const width of [390, 768, 1440]) {
      await chair.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(chair), `${width}px`).toBe(0);
      await screenshot(chair, `verify-${width}`, { fullPage: true });
    }
    await chair.goBack();

    // Someone with the database's keys alters the stored ceiling, past the trigger: the page names that version.
    const client = new pg.Client({ connectionString: room.board.databaseUrl });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(`UPDATE "FrameRecord" SET "canonical" = replace("canonical", '"ceilingBaht":100500000', '"ceilingBaht":110500000')`);
    } finally {
      await client.end();
    }
    await chair.reload();
    await expect.poll(() => chair.getByTestId('verify-status').textContent()).toContain('ตรวจพบการแก้ไข');
    expect(await chair.getByTestId('verify-status').textContent()).toContain('ฉบับที่ 1');
    expect(await chair.locator('tr[data-version="1"]').textContent()).toContain('ไม่ผ่านการตรวจสอบ');
    expect(await chair.getByRole('link', { name: 'กรอบวงเงิน (Excel)' }).count()).toBe(0);
    await chair.goto(`${room.board.url}/meetings/${room.board.meetingId}/verify`);
    expect(await chair.getByTestId('verify-summary').textContent()).toContain('มีฉบับที่ไม่ผ่านการตรวจสอบ');
    expect(await chair.getByTestId('fault').textContent()).toContain('ไม่ตรงกับค่าแฮช SHA-256');
    await screenshot(chair, 'verify-failed-1440', { fullPage: true });
  }, 90_000);
});
