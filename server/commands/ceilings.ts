// The ceilings commands: set, revert, undo, propose, withdraw and decide. Each answers with the update it made and
// tells the meeting what of it changed (ceilingsBroadcast).
import type { z } from 'zod';
import { decide, propose, revertCeiling, setCeiling, undoLastChange, withdraw } from '../db/ceiling-repository.ts';
import type { Action } from '../domain/permissions.ts';
import {
  DecideProposalPayload,
  ProposeCeilingPayload,
  RevertCeilingPayload,
  SetCeilingPayload,
  UndoCeilingPayload,
  WithdrawProposalPayload,
  ceilingsBroadcast,
  type CeilingsUpdate,
} from '../shared/events/ceilings.ts';
import { sequencedCommand, type CommandContext } from './command.ts';

function ceilingsCommand<Schema extends z.ZodType, const Event extends string>(
  event: Event,
  schema: Schema,
  authority: Action,
  write: (ctx: CommandContext, payload: z.infer<Schema>) => Promise<CeilingsUpdate>,
) {
  return sequencedCommand({
    event,
    schema,
    authority,
    run: async (ctx, payload) => {
      const update = await write(ctx, payload);
      return { ack: update, events: [{ type: 'ceilings:updated' as const, payload: ceilingsBroadcast(update) }] };
    },
  });
}

export const CEILINGS_COMMANDS = [
  ceilingsCommand('ceilings:set', SetCeilingPayload, 'ceiling:set', setCeiling),
  ceilingsCommand('ceilings:revert', RevertCeilingPayload, 'ceiling:set', revertCeiling),
  ceilingsCommand('ceilings:undo', UndoCeilingPayload, 'ceiling:set', (ctx) => undoLastChange(ctx)),
  ceilingsCommand('ceilings:propose', ProposeCeilingPayload, 'ceiling:propose', propose),
  ceilingsCommand('ceilings:withdraw', WithdrawProposalPayload, 'ceiling:propose', withdraw),
  ceilingsCommand('ceilings:decide', DecideProposalPayload, 'proposal:decide', decide),
] as const;
