// People in the sample meeting as the fault tests need them: sessions minted with the instances' shared secret, real
// Socket.io and y-websocket clients, and a burst of ceiling changes whose every outcome is accounted for.
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createSessions } from '../../server/auth/sessions.ts';
import { bahtFromDb, type Database } from '../../server/db/client.ts';
import { SAMPLE_MEETING_ID } from '../../server/seed/seed-sample.ts';
import type { CeilingsBroadcast } from '../../server/shared/events/ceilings.ts';
import type { Role } from '../../server/shared/roles.ts';
import type { ClientSocket } from './board.ts';

export function participants(db: Database, secret: string) {
  const sessions = createSessions(db, secret);
  return async (role: Role, name = `ผู้ทดสอบ ${role}`) => {
    const invite = await sessions.createInvite({ meetingId: SAMPLE_MEETING_ID, role, name });
    const { identity, sessionToken } = await sessions.redeemInvite(invite, name);
    return { token: sessionToken, participantId: identity.participantId };
  };
}

/** A Socket.io client of the meeting; resolves once the server said it is ready. */
export async function connectSocket(url: string, token: string, options: { reconnection?: boolean } = {}): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    auth: { meetingId: SAMPLE_MEETING_ID, token },
    transports: ['websocket'],
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1_000,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('session:ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function openDoc(url: string, token: string, docName: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, docName, doc, {
    WebSocketPolyfill: WebSocket as never,
    params: { token },
    disableBc: true,
    maxBackoffTime: 500,
  });
  const synced = new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  return { doc, provider, synced };
}

/** Every seq a client saw, in the order it saw them, from every sequenced broadcast. */
export function recordSeqs(socket: ClientSocket): number[] {
  const seqs: number[] = [];
  const note = ({ seq }: { seq: number }) => seqs.push(seq);
  socket.on('ceilings:updated', note);
  socket.on('focus:changed', note);
  socket.on('agenda:changed', note);
  socket.on('participants:changed', note);
  socket.on('resolution:changed', note);
  socket.on('resolutions:changed', note);
  return seqs;
}

export interface BurstReport {
  sent: number;
  acknowledged: number;
  /** Typed refusals, by code. */
  refused: Record<string, number>;
  /** Sent, never answered within the timeout. */
  unanswered: number;
  /** The tags (the change's reason) of the acknowledged changes. */
  acknowledgedTags: string[];
  /** The longest wait for each kind of refusal, in ms. */
  slowestRefusalMs: Record<string, number>;
}

/**
 * Ceiling changes at `ratePerSecond` through whichever socket `socket()` returns at that moment, round-robin over
 * the plan's projects so that no two changes in flight touch one project. Each change carries a unique reason, its
 * tag, so that what was stored can be matched against what was acknowledged.
 */
export async function startCeilingBurst(options: {
  db: Database;
  socket(): ClientSocket;
  ratePerSecond: number;
  tagPrefix: string;
  /** How long a change may go unanswered before it counts as such. */
  answerTimeoutMs?: number;
}) {
  const projects = await options.db.project.findMany({
    where: { plan: { meetings: { some: { id: SAMPLE_MEETING_ID } } } },
    orderBy: { position: 'asc' },
    select: { id: true, version: true, requestedBaht: true },
  });
  const versions = new Map(projects.map((p) => [p.id, p.version]));
  const noteUpdate = (update: CeilingsBroadcast) => {
    if (update.change) versions.set(update.change.projectId, Math.max(versions.get(update.change.projectId) ?? 0, update.change.versionAfter));
  };
  const report: BurstReport = { sent: 0, acknowledged: 0, refused: {}, unanswered: 0, acknowledgedTags: [], slowestRefusalMs: {} };
  const pending = new Set<Promise<void>>();
  let n = 0;
  const seen = new WeakSet<ClientSocket>();
  const timer = setInterval(() => {
    const socket = options.socket();
    if (!seen.has(socket)) {
      seen.add(socket);
      socket.on('ceilings:updated', noteUpdate);
    }
    const project = projects[n % projects.length]!;
    const tag = `${options.tagPrefix}-${n}`;
    // A fresh amount every time, below the request, so that no change is refused as a no-op or as above it.
    const toBaht = bahtFromDb(project.requestedBaht) - 1_000 * (1 + Math.floor(n / projects.length));
    n++;
    report.sent++;
    const sentAt = performance.now();
    const sent = socket
      .timeout(options.answerTimeoutMs ?? 10_000)
      .emitWithAck('ceilings:set', { projectId: project.id, toBaht, expectedVersion: versions.get(project.id)!, reason: tag })
      .then(
        (reply) => {
          if ('data' in reply) {
            report.acknowledged++;
            report.acknowledgedTags.push(tag);
            noteUpdate(reply.data);
          } else {
            const { code } = reply.error;
            report.refused[code] = (report.refused[code] ?? 0) + 1;
            report.slowestRefusalMs[code] = Math.max(report.slowestRefusalMs[code] ?? 0, Math.round(performance.now() - sentAt));
          }
        },
        () => {
          report.unanswered++;
        },
      );
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
  }, 1000 / options.ratePerSecond);
  return {
    report,
    /** Stops sending and resolves once every change sent was answered or timed out. */
    async stop(): Promise<BurstReport> {
      clearInterval(timer);
      await Promise.all(pending);
      return report;
    },
  };
}

/** The tags of the burst's changes that the database holds. */
export async function storedTags(db: Database, tagPrefix: string): Promise<Set<string>> {
  const rows = await db.ceilingChange.findMany({ where: { reason: { startsWith: `${tagPrefix}-` } }, select: { reason: true } });
  return new Set(rows.map((row) => row.reason));
}
