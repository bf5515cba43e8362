// The rules a ceiling change must pass, and how a sequenced change lands on a board. Pure: the repository reads the
// facts inside its transaction and asks here whether the change may happen.
import type { BoardSnapshot, ProjectView } from '../shared/board.ts';
import type { ErrorCode } from '../shared/errors.ts';
import type { CeilingsBroadcast } from '../shared/events/ceilings.ts';

export interface CeilingRules {
  frameBaht: number;
  /** No change may take the total of ceilings over the frame. */
  hardCap: boolean;
  /** A ceiling may exceed what the agency requested. */
  allowAboveRequest: boolean;
}

export interface ProjectCeilingState {
  requestedBaht: number;
  ceilingBaht: number;
  version: number;
  /** A confirmed resolution fixes the project's ceiling until the chair reopens it. */
  resolved: boolean;
}

export interface CeilingChangeRequest {
  toBaht: unknown;
  /** The project version the person saw when they made the change. */
  expectedVersion: number;
  /** The sum of every ceiling in the plan, this project's current one included. */
  totalCeilingsBaht: number;
}

export type CeilingVerdict =
  | { ok: true; toBaht: number; totalAfterBaht: number; overFrame: boolean }
  | { ok: false; code: ErrorCode; details?: Record<string, unknown> };

/** The resolution statuses that lock a project's ceiling. Another feature (resolutions) relies on this rule. */
export function isProjectResolved(resolutionStatuses: readonly string[]): boolean {
  return resolutionStatuses.includes('confirmed');
}

/** What a client needs to show a conflict instead of overwriting someone. */
export function conflictDetails(project: Pick<ProjectCeilingState, 'ceilingBaht' | 'version'>) {
  return { ceilingBaht: project.ceilingBaht, version: project.version };
}

export function checkCeilingChange(project: ProjectCeilingState, rules: CeilingRules, request: CeilingChangeRequest): CeilingVerdict {
  const { toBaht } = request;
  if (typeof toBaht !== 'number' || !Number.isSafeInteger(toBaht) || toBaht < 0) {
    return { ok: false, code: 'invalid_amount', details: { toBaht: String(toBaht) } };
  }
  if (project.resolved) return { ok: false, code: 'project_resolved' };
  if (request.expectedVersion !== project.version) return { ok: false, code: 'version_conflict', details: conflictDetails(project) };
  if (toBaht === project.ceilingBaht) return { ok: false, code: 'ceiling_unchanged' };
  if (toBaht > project.requestedBaht && !rules.allowAboveRequest) {
    return { ok: false, code: 'above_request', details: { requestedBaht: project.requestedBaht } };
  }
  const totalAfterBaht = request.totalCeilingsBaht - project.ceilingBaht + toBaht;
  const overFrame = totalAfterBaht > rules.frameBaht;
  // A cut is always allowed, even over a hard cap: it moves the total back towards the frame.
  if (overFrame && rules.hardCap && toBaht > project.ceilingBaht) {
    return { ok: false, code: 'over_frame_cap', details: { frameBaht: rules.frameBaht, overByBaht: totalAfterBaht - rules.frameBaht } };
  }
  return { ok: true, toBaht, totalAfterBaht, overFrame };
}

export interface OwnChange {
  projectId: string;
  kind: string;
  fromBaht: number;
  versionAfter: number;
}

export type UndoPlan =
  | { ok: true; projectId: string; toBaht: number; expectedVersion: number }
  | { ok: false; code: ErrorCode; details?: Record<string, unknown> };

/**
 * Undo is one level deep: it restores the value before the person's latest change, as long as nobody has changed that
 * project since (that would silently throw away their change). Undoing an undo is not a redo: set the value again.
 */
export function planUndo(lastOwnChange: OwnChange | undefined, project: Pick<ProjectCeilingState, 'ceilingBaht' | 'version'> | undefined): UndoPlan {
  if (!lastOwnChange || lastOwnChange.kind === 'undo' || !project) return { ok: false, code: 'nothing_to_undo' };
  if (project.version !== lastOwnChange.versionAfter) {
    return { ok: false, code: 'version_conflict', details: { projectId: lastOwnChange.projectId, ...conflictDetails(project) } };
  }
  return { ok: true, projectId: lastOwnChange.projectId, toBaht: lastOwnChange.fromBaht, expectedVersion: lastOwnChange.versionAfter };
}

/** A board's projects by id: the events that name a project find it here, not by a scan of a 5,000-project list. */
/** Mutable: a project added to the list (projects:changed) joins the index. */
export type ProjectsById = Map<string, ProjectView>;

export function projectsById(projects: readonly ProjectView[]): ProjectsById {
  return new Map(projects.map((p) => [p.id, p]));
}

/**
 * Lands a sequenced update on a board (`byId` indexes its projects). Every part is absolute (a value and a version, a
 * proposal by id), so applying an update the snapshot already reflects changes nothing.
 */
export function applyCeilingsUpdate(board: Pick<BoardSnapshot, 'proposals'>, byId: ProjectsById, update: CeilingsBroadcast): void {
  const { change, proposed, closed } = update;
  if (change) {
    const project = byId.get(change.projectId);
    if (project && change.versionAfter >= project.version) {
      project.ceilingBaht = change.toBaht;
      project.version = change.versionAfter;
    }
  }
  if (closed?.length) {
    const gone = new Set(closed.map((c) => c.id));
    board.proposals = board.proposals.filter((p) => !gone.has(p.id));
  }
  if (proposed && !board.proposals.some((p) => p.id === proposed.id)) board.proposals = [...board.proposals, proposed];
}
