// Adopting the minutes on the wire (server/domain/minutes-adoption.ts): circulating, adopting and locking are
// sequenced commands, and every board of the meeting that ran one hears the minutes' new state. An adoption at the
// next meeting is that meeting's command; the meeting whose minutes they are hears it as `minutes:adoption`.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';
import { MAX_AMENDMENT_CHARS, MAX_AMENDMENTS, type AdoptionHow, type MinutesState } from '../../domain/minutes-adoption.ts';

export const CirculateMinutesPayload = z.strictObject({});
const amendments = z.array(z.string().max(MAX_AMENDMENT_CHARS)).max(MAX_AMENDMENTS).default([]);
export const AdoptMinutesPayload = z.discriminatedUnion('how', [
  /** This meeting's own minutes, by circulation. */
  z.strictObject({ how: z.literal('circulation'), amendments }),
  /** The previous meeting's minutes, at this meeting's agenda item 2 while it sits. */
  z.strictObject({ how: z.literal('next-meeting'), amendments }),
]);
/** `minutesOf`: this meeting's minutes, or (the secretary at the next meeting) the previous meeting's. */
export const LockMinutesPayload = z.strictObject({ minutesOf: z.enum(['this-meeting', 'previous-meeting']).default('this-meeting') });

/** Where one meeting's minutes stand, as every page shows it. */
export interface MinutesAdoptionView {
  meetingId: string;
  meetingNumber: number;
  meetingYearBE: number;
  state: MinutesState;
  circulatedAt: string | null;
  circulatedBy: string | null;
  adoptedAt: string | null;
  adoptedBy: string | null;
  adoptedHow: AdoptionHow | null;
  /** ครั้งที่ N/พ.ศ. of the meeting that adopted them, for an adoption there. */
  adoptedAtMeeting: { number: number; yearBE: number } | null;
  amendments: string[];
  lockedAt: string | null;
  lockedBy: string | null;
  /** The locked record's version in the plan's chain and its SHA-256 hash. */
  version: number | null;
  hash: string | null;
}

export interface MinutesAdoptionChanged {
  seq: number;
  adoption: MinutesAdoptionView;
}

export interface MinutesClientEvents {
  'minutes:circulate': (payload: z.input<typeof CirculateMinutesPayload>, ack: AckCallback<MinutesAdoptionView>) => void;
  'minutes:adopt': (payload: z.input<typeof AdoptMinutesPayload>, ack: AckCallback<MinutesAdoptionView>) => void;
  'minutes:lock': (payload: z.input<typeof LockMinutesPayload>, ack: AckCallback<MinutesAdoptionView>) => void;
}

export interface MinutesServerEvents {
  'minutes:adoption-changed': (event: MinutesAdoptionChanged) => void;
  /** Not sequenced: the minutes of this meeting changed state in another meeting's turn (adopted at the next one). */
  'minutes:adoption': (adoption: MinutesAdoptionView) => void;
}
