// The what-if sandbox on the wire: a participant's own, answered to them alone and never broadcast. Each change is one
// operation (server/domain/sandbox.ts); the answer is the sandbox's edits after it, which the board lays over the live
// ceilings with the same pure module.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';
import type { SandboxEdit } from '../../domain/sandbox.ts';

const id = z.string().min(1).max(64);
/** As many project ids as fit a Socket.io message (MAX_SOCKET_MESSAGE_BYTES), with room to spare. */
export const SANDBOX_SELECTION_MAX = 2_000;
const projectIds = z.array(id).max(SANDBOX_SELECTION_MAX);
/** Amounts and percentages are checked by the domain, which says what is wrong with them. */
const amount = z.number();

export const SandboxOperationPayload = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set'), projectId: id, toBaht: amount }),
  z.strictObject({ kind: z.literal('percent'), projectIds, percent: z.number() }),
  z.strictObject({ kind: z.literal('bring'), projectIds, toBaht: amount }),
  z.strictObject({ kind: z.literal('fit'), projectIds }),
  z.strictObject({ kind: z.literal('discard'), projectIds }),
]);
export const SandboxChangePayload = z.strictObject({ operation: SandboxOperationPayload });

export interface SandboxState {
  edits: SandboxEdit[];
  /** The projects a helper held at their request because the plan allows nothing above it. */
  heldAtRequest: string[];
}

export interface SandboxClientEvents {
  /** The sender's sandbox as stored, rebased on the live board. */
  'sandbox:load': (payload: Record<string, never>, ack: AckCallback<SandboxState>) => void;
  /** One change to the sender's sandbox; nobody else hears of it. */
  'sandbox:change': (payload: z.input<typeof SandboxChangePayload>, ack: AckCallback<SandboxState>) => void;
  /** Empties the sender's sandbox. */
  'sandbox:clear': (payload: Record<string, never>, ack: AckCallback<SandboxState>) => void;
}
