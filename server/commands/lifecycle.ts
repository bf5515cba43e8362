// Opening and closing a meeting. The pipeline has already checked that the phase allows the step (meeting-phase.ts);
// the body records the moment it happened, the real เริ่มประชุมเวลา or เลิกประชุมเวลา.
import { transition } from '../domain/meeting-phase.ts';
import { auditedAs } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import { closeMeetingSchema, openMeetingSchema, type MeetingPhaseChanged } from '../shared/events/lifecycle.ts';
import { sequencedCommand, type CommandContext } from './command.ts';

async function step(ctx: CommandContext, which: 'open' | 'close') {
  const meeting = await ctx.tx.meeting.findUniqueOrThrow({ where: { id: ctx.meetingId }, select: { status: true } });
  const next = transition(meeting.status, which, new Date());
  if (!next.ok) throw new BoardError(next.refusal);
  const stored = await ctx.tx.meeting.update({
    where: { id: ctx.meetingId },
    data: { status: next.status, ...next.set },
    select: { status: true, openedAt: true, closedAt: true },
  });
  const payload: MeetingPhaseChanged = {
    seq: ctx.seq,
    status: stored.status,
    openedAt: stored.openedAt?.toISOString() ?? null,
    closedAt: stored.closedAt?.toISOString() ?? null,
    changedBy: auditedAs(ctx.actor).actorName,
  };
  return { ack: payload, events: [{ type: 'meeting:phase-changed' as const, payload }] };
}

export const openMeetingCommand = sequencedCommand({
  event: 'meeting:open',
  schema: openMeetingSchema,
  authority: 'meeting:open',
  run: (ctx) => step(ctx, 'open'),
});

export const closeMeetingCommand = sequencedCommand({
  event: 'meeting:close',
  schema: closeMeetingSchema,
  authority: 'meeting:close',
  run: (ctx) => step(ctx, 'close'),
});

export const LIFECYCLE_COMMANDS = [openMeetingCommand, closeMeetingCommand] as const;
