// The rules of a proposed set: several ceiling changes proposed as one (a member's what-if sandbox), decided whole or in
// part. Each line passes exactly the rules of a single change (checkCeilingChange: whole baht, no resolved project,
// the version the proposer saw, nothing above the request unless the plan allows it), with the hard cap judged on
// the total the whole set (or the accepted part of it) leaves. Pure: the repository reads the live board inside the
// command's turn and asks here; the browser marks conflicts and shows the totals after with the same functions.
import { checkCeilingChange } from './ceilings.ts';
import type { LiveBoard, LiveLine } from './sandbox.ts';
import { computeTotals, type FrameTotals } from './totals.ts';
import type { ErrorCode } from '../shared/errors.ts';
import type { ProposalSetView, SetsChanged } from '../shared/events/proposal-sets.ts';

/** One change as proposed: the ceiling wanted and the project version it was worked out from. */
export interface SetChange {
  projectId: string;
  toBaht: unknown;
  baseVersion: number;
}

/** One line of a set as it is kept: the ceiling it was proposed from, the ceiling proposed, the version seen. */
export interface SetLine {
  projectId: string;
  fromBaht: number;
  toBaht: number;
  baseVersion: number;
}

/** The live board with the plan's hard cap, which a set (unlike a sandbox) must respect. */
export interface SetBoard extends LiveBoard {
  hardCap: boolean;
}

export type SetVerdict = { ok: true; lines: SetLine[]; totals: FrameTotals } | { ok: false; code: ErrorCode; details?: Record<string, unknown> };

function byId(board: LiveBoard): Map<string, LiveLine> {
  return new Map(board.lines.map((line) => [line.projectId, line]));
}

/**
 * The projects of `lines` that moved under them: resolved since, no longer in the plan, or at another version than
 * the one the line was proposed from. Accepting these would overwrite a change the proposer never saw.
 */
export function setConflicts(lines: readonly Pick<SetLine, 'projectId' | 'baseVersion'>[], board: LiveBoard): string[] {
  const live = byId(board);
  return lines
    .filter((line) => {
      const project = live.get(line.projectId);
      return !project || project.resolved || project.version !== line.baseVersion;
    })
    .map((line) => line.projectId);
}

/** The board's totals once these lines are applied to it (projects no longer in the plan are left out). */
export function setTotalsAfter(lines: readonly Pick<SetLine, 'projectId' | 'toBaht'>[], board: LiveBoard): FrameTotals {
  const wanted = new Map(lines.map((line) => [line.projectId, line.toBaht]));
  return computeTotals(
    board.lines.map((line) => ({ ...line, ceilingBaht: wanted.get(line.projectId) ?? line.ceilingBaht })),
    board.frameBaht,
  );
}

/**
 * Every change against the single-change rules, on the board as it stands. The hard cap is judged on the total the
 * changes leave together: each line is checked as if the others were already made, so a set that raises a project
 * while it leaves the total over a hard-capped frame is refused, and one that only cuts never is.
 */
function checkChanges(changes: readonly SetChange[], board: SetBoard): SetVerdict {
  const live = byId(board);
  const totalNow = board.lines.reduce((sum, line) => sum + line.ceilingBaht, 0);
  // An amount that is not a number adds nothing here; its own check below refuses it before the cap is judged.
  const totalAfter = changes.reduce((sum, change) => {
    const project = live.get(change.projectId)!;
    return typeof change.toBaht === 'number' ? sum + change.toBaht - project.ceilingBaht : sum;
  }, totalNow);
  const rules = { frameBaht: board.frameBaht, hardCap: board.hardCap, allowAboveRequest: board.allowAboveRequest };
  const lines: SetLine[] = [];
  for (const change of changes) {
    const project = live.get(change.projectId)!;
    const verdict = checkCeilingChange(project, rules, {
      toBaht: change.toBaht,
      expectedVersion: change.baseVersion,
      totalCeilingsBaht: typeof change.toBaht === 'number' ? totalAfter - change.toBaht + project.ceilingBaht : totalNow,
    });
    if (!verdict.ok) return { ok: false, code: verdict.code, details: { projectId: change.projectId, ...verdict.details } };
    lines.push({ projectId: change.projectId, fromBaht: project.ceilingBaht, toBaht: verdict.toBaht, baseVersion: change.baseVersion });
  }
  return { ok: true, lines, totals: setTotalsAfter(lines, board) };
}

/**
 * Whether `changes` may be proposed as one set: not empty, no larger than the plan, each project once and of this
 * meeting's plan, none resolved, each from the project's current version, and every line one the chair could
 * accept as it stands. A refusal names every project at fault, not only the first.
 */
export function checkSetProposal(changes: readonly SetChange[], board: SetBoard): SetVerdict {
  if (changes.length === 0) return { ok: false, code: 'set_empty' };
  if (changes.length > board.lines.length) return { ok: false, code: 'set_too_large', details: { max: board.lines.length, count: changes.length } };
  const ids = changes.map((change) => change.projectId);
  const duplicated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicated.length) return { ok: false, code: 'set_duplicate_project', details: { projectIds: [...new Set(duplicated)] } };
  const live = byId(board);
  const unknown = ids.filter((id) => !live.has(id));
  if (unknown.length) return { ok: false, code: 'project_not_found', details: { projectIds: unknown } };
  const resolved = ids.filter((id) => live.get(id)!.resolved);
  if (resolved.length) return { ok: false, code: 'project_resolved', details: { projectIds: resolved } };
  const stale = setConflicts(changes, board);
  if (stale.length) return { ok: false, code: 'set_conflict', details: { projectIds: stale } };
  return checkChanges(changes, board);
}

/**
 * Which lines of a pending set may be accepted now: `accept` names them (all of them when 'all'). Any of them in
 * conflict refuses the acceptance, naming them, so nothing is accepted blindly; the lines without conflicts can be
 * accepted by naming only those. The accepted part is checked again as a whole (the hard cap on what it leaves).
 */
export function checkSetAcceptance(setLines: readonly SetLine[], accept: readonly string[] | 'all', board: SetBoard): SetVerdict {
  const ofSet = new Map(setLines.map((line) => [line.projectId, line]));
  const chosen = accept === 'all' ? setLines.map((line) => line.projectId) : [...new Set(accept)];
  if (chosen.length === 0) return { ok: false, code: 'selection_empty' };
  const outside = chosen.filter((id) => !ofSet.has(id));
  if (outside.length) return { ok: false, code: 'set_line_not_found', details: { projectIds: outside } };
  const lines = chosen.map((id) => ofSet.get(id)!);
  const conflicts = setConflicts(lines, board);
  if (conflicts.length) return { ok: false, code: 'set_conflict', details: { projectIds: conflicts, conflictsInSet: setConflicts(setLines, board) } };
  return checkChanges(lines, board);
}

/**
 * The pending sets after one step of the meeting's log: the closed ones leave, a proposed one joins. The sets are kept
 * nowhere else than in that log (sets:changed events), so the server and every board fold the same steps the same way.
 */
export function pendingSetsAfter(pending: readonly ProposalSetView[], step: Pick<SetsChanged, 'proposed' | 'closed'>): ProposalSetView[] {
  const gone = new Set(step.closed?.map((c) => c.id));
  const kept = pending.filter((set) => !gone.has(set.id));
  return step.proposed && !kept.some((set) => set.id === step.proposed!.id) ? [...kept, step.proposed] : kept;
}
