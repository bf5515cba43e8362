// The agreed frame: the secretary prepares a draft computed from the board, the chair confirms exactly that draft, and
// the record is written once (a trigger refuses UPDATE and DELETE on "FrameRecord").
//
// A preparation (FramePreparation) is the hash of the draft the secretary saw, who prepared it and when. Confirming
// recomputes the draft from the database and refuses unless its hash is the prepared one, so the chair confirms what
// the secretary prepared or nothing. Both are commands (server/commands/frame.ts): they run in the meeting's turn.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import type { Prisma } from './generated/client.ts';
import type { CommandContext } from '../commands/command.ts';
import { auditedAs, type ActingActor } from '../shared/actor.ts';
import {
  canonicalize,
  frameContent,
  sealFrameRecord,
  sha256Hex,
  verifyFrameChain,
  type FrameContent,
  type FrameRecordBody,
  type FrameRecordCheck,
  type FrameVerification,
} from '../domain/frame-record.ts';
import { BoardError } from '../shared/errors.ts';
import { failedVerification } from '../shared/record-verification.ts';
import type { RecordSigner } from '../domain/record-signing.ts';
import type { FramePreparationView } from '../shared/events/frame.ts';

export interface FrameDraft {
  content: FrameContent;
  draftHash: string;
  /** Why it could not be recorded now, if it could not; the chair sees it before confirming. */
  blocker: 'frame_proposals_pending' | 'frame_resolutions_missing' | 'frame_over_frame' | null;
}

export type Preparation = FramePreparationView;

export interface FrameRecordView {
  id: string;
  version: number;
  hash: string;
  prevHash: string | null;
  createdAt: string;
  /** Null when the stored text no longer parses (verification names it). */
  body: FrameRecordBody | null;
  /** Ed25519 over the canonical text, hex; null for a record made before the board signed records. */
  signature: string | null;
}

type Tx = Database | Prisma.TransactionClient;

async function computeDraft(tx: Tx, meetingId: string): Promise<FrameDraft> {
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, include: { plan: true } });
  if (!meeting) throw new BoardError('meeting_not_found');
  const [projects, resolutions, participants, agenda, pending] = await Promise.all([
    // A withdrawn project is not part of the agreed frame: it is neither listed nor waits for a resolution.
    tx.project.findMany({ where: { planId: meeting.planId, withdrawnAt: null }, orderBy: { position: 'asc' }, include: { agency: true, approach: { include: { goal: true } } } }),
    tx.resolution.findMany({ where: { meetingId, status: 'confirmed' } }),
    tx.participant.findMany({ where: { meetingId, revokedAt: null }, orderBy: { joinedAt: 'asc' } }),
    tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } }),
    tx.proposal.count({ where: { meetingId, status: 'pending' } }),
  ]);
  const byProject = new Map(resolutions.filter((r) => r.projectId).map((r) => [r.projectId!, r]));
  const agendaNumber = new Map(agenda.map((a) => [a.id, a.number]));
  const content = frameContent({
    planId: meeting.planId,
    fiscalYearBE: meeting.plan.fiscalYearBE,
    meetingId,
    frameBaht: bahtFromDb(meeting.plan.frameBaht),
    projects: projects.map((p) => ({
      code: p.code,
      nameTh: p.nameTh,
      agencyNameTh: p.agency.nameTh,
      goalNumber: p.approach.goal.number,
      approachCode: p.approach.code,
      requestedBaht: bahtFromDb(p.requestedBaht),
      ceilingBaht: bahtFromDb(p.ceilingBaht),
      // Missing resolutions block the record below; 'deferred' stands in only so the draft can still be shown.
      outcome: byProject.get(p.id)?.outcome ?? 'deferred',
    })),
    participants: participants.map((p) => ({ displayName: p.displayName, role: p.role })),
    agendaResolutions: resolutions
      .filter((r) => r.agendaItemId)
      .map((r) => ({ agendaNumber: agendaNumber.get(r.agendaItemId!) ?? '', outcome: r.outcome, textTh: r.textTh })),
  });
  const blocker =
    pending > 0
      ? 'frame_proposals_pending'
      : projects.some((p) => !byProject.has(p.id))
        ? 'frame_resolutions_missing'
        : content.totals.remainingBaht < 0
          ? 'frame_over_frame'
          : null;
  return { content, draftHash: sha256Hex(canonicalize(content)), blocker };
}

type FrameRecordRow = { id: string; version: number; hash: string; prevHash: string | null; createdAt: Date; canonical: string; signature: string | null };

function recordView(row: FrameRecordRow): FrameRecordView {
  return {
    id: row.id,
    version: row.version,
    hash: row.hash,
    prevHash: row.prevHash,
    createdAt: row.createdAt.toISOString(),
    body: parseBody(row.canonical),
    signature: row.signature,
  };
}

function parseBody(canonical: string): FrameRecordBody | null {
  try {
    return JSON.parse(canonical) as FrameRecordBody;
  } catch {
    return null;
  }
}

/** Who the frame records name as having prepared or confirmed it: the participant, or the organiser. */
function actorId(actor: ActingActor): string {
  return actor.kind === 'participant' ? actor.participantId : actor.organiserId;
}

function preparationView(row: { draftHash: string; preparedById: string; preparedByName: string; preparedAt: Date }): Preparation {
  return { draftHash: row.draftHash, preparedById: row.preparedById, preparedByName: row.preparedByName, preparedAt: row.preparedAt.toISOString() };
}

/** The secretary's preparation: the draft as the board stands in this turn, refused while it cannot be recorded. */
export async function prepareFrame({ tx, meetingId, actor }: CommandContext): Promise<{ draft: FrameDraft; preparation: Preparation }> {
  const draft = await computeDraft(tx, meetingId);
  if (draft.blocker) throw new BoardError(draft.blocker);
  const data = { draftHash: draft.draftHash, preparedById: actorId(actor), preparedByName: auditedAs(actor).actorName, preparedAt: new Date() };
  const row = await tx.framePreparation.upsert({ where: { meetingId }, create: { meetingId, ...data }, update: data });
  return { draft, preparation: preparationView(row) };
}

/** Writes the next version of the plan's frame, if the board still equals the prepared draft the chair saw. */
export async function confirmFrame({ tx, meetingId, actor, signer }: CommandContext, draftHash: string): Promise<FrameRecordView> {
  const preparation = await tx.framePreparation.findUnique({ where: { meetingId } });
  if (!preparation) throw new BoardError('frame_not_prepared');
  const draft = await computeDraft(tx, meetingId);
  if (draft.blocker) throw new BoardError(draft.blocker);
  if (draft.draftHash !== preparation.draftHash || draftHash !== preparation.draftHash) throw new BoardError('frame_draft_changed');
  const previous = await tx.frameRecord.findFirst({ where: { planId: draft.content.planId }, orderBy: { version: 'desc' } });
  const body: FrameRecordBody = {
    version: (previous?.version ?? 0) + 1,
    content: draft.content,
    preparedBy: preparation.preparedByName,
    confirmedBy: auditedAs(actor).actorName,
    recordedAt: new Date().toISOString(),
    prevHash: previous?.hash ?? null,
  };
  const { canonical, hash } = sealFrameRecord(body);
  const record = await tx.frameRecord.create({
    data: {
      planId: draft.content.planId,
      meetingId,
      version: body.version,
      canonical,
      hash,
      signature: signer.sign(canonical),
      prevHash: body.prevHash,
      preparedById: preparation.preparedById,
      confirmedById: actorId(actor),
    },
  });
  await tx.framePreparation.delete({ where: { meetingId } });
  return recordView(record);
}

export function createFrameService(db: Database, signer: RecordSigner) {
  async function planOf(meetingId: string): Promise<string> {
    const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { planId: true } });
    if (!meeting) throw new BoardError('meeting_not_found');
    return meeting.planId;
  }

  async function rowsOf(meetingId: string): Promise<FrameRecordRow[]> {
    return db.frameRecord.findMany({ where: { planId: await planOf(meetingId) }, orderBy: { version: 'asc' } });
  }

  return {
    draft: (meetingId: string) => computeDraft(db, meetingId),

    async preparation(meetingId: string): Promise<Preparation | null> {
      const row = await db.framePreparation.findUnique({ where: { meetingId } });
      return row && preparationView(row);
    },

    async records(meetingId: string): Promise<FrameRecordView[]> {
      return (await rowsOf(meetingId)).map(recordView);
    },

    async verify(meetingId: string): Promise<FrameVerification> {
      return verifyFrameChain(await rowsOf(meetingId), signer.verify);
    },

    /**
     * The record a download is made from (the newest, or `version`) with its exact canonical text, refused when it
     * does not verify: a record that fails is never exported as if it were good.
     */
    async exportable(meetingId: string, version?: number): Promise<{ record: FrameRecordView & { body: FrameRecordBody }; canonical: string; check: FrameRecordCheck }> {
      const rows = await rowsOf(meetingId);
      const row = version === undefined ? rows.at(-1) : rows.find((r) => r.version === version);
      if (!row) throw new BoardError('frame_not_recorded');
      const check = verifyFrameChain(rows, signer.verify).records.find((r) => r.id === row.id)!;
      const record = recordView(row);
      if (!check.ok || !record.body) {
        throw failedVerification(check, { field: `frame v${check.version}`, th: `กรอบวงเงินที่ตกลง ฉบับที่ ${check.version}`, en: `agreed frame version ${check.version}` });
      }
      return { record: { ...record, body: record.body }, canonical: row.canonical, check };
    },

    /** The public half of the signing key, for the verify page and the key's download. */
    signingKey: { keyId: signer.keyId, publicKeyPem: signer.publicKeyPem },
  };
}

export type FrameService = ReturnType<typeof createFrameService>;
