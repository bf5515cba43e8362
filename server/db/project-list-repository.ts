// The project list's audited changes in Postgres: each reads the plan's facts inside the command's turn, asks the rules
// (server/domain/project-list.ts), writes the project and one ProjectChange row under the command's seq, and answers
// with the project as the board shows it afterwards.
import type { CommandContext, Tx } from '../commands/command.ts';
import { isProjectResolved } from '../domain/ceilings.ts';
import { checkAddition, checkRequestCorrection, checkWithdrawal, type ListFacts, type ListVerdict, type ProjectChangeKind } from '../domain/project-list.ts';
import { auditedAs } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import type { AddProjectPayload, CorrectRequestPayload, ProjectsChanged, WithdrawProjectPayload } from '../shared/events/project-list.ts';
import type { SetClosure } from '../shared/events/proposal-sets.ts';
import type { z } from 'zod';
import { projectViewOf } from './board-repository.ts';
import { closeProposals } from './ceiling-repository.ts';
import { bahtFromDb } from './client.ts';
import type { Prisma } from './generated/client.ts';
import { planDecided } from './import-repository.ts';
import { closeSetsOn } from './proposal-set-repository.ts';

/** A project's line as the audit row keeps it: what the meeting record needs to put it back on the board or take it off. */
export interface ProjectLineRecord {
  code: string;
  nameTh: string;
  goalNumber: number;
  approachCode: string;
  requestedBaht: number;
  ceilingBaht: number;
}

async function planFacts(tx: Tx, meetingId: string): Promise<{ planId: string; facts: ListFacts }> {
  const { plan } = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { plan: true } });
  const decided = await planDecided(tx, plan.id);
  const live = await tx.project.aggregate({ where: { planId: plan.id, withdrawnAt: null }, _sum: { ceilingBaht: true } });
  return {
    planId: plan.id,
    facts: {
      decided,
      rules: { frameBaht: bahtFromDb(plan.frameBaht), hardCap: plan.hardCap, allowAboveRequest: plan.allowAboveRequest },
      totalCeilingsBaht: bahtFromDb(live._sum.ceilingBaht ?? 0n),
    },
  };
}

function refuseUnless<T>(verdict: ListVerdict<T>): asserts verdict is { ok: true } & T {
  if (!verdict.ok) throw new BoardError(verdict.code, verdict.details);
}

const withLine = { approach: { include: { goal: true } }, resolutions: { select: { status: true } } } as const;
type ProjectWithLine = Prisma.ProjectGetPayload<{ include: typeof withLine }>;

function lineOf(project: ProjectWithLine, change: Partial<Pick<ProjectLineRecord, 'requestedBaht' | 'ceilingBaht'>> = {}): ProjectLineRecord {
  return {
    code: project.code,
    nameTh: project.nameTh,
    goalNumber: project.approach.goal.number,
    approachCode: project.approach.code,
    requestedBaht: change.requestedBaht ?? bahtFromDb(project.requestedBaht),
    ceilingBaht: change.ceilingBaht ?? bahtFromDb(project.ceilingBaht),
  };
}

async function projectOf(tx: Tx, planId: string, projectId: string): Promise<ProjectWithLine> {
  const project = await tx.project.findFirst({ where: { id: projectId, planId }, include: withLine });
  if (!project) throw new BoardError('project_not_found', { projectId });
  return project;
}

function listed(project: ProjectWithLine) {
  return {
    code: project.code,
    nameTh: project.nameTh,
    requestedBaht: bahtFromDb(project.requestedBaht),
    ceilingBaht: bahtFromDb(project.ceilingBaht),
    withdrawn: project.withdrawnAt !== null,
    resolved: isProjectResolved(project.resolutions.map((r) => r.status)),
  };
}

async function audit(
  ctx: CommandContext,
  change: { planId: string; projectId: string; kind: ProjectChangeKind; before: ProjectLineRecord | null; after: ProjectLineRecord; reason: string },
): Promise<Omit<ProjectsChanged, 'closedProposals'>> {
  const author = auditedAs(ctx.actor);
  await ctx.tx.projectChange.create({
    data: {
      planId: change.planId,
      projectId: change.projectId,
      meetingId: ctx.meetingId,
      seq: ctx.seq,
      kind: change.kind,
      before: (change.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: change.after as unknown as Prisma.InputJsonValue,
      reason: change.reason,
      actorName: author.actorName,
      role: author.role,
      participantId: author.participantId,
      organiserId: ctx.actor.kind === 'organiser' ? ctx.actor.organiserId : null,
    },
  });
  return { seq: ctx.seq, kind: change.kind, project: await projectViewOf(ctx.tx, ctx.meetingId, change.projectId), reason: change.reason, actorName: author.actorName };
}

export async function addProject(ctx: CommandContext, input: z.infer<typeof AddProjectPayload>): Promise<ProjectsChanged> {
  const { tx } = ctx;
  const { planId, facts } = await planFacts(tx, ctx.meetingId);
  const existing = await tx.project.findMany({ where: { planId }, select: { code: true, nameTh: true } });
  const verdict = checkAddition(input, existing, facts);
  refuseUnless(verdict);
  const agency = await tx.agency.findUnique({ where: { code: input.agencyCode }, select: { id: true } });
  if (!agency) throw new BoardError('agency_not_found', { agencyCode: input.agencyCode });
  const approach = await tx.approach.findFirst({ where: { code: input.approachCode, goal: { planId } }, select: { id: true } });
  if (!approach) throw new BoardError('approach_not_found', { approachCode: input.approachCode });
  const last = await tx.project.aggregate({ where: { planId }, _max: { position: true } });
  const project = await tx.project.create({
    data: {
      planId,
      code: input.code,
      position: (last._max.position ?? -1) + 1,
      nameTh: input.nameTh,
      nameEn: input.nameEn,
      summaryTh: input.summaryTh,
      agencyId: agency.id,
      approachId: approach.id,
      integrationType: input.integrationType,
      requestedBaht: BigInt(verdict.ceilingBaht),
      ceilingBaht: BigInt(verdict.ceilingBaht),
    },
    include: withLine,
  });
  return audit(ctx, { planId, projectId: project.id, kind: 'added', before: null, after: lineOf(project), reason: input.reason.trim() });
}

/** Withdrawn: out of every total; its pending proposals and sets in this meeting are closed with the reason. */
export async function withdrawProject(ctx: CommandContext, input: z.infer<typeof WithdrawProjectPayload>): Promise<{ changed: ProjectsChanged; closedSets: SetClosure[] }> {
  const { tx } = ctx;
  const { planId, facts } = await planFacts(tx, ctx.meetingId);
  const project = await projectOf(tx, planId, input.projectId);
  refuseUnless(checkWithdrawal(listed(project), input.reason, facts));
  const reason = input.reason.trim();
  // The version moves so that a change made against the project as it was (a sandbox, a set) is a conflict.
  await tx.project.update({ where: { id: project.id }, data: { withdrawnAt: new Date(), withdrawnReason: reason, version: { increment: 1 } } });
  const closedProposals = await closeProposals(ctx, { meetingId: ctx.meetingId, projectId: project.id }, 'superseded', reason);
  const closedSets = await closeSetsOn(ctx, [project.id], reason);
  const line = lineOf(project);
  const changed = await audit(ctx, { planId, projectId: project.id, kind: 'withdrawn', before: line, after: line, reason });
  return { changed: { ...changed, ...(closedProposals.length && { closedProposals }) }, closedSets };
}

/** A corrected request; a ceiling still at the old request follows it, audited as a revert to the request. */
export async function correctRequest(ctx: CommandContext, input: z.infer<typeof CorrectRequestPayload>): Promise<ProjectsChanged> {
  const { tx } = ctx;
  const { planId, facts } = await planFacts(tx, ctx.meetingId);
  const project = await projectOf(tx, planId, input.projectId);
  const verdict = checkRequestCorrection(listed(project), input.requestedBaht, input.reason, facts);
  refuseUnless(verdict);
  const reason = input.reason.trim();
  const ceilingMoves = BigInt(verdict.ceilingBaht) !== project.ceilingBaht;
  const updated = await tx.project.update({
    where: { id: project.id },
    data: { requestedBaht: BigInt(verdict.requestedBaht), ceilingBaht: BigInt(verdict.ceilingBaht), ...(ceilingMoves && { version: { increment: 1 } }) },
  });
  if (ceilingMoves) {
    await tx.ceilingChange.create({
      data: {
        meetingId: ctx.meetingId,
        projectId: project.id,
        ...auditedAs(ctx.actor),
        kind: 'revert',
        fromBaht: project.ceilingBaht,
        toBaht: BigInt(verdict.ceilingBaht),
        versionAfter: updated.version,
        seq: ctx.seq,
        reason,
      },
    });
  }
  return audit(ctx, { planId, projectId: project.id, kind: 'request_corrected', before: lineOf(project), after: lineOf(project, verdict), reason });
}
