// The project list after the plan's first decision, on the wire: a project added, withdrawn or its request corrected,
// each one command (server/commands/project-list.ts) and one projects:changed broadcast carrying the project as the
// board shows it afterwards.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';
import type { IntegrationType, ProjectView } from '../board.ts';
import type { ProjectChangeKind } from '../../domain/project-list.ts';
import type { ProposalClosure } from './ceilings.ts';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
/** The amount is checked by the domain rules, which name what is wrong with it (fractional, zero, too large). */
const amount = z.number();
/** Required by the rules (reason_required), so that an empty one is refused in words, not as a bad payload. */
const reason = z.string().max(500).default('');

export const INTEGRATION_TYPES = ['system_data', 'budget'] as const satisfies readonly IntegrationType[];

export const AddProjectPayload = z.strictObject({
  code: text(40),
  nameTh: text(500),
  nameEn: z.string().trim().max(500).default(''),
  summaryTh: z.string().trim().max(5000).default(''),
  /** An agency the board knows, by its code. */
  agencyCode: text(64),
  approachCode: text(16),
  integrationType: z.enum(INTEGRATION_TYPES),
  requestedBaht: amount,
  reason,
});
export const WithdrawProjectPayload = z.strictObject({ projectId: id, reason });
export const CorrectRequestPayload = z.strictObject({ projectId: id, requestedBaht: amount, reason });

export type AddProjectInput = z.input<typeof AddProjectPayload>;
export type WithdrawProjectInput = z.input<typeof WithdrawProjectPayload>;
export type CorrectRequestInput = z.input<typeof CorrectRequestPayload>;

/** One change of the list as every board hears it: the project afterwards, and the proposals it closed. */
export interface ProjectsChanged {
  seq: number;
  kind: ProjectChangeKind;
  project: ProjectView;
  reason: string;
  actorName: string;
  /** A withdrawn project's pending proposals, closed by the withdrawal (its pending sets close in a sets:changed). */
  closedProposals?: ProposalClosure[];
}

export interface ProjectListClientEvents {
  'projects:add': (payload: AddProjectInput, ack: AckCallback<ProjectsChanged>) => void;
  'projects:withdraw': (payload: WithdrawProjectInput, ack: AckCallback<ProjectsChanged>) => void;
  'projects:correct-request': (payload: CorrectRequestInput, ack: AckCallback<ProjectsChanged>) => void;
}

export interface ProjectListServerEvents {
  'projects:changed': (event: ProjectsChanged) => void;
}
