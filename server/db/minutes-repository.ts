// What the minutes' skeleton is made from: the meeting, its agenda, and who joined it.
import type { Database } from './client.ts';
import type { MinutesTemplateData } from '../yjs/minutes-template.ts';

export async function loadMinutesTemplateData(db: Database, meetingId: string): Promise<MinutesTemplateData | null> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      agendaItems: { orderBy: { position: 'asc' }, select: { number: true, titleTh: true } },
      participants: {
        where: { revokedAt: null },
        select: { displayName: true, organisationTh: true, role: true, attendance: true },
      },
    },
  });
  if (!meeting) return null;
  return {
    titleTh: meeting.titleTh,
    number: meeting.number,
    yearBE: meeting.yearBE,
    startsAt: meeting.startsAt,
    venueTh: meeting.venueTh,
    agendaItems: meeting.agendaItems,
    participants: meeting.participants,
  };
}
