// The pipeline's short path, for the commands everyone in the room waits on (a ceiling set, the presenter's focus):
// two round trips on the plain pg pool instead of a Prisma transaction. Such a command is declared as a read (one
// statement) and a plan (what to write, decided in memory by the domain rules); the pipeline writes the plan in one
// autocommitted statement that takes the meeting's next seq only if the seq is still the one it read and the actor
// still holds a role that may act, together with the writes and the event row, atomically and durably.
// Every sequenced change bumps the meeting's seq, so "the seq has not moved" means "nothing the plan read has
// changed" (project lists are per plan: a second meeting of the same plan moving the same project at the same moment
// is what `guard` catches). When the seq has moved, the read and plan run again; after a few losses the same read,
// plan and write run in the transaction, under the meeting's lock.
import type { ActingActor } from '../shared/actor.ts';
import type { MeetingStatus } from '../domain/meeting-phase.ts';
import type { BoardError } from '../shared/errors.ts';
import type { SequencedEvent } from '../shared/events/sequenced.ts';
import { joinSql, sql, type Sql } from '../db/sql.ts';

export interface FastContext {
  meetingId: string;
  /** The seq this command's event takes. */
  seq: number;
  actor: ActingActor;
}

export interface FastPlan<Ack> {
  ack: Ack;
  event: SequencedEvent;
  /** Assignments made on the meeting's row with the seq, e.g. sql`"focus" = ${json}::jsonb`. */
  setMeeting?: Sql;
  /** A condition the rows written must still meet, and the refusal when they do not. */
  guard?: { condition: Sql; refusal: BoardError };
  /** CTEs that write, each reading FROM "turn" (the seq taken), so that they run only when the turn was taken. */
  writes?: Sql;
}

export interface FastPath<Payload, Ack> {
  /** One statement that reads what `plan` needs. */
  read(meetingId: string, payload: Payload): Sql;
  /** Decides from the rows read, by the rules the transaction would apply; throws a BoardError to refuse. */
  plan(ctx: FastContext, rows: Record<string, unknown>[], payload: Payload): FastPlan<Ack>;
}

export interface TurnRow {
  turnSeq: number;
  turnStatus: MeetingStatus;
  actorRole: string | null;
  actorRevokedAt: Date | null;
  actorName: string | null;
}

/** The read, with the meeting's seq and the actor as stored beside it, from one snapshot; `readRow` marks the read's own rows. */
export function readWithTurn(meetingId: string, participantId: string, read: Sql): Sql {
  return sql`
    SELECT t.*, f.* FROM (
      SELECT m."seq" AS "turnSeq", m."status"::text AS "turnStatus", actor."role"::text AS "actorRole", actor."revokedAt" AS "actorRevokedAt",
             actor."displayName" AS "actorName"
      FROM "Meeting" m LEFT JOIN "Participant" actor ON actor."id" = ${participantId} AND actor."meetingId" = m."id"
      WHERE m."id" = ${meetingId}) t
    LEFT JOIN LATERAL (SELECT TRUE AS "readRow", q.* FROM (${read}) q) f ON TRUE`;
}

/**
 * The write in one statement. `optimistic`: the turn is taken only if the seq is still `seenSeq` and the actor still
 * holds one of `roles`, and the event row is appended here too. Otherwise the transaction already holds the turn
 * (seq taken, authority read) and appends the event itself. No row back: not written (seq moved, or `guard` failed).
 */
export function writeStatement(input: {
  meetingId: string;
  plan: FastPlan<unknown>;
  optimistic?: { seenSeq: number; participantId: string; roles: readonly string[] };
  /** Sent by the same statement once the event row is written (only on the optimistic path, which writes it). */
  notify?: { channel: string; payload: string };
}): Sql {
  const { meetingId, plan, optimistic, notify } = input;
  const set = [optimistic ? sql`"seq" = m."seq" + 1` : sql`"id" = m."id"`, ...(plan.setMeeting ? [plan.setMeeting] : [])];
  const conditions = [
    sql`m."id" = ${meetingId}`,
    ...(optimistic
      ? [
          sql`m."seq" = ${optimistic.seenSeq}::int`,
          sql`EXISTS (SELECT 1 FROM "Participant" p WHERE p."id" = ${optimistic.participantId} AND p."meetingId" = m."id"
                      AND p."revokedAt" IS NULL AND p."role"::text = ANY(${optimistic.roles}::text[]))`,
        ]
      : []),
    ...(plan.guard ? [plan.guard.condition] : []),
  ];
  const event = plan.event;
  const logged = optimistic
    ? sql`, logged AS (INSERT INTO "MeetingEvent" ("meetingId", "seq", "type", "payload")
            SELECT ${meetingId}, turn."seq", ${event.type}, ${JSON.stringify(event.payload)}::jsonb FROM turn RETURNING "seq")`
    : sql``;
  return sql`
    WITH turn AS (
      UPDATE "Meeting" m SET ${joinSql(set, ', ')} WHERE ${joinSql(conditions, ' AND ')}
      RETURNING ${event.payload.seq}::int AS "seq")
    ${plan.writes ? sql`, ${plan.writes}` : sql``}
    ${logged}
    SELECT "seq"${optimistic && notify ? sql`, pg_notify(${notify.channel}, ${notify.payload})` : sql``} FROM ${optimistic ? sql`logged` : sql`turn`}`;
}
