// Who is connected to each meeting and who follows the presenter. Each instance holds its own connections in memory:
// they die with the process, so they are not stored. With several instances each also publishes its part where the
// others read it (SharedPresence, in Redis with an expiry, so an instance that dies drops its people within seconds),
// and each sends the list to its own sockets. The list people see joins all that with the participants in Postgres
// (role, attendance), so offline participants show too.
import type { Database } from '../db/client.ts';
import type { PresenceEntry } from '../shared/events/presenter.ts';
import { can } from '../domain/permissions.ts';
import { SIGNS_IN } from '../db/record-only.ts';

export interface Live {
  connections: number;
  following: boolean | null;
}

/** This instance's people of one meeting, by participant. */
export type LiveEntries = Record<string, Live>;

/** What other instances report about their connections (Redis with REDIS_URL). Failures are the caller's to drop. */
export interface SharedPresence {
  /** Stores this instance's part of the meeting (for a while: it must be published again before it expires). */
  publish(meetingId: string, entries: LiveEntries, options: { notify: boolean }): Promise<void>;
  /** Every other live instance's part of the meeting. */
  others(meetingId: string): Promise<LiveEntries[]>;
  /** Another instance published a change in a meeting. Returns the removal. */
  onChanged(listener: (meetingId: string) => void): () => void;
}

/** Many connections arriving together (a room switching on, the benchmark) make one broadcast, not one each. */
const BROADCAST_DELAY_MS = 100;
/** How often an instance renews its part in the shared presence and sends its sockets what expired meanwhile. */
export const PRESENCE_RENEW_MS = 3_000;

export interface PresenceTracker {
  connected(meetingId: string, participantId: string): void;
  disconnected(meetingId: string, participantId: string): void;
  reportFollow(meetingId: string, participantId: string, following: boolean): void;
  list(meetingId: string): Promise<PresenceEntry[]>;
  /** Sends the list to the meeting soon, once however many changes ask for it meanwhile. */
  changed(meetingId: string): void;
  /** Stops; with shared presence, takes this instance's people out of the others' lists at once. */
  close(): Promise<void>;
}

export function createPresenceTracker(
  db: Database,
  broadcast: (meetingId: string, presence: PresenceEntry[]) => void,
  shared?: SharedPresence,
  log: (message: string) => void = console.error,
): PresenceTracker {
  const meetings = new Map<string, Map<string, Live>>();
  const pending = new Map<string, NodeJS.Timeout>();
  /** Meetings whose part changed here and is not yet published. */
  const unpublished = new Set<string>();
  const live = (meetingId: string) => meetings.get(meetingId) ?? meetings.set(meetingId, new Map()).get(meetingId)!;

  async function publish(meetingId: string, notify: boolean) {
    if (!shared) return;
    try {
      await shared.publish(meetingId, Object.fromEntries(live(meetingId)), { notify });
    } catch {
      // Redis is away: this instance serves its own people meanwhile, and the next renewal publishes again.
    }
  }

  /** Everyone online in the meeting: here, and on the instances that published within their expiry. */
  async function everyone(meetingId: string): Promise<Map<string, Live>> {
    const merged = new Map(live(meetingId));
    const others = await (shared?.others(meetingId) ?? Promise.resolve([])).catch(() => [] as LiveEntries[]);
    for (const part of others) {
      for (const [participantId, entry] of Object.entries(part)) {
        const here = merged.get(participantId);
        merged.set(participantId, { connections: (here?.connections ?? 0) + entry.connections, following: here?.following ?? entry.following });
      }
    }
    return merged;
  }

  const removeListener = shared?.onChanged((meetingId) => schedule(meetingId));
  const renewal = shared
    ? setInterval(() => {
        for (const [meetingId, entries] of meetings) {
          void publish(meetingId, false);
          if (entries.size > 0) schedule(meetingId);
          else meetings.delete(meetingId);
        }
      }, PRESENCE_RENEW_MS)
    : undefined;
  renewal?.unref();

  function schedule(meetingId: string) {
    if (pending.has(meetingId)) return;
    pending.set(
      meetingId,
      setTimeout(() => {
        pending.delete(meetingId);
        const notify = unpublished.delete(meetingId);
        (notify ? publish(meetingId, true) : Promise.resolve())
          .then(() => tracker.list(meetingId))
          .then(
            (presence) => broadcast(meetingId, presence),
            (error) => log(`presence list failed: ${error}`),
          );
      }, BROADCAST_DELAY_MS),
    );
  }

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
        // Record-only rows (someone marked on the attendance page who never joined) are nobody on a device.
        where: { meetingId, revokedAt: null, ...SIGNS_IN },
        orderBy: { joinedAt: 'asc' },
        select: { id: true, displayName: true, role: true, attendance: true, kind: true },
      });
      const entries = await everyone(meetingId);
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
          ...(p.kind === 'device' ? { device: true as const } : {}),
        };
      });
    },
    changed(meetingId) {
      unpublished.add(meetingId);
      schedule(meetingId);
    },
    async close() {
      clearInterval(renewal);
      removeListener?.();
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      await Promise.all([...meetings.keys()].map((meetingId) => shared?.publish(meetingId, {}, { notify: true }).catch(() => {})));
    },
  };
  return tracker;
}
