// What a role change does to connections that are already open, on whichever instance delivers the event: the
// participant's sockets carry the new role at once (for what they are shown; every command reads the role again in
// its own transaction anyway), and the presence list follows.
import type { DeliveryEffect } from './delivery.ts';
import type { PresenceTracker } from './presence.ts';
import { participantRoom, type BoardServer, type BoardSocket } from './socket-server.ts';

/** This process's open sockets in a room (never another instance's: each instance runs the effects for its own). */
export function localSockets(io: BoardServer, room: string): BoardSocket[] {
  const namespace = io.of('/');
  return [...(namespace.adapter.rooms.get(room) ?? [])].flatMap((id) => namespace.sockets.get(id) ?? []);
}

export function authorityEffects(deps: { io: BoardServer; presence: PresenceTracker }): DeliveryEffect {
  return (meetingId, event) => {
    if (event.type !== 'participants:changed') return;
    for (const change of event.payload.changes) {
      for (const socket of localSockets(deps.io, participantRoom(change.participantId))) {
        socket.data.identity = { ...socket.data.identity, role: change.role };
      }
    }
    deps.presence.changed(meetingId);
  };
}
