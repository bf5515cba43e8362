// Presence on a meeting connection: not meeting state, so not sequenced; the whole list on connecting, then what
// changed. (Focus, agenda
// and role changes are sequenced board state: board-events.ts follows them.)
import type { PresenceState } from '$lib/state/presence.svelte.ts';
import type { MeetingConnection, MeetingSocket } from './meeting-socket.ts';
import type { Ack } from '$shared/ack.ts';
import { wireError, type WireError } from '$shared/errors.ts';

export function listenToPresence(connection: MeetingConnection, presence: PresenceState): void {
  const { socket } = connection;
  socket.on('presence:changed', ({ changed, removed }) => presence.merge(changed, removed));
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
