// A real board server for a test: its own database cloned from the seeded template, a random port, a random secret.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/shared/contract.ts';
import { sessionCookieName } from '../../server/shared/session-cookie.ts';
import { startBoard, type RunningBoard } from '../../server/board-server.ts';
import { LIMIT_RULES, type LimitName, type LimitRule } from '../../server/limits/rate-limits.ts';
import type { Identity } from '../../server/auth/identity.ts';
import { SAMPLE_MEETING_ID } from '../../server/seed/seed-sample.ts';
import type { Role } from '../../server/shared/roles.ts';
import { createDatabase, type TestDatabase } from './database.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Connected {
  socket: ClientSocket;
  identity: Identity;
  sessionToken: string;
  /** The Cookie header a browser of this participant would send. */
  cookie: string;
}

export interface TestBoard extends RunningBoard {
  meetingId: string;
  /** A participant who joined through an invite, as a person would, and the session token that names them. */
  join(role: Role, name?: string): Promise<{ identity: Identity; sessionToken: string }>;
  /** A fresh single-use invite link, as the secretary would hand one out. */
  inviteUrl(role: Role, name?: string): Promise<string>;
  /** A participant on a real Socket.io connection, once the server said it is ready; closed when the board stops. */
  connect(role: Role, name?: string, options?: { reconnection?: boolean }): Promise<Connected>;
  stop(): Promise<void>;
}

export function testDatabase(): Promise<TestDatabase> {
  return createDatabase(inject('databaseServerUrl'), { template: inject('templateDatabase') });
}

/**
 * For a test of ordering or convergence under bursts no person sends (hundreds of changes a second from a few
 * sockets): the board's own limits with a thousand times the allowance. Every other test runs with LIMIT_RULES.
 */
export const BURST_LIMITS = Object.fromEntries(
  Object.entries(LIMIT_RULES).map(([name, rule]) => [name, { ...rule, points: rule.points * 1000 }]),
) as Record<LimitName, LimitRule>;

export interface TestBoardOptions {
  /** A database the caller owns (shared by several instances): the board leaves it in place when it stops. */
  database?: TestDatabase;
  limitRules?: Record<LimitName, LimitRule>;
  /** One of several instances sharing this Redis (and then the caller's database and secret). */
  redisUrl?: string;
  sessionSecret?: string;
  /** Shared by the instances of a cluster, as RECORD_SIGNING_KEY is. */
  recordSigningKey?: string;
}

export async function startTestBoard(options: TestBoardOptions = {}): Promise<TestBoard> {
  const database = options.database ?? (await testDatabase());
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cb-test-data-'));
  const board = await startBoard(
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      sessionSecret: options.sessionSecret ?? randomBytes(32).toString('hex'),
      recordSigningKey: options.recordSigningKey,
      dataDir,
      publicUrl: undefined,
      redisUrl: options.redisUrl,
    },
    { log: () => {}, limitRules: options.limitRules },
  );
  const sockets: ClientSocket[] = [];
  const join: TestBoard['join'] = async (role, name = `ผู้ทดสอบ ${role}`) => {
    const token = await board.sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role, name });
    const { identity, sessionToken } = await board.sessions.redeemInvite(token, name);
    return { identity, sessionToken };
  };
  return {
    ...board,
    meetingId: SAMPLE_MEETING_ID,
    join,
    async connect(role, name, { reconnection = false } = {}) {
      const { identity, sessionToken } = await join(role, name);
      const socket: ClientSocket = io(board.url, {
        auth: { meetingId: SAMPLE_MEETING_ID, token: sessionToken },
        transports: ['websocket'],
        reconnection,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('session:ready', () => resolve());
        socket.once('connect_error', reject);
      });
      return { socket, identity, sessionToken, cookie: `${sessionCookieName(SAMPLE_MEETING_ID)}=${sessionToken}` };
    },
    async inviteUrl(role, name) {
      return `${board.url}/join/${await board.sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role, name })}`;
    },
    async stop() {
      for (const socket of sockets) socket.close();
      await board.close();
      if (!options.database) await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
