// The Yjs log in a real PostgreSQL: append, load, and compaction by count and by size in one transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type pg from 'pg';
import { createDatabaseClient, type Database } from '../../server/db/client.ts';
import { createPgPool } from '../../server/db/pg-pool.ts';
import { SAMPLE_MEETING_ID } from '../../server/seed/seed-sample.ts';
import { createPostgresPersistence } from '../../server/yjs/postgres-persistence.ts';
import { testDatabase } from '../support/board.ts';
import type { TestDatabase } from '../support/database.ts';

describe('Yjs persistence in PostgreSQL', () => {
  let database: TestDatabase;
  let db: Database;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await testDatabase();
    db = createDatabaseClient(database.url);
    pool = createPgPool(database.url, { max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await db.$disconnect();
    await database.drop();
  });

  /** `count` small updates, each one typed character, as an editor produces them. */
  function typing(count: number, text = 'ก'): Uint8Array[] {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < count; i++) doc.getText('t').insert(i, text);
    return updates;
  }
  async function reload(name: string, persistence = createPostgresPersistence(pool)) {
    const doc = new Y.Doc();
    for (const update of await persistence.load(name)) Y.applyUpdate(doc, update);
    return doc.getText('t').toString();
  }
  const logRows = (name: string) => db.yUpdate.count({ where: { docName: name } });
  const snapshot = async (name: string) => (await db.yDocument.findUnique({ where: { name } }))?.snapshot ?? null;

  it('folds the log into the snapshot once it holds the update count, and loads the same document', async () => {
    const name = `meeting/${SAMPLE_MEETING_ID}/private/count-test`;
    const persistence = createPostgresPersistence(pool, { compactAfterUpdates: 10, compactAfterBytes: 1e9 });
    await persistence.load(name);
    const updates = typing(25);
    for (let i = 0; i < updates.length; i += 3) {
      await persistence.append(name, updates.slice(i, i + 3));
      await persistence.settled();
    }
    // 25 updates in batches of 3: compactions after 12 and 24, one update left in the log.
    expect(await logRows(name)).toBe(1);
    expect(await snapshot(name)).not.toBeNull();
    expect(await reload(name)).toBe('ก'.repeat(25));
  });

  it('folds by size too, whatever the count', async () => {
    const name = `meeting/${SAMPLE_MEETING_ID}/private/size-test`;
    const persistence = createPostgresPersistence(pool, { compactAfterUpdates: 1e9, compactAfterBytes: 2_000 });
    await persistence.load(name);
    const updates = typing(6, 'ข'.repeat(300));
    for (const update of updates) await persistence.append(name, [update]);
    await persistence.settled();
    expect(await snapshot(name)).not.toBeNull();
    expect(await logRows(name)).toBeLessThan(updates.length);
    expect(await reload(name)).toBe('ข'.repeat(1800));
  });

  it('loses nothing when another writer appends while compactions run', async () => {
    const name = `meeting/${SAMPLE_MEETING_ID}/private/race-test`;
    const compacting = createPostgresPersistence(pool, { compactAfterUpdates: 5 });
    const other = createPostgresPersistence(pool, { compactAfterUpdates: 1e9 });
    await Promise.all([compacting.load(name), other.load(name)]);
    const updates = typing(40);
    await Promise.all([
      (async () => {
        for (let i = 0; i < 20; i++) await compacting.append(name, [updates[i]!]);
        await compacting.settled();
      })(),
      (async () => {
        for (let i = 20; i < 40; i++) await other.append(name, [updates[i]!]);
      })(),
    ]);
    expect(await reload(name)).toBe('ก'.repeat(40));
  });

  it('loses nothing when two processes compact the same document while both append', async () => {
    const name = `meeting/${SAMPLE_MEETING_ID}/private/double-compaction-test`;
    const first = createPostgresPersistence(pool, { compactAfterUpdates: 3 });
    const second = createPostgresPersistence(pool, { compactAfterUpdates: 4 });
    await Promise.all([first.load(name), second.load(name)]);
    const updates = typing(60);
    await Promise.all([
      (async () => {
        for (let i = 0; i < 30; i++) await first.append(name, [updates[i]!]);
      })(),
      (async () => {
        for (let i = 30; i < 60; i++) await second.append(name, [updates[i]!]);
      })(),
    ]);
    await Promise.all([first.settled(), second.settled()]);
    expect(await snapshot(name)).not.toBeNull();
    expect(await reload(name)).toBe('ก'.repeat(60));
  });
});
