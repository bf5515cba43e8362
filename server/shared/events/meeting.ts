import { z } from 'zod';
import type { BoardSnapshot, ProjectDetails, SessionView } from '../board.ts';
import type { AckCallback } from '../ack.ts';
import type { CatchUp } from './sequenced.ts';

export const ProjectDetailsPayload = z.strictObject({ projectId: z.string().min(1).max(64) });

export interface MeetingClientEvents {
  /** The whole board as of now: on first load, after a reconnect, or when a client sees a gap in the sequence. */
  'meeting:sync': (request: Record<string, never>, ack: AckCallback<BoardSnapshot>) => void;
  /** The sequenced events after `afterSeq` (the last one this client applied), or the whole board when the log no longer has them. */
  'meeting:catchup': (request: { afterSeq: number }, ack: AckCallback<CatchUp>) => void;
  /** A project's summary, which the board's snapshot leaves out: its panel asks when it opens. */
  'meeting:project-details': (request: z.input<typeof ProjectDetailsPayload>, ack: AckCallback<ProjectDetails>) => void;
}

export interface MeetingServerEvents {
  /** Sent once a connection is authenticated: who the server takes this client to be. */
  'session:ready': (session: SessionView & { meetingId: string; seq: number }) => void;
}
