// The one path every sequenced change takes, from Socket.io and HTTP alike:
//   rate limit → payload schema → one transaction { the meeting's turn (next seq, row lock), the actor's current
//   authority, the feature's write, the event rows } → commit → delivery to the meeting in seq order.
// Commands declared with `fast` first try the same in two round trips on the plain pg pool (fast-path.ts).
// Expected refusals are BoardErrors, thrown to the caller; the transport turns them into its own typed reply.
import type pg from 'pg';
import type { z } from 'zod';
import type { Database } from '../db/client.ts';
import { can } from '../domain/permissions.ts';
import { phaseRefusal, type MeetingStatus } from '../domain/meeting-phase.ts';
import { BoardError } from '../shared/errors.ts';
import { refuseNulText } from '../shared/nul-text.ts';
import { ROLES, isRole } from '../shared/roles.ts';
import type { Action } from '../domain/permissions.ts';
import type { Actor, ActingActor, ActingParticipant, OrganiserActor, ParticipantActor } from '../shared/actor.ts';
import type { CommandOutcome, SequencedCommand, Tx } from './command.ts';
import { readWithTurn, writeStatement, type FastPath, type TurnRow } from './fast-path.ts';
import { prepared } from '../db/sql.ts';
import type { Delivery } from '../realtime/delivery.ts';
import type { SequencedEvent } from '../shared/events/sequenced.ts';
import { EVENTS_CHANNEL } from '../cluster/event-notifications.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { RecordSigner } from '../domain/record-signing.ts';
import type { MinutesPrinter } from '../db/minutes-adoption-repository.ts';

/** Throws BoardError('rate_limited') when the actor has sent too much of this command. */
export type CommandLimiter = (actor: Actor, event: string) => Promise<void>;

/** Whether an organiser may do `action` in the meeting, read in the command's transaction. */
export type OrganiserAuthority = (tx: Tx, organiser: OrganiserActor, meetingId: string, action: Action) => Promise<boolean>;

export interface CommandPipelineDeps {
  db: Database;
  /** The plain pg pool the short path runs on. */
  pool: pg.Pool;
  delivery: Pick<Delivery, 'reserve' | 'release' | 'deliver'>;
  limiter?: CommandLimiter;
  organiserAuthority?: OrganiserAuthority;
  /**
   * With several instances: the NOTIFY payload that tells the others of the events, sent by the statement or the
   * transaction that writes them, so that it reaches them exactly when (and only if) the events commit.
   */
  announce?: (meetingId: string, events: readonly SequencedEvent[]) => string;
  /** Signs the records a command writes (the agreed frame); the key never enters the database. */
  signer: RecordSigner;
  /** Prints adopted minutes for the record that locks them. */
  minutes?: MinutesPrinter;
}

export interface ExecuteOptions {
  /** For organisers: the meeting they act on (a participant always acts in their own). */
  meetingId?: string;
  /**
   * Aborted when the caller was already answered (the database stopped answering, shutdown): a command that gets
   * its turn after that rolls back instead of landing a change its sender was told had failed.
   */
  signal?: AbortSignal;
}

export interface CommandPipeline {
  /**
   * Runs one command for one actor and resolves to its acknowledgement once committed (and handed to the delivery).
   */
  execute<Schema extends z.ZodType, Ack>(command: SequencedCommand<Schema, Ack>, actor: Actor, input: unknown, options?: ExecuteOptions): Promise<Ack>;
}

export function invalidPayload(error: z.ZodError): BoardError {
  return new BoardError('invalid_payload', error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

/** Refuses what the meeting's phase does not allow now (scheduled, in session, closed), whoever asks. */
function inPhase(status: MeetingStatus, action: Action): void {
  const refusal = phaseRefusal(status, action);
  if (refusal) throw new BoardError(refusal, { action, status });
}

/** How many times the short path reads again after another command took the seq it read, before taking the lock. */
const OPTIMISTIC_ATTEMPTS = 3;

/** The participant as stored now, allowed to do `action`, or the refusal that says why not. */
function authorised(actor: ParticipantActor, stored: { role: string | null; revokedAt: Date | null; displayName: string | null } | undefined, action: Action): ActingParticipant {
  if (!stored?.role) throw new BoardError('unauthenticated');
  if (stored.revokedAt) throw new BoardError('participant_revoked');
  if (!isRole(stored.role) || !can(stored.role, action)) throw new BoardError('forbidden', { action });
  return { ...actor, displayName: stored.displayName ?? actor.displayName, role: stored.role };
}

export function createCommandPipeline(deps: CommandPipelineDeps): CommandPipeline {
  const { db, pool, delivery } = deps;
  // A meeting's commands take turns in this process too. Postgres serialises them anyway (the row lock, the seq
  // guard), and does so across instances; queueing here as well means a burst does not send every command to race
  // for the same seq (the short path would mostly lose and retry) or hold a pooled connection while it waits on the
  // row lock (the transaction pool would run dry). Other meetings are not held up.
  const turns = new Map<string, Promise<unknown>>();
  function queued<T>(meetingId: string, run: () => Promise<T>): Promise<T> {
    const result = (turns.get(meetingId) ?? Promise.resolve()).then(run);
    const settled = result.then(
      () => {},
      () => {},
    );
    turns.set(meetingId, settled);
    void settled.then(() => {
      if (turns.get(meetingId) === settled) turns.delete(meetingId);
    });
    return result;
  }

  async function takeTurn(tx: Tx, actor: Actor, meetingId: string, action: Action): Promise<{ seq: number; acting: ActingActor }> {
    if (actor.kind === 'organiser') {
      const [turn] = await tx.$queryRaw<{ seq: number; status: MeetingStatus }[]>`
        UPDATE "Meeting" SET "seq" = "seq" + 1 WHERE "id" = ${meetingId} RETURNING "seq", "status"::text AS "status"`;
      if (!turn) throw new BoardError('meeting_not_found');
      if (!(await deps.organiserAuthority?.(tx, actor, meetingId, action))) throw new BoardError('forbidden', { action });
      inPhase(turn.status, action);
      return { seq: turn.seq, acting: actor };
    }
    // The participant is read after the meeting's row lock is granted, and FOR SHARE makes Postgres read the newest
    // version of the row even if it changed while this statement waited: a role handed over or revoked by the command
    // just before this one is what this one sees.
    const [row] = await tx.$queryRaw<{ seq: number; status: MeetingStatus; role: string; revokedAt: Date | null; displayName: string }[]>`
      WITH turn AS (UPDATE "Meeting" SET "seq" = "seq" + 1 WHERE "id" = ${meetingId} RETURNING "id", "seq", "status")
      SELECT t."seq", t."status"::text AS "status", p."role"::text AS "role", p."revokedAt", p."displayName"
      FROM turn t JOIN "Participant" p ON p."id" = ${actor.participantId} AND p."meetingId" = t."id"
      FOR SHARE OF p`;
    if (!row && !(await tx.meeting.count({ where: { id: meetingId } }))) throw new BoardError('meeting_not_found');
    const acting = authorised(actor, row, action);
    inPhase(row!.status, action);
    return { seq: row!.seq, acting };
  }

  /** A `fast` command inside the transaction: the same read, plan and write, with the turn already taken. */
  function lockedRun<Payload, Ack>(fast: FastPath<Payload, Ack>) {
    return async (ctx: Parameters<NonNullable<SequencedCommand['run']>>[0], payload: Payload): Promise<CommandOutcome<Ack>> => {
      const read = fast.read(ctx.meetingId, payload).render();
      const rows = await ctx.tx.$queryRawUnsafe<Record<string, unknown>[]>(read.text, ...read.values);
      const plan = fast.plan(ctx, rows, payload);
      const write = writeStatement({ meetingId: ctx.meetingId, plan }).render();
      const written = await ctx.tx.$queryRawUnsafe<unknown[]>(write.text, ...write.values);
      if (written.length === 0) throw plan.guard?.refusal ?? new Error(`${plan.event.type}: the write took no turn`);
      return { ack: plan.ack, events: [plan.event] };
    };
  }

  /**
   * The short path: read with the seq, plan, write if the seq has not moved. The ack once written, or null when
   * others kept taking the seq first (the transaction then runs it).
   */
  async function optimistic<Payload, Ack>(
    command: SequencedCommand<z.ZodType, Ack>,
    fast: FastPath<Payload, Ack>,
    actor: ParticipantActor,
    meetingId: string,
    payload: Payload,
    signal: AbortSignal | undefined,
  ): Promise<{ ack: Ack } | null> {
    const roles = ROLES.filter((role) => can(role, command.authority));
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const { rows } = await pool.query<TurnRow & Record<string, unknown>>(prepared(readWithTurn(meetingId, actor.participantId, fast.read(meetingId, payload))));
      const turn = rows[0];
      if (!turn) throw new BoardError('meeting_not_found');
      const stored = { role: turn.actorRole, revokedAt: turn.actorRevokedAt, displayName: turn.actorName };
      const acting = authorised(actor, stored, command.authority);
      // The phase cannot change behind this read: opening and closing take the seq, which the write checks.
      inPhase(turn.turnStatus, command.authority);
      const seq = turn.turnSeq + 1;
      const plan = fast.plan({ meetingId, seq, actor: acting }, rows.filter((row) => row.readRow), payload);
      if (signal?.aborted) throw new BoardError('database_unavailable');
      delivery.reserve(meetingId, seq);
      try {
        const write = writeStatement({
          meetingId,
          plan,
          optimistic: { seenSeq: turn.turnSeq, participantId: actor.participantId, roles },
          notify: deps.announce && { channel: EVENTS_CHANNEL, payload: deps.announce(meetingId, [plan.event]) },
        });
        const { rowCount } = await pool.query(prepared(write));
        if (rowCount) {
          delivery.deliver(meetingId, [plan.event]);
          return { ack: plan.ack };
        }
      } finally {
        delivery.release(meetingId, seq);
      }
    }
    return null;
  }

  /** The command in one transaction: the turn, the authority, the body, the event rows; delivered after commit. */
  async function inTransaction<Ack>(
    command: SequencedCommand<z.ZodType, Ack>,
    actor: Actor,
    meetingId: string,
    payload: unknown,
    signal: AbortSignal | undefined,
  ): Promise<Ack> {
    const run = command.run ?? lockedRun(command.fast!);
    const reserved: number[] = [];
    try {
      const { ack, events } = await db.$transaction(
        async (tx) => {
          const { seq, acting } = await takeTurn(tx, actor, meetingId, command.authority);
          if (signal?.aborted) throw new BoardError('database_unavailable');
          delivery.reserve(meetingId, seq);
          reserved.push(seq);
          const outcome = await run({ tx, meetingId, seq, actor: acting, signer: deps.signer, minutes: deps.minutes }, payload);
          if (outcome.events.length === 0) throw new Error(`${command.event} committed no event: every sequenced command tells the meeting what changed`);
          outcome.events.forEach((event, index) => {
            if (event.payload.seq !== seq + index) throw new Error(`${command.event}: event ${index} carries seq ${event.payload.seq}, expected ${seq + index}`);
          });
          const extra = outcome.events.length - 1;
          if (extra > 0) {
            await tx.$executeRaw`UPDATE "Meeting" SET "seq" = "seq" + ${extra}::int WHERE "id" = ${meetingId}`;
            for (let i = 1; i <= extra; i++) {
              delivery.reserve(meetingId, seq + i);
              reserved.push(seq + i);
            }
          }
          await tx.meetingEvent.createMany({
            data: outcome.events.map((event) => ({
              meetingId,
              seq: event.payload.seq,
              type: event.type,
              payload: event.payload as unknown as Prisma.InputJsonValue,
            })),
          });
          if (deps.announce) await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${deps.announce(meetingId, outcome.events)})`;
          return outcome;
        },
        command.timeoutMs ? { timeout: command.timeoutMs } : undefined,
      );
      delivery.deliver(meetingId, events);
      return ack;
    } finally {
      for (const seq of reserved) delivery.release(meetingId, seq);
    }
  }

  return {
    async execute(command, actor, input, { meetingId: meetingIdOption, signal } = {}) {
      const meetingId = actor.kind === 'participant' ? actor.meetingId : meetingIdOption;
      if (!meetingId) throw new BoardError('meeting_not_found');
      if (actor.kind === 'participant' && meetingIdOption !== undefined && meetingIdOption !== meetingId) throw new BoardError('wrong_meeting');
      await deps.limiter?.(actor, command.event);
      refuseNulText(input);
      const parsed = command.schema.safeParse(input);
      if (!parsed.success) throw invalidPayload(parsed.error);
      return queued(meetingId, async () => {
        // Answered while it waited (the database stopped answering, shutdown): it must not land now.
        if (signal?.aborted) throw new BoardError('database_unavailable');
        if (command.fast && actor.kind === 'participant') {
          const landed = await optimistic(command, command.fast, actor, meetingId, parsed.data, signal);
          if (landed) return landed.ack;
        }
        return inTransaction(command, actor, meetingId, parsed.data, signal);
      });
    },
  };
}
