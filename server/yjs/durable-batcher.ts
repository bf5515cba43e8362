/**
 * Group commit: writes items in batches, and releases each batch only once its write resolved.
 *
 * This is how the endpoint keeps its durability rule: an update leaves the server (to other clients) only
 * after the write holding it resolved. An item pushed while no write is running is written on the next turn of
 * the event loop, together with whatever else arrived in that turn; items pushed while a write runs go together
 * in the next write, which starts as soon as that one resolves. A quiet document thus pays one write per update
 * and no fixed window, and a busy one batches exactly as much as the store is slow. Batches are written strictly
 * one after another, so what is stored and what is released keep the order in which items were pushed.
 *
 * After a failed write the batcher stops for good: later batches are not written (they may depend on the
 * lost one) and nothing more is released. The owner decides how to recover.
 */
export interface DurableBatcherOptions<T> {
  write(items: T[]): Promise<void>;
  /** Called with each batch, in order, once its write resolved. */
  onDurable(items: T[]): void;
  /** Called once, with the first write error. */
  onFailure(error: unknown): void;
  /** Errors thrown by `onDurable` or an `afterDurable` callback; they must not stall later batches. */
  onCallbackError(error: unknown): void;
}

interface Batch<T> {
  items: T[];
  callbacks: Array<() => void>;
  settled: boolean;
  /** Settles with the batch's write; `flush` waits on it. */
  durable: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

export class DurableBatcher<T> {
  /** The batch collecting items, not yet being written. */
  private open: Batch<T> | null = null;
  /** The newest batch that is not yet durable (collecting or being written). */
  private tail: Batch<T> | null = null;
  private writing = false;
  private scheduled: ReturnType<typeof setImmediate> | undefined;
  private pending = 0;
  private failure: { error: unknown } | null = null;
  private disposed = false;

  constructor(private readonly options: DurableBatcherOptions<T>) {}

  get pendingCount(): number {
    return this.pending;
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  push(item: T): void {
    if (this.failure !== null || this.disposed) return;
    if (this.open === null) {
      this.open = newBatch<T>();
      this.tail = this.open;
    }
    this.open.items.push(item);
    this.pending++;
    if (!this.writing) this.scheduled ??= setImmediate(() => this.writeOpen());
  }

  /**
   * Runs `fn` once everything pushed so far is durable (at once if it already is). Never runs after a
   * failure: whatever `fn` would have sent might describe state that is now lost.
   */
  afterDurable(fn: () => void): void {
    if (this.failure !== null || this.disposed) return;
    if (this.tail !== null && !this.tail.settled) this.tail.callbacks.push(fn);
    else this.guard(fn);
  }

  /**
   * Writes what is collected without waiting for the next turn, and resolves when everything pushed so far is
   * durable; rejects after a failure.
   */
  async flush(): Promise<void> {
    if (this.failure !== null) throw this.failure.error;
    const tail = this.tail;
    if (tail === null || tail.settled) return;
    this.writeOpen();
    await tail.durable;
  }

  /** Drops what is not yet written; for a document that is being thrown away. */
  dispose(): void {
    this.disposed = true;
    clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.open?.reject(new Error('discarded before it was written'));
    this.open = null;
  }

  private writeOpen(): void {
    clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.open;
    if (batch === null || this.writing || this.failure !== null || this.disposed) return;
    this.open = null;
    this.writing = true;
    this.options.write(batch.items).then(
      () => this.settle(batch),
      (error: unknown) => this.fail(batch, error),
    );
  }

  private settle(batch: Batch<T>): void {
    this.writing = false;
    batch.settled = true;
    this.pending -= batch.items.length;
    batch.resolve();
    if (this.disposed) return;
    this.guard(() => this.options.onDurable(batch.items));
    for (const fn of batch.callbacks) this.guard(fn);
    // What arrived during this write has waited long enough: it goes now, not on the next turn.
    this.writeOpen();
  }

  private fail(batch: Batch<T>, error: unknown): void {
    this.writing = false;
    this.failure = { error };
    batch.reject(error);
    this.open?.reject(error);
    this.open = null;
    this.pending = 0;
    if (this.disposed) return;
    this.guard(() => this.options.onFailure(error));
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.options.onCallbackError(error);
    }
  }
}

function newBatch<T>(): Batch<T> {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const durable = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting when a write fails; the failure is reported through `onFailure` instead.
  durable.catch(() => {});
  return { items: [], callbacks: [], settled: false, durable, resolve, reject };
}
