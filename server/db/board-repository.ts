// Reads a meeting's board from Postgres in the shape the wire and the pages use.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import type { AgencyRef, AgendaItemView, BoardSnapshot, IntegrationType, MeetingSummary, ProjectView } from '../shared/board.ts';
import { BoardError } from '../shared/errors.ts';
import { pendingProposals } from './ceiling-repository.ts';
import { readStoredFocus } from '../domain/focus.ts';
import { listResolutions } from './resolution-repository.ts';

const thaiOrder = new Intl.Collator('th');

/** A project row as the board's one projects query returns it: money as BIGINT, partners already as JSON. */
interface ProjectRow {
  id: string;
  code: string;
  position: number;
  nameTh: string;
  nameEn: string;
  summaryTh: string;
  summaryEn: string;
  agencyCode: string;
  agencyNameTh: string;
  agencyNameEn: string;
  agencyAbbreviationTh: string;
  goalNumber: number;
  approachCode: string;
  integrationType: IntegrationType;
  requestedBaht: bigint;
  ceilingBaht: bigint;
  version: number;
  partners: (AgencyRef & { requestsBudget: boolean })[];
}

/**
 * The plan's projects with their agency, goal, approach and partners in one statement: Prisma's includes read each
 * relation in a query of its own and join them in JavaScript, which on a 5,000-project plan took most of a second.
 */
function projectRows(db: Database, meetingId: string) {
  return db.$queryRaw<ProjectRow[]>`
    SELECT p."id", p."code", p."position", p."nameTh", p."nameEn", p."summaryTh", p."summaryEn",
           a."code" AS "agencyCode", a."nameTh" AS "agencyNameTh", a."nameEn" AS "agencyNameEn", a."abbreviationTh" AS "agencyAbbreviationTh",
           g."number" AS "goalNumber", ap."code" AS "approachCode", p."integrationType"::text AS "integrationType",
           p."requestedBaht", p."ceilingBaht", p."version",
           COALESCE((SELECT json_agg(json_build_object('code', pa."code", 'nameTh', pa."nameTh", 'nameEn', pa."nameEn",
                                                       'abbreviationTh', pa."abbreviationTh", 'requestsBudget', pp."requestsBudget"))
                     FROM "ProjectPartner" pp JOIN "Agency" pa ON pa."id" = pp."agencyId"
                     WHERE pp."projectId" = p."id"), '[]'::json) AS "partners"
    FROM "Project" p
    JOIN "Agency" a ON a."id" = p."agencyId"
    JOIN "Approach" ap ON ap."id" = p."approachId"
    JOIN "Goal" g ON g."id" = ap."goalId"
    WHERE p."planId" = (SELECT "planId" FROM "Meeting" WHERE "id" = ${meetingId})
    ORDER BY p."position"`;
}

function projectView(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    code: row.code,
    position: row.position,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    summaryTh: row.summaryTh,
    summaryEn: row.summaryEn,
    agency: { code: row.agencyCode, nameTh: row.agencyNameTh, nameEn: row.agencyNameEn, abbreviationTh: row.agencyAbbreviationTh },
    goalNumber: row.goalNumber,
    approachCode: row.approachCode,
    integrationType: row.integrationType,
    requestedBaht: bahtFromDb(row.requestedBaht),
    ceilingBaht: bahtFromDb(row.ceilingBaht),
    version: row.version,
    partners: row.partners.sort((a, b) => thaiOrder.compare(a.nameTh, b.nameTh)),
  };
}

export async function loadBoard(db: Database, meetingId: string): Promise<BoardSnapshot> {
  // Independent reads, so they run side by side on the pool rather than one after another.
  const [meeting, projects, proposals, resolutions] = await Promise.all([
    db.meeting.findUnique({
      where: { id: meetingId },
      include: {
        plan: { include: { goals: { orderBy: { number: 'asc' }, include: { approaches: { orderBy: { position: 'asc' } } } } } },
        agendaItems: { orderBy: { position: 'asc' } },
      },
    }),
    projectRows(db, meetingId),
    pendingProposals(db, meetingId),
    listResolutions(db, meetingId),
  ]);
  if (!meeting) throw new BoardError('meeting_not_found');
  const { plan } = meeting;
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
    projects: projects.map(projectView),
    proposals,
    resolutions,
  };
}

/** An agenda item as the wire carries it, from its row. */
export function agendaItemView({ id, position, number, kind, titleTh, titleEn }: AgendaItemView): AgendaItemView {
  return { id, position, number, kind, titleTh, titleEn };
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
