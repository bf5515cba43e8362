// The committee's roster as a secretary types or pastes it: positions and roles read from the words Thai orders of
// appointment use, one person a line, every problem named by line and field before anything is written.
import { COMMITTEE_POSITIONS, DEFAULT_MEETING_ROLE, MEETING_ROLES, POSITION_LABELS, type CommitteePosition, type MeetingRole } from '../shared/people.ts';
import { ROLE_LABELS } from '../shared/roles.ts';
import { cleanCell, matchKey } from './import/text.ts';

export interface RosterEntry {
  nameTh: string;
  nameEn: string;
  position: CommitteePosition;
  agencyTh: string;
  agencyEn: string;
  meetingRole: MeetingRole;
}

export type RosterField = 'nameTh' | 'position' | 'agencyTh' | 'meetingRole';
export type RosterLineReason = 'missing' | 'too_long' | 'unknown_position' | 'unknown_role';

export interface RosterLineError {
  /** 1-based, as the pasted text shows it. */
  line: number;
  field: RosterField;
  reason: RosterLineReason;
  value: string;
}

const MAX_NAME = 120;
const MAX_AGENCY = 300;

/** Longest words first, so that กรรมการและเลขานุการ is not read as กรรมการ. */
function byLongestWord<T>(words: [string, T][]): [string, T][] {
  return words.map(([word, value]): [string, T] => [matchKey(word), value]).sort(([a], [b]) => b.length - a.length);
}

const POSITION_WORDS = byLongestWord<CommitteePosition>([
  ...COMMITTEE_POSITIONS.flatMap((position): [string, CommitteePosition][] => [
    [POSITION_LABELS[position].th, position],
    [POSITION_LABELS[position].en, position],
    [position, position],
  ]),
  ['ประธาน', 'chair'],
  ['รองประธาน', 'vice_chair'],
  ['เลขานุการ', 'member_secretary'],
  ['ผู้ช่วยเลขา', 'assistant_secretary'],
  ['กรรมการและผู้ช่วยเลขานุการ', 'assistant_secretary'],
]);

const ROLE_WORDS = byLongestWord<MeetingRole>([
  ...MEETING_ROLES.flatMap((role): [string, MeetingRole][] => [
    [ROLE_LABELS[role].th, role],
    [ROLE_LABELS[role].en, role],
    [role, role],
  ]),
  ['ประธานกรรมการ', 'chair'],
  ['เลขานุการ', 'secretary'],
  ['member', 'member'],
]);

function exactly<T>(words: [string, T][], text: string): T | null {
  const key = matchKey(text);
  return words.find(([word]) => word === key)?.[1] ?? null;
}

/** The position a cell names (`ประธานกรรมการ`, `กรรมการและเลขานุการ`, `Vice-chair`, `vice_chair`), or null. */
export function positionFromText(text: string): CommitteePosition | null {
  return exactly(POSITION_WORDS, text);
}

/** The meeting role a cell names (`ประธาน`, `ผู้นำเสนอ`, `secretary`), or null. */
export function meetingRoleFromText(text: string): MeetingRole | null {
  return exactly(ROLE_WORDS, text);
}

function splitCells(line: string, separator: string): string[] {
  return line.split(separator).map(cleanCell);
}

/** A header line, as copied with the table: names a name column and a position column. */
function isHeader(cells: string[]): boolean {
  const keys = cells.map(matchKey);
  return keys.some((key) => key.startsWith('ชื่อ') || key === 'name') && keys.some((key) => key.startsWith('ตำแหน่ง') || key === 'position');
}

/**
 * Reads a pasted roster: per line `name, position, agency[, role]`, tab-separated when copied from a spreadsheet,
 * otherwise comma-separated; a leading number column (ลำดับ) and a header line are skipped, blank lines ignored. The
 * role defaults to the one the position usually takes. All the lines or none: every error is reported.
 */
export function parseRosterPaste(text: string): { entries: RosterEntry[]; errors: RosterLineError[] } {
  const separator = text.includes('\t') ? '\t' : ',';
  const entries: RosterEntry[] = [];
  const errors: RosterLineError[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    let cells = splitCells(raw, separator);
    if (cells.every((cell) => cell === '') || isHeader(cells)) return;
    if (/^\d+\.?$/.test(cells[0] ?? '')) cells = cells.slice(1);
    const [nameTh = '', positionText = '', agencyTh = '', roleText = ''] = cells;
    const fail = (field: RosterField, reason: RosterLineReason, value: string) => errors.push({ line, field, reason, value });
    if (!nameTh) fail('nameTh', 'missing', nameTh);
    else if (nameTh.length > MAX_NAME) fail('nameTh', 'too_long', nameTh);
    const position = positionFromText(positionText);
    if (!positionText) fail('position', 'missing', positionText);
    else if (!position) fail('position', 'unknown_position', positionText);
    if (!agencyTh) fail('agencyTh', 'missing', agencyTh);
    else if (agencyTh.length > MAX_AGENCY) fail('agencyTh', 'too_long', agencyTh);
    const role = roleText ? meetingRoleFromText(roleText) : null;
    if (roleText && !role) fail('meetingRole', 'unknown_role', roleText);
    if (position && errors.every((error) => error.line !== line)) {
      entries.push({ nameTh, nameEn: '', position, agencyTh, agencyEn: '', meetingRole: role ?? DEFAULT_MEETING_ROLE[position] });
    }
  });
  return errors.length ? { entries: [], errors } : { entries, errors };
}

export const ROSTER_LINE_REASONS: Record<RosterLineReason, { th: string; en: string }> = {
  missing: { th: 'ไม่ได้กรอก', en: 'missing' },
  too_long: { th: 'ยาวเกินไป', en: 'too long' },
  unknown_position: {
    th: 'ไม่ใช่ตำแหน่งในคณะกรรมการ (ประธานกรรมการ รองประธานกรรมการ กรรมการ กรรมการและเลขานุการ ผู้ช่วยเลขานุการ)',
    en: 'not a committee position (chair, vice-chair, member, member and secretary, assistant secretary)',
  },
  unknown_role: { th: 'ไม่ใช่บทบาทในการประชุม (ประธาน กรรมการ ฝ่ายเลขานุการ ผู้นำเสนอ)', en: 'not a meeting role (chair, member, secretary, presenter)' },
};
