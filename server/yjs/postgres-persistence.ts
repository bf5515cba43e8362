// Yjs documents in Postgres: an append-only log of updates, folded now and then into a snapshot so loading stays quick.
import * as Y from 'yjs';
import type { Database } from '../db/client.ts';
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

export function createPostgresPersistence(db: Database, options: PostgresPersistenceOptions = {}): PostgresPersistence {
  const compactAfterUpdates = options.compactAfterUpdates ?? 500;
  const compactAfterBytes = options.compactAfterBytes ?? 1024 * 1024;
  // Counted here rather than queried: every document is loaded through this process before anyone appends to it.
  const logSize = new Map<string, LogSize>();
  const log = safeLog(options.log);

  async function compact(docName: string): Promise<void> {
    await db.$transaction(
      async (tx) => {
        // Locks the document row: appends and other compactions of this document wait until this one commits.
        const [doc] = await tx.$queryRaw<{ snapshot: Uint8Array | null; snapshotUpTo: bigint }[]>`
          SELECT "snapshot", "snapshotUpTo" FROM "YDocument" WHERE "name" = ${docName} FOR UPDATE`;
        if (!doc) return;
        const updates = await tx.yUpdate.findMany({ where: { docName, id: { gt: doc.snapshotUpTo } }, orderBy: { id: 'asc' } });
        if (updates.length === 0) return;
        const lastId = updates.at(-1)!.id;
        await tx.yDocument.update({
          where: { name: docName },
          data: { snapshot: fold(doc.snapshot, updates.map((u) => u.update)), snapshotUpTo: lastId },
        });
        await tx.yUpdate.deleteMany({ where: { docName, id: { lte: lastId } } });
      },
      // Prisma's default of 5 s is too short for a long log on a busy machine; a timed-out compaction only retries.
      { timeout: 60_000, maxWait: 10_000 },
    );
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
      // One snapshot of both tables: a compaction committing between the two reads would otherwise move updates
      // out of the log after we read the old snapshot.
      const { doc, updates } = await db.$transaction(
        async (tx) => {
          const doc = await tx.yDocument.findUnique({ where: { name: docName } });
          const updates = doc
            ? await tx.yUpdate.findMany({ where: { docName, id: { gt: doc.snapshotUpTo } }, orderBy: { id: 'asc' }, select: { update: true } })
            : [];
          return { doc, updates };
        },
        { isolationLevel: 'RepeatableRead', timeout: 60_000 },
      );
      if (!doc) {
        logSize.set(docName, { updates: 0, bytes: 0 });
        return [];
      }
      const parts = updates.map((u) => new Uint8Array(u.update));
      logSize.set(docName, { updates: parts.length, bytes: parts.reduce((sum, part) => sum + part.byteLength, 0) });
      return doc.snapshot ? [new Uint8Array(doc.snapshot), ...parts] : parts;
    },

    async append(docName, updates) {
      if (updates.length === 0) return;
      const parsed = parseDocName(docName);
      if (!parsed) throw new Error(`Not a document name: ${docName}`);
      // The first statement creates or row-locks the document until commit, so a compaction (which takes the same
      // lock) never runs between this batch taking its ids and committing: otherwise it could fold past ids that
      // are not yet visible to it and the load would skip them. Two processes may then share one document.
      await db.$transaction([
        db.$executeRaw`
          INSERT INTO "YDocument" ("name", "meetingId", "kind", "updatedAt")
          VALUES (${docName}, ${parsed.meetingId}, ${parsed.kind}::"YDocKind", now())
          ON CONFLICT ("name") DO UPDATE SET "updatedAt" = now()`,
        db.yUpdate.createMany({ data: updates.map((update) => ({ docName, update: Buffer.from(update) })) }),
      ]);
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
