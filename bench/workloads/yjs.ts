// The minutes being typed: a few secretaries type into one document while the rest of the meeting reads it; then the
// time to open a document of 100,000 characters of edits, from the log and from a snapshot.
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createPgPool } from '../../server/db/pg-pool.ts';
import { createPostgresPersistence } from '../../server/yjs/postgres-persistence.ts';
import type { Workload } from '../harness/context.ts';
import { interleave, latencyRatio } from '../harness/rounds.ts';
import { round2 } from '../harness/stats.ts';
import type { BoardInfo } from '../targets/board.ts';
import type { Target } from '../harness/target.ts';
import { boardYjs, referenceYjs, type YjsLoad } from './contenders.ts';
import { sized } from './size.ts';

export const yjs: Workload = {
  name: 'yjs',
  summary: 'minutes typed by 10 writers (5 updates/s each) and read by 90, against @y/websocket-server; then a 100,000-character load',
  async run(context) {
    const size = sized(context, { clients: 100, rate: 50, seconds: 10, warmupSeconds: 2, settleMs: 1_000 }, 4);
    const writers = Math.max(1, Math.round(size.clients / 10));
    const load: YjsLoad = { readers: size.clients - writers, writers, probe: 'text', freshDocEachRound: true };
    const board = await context.board();
    const reference = await context.yjsReference();
    const ours = await boardYjs(board, load);
    const figures = await interleave(context, [ours, referenceYjs(reference, load)], size);
    const { meetingId, writerToken } = ours.lastRound();
    const loadTimes = await measureLoad(board, meetingId, writerToken, context.tiny ? 1_000 : 100_000);
    return { parameters: { ...size, writers, readers: load.readers, updatesPerSecondPerWriter: size.rate / writers }, figures, ratio: latencyRatio(figures, 'board', 'yjsReference'), load: loadTimes };
  },
};

/**
 * Writes `characters` single-character edits straight into a private document's log, then times opening it: read
 * back from the log, a cold open through the server, and read back after compaction (one snapshot row).
 */
async function measureLoad(board: Target<BoardInfo>, meetingId: string, ownerToken: string, characters: number) {
  const owner = await board.request<{ participantId: string }>('identify', { token: ownerToken, meetingId });
  const docName = `meeting/${meetingId}/private/${owner.participantId}`;
  const pool = createPgPool(board.info.databaseUrl, { max: 2 });
  try {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    const text = source.getText('t');
    for (let i = 0; i < characters; i++) text.insert(i === 0 ? 0 : (i * 7919) % (i + 1), 'กขคงจ'[i % 5]!);
    const store = createPostgresPersistence(pool, { compactAfterUpdates: Number.MAX_SAFE_INTEGER, compactAfterBytes: Number.MAX_SAFE_INTEGER });
    await store.load(docName);
    for (let i = 0; i < updates.length; i += 1000) await store.append(docName, updates.slice(i, i + 1000));

    const timeLoad = async () => {
      const started = performance.now();
      const doc = new Y.Doc();
      const stored = await createPostgresPersistence(pool).load(docName);
      doc.transact(() => stored.forEach((u) => Y.applyUpdate(doc, u)));
      const ms = performance.now() - started;
      if (doc.getText('t').length !== characters) throw new Error('the loaded document is not the stored one');
      return round2(ms);
    };
    const fromLogMs = await timeLoad();

    const started = performance.now();
    const provider = new WebsocketProvider(board.info.yjsUrl, docName, new Y.Doc(), { WebSocketPolyfill: WebSocket as never, params: { token: ownerToken }, disableBc: true });
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    const serverColdOpenMs = round2(performance.now() - started);
    const served = provider.doc.getText('t').length;
    provider.destroy();
    provider.doc.destroy();
    if (served !== characters) throw new Error('the server served a different document');

    const compacting = createPostgresPersistence(pool, { compactAfterUpdates: 1 });
    await compacting.load(docName);
    await compacting.append(docName, [Y.encodeStateAsUpdate(new Y.Doc())]);
    await compacting.settled();
    const fromSnapshotMs = await timeLoad();
    return { characters, updates: updates.length, fromLogMs, serverColdOpenMs, fromSnapshotMs };
  } finally {
    await (pool as pg.Pool).end();
  }
}
