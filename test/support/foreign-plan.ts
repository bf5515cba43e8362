// Another plan with one project and a meeting of its own: what a command naming "another meeting's project" names.
import type { Database } from '../../server/db/client.ts';

export async function foreignProject(db: Database): Promise<string> {
  const other = await db.plan.create({
    data: {
      fiscalYearBE: 2568,
      titleTh: 'แผนอื่น',
      titleEn: 'Another plan',
      frameBaht: 10_000_000n,
      goals: { create: { number: 1, stream: 'upstream', nameTh: 'ก', nameEn: 'A', approaches: { create: { code: '1.1', position: 1, nameTh: 'ก', nameEn: 'A' } } } },
    },
    include: { goals: { include: { approaches: true } } },
  });
  const agency = await db.agency.findFirstOrThrow();
  const foreign = await db.project.create({
    data: {
      planId: other.id, code: 'X-1', position: 1, nameTh: 'โครงการอื่น', nameEn: 'Other', agencyId: agency.id,
      approachId: other.goals[0]!.approaches[0]!.id, integrationType: 'budget', requestedBaht: 5_000_000n, ceilingBaht: 5_000_000n,
    },
  });
  await db.meeting.create({ data: { planId: other.id, number: 1, yearBE: 2568, titleTh: 'อื่น', venueTh: 'ที่อื่น', startsAt: new Date() } });
  return foreign.id;
}
