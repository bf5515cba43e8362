// Writes the sample plan and its committee meeting, once: a board a new installation can open at once.
import type { Database } from '../db/client.ts';
import { samplePlan } from './sample-plan.ts';
import { STANDARD_AGENDA } from './standard-agenda.ts';
import { writePlan } from './write-plan.ts';

export const SAMPLE_MEETING_ID = 'sample-fy2567';
const SAMPLE_PLAN_ID = 'sample-plan-fy2567';

/** The committee met at 10.00 on 26 January 2023 (B.E. 2566), Bangkok time. */
const SAMPLE_MEETING_START = new Date('2023-01-26T10:00:00+07:00');

/** Seeds the sample meeting unless it is there already; returns its id either way. */
export async function seedSampleMeeting(db: Database): Promise<{ meetingId: string; created: boolean }> {
  if (await db.meeting.findUnique({ where: { id: SAMPLE_MEETING_ID }, select: { id: true } })) {
    return { meetingId: SAMPLE_MEETING_ID, created: false };
  }
  const plan = samplePlan();
  await db.$transaction(async (tx) => {
    await writePlan(tx, plan, SAMPLE_PLAN_ID);
    await tx.meeting.create({
      data: {
        id: SAMPLE_MEETING_ID,
        planId: SAMPLE_PLAN_ID,
        number: 1,
        yearBE: 2566,
        titleTh: 'ประชุมคณะกรรมการจัดทำงบประมาณรายจ่ายบูรณาการ ประจำปีงบประมาณ พ.ศ. 2567',
        titleEn: 'Meeting of the Committee on the Integrated Expenditure Budget, Fiscal Year B.E. 2567',
        venueTh: 'ห้องประชุมวิจิตรวาทการ สำนักงานสภาความมั่นคงแห่งชาติ ทำเนียบรัฐบาล',
        venueEn: 'Vichitvathakarn Meeting Room, Office of the National Security Council, Government House',
        startsAt: SAMPLE_MEETING_START,
        // The demo is the meeting as it sat: open since it was called for.
        status: 'in_session',
        openedAt: SAMPLE_MEETING_START,
        agendaItems: { create: STANDARD_AGENDA.map((item, position) => ({ ...item, position })) },
      },
    });
  }, { timeout: 60_000 });
  return { meetingId: SAMPLE_MEETING_ID, created: true };
}
