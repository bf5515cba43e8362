// A participant's private what-if sandbox over the live board: the ceilings they changed for themselves, each kept
// with the live value and version it was changed from, so that when the live board moves under it the sandbox can say
// which of its changes now disagree with what happened. Pure: the server checks and applies changes here before it
// stores them, and the browser computes the same totals, differences and conflicts from the same edits.
import { computeTotals, copyTotals, moveCeiling, type FrameTotals } from './totals.ts';
import { bringTo, fitFrame, scaleByPercent, type AdjustableLine, type Adjustment } from './what-if.ts';
import type { ErrorCode } from '../shared/errors.ts';
import type { BoardSnapshot } from '../shared/board.ts';
import { isProjectResolved } from './ceilings.ts';

/** One private change: the ceiling the participant wants, and the live ceiling and version they changed it from. */
export interface SandboxEdit {
  projectId: string;
  toBaht: number;
  baseBaht: number;
  baseVersion: number;
}

/** A live project as the sandbox needs it. */
export interface LiveLine extends AdjustableLine {
  goalNumber: number;
  approachCode: string;
  version: number;
}

export interface LiveBoard {
  lines: readonly LiveLine[];
  frameBaht: number;
  allowAboveRequest: boolean;
}

/** What a helper does to the selected projects of a sandbox. */
export type SandboxOperation =
  | { kind: 'set'; projectId: string; toBaht: number }
  | { kind: 'percent'; projectIds: string[]; percent: number }
  | { kind: 'bring'; projectIds: string[]; toBaht: number }
  | { kind: 'fit'; projectIds: string[] }
  /** Back to the live value (the sandbox forgets these projects), e.g. to take the live side of a conflict. */
  | { kind: 'discard'; projectIds: string[] };

export type SandboxResult =
  | { ok: true; edits: SandboxEdit[]; heldAtRequest: string[] }
  | { ok: false; code: ErrorCode; details?: Record<string, unknown> };

/** One line of the difference from live; `conflict` when the live project changed since the edit was made. */
export interface SandboxDiffLine {
  projectId: string;
  liveBaht: number;
  sandboxBaht: number;
  deltaBaht: number;
  /** The live ceiling the edit was made from. */
  baseBaht: number;
  conflict: boolean;
}

export interface SandboxView {
  /** Every project's ceiling in the sandbox. */
  ceilings: Map<string, number>;
  totals: FrameTotals;
  liveTotals: FrameTotals;
  diff: SandboxDiffLine[];
  conflicts: string[];
}

function linesById(live: LiveBoard): Map<string, LiveLine> {
  return new Map(live.lines.map((line) => [line.projectId, line]));
}

/**
 * The edits that still mean something on the live board as it is now: an edit of a project no longer in the plan is
 * dropped, and so is one the live board has since reached by itself. The others stay, in project order.
 */
export function rebase(edits: readonly SandboxEdit[], live: LiveBoard): SandboxEdit[] {
  const byId = linesById(live);
  return edits.filter((edit) => {
    const line = byId.get(edit.projectId);
    return line !== undefined && edit.toBaht !== line.ceilingBaht;
  });
}

/** Whether the live project moved (or was resolved) since the edit was made from it. */
function inConflict(edit: SandboxEdit, line: LiveLine): boolean {
  return line.version !== edit.baseVersion || line.resolved;
}

/** The sandbox as a change to the live board: the ceilings it changes, the totals both ways, the difference. */
export interface SandboxOverlay {
  /** The ceilings the sandbox changes; every other project's is its live one. */
  edited: Map<string, number>;
  totals: FrameTotals;
  liveTotals: FrameTotals;
  diff: SandboxDiffLine[];
  conflicts: string[];
}

/**
 * The sandbox laid over live totals kept elsewhere (the browser's board keeps them by difference): its totals are
 * the live ones moved by each edit, so the work is per edit, not per project of the plan, and a ceiling change on a
 * 5,000-project board does not add up the plan again for a sandbox that changes three projects.
 */
export function sandboxOverlay(edits: readonly SandboxEdit[], lineOf: (projectId: string) => LiveLine | undefined, liveTotals: FrameTotals): SandboxOverlay {
  const edited = new Map<string, number>();
  const totals = copyTotals(liveTotals);
  const diff: SandboxDiffLine[] = [];
  for (const edit of edits) {
    const line = lineOf(edit.projectId);
    // Rebased: an edit of a project no longer in the plan, or one the live board has reached by itself, is gone.
    if (line === undefined || edit.toBaht === line.ceilingBaht) continue;
    edited.set(edit.projectId, edit.toBaht);
    moveCeiling(totals, line, edit.toBaht - line.ceilingBaht);
    diff.push({
      projectId: edit.projectId,
      liveBaht: line.ceilingBaht,
      sandboxBaht: edit.toBaht,
      deltaBaht: edit.toBaht - line.ceilingBaht,
      baseBaht: edit.baseBaht,
      conflict: inConflict(edit, line),
    });
  }
  return { edited, totals, liveTotals, diff, conflicts: diff.filter((line) => line.conflict).map((line) => line.projectId) };
}

/** The sandbox on the live board: every ceiling, the totals both ways, the difference project by project. */
export function sandboxView(edits: readonly SandboxEdit[], live: LiveBoard): SandboxView {
  const byId = linesById(live);
  const { edited, ...overlay } = sandboxOverlay(edits, (id) => byId.get(id), computeTotals(live.lines, live.frameBaht));
  const ceilings = new Map(live.lines.map((line) => [line.projectId, edited.get(line.projectId) ?? line.ceilingBaht]));
  return { ceilings, ...overlay };
}

/** The selected lines as the sandbox has them now (a sandbox ceiling in place of the live one). */
function selected(projectIds: readonly string[], byId: Map<string, LiveLine>, ceilings: Map<string, number>): LiveLine[] | SandboxResult {
  const unknown = projectIds.filter((id) => !byId.has(id));
  if (unknown.length) return { ok: false, code: 'project_not_found', details: { projectIds: unknown } };
  if (new Set(projectIds).size !== projectIds.length) return { ok: false, code: 'invalid_payload', details: { reason: 'duplicate projects' } };
  return projectIds.map((id) => ({ ...byId.get(id)!, ceilingBaht: ceilings.get(id)! }));
}

/** The new ceilings of the selection as a sandbox, each edit made from the live value and version of now. */
function withCeilings(edits: readonly SandboxEdit[], live: LiveBoard, moved: Map<string, number>, heldAtRequest: string[]): SandboxResult {
  const byId = linesById(live);
  const kept = new Map(rebase(edits, live).map((edit) => [edit.projectId, edit]));
  for (const [projectId, toBaht] of moved) {
    const line = byId.get(projectId)!;
    if (toBaht === line.ceilingBaht) kept.delete(projectId);
    else kept.set(projectId, { projectId, toBaht, baseBaht: line.ceilingBaht, baseVersion: line.version });
  }
  const order = new Map(live.lines.map((line, index) => [line.projectId, index]));
  const result = [...kept.values()].sort((a, b) => order.get(a.projectId)! - order.get(b.projectId)!);
  return { ok: true, edits: result, heldAtRequest };
}

function fromAdjustment(edits: readonly SandboxEdit[], live: LiveBoard, adjustment: Adjustment): SandboxResult {
  if (!adjustment.ok) return adjustment;
  return withCeilings(edits, live, adjustment.ceilings, adjustment.heldAtRequest);
}

/**
 * One change to a sandbox, with the plan's rules: whole baht, no resolved project, nothing above the request unless
 * the plan allows it. Setting a project back to its live value forgets the edit; setting it again after the live board
 * moved makes the edit from the new live value (it is no longer in conflict).
 */
export function applyOperation(edits: readonly SandboxEdit[], live: LiveBoard, operation: SandboxOperation): SandboxResult {
  const byId = linesById(live);
  const { ceilings } = sandboxView(edits, live);
  const rules = { allowAboveRequest: live.allowAboveRequest };
  switch (operation.kind) {
    case 'set': {
      const lines = selected([operation.projectId], byId, ceilings);
      if (!Array.isArray(lines)) return lines;
      const [line] = lines as [LiveLine];
      const { toBaht } = operation;
      if (typeof toBaht !== 'number' || !Number.isSafeInteger(toBaht) || toBaht < 0) {
        return { ok: false, code: 'invalid_amount', details: { toBaht: String(toBaht) } };
      }
      if (line.resolved) return { ok: false, code: 'project_resolved', details: { projectIds: [line.projectId] } };
      if (toBaht > line.requestedBaht && !rules.allowAboveRequest) {
        return { ok: false, code: 'above_request', details: { requestedBaht: line.requestedBaht } };
      }
      return withCeilings(edits, live, new Map([[line.projectId, toBaht]]), []);
    }
    case 'percent':
    case 'bring':
    case 'fit': {
      const lines = selected(operation.projectIds, byId, ceilings);
      if (!Array.isArray(lines)) return lines;
      if (lines.length === 0) return { ok: false, code: 'selection_empty' };
      if (operation.kind === 'percent') return fromAdjustment(edits, live, scaleByPercent(lines, operation.percent, rules));
      if (operation.kind === 'bring') return fromAdjustment(edits, live, bringTo(lines, operation.toBaht, rules));
      const chosen = new Set(operation.projectIds);
      const others = live.lines.reduce((sum, line) => (chosen.has(line.projectId) ? sum : sum + ceilings.get(line.projectId)!), 0);
      return fromAdjustment(edits, live, fitFrame(lines, others, live.frameBaht, rules));
    }
    case 'discard': {
      const lines = selected(operation.projectIds, byId, ceilings);
      if (!Array.isArray(lines)) return lines;
      const gone = new Set(operation.projectIds);
      return { ok: true, edits: rebase(edits, live).filter((edit) => !gone.has(edit.projectId)), heldAtRequest: [] };
    }
  }
}

/** The live board as a browser holds it (its snapshot), for the sandbox: a confirmed resolution fixes a ceiling. */
export function liveBoardOf(board: Pick<BoardSnapshot, 'projects' | 'resolutions' | 'meeting'>): LiveBoard {
  const resolved = resolvedProjects(board.resolutions);
  return {
    frameBaht: board.meeting.plan.frameBaht,
    allowAboveRequest: board.meeting.plan.allowAboveRequest,
    lines: board.projects.map((p) => liveLineOf(p, resolved)),
  };
}

/** The projects a confirmed resolution fixes. */
export function resolvedProjects(resolutions: BoardSnapshot['resolutions']): Set<string> {
  return new Set(resolutions.filter((r) => r.projectId && isProjectResolved([r.status])).map((r) => r.projectId!));
}

/** One project of a browser's snapshot as the sandbox sees it. */
export function liveLineOf(p: BoardSnapshot['projects'][number], resolved: ReadonlySet<string>): LiveLine {
  return {
    projectId: p.id,
    goalNumber: p.goalNumber,
    approachCode: p.approachCode,
    requestedBaht: p.requestedBaht,
    ceilingBaht: p.ceilingBaht,
    version: p.version,
    resolved: resolved.has(p.id),
  };
}
