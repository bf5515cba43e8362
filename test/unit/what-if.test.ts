import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bringTo, fitFrame, scaleByPercent, type AdjustableLine } from '../../server/domain/what-if.ts';

const line = (projectId: string, requestedBaht: number, ceilingBaht = requestedBaht, resolved = false): AdjustableLine => ({
  projectId,
  requestedBaht,
  ceilingBaht,
  resolved,
});
const capped = { allowAboveRequest: false };
const open = { allowAboveRequest: true };
const amounts = (result: ReturnType<typeof bringTo>) => (result.ok ? Object.fromEntries(result.ceilings) : result);

const arbitraryLines = fc
  .uniqueArray(
    fc.record({
      projectId: fc.stringMatching(/^[a-z]{1,6}$/),
      requestedBaht: fc.integer({ min: 0, max: 5_000_000_000 }),
      share: fc.double({ min: 0, max: 1.5, noNaN: true }),
    }),
    { minLength: 1, maxLength: 40, selector: (l) => l.projectId },
  )
  .map((lines) => lines.map((l) => line(l.projectId, l.requestedBaht, Math.floor(l.requestedBaht * l.share))));

describe('scaleByPercent', () => {
  it('cuts every selected ceiling by the percentage, to the nearest baht', () => {
    expect(amounts(scaleByPercent([line('a', 1_000_000), line('b', 333, 333)], -10, capped))).toEqual({ a: 900_000, b: 300 });
    expect(amounts(scaleByPercent([line('a', 1_000_005)], -12.5, capped))).toEqual({ a: 875_004 });
  });
  it('holds a raise at the request when the plan allows nothing above it, and says which', () => {
    const result = scaleByPercent([line('a', 100, 95), line('b', 200, 100)], 10, capped);
    expect(result).toEqual({ ok: true, ceilings: new Map([['a', 100], ['b', 110]]), heldAtRequest: ['a'] });
    expect(amounts(scaleByPercent([line('a', 100, 95)], 10, open))).toEqual({ a: 105 });
  });
  it('refuses percentages outside -100..+100 or finer than a hundredth, and resolved projects', () => {
    for (const percent of [-100.01, 101, Number.NaN, Infinity, 1.234, '5']) {
      expect(scaleByPercent([line('a', 100)], percent, capped)).toMatchObject({ ok: false, code: 'invalid_percent' });
    }
    expect(scaleByPercent([line('a', 100, 100, true)], -5, capped)).toMatchObject({ ok: false, code: 'project_resolved', details: { projectIds: ['a'] } });
  });
  it('never goes negative and -100 is zero', () =>
    fc.assert(
      fc.property(arbitraryLines, fc.integer({ min: -10_000, max: 10_000 }), (lines, points) => {
        const result = scaleByPercent(lines, points / 100, capped);
        if (!result.ok) return false;
        return lines.every((l) => {
          const after = result.ceilings.get(l.projectId)!;
          return after >= 0 && (points !== -10_000 || after === 0) && (after <= Math.max(l.requestedBaht, l.ceilingBaht));
        });
      }),
    ));
});

describe('bringTo and fitFrame', () => {
  it('splits the target in proportion to the current ceilings, exactly', () => {
    expect(amounts(bringTo([line('a', 300, 200), line('b', 300, 100)], 150, capped))).toEqual({ a: 100, b: 50 });
    // 100 over three equal shares: the baht left by rounding goes to the smallest id among equal remainders.
    expect(amounts(bringTo([line('c', 50), line('b', 50), line('a', 50)], 100, capped))).toEqual({ a: 34, b: 33, c: 33 });
  });
  it('fills up to the requests and gives the rest to the others (water-filling)', () => {
    const result = bringTo([line('a', 100, 90), line('b', 1_000, 10)], 500, capped);
    expect(result).toEqual({ ok: true, ceilings: new Map([['a', 100], ['b', 400]]), heldAtRequest: ['a'] });
  });
  it('says when the target cannot be reached within the requests', () => {
    expect(bringTo([line('a', 100), line('b', 50)], 151, capped)).toMatchObject({ ok: false, code: 'target_unreachable', details: { maxBaht: 150 } });
    expect(fitFrame([line('a', 100)], 2_000, 1_000, capped)).toMatchObject({ ok: false, code: 'target_unreachable' });
    expect(bringTo([], 10, capped)).toMatchObject({ ok: false, code: 'selection_empty' });
    expect(bringTo([line('a', 1)], -1, capped)).toMatchObject({ ok: false, code: 'invalid_amount' });
    expect(bringTo([line('a', 1)], 0.5, capped)).toMatchObject({ ok: false, code: 'invalid_amount' });
  });
  it('spreads by request when every selected ceiling is zero', () => {
    expect(amounts(bringTo([line('a', 300, 0), line('b', 100, 0)], 40, capped))).toEqual({ a: 30, b: 10 });
  });

  it('fit the frame: the plan lands on the frame to the baht, nothing negative, nothing above a request', () =>
    fc.assert(
      fc.property(arbitraryLines, fc.integer({ min: 0, max: 20_000_000_000 }), fc.integer({ min: 0, max: 50_000_000_000 }), fc.boolean(), (lines, others, frame, allowAbove) => {
        const rules = { allowAboveRequest: allowAbove };
        const result = fitFrame(lines, others, frame, rules);
        const reachable = frame >= others && (allowAbove || frame - others <= lines.reduce((s, l) => s + Math.max(l.requestedBaht, l.ceilingBaht), 0));
        if (!result.ok) return !reachable && result.code === 'target_unreachable';
        const values = [...result.ceilings.values()];
        return (
          reachable &&
          values.reduce((s, v) => s + v, 0) + others === frame &&
          values.every((v) => Number.isSafeInteger(v) && v >= 0) &&
          (allowAbove || lines.every((l) => result.ceilings.get(l.projectId)! <= Math.max(l.requestedBaht, l.ceilingBaht)))
        );
      }),
    ));
  it('does not depend on the order the projects are given in', () =>
    fc.assert(
      fc.property(arbitraryLines, fc.integer({ min: 0, max: 20_000_000_000 }), (lines, target) => {
        const forward = bringTo(lines, target, open);
        const backward = bringTo([...lines].reverse(), target, open);
        const sorted = (r: typeof forward) => (r.ok ? [...r.ceilings].sort(([a], [b]) => (a < b ? -1 : 1)) : r.code);
        return JSON.stringify(sorted(forward)) === JSON.stringify(sorted(backward));
      }),
    ));
});
