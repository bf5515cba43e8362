/**
 * The y-websocket endpoint, mounted on the shared HTTP server through its 'upgrade' event.
 *
 * Order of a connection: match the path prefix, authenticate, parse the document name, check access, load
 * the document, and only then complete the WebSocket handshake. Everything that can refuse a client happens
 * while it is still plain HTTP, so a refused client never sees a byte of sync, and an accepted one needs no
 * queue for messages that arrive before its document is ready.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Identity } from '../auth/identity.ts';
import type { AuthorityChange, AuthorityChanges } from '../auth/authority-changes.ts';
import type { AwarenessBroadcastOptions } from './awareness-broadcast.ts';
import { YConnection } from './connection.ts';
import { docAccess, parseDocName } from './doc-names.ts';
import type { YPersistence } from './persistence.ts';
import { CloseCode } from './protocol.ts';
import { DEFAULT_RATE_LIMIT, TokenBucket, type RateLimit } from './rate-limit.ts';
import { DocRegistry, RegistryClosedError } from './registry.ts';
import type { MeetingStatus } from '../domain/meeting-phase.ts';
import type { MinutesState } from '../domain/minutes-adoption.ts';
import type { SharedDoc } from './shared-doc.ts';
import type { YRelay } from './relay.ts';
import { createUpdateGuard, type UpdateLimits } from './update-guard.ts';
import { errorDetail, safeLog, type YjsLog } from './types.ts';

export interface YjsEndpointOptions {
  /** e.g. '/yjs'; a client connects to `<pathPrefix>/<docName>`. */
  pathPrefix: string;
  /** Whether the handshake's Origin header is one of the board's own pages; refused with 403 before authenticating. */
  allowOrigin(origin: string | string[] | undefined): boolean;
  /** Resolves who is connecting; `null` means unknown. A throw means it could not be decided now (503). */
  authenticate(req: IncomingMessage): Promise<Identity | null>;
  persistence: YPersistence;
  /** Role changes and revocations as they are delivered; connections follow them (see `participantChanged`). */
  authorityChanges?: AuthorityChanges;
  /** The meeting's phase as stored, read when a connection opens: a closed meeting's annotations are read-only. */
  meetingStatus?: (meetingId: string) => Promise<MeetingStatus>;
  /** Where the meeting's minutes stand, read when a connection opens: circulated and adopted minutes are read-only to more people. */
  minutesState?: (meetingId: string) => Promise<MinutesState>;
  /** See `DocRegistryOptions.initialContent`. */
  initialContent?: (docName: string) => Promise<Uint8Array | null>;
  /** Largest accepted frame; larger ones close the connection with 1009. Default 1 MiB. */
  maxMessageBytes?: number;
  /** How long a document with no connections stays in memory. Default 30 s. */
  idleUnloadMs?: number;
  /** Per-connection message rate. Default 200/s with bursts of 400. */
  rateLimit?: RateLimit;
  /** Sizes of updates, documents and awareness states. Default `DEFAULT_UPDATE_LIMITS`. */
  updateLimits?: UpdateLimits;
  /** Keep-alive ping period; a connection that misses one pong is dropped. Default 30 s. */
  pingIntervalMs?: number;
  /** How each document's awareness broadcasts are coalesced (at most 10 a second by default). */
  awareness?: AwarenessBroadcastOptions;
  /** See `DocRegistryOptions.relay`: several instances sharing documents. */
  relay?: YRelay;
  /** See `DocRegistryOptions.onLoaded`. */
  onDocumentLoaded?: (docName: string) => void;
  log?: YjsLog;
}

export interface YjsEndpointStats {
  documents: number;
  loadingDocuments: number;
  connections: number;
  readOnlyConnections: number;
  /** Updates applied in memory but not yet confirmed by persistence. */
  pendingUpdates: number;
}

export interface YjsEndpoint {
  /** Takes the upgrade if the path is ours (returns true), otherwise leaves the socket alone (false). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /**
   * A participant's role changed or they were revoked (the delivery of a meeting event says so): each of their open
   * connections gets the access the new role gives (read, write) or is closed (revoked: 4403, which y-websocket does
   * not retry). Call `authorityChanges.record` first, so that connections still in their handshake follow too.
   */
  participantChanged(participantId: string, change: AuthorityChange): void;
  /** The meeting opened or closed: its open connections get the access the new phase gives. */
  meetingPhaseChanged(meetingId: string, status: MeetingStatus): void;
  /** The meeting's minutes were circulated, adopted or locked: their open connections get the access that leaves. */
  minutesStateChanged(meetingId: string, state: MinutesState): void;
  /**
   * A change the server itself makes to a document (loaded for it if nobody has it open), resolved once stored: its
   * clients here and on other instances get it like any writer's update.
   */
  edit(docName: string, change: (doc: SharedDoc) => void | Promise<void>): Promise<void>;
  /** Whether the document is loaded in this instance. */
  isLive(docName: string): boolean;
  /** Closes every connection (1001, so clients reconnect elsewhere), flushes every document, refuses new ones. */
  close(): Promise<void>;
  stats(): YjsEndpointStats;
}

const DEFAULTS = {
  maxMessageBytes: 1024 * 1024,
  idleUnloadMs: 30_000,
  pingIntervalMs: 30_000,
} as const;
/** How long `close()` waits for clients to answer the close handshake before cutting their sockets. */
const CLOSE_GRACE_MS = 1_000;

class UpgradeRejection extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function createYjsEndpoint(options: YjsEndpointOptions): YjsEndpoint {
  const prefix = normalisePrefix(options.pathPrefix);
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULTS.maxMessageBytes;
  const idleUnloadMs = options.idleUnloadMs ?? DEFAULTS.idleUnloadMs;
  const pingIntervalMs = options.pingIntervalMs ?? DEFAULTS.pingIntervalMs;
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (!(maxMessageBytes > 0) || !(idleUnloadMs >= 0) || !(pingIntervalMs > 0)) {
    throw new RangeError('maxMessageBytes and pingIntervalMs must be positive, idleUnloadMs not negative');
  }
  new TokenBucket(rateLimit); // validates the limit now rather than failing every connection later
  const log = safeLog(options.log);
  const guard = createUpdateGuard(options.updateLimits);

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, clientTracking: false });
  const registry = new DocRegistry({
    persistence: options.persistence,
    initialContent: options.initialContent,
    awareness: options.awareness,
    relay: options.relay,
    onLoaded: options.onDocumentLoaded,
    idleUnloadMs,
    log,
  });
  const connections = new Set<YConnection>();
  let nextConnectionId = 1;
  let closing: Promise<void> | null = null;

  // One sweep for all connections instead of a timer each; same rule as the reference server.
  const pingTimer = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) conn.terminate('no pong since last ping');
      else conn.ping();
    }
  }, pingIntervalMs);
  pingTimer.unref();

  /** Each meeting's phase as last read or delivered, for connections that follow a change of role or phase. */
  const phases = new Map<string, MeetingStatus>();
  /** The same for each meeting's minutes. */
  const minutesStates = new Map<string, MinutesState>();

  function reauthorise(conn: YConnection, identity: Identity): void {
    const parsed = parseDocName(conn.doc.name);
    conn.reauthorise(identity, parsed ? docAccess(identity, parsed, phases.get(parsed.meetingId), minutesStates.get(parsed.meetingId)) : 'deny');
  }

  function follow(conn: YConnection, change: AuthorityChange): void {
    if (change.revoked) {
      conn.close(CloseCode.accessRevoked, 'access to this meeting was revoked');
      return;
    }
    reauthorise(conn, { ...conn.identity, role: change.role });
  }

  function meetingPhaseChanged(meetingId: string, status: MeetingStatus): void {
    phases.set(meetingId, status);
    for (const conn of connections) if (conn.identity.meetingId === meetingId) reauthorise(conn, conn.identity);
  }

  function minutesStateChanged(meetingId: string, state: MinutesState): void {
    minutesStates.set(meetingId, state);
    for (const conn of connections) if (conn.identity.meetingId === meetingId) reauthorise(conn, conn.identity);
  }

  function participantChanged(participantId: string, change: AuthorityChange): void {
    for (const conn of connections) if (conn.participantId === participantId) follow(conn, change);
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const encodedName = matchPath(req.url ?? '', prefix);
    if (encodedName === null) return false;
    // Until `ws` owns the socket, a reset from the client would be an unhandled 'error' event.
    const onSocketError = (error: Error) => log('yjs.upgrade.socket-error', { error: errorDetail(error) });
    socket.on('error', onSocketError);
    accept(req, socket, head, encodedName, () => socket.off('error', onSocketError)).catch((error: unknown) => {
      if (error instanceof UpgradeRejection) {
        log('yjs.upgrade.rejected', { url: redactQuery(req.url), status: error.status, reason: error.reason });
        rejectUpgrade(socket, error.status, error.reason);
      } else {
        log('yjs.internal-error', { url: redactQuery(req.url), error: errorDetail(error) });
        rejectUpgrade(socket, 500, 'internal error');
      }
    });
    return true;
  }

  async function accept(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    encodedName: string,
    /** Called once `ws` owns the socket and handles its errors itself. */
    handedOver: () => void,
  ): Promise<void> {
    if (closing) throw new UpgradeRejection(503, 'server shutting down');
    if (!options.allowOrigin(req.headers.origin)) throw new UpgradeRejection(403, 'origin not allowed');
    const generation = options.authorityChanges?.generation ?? 0;
    let authenticated: Identity | null;
    try {
      authenticated = await options.authenticate(req);
    } catch (error) {
      // Not a refusal of this client but a failure to decide (the database is away): 503, so the client retries,
      // never 401, which would tell it that its session is bad.
      log('yjs.auth.error', { error: errorDetail(error) });
      throw new UpgradeRejection(503, 'temporarily unavailable');
    }
    const identity = authenticated;
    if (identity === null) throw new UpgradeRejection(401, 'authentication required');
    const docName = decodeDocName(encodedName);
    const parsed = docName === null ? null : parseDocName(docName);
    if (docName === null || parsed === null) throw new UpgradeRejection(404, 'unknown document');
    try {
      if (options.meetingStatus) phases.set(parsed.meetingId, await options.meetingStatus(parsed.meetingId));
      if (options.minutesState && parsed.kind === 'minutes') minutesStates.set(parsed.meetingId, await options.minutesState(parsed.meetingId));
    } catch (error) {
      log('yjs.auth.error', { error: errorDetail(error) });
      throw new UpgradeRejection(503, 'temporarily unavailable');
    }
    const access = docAccess(identity, parsed, phases.get(parsed.meetingId), minutesStates.get(parsed.meetingId));
    if (access === 'deny') throw new UpgradeRejection(403, 'no access to this document');
    if (socket.destroyed) return;

    let doc: SharedDoc;
    try {
      doc = await registry.acquire(docName);
    } catch {
      // The registry logged the cause; the client only learns to try again later.
      throw new UpgradeRejection(503, 'document unavailable');
    }
    if (socket.destroyed || closing) {
      registry.release(doc);
      if (!socket.destroyed) throw new UpgradeRejection(503, 'server shutting down');
      return;
    }

    let upgraded = false;
    let abandoned = false;
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      upgraded = true;
      handedOver();
      if (abandoned) {
        ws.terminate();
        return;
      }
      let conn: YConnection | undefined;
      try {
        conn = new YConnection({
          id: nextConnectionId++,
          ws,
          doc,
          identity,
          access,
          rateLimit,
          guard,
          log,
          onClosed: (closed) => {
            connections.delete(closed);
            registry.release(closed.doc);
          },
        });
        connections.add(conn);
        log('yjs.connection.opened', {
          connectionId: conn.id,
          docName,
          participantId: identity.participantId,
          readOnly: conn.readOnly,
        });
        // A change delivered while this connection was still authenticating or loading applies to it too.
        const missed = options.authorityChanges?.since(identity.participantId, generation);
        if (missed) follow(conn, missed);
        doc.addConnection(conn);
      } catch (error) {
        // The socket is a WebSocket now: an HTTP error response would be garbage to the client. Once the
        // connection exists, its 'close' listener gives the document reference back; before, we must.
        log('yjs.internal-error', { docName, error: errorDetail(error) });
        if (conn === undefined) registry.release(doc);
        ws.close(CloseCode.internalError, 'internal error');
      }
    });
    // `ws` answers a bad handshake (wrong headers, socket already gone) itself, without calling back; in
    // that case the reference taken above must be given back or the document never unloads.
    if (!upgraded) {
      abandoned = true;
      registry.release(doc);
      log('yjs.upgrade.aborted', { docName });
    }
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      clearInterval(pingTimer);
      const open = Array.from(connections);
      for (const conn of open) conn.close(CloseCode.goingAway, 'server shutting down');
      await registry.closeAll();
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      const graceOver = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, CLOSE_GRACE_MS);
      });
      await Promise.race([Promise.all(open.map((conn) => conn.whenClosed)), graceOver]);
      clearTimeout(graceTimer);
      for (const conn of Array.from(connections)) conn.terminate('close handshake timed out');
      await Promise.all(open.map((conn) => conn.whenClosed));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    })();
    return closing;
  }

  function stats(): YjsEndpointStats {
    const docs = registry.liveDocs();
    let readOnlyConnections = 0;
    for (const conn of connections) if (conn.readOnly) readOnlyConnections++;
    return {
      documents: docs.length,
      loadingDocuments: registry.loadingCount,
      connections: connections.size,
      readOnlyConnections,
      pendingUpdates: docs.reduce((sum, doc) => sum + doc.pendingUpdates, 0),
    };
  }

  async function edit(docName: string, change: (doc: SharedDoc) => void | Promise<void>): Promise<void> {
    if (closing) throw new RegistryClosedError();
    const doc = await registry.acquire(docName);
    try {
      await change(doc);
      await doc.flush();
    } finally {
      registry.release(doc);
    }
  }

  return { handleUpgrade, participantChanged, meetingPhaseChanged, minutesStateChanged, edit, isLive: (docName) => registry.isLive(docName), close, stats };
}

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  if (!trimmed.startsWith('/')) throw new RangeError(`pathPrefix must start with '/': ${prefix}`);
  return trimmed;
}

/** The still-encoded document part of `<prefix>/<docName>?query`, or null when the path is not ours. */
function matchPath(url: string, prefix: string): string | null {
  const path = url.split('?', 1)[0]!;
  if (!path.startsWith(`${prefix}/`)) return null;
  return path.slice(prefix.length + 1);
}

function decodeDocName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** Query strings carry tokens; they must not end up in logs. */
function redactQuery(url: string | undefined): string {
  return (url ?? '').split('?', 1)[0]!;
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  const body = `${reason}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      '\r\n' +
      body,
  );
}

