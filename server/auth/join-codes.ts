// Short join codes for the room's screen: people type `board.example/j/AbC12xYz9Q` or scan it, and ask to join; the
// chair admits them (as an observer, or as the roster person they say they are). Anyone in the room can see the code,
// so it never leads to an invite by itself. A code is an HMAC of the meeting and the day, so it needs no storage,
// cannot be forged, and stops working after a day or two.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const CODE_LENGTH = 10;

export interface JoinCodes {
  codeFor(meetingId: string): string;
  /** The open meeting a code made today or yesterday names, or null. */
  meetingFor(code: string): Promise<string | null>;
}

export function createJoinCodes(db: Database, secret: string, now: () => number = Date.now): JoinCodes {
  const code = (meetingId: string, day: number) =>
    createHmac('sha256', secret).update(`join:${meetingId}:${day}`).digest('base64url').slice(0, CODE_LENGTH);
  const today = () => Math.floor(now() / DAY_MS);

  return {
    codeFor: (meetingId) => code(meetingId, today()),
    async meetingFor(given) {
      if (given.length !== CODE_LENGTH) return null;
      const meetings = await db.meeting.findMany({ where: { closedAt: null }, select: { id: true } });
      for (const { id } of meetings) {
        for (const day of [today(), today() - 1]) {
          if (timingSafeEqual(Buffer.from(code(id, day)), Buffer.from(given))) return id;
        }
      }
      return null;
    },
  };
}
