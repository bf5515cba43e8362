import { describe, expect, it } from 'vitest';
import { applyCeilingsUpdate, checkCeilingChange, projectsById, isProjectResolved, planUndo, type CeilingRules } from '../../server/domain/ceilings.ts';
import type { BoardSnapshot, CeilingChangeView, ProjectView, ProposalView } from '../../server/shared/board.ts';

const rules: CeilingRules = { frameBaht: 1_000, hardCap: false, allowAboveRequest: false };
const project = { requestedBaht: 300, ceilingBaht: 300, version: 4, resolved: false };
const request = { expectedVersion: 4, totalCeilingsBaht: 900 };

describe('checkCeilingChange', () => {
  it('accepts a cut and reports the total after it', () => {
    expect(checkCeilingChange(project, rules, { ...request, toBaht: 250 })).toEqual({ ok: true, toBaht: 250, totalAfterBaht: 850, overFrame: false });
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2, '100', null])('refuses the amount %s as invalid', (toBaht) => {
    expect(checkCeilingChange(project, rules, { ...request, toBaht })).toMatchObject({ ok: false, code: 'invalid_amount' });
  });

  it('refuses any change to a project with a confirmed resolution', () => {
    expect(checkCeilingChange({ ...project, resolved: true }, rules, { ...request, toBaht: 1 })).toEqual({ ok: false, code: 'project_resolved' });
  });

  it('refuses a stale version with the current value, so the client can show the conflict', () => {
    expect(checkCeilingChange(project, rules, { ...request, expectedVersion: 3, toBaht: 1 })).toEqual({
      ok: false,
      code: 'version_conflict',
      details: { ceilingBaht: 300, version: 4 },
    });
  });

  it('refuses a change to the same value', () => {
    expect(checkCeilingChange(project, rules, { ...request, toBaht: 300 })).toMatchObject({ ok: false, code: 'ceiling_unchanged' });
  });

  it('refuses more than was requested unless the plan allows it', () => {
    expect(checkCeilingChange({ ...project, ceilingBaht: 200 }, rules, { ...request, toBaht: 301 })).toMatchObject({
      ok: false,
      code: 'above_request',
      details: { requestedBaht: 300 },
    });
    expect(checkCeilingChange({ ...project, ceilingBaht: 200 }, { ...rules, allowAboveRequest: true }, { ...request, toBaht: 301 })).toMatchObject({ ok: true });
  });

  it('flags going over the frame when the cap is soft, and refuses it when hard', () => {
    const above = { ...rules, allowAboveRequest: true };
    expect(checkCeilingChange(project, above, { ...request, toBaht: 450 })).toEqual({ ok: true, toBaht: 450, totalAfterBaht: 1_050, overFrame: true });
    expect(checkCeilingChange(project, { ...above, hardCap: true }, { ...request, toBaht: 450 })).toEqual({
      ok: false,
      code: 'over_frame_cap',
      details: { frameBaht: 1_000, overByBaht: 50 },
    });
  });

  it('lets a cut through a hard cap even while the total is still over the frame', () => {
    const verdict = checkCeilingChange(project, { ...rules, hardCap: true }, { ...request, totalCeilingsBaht: 1_200, toBaht: 250 });
    expect(verdict).toEqual({ ok: true, toBaht: 250, totalAfterBaht: 1_150, overFrame: true });
  });
});

describe('isProjectResolved', () => {
  it('locks only on a confirmed resolution', () => {
    expect(isProjectResolved([])).toBe(false);
    expect(isProjectResolved(['draft', 'reopened'])).toBe(false);
    expect(isProjectResolved(['reopened', 'confirmed'])).toBe(true);
  });
});

describe('planUndo', () => {
  const last = { projectId: 'p1', kind: 'set', fromBaht: 300, versionAfter: 5 };
  it('restores the value before my last change', () => {
    expect(planUndo(last, { ceilingBaht: 200, version: 5 })).toEqual({ ok: true, projectId: 'p1', toBaht: 300, expectedVersion: 5 });
  });
  it('has nothing to undo without a change, or after an undo', () => {
    expect(planUndo(undefined, undefined)).toMatchObject({ ok: false, code: 'nothing_to_undo' });
    expect(planUndo({ ...last, kind: 'undo' }, { ceilingBaht: 300, version: 6 })).toMatchObject({ ok: false, code: 'nothing_to_undo' });
  });
  it('refuses when someone changed the project since, rather than throw their change away', () => {
    expect(planUndo(last, { ceilingBaht: 100, version: 6 })).toEqual({
      ok: false,
      code: 'version_conflict',
      details: { projectId: 'p1', ceilingBaht: 100, version: 6 },
    });
  });
});

describe('applyCeilingsUpdate', () => {
  const board = () =>
    ({
      projects: [{ id: 'p1', ceilingBaht: 300, version: 4 } as ProjectView],
      proposals: [{ id: 'q1', projectId: 'p1' } as ProposalView],
    }) satisfies Pick<BoardSnapshot, 'projects' | 'proposals'>;
  const change = { projectId: 'p1', toBaht: 250, versionAfter: 5 } as CeilingChangeView;

  it('moves the ceiling and closes proposals', () => {
    const b = board();
    applyCeilingsUpdate(b, projectsById(b.projects), {
      seq: 9,
      change,
      closed: [{ id: 'q1', projectId: 'p1', proposerId: 'm1', status: 'accepted', decidedByName: 'ประธาน', decidedAt: '2026-12-02T09:00:00.000Z', reason: '' }],
    });
    expect(b.projects[0]).toMatchObject({ ceilingBaht: 250, version: 5 });
    expect(b.proposals).toEqual([]);
  });

  it('is idempotent: an update the board already reflects changes nothing', () => {
    const b = board();
    const proposed = { id: 'q2', projectId: 'p1' } as ProposalView;
    applyCeilingsUpdate(b, projectsById(b.projects), { seq: 9, change, proposed });
    applyCeilingsUpdate(b, projectsById(b.projects), { seq: 9, change, proposed });
    expect(b.proposals.map((p) => p.id)).toEqual(['q1', 'q2']);
    applyCeilingsUpdate(b, projectsById(b.projects), { seq: 8, change: { ...change, toBaht: 1, versionAfter: 4 } });
    expect(b.projects[0]).toMatchObject({ ceilingBaht: 250, version: 5 });
  });
});
