import { describe, expect, it } from 'vitest';
import { MAX_CATCH_UP_EVENTS, SequenceBuffer, planCatchUp } from '../../server/domain/sequence.ts';

describe('SequenceBuffer', () => {
  it('releases in order whatever order items arrive in, and drops repeats', () => {
    const buffer = new SequenceBuffer<string>(5);
    expect(buffer.push(7, 'g')).toEqual([]);
    expect(buffer.push(6, 'f')).toEqual([]);
    expect(buffer.push(5, 'e')).toEqual(['e', 'f', 'g']);
    expect(buffer.push(6, 'f again')).toEqual([]);
    expect(buffer.push(8, 'h')).toEqual(['h']);
    expect(buffer.next).toBe(9);
  });

  it('starts where the first reservation or item says when it was not told', () => {
    const reserved = new SequenceBuffer<string>();
    reserved.reserve(12);
    expect(reserved.push(13, 'b')).toEqual([]);
    expect(reserved.push(12, 'a')).toEqual(['a', 'b']);
    const pushed = new SequenceBuffer<string>();
    expect(pushed.push(40, 'x')).toEqual(['x']);
  });

  it('waits for a reserved number, and calls a hole nobody reserved a gap', () => {
    const buffer = new SequenceBuffer<string>(1);
    buffer.reserve(1);
    buffer.push(3, 'c');
    expect(buffer.gap()).toBeNull();
    buffer.release(1);
    expect(buffer.gap()).toEqual({ from: 1, to: 2 });
  });

  it('counts reservations, since a number given back by a rollback is taken again before it is released', () => {
    const buffer = new SequenceBuffer<string>(4);
    buffer.reserve(4);
    buffer.reserve(4);
    buffer.release(4);
    expect(buffer.isReserved(4)).toBe(true);
    buffer.release(4);
    expect(buffer.isReserved(4)).toBe(false);
  });

  it('skips past numbers a snapshot covers or the log does not have', () => {
    const buffer = new SequenceBuffer<string>(1);
    buffer.push(2, 'b');
    buffer.push(4, 'd');
    expect(buffer.skipTo(4)).toEqual(['d']);
    expect(buffer.heldCount).toBe(0);
    expect(buffer.skipTo(2)).toEqual([]);
    expect(buffer.next).toBe(5);
  });
});

describe('planCatchUp', () => {
  it('replays what the log keeps, and sends the board when it does not reach back', () => {
    expect(planCatchUp({ afterSeq: 10, currentSeq: 10, oldestKeptSeq: 1 })).toEqual({ kind: 'up_to_date' });
    expect(planCatchUp({ afterSeq: 7, currentSeq: 10, oldestKeptSeq: 1 })).toEqual({ kind: 'events', fromSeq: 8, toSeq: 10 });
    expect(planCatchUp({ afterSeq: 7, currentSeq: 10, oldestKeptSeq: 8 })).toEqual({ kind: 'events', fromSeq: 8, toSeq: 10 });
    expect(planCatchUp({ afterSeq: 7, currentSeq: 10, oldestKeptSeq: 9 })).toEqual({ kind: 'snapshot' });
    expect(planCatchUp({ afterSeq: 7, currentSeq: 10, oldestKeptSeq: null })).toEqual({ kind: 'snapshot' });
  });

  it('sends the board for a gap too long to replay, or a seq the meeting never reached', () => {
    expect(planCatchUp({ afterSeq: 0, currentSeq: MAX_CATCH_UP_EVENTS, oldestKeptSeq: 1 }).kind).toBe('events');
    expect(planCatchUp({ afterSeq: 0, currentSeq: MAX_CATCH_UP_EVENTS + 1, oldestKeptSeq: 1 }).kind).toBe('snapshot');
    expect(planCatchUp({ afterSeq: 11, currentSeq: 10, oldestKeptSeq: 1 }).kind).toBe('snapshot');
    expect(planCatchUp({ afterSeq: -1, currentSeq: 10, oldestKeptSeq: 1 }).kind).toBe('snapshot');
  });
});
