// The chair revokes a participant. Delivering the event closes that person's open connections on every instance
// (server/realtime/authority-effects.ts); their sessions are refused from then on.
import { revokeParticipant } from '../db/meeting-state-repository.ts';
import { auditedAs } from '../shared/actor.ts';
import { revokeParticipantSchema } from '../shared/events/participants.ts';
import { sequencedCommand } from './command.ts';

export const revokeParticipantCommand = sequencedCommand({
  event: 'participant:revoke',
  schema: revokeParticipantSchema,
  authority: 'participant:revoke',
  run: async (ctx, { participantId }) => {
    const focus = await revokeParticipant(ctx, participantId);
    const payload = { seq: ctx.seq, participantId, revokedBy: auditedAs(ctx.actor).actorName, focus };
    return { ack: { seq: ctx.seq }, events: [{ type: 'participant:revoked' as const, payload }] };
  },
});
