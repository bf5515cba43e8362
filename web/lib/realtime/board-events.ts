// Every sequenced broadcast that changes the board, in one place: a page that follows only some of them would see the
// others as gaps and keep refetching the whole board. Features hook in for what they add on top (flashes, presence).
import { applyCeilingsUpdate } from '$domain/ceilings.ts';
import type { CeilingsUpdate } from '$shared/events/ceilings.ts';
import type { ParticipantChange } from '$shared/events/presenter.ts';
import { applyResolutionChange } from '$lib/board/resolution-change.ts';
import type { MeetingConnection } from './meeting-socket.ts';

export interface BoardEventHooks {
  /** A ceiling update was applied (not a duplicate, not after a gap). */
  onCeilingsApplied?(update: CeilingsUpdate): void;
  onParticipantsChanged?(changes: ParticipantChange[]): void;
}

export function followBoardEvents(connection: MeetingConnection, hooks: BoardEventHooks = {}): void {
  const { socket } = connection;
  socket.on('ceilings:updated', (update) => {
    if (connection.apply(update.seq, (s) => applyCeilingsUpdate(s, update)) === 'applied') hooks.onCeilingsApplied?.(update);
  });
  socket.on('focus:changed', ({ seq, focus }) => connection.apply(seq, (s) => (s.focus = focus)));
  socket.on('agenda:changed', ({ seq, agenda }) => connection.apply(seq, (s) => (s.agenda = agenda)));
  socket.on('participants:changed', ({ seq, focus, changes }) => {
    connection.apply(seq, (s) => (s.focus = focus));
    hooks.onParticipantsChanged?.(changes);
  });
  socket.on('resolution:changed', (event) => connection.apply(event.seq, (s) => applyResolutionChange(s, event)));
  socket.on('projects:replaced', () => void connection.resync());
}
