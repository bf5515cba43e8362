// A meeting's lifecycle on the wire: the chair or the secretariat opens it and closes it (sequenced commands); every
// board hears the new phase and what it now allows (server/domain/meeting-phase.ts).
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';
import type { MeetingStatus } from '../../domain/meeting-phase.ts';

export const openMeetingSchema = z.strictObject({});
export const closeMeetingSchema = z.strictObject({});

export interface MeetingPhase {
  status: MeetingStatus;
  /** เริ่มประชุมเวลา and เลิกประชุมเวลา as recorded, ISO; null until they happen. */
  openedAt: string | null;
  closedAt: string | null;
}

export interface MeetingPhaseChanged extends MeetingPhase {
  seq: number;
  /** Who opened or closed it, as the log records it. */
  changedBy: string;
}

export interface LifecycleClientEvents {
  'meeting:open': (request: z.input<typeof openMeetingSchema>, ack: AckCallback<MeetingPhaseChanged>) => void;
  'meeting:close': (request: z.input<typeof closeMeetingSchema>, ack: AckCallback<MeetingPhaseChanged>) => void;
}

export interface LifecycleServerEvents {
  'meeting:phase-changed': (event: MeetingPhaseChanged) => void;
}
