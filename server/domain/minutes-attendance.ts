// The minutes' sections about the meeting itself, kept up to date by the board like its decisions
// (minutes-structure.ts): who attended and the quorum, the times it really opened and closed, and who recorded and
// who checked the minutes. Pure.
import type { AttendanceRoll, Quorum } from './attendance.ts';
import type { Block, MinutesSection } from './minutes-structure.ts';
import { POSITION_LABELS, type CommitteePosition } from '../shared/people.ts';
import { formatThaiTime } from './thai-dates.ts';

export const ATTENDANCE_SECTION = 'attendance';
export const OPENED_SECTION = 'opened';
export const CLOSED_SECTION = 'closed';
export const SIGNATORIES_SECTION = 'signatories';

const NONE = '- ไม่มี -';
const TIME_BLANK = '........ น.';
const NAME_BLANK = '..............................';

export interface Signatory {
  nameTh: string;
  position: CommitteePosition;
}

export interface MeetingRecordData {
  roll: AttendanceRoll;
  openedAt: Date | null;
  closedAt: Date | null;
  /** The roster, for who records and who checks the minutes. */
  roster: readonly Signatory[];
}

const joined = (...parts: string[]) => parts.filter((part) => part !== '').join('  ');
const list = (lines: string[]): Block => (lines.length > 0 ? { type: 'orderedList', items: lines } : { type: 'paragraph', text: [NONE] });

/** `ครบองค์ประชุม (กรรมการมาประชุม 5 คน จากทั้งหมด 6 คน)` */
export function quorumTh(quorum: Quorum): string {
  return `${quorum.met ? 'ครบองค์ประชุม' : 'ไม่ครบองค์ประชุม'} (กรรมการมาประชุม ${quorum.present} คน จากทั้งหมด ${quorum.members} คน)`;
}

function attendanceBlocks(roll: AttendanceRoll): Block[] {
  const present = roll.present.map((m) =>
    joined(m.substituteFor ? `${m.nameTh} (ผู้แทน ${m.substituteFor.nameTh})` : m.nameTh, m.agencyTh, m.positionTh),
  );
  const absent = roll.absent.map((m) => joined(m.nameTh, m.agencyTh, m.positionTh, m.reasonTh ?? ''));
  const attendees = roll.attendees.map((a) => joined(a.nameTh, a.organisationTh));
  return [
    { type: 'heading', level: 2, text: ['ผู้มาประชุม'] },
    list(present),
    { type: 'heading', level: 2, text: ['ผู้ไม่มาประชุม'] },
    list(absent),
    { type: 'heading', level: 2, text: ['ผู้เข้าร่วมประชุม'] },
    list(attendees),
    ...(roll.quorum ? [{ type: 'paragraph' as const, text: [{ bold: 'องค์ประชุม ' }, quorumTh(roll.quorum)] }] : []),
  ];
}

/**
 * ผู้จดรายงานการประชุม is the assistant secretary (or, without one, the member and secretary), ผู้ตรวจ the member and
 * secretary (or, without one, the chair): the usual practice of Thai committees.
 */
function signatories(roster: readonly Signatory[]): { recorders: Signatory[]; checkers: Signatory[] } {
  const holding = (position: CommitteePosition) => roster.filter((m) => m.position === position);
  const first = (...positions: CommitteePosition[]) => positions.map(holding).find((found) => found.length > 0) ?? [];
  return { recorders: first('assistant_secretary', 'member_secretary'), checkers: first('member_secretary', 'chair') };
}

function signatoryBlock(label: string, people: Signatory[]): Block {
  const names = people.map((p) => joined(p.nameTh, POSITION_LABELS[p.position].th)).join(', ');
  return { type: 'paragraph', text: [{ bold: `${label} ` }, names || NAME_BLANK] };
}

export function meetingRecordSections(data: MeetingRecordData): MinutesSection[] {
  const { recorders, checkers } = signatories(data.roster);
  const time = (at: Date | null) => (at ? formatThaiTime(at) : TIME_BLANK);
  return [
    { key: ATTENDANCE_SECTION, blocks: attendanceBlocks(data.roll) },
    { key: OPENED_SECTION, blocks: [{ type: 'paragraph', text: [{ bold: 'เริ่มประชุมเวลา ' }, time(data.openedAt)] }] },
    { key: CLOSED_SECTION, blocks: [{ type: 'paragraph', text: [{ bold: 'เลิกประชุมเวลา ' }, time(data.closedAt)] }] },
    {
      key: SIGNATORIES_SECTION,
      blocks: [signatoryBlock('ผู้จดรายงานการประชุม', recorders), signatoryBlock('ผู้ตรวจรายงานการประชุม', checkers)],
    },
  ];
}
