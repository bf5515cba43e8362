// The presenter-driven state of a meeting in Postgres: the focus (what the room looks at), the agenda, the presenter
// handover and attendance. Each write runs in its command's transaction, which holds the meeting's turn.
import type { CommandContext, Tx } from '../commands/command.ts';
import { handOver, placeCustomItem, readStoredFocus } from '../domain/focus.ts';
import { agendaItemView } from './board-repository.ts';
import { BoardError } from '../shared/errors.ts';
import type { Attendance, FocusView, MeetingFocus, ParticipantChange } from '../shared/events/presenter.ts';
import type { Role } from '../shared/roles.ts';
import type { Prisma } from './generated/client.ts';
import { sql, type Sql } from './sql.ts';
import { SIGNS_IN } from './record-only.ts';

export async function currentFocus(tx: Tx, meetingId: string): Promise<MeetingFocus> {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { focus: true, agendaItems: { orderBy: { position: 'asc' }, select: { id: true } } },
  });
  return readStoredFocus(meeting.focus, meeting.agendaItems);
}

async function writeFocus(tx: Tx, meetingId: string, change: (focus: MeetingFocus) => MeetingFocus): Promise<MeetingFocus> {
  const focus = change(await currentFocus(tx, meetingId));
  await tx.meeting.update({ where: { id: meetingId }, data: { focus: focus as unknown as Prisma.InputJsonValue } });
  return focus;
}

/** The participants' roles and attendance as they stand in this transaction. */
export async function participantChanges(tx: Tx, ids: string[]): Promise<ParticipantChange[]> {
  const rows = await tx.participant.findMany({ where: { id: { in: ids } }, select: { id: true, role: true, attendance: true } });
  return rows.map((r) => ({ participantId: r.id, role: r.role, attendance: r.attendance }));
}

async function changeRoles(tx: Tx, changes: { participantId: string; role: Role }[]): Promise<void> {
  for (const change of changes) await tx.participant.update({ where: { id: change.participantId }, data: { role: change.role } });
}

/** What the focus moves to; each must exist in the meeting (its plan, for projects and groups). */
export type FocusTarget = FocusView | { kind: 'agendaItem'; agendaItemId: string };

function targetExists(target: FocusTarget): Sql {
  switch (target.kind) {
    case 'overview':
      return sql`TRUE`;
    case 'project':
      return sql`EXISTS (SELECT 1 FROM "Project" x WHERE x."id" = ${target.projectId} AND x."planId" = m."planId")`;
    case 'approach':
      return sql`EXISTS (SELECT 1 FROM "Approach" x JOIN "Goal" g ON g."id" = x."goalId" WHERE x."code" = ${target.approachCode} AND g."planId" = m."planId")`;
    case 'goal':
      return sql`EXISTS (SELECT 1 FROM "Goal" g WHERE g."number" = ${target.goalNumber}::int AND g."planId" = m."planId")`;
    case 'agendaItem':
      return sql`EXISTS (SELECT 1 FROM "AgendaItem" a WHERE a."id" = ${target.agendaItemId} AND a."meetingId" = m."id")`;
  }
}

/** The stored focus, the agenda it is read against, and whether the target exists: one statement. */
export function focusReadSql(meetingId: string, target?: FocusTarget): Sql {
  return sql`
    SELECT m."focus", ${target ? targetExists(target) : sql`TRUE`} AS "targetExists",
           ARRAY(SELECT a."id" FROM "AgendaItem" a WHERE a."meetingId" = m."id" ORDER BY a."position") AS "agendaIds"
    FROM "Meeting" m WHERE m."id" = ${meetingId}`;
}

/** The focus after the change, and the assignment that stores it with the command's seq. */
export function focusChange(rows: Record<string, unknown>[], change: Partial<MeetingFocus>): { focus: MeetingFocus; setMeeting: Sql } {
  const row = rows[0] as { focus: unknown; targetExists: boolean; agendaIds: string[] } | undefined;
  if (!row?.targetExists) throw new BoardError('focus_target_not_found');
  const focus = { ...readStoredFocus(row.focus, row.agendaIds.map((id) => ({ id }))), ...change };
  return { focus, setMeeting: sql`"focus" = ${JSON.stringify(focus)}::jsonb` };
}

export async function addAgendaItem({ tx, meetingId }: CommandContext, input: { parentId: string; titleTh: string }) {
  const items = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
  const parent = items.find((i) => i.id === input.parentId);
  if (!parent) throw new BoardError('focus_target_not_found');
  const place = placeCustomItem(items, parent.number);
  // Two steps through negative positions, because shifting in place would collide with the unique position.
  await tx.$executeRaw`UPDATE "AgendaItem" SET "position" = -"position" - 1 WHERE "meetingId" = ${meetingId} AND "position" >= ${place.position}`;
  await tx.$executeRaw`UPDATE "AgendaItem" SET "position" = -"position" WHERE "meetingId" = ${meetingId} AND "position" < 0`;
  const created = await tx.agendaItem.create({ data: { meetingId, ...place, kind: 'custom', titleTh: input.titleTh } });
  const agenda = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
  return { item: agendaItemView(created), agenda: agenda.map(agendaItemView) };
}

export async function assignPresenter({ tx, meetingId }: CommandContext, targetId: string) {
  // A record-only row (marked on the attendance page) has nobody on a device to present.
  const target = await tx.participant.findFirst({ where: { id: targetId, meetingId, revokedAt: null, ...SIGNS_IN }, select: { id: true, role: true } });
  if (!target) throw new BoardError('participant_not_found');
  if (target.role === 'chair') throw new BoardError('forbidden');
  const plan = handOver((await currentFocus(tx, meetingId)).handover, { participantId: target.id, role: target.role });
  await changeRoles(tx, plan.roleChanges);
  const focus = await writeFocus(tx, meetingId, (current) => ({ ...current, handover: plan.handover }));
  return { focus, changes: await participantChanges(tx, plan.roleChanges.map((c) => c.participantId)) };
}

export async function reclaimPresenter({ tx, meetingId }: CommandContext) {
  const { handover } = await currentFocus(tx, meetingId);
  if (!handover) throw new BoardError('no_handover');
  await changeRoles(tx, [{ participantId: handover.participantId, role: handover.previousRole }]);
  const focus = await writeFocus(tx, meetingId, (current) => ({ ...current, handover: null }));
  return { focus, changes: await participantChanges(tx, [handover.participantId]) };
}

export async function recordAttendance({ tx, meetingId }: CommandContext, input: { participantId: string; attendance: Attendance }) {
  const { count } = await tx.participant.updateMany({ where: { id: input.participantId, meetingId }, data: { attendance: input.attendance } });
  if (!count) throw new BoardError('participant_not_found');
  return { focus: await currentFocus(tx, meetingId), changes: await participantChanges(tx, [input.participantId]) };
}

/**
 * Ends a participant's access: their sessions stop identifying them, and a presenter handover to them ends (their row
 * goes back to the role they had, so the record stays tidy). Nobody revokes themselves.
 */
export async function revokeParticipant({ tx, meetingId, actor }: CommandContext, targetId: string): Promise<MeetingFocus> {
  if (actor.kind === 'participant' && actor.participantId === targetId) throw new BoardError('forbidden', { reason: 'self' });
  const target = await tx.participant.findFirst({ where: { id: targetId, meetingId, revokedAt: null }, select: { id: true } });
  if (!target) throw new BoardError('participant_not_found');
  const { handover } = await currentFocus(tx, meetingId);
  const role = handover?.participantId === target.id ? { role: handover.previousRole } : {};
  await tx.participant.update({ where: { id: target.id }, data: { revokedAt: new Date(), ...role } });
  return handover?.participantId === target.id ? writeFocus(tx, meetingId, (current) => ({ ...current, handover: null })) : currentFocus(tx, meetingId);
}
