// Ceiling commands: check the sender's role, run the change in its transaction, broadcast the committed update to the
// meeting, and acknowledge it to the sender.
import type { Identity } from '../auth/identity.ts';
import type { CeilingRepository } from '../db/ceiling-repository.ts';
import { can, type Action } from '../domain/permissions.ts';
import { BoardError } from '../shared/errors.ts';
import {
  CeilingHistoryPayload,
  DecideProposalPayload,
  ProposeCeilingPayload,
  RevertCeilingPayload,
  SetCeilingPayload,
  UndoCeilingPayload,
  WithdrawProposalPayload,
  type CeilingsUpdate,
} from '../shared/events/ceilings.ts';
import { command } from './command.ts';
import { meetingRoom, type FeatureHandlers } from './socket-server.ts';

function requirePermission(identity: Identity, action: Action): void {
  if (!can(identity.role, action)) throw new BoardError('forbidden', { action });
}

export function ceilingsHandlers(deps: { ceilings: CeilingRepository }): FeatureHandlers {
  const { ceilings } = deps;
  // One meeting's changes run one at a time in this process: the database would serialise them anyway (they all take
  // the meeting's sequence), and queueing here also sends the broadcasts in sequence order, so clients see no gaps.
  const queues = new Map<string, Promise<unknown>>();
  function inTurn<T>(meetingId: string, run: () => Promise<T>): Promise<T> {
    const result = (queues.get(meetingId) ?? Promise.resolve()).then(run);
    const settled = result.then(
      () => {},
      () => {},
    );
    queues.set(meetingId, settled);
    void settled.then(() => {
      if (queues.get(meetingId) === settled) queues.delete(meetingId);
    });
    return result;
  }

  return (socket, io) => {
    const { identity } = socket.data;
    const { meetingId } = identity;

    /** A sequenced change: refused before it queues if the role may not make it; broadcast before it is acknowledged. */
    const change = (action: Action, write: () => Promise<CeilingsUpdate>, signal: AbortSignal) => {
      requirePermission(identity, action);
      return inTurn(meetingId, async () => {
        // The sender was answered while this waited behind a change the database never finished: it must not land now.
        if (signal.aborted) throw new BoardError('database_unavailable');
        const update = await write();
        io.to(meetingRoom(meetingId)).emit('ceilings:updated', update);
        return update;
      });
    };

    socket.on('ceilings:set', command(SetCeilingPayload, (p, { signal }) => change('ceiling:set', () => ceilings.setCeiling(identity, p), signal)));
    socket.on('ceilings:revert', command(RevertCeilingPayload, (p, { signal }) => change('ceiling:set', () => ceilings.revertCeiling(identity, p), signal)));
    socket.on('ceilings:undo', command(UndoCeilingPayload, (_, { signal }) => change('ceiling:set', () => ceilings.undoLastChange(identity), signal)));
    socket.on('ceilings:propose', command(ProposeCeilingPayload, (p, { signal }) => change('ceiling:propose', () => ceilings.propose(identity, p), signal)));
    socket.on('ceilings:withdraw', command(WithdrawProposalPayload, (p, { signal }) => change('ceiling:propose', () => ceilings.withdraw(identity, p), signal)));
    socket.on('ceilings:decide', command(DecideProposalPayload, (p, { signal }) => change('proposal:decide', () => ceilings.decide(identity, p), signal)));
    socket.on(
      'ceilings:history',
      command(CeilingHistoryPayload, async ({ projectId }) => {
        requirePermission(identity, 'board:read');
        return ceilings.history(meetingId, projectId);
      }),
    );
  };
}
