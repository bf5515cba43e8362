// Each participant's what-if sandbox, one row per participant: read and changed in one transaction that holds the
// row, so that two tabs of the same person cannot lose each other's change. The participant's role, the meeting's
// phase and the live board are read in that transaction too: what the handshake said is only who, never what they may.
import { can } from '../domain/permissions.ts';
import { phaseRefusal, type MeetingStatus } from '../domain/meeting-phase.ts';
import { isProjectResolved } from '../domain/ceilings.ts';
import { applyOperation, rebase, type LiveBoard, type SandboxEdit, type SandboxOperation } from '../domain/sandbox.ts';
import { isRole } from '../shared/roles.ts';
import { BoardError } from '../shared/errors.ts';
import type { SandboxState } from '../shared/events/sandbox.ts';
import { bahtFromDb, type Database } from './client.ts';
import type { Prisma } from './generated/client.ts';

type Tx = Prisma.TransactionClient;

export interface SandboxOwner {
  meetingId: string;
  participantId: string;
}

/** Refuses a participant who may not keep a sandbox now: revoked, a role without it, or the meeting closed. */
async function authorise(tx: Tx, owner: SandboxOwner): Promise<void> {
  const [row] = await tx.$queryRaw<{ role: string; revokedAt: Date | null; status: MeetingStatus }[]>`
    SELECT p."role"::text AS "role", p."revokedAt", m."status"::text AS "status"
    FROM "Participant" p JOIN "Meeting" m ON m."id" = p."meetingId"
    WHERE p."id" = ${owner.participantId} AND p."meetingId" = ${owner.meetingId}`;
  if (!row) throw new BoardError('unauthenticated');
  if (row.revokedAt) throw new BoardError('participant_revoked');
  if (!isRole(row.role) || !can(row.role, 'whatif:sandbox')) throw new BoardError('forbidden', { action: 'whatif:sandbox' });
  const refusal = phaseRefusal(row.status, 'whatif:sandbox');
  if (refusal) throw new BoardError(refusal, { action: 'whatif:sandbox', status: row.status });
}

/** The meeting's live ceilings as the sandbox needs them, in the board's order. */
export async function liveBoard(tx: Tx | Database, meetingId: string): Promise<LiveBoard> {
  const rows = await tx.$queryRaw<
    {
      id: string;
      goalNumber: number;
      approachCode: string;
      requestedBaht: bigint;
      ceilingBaht: bigint;
      version: number;
      resolutionStatuses: string[];
      frameBaht: bigint;
      allowAboveRequest: boolean;
    }[]
  >`
    SELECT p."id", g."number" AS "goalNumber", a."code" AS "approachCode", p."requestedBaht", p."ceilingBaht", p."version",
           ARRAY(SELECT r."status"::text FROM "Resolution" r WHERE r."projectId" = p."id") AS "resolutionStatuses",
           pl."frameBaht", pl."allowAboveRequest"
    FROM "Meeting" m
    JOIN "Plan" pl ON pl."id" = m."planId"
    JOIN "Project" p ON p."planId" = pl."id"
    JOIN "Approach" a ON a."id" = p."approachId"
    JOIN "Goal" g ON g."id" = a."goalId"
    WHERE m."id" = ${meetingId} AND p."withdrawnAt" IS NULL
    ORDER BY p."position", p."id"`;
  const plan = rows[0] ?? (await tx.$queryRaw<{ frameBaht: bigint; allowAboveRequest: boolean }[]>`
    SELECT pl."frameBaht", pl."allowAboveRequest" FROM "Meeting" m JOIN "Plan" pl ON pl."id" = m."planId" WHERE m."id" = ${meetingId}`)[0];
  if (!plan) throw new BoardError('meeting_not_found');
  return {
    frameBaht: bahtFromDb(plan.frameBaht),
    allowAboveRequest: plan.allowAboveRequest,
    lines: rows.map((row) => ({
      projectId: row.id,
      goalNumber: row.goalNumber,
      approachCode: row.approachCode,
      requestedBaht: bahtFromDb(row.requestedBaht),
      ceilingBaht: bahtFromDb(row.ceilingBaht),
      version: row.version,
      resolved: isProjectResolved(row.resolutionStatuses),
    })),
  };
}

/** The stored edits, the row held until the transaction ends. */
async function heldEdits(tx: Tx, owner: SandboxOwner): Promise<SandboxEdit[]> {
  await tx.$executeRaw`
    INSERT INTO "WhatIfSandbox" ("participantId", "meetingId", "edits", "updatedAt")
    VALUES (${owner.participantId}, ${owner.meetingId}, '[]'::jsonb, now()) ON CONFLICT ("participantId") DO NOTHING`;
  const [row] = await tx.$queryRaw<{ edits: SandboxEdit[] }[]>`
    SELECT "edits" FROM "WhatIfSandbox" WHERE "participantId" = ${owner.participantId} FOR UPDATE`;
  return row!.edits;
}

async function store(tx: Tx, owner: SandboxOwner, edits: SandboxEdit[]): Promise<void> {
  await tx.whatIfSandbox.update({ where: { participantId: owner.participantId }, data: { edits: edits as unknown as Prisma.InputJsonValue } });
}

/** The participant's sandbox rebased on the live board as it is now. */
export function loadSandbox(db: Database, owner: SandboxOwner): Promise<SandboxState> {
  return db.$transaction(async (tx) => {
    await authorise(tx, owner);
    const [row] = await tx.$queryRaw<{ edits: SandboxEdit[] }[]>`SELECT "edits" FROM "WhatIfSandbox" WHERE "participantId" = ${owner.participantId}`;
    return { edits: row ? rebase(row.edits, await liveBoard(tx, owner.meetingId)) : [], heldAtRequest: [] };
  });
}

/** One operation on the participant's sandbox; a refusal writes nothing. */
export function changeSandbox(db: Database, owner: SandboxOwner, operation: SandboxOperation): Promise<SandboxState> {
  return db.$transaction(async (tx) => {
    await authorise(tx, owner);
    const edits = await heldEdits(tx, owner);
    const result = applyOperation(edits, await liveBoard(tx, owner.meetingId), operation);
    if (!result.ok) throw new BoardError(result.code, result.details);
    await store(tx, owner, result.edits);
    return { edits: result.edits, heldAtRequest: result.heldAtRequest };
  });
}

export function clearSandbox(db: Database, owner: SandboxOwner): Promise<SandboxState> {
  return db.$transaction(async (tx) => {
    await authorise(tx, owner);
    await tx.whatIfSandbox.deleteMany({ where: { participantId: owner.participantId } });
    return { edits: [], heldAtRequest: [] };
  });
}
