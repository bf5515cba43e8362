// Attendance in the minutes, live: a roster of six on a real board and Postgres, the secretary's y-websocket client
// holding the minutes open. ผู้มาประชุม follows the roster (chair first, by position), an absence recorded with its
// reason and a stand-in (ผู้แทน) reach the open document, devices are nobody, the quorum is written, and เริ่ม/เลิก
// ประชุมเวลา are the moments the meeting was opened and closed. Bad calls are refused typed and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Ack } from '../../server/shared/ack.ts';
import { formatThaiTime } from '../../server/domain/thai-dates.ts';
import type { CommitteePosition } from '../../server/shared/people.ts';
import type { Role } from '../../server/shared/roles.ts';
import { MINUTES_FRAGMENT } from '../../server/yjs/minutes-template.ts';
import type { Identity } from '../../server/auth/identity.ts';
import { participantActor } from '../../server/shared/actor.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';
import { openDoc } from '../support/meeting-clients.ts';

/** Each block's text in order. */
function lines(doc: Y.Doc): string[] {
  const out: string[] = [];
  const text = (node: Y.XmlElement): string =>
    node
      .toArray()
      .map((child) => (child instanceof Y.XmlText ? child.toDelta().map((d: { insert: string }) => d.insert).join('') : child instanceof Y.XmlElement ? text(child) : ''))
      .join('');
  const walk = (node: Y.XmlElement) => {
    if (node.nodeName === 'paragraph' || node.nodeName === 'heading') out.push(text(node));
    else for (const child of node.toArray()) if (child instanceof Y.XmlElement) walk(child);
  };
  for (const child of doc.getXmlFragment(MINUTES_FRAGMENT).toArray()) walk(child as Y.XmlElement);
  return out;
}
const between = (all: string[], from: string, to: string) => all.slice(all.indexOf(from) + 1, all.indexOf(to));
const code = (reply: Ack<unknown>) => ('error' in reply ? reply.error.code : 'accepted');

const ROSTER: [string, CommitteePosition, string, Role][] = [
  ['นางสาวเลขา ใจดี', 'member_secretary', 'สำนักงานพัฒนารัฐบาลดิจิทัล', 'secretary'],
  ['นายกรรมการ หนึ่ง', 'member', 'สำนักงบประมาณ', 'member'],
  ['นายประธาน สูงสุด', 'chair', 'กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม', 'chair'],
  ['นางกรรมการ สอง', 'member', 'กรมบัญชีกลาง', 'member'],
  ['นายรอง ประธาน', 'vice_chair', 'สำนักงาน ก.พ.ร.', 'member'],
  ['นายผู้ช่วย จดดี', 'assistant_secretary', 'สำนักงานพัฒนารัฐบาลดิจิทัล', 'secretary'],
];

describe('attendance in the minutes', () => {
  let board: TestBoard;
  let secretary: ClientSocket;
  let secretaryIdentity: Identity;
  let member: ClientSocket;
  let minutes: ReturnType<typeof openDoc>;
  const ids = new Map<string, string>();
  let substituteId: string;
  let screenId: string;

  beforeAll(async () => {
    board = await startTestBoard();
    const { planId } = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId }, select: { planId: true } });
    for (const [order, [nameTh, position, agencyTh, meetingRole]] of ROSTER.entries()) {
      const row = await board.db.rosterMember.create({ data: { planId, nameTh, position, agencyTh, meetingRole, order } });
      ids.set(nameTh, row.id);
    }
    // The roster members who came join by their own invites, as the set-up page issues them.
    const seat = async (role: Role, nameTh: string) => {
      const joined = await board.connect(role, nameTh);
      await board.db.participant.update({ where: { id: joined.identity.participantId }, data: { rosterMemberId: ids.get(nameTh)! } });
      return joined;
    };
    const secretarySeat = await seat('secretary', 'นางสาวเลขา ใจดี');
    secretary = secretarySeat.socket;
    secretaryIdentity = secretarySeat.identity;
    await seat('chair', 'นายประธาน สูงสุด');
    member = (await seat('member', 'นายกรรมการ หนึ่ง')).socket;
    await seat('secretary', 'นายผู้ช่วย จดดี');
    substituteId = (await board.connect('member', 'นายแทน มาแทน')).identity.participantId;
    await board.db.participant.update({ where: { id: substituteId }, data: { organisationTh: 'กรมบัญชีกลาง (กองงบประมาณ)' } });
    screenId = (await board.connect('observer', 'จอห้องประชุม')).identity.participantId;
    await board.db.participant.update({ where: { id: screenId }, data: { kind: 'device' } });
    await board.db.meeting.update({ where: { id: board.meetingId }, data: { openedAt: new Date('2026-12-02T09:41:00+07:00') } });

    minutes = openDoc(board.url, secretarySeat.sessionToken, `meeting/${board.meetingId}/minutes`);
    await minutes.synced;
  });
  afterAll(async () => {
    minutes?.provider.destroy();
    await board?.stop();
  });

  it('lists the roster present chair first, by position, with the quorum and the real opening time', async () => {
    await expect.poll(() => between(lines(minutes.doc), 'ผู้มาประชุม', 'ผู้ไม่มาประชุม'), { timeout: 10_000 }).toEqual([
      'นายประธาน สูงสุด  กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม  ประธานกรรมการ',
      'นายกรรมการ หนึ่ง  สำนักงบประมาณ  กรรมการ',
      'นางสาวเลขา ใจดี  สำนักงานพัฒนารัฐบาลดิจิทัล  กรรมการและเลขานุการ',
      'นายผู้ช่วย จดดี  สำนักงานพัฒนารัฐบาลดิจิทัล  ผู้ช่วยเลขานุการ',
    ]);
    const all = lines(minutes.doc);
    expect(between(all, 'ผู้ไม่มาประชุม', 'ผู้เข้าร่วมประชุม')).toEqual(['นายรอง ประธาน  สำนักงาน ก.พ.ร.  รองประธานกรรมการ', 'นางกรรมการ สอง  กรมบัญชีกลาง  กรรมการ']);
    expect(all).toContain('องค์ประชุม ครบองค์ประชุม (กรรมการมาประชุม 4 คน จากทั้งหมด 6 คน)');
    expect(all).toContain('เริ่มประชุมเวลา 09.41 น.');
    expect(all).toContain('ผู้จดรายงานการประชุม นายผู้ช่วย จดดี  ผู้ช่วยเลขานุการ');
    expect(all).toContain('ผู้ตรวจรายงานการประชุม นางสาวเลขา ใจดี  กรรมการและเลขานุการ');
    // Someone not on the roster attends; the room's screen is nobody.
    expect(between(all, 'ผู้เข้าร่วมประชุม', 'องค์ประชุม ครบองค์ประชุม (กรรมการมาประชุม 4 คน จากทั้งหมด 6 คน)')).toEqual([
      'นายแทน มาแทน  กรมบัญชีกลาง (กองงบประมาณ)',
    ]);
    expect(all.join('\n')).not.toContain('จอห้องประชุม');
  });

  it('follows an absence with its reason and a stand-in into the open minutes', async () => {
    expect(code(await secretary.emitWithAck('attendance:absent', { rosterMemberId: ids.get('นายรอง ประธาน')!, reasonTh: 'ลาป่วย' }))).toBe('accepted');
    expect(code(await secretary.emitWithAck('attendance:substitute', { participantId: substituteId, rosterMemberId: ids.get('นางกรรมการ สอง')! }))).toBe('accepted');
    await expect.poll(() => between(lines(minutes.doc), 'ผู้ไม่มาประชุม', 'ผู้เข้าร่วมประชุม'), { timeout: 10_000 }).toEqual([
      'นายรอง ประธาน  สำนักงาน ก.พ.ร.  รองประธานกรรมการ  ลาป่วย',
    ]);
    const all = lines(minutes.doc);
    expect(between(all, 'ผู้มาประชุม', 'ผู้ไม่มาประชุม')).toContain('นายแทน มาแทน (ผู้แทน นางกรรมการ สอง)  กรมบัญชีกลาง (กองงบประมาณ)  กรรมการ');
    expect(all).toContain('องค์ประชุม ครบองค์ประชุม (กรรมการมาประชุม 5 คน จากทั้งหมด 6 คน)');
    // The absence is stored once, on a row that cannot sign in.
    const absent = await board.db.participant.findMany({ where: { meetingId: board.meetingId, rosterMemberId: ids.get('นายรอง ประธาน')! } });
    expect(absent).toEqual([expect.objectContaining({ attendance: 'absent', absenceReason: 'ลาป่วย', inviteId: null })]);
  });

  it('refuses bad calls typed, changing nothing', async () => {
    const seq = async () => (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq;
    const before = await seq();
    expect(code(await member.emitWithAck('attendance:absent', { rosterMemberId: ids.get('นายรอง ประธาน')!, reasonTh: 'ติดราชการ' }))).toBe('forbidden');
    expect(code(await secretary.emitWithAck('attendance:absent', { rosterMemberId: 'nobody', reasonTh: 'ติดราชการ' }))).toBe('roster_member_not_found');
    expect(code(await secretary.emitWithAck('attendance:absent', { rosterMemberId: ids.get('นายรอง ประธาน')!, reasonTh: '   ' }))).toBe('invalid_payload');
    const rosterSeat = await board.db.participant.findFirstOrThrow({ where: { rosterMemberId: ids.get('นายกรรมการ หนึ่ง')! } });
    expect(code(await secretary.emitWithAck('attendance:substitute', { participantId: rosterSeat.id, rosterMemberId: ids.get('นายรอง ประธาน')! }))).toBe('substitute_on_roster');
    expect(code(await secretary.emitWithAck('attendance:substitute', { participantId: screenId, rosterMemberId: ids.get('นายรอง ประธาน')! }))).toBe('participant_not_found');
    expect(await seq()).toBe(before);
  });

  it('writes เลิกประชุมเวลา when the meeting is closed', async () => {
    await board.runCommand('meeting:close', participantActor(secretaryIdentity), {});
    const { closedAt } = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } });
    await expect.poll(() => lines(minutes.doc), { timeout: 10_000 }).toContain(`เลิกประชุมเวลา ${formatThaiTime(closedAt!)}`);
  });
});
