// How one sequenced event changes a board snapshot: the one rule for the browser, for tests that check a client ends
// equal to the database, and for anything else that follows the meeting's log.
import type { BoardSnapshot } from '../shared/board.ts';
import type { ResolutionChanged } from '../shared/events/resolution.ts';
import type { SequencedEvent } from '../shared/events/sequenced.ts';
import type { SetsChanged } from '../shared/events/proposal-sets.ts';
import type { ProjectsChanged } from '../shared/events/project-list.ts';
import { pendingSetsAfter } from './proposal-sets.ts';
import { applyCeilingsUpdate, type ProjectsById } from './ceilings.ts';

/** A recorded, confirmed or reopened resolution on the board; confirming may also have fixed the project's ceiling. */
export function applyResolutionChange(snapshot: BoardSnapshot, byId: ProjectsById, event: Omit<ResolutionChanged, 'seq'>): void {
  const others = snapshot.resolutions.filter((r) => r.id !== event.resolution.id);
  snapshot.resolutions = event.resolution.status === 'reopened' ? others : [...others, event.resolution];
  const project = event.project && byId.get(event.project.id);
  if (project && event.project) {
    project.ceilingBaht = event.project.ceilingBaht;
    project.version = event.project.version;
  }
}

/**
 * A step of the proposed sets on the board: the ceilings an accepted set moved (each as a ceilings update would move
 * it), the single proposals it answered, and the pending sets.
 */
export function applySetsChange(snapshot: BoardSnapshot, byId: ProjectsById, event: SetsChanged): void {
  for (const change of event.changes ?? []) applyCeilingsUpdate(snapshot, byId, { seq: event.seq, change });
  if (event.closedProposals?.length) applyCeilingsUpdate(snapshot, byId, { seq: event.seq, closed: event.closedProposals });
  snapshot.proposalSets = pendingSetsAfter(snapshot.proposalSets, event);
}

/**
 * A project added to the list, withdrawn or with its request corrected: the project as it is now replaces the board's
 * (an added one joins the end of the list, where its position puts it), and a withdrawal's closed proposals go.
 */
export function applyProjectsChange(snapshot: BoardSnapshot, byId: ProjectsById, event: ProjectsChanged): void {
  const known = byId.get(event.project.id);
  if (known) Object.assign(known, event.project);
  else {
    snapshot.projects.push(event.project);
    byId.set(event.project.id, snapshot.projects.at(-1)!);
  }
  if (event.closedProposals?.length) applyCeilingsUpdate(snapshot, byId, { seq: event.seq, closed: event.closedProposals });
}

/** The projects whose ceiling the event may move: the board adjusts its totals by their difference. */
export function projectsMovedBy(event: SequencedEvent): string[] {
  if (event.type === 'ceilings:updated') return event.payload.change ? [event.payload.change.projectId] : [];
  if (event.type === 'resolution:changed') return event.payload.project ? [event.payload.project.id] : [];
  if (event.type === 'resolutions:changed') return event.payload.changes.flatMap((c) => (c.project ? [c.project.id] : []));
  if (event.type === 'sets:changed') return (event.payload.changes ?? []).map((c) => c.projectId);
  return [];
}

/**
 * Applies the event to the snapshot (the caller sets the snapshot's seq; `byId` indexes its projects, see
 * projectsById). 'reload' when the event replaced more than it carries (an imported project list) and only a fresh
 * snapshot can follow it.
 */
export function applyBoardEvent(snapshot: BoardSnapshot, byId: ProjectsById, event: SequencedEvent): 'applied' | 'reload' {
  switch (event.type) {
    case 'ceilings:updated':
      applyCeilingsUpdate(snapshot, byId, event.payload);
      return 'applied';
    case 'focus:changed':
    case 'participants:changed':
    case 'participant:revoked':
      snapshot.focus = event.payload.focus;
      return 'applied';
    case 'agenda:changed':
      snapshot.agenda = event.payload.agenda;
      return 'applied';
    case 'resolution:changed':
      applyResolutionChange(snapshot, byId, event.payload);
      return 'applied';
    case 'resolutions:changed':
      for (const change of event.payload.changes) applyResolutionChange(snapshot, byId, change);
      return 'applied';
    case 'sets:changed':
      applySetsChange(snapshot, byId, event.payload);
      return 'applied';
    case 'projects:replaced':
      return 'reload';
    case 'projects:changed':
      applyProjectsChange(snapshot, byId, event.payload);
      return 'applied';
    case 'meeting:phase-changed':
      snapshot.meeting.status = event.payload.status;
      snapshot.meeting.openedAt = event.payload.openedAt;
      snapshot.meeting.closedAt = event.payload.closedAt;
      return 'applied';
    case 'plan:changed': {
      const { titleTh, titleEn, fiscalYearBE, frameBaht, hardCap, allowAboveRequest } = event.payload.plan;
      snapshot.meeting.plan = { ...snapshot.meeting.plan, titleTh, titleEn, fiscalYearBE, frameBaht, hardCap, allowAboveRequest };
      // A changed value chain regroups the projects: only a fresh snapshot has them where they now belong.
      return JSON.stringify(event.payload.goals) === JSON.stringify(snapshot.goals) ? 'applied' : 'reload';
    }
    case 'frame:changed':
      // The board holds no frame state: the frame page reads the preparation and the records when it opens.
      return 'applied';
    case 'minutes:adoption-changed':
      // Nor the minutes' adoption: the panels that show it follow the event themselves.
      return 'applied';
  }
}
