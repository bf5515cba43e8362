// A meeting's record as it travels (GET /meetings/:id/record): the board as it stands at the record's last seq and
// every sequenced change that made it, with who, when and why. From it, pure and the same on the server and in the
// browser: the board at any seq (stateAt), the changes in order with the running total and the remainder, grouped by
// the agenda item in focus when they were made (replayRows), and the marks the timeline shows.
import { CEILING_HISTORY_KIND_LABELS, type CeilingChangeKind } from '../shared/board.ts';
import type { Role } from '../shared/roles.ts';
import { boardAt, timeline, type BoardMoment, type HistoricLine, type RecordEntry } from './frame-history.ts';
import { computeTotals, type FrameTotals } from './totals.ts';
import { PROJECT_CHANGE_LABELS } from './project-list.ts';

/** What made a change: the audit row's kind for ceilings, the frame itself, or a change of the project list. */
export type ChangeCause = CeilingChangeKind | 'frame' | 'project_added' | 'project_withdrawn' | 'request_corrected';

/** The ceilings' kinds are written as the project's history writes them, so the two never drift apart. */
export const CHANGE_CAUSE_LABELS: Record<ChangeCause, { th: string; en: string }> = {
  ...CEILING_HISTORY_KIND_LABELS,
  frame: { th: 'เปลี่ยนกรอบวงเงิน', en: 'Frame changed' },
  project_added: PROJECT_CHANGE_LABELS.added,
  project_withdrawn: PROJECT_CHANGE_LABELS.withdrawn,
  request_corrected: PROJECT_CHANGE_LABELS.request_corrected,
};

export interface RecordChange {
  seq: number;
  /** ISO time it was committed. */
  at: string;
  cause: ChangeCause;
  /** Null for a change of the frame. */
  projectId: string | null;
  /**
   * The ceilings for a ceiling change (0 for a project not on the list: before it was added, after it was withdrawn),
   * the request for a corrected request.
   */
  fromBaht: number;
  toBaht: number;
  /** A project added or withdrawn: its line as it joined or left the board. */
  line?: HistoricLine;
  actorName: string;
  role: Role | null;
  reason: string;
}

/** Something the timeline marks: the agenda moving on, a proposal accepted, a resolution confirmed. */
export type RecordMark = { seq: number; at: string } & (
  | { kind: 'agenda'; agendaItemId: string | null }
  | { kind: 'proposal_accepted'; projectId: string }
  | { kind: 'resolution_confirmed'; projectId: string | null; agendaItemId: string | null }
);

export interface RecordProject {
  code: string;
  nameTh: string;
  nameEn: string;
}

export interface MeetingRecord {
  meetingId: string;
  /** The record's last seq: `lines` and `frameBaht` are the board once every change up to it was made. */
  seq: number;
  frameBaht: number;
  lines: HistoricLine[];
  projects: Record<string, RecordProject>;
  agenda: { id: string; number: string; titleTh: string; titleEn: string }[];
  /** In the order they were made (seq, then the order within a command). */
  changes: RecordChange[];
  marks: RecordMark[];
}

export interface BoardState extends BoardMoment {
  /** Every subtotal (goal, approach), the overall total and the remainder, at that moment. */
  totals: FrameTotals;
}

/**
 * A change as the walk over the board knows it: an import brings its project onto the board at its request (which
 * its ceiling starts at), an added or withdrawn project carries its line, a corrected request moves the request.
 */
function entryOf(lines: ReadonlyMap<string, HistoricLine>, change: RecordChange): RecordEntry {
  const { seq, at, projectId, fromBaht, toBaht } = change;
  if (projectId === null) return { seq, at, kind: 'frame', fromBaht, toBaht };
  if (change.line && change.cause === 'project_added') return { seq, at, kind: 'project_added', line: change.line };
  if (change.line && change.cause === 'project_withdrawn') return { seq, at, kind: 'project_withdrawn', line: change.line };
  if (change.cause === 'request_corrected') return { seq, at, kind: 'request', projectId, fromBaht, toBaht };
  const now = change.cause === 'import' ? lines.get(projectId) : undefined;
  if (now) return { seq, at, kind: 'project_added', line: { ...now, requestedBaht: toBaht, ceilingBaht: toBaht } };
  return { seq, at, kind: 'ceiling', projectId, fromBaht, toBaht };
}

export function recordEntries(record: MeetingRecord): RecordEntry[] {
  // A project withdrawn since is not on the board now; the import that brought it still finds its line.
  const lines = new Map(recordNow(record).lines);
  for (const change of record.changes) if (change.cause === 'project_withdrawn' && change.line && !lines.has(change.line.projectId)) lines.set(change.line.projectId, change.line);
  return record.changes.map((change) => entryOf(lines, change));
}

export function recordNow(record: MeetingRecord): BoardMoment {
  return { seq: record.seq, frameBaht: record.frameBaht, lines: new Map(record.lines.map((line) => [line.projectId, line])) };
}

function withTotals(moment: BoardMoment): BoardState {
  return { ...moment, totals: computeTotals([...moment.lines.values()], moment.frameBaht) };
}

/** The board once every change up to and including `seq` was made (0: before the first). */
export function stateAt(record: MeetingRecord, seq: number, entries: readonly RecordEntry[] = recordEntries(record)): BoardState {
  return withTotals(boardAt(recordNow(record), entries, seq));
}

/** The agenda item in focus at each seq: the last agenda mark at or before it (null before the first). */
export function agendaAt(record: MeetingRecord): (seq: number) => string | null {
  const moves = record.marks.filter((m): m is Extract<RecordMark, { kind: 'agenda' }> => m.kind === 'agenda').sort((a, b) => a.seq - b.seq);
  return (seq) => {
    let found: string | null = null;
    for (const move of moves) {
      if (move.seq > seq) break;
      found = move.agendaItemId;
    }
    return found;
  };
}

export interface ReplayRow extends RecordChange {
  agendaItemId: string | null;
  /** The total of ceilings and what the frame leaves, once this change was made. */
  ceilingsBaht: number;
  remainingBaht: number;
}

export interface ReplayGroup {
  /** Null: changes made before any agenda item was taken up. */
  agendaItemId: string | null;
  rows: ReplayRow[];
}

/**
 * Every change in order with the running total and the remainder after it, in runs by the agenda item in focus when
 * it was made (an item taken up twice gives two runs, so the order of the record is kept).
 */
export function replayRows(record: MeetingRecord): ReplayGroup[] {
  const entries = recordEntries(record);
  const start = boardAt(recordNow(record), entries, 0);
  const points = timeline(start, entries, '').slice(1);
  const agenda = agendaAt(record);
  const groups: ReplayGroup[] = [];
  record.changes.forEach((change, index) => {
    const point = points[index]!;
    const agendaItemId = agenda(change.seq);
    const row = { ...change, agendaItemId, ceilingsBaht: point.ceilingsBaht, remainingBaht: point.frameBaht - point.ceilingsBaht };
    const last = groups.at(-1);
    if (last && last.agendaItemId === agendaItemId) last.rows.push(row);
    else groups.push({ agendaItemId, rows: [row] });
  });
  return groups;
}
