// The meeting's sequence: every state change that is broadcast takes the next number inside the transaction that makes
// it, so clients can tell a missed event (a gap) from a duplicate, and a reconnecting client knows what it lacks.
import type { Prisma } from './generated/client.ts';

export async function nextMeetingSeq(tx: Prisma.TransactionClient, meetingId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ seq: number }[]>`
    UPDATE "Meeting" SET "seq" = "seq" + 1 WHERE "id" = ${meetingId} RETURNING "seq"`;
  if (!row) throw new Error(`No meeting ${meetingId}`);
  return row.seq;
}
