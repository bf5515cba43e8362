// The organiser's import page: a CSV whose headers are spelled differently from the board's own, one column mapped
// by hand, the unit changed, the list imported; the next file with the same headers starts from the saved mapping.
import { expect, it } from 'vitest';
import { ORGANISER_COOKIE } from '../../server/shared/session-cookie.ts';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { importThroughPage } from '../support/import-page.ts';
import { useRoom } from '../support/room.ts';

const CSV = [
  'ที่,ส่วนราชการ,เรื่อง,แนวทางที่,ลักษณะ,คำขอ',
  '1,กรมหน้านำเข้า,โครงการหน้านำเข้าหนึ่ง,1.1,ระบบ/ข้อมูล,"85,000"',
  '2,กรมหน้านำเข้า,โครงการหน้านำเข้าสอง,2.1,งบประมาณ,"60,000"',
].join('\r\n');

describeInBrowser('the organiser maps an import by hand', () => {
  const room = useRoom();

  it('maps the unrecognised column, changes the unit, imports, and is offered the saved mapping next time', async () => {
    const session = await room.board.organisers.redeemLink(await room.board.organisers.createLink(), 'ฝ่ายเลขานุการ หน้านำเข้า');
    const context = await room.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: ORGANISER_COOKIE, value: session.sessionToken, url: room.board.url }]);
    const page = await context.newPage();
    const planId = (await room.board.db.meeting.findUniqueOrThrow({ where: { id: room.board.meetingId } })).planId;

    // First by hand, looking at each step.
    await page.goto(`${room.board.url}/setup/plans/${planId}/import`);
    await page.getByLabel('เลือกไฟล์').setInputFiles({ name: 'คำขอ.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
    await expect.poll(() => page.getByTestId('import-missing').textContent()).toContain('ชื่อโครงการ');
    const mapping = page.getByTestId('import-mapping');
    expect(await mapping.locator('tbody tr').nth(2).innerText()).toContain('โครงการหน้านำเข้าหนึ่ง · โครงการหน้านำเข้าสอง');
    for (const width of [390, 768, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `import-mapping-${width}`, { fullPage: true });
    }
    await page.getByLabel('อ่านเป็น: เรื่อง').selectOption({ label: 'ชื่อโครงการ' });
    await page.getByRole('button', { name: 'อ่านไฟล์อีกครั้ง' }).click();
    // Figures this small read as millions unless told: these are baht.
    await expect.poll(() => page.getByTestId('import-unit').textContent()).toContain('ล้านบาท');
    await page.getByLabel('หน่วยของวงเงิน').selectOption({ label: 'บาท' });
    await page.getByRole('button', { name: 'อ่านไฟล์อีกครั้ง' }).click();
    await expect.poll(() => page.getByTestId('import-unit').textContent()).toBe('หน่วยของวงเงิน: บาท — ตามที่เลือก');
    expect(await page.getByTestId('import-codes').textContent()).toBe('ใช้ลำดับที่ตามไฟล์เป็นรหัสโครงการ');
    await screenshot(page, 'import-mapping-read', { fullPage: true });
    await page.getByRole('button', { name: 'นำเข้าทั้งหมด' }).click();
    await expect.poll(() => page.getByTestId('imported').textContent()).toContain('2');
    const projects = await room.board.db.project.findMany({ where: { planId }, orderBy: { position: 'asc' } });
    expect(projects.map((p) => [p.code, p.nameTh, p.requestedBaht])).toEqual([['1', 'โครงการหน้านำเข้าหนึ่ง', 85_000n], ['2', 'โครงการหน้านำเข้าสอง', 60_000n]]);

    // The same headers again: nothing to map, the helper imports it as it stands.
    expect(await importThroughPage(page, room.board.url, planId, { fileName: 'คำขอ รอบสอง.csv', bytes: CSV.replace('หนึ่ง', 'สาม') })).toBe(2);
    expect(await room.board.db.project.count({ where: { planId, nameTh: 'โครงการหน้านำเข้าสาม' } })).toBe(1);
  });
});
