// Writes a plan (the sample, or a generated big one) in a few statements however many projects it has: its agencies
// (shared with other plans), goals, approaches, projects and partners.
import type { Database } from '../db/client.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { SamplePlan } from './sample-plan.ts';
import { STANDARD_AGENDA } from './standard-agenda.ts';

export async function writePlan(tx: Prisma.TransactionClient, plan: SamplePlan, planId: string): Promise<void> {
  await tx.agency.createMany({
    data: plan.agencies.map(({ code, nameTh, nameEn, abbreviationTh, ministryTh }) => ({ code, nameTh, nameEn, abbreviationTh, ministryTh })),
    skipDuplicates: true,
  });
  const agencies = new Map((await tx.agency.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]));
  await tx.plan.create({
    data: {
      id: planId,
      fiscalYearBE: plan.fiscalYearBE,
      titleTh: plan.titleTh,
      titleEn: plan.titleEn,
      frameBaht: plan.frameBaht,
      isSample: true,
      goals: {
        create: plan.goals.map((goal) => ({
          number: goal.number,
          stream: goal.stream,
          nameTh: goal.nameTh,
          nameEn: goal.nameEn,
          approaches: { create: goal.approaches.map((a, position) => ({ code: a.code, position, nameTh: a.nameTh, nameEn: a.nameEn })) },
        })),
      },
    },
  });
  const approaches = new Map((await tx.approach.findMany({ where: { goal: { planId } }, select: { id: true, code: true } })).map((a) => [a.code, a.id]));
  const created = await tx.project.createManyAndReturn({
    data: plan.projects.map((p, position) => ({
      planId,
      code: p.code,
      position,
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      summaryTh: p.summaryTh,
      summaryEn: p.summaryEn,
      agencyId: agencies.get(p.agencyCode)!,
      approachId: approaches.get(p.approachCode)!,
      integrationType: p.integrationType,
      requestedBaht: p.requestedBaht,
      ceilingBaht: p.requestedBaht,
    })),
    select: { id: true, code: true },
  });
  const projectIds = new Map(created.map((p) => [p.code, p.id]));
  await tx.projectPartner.createMany({
    data: plan.projects.flatMap((p) =>
      p.partners.map((partner) => ({ projectId: projectIds.get(p.code)!, agencyId: agencies.get(partner.agencyCode)!, requestsBudget: partner.requestsBudget })),
    ),
  });
}

/** A generated plan and one meeting on it with the standard agenda (the benchmarks' big plans). */
export async function writePlanWithMeeting(db: Database, plan: SamplePlan, ids: { planId: string; meetingId: string }): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await writePlan(tx, plan, ids.planId);
      await tx.meeting.create({
        data: {
          id: ids.meetingId,
          planId: ids.planId,
          number: 1,
          yearBE: 2567,
          titleTh: `ประชุมคณะกรรมการ ${plan.titleTh}`,
          venueTh: 'ห้องประชุม (ข้อมูลตัวอย่าง)',
          startsAt: new Date('2024-01-25T10:00:00+07:00'),
          status: 'in_session',
          openedAt: new Date('2024-01-25T10:00:00+07:00'),
          agendaItems: { create: STANDARD_AGENDA.map((item, position) => ({ ...item, position })) },
        },
      });
    },
    { timeout: 120_000 },
  );
}
