// How the frame stood at any moment of a meeting, computed from the record itself: the board as it is now, walked
// back through the audit entries that made it. Nothing here keeps a second copy of the past that could disagree
// with the record, and an entry that does not match the state it claims to have produced is an error, not a guess.
// Pure, so the server (exports, the screen) and the browser (the timeline) compute the same board for a moment.
import { computeTotals, type FrameTotals } from './totals.ts';

export interface HistoricLine {
  projectId: string;
  goalNumber: number;
  approachCode: string;
  requestedBaht: number;
  ceilingBaht: number;
}

/**
 * One recorded change, in the meeting's order (`seq`: the meeting's sequence number of the change). `at` is when it
 * was committed, as an ISO string, so that a moment in time finds the last change made before it.
 */
export type RecordEntry = { seq: number; at: string } & (
  | { kind: 'ceiling'; projectId: string; fromBaht: number; toBaht: number }
  | { kind: 'request'; projectId: string; fromBaht: number; toBaht: number }
  | { kind: 'frame'; fromBaht: number; toBaht: number }
  | { kind: 'project_added'; line: HistoricLine }
  | { kind: 'project_withdrawn'; line: HistoricLine }
);

export interface BoardMoment {
  /** The last change this state includes. */
  seq: number;
  frameBaht: number;
  lines: ReadonlyMap<string, HistoricLine>;
}

/** The record and the state it is applied to disagree: somebody altered one of them. */
export class RecordMismatch extends Error {
  constructor(readonly entry: RecordEntry) {
    super(`The record's change at seq ${entry.seq} (${entry.kind}) does not match the state it produced`);
    this.name = 'RecordMismatch';
  }
}

function ordered(entries: readonly RecordEntry[], direction: 1 | -1): RecordEntry[] {
  return [...entries].sort((a, b) => direction * (a.seq - b.seq));
}

/** Applies one entry (forward) or takes it back (backward), checking that the values it names are the ones there. */
function step(lines: Map<string, HistoricLine>, frame: { baht: number }, entry: RecordEntry, forward: boolean): void {
  const expect = (actual: number | undefined, wanted: number) => {
    if (actual !== wanted) throw new RecordMismatch(entry);
  };
  switch (entry.kind) {
    case 'frame':
      expect(frame.baht, forward ? entry.fromBaht : entry.toBaht);
      frame.baht = forward ? entry.toBaht : entry.fromBaht;
      return;
    case 'ceiling':
    case 'request': {
      const line = lines.get(entry.projectId);
      const ceiling = entry.kind === 'ceiling';
      expect(ceiling ? line?.ceilingBaht : line?.requestedBaht, forward ? entry.fromBaht : entry.toBaht);
      const value = forward ? entry.toBaht : entry.fromBaht;
      // Spelled out rather than spread with a computed key: such objects fall into V8's slow dictionary mode, and a
      // scrub through a meeting of thousands of changes copies lines thousands of times.
      lines.set(entry.projectId, {
        projectId: line!.projectId,
        goalNumber: line!.goalNumber,
        approachCode: line!.approachCode,
        requestedBaht: ceiling ? line!.requestedBaht : value,
        ceilingBaht: ceiling ? value : line!.ceilingBaht,
      });
      return;
    }
    case 'project_added':
    case 'project_withdrawn': {
      const present = lines.has(entry.line.projectId);
      const adds = (entry.kind === 'project_added') === forward;
      if (present === adds) throw new RecordMismatch(entry);
      if (adds) lines.set(entry.line.projectId, entry.line);
      else lines.delete(entry.line.projectId);
    }
  }
}

/** The board as it stood once every entry up to and including `seq` had been made, walked back from `now`. */
export function boardAt(now: BoardMoment, entries: readonly RecordEntry[], seq: number): BoardMoment {
  const lines = new Map(now.lines);
  const frame = { baht: now.frameBaht };
  for (const entry of ordered(entries, -1)) {
    if (entry.seq <= seq) break;
    if (entry.seq > now.seq) continue;
    step(lines, frame, entry, false);
  }
  return { seq: Math.min(seq, now.seq), frameBaht: frame.baht, lines };
}

/** The last change made at or before `at` (ISO time), or `beforeAll` when the moment precedes every entry. */
export function seqAtTime(entries: readonly RecordEntry[], at: string, beforeAll: number): number {
  let found = beforeAll;
  for (const entry of ordered(entries, 1)) {
    if (entry.at > at) break;
    found = entry.seq;
  }
  return found;
}

export interface TimelinePoint {
  seq: number;
  at: string;
  frameBaht: number;
  ceilingsBaht: number;
  byGoal: Record<number, number>;
}

/**
 * The total of ceilings (and per goal) after every seq of the record, from the board as it stood before the first
 * one. Entries of one seq (a proposed set accepted whole: one change of many projects) are one point, since the board
 * never stood between them. Totals move by each entry's difference, so a meeting of thousands of changes costs one pass.
 */
export function timeline(start: BoardMoment, entries: readonly RecordEntry[], startedAt: string): TimelinePoint[] {
  const lines = new Map(start.lines);
  const frame = { baht: start.frameBaht };
  const byGoal: Record<number, number> = {};
  let ceilingsBaht = 0;
  for (const line of lines.values()) {
    byGoal[line.goalNumber] = (byGoal[line.goalNumber] ?? 0) + line.ceilingBaht;
    ceilingsBaht += line.ceilingBaht;
  }
  const points: TimelinePoint[] = [{ seq: start.seq, at: startedAt, frameBaht: frame.baht, ceilingsBaht, byGoal: { ...byGoal } }];
  for (const entry of ordered(entries, 1)) {
    if (entry.seq <= start.seq) continue;
    const touched = 'projectId' in entry ? entry.projectId : 'line' in entry ? entry.line.projectId : null;
    const before = touched === null ? undefined : lines.get(touched);
    step(lines, frame, entry, true);
    const after = touched === null ? undefined : lines.get(touched);
    for (const [line, sign] of [[before, -1], [after, 1]] as const) {
      if (!line) continue;
      byGoal[line.goalNumber] = (byGoal[line.goalNumber] ?? 0) + sign * line.ceilingBaht;
      ceilingsBaht += sign * line.ceilingBaht;
    }
    const point = { seq: entry.seq, at: entry.at, frameBaht: frame.baht, ceilingsBaht, byGoal: { ...byGoal } };
    if (points.at(-1)!.seq === entry.seq) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
}

export interface MomentDiff {
  /** Projects whose ceiling (or presence) differs between the two moments, in project id order. */
  changes: { projectId: string; fromBaht: number | null; toBaht: number | null }[];
  from: FrameTotals;
  to: FrameTotals;
}

/** What changed between two moments, project by project, with the totals at each. */
export function compareMoments(from: BoardMoment, to: BoardMoment): MomentDiff {
  const ids = [...new Set([...from.lines.keys(), ...to.lines.keys()])].sort();
  const changes = ids.flatMap((projectId) => {
    const fromBaht = from.lines.get(projectId)?.ceilingBaht ?? null;
    const toBaht = to.lines.get(projectId)?.ceilingBaht ?? null;
    return fromBaht === toBaht ? [] : [{ projectId, fromBaht, toBaht }];
  });
  return { changes, from: computeTotals([...from.lines.values()], from.frameBaht), to: computeTotals([...to.lines.values()], to.frameBaht) };
}
