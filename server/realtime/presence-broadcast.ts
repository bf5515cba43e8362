// Presence goes to the meeting as what changed, not as the whole list. With the whole list, a thousand people
// joining a meeting made every join send a thousand entries to each of a thousand sockets (N² entries per join
// burst, hundreds of megabytes); a change now sends the entries that changed, and a client that connects asks for the
// whole list once (`presence:list`).
import type { PresenceChanged, PresenceEntry } from '../shared/events/presenter.ts';

/**
 * The tracker's broadcast: compares each meeting's list with the last one sent there and emits only the difference
 * (nothing when there is none).
 */
export function presenceDeltas(emit: (meetingId: string, delta: PresenceChanged) => void): (meetingId: string, list: PresenceEntry[]) => void {
  /** Per meeting, each participant's entry as last sent, serialised (the cheapest exact comparison). */
  const lastSent = new Map<string, Map<string, string>>();
  return (meetingId, list) => {
    const before = lastSent.get(meetingId) ?? new Map<string, string>();
    const after = new Map<string, string>();
    const changed: PresenceEntry[] = [];
    for (const entry of list) {
      const serialised = JSON.stringify(entry);
      after.set(entry.participantId, serialised);
      if (before.get(entry.participantId) !== serialised) changed.push(entry);
    }
    const removed = [...before.keys()].filter((id) => !after.has(id));
    lastSent.set(meetingId, after);
    if (changed.length || removed.length) emit(meetingId, { changed, removed });
  };
}
