// Keeps the board's resolutions current, and reloads the whole board when an import replaced the project list.
import type { BoardState } from '$lib/state/board.svelte.ts';
import type { MeetingConnection } from './meeting-socket.ts';

export function followResolutions(connection: MeetingConnection, board: BoardState): void {
  connection.socket.on('resolution:changed', (event) => {
    if (board.applyResolutionChange(event) === 'gap') void connection.resync();
  });
  connection.socket.on('projects:replaced', () => void connection.resync());
}
