// Ceilings on the wire: set, propose, decide, revert, undo and history, and the one broadcast that carries every change.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';
import type { CeilingChangeView, CeilingHistoryEntry, ProposalView } from '../board.ts';
import type { FrameTotals } from '../../domain/totals.ts';

const id = z.string().min(1).max(64);
const version = z.number().int().min(1);
/** The amount is checked by the domain rules, which name what is wrong with it (negative, fractional, too large). */
const amount = z.number();
const reason = z.string().max(500).default('');

export const SetCeilingPayload = z.strictObject({ projectId: id, toBaht: amount, expectedVersion: version, reason });
export const ProposeCeilingPayload = z.strictObject({ projectId: id, proposedBaht: amount, baseVersion: version, reason });
export const DecideProposalPayload = z.strictObject({
  proposalId: id,
  decision: z.enum(['accept', 'reject']),
  /** The project's version the decider sees: accepting against an older one is a conflict. */
  expectedVersion: version,
  /** Why: the proposer reads it beside the outcome. */
  reason,
});
export const RevertCeilingPayload = z.strictObject({ projectId: id, expectedVersion: version, reason });
export const UndoCeilingPayload = z.strictObject({});
export const WithdrawProposalPayload = z.strictObject({ proposalId: id });
export const CeilingHistoryPayload = z.strictObject({ projectId: id });

export type SetCeilingInput = z.input<typeof SetCeilingPayload>;
export type ProposeCeilingInput = z.input<typeof ProposeCeilingPayload>;
export type DecideProposalInput = z.input<typeof DecideProposalPayload>;
export type RevertCeilingInput = z.input<typeof RevertCeilingPayload>;

/**
 * One sequenced change to the ceilings: a ceiling moved (with the totals after it), a proposal opened, proposals
 * closed, or several of these at once (accepting a proposal moves the ceiling and closes the others on that project).
 */
export interface CeilingsUpdate {
  seq: number;
  change?: CeilingChangeView;
  totals?: FrameTotals;
  proposed?: ProposalView;
  closed?: ProposalClosure[];
}

/** A proposal that ended, and how: who ended it, when and why, so that the proposer sees what became of it. */
export interface ProposalClosure {
  id: string;
  projectId: string;
  proposerId: string;
  status: 'accepted' | 'rejected' | 'withdrawn' | 'superseded';
  decidedByName: string;
  decidedAt: string;
  reason: string;
}

export interface CeilingsClientEvents {
  'ceilings:set': (payload: SetCeilingInput, ack: AckCallback<CeilingsUpdate>) => void;
  'ceilings:propose': (payload: ProposeCeilingInput, ack: AckCallback<CeilingsUpdate>) => void;
  'ceilings:decide': (payload: DecideProposalInput, ack: AckCallback<CeilingsUpdate>) => void;
  'ceilings:withdraw': (payload: z.input<typeof WithdrawProposalPayload>, ack: AckCallback<CeilingsUpdate>) => void;
  'ceilings:revert': (payload: RevertCeilingInput, ack: AckCallback<CeilingsUpdate>) => void;
  /** Undoes the sender's own last ceiling change, if nobody has changed that project since. */
  'ceilings:undo': (payload: Record<string, never>, ack: AckCallback<CeilingsUpdate>) => void;
  /** Every change to one project's ceiling, newest first. */
  'ceilings:history': (payload: { projectId: string }, ack: AckCallback<CeilingHistoryEntry[]>) => void;
}

/**
 * A moved ceiling as the meeting hears of it: the project, the amount before and after (the totals move by the
 * difference), the version the next change must name, and who moved it (the board flashes it with their name).
 */
export type CeilingMove = Pick<CeilingChangeView, 'projectId' | 'kind' | 'fromBaht' | 'toBaht' | 'versionAfter' | 'actorId' | 'actorName'>;

/**
 * What the meeting is sent of a ceilings update, and what the event log keeps: only what changed. The sender's
 * acknowledgement has the whole update (the audit row, the totals); every board keeps its own totals by the
 * difference, so none needs them on the wire. A thousand receivers of a ceiling change get about 200 bytes each
 * instead of 1.2 KB.
 */
export interface CeilingsBroadcast {
  seq: number;
  change?: CeilingMove;
  proposed?: ProposalView;
  closed?: CeilingsUpdate['closed'];
}

export function ceilingsBroadcast({ seq, change, proposed, closed }: CeilingsUpdate): CeilingsBroadcast {
  return {
    seq,
    ...(change && {
      change: {
        projectId: change.projectId,
        kind: change.kind,
        fromBaht: change.fromBaht,
        toBaht: change.toBaht,
        versionAfter: change.versionAfter,
        actorId: change.actorId,
        actorName: change.actorName,
      },
    }),
    ...(proposed && { proposed }),
    ...(closed?.length && { closed }),
  };
}

export interface CeilingsServerEvents {
  'ceilings:updated': (update: CeilingsBroadcast) => void;
}
