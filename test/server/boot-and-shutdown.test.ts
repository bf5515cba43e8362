// Instances as `npm start` runs them: two booting together on an empty database migrate and seed once; SIGTERM in
// the middle of a burst answers every command, stores every edit, sends clients off, and stops the embedded
// PostgreSQL last, within 10 s.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import pg from 'pg';
import { createDatabaseClient } from '../../server/db/client.ts';
import { readMigrations } from '../../server/db/schema-engine.ts';
import { SAMPLE_MEETING_ID } from '../../server/seed/seed-sample.ts';
import { createDatabase } from '../support/database.ts';
import { startInstance, type Instance } from '../support/processes.ts';
import { connectSocket, openDoc, participants, startCeilingBurst, storedTags } from '../support/meeting-clients.ts';
import { createPostgresPersistence } from '../../server/yjs/postgres-persistence.ts';

const instances: Instance[] = [];
afterAll(async () => {
  for (const instance of instances) if (instance.running) await instance.signal('SIGKILL');
});

describe('two instances booting together on an empty database', () => {
  it('apply the migrations once and seed one sample meeting', async () => {
    const database = await createDatabase(inject('databaseServerUrl'), { prefix: 'cb_boot' });
    try {
      const booted = await Promise.all([startInstance({ databaseUrl: database.url }), startInstance({ databaseUrl: database.url })]);
      instances.push(...booted);
      const migratedBy = booted.filter((instance) => instance.output().includes('Database migrated'));
      expect(migratedBy).toHaveLength(1);

      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const expected = (await readMigrations()).migrationDirectories.map((m) => m.path);
        const { rows } = await client.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name');
        expect(rows.map((r) => r.migration_name)).toEqual(expected);
        const counts = await client.query<{ meetings: string; samplePlans: string; projects: string }>(
          `SELECT (SELECT count(*) FROM "Meeting") AS meetings, (SELECT count(*) FROM "Plan" WHERE "isSample") AS "samplePlans",
                  (SELECT count(*) FROM "Project") AS projects`,
        );
        expect(counts.rows[0]).toEqual({ meetings: '1', samplePlans: '1', projects: '78' });
      } finally {
        await client.end();
      }
      for (const instance of booted) expect((await instance.signal('SIGTERM')).code).toBe(0);
    } finally {
      await database.drop();
    }
  }, 240_000);
});

describe('SIGTERM during a burst, on the embedded PostgreSQL', () => {
  it('answers every command, keeps every edit, tells clients to reconnect and exits within 10 s', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cb-sigterm-'));
    const secret = 'sigterm-test-secret-0123456789abcdef';
    try {
      const instance = await startInstance({ dataDir, sessionSecret: secret });
      instances.push(instance);
      const databaseUrl = (await readFile(path.join(dataDir, 'postgres-url'), 'utf8')).trim();
      const db = createDatabaseClient(databaseUrl);
      try {
        const join = participants(db, secret);
        const chair = await join('chair');
        const socket = await connectSocket(instance.url, chair.token, { reconnection: false });
        const docName = `meeting/${SAMPLE_MEETING_ID}/minutes`;
        const writer = openDoc(instance.url, (await join('secretary', 'ผู้เขียน')).token, docName);
        const reader = openDoc(instance.url, (await join('secretary', 'ผู้อ่าน')).token, docName);
        await Promise.all([writer.synced, reader.synced]);
        const seenByReader = new Set<string>();
        reader.doc.getArray<string>('burst').observe((event) => {
          for (const delta of event.changes.delta) for (const value of (delta.insert as string[] | undefined) ?? []) seenByReader.add(value);
        });
        const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
        const burst = await startCeilingBurst({ db, socket: () => socket, ratePerSecond: 20, tagPrefix: 'sigterm' });
        // A client told the server is going away sends nothing more there (the board holds its commands until it has
        // reconnected); whatever it sent before is answered.
        let told = false;
        const burstEnded = new Promise<Awaited<ReturnType<typeof burst.stop>>>((resolve) =>
          socket.once('server:restarting', () => {
            told = true;
            resolve(burst.stop());
          }),
        );
        let n = 0;
        const typing = setInterval(() => writer.doc.getArray<string>('burst').push([`w${n++}`]), 10);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        const stopping = instance.signal('SIGTERM');
        const reason = await disconnected;
        clearInterval(typing);
        const report = await burstEnded;
        const { code, ms } = await stopping;

        expect(told).toBe(true);
        // The transport closed under it, which a Socket.io client answers by reconnecting (not "io server disconnect").
        expect(reason).toBe('transport close');
        expect(code).toBe(0);
        expect(ms).toBeLessThan(10_000);
        expect(report.unanswered).toBe(0);
        expect(Object.keys(report.refused).filter((code) => code !== 'server_restarting')).toEqual([]);
        expect(report.acknowledged).toBeGreaterThan(10);
        expect(instance.output()).not.toMatch(/persist\.failed|shutting down.*error|while stopping/i);
        expect(instance.output()).toContain('Stopped in');
        writer.provider.destroy();
        reader.provider.destroy();
        socket.close();
        await db.$disconnect();

        // Everything acknowledged and everything broadcast is there after a restart.
        await instance.restart();
        const after = createDatabaseClient((await readFile(path.join(dataDir, 'postgres-url'), 'utf8')).trim());
        const stored = await storedTags(after, 'sigterm');
        expect(report.acknowledgedTags.filter((tag) => !stored.has(tag))).toEqual([]);
        const pool = new pg.Pool({ connectionString: (await readFile(path.join(dataDir, 'postgres-url'), 'utf8')).trim() });
        const doc = new Y.Doc();
        for (const update of await createPostgresPersistence(pool).load(docName)) Y.applyUpdate(doc, update);
        const storedValues = new Set(doc.getArray<string>('burst').toArray());
        expect([...seenByReader].filter((value) => !storedValues.has(value))).toEqual([]);
        expect(seenByReader.size).toBeGreaterThan(10);
        await pool.end();
        await after.$disconnect();
        console.log(
          `SIGTERM during a burst: ${report.sent} changes sent, ${report.acknowledged} acknowledged, ${stored.size} stored, ` +
            `${report.refused.server_restarting ?? 0} refused as restarting, 0 lost; ${seenByReader.size} Yjs updates seen broadcast, all stored; exit in ${ms} ms`,
        );
        expect((await instance.signal('SIGTERM')).code).toBe(0);
      } finally {
        await db.$disconnect().catch(() => {});
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
