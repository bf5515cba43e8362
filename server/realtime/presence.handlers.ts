// Who is connected and who follows the presenter: not meeting state, so not sequenced (the focus, the agenda and the
// roles are commands: server/commands/presenter.ts).
import { z } from 'zod';
import type { Database } from '../db/client.ts';
import { reportFollowSchema } from '../shared/events/presenter.ts';
import { loadAttendanceSheet } from '../db/minutes-repository.ts';
import type { PresenceTracker } from './presence.ts';
import { query } from './socket-calls.ts';
import type { FeatureHandlers } from './socket-server.ts';

export function presenceHandlers(deps: { db: Database; presence: PresenceTracker }): FeatureHandlers {
  const { db, presence } = deps;
  return (socket) => {
    const { meetingId, participantId } = socket.data.identity;
    presence.connected(meetingId, participantId);
    socket.on('disconnect', () => presence.disconnected(meetingId, participantId));
    // Joining the board is joining online; the chair or the secretary marks who sits in the room. A device (the room's
    // screen) attends nothing.
    void db.participant
      .updateMany({ where: { id: participantId, attendance: null, kind: { not: 'device' } }, data: { attendance: 'online' } })
      .then(({ count }) => count && presence.changed(meetingId))
      .catch((error) => console.error('attendance failed', error));

    socket.on(
      'follow:report',
      query(reportFollowSchema, async ({ following }) => {
        presence.reportFollow(meetingId, participantId, following);
        return {};
      }),
    );
    socket.on('presence:list', query(z.strictObject({}), () => presence.list(meetingId)));
    // Who attends (the room, not the devices) and the quorum: the attendance page and the board's badge read it again
    // when attendance or the people present change.
    socket.on('attendance:sheet', query(z.strictObject({}), () => loadAttendanceSheet(db, meetingId)));
  };
}
