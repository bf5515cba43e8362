// What the minutes are made from: the meeting, its agenda, its roster and who joined it, and its confirmed resolutions.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import type { MinutesTemplateData } from '../yjs/minutes-template.ts';

export async function loadMinutesTemplateData(db: Database, meetingId: string): Promise<MinutesTemplateData | null> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      plan: {
        select: {
          frameBaht: true,
          roster: { where: { removedAt: null }, select: { id: true, nameTh: true, position: true, agencyTh: true, order: true } },
        },
      },
      agendaItems: { orderBy: { position: 'asc' }, select: { id: true, kind: true, number: true, titleTh: true } },
      participants: {
        where: { revokedAt: null },
        select: {
          id: true,
          displayName: true,
          organisationTh: true,
          role: true,
          kind: true,
          attendance: true,
          absenceReason: true,
          rosterMemberId: true,
          substituteForId: true,
        },
      },
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
    seated: meeting.participants,
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
