// What a feature declares for each sequenced command, in the manner of Actual's `mutator(fn)`: the event it answers,
// the payload's schema, the permission it needs and the body that writes. The pipeline (pipeline.ts) does the rest:
// the rate limit, the schema, the actor's current authority, the meeting's next seq, the event rows and the delivery.
// A body never takes a seq, checks a role or emits anything itself.
import type { z } from 'zod';
import type { Prisma } from '../db/generated/client.ts';
import type { Action } from '../domain/permissions.ts';
import type { SequencedEvent } from '../shared/events/sequenced.ts';
import type { ActingActor } from '../shared/actor.ts';
import type { FastPath } from './fast-path.ts';
import type { RecordSigner } from '../domain/record-signing.ts';
import type { MinutesPrinter } from '../db/minutes-adoption-repository.ts';

export type Tx = Prisma.TransactionClient;

/** What a command's body works with: its transaction, already holding the meeting's turn. */
export interface CommandContext {
  tx: Tx;
  meetingId: string;
  /**
   * The seq of the command's first event. Taking it locked the meeting's row, so the meeting's commands run one at a
   * time and each reads what the one before it committed; a second event of the same command carries `seq + 1`.
   */
  seq: number;
  /** Who acts, with the role stored now (not the one they connected with). */
  actor: ActingActor;
  /** Signs a record the command writes, as it is written (records cannot be updated afterwards). */
  signer: RecordSigner;
  /** Prints adopted minutes for their record (minutes:lock); absent where no printer runs. */
  minutes?: MinutesPrinter;
}

export interface CommandOutcome<Ack> {
  /** What the sender is acknowledged with, once committed. */
  ack: Ack;
  /** What the meeting is told, in order: the first carries `ctx.seq`, the next `ctx.seq + 1`, and so on. */
  events: SequencedEvent[];
}

export interface SequencedCommand<Schema extends z.ZodType = z.ZodType, Ack = unknown, Event extends string = string> {
  /** The Socket.io event that runs it; HTTP callers name the command by the same string. */
  event: Event;
  schema: Schema;
  /** The permission (server/domain/permissions.ts) the actor's current role must grant. */
  authority: Action;
  /** For bodies that write a lot at once (an import); otherwise Prisma's 5 s. */
  timeoutMs?: number;
  /** The body, in the transaction. A command declares this or `fast`, not both. */
  run?(ctx: CommandContext, payload: z.infer<Schema>): Promise<CommandOutcome<Ack>>;
  /** The body as a read and a plan, for the two-round-trip path (fast-path.ts); the transaction runs the same. */
  fast?: FastPath<z.infer<Schema>, Ack>;
}

/** Declares a command; the identity function is there so that TypeScript infers the payload and the ack from it. */
export function sequencedCommand<Schema extends z.ZodType, Ack, const Event extends string>(
  command: SequencedCommand<Schema, Ack, Event>,
): SequencedCommand<Schema, Ack, Event> {
  if (!command.run === !command.fast) throw new Error(`${command.event}: declare run or fast, one of them`);
  return command;
}

export type AckOf<C> = C extends SequencedCommand<z.ZodType, infer Ack, string> ? Ack : never;
export type InputOf<C> = C extends SequencedCommand<infer Schema, unknown, string> ? z.input<Schema> : never;
