// Attendance on the wire, beyond present/online/absent (presenter.ts): why a roster member is absent, and who stands
// in for one (ผู้แทน). Both answer with the participants that changed, as `participants:changed`. The attendance page
// marks each roster member as a whole (`attendance:mark`), joined on a device or not, and reads the sheet back.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';

const id = z.string().min(1).max(64);

/** ติดราชการ, ลาป่วย…: short words, as the minutes print them. */
export const ABSENCE_REASON_MAX = 200;

export const recordAbsenceSchema = z.strictObject({ rosterMemberId: id, reasonTh: z.string().trim().min(1).max(ABSENCE_REASON_MAX) });
/** `rosterMemberId: null` ends the stand-in: the participant attends for themselves again. */
export const recordSubstituteSchema = z.strictObject({ participantId: id, rosterMemberId: id.nullable() });

/** The substitute's name, and their position and agency (ตำแหน่ง หน่วยงาน), as the minutes write them. */
export const SUBSTITUTE_NAME_MAX = 120;

/**
 * Where a roster member stands in the room, set whole: present (with or without a device), absent with the reason,
 * or represented by a substitute who need not have joined. Each ends what was recorded for the member before.
 */
export const markAttendanceSchema = z.discriminatedUnion('status', [
  z.strictObject({ rosterMemberId: id, status: z.literal('present') }),
  z.strictObject({ rosterMemberId: id, status: z.literal('absent'), reasonTh: z.string().trim().min(1).max(ABSENCE_REASON_MAX) }),
  z.strictObject({
    rosterMemberId: id,
    status: z.literal('substitute'),
    nameTh: z.string().trim().min(1).max(SUBSTITUTE_NAME_MAX),
    organisationTh: z.string().trim().max(SUBSTITUTE_NAME_MAX),
  }),
]);

/** The reasons offered first; any other text is accepted too. */
export const ABSENCE_REASONS = ['ติดราชการ', 'ลาป่วย', 'ลากิจ'] as const;

export interface MemberAttendance {
  rosterMemberId: string;
  nameTh: string;
  /** The committee position (ประธานกรรมการ, กรรมการ…). */
  positionTh: string;
  agencyTh: string;
  /** `unrecorded`: never joined and nobody marked them; the minutes count them absent. */
  status: 'present' | 'online' | 'absent' | 'substitute' | 'unrecorded';
  reasonTh: string | null;
  /** Whether they are on the board from a device of their own. */
  onDevice: boolean;
  substitute: { participantId: string; nameTh: string; organisationTh: string } | null;
}

export interface AttendanceSheet {
  members: MemberAttendance[];
  /** ผู้เข้าร่วมประชุม: not on the roster and standing in for nobody. */
  attendees: { participantId: string; nameTh: string; organisationTh: string }[];
  /** null without a roster. */
  quorum: { members: number; present: number; met: boolean } | null;
}

export interface AttendanceClientEvents {
  /** Chair or secretary: the roster member is absent from this meeting, for this reason. */
  'attendance:absent': (request: z.input<typeof recordAbsenceSchema>, ack: AckCallback<{ seq: number }>) => void;
  /** Chair or secretary: this participant stands in for that roster member (one stand-in per member). */
  'attendance:substitute': (request: z.input<typeof recordSubstituteSchema>, ack: AckCallback<{ seq: number }>) => void;
  /** Chair or secretary: where a roster member stands, whether or not they joined on a device. */
  'attendance:mark': (request: z.input<typeof markAttendanceSchema>, ack: AckCallback<{ seq: number }>) => void;
  /** Anyone on the board: every roster member's attendance, the attendees and the quorum. Not sequenced. */
  'attendance:sheet': (request: Record<string, never>, ack: AckCallback<AttendanceSheet>) => void;
}
