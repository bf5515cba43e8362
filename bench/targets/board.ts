// The board under test: the real server (startBoard: migrations, sample seed, Express, Socket.io, Yjs) on a database
// of its own, in a process of its own. The harness asks it for participants and meetings over IPC.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBoard } from '../../server/board-server.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { loadBoard } from '../../server/db/board-repository.ts';
import type { Role } from '../../server/shared/roles.ts';
import { bigPlan } from '../../server/seed/big-plan.ts';
import { writePlanWithMeeting } from '../../server/seed/write-plan.ts';
import { createDatabase } from '../../test/support/database.ts';
import { serveTarget } from '../harness/target.ts';
import { nowMs } from '../harness/clock.ts';

export interface BoardInfo {
  url: string;
  databaseUrl: string;
  yjsUrl: string;
  sampleMeetingId: string;
}

export interface BenchProject {
  id: string;
  requestedBaht: number;
  ceilingBaht: number;
  version: number;
}

/** How many invites are redeemed at once: each is a participant row. */
const JOIN_CONCURRENCY = 10;

const serverUrl = process.env.BENCH_DATABASE_SERVER;
if (!serverUrl) throw new Error('BENCH_DATABASE_SERVER is not set');
// Cloned from the run's template (migrated and seeded once), so the board starts without migrating or seeding. One of
// several instances (BENCH_REDIS_URL) uses the database the harness made for them all, with their shared secret.
const shared = process.env.BENCH_REDIS_URL
  ? { redisUrl: process.env.BENCH_REDIS_URL, databaseUrl: process.env.BENCH_SHARED_DATABASE_URL!, secret: process.env.BENCH_SESSION_SECRET! }
  : null;
const database = shared
  ? { url: shared.databaseUrl, drop: async () => {} }
  : await createDatabase(serverUrl, { prefix: 'cb_bench', template: process.env.BENCH_DATABASE_TEMPLATE });
const dataDir = await mkdtemp(path.join(tmpdir(), 'cb-bench-'));
const board = await startBoard(
  {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    sessionSecret: shared?.secret ?? randomBytes(32).toString('hex'),
    dataDir,
    publicUrl: undefined,
    redisUrl: shared?.redisUrl,
  },
  { log: () => {} },
);
let meetings = 0;

serveTarget<BoardInfo>(
  { url: board.url, databaseUrl: database.url, yjsUrl: `${board.url.replace(/^http/, 'ws')}/yjs`, sampleMeetingId: board.sampleMeetingId },
  {
    /** `count` participants of `role` who joined through invites, as people do; their session tokens. */
    async participants({ meetingId, role, count }: { meetingId: string; role: Role; count: number }) {
      const tokens: string[] = [];
      for (let i = 0; i < count; i += JOIN_CONCURRENCY) {
        const batch = Array.from({ length: Math.min(JOIN_CONCURRENCY, count - i) }, async (_, j) => {
          const name = `${role} ${i + j + 1} (bench)`;
          const invite = await board.sessions.createInvite({ meetingId, role, name });
          return (await board.sessions.redeemInvite(invite, name)).sessionToken;
        });
        tokens.push(...(await Promise.all(batch)));
      }
      return tokens;
    },
    /** A new meeting on the sample plan: a workload's own participants, and fresh documents for a round. */
    async meeting() {
      const sample = await board.db.meeting.findUniqueOrThrow({ where: { id: board.sampleMeetingId } });
      meetings += 1;
      const meeting = await board.db.meeting.create({
        data: { ...sample, id: `bench-${meetings}-${randomBytes(3).toString('hex')}`, number: sample.number + 100 + meetings, seq: 0, focus: sample.focus ?? undefined },
      });
      return meeting.id;
    },
    /** A plan of `projects` generated projects and a meeting on it; the meeting's id. */
    async bigPlan({ projects }: { projects: number }) {
      meetings += 1;
      const ids = { planId: `bench-plan-${meetings}`, meetingId: `bench-big-${meetings}` };
      await writePlanWithMeeting(board.db, bigPlan(projects), ids);
      return ids.meetingId;
    },
    /** How long reading the meeting's board from the database takes, `times` times over (the page's first step). */
    async loadBoardMs({ meetingId, times }: { meetingId: string; times: number }) {
      const spent: number[] = [];
      for (let i = 0; i < times; i++) {
        const started = nowMs();
        await loadBoard(board.db, meetingId);
        spent.push(nowMs() - started);
      }
      return spent;
    },
    identify: ({ token, meetingId }: { token: string; meetingId: string }) => board.sessions.identify(token, meetingId),
    async projects({ meetingId }: { meetingId: string }): Promise<BenchProject[]> {
      const { planId } = await board.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { planId: true } });
      const rows = await board.db.project.findMany({ where: { planId }, orderBy: { position: 'asc' } });
      return rows.map((p) => ({ id: p.id, requestedBaht: bahtFromDb(p.requestedBaht), ceilingBaht: bahtFromDb(p.ceilingBaht), version: p.version }));
    },
  },
  async () => {
    await board.close();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  },
);
