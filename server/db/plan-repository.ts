// Plans in Postgres: listing, reading, creating, and changing one (its fields, value chain and frame). A change of the
// frame is always written to the FrameChange audit trail; once a meeting of the plan has decided anything it also needs
// a reason. The rules are in server/domain/plan-rules.ts; this file only reads and writes.
import type { Tx } from '../commands/command.ts';
import { bahtFromDb, type Database } from './client.ts';
import { checkPlanFields, checkValueChain, orRefuse, type ValueChainGoal } from '../domain/plan-rules.ts';
import { BoardError } from '../shared/errors.ts';
import type { GoalView } from '../shared/board.ts';
import type { FrameChangeView, PlanChanged, PlanDetail, PlanFacts, PlanSummary, createPlanSchema, updatePlanSchema } from '../shared/setup/plans.ts';
import type { z } from 'zod';
import { dgaValueChain } from '../seed/dga-value-chain.ts';

/** Who changes a plan, as the audit trail records them. */
export interface PlanAuthor {
  actorName: string;
  participantId?: string | null;
  organiserId?: string | null;
}

type PlanRow = {
  titleTh: string;
  titleEn: string;
  fiscalYearBE: number;
  hostAgencyTh: string;
  hostAgencyEn: string;
  frameBaht: bigint;
  hardCap: boolean;
  allowAboveRequest: boolean;
};

function planFacts(plan: PlanRow): PlanFacts {
  const { titleTh, titleEn, fiscalYearBE, hostAgencyTh, hostAgencyEn, hardCap, allowAboveRequest } = plan;
  return { titleTh, titleEn, fiscalYearBE, hostAgencyTh, hostAgencyEn, frameBaht: bahtFromDb(plan.frameBaht), hardCap, allowAboveRequest };
}

function frameChangeView(row: { fromBaht: bigint; toBaht: bigint; reason: string; actorName: string; createdAt: Date; meetingId: string | null; seq: number | null }): FrameChangeView {
  return {
    fromBaht: bahtFromDb(row.fromBaht),
    toBaht: bahtFromDb(row.toBaht),
    reason: row.reason,
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
    meetingId: row.meetingId,
    seq: row.seq,
  };
}

async function valueChainOf(tx: Tx | Database, planId: string): Promise<GoalView[]> {
  const goals = await tx.goal.findMany({ where: { planId }, orderBy: { number: 'asc' }, include: { approaches: { orderBy: { position: 'asc' } } } });
  return goals.map((goal) => ({
    number: goal.number,
    stream: goal.stream,
    nameTh: goal.nameTh,
    nameEn: goal.nameEn,
    approaches: goal.approaches.map(({ code, nameTh, nameEn }) => ({ code, nameTh, nameEn })),
  }));
}

export async function listPlans(db: Database): Promise<PlanSummary[]> {
  const plans = await db.plan.findMany({
    orderBy: [{ isSample: 'asc' }, { fiscalYearBE: 'desc' }, { createdAt: 'desc' }],
    include: { _count: { select: { projects: true, meetings: true } } },
  });
  return plans.map((plan) => ({ id: plan.id, isSample: plan.isSample, projectCount: plan._count.projects, meetingCount: plan._count.meetings, ...planFacts(plan) }));
}

export async function readPlan(db: Database, planId: string): Promise<PlanDetail> {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    include: {
      _count: { select: { projects: true, meetings: true } },
      meetings: { orderBy: [{ startsAt: 'asc' }], select: { id: true, number: true, yearBE: true, titleTh: true, startsAt: true, status: true } },
      frameChanges: { orderBy: { id: 'asc' } },
    },
  });
  if (!plan) throw new BoardError('plan_not_found');
  return {
    id: plan.id,
    isSample: plan.isSample,
    projectCount: plan._count.projects,
    meetingCount: plan._count.meetings,
    ...planFacts(plan),
    valueChain: await valueChainOf(db, planId),
    meetings: plan.meetings.map((m) => ({ ...m, startsAt: m.startsAt.toISOString() })),
    frameChanges: plan.frameChanges.map(frameChangeView),
  };
}

/** Writes the plan's goals and approaches as given: kept by goal number and approach code, new ones added, others removed. */
async function writeValueChain(tx: Tx, planId: string, goals: readonly ValueChainGoal[]): Promise<void> {
  const existing = await tx.approach.findMany({ where: { goal: { planId } }, select: { id: true, code: true, _count: { select: { projects: true } } } });
  const wanted = new Set(goals.flatMap((goal) => goal.approaches.map((a) => a.code)));
  const used = existing.find((a) => !wanted.has(a.code) && a._count.projects > 0);
  if (used) throw new BoardError('approach_in_use', { field: 'valueChain', code: used.code });
  await tx.approach.deleteMany({ where: { id: { in: existing.filter((a) => !wanted.has(a.code)).map((a) => a.id) } } });
  await tx.goal.deleteMany({ where: { planId, number: { notIn: goals.map((g) => g.number) } } });
  const byCode = new Map(existing.map((a) => [a.code, a.id]));
  for (const goal of goals) {
    const { id: goalId } = await tx.goal.upsert({
      where: { planId_number: { planId, number: goal.number } },
      create: { planId, number: goal.number, stream: goal.stream, nameTh: goal.nameTh, nameEn: goal.nameEn },
      update: { stream: goal.stream, nameTh: goal.nameTh, nameEn: goal.nameEn },
    });
    for (const [position, approach] of goal.approaches.entries()) {
      const data = { goalId, code: approach.code, position, nameTh: approach.nameTh, nameEn: approach.nameEn };
      const id = byCode.get(approach.code);
      if (id) await tx.approach.update({ where: { id }, data });
      else await tx.approach.create({ data });
    }
  }
}

export async function createPlan(db: Database, input: z.output<typeof createPlanSchema>): Promise<{ id: string }> {
  const fields = orRefuse(checkPlanFields(input));
  const valueChain = orRefuse(checkValueChain(input.valueChain ?? dgaValueChain()));
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.create({ data: { ...fields, isSample: false }, select: { id: true } });
    await writeValueChain(tx, plan.id, valueChain);
    return plan;
  });
}

/** Whether any meeting of the plan has decided something: a ceiling moved in a meeting, a resolution, a recorded frame. */
async function hasDecisions(tx: Tx, planId: string): Promise<boolean> {
  const [ceilings, resolutions, records] = await Promise.all([
    tx.ceilingChange.count({ where: { project: { planId }, meetingId: { not: null } } }),
    tx.resolution.count({ where: { meeting: { planId } } }),
    tx.frameRecord.count({ where: { planId } }),
  ]);
  return ceilings + resolutions + records > 0;
}

/**
 * Makes the plan what `input` says, in the caller's transaction; when it runs in a meeting's command, `at` is that
 * meeting and its seq, which the audit row of a frame change keeps. Setting what is already there changes nothing,
 * so the same change can be told to each of the plan's open meetings in turn.
 */
export async function applyPlanUpdate(
  tx: Tx,
  planId: string,
  input: z.output<typeof updatePlanSchema>,
  author: PlanAuthor,
  at: { meetingId: string; seq: number } | null,
): Promise<Omit<PlanChanged, 'seq'>> {
  const plan = await tx.plan.findUnique({ where: { id: planId } });
  if (!plan) throw new BoardError('plan_not_found');
  const fields = orRefuse(checkPlanFields(input));
  const valueChain = input.valueChain && orRefuse(checkValueChain(input.valueChain));
  let frameChange: FrameChangeView | null = null;
  if (BigInt(fields.frameBaht) !== plan.frameBaht) {
    const reason = input.reason.trim();
    if (!reason && (await hasDecisions(tx, planId))) throw new BoardError('frame_reason_required', { field: 'reason' });
    const row = await tx.frameChange.create({
      data: {
        planId,
        meetingId: at?.meetingId ?? null,
        seq: at?.seq ?? null,
        fromBaht: plan.frameBaht,
        toBaht: BigInt(fields.frameBaht),
        reason,
        actorName: author.actorName,
        participantId: author.participantId ?? null,
        organiserId: author.organiserId ?? null,
      },
    });
    frameChange = frameChangeView(row);
  }
  const updated = await tx.plan.update({ where: { id: planId }, data: fields });
  if (valueChain) await writeValueChain(tx, planId, valueChain);
  return { plan: planFacts(updated), goals: await valueChainOf(tx, planId), frameChange };
}

/** The meetings whose boards hear a change of the plan: those not closed. */
export async function openMeetingsOf(db: Database, planId: string): Promise<string[]> {
  const meetings = await db.meeting.findMany({ where: { planId, status: { not: 'closed' } }, orderBy: { startsAt: 'asc' }, select: { id: true } });
  return meetings.map((m) => m.id);
}
