// Yjs documents in Postgres: an append-only log of updates, folded now and then into a snapshot so loading stays quick.
// Plain SQL on the pg pool rather than Prisma: appends sit between an edit and everyone else seeing it.
import type pg from 'pg';
import * as Y from 'yjs';
import type { YPersistence } from './persistence.ts';
import { parseDocName } from './doc-names.ts';
import { errorDetail, safeLog, type YjsLog } from './types.ts';

export interface PostgresPersistenceOptions {
  /** Fold the log into the snapshot once this many updates follow it. */
  compactAfterUpdates?: number;
  /** ... or once the updates that follow it hold this many bytes, whichever comes first. */
  compactAfterBytes?: number;
  log?: YjsLog;
}

interface LogSize {
  updates: number;
  bytes: number;
}

export interface PostgresPersistence extends YPersistence {
  /** Resolves when no compaction is running; for tests and shutdown. */
  settled(): Promise<void>;
}

export function createPostgresPersistence(pool: pg.Pool, options: PostgresPersistenceOptions = {}): PostgresPersistence {
  const compactAfterUpdates = options.compactAfterUpdates ?? 500;
  const compactAfterBytes = options.compactAfterBytes ?? 1024 * 1024;
  // Counted here rather than queried: every document is loaded through this process before anyone appends to it.
  const logSize = new Map<string, LogSize>();
  const log = safeLog(options.log);

  /**
   * Folds the log into the snapshot and returns the size of what it folded. The fold runs outside any lock: only the
   * final statement touches the document row, so appends wait for one short statement rather than the whole fold.
   */
  async function compact(docName: string): Promise<LogSize> {
    // One statement, so one snapshot of both tables. Every log row it misses belongs to an append that has not
    // committed, and such an append holds the document row (see `append`), so its ids are above every id read here.
    const { rows } = await pool.query<{ snapshot: Buffer | null; snapshotUpTo: string; id: string | null; update: Buffer | null }>(
      `SELECT d."snapshot", d."snapshotUpTo", u."id", u."update" FROM "YDocument" d
       LEFT JOIN "YUpdate" u ON u."docName" = d."name" AND u."id" > d."snapshotUpTo"
       WHERE d."name" = $1 ORDER BY u."id"`,
      [docName],
    );
    const updates = rows.flatMap((row) => (row.update === null ? [] : [row.update]));
    if (updates.length === 0) return { updates: 0, bytes: 0 };
    const { snapshot, snapshotUpTo } = rows[0]!;
    const lastId = rows.at(-1)!.id!;
    // Only if no other compaction moved the snapshot meanwhile: then exactly the rows folded here are deleted.
    await pool.query(
      `WITH doc AS (
         UPDATE "YDocument" SET "snapshot" = $2, "snapshotUpTo" = $3, "updatedAt" = now()
         WHERE "name" = $1 AND "snapshotUpTo" = $4
         RETURNING "name")
       DELETE FROM "YUpdate" u USING doc WHERE u."docName" = doc."name" AND u."id" <= $3`,
      [docName, Buffer.from(fold(snapshot, updates)), lastId, snapshotUpTo],
    );
    return { updates: updates.length, bytes: updates.reduce((sum, update) => sum + update.byteLength, 0) };
  }

  /** Per document, the compaction running now, so that appends never wait for one and two never overlap. */
  const compacting = new Map<string, Promise<void>>();
  function compactInBackground(docName: string): void {
    if (compacting.has(docName)) return;
    const running = compact(docName)
      .then((folded) => {
        const size = logSize.get(docName) ?? { updates: 0, bytes: 0 };
        logSize.set(docName, { updates: Math.max(0, size.updates - folded.updates), bytes: Math.max(0, size.bytes - folded.bytes) });
      })
      .catch((error: unknown) => log('yjs.compaction.failed', { docName, error: errorDetail(error) }))
      .finally(() => compacting.delete(docName));
    compacting.set(docName, running);
  }

  return {
    async load(docName) {
      // One statement, so one snapshot of both tables: a compaction committing between two reads would otherwise
      // move updates out of the log after we read the old snapshot.
      const { rows } = await pool.query<{ snapshot: boolean; data: Buffer | null }>(
        `SELECT TRUE AS "snapshot", d."snapshot" AS "data", 0::bigint AS "id" FROM "YDocument" d WHERE d."name" = $1
         UNION ALL
         SELECT FALSE, u."update", u."id" FROM "YUpdate" u JOIN "YDocument" d ON d."name" = u."docName"
         WHERE u."docName" = $1 AND u."id" > d."snapshotUpTo"
         ORDER BY "snapshot" DESC, "id"`,
        [docName],
      );
      const parts = rows.filter((row) => !row.snapshot).map((row) => new Uint8Array(row.data!));
      logSize.set(docName, { updates: parts.length, bytes: parts.reduce((sum, part) => sum + part.byteLength, 0) });
      const snapshot = rows.find((row) => row.snapshot)?.data;
      return snapshot ? [new Uint8Array(snapshot), ...parts] : parts;
    },

    async append(docName, updates) {
      if (updates.length === 0) return;
      const parsed = parseDocName(docName);
      if (!parsed) throw new Error(`Not a document name: ${docName}`);
      // One statement. Its first part creates or row-locks the document, and the log rows are drawn from that part's
      // result, so their ids are taken under the lock that is held until commit: an append that has not committed
      // always has ids above every committed one of its document, and a compaction never folds past a row it cannot
      // see yet (which the load would then skip). Two processes may then share one document.
      await pool.query(
        `WITH doc AS (
           INSERT INTO "YDocument" ("name", "meetingId", "kind", "updatedAt") VALUES ($1, $2, $3::"YDocKind", now())
           ON CONFLICT ("name") DO UPDATE SET "updatedAt" = now()
           RETURNING "name")
         INSERT INTO "YUpdate" ("docName", "update")
         SELECT doc."name", u."update" FROM doc, unnest($4::bytea[]) WITH ORDINALITY AS u("update", "n") ORDER BY u."n"`,
        [docName, parsed.meetingId, parsed.kind, updates.map((update) => Buffer.from(update.buffer, update.byteOffset, update.byteLength))],
      );
      const before = logSize.get(docName) ?? { updates: 0, bytes: 0 };
      const size = {
        updates: before.updates + updates.length,
        bytes: before.bytes + updates.reduce((sum, update) => sum + update.byteLength, 0),
      };
      logSize.set(docName, size);
      // The updates are stored: compaction runs after, so what it costs never delays a broadcast, and a failed one
      // is logged and retried after the next append.
      if (size.updates >= compactAfterUpdates || size.bytes >= compactAfterBytes) compactInBackground(docName);
    },

    async appendFirst(docName, update) {
      const parsed = parseDocName(docName);
      if (!parsed) throw new Error(`Not a document name: ${docName}`);
      // The document row decides: an instance whose insert finds it (committed, or waited for) stores nothing.
      const { rowCount } = await pool.query(
        `WITH doc AS (
           INSERT INTO "YDocument" ("name", "meetingId", "kind", "updatedAt") VALUES ($1, $2, $3::"YDocKind", now())
           ON CONFLICT ("name") DO NOTHING
           RETURNING "name")
         INSERT INTO "YUpdate" ("docName", "update") SELECT doc."name", $4 FROM doc`,
        [docName, parsed.meetingId, parsed.kind, Buffer.from(update.buffer, update.byteOffset, update.byteLength)],
      );
      if (!rowCount) return false;
      logSize.set(docName, { updates: 1, bytes: update.byteLength });
      return true;
    },

    async settled() {
      while (compacting.size > 0) await Promise.all(compacting.values());
    },
  };
}

/** Snapshot and log as one update. Through a Y.Doc rather than `Y.mergeUpdates`: it is faster on long logs of
 * small updates, and deleted content is garbage-collected. */
function fold(snapshot: Uint8Array | null, updates: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot));
    for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update));
  });
  const folded = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return new Uint8Array(folded);
}
