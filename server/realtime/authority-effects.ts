// What a role change or a revocation does to connections that are already open, on whichever instance delivers the
// event: the participant's sockets carry the new role at once (for what they are shown; every command reads the role
// again in its own transaction anyway) or are told why and closed, and their Yjs connections get the access the new
// role gives or are closed. The presence list follows. A meeting that opens or closes, or whose minutes are circulated
// or adopted, changes what its documents allow.
import type { AuthorityChange, AuthorityChanges } from '../auth/authority-changes.ts';
import type { DeliveryEffect } from './delivery.ts';
import type { PresenceTracker } from './presence.ts';
import type { MeetingStatus } from '../domain/meeting-phase.ts';
import { followOnSocket, meetingRoom, participantRoom, type BoardServer, type BoardSocket } from './socket-server.ts';
import type { MinutesState } from '../domain/minutes-adoption.ts';

/** This process's open sockets in a room (never another instance's: each instance runs the effects for its own). */
export function localSockets(io: BoardServer, room: string): BoardSocket[] {
  const namespace = io.of('/');
  return [...(namespace.adapter.rooms.get(room) ?? [])].flatMap((id) => namespace.sockets.get(id) ?? []);
}

export function authorityEffects(deps: {
  io: BoardServer;
  presence: PresenceTracker;
  changes: AuthorityChanges;
  yjs: {
    participantChanged(participantId: string, change: AuthorityChange): void;
    meetingPhaseChanged(meetingId: string, status: MeetingStatus): void;
    minutesStateChanged(meetingId: string, state: MinutesState): void;
  };
}): DeliveryEffect {
  const apply = (participantId: string, change: AuthorityChange) => {
    deps.changes.record(participantId, change);
    for (const socket of localSockets(deps.io, participantRoom(participantId))) followOnSocket(socket, change);
    deps.yjs.participantChanged(participantId, change);
  };
  return (meetingId, event) => {
    if (event.type === 'participants:changed') {
      for (const { participantId, role } of event.payload.changes) apply(participantId, { revoked: false, role });
    } else if (event.type === 'participant:revoked') {
      apply(event.payload.participantId, { revoked: true });
    } else if (event.type === 'meeting:phase-changed') {
      deps.yjs.meetingPhaseChanged(meetingId, event.payload.status);
      return;
    } else if (event.type === 'minutes:adoption-changed') {
      const { adoption } = event.payload;
      deps.yjs.minutesStateChanged(adoption.meetingId, adoption.state);
      // Adopted at the next meeting: the meeting whose minutes they are hears it too, outside its own sequence.
      if (adoption.meetingId !== meetingId) deps.io.local.to(meetingRoom(adoption.meetingId)).emit('minutes:adoption', adoption);
      return;
    } else {
      return;
    }
    deps.presence.changed(meetingId);
  };
}
