// The meeting's event log (MeetingEvent): read back for clients that missed events and for deliveries that found a
// hole. Rows are written by the command pipeline, in the transaction of the change they describe.
import type { Database } from './client.ts';
import { isSequencedEventType, type SequencedEvent } from '../shared/events/sequenced.ts';

export interface MeetingEventLog {
  /** The logged events with `fromSeq <= seq <= toSeq`, in order. */
  load(meetingId: string, fromSeq: number, toSeq: number): Promise<SequencedEvent[]>;
  /** Where the log starts for the meeting (null when it holds nothing), and the meeting's seq now. */
  extent(meetingId: string): Promise<{ oldestKeptSeq: number | null; currentSeq: number }>;
}

export function createMeetingEventLog(db: Database): MeetingEventLog {
  return {
    async load(meetingId, fromSeq, toSeq) {
      const rows = await db.meetingEvent.findMany({
        where: { meetingId, seq: { gte: fromSeq, lte: toSeq } },
        orderBy: { seq: 'asc' },
        select: { type: true, payload: true },
      });
      // Types the code no longer knows are skipped rather than sent: a client could not apply them anyway.
      return rows.filter((row) => isSequencedEventType(row.type)).map((row) => ({ type: row.type, payload: row.payload }) as SequencedEvent);
    },
    async extent(meetingId) {
      const [meeting, oldest] = await Promise.all([
        db.meeting.findUnique({ where: { id: meetingId }, select: { seq: true } }),
        db.meetingEvent.findFirst({ where: { meetingId }, orderBy: { seq: 'asc' }, select: { seq: true } }),
      ]);
      return { oldestKeptSeq: oldest?.seq ?? null, currentSeq: meeting?.seq ?? 0 };
    },
  };
}
