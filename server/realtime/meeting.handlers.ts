// The whole board, what a client that fell behind missed (the events from the log when it still has them, the whole
// board when it does not), and a project's details, which the board leaves out.
import { z } from 'zod';
import type { MeetingEventLog } from '../db/meeting-events.ts';
import { planCatchUp } from '../domain/sequence.ts';
import type { BoardSnapshot, ProjectDetails } from '../shared/board.ts';
import { ProjectDetailsPayload } from '../shared/events/meeting.ts';
import type { CatchUp } from '../shared/events/sequenced.ts';
import { query } from './socket-calls.ts';
import type { FeatureHandlers } from './socket-server.ts';

const catchUpSchema = z.strictObject({ afterSeq: z.number().int().min(0) });

export function meetingHandlers(deps: {
  loadBoard(meetingId: string): Promise<BoardSnapshot>;
  projectDetails(meetingId: string, projectId: string): Promise<ProjectDetails>;
  events: MeetingEventLog;
}): FeatureHandlers {
  async function catchUp(meetingId: string, afterSeq: number): Promise<CatchUp> {
    const plan = planCatchUp({ afterSeq, ...(await deps.events.extent(meetingId)) });
    if (plan.kind === 'up_to_date') return { events: [] };
    if (plan.kind === 'events') {
      const events = await deps.events.load(meetingId, plan.fromSeq, plan.toSeq);
      // A number without an event row (taken before the log existed) cannot be replayed: the board can.
      if (events.length === plan.toSeq - plan.fromSeq + 1) return { events };
    }
    return { snapshot: await deps.loadBoard(meetingId) };
  }

  return (socket) => {
    const { meetingId } = socket.data.identity;
    socket.on('meeting:sync', query(z.strictObject({}), () => deps.loadBoard(meetingId)));
    socket.on('meeting:catchup', query(catchUpSchema, ({ afterSeq }) => catchUp(meetingId, afterSeq)));
    socket.on('meeting:project-details', query(ProjectDetailsPayload, ({ projectId }) => deps.projectDetails(meetingId, projectId)));
  };
}
