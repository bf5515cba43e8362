// The attendance page's command and query on a real board and Postgres: the secretary marks roster members who never
// joined on a device present, absent with a reason, or represented by a substitute who did not join either; the sheet
// and the quorum follow; rows made only to record attendance are nobody in the presence list (an absence recorded
// before someone joined used to show there); a stand-in ends when the member is marked again. Bad calls are refused
// typed and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../server/shared/ack.ts';
import type { AttendanceSheet } from '../../server/shared/events/attendance.ts';
import type { CommitteePosition } from '../../server/shared/people.ts';
import type { Role } from '../../server/shared/roles.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';

const code = (reply: Ack<unknown>) => ('error' in reply ? reply.error.code : 'accepted');

const ROSTER: [string, CommitteePosition, Role][] = [
  ['นายประธาน สูงสุด', 'chair', 'chair'],
  ['นางสาวเลขา ใจดี', 'member_secretary', 'secretary'],
  ['นายกรรมการ หนึ่ง', 'member', 'member'],
  ['นางกรรมการ สอง', 'member', 'member'],
];

describe('the attendance sheet', () => {
  let board: TestBoard;
  let secretary: ClientSocket;
  let member: ClientSocket;
  const ids = new Map<string, string>();

  const sheet = async (socket: ClientSocket = secretary): Promise<AttendanceSheet> => {
    const reply = await socket.emitWithAck('attendance:sheet', {});
    if (!('data' in reply)) throw new Error(reply.error.code);
    return reply.data;
  };
  const standing = async (nameTh: string) => (await sheet()).members.find((m) => m.nameTh === nameTh)!;

  beforeAll(async () => {
    board = await startTestBoard();
    const { planId } = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId }, select: { planId: true } });
    for (const [order, [nameTh, position, meetingRole]] of ROSTER.entries()) {
      ids.set(nameTh, (await board.db.rosterMember.create({ data: { planId, nameTh, position, agencyTh: 'สำนักงบประมาณ', meetingRole, order } })).id);
    }
    const seated = await board.connect('secretary', 'นางสาวเลขา ใจดี');
    await board.db.participant.update({ where: { id: seated.identity.participantId }, data: { rosterMemberId: ids.get('นางสาวเลขา ใจดี')! } });
    secretary = seated.socket;
    member = (await board.connect('member', 'ผู้สังเกต ทดสอบ')).socket;
  });
  afterAll(() => board?.stop());

  it('lists every roster member, joined or not, chair first, with the quorum', async () => {
    const { members, quorum } = await sheet(member);
    expect(members.map((m) => [m.nameTh, m.status, m.onDevice])).toEqual([
      ['นายประธาน สูงสุด', 'unrecorded', false],
      ['นายกรรมการ หนึ่ง', 'unrecorded', false],
      ['นางกรรมการ สอง', 'unrecorded', false],
      ['นางสาวเลขา ใจดี', 'online', true],
    ]);
    expect(quorum).toEqual({ members: 4, present: 1, met: false });
  });

  it('marks members who never joined present, absent with a reason, or represented, none of them in the presence list', async () => {
    expect(code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: ids.get('นายประธาน สูงสุด')!, status: 'present' }))).toBe('accepted');
    expect(code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: ids.get('นายกรรมการ หนึ่ง')!, status: 'absent', reasonTh: 'ลาป่วย' }))).toBe('accepted');
    expect(
      code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: ids.get('นางกรรมการ สอง')!, status: 'substitute', nameTh: 'นายแทน มาแทน', organisationTh: 'ผู้อำนวยการกอง' })),
    ).toBe('accepted');

    const { members, quorum } = await sheet();
    expect(members.map((m) => [m.nameTh, m.status, m.reasonTh, m.substitute?.nameTh ?? null, m.substitute?.organisationTh ?? null])).toEqual([
      ['นายประธาน สูงสุด', 'present', null, null, null],
      ['นายกรรมการ หนึ่ง', 'absent', 'ลาป่วย', null, null],
      ['นางกรรมการ สอง', 'substitute', null, 'นายแทน มาแทน', 'ผู้อำนวยการกอง'],
      ['นางสาวเลขา ใจดี', 'online', null, null, null],
    ]);
    expect(quorum).toEqual({ members: 4, present: 3, met: true });

    const presence = await secretary.emitWithAck('presence:list', {});
    if (!('data' in presence)) throw new Error(presence.error.code);
    expect(presence.data.map((e) => e.displayName).sort()).toEqual(['ผู้สังเกต ทดสอบ', 'นางสาวเลขา ใจดี'].sort());
  });

  it('counts a member who joins after being marked absent as present, once', async () => {
    const joined = await board.connect('member', 'นายกรรมการ หนึ่ง');
    await board.db.participant.update({ where: { id: joined.identity.participantId }, data: { rosterMemberId: ids.get('นายกรรมการ หนึ่ง')! } });
    // Presence marks a joining participant online; the sheet reads both rows as one member.
    await expect.poll(async () => (await standing('นายกรรมการ หนึ่ง')).status).toBe('online');
    expect((await standing('นายกรรมการ หนึ่ง')).onDevice).toBe(true);
    expect((await sheet()).quorum).toEqual({ members: 4, present: 4, met: true });
    joined.socket.close();
  });

  it('ends a stand-in when the member is marked present, and a new stand-in replaces the old', async () => {
    const two = ids.get('นางกรรมการ สอง')!;
    expect(code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: two, status: 'substitute', nameTh: 'นายแทน คนใหม่', organisationTh: '' }))).toBe('accepted');
    expect((await standing('นางกรรมการ สอง')).substitute).toMatchObject({ nameTh: 'นายแทน คนใหม่', organisationTh: '' });
    expect(await board.db.participant.count({ where: { substituteForId: two, revokedAt: null } })).toBe(1);

    expect(code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: two, status: 'present' }))).toBe('accepted');
    expect(await standing('นางกรรมการ สอง')).toMatchObject({ status: 'present', substitute: null });
    expect(await board.db.participant.count({ where: { substituteForId: two, revokedAt: null } })).toBe(0);
    // The withdrawn substitute is not left behind as an attendee.
    expect((await sheet()).attendees.map((a) => a.nameTh)).toEqual(['ผู้สังเกต ทดสอบ']);
  });

  it('refuses bad calls typed, changing nothing', async () => {
    const seq = async () => (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq;
    const rows = () => board.db.participant.count();
    const [seqBefore, rowsBefore] = [await seq(), await rows()];
    const one = ids.get('นายกรรมการ หนึ่ง')!;
    expect(code(await member.emitWithAck('attendance:mark', { rosterMemberId: one, status: 'present' }))).toBe('forbidden');
    expect(code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: 'nobody', status: 'present' }))).toBe('roster_member_not_found');
    expect(code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: one, status: 'absent', reasonTh: '  ' }))).toBe('invalid_payload');
    expect(code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: one, status: 'substitute', nameTh: '', organisationTh: '' }))).toBe('invalid_payload');
    expect(code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: one, status: 'late' } as never))).toBe('invalid_payload');
    expect(code(await secretary.emitWithAck('attendance:mark', { rosterMemberId: one, status: 'present', extra: 1 } as never))).toBe('invalid_payload');
    expect(code(await secretary.emitWithAck('attendance:sheet', { extra: 1 } as never))).toBe('invalid_payload');
    expect([await seq(), await rows()]).toEqual([seqBefore, rowsBefore]);
  });
});
