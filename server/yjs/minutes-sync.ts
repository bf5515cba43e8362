// Keeps the board's sections of each meeting's minutes (decisions, and what else minutes-structure.ts names) in step
// with the meeting: when a minutes document is loaded, when an event that changes what they say is delivered while
// it is loaded here, and before the minutes are exported; until the minutes are adopted.
//
// Rewriting a section is not a merge: two instances rewriting the same section at once would each delete the old
// blocks and insert their own, and Yjs would keep both insertions. So every rewrite, on every instance, happens under
// one Postgres advisory lock per document and starts from the document as stored: the second writer finds the
// section already current and writes nothing.
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import { loadMinutesTemplateData } from '../db/minutes-repository.ts';
import { minutesStateOf } from '../db/minutes-adoption-repository.ts';
import { boardMaintainsSections } from '../domain/minutes-adoption.ts';
import type { DeliveryEffect } from '../realtime/delivery.ts';
import type { SequencedEventType } from '../shared/events/sequenced.ts';
import { formatDocName, parseDocName } from './doc-names.ts';
import { applySections, minutesSections } from './minutes-template.ts';
import type { YPersistence } from './persistence.ts';
import type { SharedDoc } from './shared-doc.ts';
import { errorDetail, type YjsLog } from './types.ts';

/** Events after which a section may read differently. */
const FOLLOWED: ReadonlySet<SequencedEventType> = new Set(['resolution:changed', 'participants:changed', 'meeting:phase-changed', 'resolutions:changed']);

export interface MinutesSyncDeps {
  db: Database;
  pool: pg.Pool;
  persistence: YPersistence;
  documents: { edit(docName: string, change: (doc: SharedDoc) => void | Promise<void>): Promise<void>; isLive(docName: string): boolean };
  log: YjsLog;
}

export interface MinutesSync {
  /** Brings the meeting's minutes up to date now (loading them if needed); resolves once stored. */
  bringUpToDate(meetingId: string): Promise<void>;
  /** For the delivery: follows the meeting's events while its minutes are open on this instance. */
  effect: DeliveryEffect;
  /** For the Yjs endpoint: a minutes document just loaded is brought up to date. */
  loaded(docName: string): void;
}

export function createMinutesSync(deps: MinutesSyncDeps): MinutesSync {
  /** Per meeting: the last run queued, and the one that has not started yet, which every new request joins. */
  const queues = new Map<string, { tail: Promise<void>; waiting: Promise<void> | null }>();

  async function rewrite(meetingId: string): Promise<void> {
    const docName = formatDocName({ meetingId, kind: 'minutes' });
    const lock = await deps.pool.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [docName]);
      // Adopted minutes are what the committee adopted: the board's sections stop following the meeting then.
      if (!boardMaintainsSections(await minutesStateOf(deps.db, meetingId))) return;
      await deps.documents.edit(docName, async (doc) => {
        // What another instance stored may not have reached this copy through the relay yet.
        doc.catchUp(await deps.persistence.load(docName));
        const data = await loadMinutesTemplateData(deps.db, meetingId);
        if (data) applySections(doc, minutesSections(data));
      });
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [docName]).catch(() => {});
      lock.release();
    }
  }

  function bringUpToDate(meetingId: string): Promise<void> {
    const queue = queues.get(meetingId) ?? { tail: Promise.resolve(), waiting: null };
    queues.set(meetingId, queue);
    // A run that has not started will read everything changed so far: a burst of events costs one more run, not many.
    if (queue.waiting) return queue.waiting;
    const run = queue.tail
      .catch(() => {})
      .then(() => {
        queue.waiting = null;
        return rewrite(meetingId);
      });
    queue.waiting = run;
    queue.tail = run;
    void run
      .catch(() => {})
      .then(() => {
        if (queue.tail === run) queues.delete(meetingId);
      });
    return run;
  }

  const inBackground = (meetingId: string) =>
    bringUpToDate(meetingId).catch((error: unknown) => deps.log('minutes.sync.failed', { meetingId, error: errorDetail(error) }));

  return {
    bringUpToDate,
    effect: (meetingId, event) => {
      if (FOLLOWED.has(event.type) && deps.documents.isLive(formatDocName({ meetingId, kind: 'minutes' }))) void inBackground(meetingId);
    },
    loaded: (docName) => {
      const parsed = parseDocName(docName);
      if (parsed?.kind === 'minutes') void inBackground(parsed.meetingId);
    },
  };
}
