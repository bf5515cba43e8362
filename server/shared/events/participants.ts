// Participants on the wire: the chair revokes one (a sequenced command); that person's open pages are told why before
// their connections close.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';
import type { WireError } from '../errors.ts';
import type { MeetingFocus } from './presenter.ts';

/** The WebSocket close code a revoked participant's Yjs connections get (y-websocket does not retry 44xx). */
export const YJS_REVOKED_CLOSE_CODE = 4403;

export const revokeParticipantSchema = z.strictObject({ participantId: z.string().min(1).max(64) });

export interface ParticipantRevoked {
  seq: number;
  participantId: string;
  /** Who revoked them, as the log records it. */
  revokedBy: string;
  /** The focus after it (a presenter handover to them ends with it). */
  focus: MeetingFocus;
}

export interface ParticipantsClientEvents {
  /** Chair only: ends a participant's access to the meeting, on every open page and device, at once. */
  'participant:revoke': (request: z.input<typeof revokeParticipantSchema>, ack: AckCallback<{ seq: number }>) => void;
}

export interface ParticipantsServerEvents {
  'participant:revoked': (event: ParticipantRevoked) => void;
  /** Sent only to the revoked person's own sockets, just before they close: not meeting state, so not sequenced. */
  'session:revoked': (refusal: WireError) => void;
}
