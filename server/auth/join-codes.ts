// Short join codes for the room's screen: people type `board.example/j/AbC12xYz9Q` or scan it, and get an observer's
// invite, never a member's: anyone in the room can see the code. A code is an HMAC of the meeting and the day, so it needs no storage, cannot be forged, and stops working
// after a day or two; what it leads to is an ordinary signed, expiring invite.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client.ts';
import type { Sessions } from './sessions.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const CODE_LENGTH = 10;
/** The invite a code leads to lasts a meeting day: enough to join, not a standing pass. */
const JOINED_INVITE_TTL_MS = DAY_MS;

export interface JoinCodes {
  codeFor(meetingId: string): string;
  /** A fresh observer invite token for a code made today or yesterday, or null. */
  redeem(code: string): Promise<string | null>;
}

export function createJoinCodes(db: Database, sessions: Sessions, secret: string, now: () => number = Date.now): JoinCodes {
  const code = (meetingId: string, day: number) =>
    createHmac('sha256', secret).update(`join:${meetingId}:${day}`).digest('base64url').slice(0, CODE_LENGTH);
  const today = () => Math.floor(now() / DAY_MS);

  return {
    codeFor: (meetingId) => code(meetingId, today()),
    async redeem(given) {
      if (given.length !== CODE_LENGTH) return null;
      const meetings = await db.meeting.findMany({ where: { closedAt: null }, select: { id: true } });
      for (const { id } of meetings) {
        for (const day of [today(), today() - 1]) {
          if (timingSafeEqual(Buffer.from(code(id, day)), Buffer.from(given))) {
            return sessions.createInvite({ meetingId: id, role: 'observer', kind: 'attendee', ttlMs: JOINED_INVITE_TTL_MS, issuedByName: 'QR' });
          }
        }
      }
      return null;
    },
  };
}
