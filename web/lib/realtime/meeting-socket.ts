// The browser's Socket.io connection to one meeting. The session cookie authenticates it; on every (re)connect the
// board takes a fresh snapshot, so nothing that happened while offline is missed.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '$shared/contract.ts';
import type { BoardState } from '$lib/state/board.svelte.ts';

export type MeetingSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectMeeting(board: BoardState): { socket: MeetingSocket; close(): void } {
  const auth: HandshakeAuth = { meetingId: board.meeting.id };
  // WebSocket only: long-polling would need sticky sessions once the board runs on several instances.
  const socket: MeetingSocket = io({ auth, transports: ['websocket'], withCredentials: true });

  socket.on('connect', () => {
    socket.emit('meeting:sync', {}, (result) => {
      if ('data' in result) {
        board.replaceSnapshot(result.data);
        board.setConnection('live');
      }
    });
  });
  socket.on('disconnect', () => board.setConnection('offline'));
  socket.on('connect_error', () => board.setConnection('offline'));

  return { socket, close: () => socket.close() };
}
