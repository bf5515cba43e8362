// Replaces a plan's project list with an imported one, all or nothing, and only while nothing has been decided on the
// current list: once a ceiling moved, a proposal, resolution or frame record exists, the list is the meeting's record.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import { nextMeetingSeq } from './meeting-seq.ts';
import type { Identity } from '../auth/identity.ts';
import { can } from '../domain/permissions.ts';
import { validateImport, type ImportProblem, type ImportedProject, type ImportReference } from '../domain/project-import.ts';
import { readTable } from '../import/read-table.ts';
import { BoardError } from '../shared/errors.ts';

export interface ImportPreview {
  fileName: string;
  encoding: string | null;
  rowCount: number;
  projects: ImportedProject[];
  problems: ImportProblem[];
  totalRequestedBaht: number;
}

async function reference(db: Database, planId: string): Promise<ImportReference> {
  const [plan, approaches, agencies] = await Promise.all([
    db.plan.findUniqueOrThrow({ where: { id: planId } }),
    db.approach.findMany({ where: { goal: { planId } }, include: { goal: true } }),
    db.agency.findMany({ select: { code: true, nameTh: true } }),
  ]);
  return {
    frameBaht: bahtFromDb(plan.frameBaht),
    approaches: approaches.map((a) => ({ code: a.code, goalNumber: a.goal.number, nameTh: a.nameTh })),
    agencies,
  };
}

async function planOf(db: Database, who: Identity): Promise<string> {
  if (!can(who.role, 'projects:import')) throw new BoardError('forbidden');
  const meeting = await db.meeting.findUnique({ where: { id: who.meetingId }, select: { planId: true } });
  if (!meeting) throw new BoardError('meeting_not_found');
  return meeting.planId;
}

export async function previewImport(db: Database, who: Identity, fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
  const planId = await planOf(db, who);
  const table = await readTable(fileName, bytes);
  const { projects, problems } = validateImport(table, await reference(db, planId));
  return {
    fileName,
    encoding: table.encoding ?? null,
    rowCount: table.rows.length,
    projects,
    problems,
    totalRequestedBaht: projects.reduce((sum, p) => sum + p.requestedBaht, 0),
  };
}

/** Validates again (the preview is not trusted) and writes every project in one transaction; returns the new seq. */
export async function commitImport(db: Database, who: Identity, fileName: string, bytes: Uint8Array): Promise<{ seq: number; imported: number }> {
  const planId = await planOf(db, who);
  const preview = await previewImport(db, who, fileName, bytes);
  if (preview.problems.length) throw new BoardError('import_invalid', preview.problems);
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Meeting" WHERE "planId" = ${planId} FOR UPDATE`;
      const decided =
        (await tx.ceilingChange.count({ where: { project: { planId }, kind: { not: 'import' } } })) +
        (await tx.proposal.count({ where: { project: { planId } } })) +
        (await tx.resolution.count({ where: { meeting: { planId } } })) +
        (await tx.frameRecord.count({ where: { planId } }));
      if (decided > 0) throw new BoardError('import_locked');

      const known = new Map((await tx.agency.findMany({ select: { id: true, code: true, nameTh: true } })).flatMap((a) => [[`name:${a.nameTh}`, a.id], [`code:${a.code}`, a.id]]));
      const newAgencies = [...new Set(preview.projects.filter((p) => !agencyId(known, p)).map((p) => p.agencyNameTh))];
      if (newAgencies.length) {
        const created = await tx.agency.createManyAndReturn({
          data: newAgencies.map((nameTh, i) => ({ code: `IMP-${Date.now().toString(36)}-${i}`, nameTh, nameEn: '', abbreviationTh: '', ministryTh: '' })),
          select: { id: true, nameTh: true },
        });
        for (const agency of created) known.set(`name:${agency.nameTh}`, agency.id);
      }
      const approaches = new Map((await tx.approach.findMany({ where: { goal: { planId } } })).map((a) => [a.code, a.id]));
      await tx.project.deleteMany({ where: { planId } });
      const projects = await tx.project.createManyAndReturn({
        data: preview.projects.map((p, position) => ({
          planId,
          code: p.code,
          position,
          nameTh: p.nameTh,
          nameEn: p.nameEn,
          agencyId: agencyId(known, p)!,
          approachId: approaches.get(p.approachCode)!,
          integrationType: p.integrationType,
          requestedBaht: BigInt(p.requestedBaht),
          ceilingBaht: BigInt(p.requestedBaht),
        })),
        select: { id: true, requestedBaht: true },
      });
      const seq = await nextMeetingSeq(tx, who.meetingId);
      await tx.ceilingChange.createMany({
        data: projects.map((p) => ({
          meetingId: who.meetingId,
          projectId: p.id,
          participantId: who.participantId,
          actorName: who.displayName,
          role: who.role,
          kind: 'import' as const,
          fromBaht: 0n,
          toBaht: p.requestedBaht,
          versionAfter: 1,
          seq,
          reason: `นำเข้าจากไฟล์ ${fileName}`.slice(0, 500),
        })),
      });
      return { seq, imported: projects.length };
    },
    { timeout: 60_000 },
  );
}

function agencyId(known: Map<string, string>, project: ImportedProject): string | undefined {
  return (project.agencyCode ? known.get(`code:${project.agencyCode}`) : undefined) ?? known.get(`name:${project.agencyNameTh}`);
}
