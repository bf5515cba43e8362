// The presenter feature's events on a meeting connection: focus, agenda and role changes are sequenced board state;
// presence is a whole list each time.
import type { BoardState } from '$lib/state/board.svelte.ts';
import type { PresenceState } from '$lib/state/presence.svelte.ts';
import type { BoardSnapshot } from '$shared/board.ts';
import type { MeetingConnection, MeetingSocket } from './meeting-socket.ts';
import type { Ack } from '$shared/ack.ts';
import { wireError, type WireError } from '$shared/errors.ts';

export function listenToPresenter(connection: MeetingConnection, board: BoardState, presence?: PresenceState): void {
  const { socket } = connection;
  const apply = (seq: number, change: (snapshot: BoardSnapshot) => void) => {
    if (board.applySequenced(seq, change) === 'gap') void connection.resync();
  };
  socket.on('focus:changed', ({ seq, focus }) => apply(seq, (s) => (s.focus = focus)));
  socket.on('agenda:changed', ({ seq, agenda }) => apply(seq, (s) => (s.agenda = agenda)));
  socket.on('participants:changed', ({ seq, focus, changes }) => {
    apply(seq, (s) => (s.focus = focus));
    presence?.applyChanges(changes);
  });
  if (!presence) return;
  socket.on('presence:changed', ({ presence: list }) => presence.replace(list));
  socket.on('connect', async () => {
    const result = await socket.emitWithAck('presence:list', {});
    if ('data' in result) presence.replace(result.data);
  });
}

/** Sends one command on the meeting's connection; resolves to the server's refusal, or null when it was done. */
export type RunCommand = (send: (socket: MeetingSocket) => Promise<Ack<unknown>>) => Promise<WireError | null>;

export function commandRunner(connection: () => MeetingConnection | undefined): RunCommand {
  return async (send) => {
    const socket = connection()?.socket;
    if (!socket?.connected) return wireError('internal');
    const result = await send(socket);
    return 'error' in result ? result.error : null;
  };
}
