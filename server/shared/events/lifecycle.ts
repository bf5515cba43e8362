// A meeting's lifecycle on the wire: the chair, the secretary or the secretariat opens it and closes it (sequenced
// commands, run from the set-up page and the JSON API); every board hears the new phase and what it now allows
// (server/domain/meeting-phase.ts).
import { z } from 'zod';
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

export interface LifecycleServerEvents {
  'meeting:phase-changed': (event: MeetingPhaseChanged) => void;
}
