// Adopting the minutes in Postgres: one MinutesAdoption row per meeting whose minutes left the draft (no row is a
// draft), stepped by the commands in server/commands/minutes.ts under the rules of server/domain/minutes-adoption.ts.
// Every write is guarded by the state it read, so two meetings' turns (an adoption at the next meeting, a lock at
// this one) can never both step the same minutes. Locking writes the record: the adopted document as printed, hashed,
// chained to the plan's previous locked minutes and signed with the frame's key, with the PDF beside it.
import type { CommandContext, Tx } from '../commands/command.ts';
import type { Database } from './client.ts';
import type { MinutesAdoption, Prisma } from './generated/client.ts';
import { auditedAs } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import {
  adoptionStep,
  normaliseAmendments,
  sealMinutesRecord,
  verifyMinutesChain,
  type AdoptionHow,
  type AdoptionStep,
  type MinutesRecordBody,
  type MinutesState,
  type StoredMinutesRecord,
} from '../domain/minutes-adoption.ts';
import { sha256Bytes, type FrameVerification } from '../domain/frame-record.ts';
import type { RecordSigner } from '../domain/record-signing.ts';
import { failedVerification } from '../shared/record-verification.ts';
import { currentFocus } from './meeting-state-repository.ts';
import type { MinutesAdoptionView } from '../shared/events/minutes.ts';

/** What locking needs printed: the adopted document's canonical HTML and its PDF, with the adoption on it. */
export interface MinutesPrinter {
  print(meetingId: string, adoption: AdoptionNote): Promise<{ html: string; pdf: Buffer }>;
}

/** How the PDF states the adoption beneath the minutes. */
export interface AdoptionNote {
  how: AdoptionHow;
  adoptedAt: Date;
  adoptedAtMeeting: { number: number; yearBE: number } | null;
  amendments: string[];
}

type Db = Database | Tx;

const HOW_TO_DB = { 'next-meeting': 'next_meeting', circulation: 'circulation' } as const;
const HOW_FROM_DB = { next_meeting: 'next-meeting', circulation: 'circulation' } as const;

async function meetingLine(db: Db, meetingId: string | null): Promise<{ number: number; yearBE: number } | null> {
  if (!meetingId) return null;
  return db.meeting.findUnique({ where: { id: meetingId }, select: { number: true, yearBE: true } });
}

async function viewOf(db: Db, meeting: { id: string; number: number; yearBE: number }, row: MinutesAdoption | null): Promise<MinutesAdoptionView> {
  return {
    meetingId: meeting.id,
    meetingNumber: meeting.number,
    meetingYearBE: meeting.yearBE,
    state: row?.state ?? 'draft',
    circulatedAt: row?.circulatedAt?.toISOString() ?? null,
    circulatedBy: row?.circulatedBy ?? null,
    adoptedAt: row?.adoptedAt?.toISOString() ?? null,
    adoptedBy: row?.adoptedBy ?? null,
    adoptedHow: row?.adoptedHow ? HOW_FROM_DB[row.adoptedHow] : null,
    adoptedAtMeeting: await meetingLine(db, row?.adoptedAtMeetingId ?? null),
    amendments: Array.isArray(row?.amendments) ? (row.amendments as unknown[]).filter((a): a is string => typeof a === 'string') : [],
    lockedAt: row?.lockedAt?.toISOString() ?? null,
    lockedBy: row?.lockedBy ?? null,
    version: row?.version ?? null,
    hash: row?.hash ?? null,
  };
}

/** Where a meeting's minutes stand, or null when there is no such meeting. */
export async function minutesAdoptionOf(db: Db, meetingId: string): Promise<MinutesAdoptionView | null> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { id: true, number: true, yearBE: true, minutesAdoption: true } });
  return meeting && viewOf(db, meeting, meeting.minutesAdoption);
}

/** The state alone, for the documents' access and the board's sections. */
export async function minutesStateOf(db: Db, meetingId: string): Promise<MinutesState> {
  const row = await db.minutesAdoption.findUnique({ where: { meetingId }, select: { state: true } });
  return row?.state ?? 'draft';
}

interface Target {
  meeting: { id: string; planId: string; number: number; yearBE: number; titleTh: string };
  row: MinutesAdoption | null;
  state: MinutesState;
}

async function target(tx: Tx, meetingId: string): Promise<Target> {
  const meeting = await tx.meeting.findUnique({
    where: { id: meetingId },
    select: { id: true, planId: true, number: true, yearBE: true, titleTh: true, minutesAdoption: true },
  });
  if (!meeting) throw new BoardError('meeting_not_found');
  const { minutesAdoption: row, ...rest } = meeting;
  return { meeting: rest, row, state: row?.state ?? 'draft' };
}

/** The meeting whose minutes this meeting's agenda item 2 adopts. */
async function previousOf(tx: Tx, meetingId: string): Promise<string> {
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { previousMeetingId: true } });
  if (!meeting.previousMeetingId) throw new BoardError('minutes_no_previous_meeting');
  return meeting.previousMeetingId;
}

function stepOrRefuse(current: MinutesState, step: AdoptionStep): MinutesState {
  const result = adoptionStep(current, step);
  if (!result.ok) throw new BoardError(result.refusal, { state: current, step: step.kind });
  return result.state;
}

/** The write, if the minutes are still in the state it was decided from; refused as moved on otherwise. */
async function guardedUpdate(tx: Tx, meetingId: string, from: MinutesState, data: Prisma.MinutesAdoptionUpdateManyMutationInput): Promise<void> {
  const { count } = await tx.minutesAdoption.updateMany({ where: { meetingId, state: from }, data });
  if (count !== 1) throw new BoardError('minutes_wrong_state', { state: from });
}

async function changed(ctx: CommandContext, meetingId: string): Promise<MinutesAdoptionView> {
  return (await minutesAdoptionOf(ctx.tx, meetingId))!;
}

export async function circulateMinutes(ctx: CommandContext): Promise<MinutesAdoptionView> {
  const { meeting, state } = await target(ctx.tx, ctx.meetingId);
  stepOrRefuse(state, { kind: 'circulate' });
  // ON CONFLICT DO NOTHING: the row exists only past the draft, so a row already there means someone circulated first.
  const inserted = await ctx.tx.$executeRaw`
    INSERT INTO "MinutesAdoption" ("meetingId", "planId", "state", "circulatedAt", "circulatedBy", "updatedAt")
    VALUES (${meeting.id}, ${meeting.planId}, 'circulated', now(), ${auditedAs(ctx.actor).actorName}, now())
    ON CONFLICT ("meetingId") DO NOTHING`;
  if (inserted !== 1) throw new BoardError('minutes_wrong_state', { state: 'circulated' });
  return changed(ctx, meeting.id);
}

export async function adoptMinutes(ctx: CommandContext, payload: { how: AdoptionHow; amendments: string[] }): Promise<MinutesAdoptionView> {
  let minutesOf = ctx.meetingId;
  let step: AdoptionStep = { kind: 'adopt', how: 'circulation' };
  if (payload.how === 'next-meeting') {
    minutesOf = await previousOf(ctx.tx, ctx.meetingId);
    const [sitting, focus, item] = await Promise.all([
      ctx.tx.meeting.findUniqueOrThrow({ where: { id: ctx.meetingId }, select: { status: true } }),
      currentFocus(ctx.tx, ctx.meetingId),
      ctx.tx.agendaItem.findFirst({ where: { meetingId: ctx.meetingId, kind: 'minutes_approval' }, orderBy: { position: 'asc' }, select: { id: true } }),
    ]);
    step = { kind: 'adopt', how: 'next-meeting', sitting: { status: sitting.status, atMinutesItem: !!item && focus.agendaItemId === item.id } };
  }
  const { state } = await target(ctx.tx, minutesOf);
  stepOrRefuse(state, step);
  await guardedUpdate(ctx.tx, minutesOf, state, {
    state: 'adopted',
    adoptedAt: new Date(),
    adoptedBy: auditedAs(ctx.actor).actorName,
    adoptedHow: HOW_TO_DB[payload.how],
    adoptedAtMeetingId: payload.how === 'next-meeting' ? ctx.meetingId : null,
    amendments: normaliseAmendments(payload.amendments),
  });
  return changed(ctx, minutesOf);
}

export async function lockMinutes(
  ctx: CommandContext,
  payload: { minutesOf: 'this-meeting' | 'previous-meeting' },
): Promise<MinutesAdoptionView> {
  const printer = ctx.minutes;
  const minutesOf = payload.minutesOf === 'previous-meeting' ? await previousOf(ctx.tx, ctx.meetingId) : ctx.meetingId;
  const { meeting, row, state } = await target(ctx.tx, minutesOf);
  stepOrRefuse(state, { kind: 'lock' });
  if (!printer) throw new Error('minutes:lock needs a minutes printer');
  const adopted = await viewOf(ctx.tx, meeting, row);
  const adoptedAt = new Date(adopted.adoptedAt!);
  const { html, pdf } = await printer.print(minutesOf, {
    how: adopted.adoptedHow!,
    adoptedAt,
    adoptedAtMeeting: adopted.adoptedAtMeeting,
    amendments: adopted.amendments,
  });
  const previous = await ctx.tx.minutesAdoption.findFirst({ where: { planId: meeting.planId, state: 'locked' }, orderBy: { version: 'desc' } });
  const body: MinutesRecordBody = {
    version: (previous?.version ?? 0) + 1,
    prevHash: previous?.hash ?? null,
    planId: meeting.planId,
    meetingId: meeting.id,
    meeting: { number: meeting.number, yearBE: meeting.yearBE, titleTh: meeting.titleTh },
    minutesHtml: html,
    amendments: adopted.amendments,
    adoptedHow: adopted.adoptedHow!,
    adoptedAt: adoptedAt.toISOString(),
    adoptedBy: adopted.adoptedBy ?? '',
    adoptedAtMeeting: adopted.adoptedAtMeeting,
    lockedBy: auditedAs(ctx.actor).actorName,
    recordedAt: new Date().toISOString(),
    pdfSha256: sha256Bytes(pdf),
  };
  const { canonical, hash } = sealMinutesRecord(body);
  await guardedUpdate(ctx.tx, minutesOf, state, {
    state: 'locked',
    lockedAt: new Date(body.recordedAt),
    lockedBy: body.lockedBy,
    version: body.version,
    canonical,
    hash,
    prevHash: body.prevHash,
    signature: ctx.signer.sign(canonical),
    pdf: new Uint8Array(pdf),
  });
  return changed(ctx, minutesOf);
}

export interface LockedMinutesView {
  id: string;
  meetingId: string;
  version: number;
  meetingNumber: number;
  meetingYearBE: number;
  hash: string;
  prevHash: string | null;
  signature: string | null;
  lockedAt: string;
}

export function createMinutesRecords(db: Database, signer: RecordSigner) {
  async function rows(meetingId: string) {
    const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { planId: true } });
    if (!meeting) throw new BoardError('meeting_not_found');
    return db.minutesAdoption.findMany({
      where: { planId: meeting.planId, state: 'locked' },
      orderBy: { version: 'asc' },
      include: { meeting: { select: { number: true, yearBE: true } } },
    });
  }
  const stored = (row: Awaited<ReturnType<typeof rows>>[number]): StoredMinutesRecord => ({
    id: row.meetingId,
    version: row.version ?? 0,
    canonical: row.canonical ?? '',
    hash: row.hash ?? '',
    prevHash: row.prevHash,
    signature: row.signature,
    pdf: row.pdf,
  });

  return {
    /** Where this meeting's minutes stand. */
    adoption: (meetingId: string) => minutesAdoptionOf(db, meetingId),

    /** Where the minutes stand that this meeting's agenda item 2 adopts; null when it has no previous meeting. */
    async previousAdoption(meetingId: string): Promise<MinutesAdoptionView | null> {
      const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { previousMeetingId: true } });
      return meeting?.previousMeetingId ? minutesAdoptionOf(db, meeting.previousMeetingId) : null;
    },

    /** The plan's locked minutes, oldest first (the meeting's id names each). */
    async records(meetingId: string): Promise<LockedMinutesView[]> {
      return (await rows(meetingId)).map((row) => ({
        id: row.meetingId,
        meetingId: row.meetingId,
        version: row.version ?? 0,
        meetingNumber: row.meeting.number,
        meetingYearBE: row.meeting.yearBE,
        hash: row.hash ?? '',
        prevHash: row.prevHash,
        signature: row.signature,
        lockedAt: (row.lockedAt ?? row.updatedAt).toISOString(),
      }));
    },

    async verify(meetingId: string): Promise<FrameVerification> {
      return verifyMinutesChain((await rows(meetingId)).map(stored), signer.verify);
    },

    /**
     * This meeting's locked minutes as a download (the PDF, or the signed text), refused, naming the record, when they
     * do not verify; null while they are not locked (the live document is exported instead).
     */
    async exportable(meetingId: string): Promise<{ pdf: Buffer; canonical: string; signature: string | null; number: number; yearBE: number } | null> {
      const all = await rows(meetingId);
      const row = all.find((r) => r.meetingId === meetingId);
      if (!row) return null;
      const check = verifyMinutesChain(all.map(stored), signer.verify).records.find((r) => r.id === meetingId)!;
      if (!check.ok) {
        const { number, yearBE } = row.meeting;
        throw failedVerification(check, { field: `minutes ${number}/${yearBE}`, th: `รายงานการประชุมครั้งที่ ${number}/${yearBE}`, en: `minutes of meeting ${number}/${yearBE}` });
      }
      return { pdf: Buffer.from(row.pdf!), canonical: row.canonical!, signature: row.signature, number: row.meeting.number, yearBE: row.meeting.yearBE };
    },
  };
}

export type MinutesRecords = ReturnType<typeof createMinutesRecords>;
