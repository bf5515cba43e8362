// Who attends (the room, not the devices) and the quorum, as the server reads them (`attendance:sheet`), kept live:
// read again when attendance is recorded (`participants:changed`), when someone joins, leaves or changes attendance on
// their device (`presence:changed`), and on every (re)connect. The attendance page and the board's quorum badge share it.
import type { AttendanceSheet } from '$shared/events/attendance.ts';
import type { PresenceChanged, PresenceEntry } from '$shared/events/presenter.ts';
import type { MeetingSocket } from '$lib/realtime/meeting-socket.ts';

/** Observers and devices never count towards the quorum: the board's badge need not read again when they come and go. */
const movesQuorum = (entry: PresenceEntry) => entry.role !== 'observer' && !entry.device;

export class AttendanceState {
  sheet: AttendanceSheet | null = $state(null);
  /** Participant and attendance as the presence list last said them (of those counted): a change of only who follows
   * reads nothing. */
  #seen = new Map<string, string | null>();
  #reading = false;
  #again = false;

  /** Only the quorum is shown (the board), not the whole sheet (the attendance page, which lists observers too). */
  #quorumOnly: boolean;

  constructor(initial: AttendanceSheet | null = null, { quorumOnly = false } = {}) {
    this.sheet = initial;
    this.#quorumOnly = quorumOnly;
  }

  get quorum() {
    return this.sheet?.quorum ?? null;
  }

  async #read(socket: MeetingSocket) {
    // One read at a time; changes during it make one more read, not one each.
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = true;
    try {
      do {
        this.#again = false;
        const reply = await socket.emitWithAck('attendance:sheet', {});
        if ('data' in reply) this.sheet = reply.data;
      } while (this.#again);
    } finally {
      this.#reading = false;
    }
  }

  /** Follows the meeting's socket; returns the removal of its listeners. */
  attach(socket: MeetingSocket): () => void {
    const read = () => void this.#read(socket);
    const presence = ({ changed, removed }: PresenceChanged) => {
      const counted = this.#quorumOnly ? changed.filter(movesQuorum) : changed;
      const news = removed.length > 0 || counted.some((e) => this.#seen.get(e.participantId) !== e.attendance);
      for (const e of counted) this.#seen.set(e.participantId, e.attendance);
      for (const id of removed) this.#seen.delete(id);
      if (news) read();
    };
    socket.on('participants:changed', read);
    socket.on('presence:changed', presence);
    socket.on('connect', read);
    if (socket.connected) read();
    return () => {
      socket.off('participants:changed', read);
      socket.off('presence:changed', presence);
      socket.off('connect', read);
    };
  }
}
