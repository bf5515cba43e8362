// The ceilings reads on Socket.io; the changes are sequenced commands (server/commands/ceilings.ts).
import { ceilingHistory } from '../db/ceiling-repository.ts';
import type { Database } from '../db/client.ts';
import { CeilingHistoryPayload } from '../shared/events/ceilings.ts';
import { query } from './socket-calls.ts';
import type { FeatureHandlers } from './socket-server.ts';

export function ceilingsHandlers(deps: { db: Database }): FeatureHandlers {
  return (socket) => {
    const { meetingId } = socket.data.identity;
    socket.on(
      'ceilings:history',
      query(CeilingHistoryPayload, ({ projectId }) => ceilingHistory(deps.db, meetingId, projectId)),
    );
  };
}
