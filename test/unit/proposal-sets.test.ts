import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCeilingChange } from '../../server/domain/ceilings.ts';
import { checkSetAcceptance, checkSetProposal, setConflicts, setTotalsAfter, type SetBoard, type SetChange } from '../../server/domain/proposal-sets.ts';
import { applyOperation, type LiveLine, type SandboxEdit } from '../../server/domain/sandbox.ts';
import { line } from '../support/live-lines.ts';

const board = (lines: LiveLine[], options: Partial<Omit<SetBoard, 'lines'>> = {}): SetBoard => ({
  lines,
  frameBaht: 1_000,
  allowAboveRequest: false,
  hardCap: false,
  ...options,
});
const live = board([line('a', 400), line('b', 300, 300, { goalNumber: 2, approachCode: '2.1' }), line('c', 500, 400, { version: 3 })]);
const change = (projectId: string, toBaht: unknown, baseVersion = 1): SetChange => ({ projectId, toBaht, baseVersion });

describe('proposing a set', () => {
  it('keeps each line with the ceiling it was proposed from and the version seen, and the totals after the whole set', () => {
    const verdict = checkSetProposal([change('a', 350), change('c', 300, 3)], live);
    expect(verdict).toMatchObject({
      ok: true,
      lines: [
        { projectId: 'a', fromBaht: 400, toBaht: 350, baseVersion: 1 },
        { projectId: 'c', fromBaht: 400, toBaht: 300, baseVersion: 3 },
      ],
    });
    if (verdict.ok) {
      expect(verdict.totals.overall.ceilingBaht).toBe(950);
      expect(verdict.totals.byGoal[2]!.ceilingBaht).toBe(300);
      expect(verdict.totals.remainingBaht).toBe(50);
    }
  });

  it('refuses an empty set, a set larger than the plan, and a project named twice', () => {
    expect(checkSetProposal([], live)).toMatchObject({ ok: false, code: 'set_empty' });
    const tooMany = ['a', 'b', 'c', 'd'].map((id) => change(id, 1));
    expect(checkSetProposal(tooMany, live)).toMatchObject({ ok: false, code: 'set_too_large', details: { max: 3, count: 4 } });
    expect(checkSetProposal([change('a', 1), change('a', 2)], live)).toMatchObject({ ok: false, code: 'set_duplicate_project', details: { projectIds: ['a'] } });
  });

  it('names every project that is not in the plan (another meeting\'s included), every resolved one, every stale one', () => {
    expect(checkSetProposal([change('a', 1), change('elsewhere', 1), change('zz', 1)], live)).toEqual({
      ok: false,
      code: 'project_not_found',
      details: { projectIds: ['elsewhere', 'zz'] },
    });
    const resolved = board([line('a', 400, 400, { resolved: true }), line('b', 300)]);
    expect(checkSetProposal([change('a', 1), change('b', 1)], resolved)).toMatchObject({ ok: false, code: 'project_resolved', details: { projectIds: ['a'] } });
    expect(checkSetProposal([change('a', 1, 1), change('c', 1, 2)], live)).toEqual({ ok: false, code: 'set_conflict', details: { projectIds: ['c'] } });
  });

  it('applies the single-change rules to each line: whole baht, not negative, changed, not above the request', () => {
    for (const amount of [-1, 1.5, Number.NaN, '100', null]) {
      expect(checkSetProposal([change('a', 100), change('b', amount)], live)).toMatchObject({ ok: false, code: 'invalid_amount', details: { projectId: 'b' } });
    }
    expect(checkSetProposal([change('a', 400)], live)).toMatchObject({ ok: false, code: 'ceiling_unchanged', details: { projectId: 'a' } });
    expect(checkSetProposal([change('b', 301)], live)).toMatchObject({ ok: false, code: 'above_request', details: { projectId: 'b', requestedBaht: 300 } });
    expect(checkSetProposal([change('b', 301)], { ...live, allowAboveRequest: true })).toMatchObject({ ok: true });
  });

  it('judges a hard cap on what the whole set leaves: a raise paid for by cuts in the same set passes, one left over the frame does not', () => {
    const capped = board([line('a', 600, 500), line('b', 600, 500)], { frameBaht: 1_000, hardCap: true });
    expect(checkSetProposal([change('a', 600), change('b', 400)], capped)).toMatchObject({ ok: true });
    expect(checkSetProposal([change('a', 600), change('b', 450)], capped)).toMatchObject({
      ok: false,
      code: 'over_frame_cap',
      details: { projectId: 'a', frameBaht: 1_000, overByBaht: 50 },
    });
    // Cuts alone are always allowed, even while the total stays over the frame (as single changes).
    const over = board([line('a', 900), line('b', 900)], { frameBaht: 1_000, hardCap: true });
    expect(checkSetProposal([change('a', 800), change('b', 800)], over)).toMatchObject({ ok: true });
    expect(checkSetProposal([change('a', 600), change('b', 450)], { ...capped, hardCap: false })).toMatchObject({ ok: true });
  });
});

describe('accepting a set', () => {
  const proposed = checkSetProposal([change('a', 350), change('b', 250), change('c', 300, 3)], live);
  if (!proposed.ok) throw new Error('the example set must pass');
  const moved = board(live.lines.map((l) => (l.projectId === 'b' ? { ...l, ceilingBaht: 280, version: 2 } : l.projectId === 'c' ? { ...l, resolved: true } : l)));

  it('accepts the whole set or the ticked part of it', () => {
    expect(checkSetAcceptance(proposed.lines, 'all', live)).toMatchObject({ ok: true, lines: proposed.lines });
    const part = checkSetAcceptance(proposed.lines, ['c', 'a'], live);
    expect(part).toMatchObject({ ok: true, lines: [{ projectId: 'c' }, { projectId: 'a' }] });
    if (part.ok) expect(part.totals.overall.ceilingBaht).toBe(350 + 300 + 300);
  });

  it('refuses to accept blindly what moved or was resolved since, naming it, and accepts the part without conflicts', () => {
    expect(setConflicts(proposed.lines, moved)).toEqual(['b', 'c']);
    expect(checkSetAcceptance(proposed.lines, 'all', moved)).toEqual({ ok: false, code: 'set_conflict', details: { projectIds: ['b', 'c'], conflictsInSet: ['b', 'c'] } });
    expect(checkSetAcceptance(proposed.lines, ['a', 'b'], moved)).toMatchObject({ ok: false, code: 'set_conflict', details: { projectIds: ['b'] } });
    expect(checkSetAcceptance(proposed.lines, ['a'], moved)).toMatchObject({ ok: true, lines: [{ projectId: 'a', toBaht: 350 }] });
    const gone = board(live.lines.filter((l) => l.projectId !== 'a'));
    expect(setConflicts(proposed.lines, gone)).toEqual(['a']);
  });

  it('refuses an empty choice and projects that are not in the set', () => {
    expect(checkSetAcceptance(proposed.lines, [], live)).toMatchObject({ ok: false, code: 'selection_empty' });
    expect(checkSetAcceptance(proposed.lines, ['a', 'x'], live)).toMatchObject({ ok: false, code: 'set_line_not_found', details: { projectIds: ['x'] } });
  });

  it('checks the accepted part against the hard cap on its own: the raise without the cut that paid for it is refused', () => {
    const capped = board([line('a', 600, 500), line('b', 600, 500)], { frameBaht: 1_000, hardCap: true });
    const set = checkSetProposal([change('a', 600), change('b', 400)], capped);
    if (!set.ok) throw new Error('the capped set must pass');
    expect(checkSetAcceptance(set.lines, ['a'], capped)).toMatchObject({ ok: false, code: 'over_frame_cap', details: { projectId: 'a' } });
    expect(checkSetAcceptance(set.lines, ['b'], capped)).toMatchObject({ ok: true });
  });
});

describe('sets from sandboxes (properties)', () => {
  const arbitraryBoard = fc
    .uniqueArray(
      fc.record({
        projectId: fc.stringMatching(/^[a-z]{1,6}$/),
        requestedBaht: fc.integer({ min: 1, max: 5_000_000_000 }),
        share: fc.double({ min: 0.01, max: 1, noNaN: true }),
        version: fc.integer({ min: 1, max: 50 }),
      }),
      { minLength: 2, maxLength: 40, selector: (l) => l.projectId },
    )
    .chain((lines) =>
      fc.record({
        lines: fc.constant(lines.map((l) => line(l.projectId, l.requestedBaht, Math.floor(l.requestedBaht * l.share), { version: l.version }))),
        frameShare: fc.double({ min: 0.3, max: 1.2, noNaN: true }),
        picked: fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }),
        hardCap: fc.boolean(),
      }),
    );

  it('a sandbox fitted to the frame proposes as a set whose totals land on the frame to the baht, and accepting all of it keeps them there', () => {
    fc.assert(
      fc.property(arbitraryBoard, ({ lines, frameShare, picked, hardCap }) => {
        const requested = lines.reduce((sum, l) => sum + l.requestedBaht, 0);
        const liveBoard = board(lines, { frameBaht: Math.floor(requested * frameShare), hardCap });
        const projectIds = lines.filter((_, i) => picked[i]).map((l) => l.projectId);
        if (projectIds.length === 0) return;
        const fitted = applyOperation([], liveBoard, { kind: 'fit', projectIds });
        if (!fitted.ok || fitted.edits.length === 0) return;
        const changes = fitted.edits.map((e: SandboxEdit) => ({ projectId: e.projectId, toBaht: e.toBaht, baseVersion: e.baseVersion }));
        const verdict = checkSetProposal(changes, liveBoard);
        expect(verdict.ok).toBe(true);
        if (!verdict.ok) return;
        expect(verdict.totals.overall.ceilingBaht).toBe(liveBoard.frameBaht);
        for (const l of verdict.lines) {
          expect(Number.isSafeInteger(l.toBaht) && l.toBaht >= 0).toBe(true);
          expect(l.toBaht).toBeLessThanOrEqual(Math.max(liveBoard.lines.find((x) => x.projectId === l.projectId)!.requestedBaht, l.fromBaht));
        }
        const accepted = checkSetAcceptance(verdict.lines, 'all', liveBoard);
        expect(accepted).toMatchObject({ ok: true });
        if (accepted.ok) expect(accepted.totals).toEqual(setTotalsAfter(verdict.lines, liveBoard));
      }),
      { numRuns: 300 },
    );
  });

  it('a one-line set is refused or allowed exactly as the same single change', () => {
    fc.assert(
      fc.property(arbitraryBoard, fc.integer({ min: -10, max: 6_000_000_000 }), fc.boolean(), ({ lines, frameShare, hardCap }, toBaht, allowAboveRequest) => {
        const requested = lines.reduce((sum, l) => sum + l.requestedBaht, 0);
        const liveBoard = board(lines, { frameBaht: Math.floor(requested * frameShare), hardCap, allowAboveRequest });
        const project = lines[0]!;
        const single = checkCeilingChange(project, liveBoard, {
          toBaht,
          expectedVersion: project.version,
          totalCeilingsBaht: lines.reduce((sum, l) => sum + l.ceilingBaht, 0),
        });
        const set = checkSetProposal([change(project.projectId, toBaht, project.version)], liveBoard);
        expect(set.ok).toBe(single.ok);
        if (!single.ok && !set.ok) expect(set.code).toBe(single.code);
        if (single.ok && set.ok) expect(set.totals.overall.ceilingBaht).toBe(single.totalAfterBaht);
      }),
      { numRuns: 500 },
    );
  });

  it('the part of a set without conflicts can always be accepted when the whole could have been', () => {
    fc.assert(
      fc.property(arbitraryBoard, ({ lines, picked }) => {
        const liveBoard = board(lines, { frameBaht: Number.MAX_SAFE_INTEGER });
        const changes = lines.map((l) => change(l.projectId, Math.floor(l.ceilingBaht / 2) === l.ceilingBaht ? l.ceilingBaht + 1 : Math.floor(l.ceilingBaht / 2), l.version));
        const set = checkSetProposal(changes, liveBoard);
        if (!set.ok) return;
        // Someone changes the picked projects on the live board after the set was proposed.
        const moved = board(lines.map((l, i) => (picked[i] ? { ...l, version: l.version + 1 } : l)), { frameBaht: Number.MAX_SAFE_INTEGER });
        const conflicts = setConflicts(set.lines, moved);
        expect(conflicts).toEqual(lines.filter((_, i) => picked[i]).map((l) => l.projectId));
        const clean = set.lines.map((l) => l.projectId).filter((id) => !conflicts.includes(id));
        if (conflicts.length) expect(checkSetAcceptance(set.lines, 'all', moved)).toMatchObject({ ok: false, code: 'set_conflict', details: { projectIds: conflicts } });
        if (clean.length) expect(checkSetAcceptance(set.lines, clean, moved)).toMatchObject({ ok: true });
      }),
      { numRuns: 200 },
    );
  });
});
