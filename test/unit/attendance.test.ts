import { describe, expect, it } from 'vitest';
import { attendanceRoll, attendanceSheet, quorumOf, type RosterPerson, type SeatedPerson } from '../../server/domain/attendance.ts';
import { meetingRecordSections } from '../../server/domain/minutes-attendance.ts';

const roster: RosterPerson[] = [
  { id: 'sec', nameTh: 'นางสาวเลขา', position: 'member_secretary', agencyTh: 'สพร.', order: 1 },
  { id: 'm2', nameTh: 'นายกรรมการสอง', position: 'member', agencyTh: 'กรมบัญชีกลาง', order: 3 },
  { id: 'm1', nameTh: 'นางกรรมการหนึ่ง', position: 'member', agencyTh: 'สำนักงบประมาณ', order: 2 },
  { id: 'vc', nameTh: 'นายรอง', position: 'vice_chair', agencyTh: 'สพร.', order: 5 },
  { id: 'ch', nameTh: 'นายประธาน', position: 'chair', agencyTh: 'กระทรวงดิจิทัลฯ', order: 4 },
  { id: 'm3', nameTh: 'นายขาด', position: 'member', agencyTh: 'สศช.', order: 6 },
];

function seat(p: Partial<SeatedPerson> & Pick<SeatedPerson, 'id' | 'displayName'>): SeatedPerson {
  return { organisationTh: '', role: 'member', kind: 'member', attendance: null, absenceReason: null, rosterMemberId: null, substituteForId: null, recordOnly: false, ...p };
}

describe('the attendance roll', () => {
  it('lists the chair first, then by position and roster order; a substitute as ผู้แทน of whom; absentees with their reason', () => {
    const roll = attendanceRoll(roster, [
      seat({ id: 'p1', displayName: 'นางสาวเลขา', role: 'secretary', rosterMemberId: 'sec' }),
      seat({ id: 'p2', displayName: 'นายประธาน', role: 'chair', rosterMemberId: 'ch', attendance: 'present' }),
      seat({ id: 'p3', displayName: 'นางกรรมการหนึ่ง', rosterMemberId: 'm1', attendance: 'online' }),
      seat({ id: 'p4', displayName: 'นายแทน', organisationTh: 'กรมบัญชีกลาง (ส่วนกลาง)', substituteForId: 'm2' }),
      seat({ id: 'p5', displayName: 'นายรอง', rosterMemberId: 'vc', attendance: 'absent', absenceReason: 'ลาป่วย' }),
      seat({ id: 'p6', displayName: 'นายนำเสนอ', organisationTh: 'สพร.', role: 'presenter', kind: 'attendee' }),
      seat({ id: 'p7', displayName: 'จอห้องประชุม', role: 'observer', kind: 'device' }),
    ]);
    expect(roll.present.map((m) => [m.nameTh, m.positionTh, m.agencyTh, m.substituteFor?.nameTh ?? null])).toEqual([
      ['นายประธาน', 'ประธานกรรมการ', 'กระทรวงดิจิทัลฯ', null],
      ['นางกรรมการหนึ่ง', 'กรรมการ', 'สำนักงบประมาณ', null],
      ['นายแทน', 'กรรมการ', 'กรมบัญชีกลาง (ส่วนกลาง)', 'นายกรรมการสอง'],
      ['นางสาวเลขา', 'กรรมการและเลขานุการ', 'สพร.', null],
    ]);
    // Absent with a reason, and a member nobody recorded (never joined, no reason yet).
    expect(roll.absent.map((m) => [m.nameTh, m.reasonTh])).toEqual([
      ['นายรอง', 'ลาป่วย'],
      ['นายขาด', null],
    ]);
    expect(roll.attendees).toEqual([{ participantId: 'p6', nameTh: 'นายนำเสนอ', organisationTh: 'สพร.' }]);
    expect(roll.quorum).toEqual({ members: 6, present: 4, met: true });
  });

  it('counts a member once whatever rows they have, and a device never', () => {
    const roll = attendanceRoll(roster.slice(0, 2), [
      seat({ id: 'a', displayName: 'นางสาวเลขา', rosterMemberId: 'sec', attendance: 'absent', absenceReason: 'ติดราชการ' }),
      seat({ id: 'b', displayName: 'นางสาวเลขา', rosterMemberId: 'sec', attendance: 'online' }),
      seat({ id: 'c', displayName: 'จอ', kind: 'device', rosterMemberId: 'm2' }),
    ]);
    expect(roll.present.map((m) => m.nameTh)).toEqual(['นางสาวเลขา']);
    expect(roll.absent.map((m) => m.nameTh)).toEqual(['นายกรรมการสอง']);
    expect(roll.quorum).toEqual({ members: 2, present: 1, met: true });
  });

  it('without a roster, lists members by their role and counts no quorum', () => {
    const roll = attendanceRoll([], [
      seat({ id: 'a', displayName: 'นางกรรมการ' }),
      seat({ id: 'b', displayName: 'นายประธาน', role: 'chair' }),
      seat({ id: 'c', displayName: 'นายขาด', attendance: 'absent' }),
      seat({ id: 'd', displayName: 'นายสังเกต', role: 'observer' }),
    ]);
    expect(roll.present.map((m) => [m.nameTh, m.positionTh])).toEqual([
      ['นายประธาน', 'ประธานกรรมการ'],
      ['นางกรรมการ', 'กรรมการ'],
    ]);
    expect(roll.absent.map((m) => m.nameTh)).toEqual(['นายขาด']);
    expect(roll.attendees.map((a) => a.nameTh)).toEqual(['นายสังเกต']);
    expect(roll.quorum).toBeNull();
  });

  it('has a quorum at half the members or more', () => {
    expect(quorumOf(6, 3).met).toBe(true);
    expect(quorumOf(7, 3).met).toBe(false);
    expect(quorumOf(7, 4).met).toBe(true);
    expect(quorumOf(0, 0).met).toBe(false);
  });

  it('gives the attendance page every member, joined or not, and writes a substitute with their own position', () => {
    const seated = [
      seat({ id: 'p1', displayName: 'นางสาวเลขา', rosterMemberId: 'sec', attendance: 'online' }),
      // Marked present in the room without a device, and absent before joining then joined: present once each.
      seat({ id: 'p2', displayName: 'นายประธาน', rosterMemberId: 'ch', attendance: 'present', recordOnly: true }),
      seat({ id: 'p3', displayName: 'นางกรรมการหนึ่ง', rosterMemberId: 'm1', attendance: 'absent', absenceReason: 'ลากิจ', recordOnly: true }),
      seat({ id: 'p4', displayName: 'นางกรรมการหนึ่ง', rosterMemberId: 'm1', attendance: 'online' }),
      seat({ id: 'p5', displayName: 'นายแทน', organisationTh: 'ผู้อำนวยการกอง กรมบัญชีกลาง', substituteForId: 'm2', attendance: 'present', recordOnly: true }),
      seat({ id: 'p6', displayName: 'นายรอง', rosterMemberId: 'vc', attendance: 'absent', absenceReason: 'ติดราชการ', recordOnly: true }),
      seat({ id: 'p7', displayName: 'จอห้องประชุม', kind: 'device', role: 'observer' }),
    ];
    const sheet = attendanceSheet(roster, seated);
    expect(sheet.members.map((m) => [m.rosterMemberId, m.status, m.onDevice, m.reasonTh, m.substitute?.nameTh ?? null])).toEqual([
      ['ch', 'present', false, null, null],
      ['vc', 'absent', false, 'ติดราชการ', null],
      ['m1', 'online', true, null, null],
      ['m2', 'substitute', false, null, 'นายแทน'],
      ['m3', 'unrecorded', false, null, null],
      ['sec', 'online', true, null, null],
    ]);
    expect(sheet.attendees).toEqual([]);
    expect(sheet.quorum).toEqual({ members: 6, present: 4, met: true });
    const [attendance] = meetingRecordSections({ roll: attendanceRoll(roster, seated), openedAt: null, closedAt: null, roster: [] });
    expect(JSON.stringify(attendance!.blocks)).toContain('นายแทน (ผู้แทน นายกรรมการสอง)  ผู้อำนวยการกอง กรมบัญชีกลาง  กรรมการ');
  });
});
