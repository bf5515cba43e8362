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

  async function compact(docName: string): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Locks the document row: appends and other compactions of this document wait until this one commits.
      const { rows: docs } = await client.query<{ snapshot: Buffer | null; snapshotUpTo: string }>(
        'SELECT "snapshot", "snapshotUpTo" FROM "YDocument" WHERE "name" = $1 FOR UPDATE',
        [docName],
      );
      const doc = docs[0];
      const { rows: updates } = doc
        ? await client.query<{ id: string; update: Buffer }>(
            'SELECT "id", "update" FROM "YUpdate" WHERE "docName" = $1 AND "id" > $2 ORDER BY "id"',
            [docName, doc.snapshotUpTo],
          )
        : { rows: [] };
      if (doc && updates.length > 0) {
        const lastId = updates.at(-1)!.id;
        await client.query('UPDATE "YDocument" SET "snapshot" = $2, "snapshotUpTo" = $3, "updatedAt" = now() WHERE "name" = $1', [
          docName,
          Buffer.from(fold(doc.snapshot, updates.map((u) => u.update))),
          lastId,
        ]);
        await client.query('DELETE FROM "YUpdate" WHERE "docName" = $1 AND "id" <= $2', [docName, lastId]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Per document, the compaction running now, so that appends never wait for one and two never overlap. */
  const compacting = new Map<string, Promise<void>>();
  function compactInBackground(docName: string): void {
    if (compacting.has(docName)) return;
    const running = compact(docName)
      .then(() => {
        logSize.set(docName, { updates: 0, bytes: 0 });
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
      // result, so their ids are taken under the lock that is held until commit: a compaction (which takes the same
      // lock) never runs between this batch taking its ids and committing, which could fold past ids not yet visible
      // to it and make the load skip them. Two processes may then share one document.
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
