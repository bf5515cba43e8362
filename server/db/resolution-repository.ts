// Resolutions in Postgres: recorded as drafts, confirmed (fixing a project's ceiling with its audit row), reopened
// (audited as a 'reopen' change). Each runs in its command's transaction, which holds the meeting's turn and its seq.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import type { Prisma } from './generated/client.ts';
import type { CommandContext } from '../commands/command.ts';
import { auditedAs, participantOf } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import { bulkSelection } from '../domain/resolution-bulk.ts';
import {
  PROJECT_OUTCOMES,
  RESOLUTION_OUTCOME_LABELS,
  type RecordResolutionPayload,
  type RecordResolutionsPayload,
  type ResolutionChanged,
  type ResolutionsChanged,
  type ResolutionOutcome,
  type ResolutionView,
} from '../shared/events/resolution.ts';

const WITH_NAMES = { recordedBy: { select: { displayName: true } }, confirmedBy: { select: { displayName: true } } } as const;
type ResolutionRow = Prisma.ResolutionGetPayload<{ include: typeof WITH_NAMES }>;

export function resolutionView(row: ResolutionRow): ResolutionView {
  return {
    id: row.id,
    projectId: row.projectId,
    agendaItemId: row.agendaItemId,
    outcome: row.outcome,
    textTh: row.textTh,
    ceilingBaht: row.ceilingBaht === null ? null : bahtFromDb(row.ceilingBaht),
    status: row.status,
    recordedByName: row.recordedBy.displayName,
    confirmedByName: row.confirmedBy?.displayName ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

/** The meeting's standing resolutions: reopened ones are history, superseded by whatever is recorded next. */
export async function listResolutions(db: Database | Prisma.TransactionClient, meetingId: string): Promise<ResolutionView[]> {
  const rows = await db.resolution.findMany({
    where: { meetingId, status: { not: 'reopened' } },
    orderBy: { createdAt: 'asc' },
    include: WITH_NAMES,
  });
  return rows.map(resolutionView);
}

/** The ceiling a project outcome fixes; deferred keeps whatever stands when the chair confirms. */
function fixedCeiling(outcome: ResolutionOutcome, project: { requestedBaht: bigint; ceilingBaht: bigint }, adjusted?: number): bigint | null {
  switch (outcome) {
    case 'approved_as_requested':
      return project.requestedBaht;
    case 'not_approved':
      return 0n;
    case 'approved_adjusted':
      return adjusted === undefined ? null : BigInt(adjusted);
    default:
      return null;
  }
}

export async function recordResolution({ tx, meetingId, seq, actor }: CommandContext, payload: RecordResolutionPayload): Promise<ResolutionChanged> {
  const recorder = participantOf(actor);
  let ceilingBaht: bigint | null = null;
  if (payload.projectId !== undefined) {
    const project = await tx.project.findFirst({
      where: { id: payload.projectId, plan: { meetings: { some: { id: meetingId } } } },
      include: { plan: { select: { allowAboveRequest: true } } },
    });
    if (!project) throw new BoardError('resolution_target_not_found');
    if (project.withdrawnAt) throw new BoardError('project_withdrawn', { projectId: project.id });
    if (!(PROJECT_OUTCOMES as readonly string[]).includes(payload.outcome)) throw new BoardError('resolution_outcome_invalid');
    ceilingBaht = fixedCeiling(payload.outcome, project, payload.ceilingBaht);
    const adjustedBad =
      payload.outcome === 'approved_adjusted' &&
      (ceilingBaht === null || (!project.plan.allowAboveRequest && ceilingBaht > project.requestedBaht));
    if (adjustedBad || (payload.outcome !== 'approved_adjusted' && payload.ceilingBaht !== undefined)) {
      throw new BoardError('resolution_ceiling_invalid');
    }
  } else {
    const item = await tx.agendaItem.findFirst({ where: { id: payload.agendaItemId, meetingId } });
    if (!item) throw new BoardError('resolution_target_not_found');
    if (payload.ceilingBaht !== undefined) throw new BoardError('resolution_ceiling_invalid');
  }
  const target = payload.projectId !== undefined ? { projectId: payload.projectId } : { agendaItemId: payload.agendaItemId };
  // The meeting's turn serialises recorders of the same target, so two drafts never stand side by side.
  const standing = await tx.resolution.findFirst({ where: { meetingId, ...target, status: { not: 'reopened' } } });
  if (standing?.status === 'confirmed') throw new BoardError('resolution_already_confirmed');
  const data = { outcome: payload.outcome, textTh: payload.textTh, ceilingBaht, recordedById: recorder.participantId };
  const row = standing
    ? await tx.resolution.update({ where: { id: standing.id }, data, include: WITH_NAMES })
    : await tx.resolution.create({ data: { meetingId, ...target, ...data }, include: WITH_NAMES });
  return { seq, resolution: resolutionView(row) };
}

async function meetingResolution(tx: Prisma.TransactionClient, meetingId: string, resolutionId: string) {
  const resolution = await tx.resolution.findFirst({ where: { id: resolutionId, meetingId } });
  if (!resolution) throw new BoardError('resolution_not_found');
  return resolution;
}

export async function confirmResolution({ tx, meetingId, seq, actor }: CommandContext, resolutionId: string): Promise<ResolutionChanged> {
  const audit = auditedAs(actor);
  const resolution = await meetingResolution(tx, meetingId, resolutionId);
  if (resolution.status !== 'draft') throw new BoardError('resolution_not_draft');
  let project: ResolutionChanged['project'];
  let ceilingBaht = resolution.ceilingBaht;
  if (resolution.projectId) {
    const [current] = await tx.$queryRaw<{ ceilingBaht: bigint; version: number; withdrawn: boolean }[]>`
      SELECT "ceilingBaht", "version", "withdrawnAt" IS NOT NULL AS "withdrawn" FROM "Project" WHERE "id" = ${resolution.projectId} FOR UPDATE`;
    // A draft recorded before the project was withdrawn cannot be confirmed on a project no longer on the list.
    if (current.withdrawn) throw new BoardError('project_withdrawn', { projectId: resolution.projectId });
    ceilingBaht ??= current.ceilingBaht;
    let version = current.version;
    if (ceilingBaht !== current.ceilingBaht) {
      version += 1;
      await tx.project.update({ where: { id: resolution.projectId }, data: { ceilingBaht, version } });
      await tx.ceilingChange.create({
        data: {
          meetingId,
          projectId: resolution.projectId,
          ...audit,
          kind: 'set',
          fromBaht: current.ceilingBaht,
          toBaht: ceilingBaht,
          versionAfter: version,
          seq,
          reason: `มติที่ประชุม: ${RESOLUTION_OUTCOME_LABELS[resolution.outcome].th}${resolution.textTh ? ` — ${resolution.textTh}` : ''}`,
        },
      });
    }
    project = { id: resolution.projectId, ceilingBaht: bahtFromDb(ceilingBaht), version };
  }
  const row = await tx.resolution.update({
    where: { id: resolutionId },
    data: { status: 'confirmed', ceilingBaht, confirmedById: audit.participantId, confirmedAt: new Date() },
    include: WITH_NAMES,
  });
  return { seq, resolution: resolutionView(row), ...(project ? { project } : {}) };
}

export async function reopenResolution({ tx, meetingId, seq, actor }: CommandContext, resolutionId: string, reason: string): Promise<ResolutionChanged> {
  const resolution = await meetingResolution(tx, meetingId, resolutionId);
  if (resolution.status !== 'confirmed') throw new BoardError('resolution_not_confirmed');
  if (resolution.projectId) {
    const project = await tx.project.findUniqueOrThrow({ where: { id: resolution.projectId } });
    await tx.ceilingChange.create({
      data: {
        meetingId,
        projectId: project.id,
        ...auditedAs(actor),
        kind: 'reopen',
        fromBaht: project.ceilingBaht,
        toBaht: project.ceilingBaht,
        versionAfter: project.version,
        seq,
        reason,
      },
    });
  }
  const row = await tx.resolution.update({ where: { id: resolutionId }, data: { status: 'reopened', reopenedAt: new Date() }, include: WITH_NAMES });
  return { seq, resolution: resolutionView(row) };
}

/** Many changes of one command: one seq, and each change as its single command would have made it. */
function together(seq: number, changes: ResolutionChanged[]): ResolutionsChanged {
  return { seq, changes: changes.map(({ seq: _, ...change }) => change) };
}

/**
 * One outcome for a selection of projects, each recorded as resolution:record records it (its own row, the same
 * rules), all or none. approved_adjusted keeps each project's ceiling as it stands now.
 */
export async function recordResolutions(ctx: CommandContext, payload: RecordResolutionsPayload): Promise<ResolutionsChanged> {
  const { tx, meetingId } = ctx;
  const inPlan = { plan: { meetings: { some: { id: meetingId } } } };
  const named = payload.projectIds
    ? payload.projectIds
    : (
        await tx.project.findMany({
          where: { ...inPlan, withdrawnAt: null, resolutions: { none: { meetingId, status: { not: 'reopened' } } } },
          orderBy: { position: 'asc' },
          select: { id: true },
        })
      ).map((p) => p.id);
  const selection = bulkSelection(named);
  const projects = await tx.project.findMany({ where: { id: { in: selection }, ...inPlan }, select: { id: true, ceilingBaht: true } });
  if (projects.length !== selection.length) throw new BoardError('resolution_target_not_found');
  const confirmed = await tx.resolution.findMany({ where: { meetingId, projectId: { in: selection }, status: 'confirmed' }, select: { projectId: true } });
  if (confirmed.length > 0) throw new BoardError('resolution_selection_confirmed', { projectIds: confirmed.map((r) => r.projectId) });
  const standing = new Map(projects.map((p) => [p.id, p.ceilingBaht]));
  const changes: ResolutionChanged[] = [];
  for (const projectId of selection) {
    const ceilingBaht = payload.outcome === 'approved_adjusted' ? bahtFromDb(standing.get(projectId)!) : undefined;
    changes.push(await recordResolution(ctx, { projectId, outcome: payload.outcome, textTh: payload.textTh, ceilingBaht }));
  }
  return together(ctx.seq, changes);
}

/** The chair confirms a list of drafts at once, each as resolution:confirm confirms it, all or none. */
export async function confirmResolutions(ctx: CommandContext, resolutionIds: readonly string[]): Promise<ResolutionsChanged> {
  const changes: ResolutionChanged[] = [];
  for (const resolutionId of bulkSelection(resolutionIds)) changes.push(await confirmResolution(ctx, resolutionId));
  return together(ctx.seq, changes);
}
