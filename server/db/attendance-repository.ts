// Attendance writes beyond present/online/absent: absences with their reason and stand-ins (ผู้แทน), in the command's
// transaction. Attendance is about the room, not devices: a roster member who never joined has no participant row, so
// marking them (present, absent, or represented) makes one that is record-only: no invite, no way to sign in, left out
// of the presence list. A substitute who did not join gets such a row too.
import type { z } from 'zod';
import type { CommandContext } from '../commands/command.ts';
import { BoardError } from '../shared/errors.ts';
import type { markAttendanceSchema } from '../shared/events/attendance.ts';
import { currentFocus, participantChanges } from './meeting-state-repository.ts';
import { RECORD_ONLY } from './record-only.ts';

async function rosterMemberOf({ tx, meetingId }: CommandContext, rosterMemberId: string) {
  const member = await tx.rosterMember.findFirst({ where: { id: rosterMemberId, removedAt: null, plan: { meetings: { some: { id: meetingId } } } } });
  if (!member) throw new BoardError('roster_member_not_found');
  return member;
}

type RosterRow = Awaited<ReturnType<typeof rosterMemberOf>>;

/** Sets the member's own rows (any device of theirs, or the record-only row) to one attendance; makes the row if none. */
async function setOwnAttendance({ tx, meetingId }: CommandContext, member: RosterRow, attendance: 'present' | 'absent', absenceReason: string | null) {
  const where = { meetingId, rosterMemberId: member.id, revokedAt: null, kind: { not: 'device' as const } };
  const { count } = await tx.participant.updateMany({ where, data: { attendance, absenceReason } });
  if (count === 0) {
    await tx.participant.create({
      data: {
        meetingId,
        rosterMemberId: member.id,
        displayName: member.nameTh,
        organisationTh: member.agencyTh,
        role: member.meetingRole,
        kind: 'member',
        attendance,
        absenceReason,
      },
    });
  }
  return (await tx.participant.findMany({ where, select: { id: true } })).map((p) => p.id);
}

/**
 * Ends whoever stood in for the member: a substitute who joined attends for themselves again, a record-only one (who
 * existed only to say so) is withdrawn.
 */
async function endStandIns({ tx, meetingId }: CommandContext, rosterMemberId: string, exceptId?: string) {
  const where = { meetingId, substituteForId: rosterMemberId, revokedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) };
  const ids = (await tx.participant.findMany({ where, select: { id: true } })).map((p) => p.id);
  await tx.participant.updateMany({ where: { ...where, ...RECORD_ONLY }, data: { revokedAt: new Date() } });
  await tx.participant.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { substituteForId: null } });
  return ids;
}

async function changed(ctx: CommandContext, ids: string[]) {
  return { focus: await currentFocus(ctx.tx, ctx.meetingId), changes: await participantChanges(ctx.tx, ids) };
}

export async function recordAbsence(ctx: CommandContext, input: { rosterMemberId: string; reasonTh: string }) {
  const member = await rosterMemberOf(ctx, input.rosterMemberId);
  return changed(ctx, await setOwnAttendance(ctx, member, 'absent', input.reasonTh));
}

export async function markAttendance(ctx: CommandContext, input: z.infer<typeof markAttendanceSchema>) {
  const member = await rosterMemberOf(ctx, input.rosterMemberId);
  if (input.status === 'present') {
    const own = await setOwnAttendance(ctx, member, 'present', null);
    return changed(ctx, [...own, ...(await endStandIns(ctx, member.id))]);
  }
  if (input.status === 'absent') {
    const own = await setOwnAttendance(ctx, member, 'absent', input.reasonTh);
    return changed(ctx, [...own, ...(await endStandIns(ctx, member.id))]);
  }
  // Represented: the member is absent (a reason recorded before stays), and one record-only row stands in for them.
  const reason = await ctx.tx.participant.findFirst({
    where: { meetingId: ctx.meetingId, rosterMemberId: member.id, revokedAt: null, absenceReason: { not: null } },
    select: { absenceReason: true },
  });
  const own = await setOwnAttendance(ctx, member, 'absent', reason?.absenceReason ?? null);
  const ended = await endStandIns(ctx, member.id);
  const substitute = await ctx.tx.participant.create({
    data: {
      meetingId: ctx.meetingId,
      displayName: input.nameTh,
      // Their position and agency as one line, as the minutes print it after the name; the member's agency if none.
      organisationTh: input.organisationTh,
      role: 'observer',
      kind: 'member',
      attendance: 'present',
      substituteForId: member.id,
    },
  });
  return changed(ctx, [...own, ...ended, substitute.id]);
}

export async function recordSubstitute(ctx: CommandContext, input: { participantId: string; rosterMemberId: string | null }) {
  const { tx, meetingId } = ctx;
  const participant = await tx.participant.findFirst({ where: { id: input.participantId, meetingId, revokedAt: null, kind: { not: 'device' } } });
  if (!participant) throw new BoardError('participant_not_found');
  const ids = [participant.id];
  if (input.rosterMemberId !== null) {
    const member = await rosterMemberOf(ctx, input.rosterMemberId);
    // A member on the roster attends as themselves; standing in for someone else would count one person twice.
    if (participant.rosterMemberId !== null) throw new BoardError('substitute_on_roster');
    ids.push(...(await endStandIns(ctx, member.id, participant.id)));
  }
  await tx.participant.update({ where: { id: participant.id }, data: { substituteForId: input.rosterMemberId } });
  return changed(ctx, ids);
}
