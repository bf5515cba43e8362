// Who is connected to each meeting and who follows the presenter, held in this process's memory: it is about live
// connections, which die with the process, so it is not stored. The list people see joins it with the participants
// in Postgres (role, attendance), so offline participants show too.
import type { Database } from '../db/client.ts';
import type { PresenceEntry } from '../shared/events/presenter.ts';
import { can } from '../domain/permissions.ts';

interface Live {
  connections: number;
  following: boolean | null;
}

/** Many connections arriving together (a room switching on, the benchmark) make one broadcast, not one each. */
const BROADCAST_DELAY_MS = 100;

export interface PresenceTracker {
  connected(meetingId: string, participantId: string): void;
  disconnected(meetingId: string, participantId: string): void;
  reportFollow(meetingId: string, participantId: string, following: boolean): void;
  list(meetingId: string): Promise<PresenceEntry[]>;
  /** Sends the list to the meeting soon, once however many changes ask for it meanwhile. */
  changed(meetingId: string): void;
  close(): void;
}

export function createPresenceTracker(db: Database, broadcast: (meetingId: string, presence: PresenceEntry[]) => void): PresenceTracker {
  const meetings = new Map<string, Map<string, Live>>();
  const pending = new Map<string, NodeJS.Timeout>();
  const live = (meetingId: string) => meetings.get(meetingId) ?? meetings.set(meetingId, new Map()).get(meetingId)!;

  const tracker: PresenceTracker = {
    connected(meetingId, participantId) {
      const entry = live(meetingId).get(participantId);
      if (entry) entry.connections += 1;
      else live(meetingId).set(participantId, { connections: 1, following: null });
      tracker.changed(meetingId);
    },
    disconnected(meetingId, participantId) {
      const entries = live(meetingId);
      const entry = entries.get(participantId);
      if (entry && --entry.connections <= 0) entries.delete(participantId);
      tracker.changed(meetingId);
    },
    reportFollow(meetingId, participantId, following) {
      const entry = live(meetingId).get(participantId);
      if (!entry || entry.following === following) return;
      entry.following = following;
      tracker.changed(meetingId);
    },
    async list(meetingId) {
      const participants = await db.participant.findMany({
        where: { meetingId, revokedAt: null },
        orderBy: { joinedAt: 'asc' },
        select: { id: true, displayName: true, role: true, attendance: true },
      });
      const entries = live(meetingId);
      return participants.map((p) => {
        const entry = entries.get(p.id);
        return {
          participantId: p.id,
          displayName: p.displayName,
          role: p.role,
          attendance: p.attendance,
          online: entry !== undefined,
          // Whoever may move the focus leads, even if they reported following before the chair handed them the role.
          following: can(p.role, 'focus:move') ? null : (entry?.following ?? null),
        };
      });
    },
    changed(meetingId) {
      if (pending.has(meetingId)) return;
      pending.set(
        meetingId,
        setTimeout(() => {
          pending.delete(meetingId);
          tracker.list(meetingId).then(
            (presence) => broadcast(meetingId, presence),
            (error) => console.error('presence list failed', error),
          );
        }, BROADCAST_DELAY_MS),
      );
    },
    close() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
  return tracker;
}
