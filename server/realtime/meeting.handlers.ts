import { z } from 'zod';
import type { BoardSnapshot } from '../shared/board.ts';
import { command } from './command.ts';
import type { FeatureHandlers } from './socket-server.ts';

export function meetingHandlers(deps: { loadBoard(meetingId: string): Promise<BoardSnapshot> }): FeatureHandlers {
  return (socket) => {
    const { meetingId } = socket.data.identity;
    socket.on('meeting:sync', command(z.object({}).strict(), () => deps.loadBoard(meetingId)));
  };
}
