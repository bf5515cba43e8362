// Attendance as the minutes need it: a roster member's absence with its reason, and a participant standing in for a
// member (ผู้แทน). Both say `participants:changed`, which also brings the minutes' attendance up to date.
import { markAttendance, recordAbsence, recordSubstitute } from '../db/attendance-repository.ts';
import { markAttendanceSchema, recordAbsenceSchema, recordSubstituteSchema } from '../shared/events/attendance.ts';
import { sequencedCommand } from './command.ts';
import { participantsChanged } from './presenter.ts';

export const recordAbsenceCommand = sequencedCommand({
  event: 'attendance:absent',
  schema: recordAbsenceSchema,
  authority: 'attendance:record',
  run: async (ctx, payload) => participantsChanged(ctx, await recordAbsence(ctx, payload)),
});

export const recordSubstituteCommand = sequencedCommand({
  event: 'attendance:substitute',
  schema: recordSubstituteSchema,
  authority: 'attendance:record',
  run: async (ctx, payload) => participantsChanged(ctx, await recordSubstitute(ctx, payload)),
});

/** The attendance page: a roster member present, absent or represented, whether or not they joined on a device. */
export const markAttendanceCommand = sequencedCommand({
  event: 'attendance:mark',
  schema: markAttendanceSchema,
  authority: 'attendance:record',
  run: async (ctx, payload) => participantsChanged(ctx, await markAttendance(ctx, payload)),
});

export const ATTENDANCE_COMMANDS = [recordAbsenceCommand, recordSubstituteCommand, markAttendanceCommand] as const;
