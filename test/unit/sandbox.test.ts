import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOperation, rebase, sandboxOverlay, sandboxView, type LiveBoard, type LiveLine, type SandboxEdit, type SandboxResult } from '../../server/domain/sandbox.ts';
import { line } from '../support/live-lines.ts';
import { computeTotals, moveCeiling } from '../../server/domain/totals.ts';

const board = (lines: readonly LiveLine[], frameBaht = 1_000, allowAboveRequest = false): LiveBoard => ({ lines, frameBaht, allowAboveRequest });
const edits = (result: SandboxResult): SandboxEdit[] => {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.edits;
};

const live = board([line('a', 400), line('b', 300, 300, { goalNumber: 2, approachCode: '2.1' }), line('c', 500, 500, { goalNumber: 2, approachCode: '2.1' })]);

describe('a private change', () => {
  it('keeps the ceiling with the live value and version it was made from, and shows the totals both ways', () => {
    const mine = edits(applyOperation([], live, { kind: 'set', projectId: 'b', toBaht: 100 }));
    expect(mine).toEqual([{ projectId: 'b', toBaht: 100, baseBaht: 300, baseVersion: 1 }]);
    const view = sandboxView(mine, live);
    expect(view.totals.overall.ceilingBaht).toBe(1_000);
    expect(view.liveTotals.overall.ceilingBaht).toBe(1_200);
    expect(view.totals.byGoal[2]!.ceilingBaht).toBe(600);
    expect(view.totals.remainingBaht).toBe(0);
    expect(view.liveTotals.overFrame).toBe(true);
    expect(view.diff).toEqual([{ projectId: 'b', liveBaht: 300, sandboxBaht: 100, deltaBaht: -200, baseBaht: 300, conflict: false }]);
  });

  it('forgets an edit set back to the live value', () => {
    const mine = edits(applyOperation([], live, { kind: 'set', projectId: 'b', toBaht: 100 }));
    expect(edits(applyOperation(mine, live, { kind: 'set', projectId: 'b', toBaht: 300 }))).toEqual([]);
  });

  it('refuses bad changes with typed errors', () => {
    const resolved = board([line('a', 400, 400, { resolved: true })]);
    expect(applyOperation([], resolved, { kind: 'set', projectId: 'a', toBaht: 1 })).toMatchObject({ ok: false, code: 'project_resolved' });
    for (const toBaht of [-1, 1.5, Number.NaN, '5' as unknown as number]) {
      expect(applyOperation([], live, { kind: 'set', projectId: 'a', toBaht })).toMatchObject({ ok: false, code: 'invalid_amount' });
    }
    expect(applyOperation([], live, { kind: 'set', projectId: 'a', toBaht: 401 })).toMatchObject({ ok: false, code: 'above_request' });
    expect(edits(applyOperation([], board(live.lines, 1_000, true), { kind: 'set', projectId: 'a', toBaht: 401 }))).toHaveLength(1);
    expect(applyOperation([], live, { kind: 'set', projectId: 'zz', toBaht: 1 })).toMatchObject({ ok: false, code: 'project_not_found', details: { projectIds: ['zz'] } });
    expect(applyOperation([], live, { kind: 'percent', projectIds: ['a', 'x'], percent: -10 })).toMatchObject({ ok: false, code: 'project_not_found' });
    expect(applyOperation([], live, { kind: 'percent', projectIds: ['a', 'a'], percent: -10 })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(applyOperation([], live, { kind: 'percent', projectIds: ['a'], percent: -101 })).toMatchObject({ ok: false, code: 'invalid_percent' });
    expect(applyOperation([], live, { kind: 'fit', projectIds: [] })).toMatchObject({ ok: false, code: 'selection_empty' });
  });
});

describe('the helpers', () => {
  it('cut the selection by a percentage of what the sandbox has now', () => {
    const mine = edits(applyOperation([], live, { kind: 'set', projectId: 'a', toBaht: 200 }));
    expect(edits(applyOperation(mine, live, { kind: 'percent', projectIds: ['a', 'c'], percent: -10 }))).toEqual([
      { projectId: 'a', toBaht: 180, baseBaht: 400, baseVersion: 1 },
      { projectId: 'c', toBaht: 450, baseBaht: 500, baseVersion: 1 },
    ]);
  });

  it('bring the selection to an amount', () => {
    const mine = edits(applyOperation([], live, { kind: 'bring', projectIds: ['b', 'c'], toBaht: 400 }));
    expect(sandboxView(mine, live).totals.byGoal[2]!.ceilingBaht).toBe(400);
  });

  it('fit the frame exactly, leaving the projects not selected as the sandbox has them', () => {
    const mine = edits(applyOperation([], live, { kind: 'set', projectId: 'a', toBaht: 350 }));
    const fitted = edits(applyOperation(mine, live, { kind: 'fit', projectIds: ['b', 'c'] }));
    const view = sandboxView(fitted, live);
    expect(view.totals.overall.ceilingBaht).toBe(1_000);
    expect(view.ceilings.get('a')).toBe(350);
  });

  it('fit the frame to the baht for any plan, none negative or above its request', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ requested: fc.integer({ min: 1, max: 2_000_000_000 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, frameShare) => {
          const lines = rows.map((r, i) => line(`p${String(i).padStart(2, '0')}`, r.requested, Math.floor(r.requested * r.share)));
          const requested = lines.reduce((sum, l) => sum + l.requestedBaht, 0);
          const plan = board(lines, Math.floor(requested * frameShare));
          const view = sandboxView(edits(applyOperation([], plan, { kind: 'fit', projectIds: lines.map((l) => l.projectId) })), plan);
          expect(view.totals.overall.ceilingBaht).toBe(plan.frameBaht);
          for (const l of lines) {
            const ceiling = view.ceilings.get(l.projectId)!;
            expect(Number.isSafeInteger(ceiling) && ceiling >= 0 && ceiling <= l.requestedBaht).toBe(true);
          }
        },
      ),
    );
  });

  it('discard projects back to the live value', () => {
    const mine = edits(applyOperation([], live, { kind: 'percent', projectIds: ['a', 'b'], percent: -50 }));
    expect(edits(applyOperation(mine, live, { kind: 'discard', projectIds: ['a'] })).map((e) => e.projectId)).toEqual(['b']);
  });
});

describe('when the live board moves under the sandbox', () => {
  const mine = edits(applyOperation([], live, { kind: 'percent', projectIds: ['a', 'b', 'c'], percent: -10 }));

  it('marks the projects changed since as conflicts, keeps the others, and drops what live has reached', () => {
    const moved = board([line('a', 400, 390, { version: 2 }), line('b', 300, 270, { version: 2 }), live.lines[2]!]);
    expect(rebase(mine, moved).map((e) => e.projectId)).toEqual(['a', 'c']);
    const view = sandboxView(mine, moved);
    expect(view.conflicts).toEqual(['a']);
    expect(view.diff.find((d) => d.projectId === 'a')).toEqual({ projectId: 'a', liveBaht: 390, sandboxBaht: 360, deltaBaht: -30, baseBaht: 400, conflict: true });
  });

  it('keeping mine makes the edit from the new live value; a project resolved since is a conflict too', () => {
    const moved = board([line('a', 400, 390, { version: 2 }), live.lines[1]!, line('c', 500, 500, { resolved: true })]);
    const kept = edits(applyOperation(mine, moved, { kind: 'set', projectId: 'a', toBaht: 360 }));
    expect(sandboxView(kept, moved).conflicts).toEqual(['c']);
    expect(applyOperation(kept, moved, { kind: 'set', projectId: 'c', toBaht: 1 })).toMatchObject({ ok: false, code: 'project_resolved' });
    expect(sandboxView(edits(applyOperation(kept, moved, { kind: 'discard', projectIds: ['c'] })), moved).conflicts).toEqual([]);
  });

  it('drops edits of projects no longer in the plan', () => {
    expect(rebase(mine, board([live.lines[0]!])).map((e) => e.projectId)).toEqual(['a']);
  });
});

describe('the sandbox over live totals kept by difference (the browser\'s board)', () => {
  it('gives what adding up every project gives, for any edits and live moves, and leaves the live totals be', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ requested: fc.integer({ min: 1, max: 1_000_000_000 }), goal: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.record({ at: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 10 }),
        fc.array(fc.record({ at: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 5 }),
        (rows, changes, moves) => {
          const lines = rows.map((r, i) => line(`p${String(i).padStart(2, '0')}`, r.requested, r.requested, { goalNumber: r.goal, approachCode: `${r.goal}.1` }));
          const before = board(lines, 1_000_000);
          let mine: SandboxEdit[] = [];
          for (const c of changes) {
            const target = lines[c.at % lines.length]!;
            mine = edits(applyOperation(mine, before, { kind: 'set', projectId: target.projectId, toBaht: Math.floor(target.requestedBaht * c.share) }));
          }
          // The live board moves under the sandbox; its totals follow by difference, as the browser's do.
          const liveTotals = computeTotals(lines, before.frameBaht);
          const after = lines.map((l) => ({ ...l }));
          for (const m of moves) {
            const moved = after[m.at % after.length]!;
            const to = Math.floor(moved.requestedBaht * m.share);
            moveCeiling(liveTotals, moved, to - moved.ceilingBaht);
            Object.assign(moved, { ceilingBaht: to, version: moved.version + 1 });
          }
          const kept = JSON.stringify(liveTotals);
          const byId = new Map(after.map((l) => [l.projectId, l]));
          const { edited, ...overlay } = sandboxOverlay(mine, (id) => byId.get(id), liveTotals);
          const { ceilings, ...view } = sandboxView(mine, board(after, before.frameBaht));
          expect(overlay).toEqual(view);
          for (const [id, toBaht] of edited) expect(ceilings.get(id)).toBe(toBaht);
          expect(JSON.stringify(liveTotals)).toBe(kept);
        },
      ),
    );
  });
});
