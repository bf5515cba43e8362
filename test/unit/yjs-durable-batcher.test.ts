import { afterEach, describe, expect, it, vi } from 'vitest';
import { DurableBatcher } from '../../server/yjs/durable-batcher.ts';

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}
function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(delayMs = 50) {
  const writes: Array<{ items: string[]; done: Deferred }> = [];
  const events: string[] = [];
  const failures: unknown[] = [];
  const batcher = new DurableBatcher<string>({
    delayMs,
    write: (items) => {
      const done = deferred();
      writes.push({ items: [...items], done });
      events.push(`write:${items.join(',')}`);
      return done.promise;
    },
    onDurable: (items) => events.push(`durable:${items.join(',')}`),
    onFailure: (error) => failures.push(error),
    onCallbackError: (error) => events.push(`callback-error:${String(error)}`),
  });
  return { batcher, writes, events, failures };
}

/** The write of a sealed batch starts on a later microtask (it is chained after the previous one). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('DurableBatcher', () => {
  it('writes everything pushed within the window as one batch', async () => {
    vi.useFakeTimers();
    const { batcher, writes, events } = setup(50);
    batcher.push('a');
    await vi.advanceTimersByTimeAsync(30);
    batcher.push('b');
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20);
    expect(writes.map((w) => w.items)).toEqual([['a', 'b']]);
    expect(batcher.pendingCount).toBe(2);
    writes[0]!.done.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['write:a,b', 'durable:a,b']);
    expect(batcher.pendingCount).toBe(0);
  });

  it('starts a batch’s write only after the previous one is durable, and releases in order', async () => {
    vi.useFakeTimers();
    const { batcher, writes, events } = setup(10);
    batcher.push('a');
    await vi.advanceTimersByTimeAsync(10);
    batcher.push('b');
    await vi.advanceTimersByTimeAsync(10);
    expect(writes).toHaveLength(1); // 'b' is sealed but waits for 'a'
    writes[0]!.done.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toHaveLength(2);
    writes[1]!.done.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['write:a', 'durable:a', 'write:b', 'durable:b']);
  });

  it('afterDurable waits for everything pushed before it, and runs at once when nothing is pending', async () => {
    vi.useFakeTimers();
    const { batcher, writes, events } = setup(10);
    batcher.afterDurable(() => events.push('idle-callback'));
    batcher.push('a');
    batcher.afterDurable(() => events.push('after-a'));
    await vi.advanceTimersByTimeAsync(10);
    batcher.afterDurable(() => events.push('after-a-in-flight'));
    writes[0]!.done.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['idle-callback', 'write:a', 'durable:a', 'after-a', 'after-a-in-flight']);
  });

  it('flush writes at once and resolves when durable', async () => {
    const { batcher, writes } = setup(100);
    batcher.push('a');
    const flushed = batcher.flush();
    await settle();
    expect(writes.map((w) => w.items)).toEqual([['a']]);
    writes[0]!.done.resolve();
    await expect(flushed).resolves.toBeUndefined();
  });

  it('stops for good after a failed write: nothing later is written or released', async () => {
    vi.useFakeTimers();
    const { batcher, writes, events, failures } = setup(10);
    batcher.push('a');
    batcher.afterDurable(() => events.push('after-a'));
    await vi.advanceTimersByTimeAsync(10);
    batcher.push('b');
    await vi.advanceTimersByTimeAsync(10);
    writes[0]!.done.reject(new Error('disk full'));
    await vi.advanceTimersByTimeAsync(50);
    expect(failures).toHaveLength(1);
    expect(batcher.failed).toBe(true);
    expect(writes).toHaveLength(1);
    expect(events).toEqual(['write:a']);
    batcher.push('c');
    batcher.afterDurable(() => events.push('never'));
    await expect(batcher.flush()).rejects.toThrow('disk full');
    expect(events).toEqual(['write:a']);
  });

  it('a throwing callback does not stall later batches', async () => {
    const { batcher, writes, events } = setup(0);
    batcher.push('a');
    batcher.afterDurable(() => {
      throw new Error('boom');
    });
    const first = batcher.flush();
    await settle();
    writes[0]!.done.resolve();
    await first;
    batcher.push('b');
    const second = batcher.flush();
    await settle();
    writes[1]!.done.resolve();
    await second;
    expect(events).toEqual(['write:a', 'durable:a', 'callback-error:Error: boom', 'write:b', 'durable:b']);
  });
});
