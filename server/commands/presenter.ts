// The presenter-driven meeting: moving the focus and the agenda, adding agenda items, handing the presenter role over
// and taking it back, and attendance. Role changes are meeting events: delivering one re-authorises that participant's
// open connections (server/realtime/authority-effects.ts).
import { z } from 'zod';
import { addAgendaItem, assignPresenter, moveAgenda, moveFocus, reclaimPresenter, recordAttendance } from '../db/meeting-state-repository.ts';
import {
  addAgendaItemSchema,
  assignPresenterSchema,
  moveAgendaSchema,
  moveFocusSchema,
  recordAttendanceSchema,
  type MeetingFocus,
  type ParticipantChange,
} from '../shared/events/presenter.ts';
import { sequencedCommand, type CommandContext } from './command.ts';

const focusChanged = (seq: number, focus: MeetingFocus) => ({ ack: { seq }, events: [{ type: 'focus:changed' as const, payload: { seq, focus } }] });
const participantsChanged = (ctx: CommandContext, changed: { focus: MeetingFocus; changes: ParticipantChange[] }) => ({
  ack: { seq: ctx.seq },
  events: [{ type: 'participants:changed' as const, payload: { seq: ctx.seq, ...changed } }],
});

export const moveFocusCommand = sequencedCommand({
  event: 'focus:move',
  schema: moveFocusSchema,
  authority: 'focus:move',
  run: async (ctx, { view }) => focusChanged(ctx.seq, await moveFocus(ctx, view)),
});

export const moveAgendaCommand = sequencedCommand({
  event: 'agenda:move',
  schema: moveAgendaSchema,
  authority: 'agenda:move',
  run: async (ctx, { agendaItemId }) => focusChanged(ctx.seq, await moveAgenda(ctx, agendaItemId)),
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

export const PRESENTER_COMMANDS = [
  moveFocusCommand,
  moveAgendaCommand,
  addAgendaItemCommand,
  assignPresenterCommand,
  reclaimPresenterCommand,
  recordAttendanceCommand,
] as const;
