// The plan's next meeting after `previousId`, with the standard agenda: its agenda item 2 adopts the previous minutes.
import type { Database } from '../../server/db/client.ts';
import { STANDARD_AGENDA } from '../../server/seed/standard-agenda.ts';

export async function createNextMeeting(db: Database, previousId: string) {
  const previous = await db.meeting.findUniqueOrThrow({ where: { id: previousId } });
  return db.meeting.create({
    data: {
      planId: previous.planId,
      number: previous.number + 1,
      yearBE: previous.yearBE,
      titleTh: previous.titleTh,
      venueTh: previous.venueTh,
      startsAt: new Date(previous.startsAt.getTime() + 30 * 86_400_000),
      previousMeetingId: previous.id,
      agendaItems: { create: STANDARD_AGENDA.map((item, position) => ({ ...item, position })) },
    },
  });
}
