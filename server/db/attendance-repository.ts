// Attendance writes beyond present/online/absent: absences with their reason and stand-ins (ผู้แทน), in the command's
// transaction. A roster member who never joined has no participant row; recording their absence makes one, with no
// invite and so no way to sign in, that only says they were absent and why.
import type { CommandContext } from '../commands/command.ts';
import { BoardError } from '../shared/errors.ts';
import { currentFocus, participantChanges } from './meeting-state-repository.ts';

async function rosterMemberOf({ tx, meetingId }: CommandContext, rosterMemberId: string) {
  const member = await tx.rosterMember.findFirst({ where: { id: rosterMemberId, removedAt: null, plan: { meetings: { some: { id: meetingId } } } } });
  if (!member) throw new BoardError('roster_member_not_found');
  return member;
}

export async function recordAbsence(ctx: CommandContext, input: { rosterMemberId: string; reasonTh: string }) {
  const { tx, meetingId } = ctx;
  const member = await rosterMemberOf(ctx, input.rosterMemberId);
  const where = { meetingId, rosterMemberId: member.id, revokedAt: null, kind: { not: 'device' as const } };
  const absence = { attendance: 'absent' as const, absenceReason: input.reasonTh };
  const { count } = await tx.participant.updateMany({ where, data: absence });
  if (count === 0) {
    await tx.participant.create({
      data: { meetingId, rosterMemberId: member.id, displayName: member.nameTh, organisationTh: member.agencyTh, role: member.meetingRole, kind: 'member', ...absence },
    });
  }
  const ids = (await tx.participant.findMany({ where, select: { id: true } })).map((p) => p.id);
  return { focus: await currentFocus(tx, meetingId), changes: await participantChanges(tx, ids) };
}

export async function recordSubstitute(ctx: CommandContext, input: { participantId: string; rosterMemberId: string | null }) {
  const { tx, meetingId } = ctx;
  const participant = await tx.participant.findFirst({ where: { id: input.participantId, meetingId, revokedAt: null, kind: { not: 'device' } } });
  if (!participant) throw new BoardError('participant_not_found');
  const changed = [participant.id];
  if (input.rosterMemberId !== null) {
    const member = await rosterMemberOf(ctx, input.rosterMemberId);
    // A member on the roster attends as themselves; standing in for someone else would count one person twice.
    if (participant.rosterMemberId !== null) throw new BoardError('substitute_on_roster');
    const previous = await tx.participant.findMany({ where: { meetingId, substituteForId: member.id, id: { not: participant.id } }, select: { id: true } });
    await tx.participant.updateMany({ where: { id: { in: previous.map((p) => p.id) } }, data: { substituteForId: null } });
    changed.push(...previous.map((p) => p.id));
  }
  await tx.participant.update({ where: { id: participant.id }, data: { substituteForId: input.rosterMemberId } });
  return { focus: await currentFocus(tx, meetingId), changes: await participantChanges(tx, changed) };
}
