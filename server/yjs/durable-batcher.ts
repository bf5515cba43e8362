/**
 * Collects items for a short window, writes each batch with one call, and only then releases them.
 *
 * This is how the endpoint keeps its durability rule: an update leaves the server (to other clients) only
 * after the write holding it resolved. Batches are written strictly one after another, so what is stored
 * and what is released keep the order in which items were pushed.
 *
 * After a failed write the batcher stops for good: later batches are not written (they may depend on the
 * lost one) and nothing more is released. The owner decides how to recover.
 */
export interface DurableBatcherOptions<T> {
  /** How long the first item of a batch waits for company before the batch is written. */
  delayMs: number;
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
}

export class DurableBatcher<T> {
  private open: Batch<T> | null = null;
  /** The newest batch that is not yet durable (collecting or being written). */
  private tail: Batch<T> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
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
      this.open = { items: [], callbacks: [], settled: false };
      this.tail = this.open;
      this.timer = setTimeout(() => this.seal(), this.options.delayMs);
    }
    this.open.items.push(item);
    this.pending++;
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

  /** Writes the open batch now and resolves when everything pushed so far is durable; rejects after a failure. */
  async flush(): Promise<void> {
    this.seal();
    await this.chain;
    if (this.failure !== null) throw this.failure.error;
  }

  /** Stops timers and drops what is not yet written; for a document that is being thrown away. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.open = null;
  }

  private seal(): void {
    clearTimeout(this.timer);
    const batch = this.open;
    if (batch === null) return;
    this.open = null;
    this.chain = this.chain.then(() => this.writeBatch(batch));
  }

  private async writeBatch(batch: Batch<T>): Promise<void> {
    if (this.failure !== null || this.disposed) return;
    try {
      await this.options.write(batch.items);
    } catch (error) {
      this.fail(error);
      return;
    }
    batch.settled = true;
    this.pending -= batch.items.length;
    if (this.disposed) return;
    this.guard(() => this.options.onDurable(batch.items));
    for (const fn of batch.callbacks) this.guard(fn);
  }

  private fail(error: unknown): void {
    if (this.failure !== null) return;
    this.failure = { error };
    clearTimeout(this.timer);
    this.open = null;
    this.pending = 0;
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
