// Withdrawing an invite somebody already used: the invite is marked revoked and the person it seated loses access,
// delivered as the chair's revocation is, so their open pages, sockets and Yjs connections close on every instance.
// (An invite nobody used changes nothing the meeting sees, and is withdrawn outside the meeting's sequence.)
import { z } from 'zod';
import { revokeParticipant } from '../db/meeting-state-repository.ts';
import { auditedAs } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import { authorityOf, canInvite } from '../domain/permissions.ts';
import { sequencedCommand } from './command.ts';

export const revokeUsedInviteSchema = z.strictObject({ inviteId: z.string().min(1).max(64) });

export const revokeUsedInviteCommand = sequencedCommand({
  event: 'invite:revoke',
  schema: revokeUsedInviteSchema,
  authority: 'invite:revoke',
  run: async (ctx, { inviteId }) => {
    const invite = await ctx.tx.invite.findFirst({ where: { id: inviteId, meetingId: ctx.meetingId }, select: { id: true, role: true } });
    if (!invite) throw new BoardError('invite_not_found');
    // Unseating is seating's mirror: with the actor's role as it stands now, only someone who could seat this role.
    if (!canInvite(authorityOf(ctx.actor), invite.role)) throw new BoardError('invite_role_forbidden', { role: invite.role });
    await ctx.tx.invite.update({ where: { id: inviteId }, data: { revokedAt: new Date() } });
    const seated = await ctx.tx.participant.findMany({ where: { inviteId, revokedAt: null }, select: { id: true }, orderBy: { joinedAt: 'asc' } });
    if (seated.length === 0) throw new BoardError('participant_not_found');
    const revokedBy = auditedAs(ctx.actor).actorName;
    const events = [];
    for (const [index, { id }] of seated.entries()) {
      const focus = await revokeParticipant(ctx, id);
      events.push({ type: 'participant:revoked' as const, payload: { seq: ctx.seq + index, participantId: id, revokedBy, focus } });
    }
    return { ack: { seq: ctx.seq }, events };
  },
});
