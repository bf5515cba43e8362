/**
 * One client's WebSocket, after the upgrade was authorised and its document loaded.
 *
 * Turns frames into calls on the `SharedDoc` and enforces the per-connection rules: binary frames only,
 * well-formed messages only, a rate limit, and read-only access. Any violation closes this connection
 * alone; the document and the other connections carry on. No listener lets an exception escape, because
 * an exception thrown from a `ws` event handler would take the whole process down.
 */
import type { RawData, WebSocket } from 'ws';
import type { Identity } from '../auth/identity.ts';
import { CloseCode, ProtocolError, decodeClientMessage, encodePermissionDenied } from './protocol.ts';
import { TokenBucket, type RateLimit } from './rate-limit.ts';
import type { SharedDoc } from './shared-doc.ts';
import type { UpdateGuard, UpdateRefusal } from './update-guard.ts';
import { errorDetail, type DocConnection, type YjsLog } from './types.ts';

export interface YConnectionOptions {
  id: number;
  ws: WebSocket;
  doc: SharedDoc;
  identity: Identity;
  access: 'write' | 'read';
  rateLimit: RateLimit;
  /** Checks every update and stamps every awareness state before the document sees them. */
  guard: UpdateGuard;
  log: YjsLog;
  /** Called once, after the socket closed and the connection left its document. */
  onClosed(conn: YConnection): void;
}

/** An empty Yjs update (no structs, empty delete set); what a client with nothing new sends as sync step 2. */
const EMPTY_UPDATE_LENGTH = 2;

export class YConnection implements DocConnection {
  readonly id: number;
  /** Who is on the other end, with the role they hold now (see `reauthorise`). */
  identity: Identity;
  private access: 'write' | 'read';
  readonly doc: SharedDoc;
  /** Cleared before each keep-alive ping, set by the pong; a connection still false at the next round is dead. */
  alive = true;
  private readonly ws: WebSocket;
  private readonly bucket: TokenBucket;
  private readonly guard: UpdateGuard;
  private readonly log: YjsLog;
  private readonly onClosed: (conn: YConnection) => void;
  /** Set when we decided to close: frames already on the wire after that are ignored. */
  private closing = false;
  private cleanedUp = false;
  private toldReadOnly = false;
  private resolveClosed!: () => void;
  /** Resolves once the socket closed and the connection left its document. */
  readonly whenClosed = new Promise<void>((resolve) => {
    this.resolveClosed = resolve;
  });

  constructor(options: YConnectionOptions) {
    this.id = options.id;
    this.ws = options.ws;
    this.doc = options.doc;
    this.identity = options.identity;
    this.access = options.access;
    this.bucket = new TokenBucket(options.rateLimit);
    this.guard = options.guard;
    this.log = options.log;
    this.onClosed = options.onClosed;

    this.ws.on('message', (data, isBinary) => this.guarded(() => this.handleFrame(data, isBinary)));
    this.ws.on('pong', () => {
      this.alive = true;
    });
    this.ws.on('error', (error) => this.guarded(() => this.handleSocketError(error)));
    this.ws.on('close', (code, reason) => this.guarded(() => this.cleanup(code, reason.toString())));
  }

  get participantId(): string {
    return this.identity.participantId;
  }

  get readOnly(): boolean {
    return this.access === 'read';
  }

  /**
   * The participant's role changed while connected: write access follows it from the next frame on. A role that may
   * no longer open the document at all closes the connection.
   */
  reauthorise(identity: Identity, access: 'write' | 'read' | 'deny'): void {
    if (access === 'deny') {
      this.close(CloseCode.accessRevoked, 'no access to this document any more');
      return;
    }
    const becameWriter = this.access === 'read' && access === 'write';
    if (access !== this.access) this.log('yjs.connection.reauthorised', { ...this.describe(), role: identity.role, access });
    this.identity = identity;
    this.access = access;
    this.toldReadOnly = false;
    if (becameWriter) this.doc.requestSync(this);
  }

  send(message: Uint8Array): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, (error) => {
      // A failed write means the socket is broken; the 'close' that follows does the cleanup.
      if (error) this.terminate('send failed');
    });
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.log('yjs.connection.closing', { ...this.describe(), code, reason });
    try {
      // RFC 6455 allows at most 123 bytes of reason.
      this.ws.close(code, truncateUtf8(reason, 123));
    } catch {
      this.ws.terminate();
    }
  }

  terminate(reason: string): void {
    if (!this.closing) this.log('yjs.connection.terminated', { ...this.describe(), reason });
    this.closing = true;
    this.ws.terminate();
  }

  ping(): void {
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      this.terminate('ping failed');
    }
  }

  private handleFrame(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    if (!this.bucket.tryTake()) {
      this.close(CloseCode.rateLimited, 'rate limit exceeded');
      return;
    }
    if (!isBinary) {
      this.close(CloseCode.unsupportedData, 'text frames are not supported');
      return;
    }
    const message = decodeClientMessage(toUint8Array(data));
    switch (message.kind) {
      case 'sync-step1':
        this.doc.receiveSyncStep1(this, message.stateVector);
        return;
      case 'sync-step2':
      case 'sync-update':
        if (this.readOnly) this.dropReadOnlyUpdate(message.update);
        else this.receiveUpdate(message.update);
        return;
      case 'awareness': {
        const { rejected } = this.doc.receiveAwareness(this, this.guard.stampAwareness(this.identity, message.update));
        if (rejected.length > 0) this.log('yjs.awareness.rejected', { ...this.describe(), clientIDs: rejected });
        return;
      }
      case 'query-awareness':
        this.send(this.doc.encodeAwarenessQueryReply());
        return;
    }
  }

  private receiveUpdate(update: Uint8Array): void {
    const refusal = this.guard.checkUpdate(this.doc, this.identity, update);
    if (refusal === null) this.doc.receiveUpdate(this, update);
    else this.refuseUpdate(refusal);
  }

  /**
   * The whole update is dropped and the client told why, with the catalogue's error as the permission-denied reason
   * (the board shows it in Thai; a plain y-websocket client logs it). The connection stays: the person keeps reading.
   */
  private refuseUpdate(refusal: UpdateRefusal): void {
    this.send(encodePermissionDenied(JSON.stringify(refusal.error)));
    this.log('yjs.update.refused', { ...this.describe(), code: refusal.error.code, reason: refusal.reason });
  }

  /**
   * Tells the client once, with the protocol's permission-denied message (y-websocket shows the reason on the
   * console and keeps the connection, so the person keeps reading), and logs it once. Empty step-2 replies are
   * not edits and are dropped without noise.
   */
  private dropReadOnlyUpdate(update: Uint8Array): void {
    if (this.toldReadOnly || update.length <= EMPTY_UPDATE_LENGTH) return;
    this.toldReadOnly = true;
    this.send(encodePermissionDenied(`read-only: ${this.identity.role} may not change ${this.doc.name}; the edit was dropped`));
    this.log('yjs.readonly.update-dropped', this.describe());
  }

  private handleSocketError(error: Error & { code?: string }): void {
    // `ws` has already closed the socket (1009 for an oversized frame, 1002 for a protocol violation);
    // the 'close' event still follows, so this only records why.
    this.closing = true;
    const reason = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message too large' : error.message;
    this.log('yjs.connection.socket-error', { ...this.describe(), reason, code: error.code });
  }

  private cleanup(code: number, reason: string): void {
    if (this.cleanedUp) return;
    this.cleanedUp = true;
    this.closing = true;
    this.doc.removeConnection(this);
    this.log('yjs.connection.closed', { ...this.describe(), code, reason });
    try {
      this.onClosed(this);
    } finally {
      this.resolveClosed();
    }
  }

  /** The last line of defence: whatever a handler throws closes this connection, never the process. */
  private guarded(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      if (error instanceof ProtocolError) {
        this.close(error.closeCode, error.message);
      } else {
        this.log('yjs.internal-error', { ...this.describe(), error: errorDetail(error) });
        this.close(CloseCode.internalError, 'internal error');
      }
    }
  }

  private describe(): Record<string, unknown> {
    return {
      connectionId: this.id,
      docName: this.doc.name,
      participantId: this.identity.participantId,
      readOnly: this.readOnly,
    };
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  // A plain view on the Buffer's bytes: lib0 and Yjs expect Uint8Array semantics (e.g. `slice` copies).
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = text;
  while (out.length > 0 && Buffer.byteLength(`${out}…`) > maxBytes) out = out.slice(0, -1);
  return `${out}…`;
}
