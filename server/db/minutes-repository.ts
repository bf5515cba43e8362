// What the minutes are made from: the meeting, its agenda, its roster and who joined it, and its confirmed resolutions;
// and the attendance page's sheet, from the same rows.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import type { MinutesTemplateData } from '../yjs/minutes-template.ts';
import { attendanceSheet } from '../domain/attendance.ts';
import type { AttendanceSheet } from '../shared/events/attendance.ts';
import { BoardError } from '../shared/errors.ts';
import { SIGNS_IN } from './record-only.ts';

/** What attendance is made from (server/domain/attendance.ts): the roster, and everyone seated or recorded. */
const ROSTER_SELECT = { id: true, nameTh: true, position: true, agencyTh: true, order: true } as const;
const SEATED_SELECT = {
  id: true,
  displayName: true,
  organisationTh: true,
  role: true,
  kind: true,
  attendance: true,
  absenceReason: true,
  rosterMemberId: true,
  substituteForId: true,
  inviteId: true,
  joinRequest: { select: { id: true } },
} as const;

type SeatedRow = { inviteId: string | null; joinRequest: { id: string } | null };
/** Whether nobody signs in as the row (record-only.ts). */
const seatedPerson = <Row extends SeatedRow>({ inviteId, joinRequest, ...row }: Row) => ({ ...row, recordOnly: inviteId === null && joinRequest === null });

/** The attendance page's sheet, the same figures as the minutes write. */
export async function loadAttendanceSheet(db: Database, meetingId: string): Promise<AttendanceSheet> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { plan: { select: { roster: { where: { removedAt: null }, select: ROSTER_SELECT } } }, participants: { where: { revokedAt: null }, select: SEATED_SELECT } },
  });
  if (!meeting) throw new BoardError('meeting_not_found');
  return attendanceSheet(meeting.plan.roster, meeting.participants.map(seatedPerson));
}

export async function loadMinutesTemplateData(db: Database, meetingId: string): Promise<MinutesTemplateData | null> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      plan: {
        select: {
          frameBaht: true,
          roster: { where: { removedAt: null }, select: ROSTER_SELECT },
        },
      },
      agendaItems: { orderBy: { position: 'asc' }, select: { id: true, kind: true, number: true, titleTh: true } },
      participants: { where: { revokedAt: null }, select: SEATED_SELECT },
      resolutions: {
        where: { status: 'confirmed' },
        orderBy: { confirmedAt: 'asc' },
        include: { project: { include: { agency: { select: { nameTh: true } } } } },
      },
    },
  });
  if (!meeting) return null;
  return {
    titleTh: meeting.titleTh,
    number: meeting.number,
    yearBE: meeting.yearBE,
    startsAt: meeting.startsAt,
    openedAt: meeting.openedAt,
    closedAt: meeting.closedAt,
    venueTh: meeting.venueTh,
    agendaItems: meeting.agendaItems,
    roster: meeting.plan.roster,
    seated: meeting.participants.map(seatedPerson),
    decisions: {
      frameBaht: bahtFromDb(meeting.plan.frameBaht),
      agenda: meeting.resolutions.flatMap((r) =>
        r.agendaItemId === null ? [] : [{ resolutionId: r.id, agendaItemId: r.agendaItemId, outcome: r.outcome, textTh: r.textTh }],
      ),
      projects: meeting.resolutions.flatMap((r) =>
        r.project === null
          ? []
          : [
              {
                resolutionId: r.id,
                projectCode: r.project.code,
                projectNameTh: r.project.nameTh,
                agencyTh: r.project.agency.nameTh,
                requestedBaht: bahtFromDb(r.project.requestedBaht),
                ceilingBaht: bahtFromDb(r.ceilingBaht ?? r.project.ceilingBaht),
                outcome: r.outcome,
                textTh: r.textTh,
              },
            ],
      ),
    },
  };
}
