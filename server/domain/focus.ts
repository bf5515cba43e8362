// What the room looks at: the presenter's focus, stepping through the project list in the board's order, custom
// agenda items, and handing the presenter role over and back. Pure: the handlers do the I/O.
import type { AgendaItemView, GoalView } from '../shared/board.ts';
import { meetingFocusSchema, type FocusView, type MeetingFocus, type PresenterHandover, type ScreenMoment } from '../shared/events/presenter.ts';
import type { Role } from '../shared/roles.ts';

export interface ListedProject {
  id: string;
  approachCode: string;
  position: number;
}

export function defaultFocus(agenda: readonly Pick<AgendaItemView, 'id'>[]): MeetingFocus {
  return { view: { kind: 'overview' }, agendaItemId: agenda[0]?.id ?? null, handover: null };
}

/** The stored focus, or the meeting's opening one when none was stored or what was stored no longer parses. */
export function readStoredFocus(stored: unknown, agenda: readonly Pick<AgendaItemView, 'id'>[]): MeetingFocus {
  const parsed = meetingFocusSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultFocus(agenda);
}

/** Project ids in the order the board lists them: goal, then approach, then the plan's position. */
export function projectOrder(goals: readonly GoalView[], projects: readonly ListedProject[]): string[] {
  const rank = new Map<string, number>();
  for (const goal of goals) for (const approach of goal.approaches) rank.set(approach.code, rank.size);
  return [...projects]
    .sort((a, b) => (rank.get(a.approachCode) ?? rank.size) - (rank.get(b.approachCode) ?? rank.size) || a.position - b.position)
    .map((p) => p.id);
}

/** The projects a view covers, in list order: all of them for the overview. */
export function projectsInView<P extends ListedProject>(view: FocusView, goals: readonly GoalView[], ordered: readonly P[]): P[] {
  switch (view.kind) {
    case 'overview':
      return [...ordered];
    case 'project':
      return ordered.filter((p) => p.id === view.projectId);
    case 'approach':
      return ordered.filter((p) => p.approachCode === view.approachCode);
    case 'goal': {
      const codes = new Set(goals.find((g) => g.number === view.goalNumber)?.approaches.map((a) => a.code) ?? []);
      return ordered.filter((p) => codes.has(p.approachCode));
    }
  }
}

/**
 * The next (+1) or previous (-1) project from a view, in list order. From a project: its neighbour, staying put at
 * either end. From a group or the overview: its first project going forward, the one before it going back.
 */
export function stepProject(view: FocusView, delta: 1 | -1, goals: readonly GoalView[], ordered: readonly ListedProject[]): FocusView {
  if (ordered.length === 0) return view;
  const covered = projectsInView(view, goals, ordered);
  const ids = ordered.map((p) => p.id);
  let index: number;
  if (view.kind === 'project') {
    const at = ids.indexOf(view.projectId);
    index = at < 0 ? 0 : at + delta;
  } else if (covered.length === 0 || view.kind === 'overview') {
    index = delta > 0 ? 0 : ids.length - 1;
  } else {
    index = delta > 0 ? ids.indexOf(covered[0].id) : ids.indexOf(covered[0].id) - 1;
  }
  const clamped = Math.min(ids.length - 1, Math.max(0, index));
  return { kind: 'project', projectId: ids[clamped] };
}

export function edgeProject(edge: 'first' | 'last', ordered: readonly ListedProject[]): FocusView {
  const project = edge === 'first' ? ordered[0] : ordered.at(-1);
  return project ? { kind: 'project', projectId: project.id } : { kind: 'overview' };
}

/** The seq of a screen moment that is not in the record whose last seq is `lastSeq`, or null when both are. */
export function unrecordedSeq(moment: ScreenMoment, lastSeq: number): 'seq' | 'compareTo' | null {
  if (moment.seq > lastSeq) return 'seq';
  if (moment.compareTo !== undefined && moment.compareTo > lastSeq) return 'compareTo';
  return null;
}

/** The two moments of a ก่อน/หลัง, earlier first, whichever of them the presenter named first; null for one moment. */
export function beforeAfter(moment: ScreenMoment): { before: number; after: number } | null {
  if (moment.compareTo === undefined) return null;
  return { before: Math.min(moment.seq, moment.compareTo), after: Math.max(moment.seq, moment.compareTo) };
}

export function sameView(a: FocusView, b: FocusView): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Where a custom item goes under a parent item: numbered parent.N after the parent's last sub-item, e.g. the third
 * matter for consideration is 4.3 and sits before item 5.
 */
export function placeCustomItem(
  agenda: readonly Pick<AgendaItemView, 'number' | 'position'>[],
  parentNumber: string,
): { number: string; position: number } {
  const prefix = `${parentNumber}.`;
  const family = agenda.filter((item) => item.number === parentNumber || item.number.startsWith(prefix));
  const children = family.filter((item) => item.number.startsWith(prefix));
  const highest = Math.max(0, ...children.map((item) => Number(item.number.slice(prefix.length).split('.')[0]) || 0));
  return { number: `${prefix}${highest + 1}`, position: Math.max(...family.map((item) => item.position)) + 1 };
}

export interface HandoverPlan {
  handover: PresenterHandover;
  /** Roles to write: the new presenter's, and the previous holder's return to their own role. */
  roleChanges: { participantId: string; role: Role }[];
}

/** Hands the presenter role to a participant; one handed the role before goes back to their own first. */
export function handOver(current: PresenterHandover | null, target: { participantId: string; role: Role }): HandoverPlan {
  if (current?.participantId === target.participantId) return { handover: current, roleChanges: [] };
  const roleChanges = current ? [{ participantId: current.participantId, role: current.previousRole }] : [];
  roleChanges.push({ participantId: target.participantId, role: 'presenter' });
  return { handover: { participantId: target.participantId, previousRole: target.role }, roleChanges };
}
