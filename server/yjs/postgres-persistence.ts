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

export function createPostgresPersistence(db: Database, options: PostgresPersistenceOptions = {}): YPersistence {
  const compactAfterUpdates = options.compactAfterUpdates ?? 500;
  const compactAfterBytes = options.compactAfterBytes ?? 1024 * 1024;
  // Counted here rather than queried: every document is loaded through this process before anyone appends to it.
  const logSize = new Map<string, LogSize>();
  const log = safeLog(options.log);

  async function compact(docName: string): Promise<void> {
    await db.$transaction(async (tx) => {
      // Locks the document row so two compactions of one document never interleave.
      const [doc] = await tx.$queryRaw<{ snapshot: Uint8Array | null; snapshotUpTo: bigint }[]>`
        SELECT "snapshot", "snapshotUpTo" FROM "YDocument" WHERE "name" = ${docName} FOR UPDATE`;
      if (!doc) return;
      const updates = await tx.yUpdate.findMany({ where: { docName, id: { gt: doc.snapshotUpTo } }, orderBy: { id: 'asc' } });
      if (updates.length === 0) return;
      const parts = doc.snapshot ? [doc.snapshot, ...updates.map((u) => u.update)] : updates.map((u) => u.update);
      const lastId = updates.at(-1)!.id;
      await tx.yDocument.update({
        where: { name: docName },
        data: { snapshot: new Uint8Array(Y.mergeUpdates(parts.map((p) => new Uint8Array(p)))), snapshotUpTo: lastId },
      });
      await tx.yUpdate.deleteMany({ where: { docName, id: { lte: lastId } } });
    });
  }

  return {
    async load(docName) {
      const doc = await db.yDocument.findUnique({ where: { name: docName } });
      if (!doc) {
        logSize.set(docName, { updates: 0, bytes: 0 });
        return [];
      }
      const updates = await db.yUpdate.findMany({
        where: { docName, id: { gt: doc.snapshotUpTo } },
        orderBy: { id: 'asc' },
        select: { update: true },
      });
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
      if (size.updates >= compactAfterUpdates || size.bytes >= compactAfterBytes) {
        // The updates are stored whatever happens here, so a failed compaction must not reject the append
        // (that would tell the document they were lost): it is logged and retried after the next append.
        try {
          await compact(docName);
          logSize.set(docName, { updates: 0, bytes: 0 });
        } catch (error) {
          log('yjs.compaction.failed', { docName, error: errorDetail(error) });
        }
      }
    },
  };
}
