// Brings a meeting to the point where its frame can be recorded: every project without a confirmed resolution gets one
// (approved with a ceiling scaled to fit the frame), written straight to the database as the chair would have.
import type { Database } from '../../server/db/client.ts';

export async function resolveRemainingWithinFrame(db: Database, meetingId: string, by: { recorderId: string; confirmerId: string }): Promise<void> {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { plan: true } });
  const projects = await db.project.findMany({ where: { planId: meeting.planId } });
  const resolved = new Set(
    (await db.resolution.findMany({ where: { meetingId, status: 'confirmed' } })).map((r) => r.projectId),
  );
  const open = projects.filter((p) => !resolved.has(p.id));
  const fixed = projects.filter((p) => resolved.has(p.id)).reduce((sum, p) => sum + p.ceilingBaht, 0n);
  const requested = open.reduce((sum, p) => sum + p.requestedBaht, 0n);
  const room = meeting.plan.frameBaht - fixed;
  await db.$transaction(
    open.flatMap((p) => {
      const ceilingBaht = requested <= room ? p.requestedBaht : (p.requestedBaht * room) / requested;
      return [
        db.project.update({ where: { id: p.id }, data: { ceilingBaht, version: { increment: 1 } } }),
        db.resolution.create({
          data: {
            meetingId,
            projectId: p.id,
            outcome: ceilingBaht === p.requestedBaht ? 'approved_as_requested' : 'approved_adjusted',
            ceilingBaht,
            status: 'confirmed',
            recordedById: by.recorderId,
            confirmedById: by.confirmerId,
            confirmedAt: new Date(),
          },
        }),
      ];
    }),
  );
}
