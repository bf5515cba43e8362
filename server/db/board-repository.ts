// Reads a meeting's board from Postgres in the shape the wire and the pages use.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import type { AgencyRef, AgendaItemView, BoardSnapshot, MeetingSummary } from '../shared/board.ts';
import { BoardError } from '../shared/errors.ts';
import { pendingProposals } from './ceiling-repository.ts';
import { readStoredFocus } from '../domain/focus.ts';
import { listResolutions } from './resolution-repository.ts';

const thaiOrder = new Intl.Collator('th');

export async function loadBoard(db: Database, meetingId: string): Promise<BoardSnapshot> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      plan: { include: { goals: { orderBy: { number: 'asc' }, include: { approaches: { orderBy: { position: 'asc' } } } } } },
      agendaItems: { orderBy: { position: 'asc' } },
    },
  });
  if (!meeting) throw new BoardError('meeting_not_found');
  const projects = await db.project.findMany({
    where: { planId: meeting.planId },
    orderBy: { position: 'asc' },
    include: { agency: true, approach: { include: { goal: true } }, partners: { include: { agency: true } } },
  });
  const { plan } = meeting;
  const proposals = await pendingProposals(db, meetingId);
  const resolutions = await listResolutions(db, meetingId);
  return {
    seq: meeting.seq,
    focus: readStoredFocus(meeting.focus, meeting.agendaItems),
    meeting: {
      id: meeting.id,
      number: meeting.number,
      yearBE: meeting.yearBE,
      titleTh: meeting.titleTh,
      titleEn: meeting.titleEn,
      venueTh: meeting.venueTh,
      venueEn: meeting.venueEn,
      startsAt: meeting.startsAt.toISOString(),
      status: meeting.status,
      openedAt: meeting.openedAt?.toISOString() ?? null,
      closedAt: meeting.closedAt?.toISOString() ?? null,
      onlineUrl: meeting.onlineUrl,
      plan: {
        id: plan.id,
        fiscalYearBE: plan.fiscalYearBE,
        titleTh: plan.titleTh,
        titleEn: plan.titleEn,
        frameBaht: bahtFromDb(plan.frameBaht),
        hardCap: plan.hardCap,
        allowAboveRequest: plan.allowAboveRequest,
        isSample: plan.isSample,
      },
    },
    goals: plan.goals.map((goal) => ({
      number: goal.number,
      stream: goal.stream,
      nameTh: goal.nameTh,
      nameEn: goal.nameEn,
      approaches: goal.approaches.map(({ code, nameTh, nameEn }) => ({ code, nameTh, nameEn })),
    })),
    agenda: meeting.agendaItems.map(agendaItemView),
    projects: projects.map((p) => ({
      id: p.id,
      code: p.code,
      position: p.position,
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      summaryTh: p.summaryTh,
      summaryEn: p.summaryEn,
      agency: agencyRef(p.agency),
      goalNumber: p.approach.goal.number,
      approachCode: p.approach.code,
      integrationType: p.integrationType,
      requestedBaht: bahtFromDb(p.requestedBaht),
      ceilingBaht: bahtFromDb(p.ceilingBaht),
      version: p.version,
      partners: p.partners
        .map((partner) => ({ ...agencyRef(partner.agency), requestsBudget: partner.requestsBudget }))
        .sort((a, b) => thaiOrder.compare(a.nameTh, b.nameTh)),
    })),
    proposals,
    resolutions,
  };
}

/** An agenda item as the wire carries it, from its row. */
export function agendaItemView({ id, position, number, kind, titleTh, titleEn }: AgendaItemView): AgendaItemView {
  return { id, position, number, kind, titleTh, titleEn };
}

function agencyRef({ code, nameTh, nameEn, abbreviationTh }: AgencyRef): AgencyRef {
  return { code, nameTh, nameEn, abbreviationTh };
}

export async function listMeetings(db: Database): Promise<MeetingSummary[]> {
  const meetings = await db.meeting.findMany({
    orderBy: [{ startsAt: 'desc' }],
    include: { plan: { select: { titleTh: true, isSample: true, frameBaht: true, _count: { select: { projects: true } } } } },
  });
  return meetings.map((m) => ({
    id: m.id,
    number: m.number,
    yearBE: m.yearBE,
    titleTh: m.titleTh,
    titleEn: m.titleEn,
    startsAt: m.startsAt.toISOString(),
    status: m.status,
    isSample: m.plan.isSample,
    planId: m.planId,
    planTitleTh: m.plan.titleTh,
    projectCount: m.plan._count.projects,
    frameBaht: bahtFromDb(m.plan.frameBaht),
  }));
}
