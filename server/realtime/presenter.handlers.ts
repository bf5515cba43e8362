// The presenter-driven meeting: moving the focus and the agenda, handing the presenter role over, attendance, and who
// follows. Every change to meeting state takes the meeting's next sequence number in the transaction that makes it.
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { FocusTarget, FocusWrites } from '../db/focus-writes.ts';
import { nextMeetingSeq } from '../db/meeting-seq.ts';
import { can, type Action } from '../domain/permissions.ts';
import { canAddAgendaItem, handOver, placeCustomItem, readStoredFocus } from '../domain/focus.ts';
import { BoardError } from '../shared/errors.ts';
import { ROLES, type Role } from '../shared/roles.ts';
import type { AgendaItemView } from '../shared/board.ts';
import {
  addAgendaItemSchema,
  assignPresenterSchema,
  moveAgendaSchema,
  moveFocusSchema,
  recordAttendanceSchema,
  reportFollowSchema,
  meetingFocusSchema,
  type FocusView,
  type MeetingFocus,
  type ParticipantChange,
} from '../shared/events/presenter.ts';
import { command } from './command.ts';
import type { PresenceTracker } from './presence.ts';
import { meetingRoom, type BoardServer, type FeatureHandlers } from './socket-server.ts';

type Tx = Prisma.TransactionClient;

const agendaView = ({ id, position, number, kind, titleTh }: AgendaItemView): AgendaItemView => ({ id, position, number, kind, titleTh });

export function presenterHandlers(deps: { db: Database; focusWrites: FocusWrites; presence: PresenceTracker }): FeatureHandlers {
  const { db, focusWrites, presence } = deps;

  return (socket, io) => {
    const { meetingId, participantId } = socket.data.identity;
    const room = meetingRoom(meetingId);

    presence.connected(meetingId, participantId);
    socket.on('disconnect', () => presence.disconnected(meetingId, participantId));
    // Joining the board is joining online; the chair or the secretary marks who sits in the room.
    void db.participant
      .updateMany({ where: { id: participantId, attendance: null }, data: { attendance: 'online' } })
      .then(({ count }) => count && presence.changed(meetingId))
      .catch((error) => console.error('attendance failed', error));

    /** The role as stored now, not as it was when this socket connected: the chair may have handed it over since. */
    async function authorise(tx: Tx, allowed: Action | ((role: Role) => boolean)): Promise<Role> {
      const me = await tx.participant.findUnique({ where: { id: participantId }, select: { role: true, revokedAt: true } });
      if (!me || me.revokedAt) throw new BoardError('participant_revoked');
      const ok = typeof allowed === 'function' ? allowed(me.role) : can(me.role, allowed);
      if (!ok) throw new BoardError('forbidden');
      return me.role;
    }

    async function currentFocus(tx: Tx): Promise<MeetingFocus> {
      const meeting = await tx.meeting.findUniqueOrThrow({
        where: { id: meetingId },
        select: { focus: true, agendaItems: { orderBy: { position: 'asc' }, select: { id: true } } },
      });
      return readStoredFocus(meeting.focus, meeting.agendaItems);
    }

    /** Takes the next seq first: its row lock serialises focus changes, so none is lost to a concurrent one. */
    async function writeFocus(tx: Tx, change: (focus: MeetingFocus) => MeetingFocus) {
      const seq = await nextMeetingSeq(tx, meetingId);
      const focus = change(await currentFocus(tx));
      await tx.meeting.update({ where: { id: meetingId }, data: { focus: focus as unknown as Prisma.InputJsonValue } });
      return { seq, focus };
    }

    async function assertViewExists(tx: Tx, view: FocusView) {
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { planId: true } });
      const found =
        view.kind === 'overview'
          ? 1
          : view.kind === 'project'
            ? await tx.project.count({ where: { id: view.projectId, planId: meeting.planId } })
            : view.kind === 'approach'
              ? await tx.approach.count({ where: { code: view.approachCode, goal: { planId: meeting.planId } } })
              : await tx.goal.count({ where: { number: view.goalNumber, planId: meeting.planId } });
      if (!found) throw new BoardError('focus_target_not_found');
    }

    /**
     * The presenter's common case in one statement, because every follower waits on it. Null when it did not apply
     * (no focus stored yet, or a refusal): the transactional path then does the work, or says which refusal it is.
     */
    async function patchFocusAtOnce(action: Action, patch: Partial<MeetingFocus>, target: FocusTarget) {
      const roles = ROLES.filter((role) => can(role, action));
      const row = await focusWrites.patch({ meetingId, participantId, roles, patch, target });
      return row ? { seq: row.seq, focus: meetingFocusSchema.parse(row.focus) } : null;
    }

    async function changeRoles(tx: Tx, changes: { participantId: string; role: Role }[]) {
      for (const change of changes) await tx.participant.update({ where: { id: change.participantId }, data: { role: change.role } });
    }

    async function announceParticipants(seq: number, focus: MeetingFocus, ids: string[]) {
      const rows = await db.participant.findMany({ where: { id: { in: ids } }, select: { id: true, role: true, attendance: true } });
      const changes: ParticipantChange[] = rows.map((r) => ({ participantId: r.id, role: r.role, attendance: r.attendance }));
      await refreshIdentities(io, room, changes);
      io.to(room).emit('participants:changed', { seq, focus, changes });
      presence.changed(meetingId);
    }

    socket.on(
      'focus:move',
      command(moveFocusSchema, async ({ view }) => {
        const { seq, focus } =
          (await patchFocusAtOnce('focus:move', { view }, view)) ??
          (await db.$transaction(async (tx) => {
            await authorise(tx, 'focus:move');
            await assertViewExists(tx, view);
            return writeFocus(tx, (current) => ({ ...current, view }));
          }));
        io.to(room).emit('focus:changed', { seq, focus });
        return { seq };
      }),
    );

    socket.on(
      'agenda:move',
      command(moveAgendaSchema, async ({ agendaItemId }) => {
        const { seq, focus } =
          (await patchFocusAtOnce('agenda:move', { agendaItemId }, { kind: 'agendaItem', agendaItemId })) ??
          (await db.$transaction(async (tx) => {
            await authorise(tx, 'agenda:move');
            if (!(await tx.agendaItem.count({ where: { id: agendaItemId, meetingId } }))) throw new BoardError('focus_target_not_found');
            return writeFocus(tx, (current) => ({ ...current, agendaItemId }));
          }));
        io.to(room).emit('focus:changed', { seq, focus });
        return { seq };
      }),
    );

    socket.on(
      'agenda:add',
      command(addAgendaItemSchema, async ({ parentId, titleTh }) => {
        const { seq, item, agenda } = await db.$transaction(async (tx) => {
          await authorise(tx, canAddAgendaItem);
          const seq = await nextMeetingSeq(tx, meetingId);
          const items = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
          const parent = items.find((i) => i.id === parentId);
          if (!parent) throw new BoardError('focus_target_not_found');
          const place = placeCustomItem(items, parent.number);
          // Two steps through negative positions, because shifting in place would collide with the unique position.
          await tx.$executeRaw`UPDATE "AgendaItem" SET "position" = -"position" - 1 WHERE "meetingId" = ${meetingId} AND "position" >= ${place.position}`;
          await tx.$executeRaw`UPDATE "AgendaItem" SET "position" = -"position" WHERE "meetingId" = ${meetingId} AND "position" < 0`;
          const created = await tx.agendaItem.create({ data: { meetingId, ...place, kind: 'custom', titleTh } });
          const agenda = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
          return { seq, item: agendaView(created), agenda: agenda.map(agendaView) };
        });
        io.to(room).emit('agenda:changed', { seq, agenda });
        return { seq, item };
      }),
    );

    socket.on(
      'presenter:assign',
      command(assignPresenterSchema, async ({ participantId: targetId }) => {
        const { seq, focus, touched } = await db.$transaction(async (tx) => {
          await authorise(tx, 'presenter:assign');
          const target = await tx.participant.findFirst({ where: { id: targetId, meetingId, revokedAt: null }, select: { id: true, role: true } });
          if (!target) throw new BoardError('participant_not_found');
          if (target.role === 'chair') throw new BoardError('forbidden');
          const plan = handOver((await currentFocus(tx)).handover, { participantId: target.id, role: target.role });
          await changeRoles(tx, plan.roleChanges);
          const written = await writeFocus(tx, (current) => ({ ...current, handover: plan.handover }));
          return { ...written, touched: plan.roleChanges.map((c) => c.participantId) };
        });
        await announceParticipants(seq, focus, touched);
        return { seq };
      }),
    );

    socket.on(
      'presenter:reclaim',
      command(z.object({}).strict(), async () => {
        const { seq, focus, handover } = await db.$transaction(async (tx) => {
          await authorise(tx, 'presenter:assign');
          const { handover } = await currentFocus(tx);
          if (!handover) throw new BoardError('no_handover');
          await changeRoles(tx, [{ participantId: handover.participantId, role: handover.previousRole }]);
          return { ...(await writeFocus(tx, (current) => ({ ...current, handover: null }))), handover };
        });
        await announceParticipants(seq, focus, [handover.participantId]);
        return { seq };
      }),
    );

    socket.on(
      'attendance:record',
      command(recordAttendanceSchema, async ({ participantId: targetId, attendance }) => {
        const { seq, focus } = await db.$transaction(async (tx) => {
          await authorise(tx, 'attendance:record');
          const { count } = await tx.participant.updateMany({ where: { id: targetId, meetingId }, data: { attendance } });
          if (!count) throw new BoardError('participant_not_found');
          return { seq: await nextMeetingSeq(tx, meetingId), focus: await currentFocus(tx) };
        });
        await announceParticipants(seq, focus, [targetId]);
        return { seq };
      }),
    );

    socket.on(
      'follow:report',
      command(reportFollowSchema, async ({ following }) => {
        presence.reportFollow(meetingId, participantId, following);
        return {};
      }),
    );

    socket.on('presence:list', command(z.object({}).strict(), () => presence.list(meetingId)));
  };
}

/** Open sockets keep the identity they connected with; a role change must reach them too. */
async function refreshIdentities(io: BoardServer, room: string, changes: ParticipantChange[]) {
  const roles = new Map(changes.map((c) => [c.participantId, c.role]));
  for (const socket of await io.in(room).fetchSockets()) {
    const role = roles.get(socket.data.identity.participantId);
    if (role) socket.data.identity = { ...socket.data.identity, role };
  }
}
