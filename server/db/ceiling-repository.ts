// Ceilings in Postgres: every change is validated against facts read inside its command's transaction (which holds the
// meeting's turn, see server/commands/pipeline.ts) and written with its audit row under the command's seq.
import type { CommandContext } from '../commands/command.ts';
import { auditedAs, participantOf } from '../shared/actor.ts';
import { checkCeilingChange, isProjectResolved, planUndo, type CeilingRules, type ProjectCeilingState } from '../domain/ceilings.ts';
import { computeTotals, type BudgetLine, type FrameTotals } from '../domain/totals.ts';
import type { CeilingChangeView, ProposalView } from '../shared/board.ts';
import { BoardError } from '../shared/errors.ts';
import type { CeilingsUpdate } from '../shared/events/ceilings.ts';
import { bahtFromDb, type Database } from './client.ts';
import type { CeilingChangeKind, Prisma } from './generated/client.ts';

type Tx = Prisma.TransactionClient;

interface ProjectFacts extends ProjectCeilingState {
  id: string;
  rules: CeilingRules;
  totalCeilingsBaht: number;
  /** Every project of the plan as the totals need it, this one included. */
  lines: (BudgetLine & { id: string })[];
}

/**
 * The project as the rules need it, with its plan's rules and every line of the plan, in one query: only a project of
 * the meeting's own plan is found. Under the meeting lock these are the committed values the change applies to.
 */
async function projectFacts(tx: Tx, meetingId: string, projectId: string): Promise<ProjectFacts> {
  const rows = await tx.$queryRaw<
    {
      id: string;
      goalNumber: number;
      approachCode: string;
      requestedBaht: bigint;
      ceilingBaht: bigint;
      version: number;
      frameBaht: bigint;
      hardCap: boolean;
      allowAboveRequest: boolean;
      resolutionStatuses: string[] | null;
    }[]
  >`
    SELECT p."id", g."number" AS "goalNumber", a."code" AS "approachCode", p."requestedBaht", p."ceilingBaht", p."version",
           pl."frameBaht", pl."hardCap", pl."allowAboveRequest",
           CASE WHEN p."id" = ${projectId}
             THEN ARRAY(SELECT r."status"::text FROM "Resolution" r WHERE r."projectId" = p."id") END AS "resolutionStatuses"
    FROM "Meeting" m
    JOIN "Plan" pl ON pl."id" = m."planId"
    JOIN "Project" p ON p."planId" = pl."id"
    JOIN "Approach" a ON a."id" = p."approachId"
    JOIN "Goal" g ON g."id" = a."goalId"
    WHERE m."id" = ${meetingId}`;
  const lines = rows.map((r) => ({
    id: r.id,
    goalNumber: r.goalNumber,
    approachCode: r.approachCode,
    requestedBaht: bahtFromDb(r.requestedBaht),
    ceilingBaht: bahtFromDb(r.ceilingBaht),
  }));
  const row = rows.find((r) => r.id === projectId);
  if (!row) throw new BoardError('project_not_found', { projectId });
  return {
    id: row.id,
    requestedBaht: bahtFromDb(row.requestedBaht),
    ceilingBaht: bahtFromDb(row.ceilingBaht),
    version: row.version,
    resolved: isProjectResolved(row.resolutionStatuses ?? []),
    rules: { frameBaht: bahtFromDb(row.frameBaht), hardCap: row.hardCap, allowAboveRequest: row.allowAboveRequest },
    totalCeilingsBaht: lines.reduce((sum, line) => sum + line.ceilingBaht, 0),
    lines,
  };
}

/** The totals once this project's ceiling is `toBaht`. */
function totalsAfter(project: ProjectFacts, toBaht: number): FrameTotals {
  const lines = project.lines.map((line) => (line.id === project.id ? { ...line, ceilingBaht: toBaht } : line));
  return computeTotals(lines, project.rules.frameBaht);
}

type ChangeRow = Prisma.CeilingChangeGetPayload<object>;

export function changeView(row: ChangeRow): CeilingChangeView {
  return {
    id: String(row.id),
    projectId: row.projectId,
    kind: row.kind,
    fromBaht: bahtFromDb(row.fromBaht),
    toBaht: bahtFromDb(row.toBaht),
    versionAfter: row.versionAfter,
    seq: row.seq,
    actorId: row.participantId,
    actorName: row.actorName,
    role: row.role,
    reason: row.reason,
    proposalId: row.proposalId,
    createdAt: row.createdAt.toISOString(),
  };
}

type ProposalRow = Prisma.ProposalGetPayload<{ include: { proposer: { select: { displayName: true } } } }>;

function proposalView(row: ProposalRow): ProposalView {
  return {
    id: row.id,
    projectId: row.projectId,
    proposerId: row.proposerId,
    proposerName: row.proposer.displayName,
    proposedBaht: bahtFromDb(row.proposedBaht),
    baseVersion: row.baseVersion,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

interface ChangeRequest {
  projectId: string;
  toBaht: unknown;
  expectedVersion: number;
  reason: string;
  kind: CeilingChangeKind;
  proposalId?: string;
}

/** The project and the amount it may take, or the refusal the rules give. */
async function allowedChange(tx: Tx, meetingId: string, request: Pick<ChangeRequest, 'projectId' | 'toBaht' | 'expectedVersion'>) {
  const project = await projectFacts(tx, meetingId, request.projectId);
  const verdict = checkCeilingChange(project, project.rules, {
    toBaht: request.toBaht,
    expectedVersion: request.expectedVersion,
    totalCeilingsBaht: project.totalCeilingsBaht,
  });
  if (!verdict.ok) throw new BoardError(verdict.code, { projectId: project.id, ...verdict.details });
  return { project, verdict };
}

/** Validates and writes one ceiling change with its audit row, under the command's seq. */
async function writeChange({ tx, meetingId, seq, actor }: CommandContext, request: ChangeRequest): Promise<Pick<CeilingsUpdate, 'change' | 'totals'>> {
  const { project, verdict } = await allowedChange(tx, meetingId, request);
  const audit = auditedAs(actor);
  const versionAfter = project.version + 1;
  // One statement moves the ceiling and writes its audit row: a change sits inside the meeting's lock, so every round
  // trip saved there is throughput. The version guard is redundant under that lock, and kept so no writer slips past.
  const [row] = await tx.$queryRaw<ChangeRow[]>`
    WITH moved AS (
      UPDATE "Project" SET "ceilingBaht" = ${BigInt(verdict.toBaht)}::bigint, "version" = ${versionAfter}::int, "updatedAt" = now()
      WHERE "id" = ${project.id} AND "version" = ${project.version}::int
      RETURNING "id")
    INSERT INTO "CeilingChange"
      ("meetingId", "projectId", "participantId", "actorName", "role", "kind", "fromBaht", "toBaht", "versionAfter", "seq", "reason", "proposalId")
    SELECT ${meetingId}::text, moved."id", ${audit.participantId}::text, ${audit.actorName}::text, ${audit.role}::"Role",
      ${request.kind}::"CeilingChangeKind", ${BigInt(project.ceilingBaht)}::bigint, ${BigInt(verdict.toBaht)}::bigint,
      ${versionAfter}::int, ${seq}::int, ${request.reason}::text, ${request.proposalId ?? null}::text
    FROM moved
    RETURNING *`;
  if (!row) throw new BoardError('version_conflict', { projectId: project.id });
  return { change: changeView(row), totals: totalsAfter(project, verdict.toBaht) };
}

async function closePendingProposals(tx: Tx, where: Prisma.ProposalWhereInput, status: 'superseded'): Promise<{ id: string; status: 'superseded' }[]> {
  const open = await tx.proposal.findMany({ where: { ...where, status: 'pending' }, select: { id: true } });
  if (!open.length) return [];
  await tx.proposal.updateMany({ where: { id: { in: open.map((p) => p.id) } }, data: { status } });
  return open.map(({ id }) => ({ id, status }));
}

export type CeilingInput = { projectId: string; toBaht: unknown; expectedVersion: number; reason: string };

export async function setCeiling(ctx: CommandContext, input: CeilingInput): Promise<CeilingsUpdate> {
  return { seq: ctx.seq, ...(await writeChange(ctx, { ...input, kind: 'set' })) };
}

export async function revertCeiling(ctx: CommandContext, input: { projectId: string; expectedVersion: number; reason: string }): Promise<CeilingsUpdate> {
  const project = await projectFacts(ctx.tx, ctx.meetingId, input.projectId);
  return { seq: ctx.seq, ...(await writeChange(ctx, { ...input, toBaht: project.requestedBaht, kind: 'revert' })) };
}

export async function undoLastChange(ctx: CommandContext): Promise<CeilingsUpdate> {
  const { tx, meetingId } = ctx;
  const actor = participantOf(ctx.actor);
  const last = await tx.ceilingChange.findFirst({ where: { meetingId, participantId: actor.participantId }, orderBy: { id: 'desc' } });
  const project = last ? await projectFacts(tx, meetingId, last.projectId) : undefined;
  const plan = planUndo(last ? { ...last, fromBaht: bahtFromDb(last.fromBaht) } : undefined, project);
  if (!plan.ok) throw new BoardError(plan.code, plan.details);
  return { seq: ctx.seq, ...(await writeChange(ctx, { ...plan, reason: '', kind: 'undo' })) };
}

export async function propose(
  ctx: CommandContext,
  input: { projectId: string; proposedBaht: unknown; baseVersion: number; reason: string },
): Promise<CeilingsUpdate> {
  const { tx, meetingId } = ctx;
  const actor = participantOf(ctx.actor);
  // A proposal must be one the chair could accept as it stands.
  const { project, verdict } = await allowedChange(tx, meetingId, { projectId: input.projectId, toBaht: input.proposedBaht, expectedVersion: input.baseVersion });
  // One open proposal per person per project: a second one replaces the first.
  const closed = await closePendingProposals(tx, { meetingId, projectId: project.id, proposerId: actor.participantId }, 'superseded');
  const row = await tx.proposal.create({
    data: { meetingId, projectId: project.id, proposerId: actor.participantId, proposedBaht: BigInt(verdict.toBaht), baseVersion: input.baseVersion, reason: input.reason },
    include: { proposer: { select: { displayName: true } } },
  });
  return { seq: ctx.seq, proposed: proposalView(row), closed };
}

export async function decide(ctx: CommandContext, input: { proposalId: string; decision: 'accept' | 'reject'; expectedVersion: number }): Promise<CeilingsUpdate> {
  const { tx, meetingId } = ctx;
  const proposal = await openProposal(tx, meetingId, input.proposalId);
  const decided = { decidedById: auditedAs(ctx.actor).participantId, decidedAt: new Date() };
  if (input.decision === 'reject') {
    await tx.proposal.update({ where: { id: proposal.id }, data: { status: 'rejected', ...decided } });
    return { seq: ctx.seq, closed: [{ id: proposal.id, status: 'rejected' }] };
  }
  const written = await writeChange(ctx, {
    projectId: proposal.projectId,
    toBaht: bahtFromDb(proposal.proposedBaht),
    expectedVersion: input.expectedVersion,
    reason: proposal.reason,
    kind: 'proposal_accepted',
    proposalId: proposal.id,
  });
  await tx.proposal.update({ where: { id: proposal.id }, data: { status: 'accepted', ...decided } });
  const others = await closePendingProposals(tx, { meetingId, projectId: proposal.projectId }, 'superseded');
  return { seq: ctx.seq, ...written, closed: [{ id: proposal.id, status: 'accepted' }, ...others] };
}

export async function withdraw(ctx: CommandContext, input: { proposalId: string }): Promise<CeilingsUpdate> {
  const proposal = await openProposal(ctx.tx, ctx.meetingId, input.proposalId);
  if (proposal.proposerId !== participantOf(ctx.actor).participantId) throw new BoardError('forbidden');
  await ctx.tx.proposal.update({ where: { id: proposal.id }, data: { status: 'withdrawn' } });
  return { seq: ctx.seq, closed: [{ id: proposal.id, status: 'withdrawn' }] };
}

/** Every change to one project's ceiling, newest first. */
export async function ceilingHistory(db: Database, meetingId: string, projectId: string): Promise<CeilingChangeView[]> {
  const project = await db.project.findFirst({ where: { id: projectId, plan: { meetings: { some: { id: meetingId } } } }, select: { id: true } });
  if (!project) throw new BoardError('project_not_found', { projectId });
  const rows = await db.ceilingChange.findMany({ where: { projectId }, orderBy: { id: 'desc' } });
  return rows.map(changeView);
}


async function openProposal(tx: Tx, meetingId: string, proposalId: string) {
  const proposal = await tx.proposal.findFirst({ where: { id: proposalId, meetingId } });
  if (!proposal) throw new BoardError('proposal_not_found', { proposalId });
  if (proposal.status !== 'pending') throw new BoardError('proposal_closed', { proposalId, status: proposal.status });
  return proposal;
}

/** The meeting's open proposals, oldest first, for the board snapshot. */
export async function pendingProposals(db: Database, meetingId: string): Promise<ProposalView[]> {
  const rows = await db.proposal.findMany({
    where: { meetingId, status: 'pending' },
    orderBy: { createdAt: 'asc' },
    include: { proposer: { select: { displayName: true } } },
  });
  return rows.map(proposalView);
}
