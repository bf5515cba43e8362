// Faults with several instances: an instance killed outright (SIGKILL) in the middle of a burst, and Redis killed and
// started again. Each test starts what it breaks itself: instances as processes (as `npm start` runs them) or in
// this process, its own redis-server, its own database, on free ports.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import pg from 'pg';
import { createDatabaseClient, type Database } from '../../server/db/client.ts';
import { SAMPLE_MEETING_ID } from '../../server/seed/seed-sample.ts';
import { createPostgresPersistence } from '../../server/yjs/postgres-persistence.ts';
import type { ClientSocket } from '../support/board.ts';
import { startTestCluster, type TestCluster } from '../support/cluster.ts';
import { createDatabase, type TestDatabase } from '../support/database.ts';
import { connectSocket, openDoc, participants, recordSeqs, startCeilingBurst, storedTags } from '../support/meeting-clients.ts';
import {
  describeWithRedis,
  startInstance,
  startPostgres,
  startRedis,
  type Instance,
  type PostgresServer,
  type RedisServer,
} from '../support/processes.ts';
import { data } from '../support/sequenced.ts';

const docName = `meeting/${SAMPLE_MEETING_ID}/minutes`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a y-websocket client saw arrive in one array, by value. */
function seenValues(doc: Y.Doc, field: string): Set<string> {
  const seen = new Set<string>();
  doc.getArray<string>(field).observe((event) => {
    for (const delta of event.changes.delta) for (const value of (delta.insert as string[] | undefined) ?? []) seen.add(value);
  });
  return seen;
}

async function storedValues(databaseUrl: string, field: string): Promise<Set<string>> {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  try {
    const doc = new Y.Doc();
    for (const update of await createPostgresPersistence(pool).load(docName)) Y.applyUpdate(doc, update);
    return new Set(doc.getArray<string>(field).toArray());
  } finally {
    await pool.end();
  }
}

const consecutive = (seqs: number[]) => seqs.every((seq, i) => i === 0 || seq === seqs[i - 1]! + 1);

describeWithRedis('an instance killed (SIGKILL) during a burst', () => {
  const secret = 'cluster-kill-test-secret-0123456789abcdef';
  let redis: RedisServer;
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;
  let db: Database;

  beforeAll(async () => {
    redis = await startRedis();
    database = await createDatabase(inject('databaseServerUrl'), { prefix: 'cb_kill' });
    a = await startInstance({ databaseUrl: database.url, redisUrl: redis.url, sessionSecret: secret });
    b = await startInstance({ databaseUrl: database.url, redisUrl: redis.url, sessionSecret: secret });
    db = createDatabaseClient(database.url);
  }, 240_000);
  afterAll(async () => {
    await db?.$disconnect();
    for (const instance of [a, b]) if (instance?.running) await instance.signal('SIGKILL');
    await redis?.stop();
    await database?.drop();
  });

  it('loses no acknowledged change and no broadcast edit; its clients carry on through the other', async () => {
    const join = participants(db, secret);
    const presenter = await join('presenter', 'ผู้นำเสนอ');
    let presenterSocket: ClientSocket = await connectSocket(a.url, presenter.token, { reconnection: false });
    const watcher = await connectSocket(b.url, (await join('observer', 'ผู้สังเกตการณ์ บนบี')).token);
    const watched = recordSeqs(watcher);
    const staysOnA = await join('member', 'กรรมการ บนเอ');
    const memberOnA = await connectSocket(a.url, staysOnA.token, { reconnection: false });
    const online = async () =>
      data(await watcher.emitWithAck('presence:list', {})).find((entry) => entry.participantId === staysOnA.participantId)?.online;
    await expect.poll(online).toBe(true);

    const writerToken = (await join('secretary', 'ผู้เขียน')).token;
    const writer = openDoc(a.url, writerToken, docName);
    const readerOnA = openDoc(a.url, (await join('secretary', 'ผู้อ่าน บนเอ')).token, docName);
    const readerOnB = openDoc(b.url, (await join('secretary', 'ผู้อ่าน บนบี')).token, docName);
    await Promise.all([writer.synced, readerOnA.synced, readerOnB.synced]);
    const seen = [seenValues(readerOnA.doc, 'kill'), seenValues(readerOnB.doc, 'kill')];
    let n = 0;
    const typing = setInterval(() => writer.doc.getArray<string>('kill').push([`w${n++}`]), 20);

    const burst = await startCeilingBurst({ db, socket: () => presenterSocket, ratePerSecond: 20, tagPrefix: 'kill', answerTimeoutMs: 5_000 });
    await sleep(1_500);
    const killed = await a.signal('SIGKILL');
    // The load balancer sends A's clients to B: the presenter's socket and the writer's document reconnect there.
    presenterSocket = await connectSocket(b.url, presenter.token, { reconnection: false });
    writer.provider.destroy();
    const writerOnB = openDoc(b.url, writerToken, docName, writer.doc);
    await writerOnB.synced;
    await sleep(1_500);
    clearInterval(typing);
    const report = await burst.stop();
    const lastSeq = (await db.meeting.findUniqueOrThrow({ where: { id: SAMPLE_MEETING_ID } })).seq;
    await expect.poll(() => watched.at(-1)).toBe(lastSeq);

    expect(killed.signal).toBe('SIGKILL');
    const stored = await storedTags(db, 'kill');
    const lost = report.acknowledgedTags.filter((tag) => !stored.has(tag));
    expect(lost).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(20);
    expect(consecutive(watched)).toBe(true);
    // Every edit the writer made reaches B's reader (it re-sent what A had not stored), and everything anyone saw is stored.
    await expect.poll(() => readerOnB.doc.getArray('kill').length, { timeout: 10_000 }).toBe(n);
    const inPostgres = await storedValues(database.url, 'kill');
    const seenNotStored = seen.flatMap((values) => [...values].filter((value) => !inPostgres.has(value)));
    expect(seenNotStored).toEqual([]);
    // A's people drop out of the list on B within seconds, without anyone cleaning up after A.
    const killedAt = Date.now();
    await expect.poll(online, { timeout: 20_000, interval: 500 }).toBe(false);
    const droppedAfterMs = Date.now() - killedAt;

    console.log(
      `SIGKILL during a burst: ${report.sent} changes sent, ${report.acknowledged} acknowledged, ${stored.size} stored, ` +
        `${lost.length} acknowledged and lost, ${Object.entries(report.refused).map(([code, count]) => `${count} ${code}`).join(', ') || 'none refused'}, ` +
        `${report.unanswered} unanswered; seqs seen on B continuous up to ${lastSeq}; ${seen[0]!.size + seen[1]!.size} Yjs updates seen broadcast, all stored; ` +
        `A's people offline on B ${droppedAfterMs} ms after the test looked`,
    );
    for (const client of [writerOnB, readerOnA, readerOnB]) client.provider.destroy();
    for (const socket of [presenterSocket, watcher, memberOnA]) socket.close();

    // The survivor, with Redis, stops as cleanly as a lone instance: within 10 s, nothing left failing behind it.
    const stopped = await b.signal('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    expect(b.output()).not.toMatch(/while stopping|unhandled rejection/i);
  }, 120_000);
});

describeWithRedis('PostgreSQL stopped and started again during a burst, under two instances', () => {
  let postgres: PostgresServer;
  let cluster: TestCluster;

  beforeAll(async () => {
    postgres = await startPostgres();
    cluster = await startTestCluster(2, { database: { url: postgres.url, drop: () => postgres.destroy() } });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('refuses fast while it is away, and every instance delivers everything committed, in order, once it is back', async () => {
    const [a, b] = cluster.boards as [NonNullable<TestCluster['boards'][0]>, NonNullable<TestCluster['boards'][0]>];
    const presenter = (await a.connect('presenter', 'ผู้นำเสนอ', { reconnection: true })).socket;
    const watcherOnB = (await b.connect('observer', 'ผู้สังเกตการณ์ บนบี', { reconnection: true })).socket;
    const watched = recordSeqs(watcherOnB);
    const burst = await startCeilingBurst({ db: a.db, socket: () => presenter, ratePerSecond: 20, tagPrefix: 'pg', answerTimeoutMs: 5_000 });
    await sleep(1_000);
    await postgres.stop();
    await sleep(3_000);
    await postgres.start();
    const databaseUp = async (url: string) => (await (await fetch(`${url}/healthz`)).json()).database.status;
    await expect.poll(() => Promise.all([databaseUp(a.url), databaseUp(b.url)]), { timeout: 10_000 }).toEqual(['up', 'up']);
    await sleep(2_000);
    const report = await burst.stop();

    expect(Object.keys(report.refused).filter((code) => code !== 'database_unavailable')).toEqual([]);
    expect(report.refused.database_unavailable).toBeGreaterThan(10);
    expect(report.slowestRefusalMs.database_unavailable).toBeLessThan(2_500);
    expect(report.unanswered).toBe(0);
    const stored = await storedTags(a.db, 'pg');
    expect(report.acknowledgedTags.filter((tag) => !stored.has(tag))).toEqual([]);
    const lastSeq = (await a.db.meeting.findUniqueOrThrow({ where: { id: a.meetingId } })).seq;
    await expect.poll(() => watched.at(-1), { timeout: 10_000 }).toBe(lastSeq);
    expect(consecutive(watched)).toBe(true);
    console.log(
      `PostgreSQL stopped for 3 s during a burst, two instances: ${report.sent} changes sent, ${report.acknowledged} acknowledged, ${stored.size} stored, ` +
        `${report.refused.database_unavailable} refused as database_unavailable (slowest ${report.slowestRefusalMs.database_unavailable} ms), 0 lost; ` +
        `B's watcher saw seqs continuous up to ${lastSeq}`,
    );
  }, 120_000);
});

describeWithRedis('Redis killed and started again during a burst', () => {
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startTestCluster(2);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('keeps every instance serving its own clients, says so, and converges when Redis is back', async () => {
    const [a, b] = cluster.boards as [NonNullable<TestCluster['boards'][0]>, NonNullable<TestCluster['boards'][0]>];
    const presenter = (await a.connect('presenter', 'ผู้นำเสนอ')).socket;
    const watcherOnB = (await b.connect('observer', 'ผู้สังเกตการณ์ บนบี', { reconnection: true })).socket;
    const watched = recordSeqs(watcherOnB);
    const [writerOnA, readerOnB] = await Promise.all([a.join('secretary', 'ผู้เขียน'), b.join('secretary', 'ผู้อ่าน')]);
    const writer = openDoc(a.url, writerOnA.sessionToken, docName);
    const reader = openDoc(b.url, readerOnB.sessionToken, docName);
    await Promise.all([writer.synced, reader.synced]);
    let n = 0;
    const typing = setInterval(() => writer.doc.getArray<string>('redis').push([`w${n++}`]), 20);
    const burst = await startCeilingBurst({ db: a.db, socket: () => presenter, ratePerSecond: 20, tagPrefix: 'redis', answerTimeoutMs: 5_000 });

    await sleep(1_000);
    await cluster.redis.kill();
    await expect.poll(async () => (await (await fetch(`${a.url}/healthz`)).json()).redis.status, { timeout: 5_000 }).toBe('down');
    // Someone joining meanwhile is served by the instance they reach.
    const lateOnB = (await b.connect('observer', 'มาระหว่างขัดข้อง')).socket;
    expect(data(await lateOnB.emitWithAck('meeting:sync', {})).projects).toHaveLength(78);
    await sleep(1_500);
    const during = { ...burst.report };
    await cluster.redis.start();
    await expect.poll(async () => (await (await fetch(`${b.url}/healthz`)).json()).redis.status, { timeout: 5_000 }).toBe('up');
    await sleep(1_000);
    clearInterval(typing);
    const report = await burst.stop();

    // Commands went on while Redis was away: nothing refused, nothing lost, and B's clients heard them (through Postgres).
    expect(report.refused).toEqual({});
    expect(report.unanswered).toBe(0);
    expect(during.acknowledged).toBeGreaterThan(30);
    const stored = await storedTags(a.db, 'redis');
    expect(report.acknowledgedTags.filter((tag) => !stored.has(tag))).toEqual([]);
    const lastSeq = (await a.db.meeting.findUniqueOrThrow({ where: { id: a.meetingId } })).seq;
    await expect.poll(() => watched.at(-1)).toBe(lastSeq);
    expect(consecutive(watched)).toBe(true);
    // Edits made on A while Redis was away reach B's reader once it is back.
    await expect.poll(() => reader.doc.getArray('redis').length, { timeout: 10_000 }).toBe(n);
    expect(reader.doc.getArray('redis').toArray()).toEqual(writer.doc.getArray('redis').toArray());
    console.log(
      `Redis killed for ~2 s during a burst: ${report.sent} changes sent, ${report.acknowledged} acknowledged (${during.acknowledged} by the end of the outage), ` +
        `${stored.size} stored, 0 lost; ${n} Yjs edits on A, all on B after Redis returned`,
    );
    for (const client of [writer, reader]) client.provider.destroy();
  }, 120_000);
});
