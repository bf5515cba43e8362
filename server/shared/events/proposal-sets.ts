// Proposed sets on the wire: several ceiling changes proposed as one (server/domain/proposal-sets.ts), decided whole,
// in part or not at all, and the one broadcast that carries each step to every board.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';
import type { SetLine } from '../../domain/proposal-sets.ts';
import type { FrameTotals } from '../../domain/totals.ts';
import type { CeilingMove, ProposalClosure } from './ceilings.ts';
import { SANDBOX_SELECTION_MAX } from './sandbox.ts';

const id = z.string().min(1).max(64);
const version = z.number().int().min(1);
const reason = z.string().max(500).default('');

/** The proposer's sandbox as changes: the amount is checked by the domain rules, which name what is wrong with it. */
export const ProposeSetPayload = z.strictObject({
  changes: z.array(z.strictObject({ projectId: id, toBaht: z.number(), baseVersion: version })).max(SANDBOX_SELECTION_MAX),
  reason,
});
export const DecideSetPayload = z.discriminatedUnion('decision', [
  /** `projectIds`: the part accepted (the lines without conflicts, or a ticked subset); the whole set when absent. */
  z.strictObject({ setId: id, decision: z.literal('accept'), projectIds: z.array(id).max(SANDBOX_SELECTION_MAX).optional(), reason }),
  z.strictObject({ setId: id, decision: z.literal('reject'), reason }),
]);
export const WithdrawSetPayload = z.strictObject({ setId: id });

/** A pending set as everyone sees it: who proposed it and why, and each project's ceiling then and proposed. */
export interface ProposalSetView {
  id: string;
  proposerId: string;
  proposerName: string;
  reason: string;
  createdAt: string;
  lines: SetLine[];
}

/** A set that ended, and how: who ended it, when, why, and which of its projects were taken (accepted only). */
export interface SetClosure {
  id: string;
  proposerId: string;
  status: 'accepted' | 'rejected' | 'withdrawn' | 'superseded';
  decidedByName: string;
  decidedAt: string;
  reason: string;
  acceptedProjectIds: string[];
}

/**
 * One sequenced step of the sets: a set proposed (closing the proposer's earlier one), or a set closed; accepting one
 * also moves its ceilings (one audit row each, all under this seq) and supersedes the single proposals on them.
 */
export interface SetsChanged {
  seq: number;
  proposed?: ProposalSetView;
  closed?: SetClosure[];
  changes?: CeilingMove[];
  closedProposals?: ProposalClosure[];
}

/** The sender's acknowledgement: the broadcast, and the board's totals after an accepted set. */
export interface SetsUpdate extends SetsChanged {
  totals?: FrameTotals;
}

export interface ProposalSetsClientEvents {
  'sets:propose': (payload: z.input<typeof ProposeSetPayload>, ack: AckCallback<SetsUpdate>) => void;
  'sets:decide': (payload: z.input<typeof DecideSetPayload>, ack: AckCallback<SetsUpdate>) => void;
  'sets:withdraw': (payload: z.input<typeof WithdrawSetPayload>, ack: AckCallback<SetsUpdate>) => void;
}

export interface ProposalSetsServerEvents {
  'sets:changed': (update: SetsChanged) => void;
}
