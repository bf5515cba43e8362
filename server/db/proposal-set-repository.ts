// Proposed sets in Postgres. A set lives in the meeting's log alone: the sets:changed event that proposed it carries
// its lines, the one that closed it says how, so the pending sets are the log folded (pendingSetsAfter) and cannot
// disagree with what every board was told. Each is read and decided inside the command's turn against the live board
// (liveBoard, the same read the sandbox uses) with the rules of server/domain/proposal-sets.ts. Accepting moves every
// accepted ceiling in one statement, guarded by the version each line was proposed from, and writes one audit row
// per project under the command's one seq, each naming the set (its proposalId).
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../commands/command.ts';
import { checkSetAcceptance, checkSetProposal, pendingSetsAfter, type SetBoard, type SetChange, type SetLine } from '../domain/proposal-sets.ts';
import { auditedAs, participantOf } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import type { CeilingMove } from '../shared/events/ceilings.ts';
import type { ProposalSetView, SetClosure, SetsChanged, SetsUpdate } from '../shared/events/proposal-sets.ts';
import { closeProposals } from './ceiling-repository.ts';
import type { Database } from './client.ts';
import type { Prisma } from './generated/client.ts';
import { liveBoard } from './sandbox-repository.ts';

type Tx = Prisma.TransactionClient;

/** The meeting's sets as its log has them: the pending ones, oldest first, and how each closed one ended. */
async function meetingSets(db: Tx | Database, meetingId: string) {
  const events = await db.meetingEvent.findMany({ where: { meetingId, type: 'sets:changed' }, orderBy: { seq: 'asc' }, select: { payload: true } });
  let pending: ProposalSetView[] = [];
  const ended = new Map<string, SetClosure['status']>();
  for (const { payload } of events) {
    const step = payload as unknown as SetsChanged;
    pending = pendingSetsAfter(pending, step);
    for (const closure of step.closed ?? []) ended.set(closure.id, closure.status);
  }
  return { pending, ended };
}

async function setBoard(tx: Tx, meetingId: string): Promise<SetBoard> {
  const [board, plan] = await Promise.all([
    liveBoard(tx, meetingId),
    tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { plan: { select: { hardCap: true } } } }),
  ]);
  return { ...board, hardCap: plan.plan.hardCap };
}

/**
 * The meeting's pending sets that name one of these projects, closed (superseded) with the reason: a withdrawn project
 * can no longer be decided, so neither can a set that changes it.
 */
export async function closeSetsOn(ctx: CommandContext, projectIds: readonly string[], reason: string): Promise<SetClosure[]> {
  const { pending } = await meetingSets(ctx.tx, ctx.meetingId);
  const touched = pending.filter((set) => set.lines.some((line) => projectIds.includes(line.projectId)));
  return closures(ctx, touched, 'superseded', reason);
}

/** How these sets end in this command's turn, by its actor, with the projects taken when some were. */
function closures(ctx: CommandContext, sets: readonly ProposalSetView[], status: SetClosure['status'], reason = '', accepted: string[] = []): SetClosure[] {
  const by = auditedAs(ctx.actor);
  const decidedAt = new Date().toISOString();
  return sets.map((set) => ({ id: set.id, proposerId: set.proposerId, status, decidedByName: by.actorName, decidedAt, reason, acceptedProjectIds: accepted }));
}

/** Proposes the changes as one set; the proposer's earlier pending set, if any, is replaced by it. */
export async function proposeSet(ctx: CommandContext, input: { changes: SetChange[]; reason: string }): Promise<SetsUpdate> {
  const actor = participantOf(ctx.actor);
  const verdict = checkSetProposal(input.changes, await setBoard(ctx.tx, ctx.meetingId));
  if (!verdict.ok) throw new BoardError(verdict.code, verdict.details);
  const { pending } = await meetingSets(ctx.tx, ctx.meetingId);
  const closed = closures(ctx, pending.filter((set) => set.proposerId === actor.participantId), 'superseded');
  const proposed: ProposalSetView = {
    id: randomUUID(),
    proposerId: actor.participantId,
    proposerName: actor.displayName,
    reason: input.reason,
    createdAt: new Date().toISOString(),
    lines: verdict.lines,
  };
  return { seq: ctx.seq, proposed, closed };
}

async function pendingSet(tx: Tx, meetingId: string, setId: string): Promise<ProposalSetView> {
  const { pending, ended } = await meetingSets(tx, meetingId);
  const set = pending.find((s) => s.id === setId);
  if (set) return set;
  const status = ended.get(setId);
  throw status ? new BoardError('set_closed', { setId, status }) : new BoardError('set_not_found', { setId });
}

/** Moves the accepted ceilings, all or none: a project that moved since the read refuses the whole acceptance. */
async function moveCeilings(ctx: CommandContext, set: ProposalSetView, lines: SetLine[]): Promise<CeilingMove[]> {
  const moved = await ctx.tx.$executeRaw`
    UPDATE "Project" p SET "ceilingBaht" = u."toBaht", "version" = p."version" + 1, "updatedAt" = now()
    FROM unnest(${lines.map((l) => l.projectId)}::text[], ${lines.map((l) => String(l.toBaht))}::bigint[], ${lines.map((l) => l.baseVersion)}::int[])
      AS u("id", "toBaht", "baseVersion")
    WHERE p."id" = u."id" AND p."version" = u."baseVersion"`;
  if (moved !== lines.length) throw new BoardError('set_conflict', { projectIds: lines.map((l) => l.projectId) });
  const audit = auditedAs(ctx.actor);
  await ctx.tx.ceilingChange.createMany({
    data: lines.map((line) => ({
      meetingId: ctx.meetingId,
      projectId: line.projectId,
      participantId: audit.participantId,
      actorName: audit.actorName,
      role: audit.role,
      kind: 'proposal_accepted' as const,
      fromBaht: BigInt(line.fromBaht),
      toBaht: BigInt(line.toBaht),
      versionAfter: line.baseVersion + 1,
      seq: ctx.seq,
      reason: set.reason,
      proposalId: set.id,
    })),
  });
  return lines.map((line) => ({
    projectId: line.projectId,
    kind: 'proposal_accepted',
    fromBaht: line.fromBaht,
    toBaht: line.toBaht,
    versionAfter: line.baseVersion + 1,
    actorId: audit.participantId,
    actorName: audit.actorName,
  }));
}

export async function decideSet(
  ctx: CommandContext,
  input: { setId: string; decision: 'accept'; projectIds?: string[]; reason: string } | { setId: string; decision: 'reject'; reason: string },
): Promise<SetsUpdate> {
  const set = await pendingSet(ctx.tx, ctx.meetingId, input.setId);
  if (input.decision === 'reject') return { seq: ctx.seq, closed: closures(ctx, [set], 'rejected', input.reason) };
  const verdict = checkSetAcceptance(set.lines, input.projectIds ?? 'all', await setBoard(ctx.tx, ctx.meetingId));
  if (!verdict.ok) throw new BoardError(verdict.code, verdict.details);
  const changes = await moveCeilings(ctx, set, verdict.lines);
  const accepted = verdict.lines.map((line) => line.projectId);
  const closed = closures(ctx, [set], 'accepted', input.reason, accepted);
  // As accepting a single proposal does: the others on a project whose ceiling just moved are answered by it.
  const closedProposals = await closeProposals(ctx, { meetingId: ctx.meetingId, projectId: { in: accepted } }, 'superseded');
  return { seq: ctx.seq, changes, closed, closedProposals, totals: verdict.totals };
}

export async function withdrawSet(ctx: CommandContext, input: { setId: string }): Promise<SetsUpdate> {
  const set = await pendingSet(ctx.tx, ctx.meetingId, input.setId);
  if (set.proposerId !== participantOf(ctx.actor).participantId) throw new BoardError('forbidden');
  return { seq: ctx.seq, closed: closures(ctx, [set], 'withdrawn') };
}

/** The meeting's pending sets, oldest first, for the board snapshot. */
export async function pendingSets(db: Database, meetingId: string): Promise<ProposalSetView[]> {
  return (await meetingSets(db, meetingId)).pending;
}
