// The agreed frame on the wire: the secretary's preparation and the chair's confirmation are sequenced commands (run
// from the frame page's actions); every board hears what changed.
import { z } from 'zod';

/** The draft the secretary prepared, by the hash of exactly what they saw. */
export interface FramePreparationView {
  draftHash: string;
  preparedById: string;
  preparedByName: string;
  preparedAt: string;
}

export const PrepareFramePayload = z.strictObject({});
export const ConfirmFramePayload = z.strictObject({ draftHash: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 hash in hex') });

export interface FrameChanged {
  seq: number;
  /** The preparation waiting for the chair, or none (just confirmed). */
  preparation: FramePreparationView | null;
  /** The version the confirmation recorded, when it was one. */
  recordedVersion: number | null;
}

export interface FrameServerEvents {
  'frame:changed': (event: FrameChanged) => void;
}
