// A secretariat sets up its committee's people as a person would, in Chromium: the organiser link printed at start,
// a roster of five pasted from a spreadsheet, named invites from it, three people joining by their own links (a
// second use of one refused), and the QR sheet. Screenshots of the set-up pages at phone, tablet and desktop widths.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { organiserLinkLines } from '../../server/invite-links.ts';
import { describeInBrowser, horizontalOverflow, screenshot } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const ROSTER = [
  'ลำดับ\tชื่อ-นามสกุล\tตำแหน่ง\tหน่วยงาน\tบทบาท',
  '1\tนายประธาน ทดลอง\tประธานกรรมการ\tสำนักนายกรัฐมนตรี\t',
  '2\tนางสาวรอง ทดลอง\tรองประธานกรรมการ\tสำนักงบประมาณ\t',
  '3\tนายกรรมการ ทดลอง\tกรรมการ\tกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม\t',
  '4\tนายนำเสนอ ทดลอง\tกรรมการ\tสำนักงานพัฒนารัฐบาลดิจิทัล\tผู้นำเสนอ',
  '5\tนางเลขา ทดลอง\tกรรมการและเลขานุการ\tสำนักงานพัฒนารัฐบาลดิจิทัล\t',
].join('\n');

describeInBrowser('setting up a committee\'s people', () => {
  const room = useRoom();
  let organiser: Page;

  it('makes an organiser from the link printed at start', async () => {
    const [, line] = await organiserLinkLines(room.board.organisers, room.board.url);
    const link = line!.match(/(http\S+)/)![1]!;
    organiser = await (await room.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await organiser.goto(link);
    await organiser.getByLabel('ชื่อ-นามสกุล').fill('นางสาวจัดการ ประชุม');
    await organiser.getByRole('button', { name: 'เข้าใช้งาน' }).click();
    await organiser.waitForURL('**/setup');
    await expect.poll(() => organiser.locator('main').textContent()).toContain('ผู้จัดการประชุม: นางสาวจัดการ ประชุม');
    // The link was single use: a second browser is refused.
    const late = await (await room.newContext()).newPage();
    await late.goto(link);
    await expect.poll(() => late.getByText('ลิงก์ผู้จัดการประชุมนี้ถูกใช้ไปแล้ว').count()).toBe(1);
  });

  it('pastes a roster of five, after a list with a bad line is refused whole', async () => {
    await organiser.getByRole('link', { name: 'รายชื่อคณะกรรมการ' }).click();
    await organiser.waitForURL('**/roster');
    await organiser.getByLabel(/หนึ่งคนต่อหนึ่งบรรทัด/).fill('นายผิด\tที่ปรึกษา\tสำนักงบประมาณ');
    await organiser.getByRole('button', { name: 'เพิ่มรายชื่อที่วาง' }).click();
    await expect.poll(() => organiser.getByRole('alert').textContent()).toContain('บรรทัดที่ 1');
    expect(await organiser.getByRole('alert').textContent()).toContain('ที่ปรึกษา');
    await organiser.getByLabel(/หนึ่งคนต่อหนึ่งบรรทัด/).fill(ROSTER);
    await organiser.getByRole('button', { name: 'เพิ่มรายชื่อที่วาง' }).click();
    await expect.poll(() => organiser.getByTestId('roster').locator('tbody tr').count()).toBe(5);
    const rows = await organiser.getByTestId('roster').locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('ประธานกรรมการ');
    expect(rows[3]).toContain('ผู้นำเสนอ');
    expect(rows[4]).toContain('กรรมการและเลขานุการ');
    for (const width of [390, 768, 1440]) {
      await organiser.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(organiser), `roster at ${width}`).toBe(0);
      await screenshot(organiser, `setup-roster-${width}`, { fullPage: true });
    }
  });

  it('issues named invites; three people join by theirs, and a second use of one is refused', async () => {
    await organiser.goto(`${room.board.url}/setup`);
    await organiser.getByRole('link', { name: 'ลิงก์เชิญผู้เข้าร่วมประชุม' }).first().click();
    await organiser.waitForURL('**/invites');
    await organiser.getByRole('button', { name: 'ออกลิงก์เชิญให้ทุกคนที่ยังไม่มี' }).click();
    await expect.poll(() => organiser.getByTestId('invite-link').count()).toBe(5);
    const linkOf = (name: string) => organiser.locator(`[data-person="${name}"]`).getByTestId('invite-link').inputValue();
    const people = [
      ['นายประธาน ทดลอง', 'ประธาน'],
      ['นายนำเสนอ ทดลอง', 'ผู้นำเสนอ'],
      ['นางเลขา ทดลอง', 'ฝ่ายเลขานุการ'],
    ] as const;
    const links: string[] = [];
    for (const [name, role] of people) {
      const link = await linkOf(name);
      links.push(link);
      const page = await (await room.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await page.goto(link);
      expect(await page.textContent('main')).toContain(name);
      expect(await page.textContent('main')).toContain(role);
      await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
      await page.waitForURL(`**/meetings/${room.board.meetingId}`);
      await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');
    }
    const second = await (await room.newContext()).newPage();
    await second.goto(links[0]!);
    await expect.poll(() => second.getByText('ลิงก์เชิญนี้ถูกใช้ไปแล้ว').count()).toBe(1);

    await organiser.reload();
    const statuses = await organiser.getByTestId('invite-status').allInnerTexts();
    expect(statuses.filter((status) => status.startsWith('เข้าร่วมแล้ว'))).toHaveLength(3);
    for (const width of [390, 768, 1440]) {
      await organiser.setViewportSize({ width, height: 900 });
      expect(await horizontalOverflow(organiser), `invites at ${width}`).toBe(0);
      await screenshot(organiser, `setup-invites-${width}`, { fullPage: true });
    }
  });

  it('prints the waiting invites as a sheet of QR codes', async () => {
    await organiser.getByRole('link', { name: 'แผ่นคิวอาร์โค้ดสำหรับพิมพ์' }).click();
    await organiser.waitForURL('**/sheet');
    const cards = organiser.getByTestId('qr-sheet').locator('li');
    expect(await cards.count()).toBe(2);
    expect(await cards.first().locator('svg').count()).toBe(1);
    expect(await cards.allInnerTexts()).toEqual([expect.stringContaining('นางสาวรอง ทดลอง'), expect.stringContaining('นายกรรมการ ทดลอง')]);
    await organiser.setViewportSize({ width: 1440, height: 900 });
    await screenshot(organiser, 'setup-qr-sheet-1440', { fullPage: true });
    await organiser.emulateMedia({ media: 'print' });
    await screenshot(organiser, 'setup-qr-sheet-print', { fullPage: true });
  });
});
