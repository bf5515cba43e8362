// What features add on top of the board's own sequenced state (meeting-socket.ts applies every event): flashes on
// changed ceilings, roles in the presence list.
import type { CeilingsBroadcast } from '$shared/events/ceilings.ts';
import type { ParticipantChange } from '$shared/events/presenter.ts';
import type { MeetingConnection } from './meeting-socket.ts';

export interface BoardEventHooks {
  /** A ceiling update was applied (once, in order). */
  onCeilingsApplied?(update: CeilingsBroadcast): void;
  onParticipantsChanged?(changes: ParticipantChange[]): void;
}

export function followBoardEvents(connection: MeetingConnection, hooks: BoardEventHooks): () => void {
  return connection.onApplied((event) => {
    if (event.type === 'ceilings:updated') hooks.onCeilingsApplied?.(event.payload);
    else if (event.type === 'participants:changed') hooks.onParticipantsChanged?.(event.payload.changes);
  });
}
