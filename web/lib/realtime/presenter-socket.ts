// The presenter feature's events on a meeting connection: focus, agenda and role changes are sequenced board state;
// presence is a whole list each time.
import type { BoardState } from '$lib/state/board.svelte.ts';
import type { PresenceState } from '$lib/state/presence.svelte.ts';
import type { BoardSnapshot } from '$shared/board.ts';
import type { MeetingConnection } from './meeting-socket.ts';

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
