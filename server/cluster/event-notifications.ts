// How every instance learns of the events another instance committed: the pipeline adds a NOTIFY to the statement or
// transaction that writes the event rows, and each instance LISTENs on one connection of its own. Postgres sends a
// notification only when its transaction commits, and in commit order; a meeting's commits are serialised by its row
// lock, so every instance receives a meeting's events in seq order (the delivery orders them again anyway, and reads
// from the log whatever it finds missing). The notification carries the events themselves when they fit in
// Postgres's 8000-byte payload, or only their seqs, which the receiver reads from the log.
import pg from 'pg';
import { z } from 'zod';
import { isSequencedEventType, type SequencedEvent } from '../shared/events/sequenced.ts';

export const EVENTS_CHANNEL = 'board_events';
/** Postgres refuses payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_900;
/** How long the listening connection waits before it connects again after losing the database. */
const RECONNECT_DELAY_MS = 500;

const notificationSchema = z.object({
  instance: z.string(),
  meetingId: z.string(),
  seqs: z.tuple([z.number().int(), z.number().int()]),
  events: z.array(z.object({ type: z.string(), payload: z.object({ seq: z.number().int() }).loose() })).optional(),
});
export type EventNotification = z.infer<typeof notificationSchema>;

/** The NOTIFY payload for events committed together by `instance`. */
export function notificationText(instance: string, meetingId: string, events: readonly SequencedEvent[]): string {
  const seqs: [number, number] = [events[0]!.payload.seq, events.at(-1)!.payload.seq];
  const whole = JSON.stringify({ instance, meetingId, seqs, events });
  return Buffer.byteLength(whole) < MAX_PAYLOAD_BYTES ? whole : JSON.stringify({ instance, meetingId, seqs });
}

/** A payload read back, or null when it is not one of ours. */
export function readNotification(text: string | undefined): EventNotification | null {
  try {
    const parsed = notificationSchema.safeParse(JSON.parse(text ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface EventListenerDeps {
  connectionString: string;
  /** This instance: its own notifications are skipped (it delivered those events when they committed). */
  instanceId: string;
  deliver(meetingId: string, events: SequencedEvent[]): void;
  loadEvents(meetingId: string, fromSeq: number, toSeq: number): Promise<SequencedEvent[]>;
  /** The listening connection is back after losing the database: what was committed meanwhile must be read. */
  onReconnected(): void;
  log(message: string): void;
}

export interface EventListener {
  /** Resolves once the first LISTEN is in place. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function listenForEvents(deps: EventListenerDeps): EventListener {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let everConnected = false;

  async function received(message: pg.Notification) {
    const notification = readNotification(message.payload);
    if (!notification || notification.instance === deps.instanceId) return;
    const { meetingId, seqs, events } = notification;
    try {
      const committed = events
        ? (events.filter((event) => isSequencedEventType(event.type)) as unknown as SequencedEvent[])
        : await deps.loadEvents(meetingId, seqs[0], seqs[1]);
      deps.deliver(meetingId, committed);
    } catch (error) {
      // The next event's gap, or the catch-up after a reconnect, reads it from the log.
      deps.log(`events ${seqs.join('-')} of meeting ${meetingId} could not be read: ${(error as Error).message}`);
    }
  }

  async function connect(): Promise<void> {
    const fresh = new pg.Client({ connectionString: deps.connectionString, keepAlive: true, connectionTimeoutMillis: 2_000 });
    const lost = () => {
      if (client !== fresh) return;
      client = null;
      void fresh.end().catch(() => {});
      scheduleReconnect();
    };
    fresh.on('error', lost);
    fresh.on('end', lost);
    fresh.on('notification', (message) => void received(message));
    await fresh.connect();
    client = fresh;
    await fresh.query(`LISTEN ${EVENTS_CHANNEL}`);
    if (closed) {
      client = null;
      await fresh.end();
      return;
    }
    if (everConnected) deps.onReconnected();
    everConnected = true;
  }

  function scheduleReconnect() {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch(() => {
        client = null;
        scheduleReconnect();
      });
    }, RECONNECT_DELAY_MS);
  }

  const ready = connect();
  ready.catch(() => scheduleReconnect());
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
    },
  };
}
