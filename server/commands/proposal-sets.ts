// The proposed-set commands: propose a sandbox as one set, decide it (whole, in part, or not), withdraw it. Each tells
// the meeting in one sets:changed event under its one seq.
import type { z } from 'zod';
import { decideSet, proposeSet, withdrawSet } from '../db/proposal-set-repository.ts';
import type { Action } from '../domain/permissions.ts';
import { DecideSetPayload, ProposeSetPayload, WithdrawSetPayload, type SetsUpdate } from '../shared/events/proposal-sets.ts';
import { sequencedCommand, type CommandContext } from './command.ts';

function setsCommand<Schema extends z.ZodType, const Event extends string>(
  event: Event,
  schema: Schema,
  authority: Action,
  write: (ctx: CommandContext, payload: z.infer<Schema>) => Promise<SetsUpdate>,
) {
  return sequencedCommand({
    event,
    schema,
    authority,
    run: async (ctx, payload) => {
      const { totals, ...broadcast } = await write(ctx, payload);
      return { ack: { ...broadcast, totals }, events: [{ type: 'sets:changed' as const, payload: broadcast }] };
    },
  });
}

/** Proposing a set is proposing: the same permission as a single proposal, and the proposer alone withdraws it. */
export const PROPOSAL_SET_COMMANDS = [
  setsCommand('sets:propose', ProposeSetPayload, 'ceiling:propose', proposeSet),
  setsCommand('sets:withdraw', WithdrawSetPayload, 'ceiling:propose', withdrawSet),
  setsCommand('sets:decide', DecideSetPayload, 'proposal:decide', decideSet),
] as const;
