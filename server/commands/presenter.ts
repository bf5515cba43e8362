// The presenter-driven meeting: moving the focus and the agenda, adding agenda items, handing the presenter role over
// and taking it back, and attendance. Role changes are meeting events: delivering one re-authorises that participant's
// open connections (server/realtime/authority-effects.ts).
import { z } from 'zod';
import {
  addAgendaItem,
  assignPresenter,
  focusChange,
  focusReadSql,
  reclaimPresenter,
  recordAttendance,
} from '../db/meeting-state-repository.ts';
import {
  addAgendaItemSchema,
  assignPresenterSchema,
  moveAgendaSchema,
  moveFocusSchema,
  recordAttendanceSchema,
  screenMomentSchema,
  type MeetingFocus,
  type ParticipantChange,
} from '../shared/events/presenter.ts';
import { unrecordedSeq } from '../domain/focus.ts';
import { BoardError } from '../shared/errors.ts';
import { sequencedCommand, type CommandContext } from './command.ts';

/** The focus moved, as a short-path plan: every follower in the room waits on this one. */
function focusMoved(seq: number, rows: Record<string, unknown>[], change: Partial<MeetingFocus>) {
  const { focus, setMeeting } = focusChange(rows, change);
  return { ack: { seq }, event: { type: 'focus:changed' as const, payload: { seq, focus } }, setMeeting };
}
export const participantsChanged = (ctx: CommandContext, changed: { focus: MeetingFocus; changes: ParticipantChange[] }) => ({
  ack: { seq: ctx.seq },
  events: [{ type: 'participants:changed' as const, payload: { seq: ctx.seq, ...changed } }],
});

export const moveFocusCommand = sequencedCommand({
  event: 'focus:move',
  schema: moveFocusSchema,
  authority: 'focus:move',
  fast: {
    read: (meetingId, { view }) => focusReadSql(meetingId, view),
    plan: (ctx, rows, { view }) => focusMoved(ctx.seq, rows, { view }),
  },
});

export const moveAgendaCommand = sequencedCommand({
  event: 'agenda:move',
  schema: moveAgendaSchema,
  authority: 'agenda:move',
  fast: {
    read: (meetingId, { agendaItemId }) => focusReadSql(meetingId, { kind: 'agendaItem', agendaItemId }),
    plan: (ctx, rows, { agendaItemId }) => focusMoved(ctx.seq, rows, { agendaItemId }),
  },
});

export const addAgendaItemCommand = sequencedCommand({
  event: 'agenda:add',
  schema: addAgendaItemSchema,
  authority: 'agenda:add',
  run: async (ctx, payload) => {
    const { item, agenda } = await addAgendaItem(ctx, payload);
    return { ack: { seq: ctx.seq, item }, events: [{ type: 'agenda:changed' as const, payload: { seq: ctx.seq, agenda } }] };
  },
});

export const assignPresenterCommand = sequencedCommand({
  event: 'presenter:assign',
  schema: assignPresenterSchema,
  authority: 'presenter:assign',
  run: async (ctx, { participantId }) => participantsChanged(ctx, await assignPresenter(ctx, participantId)),
});

export const reclaimPresenterCommand = sequencedCommand({
  event: 'presenter:reclaim',
  schema: z.strictObject({}),
  authority: 'presenter:assign',
  run: async (ctx) => participantsChanged(ctx, await reclaimPresenter(ctx)),
});

export const recordAttendanceCommand = sequencedCommand({
  event: 'attendance:record',
  schema: recordAttendanceSchema,
  authority: 'attendance:record',
  run: async (ctx, payload) => participantsChanged(ctx, await recordAttendance(ctx, payload)),
});

/** A moment of the record on the room screen: the record ends at the seq before this command's own. */
export const showMomentCommand = sequencedCommand({
  event: 'screen:show-moment',
  schema: screenMomentSchema,
  authority: 'focus:move',
  fast: {
    read: (meetingId) => focusReadSql(meetingId),
    plan: (ctx, rows, moment) => {
      const field = unrecordedSeq(moment, ctx.seq - 1);
      if (field) throw new BoardError('moment_not_recorded', { field, lastSeq: ctx.seq - 1 });
      return focusMoved(ctx.seq, rows, { moment });
    },
  },
});

export const showLiveCommand = sequencedCommand({
  event: 'screen:show-live',
  schema: z.strictObject({}),
  authority: 'focus:move',
  fast: {
    read: (meetingId) => focusReadSql(meetingId),
    plan: (ctx, rows) => focusMoved(ctx.seq, rows, { moment: undefined }),
  },
});

export const PRESENTER_COMMANDS = [
  moveFocusCommand,
  moveAgendaCommand,
  addAgendaItemCommand,
  assignPresenterCommand,
  reclaimPresenterCommand,
  recordAttendanceCommand,
  showMomentCommand,
  showLiveCommand,
] as const;
