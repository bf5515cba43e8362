// Requests to join, told live to whoever may decide them: a socket whose role holds join:admit joins the meeting's
// admitters' room and is sent the waiting list; the join-request service then tells that room of every new request
// and every decision (board-server.ts), so the chair's board and list need no polling, on any instance.
import { can } from '../domain/permissions.ts';
import type { JoinRequestNews, JoinRequests } from '../setup/join-requests.ts';
import { admittersRoom, toSocket, type BoardServer, type FeatureHandlers } from './socket-server.ts';

export function joinRequestsHandlers(deps: { joinRequests: JoinRequests; log: (line: string) => void }): FeatureHandlers {
  return (socket) => {
    const { identity } = socket.data;
    if (!can(identity.role, 'join:admit')) return;
    void (async () => {
      // In the room first: a request made while the list is read arrives as well (the browser keeps each once).
      await socket.join(admittersRoom(identity.meetingId));
      toSocket(socket).emit('join:waiting', await deps.joinRequests.pending({ kind: 'participant', ...identity }, identity.meetingId));
    })().catch((error) => deps.log(`join requests: the waiting list was not sent: ${error}`));
  };
}

/** The news goes through the adapter: with several instances, the chair may be connected to any of them. */
export function joinRequestNews(io: () => BoardServer): JoinRequestNews {
  return {
    asked: (meetingId, request) => io().to(admittersRoom(meetingId)).emit('join:asked', request),
    decided: (meetingId, decision) => io().to(admittersRoom(meetingId)).emit('join:decided', decision),
  };
}
