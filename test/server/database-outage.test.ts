// PostgreSQL goes away in the middle of a meeting: stopped (and started again), and frozen (it accepts connections
// and answers nothing). Commands fail fast with the typed "temporary" error, /healthz answers within a second and
// says the database is down in its own words, a Yjs upgrade gets 503 (not 401), edits wait in the clients and are
// stored when the database is back, nothing exits, and everything converges.
// The outage is 30 s; here it is 5 s: what is proven (fail fast, hold, converge) does not depend on its length,
// because nothing in the board waits out an outage: commands are refused at once, and clients retry on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import pg from 'pg';
import { createDatabaseClient, type Database } from '../../server/db/client.ts';
import { SAMPLE_MEETING_ID } from '../../server/seed/seed-sample.ts';
import { createPostgresPersistence } from '../../server/yjs/postgres-persistence.ts';
import { startInstance, startPostgres, type Instance, type PostgresServer } from '../support/processes.ts';
import { connectSocket, openDoc, participants, startCeilingBurst, storedTags } from '../support/meeting-clients.ts';

const OUTAGE_MS = 5_000;
const secret = 'outage-test-secret-0123456789abcdefgh';
const docName = `meeting/${SAMPLE_MEETING_ID}/minutes`;

async function health(url: string) {
  const began = performance.now();
  const response = await fetch(`${url}/healthz`);
  return { ms: performance.now() - began, status: response.status, text: await response.text() };
}

/** The HTTP status a y-websocket upgrade gets right now. */
function upgradeStatus(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${docName}?token=${token}`);
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    ws.once('error', (error) => (error.message.includes('Unexpected server response') ? undefined : reject(error)));
  });
}

describe('PostgreSQL stopped, then frozen, during a burst', () => {
  let postgres: PostgresServer;
  let instance: Instance;
  let db: Database;

  beforeAll(async () => {
    postgres = await startPostgres();
    instance = await startInstance({ databaseUrl: postgres.url, sessionSecret: secret });
    db = createDatabaseClient(postgres.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    if (instance?.running) await instance.signal('SIGKILL');
    await postgres?.destroy();
  });

  it('fails fast, holds the edits, and converges when it returns', async () => {
    const join = participants(db, secret);
    const chair = await join('chair');
    const socket = await connectSocket(instance.url, chair.token);
    const writerToken = (await join('secretary', 'ผู้เขียน')).token;
    const writer = openDoc(instance.url, writerToken, docName);
    await writer.synced;
    const written: string[] = [];
    const typing = setInterval(() => {
      const value = `w${written.length}`;
      written.push(value);
      writer.doc.getArray<string>('burst').push([value]);
    }, 50);
    const burst = await startCeilingBurst({ db, socket: () => socket, ratePerSecond: 20, tagPrefix: 'outage' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    // Stopped: connections closed, then refused.
    await postgres.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopped = await health(instance.url);
    expect(stopped.status).toBe(503);
    expect(stopped.ms).toBeLessThan(1_000);
    expect(JSON.parse(stopped.text)).toMatchObject({ status: 'degraded', database: { status: 'down', problem: 'unreachable' } });
    expect(stopped.text).not.toMatch(/ECONN|127\\.0\\.0\\.1|postgres|prisma|\\d{4,5}\\b(?!-)/i);
    expect(await upgradeStatus(instance.url, writerToken)).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - 500));
    await postgres.start();
    await expect.poll(async () => (await health(instance.url)).status, { timeout: 10_000 }).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    // Frozen: every process of the cluster stopped where it stands.
    const pids = postgres.pids();
    expect(pids.length).toBeGreaterThan(3);
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const frozen = await health(instance.url);
      expect(frozen.ms).toBeLessThan(1_000);
      expect(JSON.parse(frozen.text)).toMatchObject({ database: { status: 'down' } });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
    await expect.poll(async () => (await health(instance.url)).status, { timeout: 10_000 }).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    clearInterval(typing);
    const report = await burst.stop();

    expect(instance.running).toBe(true);
    expect(report.unanswered).toBe(0);
    expect(report.refused.database_unavailable).toBeGreaterThan(0);
    expect(Object.keys(report.refused).filter((code) => code !== 'database_unavailable')).toEqual([]);
    expect(report.slowestRefusalMs.database_unavailable).toBeLessThan(2_000);
    const stored = await storedTags(db, 'outage');
    expect(report.acknowledgedTags.filter((tag) => !stored.has(tag))).toEqual([]);

    // The edits made while the database was away were held by the writer and are stored now.
    const pool = new pg.Pool({ connectionString: postgres.url });
    await expect
      .poll(
        async () => {
          const doc = new Y.Doc();
          for (const update of await createPostgresPersistence(pool).load(docName)) Y.applyUpdate(doc, update);
          return doc.getArray<string>('burst').length;
        },
        { timeout: 20_000 },
      )
      .toBe(written.length);
    await pool.end();

    // The board converges: what the chair's client is shown is what the database holds.
    const reply = await socket.emitWithAck('meeting:sync', {});
    if (!('data' in reply)) throw new Error(reply.error.code);
    const rows = await db.project.findMany({ select: { id: true, ceilingBaht: true } });
    const shown = new Map(reply.data.projects.map((p) => [p.id, p.ceilingBaht]));
    for (const row of rows) expect(shown.get(row.id)).toBe(Number(row.ceilingBaht));
    writer.provider.destroy();
    socket.close();
    console.log(
      `PostgreSQL stopped ${OUTAGE_MS / 1000} s, then frozen 3 s, during a 20/s burst: ${report.sent} changes sent, ` +
        `${report.acknowledged} acknowledged, ${stored.size} stored, ${report.refused.database_unavailable} refused as ` +
        `"database unavailable" (slowest ${report.slowestRefusalMs.database_unavailable} ms), ` +
        `${report.acknowledgedTags.filter((tag) => !stored.has(tag)).length} lost; ${written.length} Yjs edits, all stored`,
    );
  }, 120_000);
});
