// Adopting the minutes: the secretary circulates the draft, the chair adopts it (at the next meeting's agenda item 2
// or by circulation), the secretary locks it as a signed record. Each tells the meeting that ran it in one
// minutes:adoption-changed event; minutes adopted at the next meeting are that meeting's command.
import { adoptMinutes, circulateMinutes, lockMinutes } from '../db/minutes-adoption-repository.ts';
import { AdoptMinutesPayload, CirculateMinutesPayload, LockMinutesPayload, type MinutesAdoptionView } from '../shared/events/minutes.ts';
import { sequencedCommand, type CommandContext } from './command.ts';

function told(ctx: CommandContext, adoption: MinutesAdoptionView) {
  return { ack: adoption, events: [{ type: 'minutes:adoption-changed' as const, payload: { seq: ctx.seq, adoption } }] };
}

export const circulateMinutesCommand = sequencedCommand({
  event: 'minutes:circulate',
  schema: CirculateMinutesPayload,
  authority: 'minutes:circulate',
  run: async (ctx) => told(ctx, await circulateMinutes(ctx)),
});

export const adoptMinutesCommand = sequencedCommand({
  event: 'minutes:adopt',
  schema: AdoptMinutesPayload,
  authority: 'minutes:adopt',
  run: async (ctx, payload) => told(ctx, await adoptMinutes(ctx, payload)),
});

export const lockMinutesCommand = sequencedCommand({
  event: 'minutes:lock',
  schema: LockMinutesPayload,
  authority: 'minutes:lock',
  // The adopted minutes are printed (Chromium) in the turn, so that the record holds exactly the PDF it signs.
  timeoutMs: 60_000,
  run: async (ctx, payload) => told(ctx, await lockMinutes(ctx, payload)),
});

export const MINUTES_COMMANDS = [circulateMinutesCommand, adoptMinutesCommand, lockMinutesCommand] as const;
