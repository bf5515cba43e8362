// Ceilings in Postgres: every change is validated against facts read in one statement (projectFactsSql) and written
// with its audit row under the command's seq, in one statement (plannedChange): on the pipeline's short path for set
// and revert (server/commands/fast-path.ts), inside the command's transaction for the rest. Both read and write the
// same SQL, so the two paths cannot disagree.
import type { CommandContext } from '../commands/command.ts';
import type { FastContext, FastPlan } from '../commands/fast-path.ts';
import { auditedAs, participantOf } from '../shared/actor.ts';
import { checkCeilingChange, isProjectResolved, planUndo, type CeilingRules, type ProjectCeilingState } from '../domain/ceilings.ts';
import { computeTotals, type BudgetLine, type FrameTotals } from '../domain/totals.ts';
import type { CeilingChangeView, CeilingHistoryEntry, ProposalEnding, ProposalView } from '../shared/board.ts';
import { BoardError } from '../shared/errors.ts';
import { ceilingsBroadcast, type CeilingsUpdate, type ProposalClosure } from '../shared/events/ceilings.ts';
import { bahtFromDb, type Database } from './client.ts';
import type { CeilingChangeKind, Prisma } from './generated/client.ts';
import { sql, type Sql } from './sql.ts';

type Tx = Prisma.TransactionClient;

export interface ProjectFacts extends ProjectCeilingState {
  id: string;
  rules: CeilingRules;
  totalCeilingsBaht: number;
  /** Every project of the plan as the totals need it, this one included. */
  lines: (BudgetLine & { id: string })[];
  /** The id the audit row of a change made from these facts takes (drawn from its sequence by the read). */
  changeId: string;
}

/**
 * The project as the rules need it, with its plan's rules and every line of the plan, in one query: only a project of
 * the meeting's own plan is found.
 */
export function projectFactsSql(meetingId: string, projectId: string): Sql {
  return sql`
    SELECT p."id", g."number" AS "goalNumber", a."code" AS "approachCode", p."requestedBaht", p."ceilingBaht", p."version",
           pl."frameBaht", pl."hardCap", pl."allowAboveRequest", p."withdrawnAt" IS NOT NULL AS "withdrawn",
           CASE WHEN p."id" = ${projectId}
             THEN ARRAY(SELECT r."status"::text FROM "Resolution" r WHERE r."projectId" = p."id") END AS "resolutionStatuses",
           (SELECT nextval(pg_get_serial_sequence('"CeilingChange"', 'id')))::text AS "changeId"
    FROM "Meeting" m
    JOIN "Plan" pl ON pl."id" = m."planId"
    JOIN "Project" p ON p."planId" = pl."id"
    JOIN "Approach" a ON a."id" = p."approachId"
    JOIN "Goal" g ON g."id" = a."goalId"
    WHERE m."id" = ${meetingId}`;
}

interface FactsRow {
  id: string;
  goalNumber: number;
  approachCode: string;
  requestedBaht: bigint | string;
  ceilingBaht: bigint | string;
  version: number;
  frameBaht: bigint | string;
  hardCap: boolean;
  allowAboveRequest: boolean;
  resolutionStatuses: string[] | null;
  withdrawn: boolean;
  changeId: string;
}

export function projectFacts(rows: readonly Record<string, unknown>[], projectId: string): ProjectFacts {
  const facts = rows as unknown as FactsRow[];
  // A withdrawn project is in no total, and its ceiling is no longer the committee's to change.
  const lines = facts.filter((r) => !r.withdrawn).map((r) => ({
    id: r.id,
    goalNumber: r.goalNumber,
    approachCode: r.approachCode,
    requestedBaht: bahtFromDb(r.requestedBaht),
    ceilingBaht: bahtFromDb(r.ceilingBaht),
  }));
  const row = facts.find((r) => r.id === projectId);
  if (!row) throw new BoardError('project_not_found', { projectId });
  if (row.withdrawn) throw new BoardError('project_withdrawn', { projectId });
  return {
    id: row.id,
    requestedBaht: bahtFromDb(row.requestedBaht),
    ceilingBaht: bahtFromDb(row.ceilingBaht),
    version: row.version,
    resolved: isProjectResolved(row.resolutionStatuses ?? []),
    rules: { frameBaht: bahtFromDb(row.frameBaht), hardCap: row.hardCap, allowAboveRequest: row.allowAboveRequest },
    totalCeilingsBaht: lines.reduce((sum, line) => sum + line.ceilingBaht, 0),
    lines,
    changeId: row.changeId,
  };
}

async function readFacts(tx: Tx, meetingId: string, projectId: string): Promise<ProjectFacts> {
  const { text, values } = projectFactsSql(meetingId, projectId).render();
  return projectFacts(await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values), projectId);
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

export interface ChangeRequest {
  projectId: string;
  toBaht: unknown;
  expectedVersion: number;
  reason: string;
  kind: CeilingChangeKind;
  proposalId?: string;
}

/** The amount the project may take, or the refusal the rules give. */
function allowedAmount(project: ProjectFacts, request: Pick<ChangeRequest, 'toBaht' | 'expectedVersion'>): number {
  const verdict = checkCeilingChange(project, project.rules, {
    toBaht: request.toBaht,
    expectedVersion: request.expectedVersion,
    totalCeilingsBaht: project.totalCeilingsBaht,
  });
  if (!verdict.ok) throw new BoardError(verdict.code, { projectId: project.id, ...verdict.details });
  return verdict.toBaht;
}

/**
 * One ceiling change decided from its facts: the update everyone is told, and the CTEs that move the ceiling and write
 * its audit row once the turn (CTE "turn") is taken. The version guard keeps out a writer outside this meeting's turn
 * (another meeting of the same plan).
 */
function plannedChange(ctx: FastContext, project: ProjectFacts, request: ChangeRequest) {
  const toBaht = allowedAmount(project, request);
  const audit = auditedAs(ctx.actor);
  const versionAfter = project.version + 1;
  const createdAt = new Date();
  const at = sql`${createdAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;
  const change: CeilingChangeView = {
    id: project.changeId,
    projectId: project.id,
    kind: request.kind,
    fromBaht: project.ceilingBaht,
    toBaht,
    versionAfter,
    seq: ctx.seq,
    actorId: audit.participantId,
    actorName: audit.actorName,
    role: audit.role,
    reason: request.reason,
    proposalId: request.proposalId ?? null,
    createdAt: createdAt.toISOString(),
  };
  const writes = sql`
    moved AS (
      UPDATE "Project" p SET "ceilingBaht" = ${BigInt(toBaht)}::bigint, "version" = ${versionAfter}::int, "updatedAt" = ${at}
      FROM turn WHERE p."id" = ${project.id} AND p."version" = ${project.version}::int
      RETURNING p."id"),
    audit AS (
      INSERT INTO "CeilingChange" ("id", "meetingId", "projectId", "participantId", "actorName", "role", "kind", "fromBaht",
                                   "toBaht", "versionAfter", "seq", "reason", "proposalId", "createdAt")
      SELECT ${project.changeId}::bigint, ${ctx.meetingId}::text, moved."id", ${audit.participantId}::text, ${audit.actorName}::text,
             ${audit.role}::"Role", ${request.kind}::"CeilingChangeKind", ${BigInt(project.ceilingBaht)}::bigint,
             ${BigInt(toBaht)}::bigint, ${versionAfter}::int, turn."seq", ${request.reason}::text, ${request.proposalId ?? null}::text, ${at}
      FROM moved, turn
      RETURNING "id")`;
  const guard = {
    condition: sql`EXISTS (SELECT 1 FROM "Project" x WHERE x."id" = ${project.id} AND x."version" = ${project.version}::int)`,
    refusal: new BoardError('version_conflict', { projectId: project.id }),
  };
  return { change, totals: totalsAfter(project, toBaht), writes, guard };
}

/** A set or a revert on the short path: the plan the pipeline writes if nothing moved since the read. */
export function ceilingChangePlan(ctx: FastContext, project: ProjectFacts, request: ChangeRequest): FastPlan<CeilingsUpdate> {
  const { change, totals, writes, guard } = plannedChange(ctx, project, request);
  const update: CeilingsUpdate = { seq: ctx.seq, change, totals };
  return { ack: update, event: { type: 'ceilings:updated', payload: ceilingsBroadcast(update) }, writes, guard };
}

/** Validates and writes one ceiling change with its audit row, inside the command's transaction (its seq is taken). */
async function writeChange(ctx: CommandContext, request: ChangeRequest): Promise<Pick<CeilingsUpdate, 'change' | 'totals'>> {
  const project = await readFacts(ctx.tx, ctx.meetingId, request.projectId);
  const { change, totals, writes, guard } = plannedChange(ctx, project, request);
  const { text, values } = sql`WITH turn AS (SELECT ${ctx.seq}::int AS "seq" WHERE ${guard.condition}), ${writes} SELECT "id" FROM audit`.render();
  const written = await ctx.tx.$queryRawUnsafe<unknown[]>(text, ...values);
  if (written.length === 0) throw guard.refusal;
  return { change, totals };
}

/** Closes proposals in this command's turn: when, by whom (the command's actor) and why, for the proposer to read. */
export async function closeProposals(
  ctx: CommandContext,
  where: Prisma.ProposalWhereInput,
  status: ProposalClosure['status'],
  reason = '',
): Promise<ProposalClosure[]> {
  const open = await ctx.tx.proposal.findMany({ where: { ...where, status: 'pending' }, select: { id: true, projectId: true, proposerId: true } });
  if (!open.length) return [];
  const by = auditedAs(ctx.actor);
  const decidedAt = new Date();
  await ctx.tx.proposal.updateMany({
    where: { id: { in: open.map((p) => p.id) } },
    data: { status, decidedById: by.participantId, decidedAt, decisionReason: reason, closedSeq: ctx.seq },
  });
  return open.map((p) => ({ ...p, status, decidedByName: by.actorName, decidedAt: decidedAt.toISOString(), reason }));
}

export async function undoLastChange(ctx: CommandContext): Promise<CeilingsUpdate> {
  const { tx, meetingId } = ctx;
  const actor = participantOf(ctx.actor);
  const last = await tx.ceilingChange.findFirst({ where: { meetingId, participantId: actor.participantId }, orderBy: { id: 'desc' } });
  const project = last ? await readFacts(tx, meetingId, last.projectId) : undefined;
  const plan = planUndo(last ? { ...last, fromBaht: bahtFromDb(last.fromBaht) } : undefined, project);
  if (!plan.ok) throw new BoardError(plan.code, plan.details);
  return { seq: ctx.seq, ...(await writeChange(ctx, { ...plan, reason: '', kind: 'undo' })) };
}

/**
 * What the chair can still work through, and what one member may leave waiting: beyond these, proposing waits for
 * decisions. Counted inside the command's turn, so concurrent proposals cannot both slip under a limit.
 */
export const PENDING_PROPOSAL_LIMITS = { perMeeting: 200, perParticipant: 20 } as const;

async function refuseOverPendingLimits(tx: Tx, meetingId: string, participantId: string): Promise<void> {
  const [inMeeting, byParticipant] = await Promise.all([
    tx.proposal.count({ where: { meetingId, status: 'pending' } }),
    tx.proposal.count({ where: { meetingId, proposerId: participantId, status: 'pending' } }),
  ]);
  if (inMeeting >= PENDING_PROPOSAL_LIMITS.perMeeting) throw new BoardError('proposals_pending_limit', { scope: 'meeting', max: PENDING_PROPOSAL_LIMITS.perMeeting });
  if (byParticipant >= PENDING_PROPOSAL_LIMITS.perParticipant) {
    throw new BoardError('proposals_pending_limit', { scope: 'participant', max: PENDING_PROPOSAL_LIMITS.perParticipant });
  }
}

export async function propose(
  ctx: CommandContext,
  input: { projectId: string; proposedBaht: unknown; baseVersion: number; reason: string },
): Promise<CeilingsUpdate> {
  const { tx, meetingId } = ctx;
  const actor = participantOf(ctx.actor);
  // A proposal must be one the chair could accept as it stands.
  const project = await readFacts(tx, meetingId, input.projectId);
  const proposedBaht = allowedAmount(project, { toBaht: input.proposedBaht, expectedVersion: input.baseVersion });
  // One open proposal per person per project: a second one replaces the first.
  const closed = await closeProposals(ctx, { meetingId, projectId: project.id, proposerId: actor.participantId }, 'superseded');
  await refuseOverPendingLimits(tx, meetingId, actor.participantId);
  const row = await tx.proposal.create({
    data: { meetingId, projectId: project.id, proposerId: actor.participantId, proposedBaht: BigInt(proposedBaht), baseVersion: input.baseVersion, reason: input.reason },
    include: { proposer: { select: { displayName: true } } },
  });
  return { seq: ctx.seq, proposed: proposalView(row), closed };
}

export async function decide(
  ctx: CommandContext,
  input: { proposalId: string; decision: 'accept' | 'reject'; expectedVersion: number; reason: string },
): Promise<CeilingsUpdate> {
  const { meetingId } = ctx;
  const proposal = await openProposal(ctx.tx, meetingId, input.proposalId);
  if (input.decision === 'reject') return { seq: ctx.seq, closed: await closeProposals(ctx, { id: proposal.id }, 'rejected', input.reason) };
  const written = await writeChange(ctx, {
    projectId: proposal.projectId,
    toBaht: bahtFromDb(proposal.proposedBaht),
    expectedVersion: input.expectedVersion,
    reason: proposal.reason,
    kind: 'proposal_accepted',
    proposalId: proposal.id,
  });
  const accepted = await closeProposals(ctx, { id: proposal.id }, 'accepted', input.reason);
  const others = await closeProposals(ctx, { meetingId, projectId: proposal.projectId }, 'superseded');
  return { seq: ctx.seq, ...written, closed: [...accepted, ...others] };
}

export async function withdraw(ctx: CommandContext, input: { proposalId: string }): Promise<CeilingsUpdate> {
  const proposal = await openProposal(ctx.tx, ctx.meetingId, input.proposalId);
  if (proposal.proposerId !== participantOf(ctx.actor).participantId) throw new BoardError('forbidden');
  return { seq: ctx.seq, closed: await closeProposals(ctx, { id: proposal.id }, 'withdrawn') };
}

/** Every change to one project's ceiling and every proposal on it that ended without one, newest first. */
export async function ceilingHistory(db: Database, meetingId: string, projectId: string): Promise<CeilingHistoryEntry[]> {
  const project = await db.project.findFirst({ where: { id: projectId, plan: { meetings: { some: { id: meetingId } } } }, select: { id: true } });
  if (!project) throw new BoardError('project_not_found', { projectId });
  return (await historyEntries(db, { projectId })).reverse();
}

/** The history in the order it happened (the meeting's seq, then time): changes and proposals that ended unaccepted. */
export async function historyEntries(db: Database, where: { projectId: string } | { meetingId: string }): Promise<(CeilingHistoryEntry & { projectCode: string; projectNameTh: string })[]> {
  const project = { select: { code: true, nameTh: true } } as const;
  const [changes, proposals] = await Promise.all([
    db.ceilingChange.findMany({ where, orderBy: { id: 'asc' }, include: { project } }),
    db.proposal.findMany({
      where: { ...where, status: { in: ['rejected', 'withdrawn', 'superseded'] } },
      orderBy: { decidedAt: 'asc' },
      include: { project, proposer: { select: { displayName: true } }, decidedBy: { select: { displayName: true, role: true } } },
    }),
  ]);
  const entries = [
    ...changes.map((row) => ({ ...changeView(row), projectCode: row.project.code, projectNameTh: row.project.nameTh })),
    ...proposals.map((row) => ({
      id: `proposal:${row.id}`,
      projectId: row.projectId,
      kind: `proposal_${row.status as ProposalEnding}` as const,
      fromBaht: null,
      toBaht: bahtFromDb(row.proposedBaht),
      seq: row.closedSeq,
      // Closed before outcomes were kept: the proposer is all the record names.
      actorName: row.decidedBy?.displayName ?? row.proposer.displayName,
      role: row.decidedBy?.role ?? null,
      reason: row.decisionReason,
      proposal: { id: row.id, proposerName: row.proposer.displayName, reason: row.reason },
      createdAt: (row.decidedAt ?? row.createdAt).toISOString(),
      projectCode: row.project.code,
      projectNameTh: row.project.nameTh,
    })),
  ];
  // Within one seq (accepting closes the others), the change comes first; without a seq (imports), by time.
  return entries.sort((a, b) => (a.seq ?? -1) - (b.seq ?? -1) || a.createdAt.localeCompare(b.createdAt) || (a.fromBaht === null ? 1 : 0) - (b.fromBaht === null ? 1 : 0));
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
