/**
 * The documents in memory: each loaded once, shared by every connection, unloaded when nobody uses it.
 *
 * A document is in one of three states. `loading` holds the promise every concurrent `acquire` awaits, so a
 * burst of connections causes one `load`. `live` counts references; when the count drops to zero an idle
 * timer starts, and a connection arriving before it fires simply keeps the document. `unloading` flushes to
 * persistence and then destroys; an `acquire` that arrives meanwhile waits for it and loads afresh, so it
 * can never get a document that is about to be destroyed.
 */
import type { AwarenessBroadcastOptions } from './awareness-broadcast.ts';
import { SharedDoc } from './shared-doc.ts';
import type { YPersistence } from './persistence.ts';
import { errorDetail, type YjsLog } from './types.ts';
import type { DocRelay, RelayedMessage, YRelay } from './relay.ts';

export interface DocRegistryOptions {
  persistence: YPersistence;
  idleUnloadMs: number;
  log: YjsLog;
  /**
   * The first content of a document that has never been stored, as one Yjs update, or null for none. It is
   * stored before the document is served, inside the one load a burst of connections shares, so it is
   * written exactly once however many clients open a new document at the same moment.
   */
  initialContent?: (name: string) => Promise<Uint8Array | null>;
  /** See `SharedDocOptions.awareness`. */
  awareness?: AwarenessBroadcastOptions;
  /**
   * With several instances: each document subscribes to the others' changes before it loads, so that nothing
   * stored between the load and the subscription is missed (what arrives during the load is applied after it).
   */
  relay?: YRelay;
  /** Told of each document once it is loaded and served: the board brings its own parts of the minutes up to date. */
  onLoaded?: (name: string) => void;
}

type Entry =
  | { state: 'loading'; promise: Promise<SharedDoc> }
  | { state: 'live'; doc: SharedDoc; refs: number; idleTimer: ReturnType<typeof setTimeout> | undefined }
  | { state: 'unloading'; promise: Promise<void> };

export class RegistryClosedError extends Error {
  override readonly name = 'RegistryClosedError';
  constructor() {
    super('the document registry is closed');
  }
}

export class DocRegistry {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  private readonly stopRelay: (() => void) | undefined;

  constructor(private readonly options: DocRegistryOptions) {
    this.stopRelay = options.relay?.onResumed(() => void this.catchUpAll());
  }

  /** Reads every live document back from storage, for what the relay missed while it was cut off. */
  async catchUpAll(): Promise<void> {
    for (const doc of this.liveDocs()) {
      try {
        doc.catchUp(await this.options.persistence.load(doc.name));
      } catch (error) {
        this.options.log('yjs.catch-up.failed', { docName: doc.name, error: errorDetail(error) });
      }
    }
  }

  /** Documents currently in memory and usable. */
  liveDocs(): SharedDoc[] {
    const docs: SharedDoc[] = [];
    for (const entry of this.entries.values()) if (entry.state === 'live') docs.push(entry.doc);
    return docs;
  }

  /** Whether the document is in memory and usable: its writers are connected here, or were a moment ago. */
  isLive(name: string): boolean {
    return this.entries.get(name)?.state === 'live';
  }

  get loadingCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.state === 'loading') count++;
    return count;
  }

  /** Returns the document, loading it if needed, and takes a reference that `release` must give back. */
  async acquire(name: string): Promise<SharedDoc> {
    for (;;) {
      if (this.closed) throw new RegistryClosedError();
      const entry = this.entries.get(name);
      if (entry === undefined) {
        this.startLoad(name);
      } else if (entry.state === 'loading') {
        await entry.promise;
      } else if (entry.state === 'unloading') {
        await entry.promise;
      } else {
        // Taking the reference in the same tick as the state check: no timer can unload in between.
        entry.refs++;
        clearTimeout(entry.idleTimer);
        entry.idleTimer = undefined;
        return entry.doc;
      }
    }
  }

  release(doc: SharedDoc): void {
    const entry = this.entries.get(doc.name);
    if (entry?.state !== 'live' || entry.doc !== doc || entry.refs === 0) return;
    entry.refs--;
    if (entry.refs === 0 && !this.closed) {
      entry.idleTimer = setTimeout(() => this.unload(doc.name, entry), this.options.idleUnloadMs);
      entry.idleTimer.unref?.();
    }
  }

  /** Drops a document without flushing, after its persistence failed; the next `acquire` reloads it. */
  evict(doc: SharedDoc): void {
    const entry = this.entries.get(doc.name);
    if (entry?.state === 'live' && entry.doc === doc) {
      clearTimeout(entry.idleTimer);
      this.entries.delete(doc.name);
      this.options.log('yjs.doc.evicted', { docName: doc.name });
    }
    doc.destroy();
  }

  /** Refuses new acquires, waits for loads in flight, then flushes and destroys every document. */
  async closeAll(): Promise<void> {
    this.closed = true;
    this.stopRelay?.();
    const loading: Promise<unknown>[] = [];
    for (const entry of this.entries.values()) if (entry.state === 'loading') loading.push(entry.promise);
    await Promise.allSettled(loading);
    for (const [name, entry] of Array.from(this.entries)) {
      if (entry.state === 'live') {
        entry.refs = 0;
        this.unload(name, entry);
      }
    }
    const unloading: Promise<void>[] = [];
    for (const entry of this.entries.values()) if (entry.state === 'unloading') unloading.push(entry.promise);
    await Promise.allSettled(unloading);
  }

  private startLoad(name: string): void {
    const promise = this.load(name);
    const entry: Entry = { state: 'loading', promise };
    this.entries.set(name, entry);
    // Registered before any `acquire` awaits the promise, so it runs first and waiters find the entry live.
    promise.then(
      (doc) => {
        if (this.entries.get(name) === entry) {
          this.entries.set(name, { state: 'live', doc, refs: 0, idleTimer: undefined });
          this.options.onLoaded?.(name);
        } else {
          doc.destroy();
        }
      },
      (error: unknown) => {
        if (this.entries.get(name) === entry) this.entries.delete(name);
        this.options.log('yjs.load.failed', { docName: name, error: errorDetail(error) });
      },
    );
  }

  private async load(name: string): Promise<SharedDoc> {
    let doc: SharedDoc | undefined;
    const early: RelayedMessage[] = [];
    const relay = await this.options.relay?.subscribe(name, (message) => (doc ? doc.receiveRelayed(message) : early.push(message)));
    try {
      doc = await this.restored(name, relay);
    } catch (error) {
      relay?.unsubscribe();
      throw error;
    }
    for (const message of early) doc.receiveRelayed(message);
    return doc;
  }

  private async restored(name: string, relay: DocRelay | undefined): Promise<SharedDoc> {
    let updates = await this.options.persistence.load(name);
    if (updates.length === 0 && this.options.initialContent) {
      const initial = await this.options.initialContent(name);
      if (initial !== null) {
        updates = (await this.options.persistence.appendFirst(name, initial)) ? [initial] : await this.options.persistence.load(name);
      }
    }
    const doc = new SharedDoc(name, {
      persistence: this.options.persistence,
      log: this.options.log,
      onPersistFailure: (failed) => this.evict(failed),
      awareness: this.options.awareness,
      relay,
    });
    try {
      // A document that cannot be restored whole is not served: writes on top of a partial copy would be
      // appended after the unreadable ones and make the stored log worse.
      doc.restore(updates);
    } catch (error) {
      doc.destroy();
      throw error;
    }
    this.options.log('yjs.doc.loaded', { docName: name, storedUpdates: updates.length });
    return doc;
  }

  private unload(name: string, entry: Entry & { state: 'live' }): void {
    if (this.entries.get(name) !== entry || entry.refs > 0) return;
    clearTimeout(entry.idleTimer);
    const { doc } = entry;
    const promise = (async () => {
      try {
        await doc.flush();
        this.options.log('yjs.doc.unloaded', { docName: name });
      } catch (error) {
        // Already reported by the document; its writers re-send the lost updates when they reconnect.
        this.options.log('yjs.doc.unload-unflushed', { docName: name, error: errorDetail(error) });
      } finally {
        doc.destroy();
      }
    })();
    const unloading: Entry = { state: 'unloading', promise };
    this.entries.set(name, unloading);
    void promise.finally(() => {
      if (this.entries.get(name) === unloading) this.entries.delete(name);
    });
  }
}
