// Adopting the minutes in Chromium, as the people do it: the secretary circulates the draft, a member comments and
// cannot type in it, at the next meeting (in session, at agenda item 2) the chair adopts them with an amendment, the
// secretary locks them, the verify page says they verify, and the exported PDF is the adopted text.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { participantActor } from '../../server/shared/actor.ts';
import type { Role } from '../../server/shared/roles.ts';
import { describeInBrowser, horizontalOverflow } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';
import { createNextMeeting } from '../support/next-meeting.ts';

const SHOTS = '/tmp/adoption';
const WIDTHS = [390, 768, 1440, 1920] as const;

describeInBrowser('adopting the minutes in Chromium', () => {
  const room = useRoom();

  /** Joins `meetingId` from a personal invite, in a browser context of its own. */
  async function joinMeeting(meetingId: string, role: Role, name: string): Promise<Page> {
    const page = await (await room.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${room.board.url}/join/${await room.board.sessions.createInvite({ meetingId, role, name })}`);
    await page.getByRole('button', { name: 'เข้าร่วมประชุม' }).click();
    await page.waitForURL(`**/meetings/${meetingId}`);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 }).toBe('เชื่อมต่อสด');
    return page;
  }
  async function openMinutes(page: Page, meetingId: string) {
    await page.goto(`${room.board.url}/meetings/${meetingId}/minutes`);
    await expect.poll(() => page.getByTestId('minutes-status').textContent(), { timeout: 10_000 }).not.toContain('กำลังเชื่อมต่อ');
  }
  const state = (page: Page) => page.getByTestId('adoption-state').textContent();
  async function storedMinutes(meetingId: string): Promise<string> {
    const doc = new Y.Doc();
    for (const update of await room.board.documents.load(`meeting/${meetingId}/minutes`)) Y.applyUpdate(doc, update);
    return doc.getXmlFragment('default').toString();
  }
  async function shots(page: Page, name: string) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await horizontalOverflow(page), `${name} scrolls sideways at ${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: width !== 1920 });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('circulates, takes comments, adopts at the next meeting, locks, verifies and exports the adopted text', async () => {
    const { board } = room;
    const first = board.meetingId;
    const next = await createNextMeeting(board.db, first);

    // The secretary writes a line of the draft and circulates it; the member, reading, sees it happen.
    const secretary = await room.joinAs('secretary', 'นางสาวเลขา บันทึกดี');
    const member = await room.joinAs('member', 'นายกรรมการ อ่านละเอียด');
    await openMinutes(secretary, first);
    await openMinutes(member, first);
    expect(await state(member)).toBe('ร่าง');
    // In the empty paragraph under agenda item 1, where the secretary writes what the meeting heard.
    await secretary.locator('.ProseMirror h2:has-text("ระเบียบวาระที่ 1") + p').click();
    await secretary.keyboard.type('ที่ประชุมรับทราบความคืบหน้าของแผนบูรณาการ');
    await expect.poll(() => storedMinutes(first), { timeout: 10_000 }).toContain('ที่ประชุมรับทราบความคืบหน้าของแผนบูรณาการ');
    await secretary.getByRole('button', { name: 'เวียนรายงานการประชุมให้กรรมการพิจารณา' }).click();
    await expect.poll(() => state(secretary), { timeout: 10_000 }).toBe('เวียนให้กรรมการพิจารณาแล้ว');
    await expect.poll(() => state(member), { timeout: 10_000 }).toBe('เวียนให้กรรมการพิจารณาแล้ว');

    // The member comments with a note; typing into the draft changes nothing, here or on the server.
    await member.getByTestId('minutes-annotations').getByLabel('เขียนบันทึก').fill('ขอแก้ชื่อหน่วยงานในวาระที่ 4');
    await member.getByTestId('minutes-annotations').getByRole('button', { name: 'บันทึก', exact: true }).click();
    await expect.poll(() => secretary.getByTestId('minutes-annotations').getByTestId('note').count(), { timeout: 10_000 }).toBe(1);
    expect(await member.locator('.ProseMirror').getAttribute('contenteditable')).toBe('false');
    await member.locator('.ProseMirror').click();
    await member.keyboard.type('สมาชิกแก้ร่างเอง');
    expect(await member.locator('.ProseMirror').textContent()).not.toContain('สมาชิกแก้ร่างเอง');
    await shots(member, 'minutes-circulated-member');

    // The next meeting sits; its chair takes the board to agenda item 2 and adopts the minutes with an amendment.
    const chair = await joinMeeting(next.id, 'chair', 'นายประธาน รับรอง');
    const chairIdentity = await board.db.participant.findFirstOrThrow({ where: { meetingId: next.id, role: 'chair' } });
    await board.runCommand('meeting:open', participantActor({ participantId: chairIdentity.id, meetingId: next.id, displayName: chairIdentity.displayName }), {});
    const item2 = await board.db.agendaItem.findFirstOrThrow({ where: { meetingId: next.id, kind: 'minutes_approval' } });
    await chair.getByTestId('presenter-controls').getByLabel('ระเบียบวาระปัจจุบัน').selectOption(item2.id);
    const panel = chair.getByTestId('minutes-adoption');
    await expect.poll(() => panel.getByTestId('adoption-state').textContent(), { timeout: 10_000 }).toBe('เวียนให้กรรมการพิจารณาแล้ว');
    await panel.getByLabel('การแก้ไขรายงานการประชุม (บรรทัดละหนึ่งรายการ ถ้ามี)').fill('แก้ชื่อหน่วยงานในวาระที่ 4 เป็นสำนักงานพัฒนารัฐบาลดิจิทัล');
    await panel.getByRole('button', { name: 'รับรองรายงานการประชุม', exact: true }).click();
    await expect.poll(() => panel.getByTestId('adoption-state').textContent(), { timeout: 10_000 }).toBe('รับรองแล้ว');
    await shots(chair, 'next-meeting-item2-chair');
    // The first meeting's pages hear it live: adopted, and nobody edits any more.
    await expect.poll(() => state(member), { timeout: 10_000 }).toBe('รับรองแล้ว');
    await expect.poll(() => state(secretary), { timeout: 10_000 }).toBe('รับรองแล้ว');
    await expect.poll(() => secretary.locator('.ProseMirror').getAttribute('contenteditable'), { timeout: 10_000 }).toBe('false');
    expect(await secretary.getByTestId('amendments').textContent()).toContain('สำนักงานพัฒนารัฐบาลดิจิทัล');

    // The secretary locks them; the record's hash shows, and the verify page says it verifies.
    await secretary.getByRole('button', { name: 'ล็อกรายงานการประชุมที่รับรองแล้วเป็นบันทึก' }).click();
    await expect.poll(() => state(secretary), { timeout: 30_000 }).toBe('ล็อกเป็นบันทึกแล้ว');
    const row = await board.db.minutesAdoption.findUniqueOrThrow({ where: { meetingId: first } });
    expect(await secretary.getByTestId('minutes-hash').textContent()).toBe(row.hash);
    await shots(secretary, 'minutes-locked-secretary');
    await secretary.getByRole('link', { name: 'ตรวจสอบบันทึก' }).click();
    await secretary.waitForURL('**/verify');
    const records = secretary.getByTestId('minutes-records');
    expect(await records.getByTestId('minutes-verify-summary').textContent()).toContain('ทุกฉบับผ่านการตรวจสอบ');
    expect(await records.getByTestId('record').textContent()).toContain(row.hash!);
    expect(await records.getByTestId('signature-status').textContent()).toBe('ลายมือชื่อดิจิทัลถูกต้อง');
    await shots(secretary, 'verify-minutes');

    // The exported PDF is the adopted text, with the amendment and the adoption at the next meeting.
    const pdf = await member.request.get(`${board.url}/meetings/${first}/export/minutes.pdf`);
    expect(pdf.status()).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), 'cb-adopted-'));
    try {
      await writeFile(path.join(dir, 'minutes.pdf'), await pdf.body());
      const { stdout } = await promisify(execFile)('pdftotext', [path.join(dir, 'minutes.pdf'), '-']);
      const text = stdout.replace(/\s+/g, ' ');
      expect(text).toContain('ที่ประชุมรับทราบความคืบหน้าของแผนบูรณาการ');
      expect(text).toContain('แก้ชื่อหน่วยงานในวาระที่ 4 เป็นสำนักงานพัฒนารัฐบาลดิจิทัล');
      expect(text).toContain(`ในการประชุมครั้งที่ ${next.number}/${next.yearBE}`);
      expect(text).not.toContain('สมาชิกแก้ร่างเอง');
      await writeFile(path.join(SHOTS, 'adopted-minutes.txt'), stdout);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
