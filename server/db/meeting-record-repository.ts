// Reads a meeting's record (server/domain/meeting-record.ts) from the audit trails: the ceiling changes and frame
// changes it made under its seqs, the focus moves and confirmed resolutions of its event log, and the board now.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import { boardAt, type RecordEntry } from '../domain/frame-history.ts';
import type { MeetingRecord, RecordChange, RecordMark } from '../domain/meeting-record.ts';
import { BoardError } from '../shared/errors.ts';
import type { ProjectChangeKind } from '../domain/project-list.ts';
import type { ProjectLineRecord } from './project-list-repository.ts';
import type { ProjectChange } from './generated/client.ts';
import type { MeetingFocus } from '../shared/events/presenter.ts';
import type { ResolutionChanged, ResolutionsChanged } from '../shared/events/resolution.ts';

export async function loadMeetingRecord(db: Database, meetingId: string): Promise<MeetingRecord> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: { plan: { select: { frameBaht: true } }, agendaItems: { orderBy: { position: 'asc' } } },
  });
  if (!meeting) throw new BoardError('meeting_not_found');
  const [projects, ceilingRows, frameRows, listRows, events] = await Promise.all([
    db.project.findMany({ where: { planId: meeting.planId }, orderBy: { position: 'asc' }, include: { approach: { include: { goal: true } } } }),
    db.ceilingChange.findMany({ where: { meetingId, seq: { not: null } }, orderBy: [{ seq: 'asc' }, { id: 'asc' }] }),
    db.frameChange.findMany({ where: { meetingId, seq: { not: null } }, orderBy: [{ seq: 'asc' }, { id: 'asc' }] }),
    db.projectChange.findMany({ where: { meetingId, seq: { not: null } }, orderBy: [{ seq: 'asc' }, { id: 'asc' }] }),
    db.meetingEvent.findMany({ where: { meetingId, type: { in: ['focus:changed', 'resolution:changed', 'resolutions:changed'] } }, orderBy: { seq: 'asc' } }),
  ]);
  const changes: RecordChange[] = [
    ...ceilingRows.map((row) => ({
      seq: row.seq!,
      at: row.createdAt.toISOString(),
      cause: row.kind,
      projectId: row.projectId,
      fromBaht: bahtFromDb(row.fromBaht),
      toBaht: bahtFromDb(row.toBaht),
      actorName: row.actorName,
      role: row.role,
      reason: row.reason,
    })),
    ...frameRows.map((row) => ({
      seq: row.seq!,
      at: row.createdAt.toISOString(),
      cause: 'frame' as const,
      projectId: null,
      fromBaht: bahtFromDb(row.fromBaht),
      toBaht: bahtFromDb(row.toBaht),
      actorName: row.actorName,
      role: null,
      reason: row.reason,
    })),
    ...listRows.map((row) => listChange(row)),
  ].sort((a, b) => a.seq - b.seq);

  const marks: RecordMark[] = [];
  let agendaItemId: string | null = null;
  for (const event of events) {
    const at = event.createdAt.toISOString();
    if (event.type === 'focus:changed') {
      const focus = (event.payload as unknown as { focus: MeetingFocus }).focus;
      if (focus.agendaItemId !== agendaItemId) marks.push({ seq: event.seq, at, kind: 'agenda', agendaItemId: focus.agendaItemId });
      agendaItemId = focus.agendaItemId;
    } else {
      const changes = event.type === 'resolutions:changed' ? (event.payload as unknown as ResolutionsChanged).changes : [event.payload as unknown as ResolutionChanged];
      for (const { resolution } of changes) {
        if (resolution.status === 'confirmed') {
          marks.push({ seq: event.seq, at, kind: 'resolution_confirmed', projectId: resolution.projectId, agendaItemId: resolution.agendaItemId });
        }
      }
    }
  }
  for (const change of changes) {
    if (change.cause === 'proposal_accepted') marks.push({ seq: change.seq, at: change.at, kind: 'proposal_accepted', projectId: change.projectId! });
  }
  marks.sort((a, b) => a.seq - b.seq);

  // The board now: a withdrawn project is on no total; the record's changes put it back for the moments before.
  const lines = projects.filter((p) => !p.withdrawnAt).map((p) => ({
    projectId: p.id,
    goalNumber: p.approach.goal.number,
    approachCode: p.approach.code,
    requestedBaht: bahtFromDb(p.requestedBaht),
    ceilingBaht: bahtFromDb(p.ceilingBaht),
  }));
  const record: MeetingRecord = {
    meetingId,
    seq: meeting.seq,
    frameBaht: bahtFromDb(meeting.plan.frameBaht),
    lines,
    projects: Object.fromEntries(projects.map((p) => [p.id, { code: p.code, nameTh: p.nameTh, nameEn: p.nameEn }])),
    agenda: meeting.agendaItems.map((a) => ({ id: a.id, number: a.number, titleTh: a.titleTh, titleEn: a.titleEn })),
    changes,
    marks,
  };
  return asItStoodAfter(db, record, meeting.planId, changes.at(-1)?.at ?? meeting.closedAt?.toISOString());
}

/** A change of the project list as the record has it: the ceilings for an added or withdrawn line, else the request. */
function listChange(row: ProjectChange): RecordChange {
  const before = row.before as unknown as ProjectLineRecord | null;
  const after = row.after as unknown as ProjectLineRecord;
  const line = (of: ProjectLineRecord) => ({
    projectId: row.projectId,
    goalNumber: of.goalNumber,
    approachCode: of.approachCode,
    requestedBaht: of.requestedBaht,
    ceilingBaht: of.ceilingBaht,
  });
  const common = { seq: row.seq!, at: row.createdAt.toISOString(), projectId: row.projectId, actorName: row.actorName, role: row.role, reason: row.reason };
  const kind = row.kind as ProjectChangeKind;
  switch (kind) {
    case 'added':
      return { ...common, cause: 'project_added', fromBaht: 0, toBaht: after.ceilingBaht, line: line(after) };
    case 'withdrawn':
      return { ...common, cause: 'project_withdrawn', fromBaht: before!.ceilingBaht, toBaht: 0, line: line(before!) };
    case 'request_corrected':
      return { ...common, cause: 'request_corrected', fromBaht: before!.requestedBaht, toBaht: after.requestedBaht };
  }
}

/**
 * The board is the plan's: another meeting of the plan (or set-up) may have moved it since this meeting's last change.
 * Those later changes are walked back, newest first, so the record's board is the one its own changes left.
 */
async function asItStoodAfter(db: Database, record: MeetingRecord, planId: string, lastAt: string | undefined): Promise<MeetingRecord> {
  if (!lastAt) return record;
  const after = new Date(lastAt);
  const elsewhere = { OR: [{ meetingId: null }, { meetingId: { not: record.meetingId } }], createdAt: { gt: after } };
  const [ceilings, frames] = await Promise.all([
    db.ceilingChange.findMany({ where: { ...elsewhere, project: { planId } }, orderBy: { id: 'asc' } }),
    db.frameChange.findMany({ where: { ...elsewhere, planId }, orderBy: { id: 'asc' } }),
  ]);
  if (ceilings.length + frames.length === 0) return record;
  const later = [
    ...ceilings.map((row) => ({ createdAt: row.createdAt, kind: 'ceiling' as const, projectId: row.projectId, fromBaht: bahtFromDb(row.fromBaht), toBaht: bahtFromDb(row.toBaht) })),
    ...frames.map((row) => ({ createdAt: row.createdAt, kind: 'frame' as const, fromBaht: bahtFromDb(row.fromBaht), toBaht: bahtFromDb(row.toBaht) })),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  // Numbered after the record's own seqs, in the order they were made, so that boardAt takes them back newest first.
  const entries: RecordEntry[] = later.map(({ createdAt, ...change }, index) => ({ ...change, seq: record.seq + 1 + index, at: createdAt.toISOString() }));
  const now = { seq: record.seq + entries.length, frameBaht: record.frameBaht, lines: new Map(record.lines.map((line) => [line.projectId, line])) };
  const then = boardAt(now, entries, record.seq);
  return { ...record, frameBaht: then.frameBaht, lines: record.lines.map((line) => then.lines.get(line.projectId) ?? line) };
}
