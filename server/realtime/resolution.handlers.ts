// Resolution commands: the secretary records, the chair confirms and reopens; each change is broadcast to the meeting
// with its sequence number only after its transaction committed.
import type { Database } from '../db/client.ts';
import { confirmResolution, recordResolution, reopenResolution } from '../db/resolution-repository.ts';
import { can, type Action } from '../domain/permissions.ts';
import { BoardError } from '../shared/errors.ts';
import {
  ConfirmResolutionPayload,
  RecordResolutionPayload,
  ReopenResolutionPayload,
  type ResolutionChanged,
} from '../shared/events/resolution.ts';
import { command } from './command.ts';
import { meetingRoom, type FeatureHandlers } from './socket-server.ts';

export function resolutionHandlers(deps: { db: Database }): FeatureHandlers {
  return (socket, io) => {
    const who = socket.data.identity;
    const run = async (action: Action, change: () => Promise<ResolutionChanged>) => {
      if (!can(who.role, action)) throw new BoardError('forbidden');
      const changed = await change();
      io.to(meetingRoom(who.meetingId)).emit('resolution:changed', changed);
      return changed.resolution;
    };
    socket.on('resolution:record', command(RecordResolutionPayload, (p) => run('resolution:record', () => recordResolution(deps.db, who, p))));
    socket.on(
      'resolution:confirm',
      command(ConfirmResolutionPayload, (p) => run('resolution:confirm', () => confirmResolution(deps.db, who, p.resolutionId))),
    );
    socket.on(
      'resolution:reopen',
      command(ReopenResolutionPayload, (p) => run('resolution:reopen', () => reopenResolution(deps.db, who, p.resolutionId, p.reason))),
    );
  };
}
