// The official record of a whole meeting, as a secretary files it: a roster of six, one member absent with a reason
// and one represented by a substitute, a presenter from an agency and the room's screen on the board. The secretary
// records the agenda items' resolutions on the board and the project resolutions (one by itself, the rest in bulk on
// the resolutions page); the chair confirms. Two browsers open the new minutes document at the same moment. The minutes
// page then shows every decision under its item, the attendance (chair first, the substitute as "(ผู้แทน …)", the
// absentee with the reason, no device) and the quorum, without anyone typing them; the exported PDF, read back with
// pdftotext, carries the same. Adopting the minutes is tested on its own. Screenshots of the minutes page at 390, 768,
// 1440 and 1920 px go to /tmp/record/.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bahtFromDb } from '../../server/db/client.ts';
import { formatMillionBaht } from '../../server/domain/money.ts';
import { formatThaiTime } from '../../server/domain/thai-dates.ts';
import type { CommitteePosition, MeetingRole } from '../../server/shared/people.ts';
import { describeInBrowser, horizontalOverflow } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

const SHOTS = '/tmp/record';

/** name, position, meeting role, agency */
const ROSTER: [string, CommitteePosition, MeetingRole, string][] = [
  ['นายประธาน สูงสุด', 'chair', 'chair', 'สำนักงานพัฒนารัฐบาลดิจิทัล'],
  ['นายรอง ประธาน', 'vice_chair', 'member', 'สำนักงบประมาณ'],
  ['นางกรรมการ หนึ่ง', 'member', 'member', 'กรมบัญชีกลาง'],
  ['นายกรรมการ สอง', 'member', 'member', 'สำนักงานคณะกรรมการพัฒนาระบบราชการ'],
  ['นางสาวเลขา ใจดี', 'member_secretary', 'secretary', 'สำนักงานพัฒนารัฐบาลดิจิทัล'],
  ['นายผู้ช่วย เลขา', 'assistant_secretary', 'secretary', 'สำนักงานพัฒนารัฐบาลดิจิทัล'],
];

/**
 * A PDF's text as pdftotext reads it in the order it was written (a table cell's lines together), without whitespace:
 * where a line breaks inside a cell is the layout's business, not the record's.
 */
async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const file = `${SHOTS}/${name}.pdf`;
  await writeFile(file, pdf);
  const { stdout } = await promisify(execFile)('pdftotext', ['-raw', file, '-']);
  await writeFile(`${SHOTS}/${name}.txt`, stdout);
  return unspaced(stdout);
}
const unspaced = (text: string) => text.replace(/\s+/g, '');

/** Each top-level block of the minutes page: headings and paragraphs by their text, board sections by key with their text. */
function minutesBlocks(page: Page) {
  return page.locator('.minutes-document').evaluate((root) =>
    [...root.children].map((block) => {
      const copy = block.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
      return { tag: block.tagName.toLowerCase(), key: block.getAttribute('data-key'), text: (copy.textContent ?? '').replace(/\s+/g, ' ').trim() };
    }),
  );
}

describeInBrowser('the official record of a meeting', () => {
  const room = useRoom();

  it('writes every decision, the attendance and the quorum into the minutes and their PDF, with nobody retyping them', async () => {
    await mkdir(SHOTS, { recursive: true });
    const { board } = room;
    const db = board.db;
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: board.meetingId }, include: { agendaItems: { orderBy: { position: 'asc' } } } });
    const ids = new Map<string, string>();
    for (const [order, [nameTh, position, meetingRole, agencyTh]] of ROSTER.entries()) {
      ids.set(nameTh, (await db.rosterMember.create({ data: { planId: meeting.planId, nameTh, position, agencyTh, meetingRole, order } })).id);
    }
    const chair = await room.joinAs('chair', 'นายประธาน สูงสุด', { width: 1440, height: 1000 }, { rosterMemberId: ids.get('นายประธาน สูงสุด')! });
    const secretary = await room.joinAs('secretary', 'นางสาวเลขา ใจดี', { width: 1440, height: 1000 }, { rosterMemberId: ids.get('นางสาวเลขา ใจดี')! });
    await room.joinAs('member', 'นายรอง ประธาน', undefined, { rosterMemberId: ids.get('นายรอง ประธาน')! });
    await room.joinAs('secretary', 'นายผู้ช่วย เลขา', undefined, { rosterMemberId: ids.get('นายผู้ช่วย เลขา')! });
    await room.joinAs('presenter', 'นางนำเสนอ โครงการ', undefined, { organisationTh: 'กรมการปกครอง', kind: 'attendee' });
    // The room's screen: a device on the board, never a person in the minutes.
    const screen = await (await room.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await screen.goto(`${board.url}/join/${await board.sessions.createInvite({ meetingId: board.meetingId, role: 'observer', name: 'จอห้องประชุมใหญ่', kind: 'device' })}`);
    await screen.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
    await screen.waitForURL(`**/meetings/${board.meetingId}**`);
    await screen.goto(`${board.url}/meetings/${board.meetingId}/screen`);
    await expect.poll(() => screen.getByTestId('screen').getAttribute('data-connection'), { timeout: 10_000 }).toBe('live');

    // Attendance: one member absent on official duty, one represented by a substitute who has no device.
    const sheet = await secretary.context().newPage();
    await sheet.goto(`${board.url}/meetings/${board.meetingId}/attendance`);
    const member = (nameTh: string) => sheet.locator(`li[data-member="${nameTh}"]`);
    await expect.poll(() => sheet.locator('li[data-member]').count()).toBe(6);
    const absent = member('นายกรรมการ สอง');
    await absent.getByRole('radio', { name: 'ไม่มา' }).click();
    await absent.getByLabel('เหตุที่ไม่มา').selectOption('ติดราชการ');
    await absent.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => absent.getByTestId('member-standing').textContent()).toContain('ไม่มาประชุม: ติดราชการ');
    const represented = member('นางกรรมการ หนึ่ง');
    await represented.getByRole('radio', { name: 'มีผู้แทน' }).click();
    await represented.getByLabel('ชื่อผู้แทน').fill('นายแทน มาแทน');
    await represented.getByLabel('ตำแหน่งและหน่วยงานของผู้แทน').fill('ผู้อำนวยการกองกฎหมาย กรมบัญชีกลาง');
    await represented.getByRole('button', { name: 'บันทึก' }).click();
    await expect.poll(() => represented.getByTestId('member-standing').textContent()).toContain('(ผู้แทน นางกรรมการ หนึ่ง)');
    // Present: the chair, the vice chair, the substitute and both secretaries.
    await expect.poll(() => chair.getByTestId('quorum-badge').getAttribute('aria-label'), { timeout: 10_000 }).toBe('ครบองค์ประชุม: กรรมการมาประชุม 5 จาก 6');
    await sheet.close();

    // The agenda items' resolutions: the chair moves the agenda, the secretary records, the chair confirms.
    const agendaWords: [number, string][] = [
      [0, 'ประธานแจ้งกำหนดการตรวจติดตามโครงการในไตรมาสหน้า'],
      [2, 'ให้หน่วยงานรายงานความก้าวหน้าภายในวันที่ 15 ของทุกเดือน'],
      [4, 'ให้ฝ่ายเลขานุการนัดประชุมครั้งต่อไปตามที่ประธานกำหนด'],
    ];
    for (const page of [secretary, chair]) await page.getByTestId('agenda-item-section').locator('summary').click();
    for (const [index, words] of agendaWords) {
      const item = meeting.agendaItems[index]!;
      await chair.getByRole('combobox', { name: 'ระเบียบวาระปัจจุบัน' }).selectOption(item.id);
      await expect.poll(() => secretary.getByTestId('agenda-item-section').locator('summary').textContent()).toContain(item.titleTh);
      const section = secretary.getByTestId('agenda-resolution-section');
      await section.getByLabel('รับทราบ').check();
      await section.getByLabel('ข้อความมติ').fill(words);
      await section.getByRole('button', { name: 'บันทึกมติ' }).click();
      await expect.poll(() => chair.getByTestId('agenda-resolution-standing').textContent(), { timeout: 10_000 }).toContain('รอประธานยืนยัน');
      await chair.getByTestId('agenda-resolution-section').getByRole('button', { name: 'ยืนยันมติ' }).click();
      await expect.poll(() => secretary.getByTestId('agenda-resolution-standing').textContent(), { timeout: 10_000 }).toContain('ยืนยันแล้ว');
    }

    // Two browsers open the new minutes document at the same moment: one skeleton, one block per decision.
    const minutesUrl = `${board.url}/meetings/${board.meetingId}/minutes`;
    const [minutes, chairMinutes] = await Promise.all([secretary.context().newPage(), chair.context().newPage()]);
    await Promise.all([minutes.goto(minutesUrl), chairMinutes.goto(minutesUrl)]);
    for (const page of [minutes, chairMinutes]) {
      await expect.poll(async () => (await minutesBlocks(page)).filter((b) => b.text.includes(agendaWords[2]![1])).length, { timeout: 15_000 }).toBe(1);
    }
    const opened = await minutesBlocks(minutes);
    expect(await minutesBlocks(chairMinutes)).toEqual(opened);
    expect(opened.filter((b) => b.tag === 'h1')).toHaveLength(1);
    const keys = opened.flatMap((b) => (b.key ? [b.key] : []));
    expect(keys).toEqual(['attendance', 'opened', ...meeting.agendaItems.map((item) => `decision:${item.id}`), 'closed', 'signatories']);
    for (const [, words] of agendaWords) expect(opened.filter((b) => b.text.includes(words))).toHaveLength(1);
    await chairMinutes.close();

    // Project resolutions: one exception by itself on the board, one approach not approved and the rest approved at
    // their ceilings on the resolutions page; the chair confirms the whole list at once.
    const projects = await db.project.findMany({ where: { planId: meeting.planId }, orderBy: { position: 'asc' }, include: { approach: true, agency: true } });
    const exception = projects[0]!;
    const refusedApproach = projects.find((p) => p.approach.code !== exception.approach.code)!.approach.code;
    const refused = projects.filter((p) => p.approach.code === refusedApproach);
    await secretary.getByRole('button', { name: `ดูรายละเอียด: ${exception.nameTh}` }).click();
    const panel = secretary.getByTestId('resolution-section');
    await panel.getByLabel('อนุมัติโดยปรับวงเงิน').check();
    await panel.getByLabel('วงเงินที่ปรับ (ล้านบาท หรือ บาท)').fill('12.5');
    await panel.getByLabel('ข้อความมติ').fill('ให้ใช้ระบบคลาวด์กลางภาครัฐ');
    await panel.getByRole('button', { name: 'บันทึกมติ' }).click();
    await expect.poll(() => secretary.getByTestId('resolution-standing').textContent()).toContain('ร่าง รอประธานยืนยัน');

    await secretary.getByRole('link', { name: 'บันทึกมติรายโครงการ' }).click();
    await chair.getByRole('link', { name: 'บันทึกมติรายโครงการ' }).click();
    for (const page of [secretary, chair]) {
      await page.waitForURL('**/resolutions');
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('เชื่อมต่อสด');
    }
    await secretary.getByRole('checkbox', { name: `เลือกทั้งหมดในแนวทางนี้: แนวทางที่ ${refusedApproach}` }).check();
    await secretary.getByRole('radio', { name: 'ไม่อนุมัติ', exact: true }).click();
    await secretary.getByLabel('เงื่อนไข/ข้อความมติ (ถ้ามี)').fill('ให้ทบทวนความซ้ำซ้อนกับโครงการเดิม');
    await secretary.getByRole('button', { name: `บันทึกร่างมติโครงการที่เลือก (${refused.length})` }).click();
    await expect.poll(() => chair.getByTestId('draft-count').textContent(), { timeout: 15_000 }).toBe(String(refused.length + 1));
    await secretary.getByLabel('เงื่อนไข/ข้อความมติ (ถ้ามี)').fill('');
    await secretary.getByRole('radio', { name: 'อนุมัติตามวงเงินที่กำหนด (คงวงเงินปัจจุบันของแต่ละโครงการ)' }).click();
    const rest = projects.length - refused.length - 1;
    await secretary.getByRole('button', { name: `บันทึกร่างมติทุกโครงการที่ยังไม่มีมติ (${rest})` }).click();
    await expect.poll(() => chair.getByTestId('draft-count').textContent(), { timeout: 15_000 }).toBe(String(projects.length));
    await chair.getByRole('button', { name: `ยืนยันร่างมติทั้งหมด (${projects.length})` }).click();
    await expect.poll(() => secretary.getByTestId('bulk-drafts').textContent(), { timeout: 15_000 }).toContain('ไม่มีร่างมติรอยืนยัน');

    // The minutes page the secretary kept open follows: the table of every project under item 4, with the totals.
    const considerationItem = meeting.agendaItems.find((item) => item.kind === 'consideration')!;
    const decision = (itemId: string) => minutes.locator(`.minutes-document section[data-key="decision:${itemId}"]`);
    await expect.poll(() => decision(considerationItem.id).locator('tr').count(), { timeout: 20_000 }).toBe(projects.length + 2);
    const stored = await db.project.findMany({ where: { planId: meeting.planId } });
    const agreed = stored.reduce((sum, p) => sum + bahtFromDb(p.ceilingBaht), 0);
    const frameBaht = bahtFromDb((await db.plan.findUniqueOrThrow({ where: { id: meeting.planId } })).frameBaht);
    const table = decision(considerationItem.id);
    expect(await table.textContent()).toContain(`ที่ประชุมพิจารณาแล้วมีมติเกี่ยวกับโครงการ จำนวน ${projects.length} โครงการ ดังนี้`);
    const exceptionRow = (await table.locator('tr', { hasText: exception.nameTh }).innerText()).replace(/\s+/g, ' ');
    expect(exceptionRow).toContain(`${exception.agency.nameTh} ${formatMillionBaht(bahtFromDb(exception.requestedBaht))} 12.5000 เห็นชอบโดยปรับวงเงิน ให้ใช้ระบบคลาวด์กลางภาครัฐ`);
    const refusedRow = (await table.locator('tr', { hasText: refused[0]!.nameTh }).innerText()).replace(/\s+/g, ' ');
    expect(refusedRow).toContain('ไม่เห็นชอบ ให้ทบทวนความซ้ำซ้อนกับโครงการเดิม');
    const approvedRow = projects.find((p) => p.id !== exception.id && p.approach.code !== refusedApproach)!;
    expect((await table.locator('tr', { hasText: approvedRow.nameTh }).innerText()).replace(/\s+/g, ' ')).toMatch(
      new RegExp(`${formatMillionBaht(bahtFromDb(approvedRow.ceilingBaht)).replace('.', '\\.')} เห็นชอบ`),
    );
    const totals = `รวมวงเงินที่เห็นชอบ ${formatMillionBaht(agreed)} ล้านบาท จากกรอบวงเงิน ${formatMillionBaht(frameBaht)} ล้านบาท`;
    expect(await table.textContent()).toContain(totals);

    // Every decision under its own item, once.
    const blocks = await minutesBlocks(minutes);
    const under = (itemIndex: number) => {
      const heading = blocks.findIndex((b) => b.tag === 'h2' && b.text.startsWith(`ระเบียบวาระที่ ${meeting.agendaItems[itemIndex]!.number} `));
      return blocks.slice(heading, heading + 3).find((b) => b.key === `decision:${meeting.agendaItems[itemIndex]!.id}`)?.text ?? '';
    };
    for (const [index, words] of agendaWords) expect(under(index)).toBe(`มติที่ประชุม ที่ประชุมรับทราบ ${words}`);
    expect(blocks.filter((b) => b.text.includes('ที่ประชุมพิจารณาแล้วมีมติเกี่ยวกับโครงการ'))).toHaveLength(1);
    const title = `รายงานการประชุม${meeting.titleTh.replace(/^(การ)?ประชุม/, '')}`;
    expect(blocks.filter((b) => b.tag === 'h1').map((b) => b.text)).toEqual([title]);

    // The attendance: the chair first, the substitute for whom they replace, the absentee with the reason, the
    // presenter as an attendee, no device; the quorum; the real opening time; who recorded and who checks the minutes.
    const attendance = minutes.locator('.minutes-document section[data-key="attendance"]');
    const present = (await attendance.locator('h2:has-text("ผู้มาประชุม") + ol > li').allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
    expect(present).toEqual([
      'นายประธาน สูงสุด สำนักงานพัฒนารัฐบาลดิจิทัล ประธานกรรมการ',
      'นายรอง ประธาน สำนักงบประมาณ รองประธานกรรมการ',
      'นายแทน มาแทน (ผู้แทน นางกรรมการ หนึ่ง) ผู้อำนวยการกองกฎหมาย กรมบัญชีกลาง กรรมการ',
      'นางสาวเลขา ใจดี สำนักงานพัฒนารัฐบาลดิจิทัล กรรมการและเลขานุการ',
      'นายผู้ช่วย เลขา สำนักงานพัฒนารัฐบาลดิจิทัล ผู้ช่วยเลขานุการ',
    ]);
    const absentLines = (await attendance.locator('h2:has-text("ผู้ไม่มาประชุม") + ol > li').allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
    expect(absentLines).toEqual(['นายกรรมการ สอง สำนักงานคณะกรรมการพัฒนาระบบราชการ กรรมการ ติดราชการ']);
    const attendees = (await attendance.locator('h2:has-text("ผู้เข้าร่วมประชุม") + ol > li').allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
    expect(attendees).toEqual(['นางนำเสนอ โครงการ กรมการปกครอง']);
    const text = (await minutes.locator('.minutes-document').innerText()).replace(/\s+/g, ' ');
    expect(text).not.toContain('จอห้องประชุมใหญ่');
    expect(text).toContain('องค์ประชุม ครบองค์ประชุม (กรรมการมาประชุม 5 คน จากทั้งหมด 6 คน)');
    expect(text).toContain(`เริ่มประชุมเวลา ${formatThaiTime(meeting.openedAt!)}`);
    expect(text).toContain('ผู้จดรายงานการประชุม นายผู้ช่วย เลขา ผู้ช่วยเลขานุการ');
    expect(text).toContain('ผู้ตรวจรายงานการประชุม นางสาวเลขา ใจดี กรรมการและเลขานุการ');
    // The title once, and not as "รายงานการประชุมประชุม…".
    expect(text.split(title).length - 1).toBe(1);
    expect(text).not.toContain('รายงานการประชุมประชุม');

    for (const [width, height] of [[390, 844], [768, 1024], [1440, 900], [1920, 1080]] as const) {
      await minutes.setViewportSize({ width, height });
      expect(await horizontalOverflow(minutes), `minutes at ${width}px`).toBe(0);
      await minutes.screenshot({ path: `${SHOTS}/minutes-${width}.png` });
      // Item 4's heading and the start of its table, below the page's sticky bar.
      await decision(considerationItem.id).evaluate((section) => {
        section.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -160);
      });
      await minutes.screenshot({ path: `${SHOTS}/minutes-${width}-decisions.png` });
      await minutes.evaluate(() => window.scrollTo(0, 0));
    }

    // The exported PDF carries the same record.
    const exported = await minutes.request.get(`${board.url}/meetings/${board.meetingId}/export/minutes.pdf`);
    expect(exported.status()).toBe(200);
    const pdf = await pdfText(await exported.body(), 'minutes-exported');
    const rowOf = (p: (typeof projects)[number], agreedBaht: number, outcome: string, conditions: string) =>
      `${p.code} ${p.nameTh} ${p.agency.nameTh} ${formatMillionBaht(bahtFromDb(p.requestedBaht))} ${formatMillionBaht(agreedBaht)} ${outcome} ${conditions}`;
    for (const line of [
      title,
      `ครั้งที่ ${meeting.number}/`,
      ...agendaWords.map(([, words]) => `มติที่ประชุม ที่ประชุมรับทราบ ${words}`),
      `ที่ประชุมพิจารณาแล้วมีมติเกี่ยวกับโครงการ จำนวน ${projects.length} โครงการ ดังนี้`,
      rowOf(exception, 12_500_000, 'เห็นชอบโดยปรับวงเงิน', 'ให้ใช้ระบบคลาวด์กลางภาครัฐ'),
      rowOf(refused[0]!, 0, 'ไม่เห็นชอบ', 'ให้ทบทวนความซ้ำซ้อนกับโครงการเดิม'),
      totals,
      ...present,
      ...absentLines,
      ...attendees,
      'องค์ประชุม ครบองค์ประชุม (กรรมการมาประชุม 5 คน จากทั้งหมด 6 คน)',
      `เริ่มประชุมเวลา ${formatThaiTime(meeting.openedAt!)}`,
      'ผู้จดรายงานการประชุม นายผู้ช่วย เลขา ผู้ช่วยเลขานุการ',
      'ผู้ตรวจรายงานการประชุม นางสาวเลขา ใจดี กรรมการและเลขานุการ',
    ]) {
      expect(pdf, line).toContain(unspaced(line));
    }
    expect(pdf).not.toContain(unspaced('จอห้องประชุมใหญ่'));
    // The attendance in the minutes' order in the file too: the chair before every other member.
    expect(pdf.indexOf(unspaced(present[0]!))).toBeLessThan(pdf.indexOf(unspaced(present[1]!)));
    // Each decision once, under its item: item 3's decision after item 3's heading and before item 4's.
    for (const [index, words] of agendaWords) {
      const at = pdf.indexOf(unspaced(words));
      expect(pdf.split(unspaced(words)).length - 1).toBe(1);
      expect(at).toBeGreaterThan(pdf.indexOf(unspaced(`ระเบียบวาระที่ ${meeting.agendaItems[index]!.number} ${meeting.agendaItems[index]!.titleTh}`)));
      const next = meeting.agendaItems[index + 1];
      if (next) expect(at).toBeLessThan(pdf.indexOf(unspaced(`ระเบียบวาระที่ ${next.number} ${next.titleTh}`)));
    }
    expect(pdf.split(unspaced(title)).length - 1).toBe(1);
    expect(pdf).not.toContain(unspaced('รายงานการประชุมประชุม'));
  }, 240_000);
});
