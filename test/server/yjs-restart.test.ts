// Kill -9 the real server process during a burst of edits: everything any client saw broadcast is in the document the
// restarted server loads, and the clients' unsent edits arrive once they reconnect.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createSessions } from '../../server/auth/sessions.ts';
import { createDatabaseClient, type Database } from '../../server/db/client.ts';
import { PROJECT_ROOT } from '../../server/config.ts';
import { freePort } from '../../server/net/free-port.ts';
import { SAMPLE_MEETING_ID } from '../../server/seed/seed-sample.ts';
import { testDatabase } from '../support/board.ts';
import type { TestDatabase } from '../support/database.ts';

describe('a server killed during a burst of edits', () => {
  let database: TestDatabase;
  let db: Database;
  let dataDir: string;
  let port: number;
  let server: ChildProcess | null = null;
  const secret = randomBytes(32).toString('hex');
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    database = await testDatabase();
    db = createDatabaseClient(database.url);
    dataDir = await mkdtemp(path.join(tmpdir(), 'cb-restart-'));
    port = await freePort();
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    if (server) await stopServer(server, 'SIGTERM');
    await db.$disconnect();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** `npx tsx server/main.ts` in its own process group, so SIGKILL reaches the node process and not only npx. */
  async function startServer(): Promise<ChildProcess> {
    const child = spawn('npx', ['tsx', 'server/main.ts'], {
      cwd: PROJECT_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url, SESSION_SECRET: secret, DATA_DIR: dataDir },
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Committee Board is ready')) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
    });
    child.stdout!.resume();
    child.stderr!.resume();
    return child;
  }

  function stopServer(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid!, signal);
    });
  }

  function open(token: string, doc = new Y.Doc()) {
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, `meeting/${SAMPLE_MEETING_ID}/minutes`, doc, {
      WebSocketPolyfill: WebSocket as never,
      params: { token },
      disableBc: true,
    });
    providers.push(provider);
    return { doc, provider };
  }
  const synced = (provider: WebsocketProvider) =>
    new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));

  it('keeps every update that was broadcast, and re-syncs what was not', async () => {
    server = await startServer();
    const sessions = createSessions(db, secret);
    const tokens = [];
    for (let i = 0; i < 4; i++) {
      const invite = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role: 'secretary' });
      tokens.push((await sessions.redeemInvite(invite, `เลขานุการ ${i}`)).sessionToken);
    }
    const writers = tokens.slice(0, 3).map((token) => open(token));
    await Promise.all(writers.map(({ provider }) => synced(provider)));

    /** Values each client received from the server, i.e. saw broadcast. */
    const seen = new Set<string>();
    const written = new Set<string>();
    for (const { doc, provider } of writers) {
      doc.getArray<string>('burst').observe((event) => {
        if (event.transaction.origin !== provider) return;
        for (const delta of event.changes.delta) for (const value of (delta.insert as string[] | undefined) ?? []) seen.add(value);
      });
    }
    let n = 0;
    const timers = writers.map(({ doc }, i) =>
      setInterval(() => {
        const value = `${i}-${n++}`;
        written.add(value);
        doc.getArray<string>('burst').push([value]);
      }, 5),
    );
    await expect.poll(() => seen.size, { timeout: 20_000 }).toBeGreaterThan(100);
    await stopServer(server, 'SIGKILL');
    // A few more edits while the server is gone: they stay in the clients until they reconnect.
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const timer of timers) clearInterval(timer);
    // Keep the writers away so that nothing they re-send can hide a lost update.
    for (const { provider } of writers) provider.disconnect();
    const seenAtKill = [...seen];

    server = await startServer();
    const checker = open(tokens[3]!);
    await synced(checker.provider);
    const reloaded = new Set(checker.doc.getArray<string>('burst').toArray());
    expect(seenAtKill.filter((value) => !reloaded.has(value))).toEqual([]);

    for (const { provider } of writers) provider.connect();
    await expect.poll(() => checker.doc.getArray<string>('burst').length, { timeout: 20_000 }).toBe(written.size);
    expect(new Set(checker.doc.getArray<string>('burst').toArray())).toEqual(written);
  }, 120_000);
});
