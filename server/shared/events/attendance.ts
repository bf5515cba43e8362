// Attendance on the wire, beyond present/online/absent (presenter.ts): why a roster member is absent, and who stands
// in for one (ผู้แทน). Both answer with the participants that changed, as `participants:changed`.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';

const id = z.string().min(1).max(64);

/** ติดราชการ, ลาป่วย…: short words, as the minutes print them. */
export const ABSENCE_REASON_MAX = 200;

export const recordAbsenceSchema = z.strictObject({ rosterMemberId: id, reasonTh: z.string().trim().min(1).max(ABSENCE_REASON_MAX) });
/** `rosterMemberId: null` ends the stand-in: the participant attends for themselves again. */
export const recordSubstituteSchema = z.strictObject({ participantId: id, rosterMemberId: id.nullable() });

export interface AttendanceClientEvents {
  /** Chair or secretary: the roster member is absent from this meeting, for this reason. */
  'attendance:absent': (request: z.input<typeof recordAbsenceSchema>, ack: AckCallback<{ seq: number }>) => void;
  /** Chair or secretary: this participant stands in for that roster member (one stand-in per member). */
  'attendance:substitute': (request: z.input<typeof recordSubstituteSchema>, ack: AckCallback<{ seq: number }>) => void;
}
