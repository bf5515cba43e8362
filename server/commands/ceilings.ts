// The ceilings commands: set, revert, undo, propose, withdraw and decide. Each answers with the update it made and
// tells the meeting what of it changed (ceilingsBroadcast).
import type { z } from 'zod';
import { ceilingChangePlan, decide, projectFacts, projectFactsSql, propose, undoLastChange, withdraw } from '../db/ceiling-repository.ts';
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

/** Setting a ceiling and reverting it to the request: the presenter's common case, on the pipeline's short path. */
export const setCeilingCommand = sequencedCommand({
  event: 'ceilings:set',
  schema: SetCeilingPayload,
  authority: 'ceiling:set',
  fast: {
    read: (meetingId, { projectId }) => projectFactsSql(meetingId, projectId),
    plan: (ctx, rows, payload) => ceilingChangePlan(ctx, projectFacts(rows, payload.projectId), { ...payload, kind: 'set' }),
  },
});

export const revertCeilingCommand = sequencedCommand({
  event: 'ceilings:revert',
  schema: RevertCeilingPayload,
  authority: 'ceiling:set',
  fast: {
    read: (meetingId, { projectId }) => projectFactsSql(meetingId, projectId),
    plan: (ctx, rows, payload) => {
      const project = projectFacts(rows, payload.projectId);
      return ceilingChangePlan(ctx, project, { ...payload, toBaht: project.requestedBaht, kind: 'revert' });
    },
  },
});

export const CEILINGS_COMMANDS = [
  setCeilingCommand,
  revertCeilingCommand,
  ceilingsCommand('ceilings:undo', UndoCeilingPayload, 'ceiling:set', (ctx) => undoLastChange(ctx)),
  ceilingsCommand('ceilings:propose', ProposeCeilingPayload, 'ceiling:propose', propose),
  ceilingsCommand('ceilings:withdraw', WithdrawProposalPayload, 'ceiling:propose', withdraw),
  ceilingsCommand('ceilings:decide', DecideProposalPayload, 'proposal:decide', decide),
] as const;
