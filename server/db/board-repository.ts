// Reads a meeting's board from Postgres in the shape the wire and the pages use.
import type { Database } from './client.ts';
import type { Tx } from '../commands/command.ts';
import { bahtFromDb } from './client.ts';
import type { AgencyRef, AgendaItemView, BoardSnapshot, IntegrationType, MeetingSummary, ProjectDetails, ProjectView } from '../shared/board.ts';
import { BoardError } from '../shared/errors.ts';
import { pendingProposals } from './ceiling-repository.ts';
import { readStoredFocus } from '../domain/focus.ts';
import { listResolutions } from './resolution-repository.ts';
import { pendingSets } from './proposal-set-repository.ts';

const thaiOrder = new Intl.Collator('th');

/** A project row as the board's projects query returns it: money as BIGINT, agencies by id. */
interface ProjectRow {
  id: string;
  code: string;
  position: number;
  nameTh: string;
  nameEn: string;
  agencyId: string;
  goalNumber: number;
  approachCode: string;
  integrationType: IntegrationType;
  requestedBaht: bigint;
  ceilingBaht: bigint;
  version: number;
  withdrawnAt: Date | null;
  withdrawnReason: string;
  partnerIds: string[];
  partnerRequestsBudget: boolean[];
}

type AgencyRow = AgencyRef & { id: string };
type PartnerRef = ProjectView['partners'][number];

/**
 * The plan's projects with their goal and approach in one statement (Prisma's includes read each relation in a query
 * of its own and join them in JavaScript, which on a 5,000-project plan took most of a second). Agencies come by id:
 * a plan has thousands of projects and a few dozen agencies.
 */
function projectRows(db: Database | Tx, meetingId: string, projectId?: string) {
  return db.$queryRaw<ProjectRow[]>`
    SELECT p."id", p."code", p."position", p."nameTh", p."nameEn", p."agencyId",
           g."number" AS "goalNumber", ap."code" AS "approachCode", p."integrationType"::text AS "integrationType",
           p."requestedBaht", p."ceilingBaht", p."version", p."withdrawnAt", p."withdrawnReason",
           ARRAY(SELECT pp."agencyId" FROM "ProjectPartner" pp WHERE pp."projectId" = p."id" ORDER BY pp."agencyId") AS "partnerIds",
           ARRAY(SELECT pp."requestsBudget" FROM "ProjectPartner" pp WHERE pp."projectId" = p."id" ORDER BY pp."agencyId") AS "partnerRequestsBudget"
    FROM "Project" p
    JOIN "Approach" ap ON ap."id" = p."approachId"
    JOIN "Goal" g ON g."id" = ap."goalId"
    WHERE p."planId" = (SELECT "planId" FROM "Meeting" WHERE "id" = ${meetingId})
      AND (${projectId ?? null}::text IS NULL OR p."id" = ${projectId ?? null})
    ORDER BY p."position"`;
}

/** The agencies the meeting's plan names, as lead or as partner. */
function agencyRows(db: Database | Tx, meetingId: string) {
  return db.$queryRaw<AgencyRow[]>`
    WITH plan_projects AS (SELECT "id", "agencyId" FROM "Project" WHERE "planId" = (SELECT "planId" FROM "Meeting" WHERE "id" = ${meetingId}))
    SELECT a."id", a."code", a."nameTh", a."nameEn", a."abbreviationTh" FROM "Agency" a
    WHERE a."id" IN (SELECT "agencyId" FROM plan_projects)
       OR a."id" IN (SELECT pp."agencyId" FROM "ProjectPartner" pp JOIN plan_projects pr ON pr."id" = pp."projectId")`;
}

/**
 * Builds the projects so that every reference to one agency is the same object: the page's data (devalue) then
 * carries each agency once and refers to it, instead of its names once per project and partner.
 */
function projectViews(rows: readonly ProjectRow[], agencyList: readonly AgencyRow[]): ProjectView[] {
  const agencies = new Map(agencyList.map(({ id, code, nameTh, nameEn, abbreviationTh }) => [id, { code, nameTh, nameEn, abbreviationTh }]));
  const partners = new Map<string, PartnerRef>();
  const partner = (agencyId: string, requestsBudget: boolean): PartnerRef => {
    const key = `${agencyId}:${requestsBudget}`;
    let ref = partners.get(key);
    if (!ref) partners.set(key, (ref = { ...agencies.get(agencyId)!, requestsBudget }));
    return ref;
  };
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    position: row.position,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    agency: agencies.get(row.agencyId)!,
    goalNumber: row.goalNumber,
    approachCode: row.approachCode,
    integrationType: row.integrationType,
    requestedBaht: bahtFromDb(row.requestedBaht),
    ceilingBaht: bahtFromDb(row.ceilingBaht),
    version: row.version,
    withdrawn: row.withdrawnAt ? { at: row.withdrawnAt.toISOString(), reason: row.withdrawnReason } : null,
    partners: row.partnerIds.map((id, i) => partner(id, row.partnerRequestsBudget[i]!)).sort((a, b) => thaiOrder.compare(a.nameTh, b.nameTh)),
  }));
}

/** One project of the meeting's plan as the board shows it, read in the command's transaction that changed it. */
export async function projectViewOf(tx: Tx, meetingId: string, projectId: string): Promise<ProjectView> {
  const rows = await projectRows(tx, meetingId, projectId);
  const [view] = projectViews(rows, await agencyRows(tx, meetingId));
  if (!view) throw new BoardError('project_not_found', { projectId });
  return view;
}

/** What the project's panel shows beyond its row: read when the panel opens, so the board's page stays small. */
export async function projectDetails(db: Database, meetingId: string, projectId: string): Promise<ProjectDetails> {
  const [row] = await db.$queryRaw<ProjectDetails[]>`
    SELECT p."summaryTh", p."summaryEn" FROM "Project" p JOIN "Meeting" m ON m."planId" = p."planId"
    WHERE m."id" = ${meetingId} AND p."id" = ${projectId}`;
  if (!row) throw new BoardError('project_not_found', { projectId });
  return { summaryTh: row.summaryTh, summaryEn: row.summaryEn };
}

export async function loadBoard(db: Database, meetingId: string): Promise<BoardSnapshot> {
  // Independent reads, so they run side by side on the pool rather than one after another.
  const [meeting, projects, agencies, proposals, resolutions, proposalSets] = await Promise.all([
    db.meeting.findUnique({
      where: { id: meetingId },
      include: {
        plan: { include: { goals: { orderBy: { number: 'asc' }, include: { approaches: { orderBy: { position: 'asc' } } } } } },
        agendaItems: { orderBy: { position: 'asc' } },
      },
    }),
    projectRows(db, meetingId),
    agencyRows(db, meetingId),
    pendingProposals(db, meetingId),
    listResolutions(db, meetingId),
    pendingSets(db, meetingId),
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
    projects: projectViews(projects, agencies),
    proposals,
    proposalSets,
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
