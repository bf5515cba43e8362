// Replaces a plan's project list with an imported one, all or nothing, and only while nothing has been decided on the
// current list: once a ceiling moved, a proposal, resolution or frame record exists, the list is the meeting's record.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import type { Identity } from '../auth/identity.ts';
import { auditedAs } from '../shared/actor.ts';
import type { CommandContext, Tx } from '../commands/command.ts';
import { can } from '../domain/permissions.ts';
import { analyseSheet, suggestedMapping } from '../domain/import/analyse.ts';
import { FIELD_LABELS, type ImportField } from '../domain/import/fields.ts';
import { mappingGaps } from '../domain/import/mapping.ts';
import { MAX_IMPORT_ROWS, readProjects, type ImportedProject, type ImportReference } from '../domain/import/read-projects.ts';
import type { ImportPreview } from '../shared/import.ts';
import { matchKey } from '../domain/import/text.ts';
import { readSpreadsheet } from '../import/read-table.ts';
import { BoardError } from '../shared/errors.ts';

async function reference(db: Database | Tx, planId: string): Promise<ImportReference> {
  const [plan, goals, approaches, agencies] = await Promise.all([
    db.plan.findUniqueOrThrow({ where: { id: planId } }),
    db.goal.findMany({ where: { planId }, orderBy: { number: 'asc' } }),
    db.approach.findMany({ where: { goal: { planId } }, include: { goal: true }, orderBy: [{ goal: { number: 'asc' } }, { position: 'asc' }] }),
    db.agency.findMany({ select: { code: true, nameTh: true, abbreviationTh: true } }),
  ]);
  return {
    fiscalYearBE: plan.fiscalYearBE,
    frameBaht: bahtFromDb(plan.frameBaht),
    goals: goals.map((g) => ({ number: g.number, stream: g.stream, nameTh: g.nameTh })),
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
  return readAndValidate(db, await planOf(db, who), fileName, bytes);
}

async function readAndValidate(db: Database | Tx, planId: string, fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
  const file = await readSpreadsheet(bytes);
  const facts = await reference(db, planId);
  const analysis = analyseSheet(file.sheets, facts);
  if (!analysis) throw new BoardError('import_no_header');
  if (analysis.table.body.length > MAX_IMPORT_ROWS) throw new BoardError('import_too_many_rows', { limit: MAX_IMPORT_ROWS, rows: analysis.table.body.length });
  const mapping = suggestedMapping(analysis);
  const gaps = mappingGaps(mapping.columns, { approachFromHeadings: analysis.approachFromHeadings });
  if (gaps.missing.length) throw new BoardError('import_mapping_incomplete', missingColumns(gaps.missing));
  const reading = readProjects(analysis.table, mapping, facts, file.sheets[mapping.sheet]!.problems);
  return {
    fileName,
    encoding: file.encoding,
    rowCount: analysis.table.body.length,
    sheetName: file.sheets[mapping.sheet]!.name,
    columns: analysis.columns.map(({ header, field }) => ({ header, field })),
    amountUnit: analysis.amountUnit,
    unitSource: analysis.unitSource,
    skippedRows: reading.skipped.length,
    projects: reading.projects,
    problems: reading.problems,
    totalRequestedBaht: reading.totalRequestedBaht,
    codeSource: reading.codeSource,
    fileTotal: reading.fileTotal,
    newAgencies: reading.newAgencies,
  };
}

/** The refusal's field is the columns the secretary still has to find, by the names the page shows them. */
function missingColumns(fields: ImportField[]) {
  return {
    field: 'columns',
    fieldTh: fields.map((field) => FIELD_LABELS[field].th).join(', '),
    fieldEn: fields.map((field) => FIELD_LABELS[field].en).join(', '),
    missing: fields,
  };
}

/**
 * Validates again (the preview is not trusted) and writes every project in the command's transaction; the ceiling
 * changes it audits carry the command's seq.
 */
export async function commitImport(ctx: CommandContext, input: { fileName: string; bytes: Uint8Array }): Promise<{ seq: number; imported: number }> {
  const { tx, meetingId, seq, actor } = ctx;
  const { fileName } = input;
  const { planId } = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { planId: true } });
  const preview = await readAndValidate(tx, planId, fileName, input.bytes);
  if (preview.problems.length) throw new BoardError('import_invalid', preview.problems);
  // Every meeting of the plan, not only this one: the list is the plan's.
  await tx.$queryRaw`SELECT "id" FROM "Meeting" WHERE "planId" = ${planId} FOR UPDATE`;
  const decided =
    (await tx.ceilingChange.count({ where: { project: { planId }, kind: { not: 'import' } } })) +
    (await tx.proposal.count({ where: { project: { planId } } })) +
    (await tx.resolution.count({ where: { meeting: { planId } } })) +
    (await tx.frameRecord.count({ where: { planId } }));
  if (decided > 0) throw new BoardError('import_locked');

  const known = new Map(
    (await tx.agency.findMany({ select: { id: true, code: true, nameTh: true, abbreviationTh: true } })).flatMap((a) => [
      [`name:${matchKey(a.nameTh)}`, a.id],
      ...(a.abbreviationTh ? [[`name:${matchKey(a.abbreviationTh)}`, a.id] as const] : []),
      [`code:${a.code}`, a.id],
    ]),
  );
  const ministries = new Map(preview.projects.map((p) => [p.agencyNameTh, p.ministryTh]));
  const newAgencies = [...new Set(preview.projects.flatMap((p) => [...(agencyId(known, p) ? [] : [p.agencyNameTh]), ...p.partners.filter((name) => !known.has(`name:${matchKey(name)}`))]))];
  if (newAgencies.length) {
    const created = await tx.agency.createManyAndReturn({
      data: newAgencies.map((nameTh, i) => ({ code: `IMP-${Date.now().toString(36)}-${i}`, nameTh, nameEn: '', abbreviationTh: '', ministryTh: ministries.get(nameTh) ?? '' })),
      select: { id: true, nameTh: true },
    });
    for (const agency of created) known.set(`name:${matchKey(agency.nameTh)}`, agency.id);
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
      summaryTh: p.summaryTh,
      agencyId: agencyId(known, p)!,
      approachId: approaches.get(p.approachCode)!,
      integrationType: p.integrationType,
      requestedBaht: BigInt(p.requestedBaht),
      ceilingBaht: BigInt(p.requestedBaht),
    })),
    select: { id: true, code: true, requestedBaht: true },
  });
  const byCode = new Map(preview.projects.map((p) => [p.code, p]));
  const partners = projects.flatMap((project) => byCode.get(project.code)!.partners.map((name) => ({ projectId: project.id, agencyId: known.get(`name:${matchKey(name)}`)! })));
  if (partners.length) await tx.projectPartner.createMany({ data: partners, skipDuplicates: true });
  await tx.ceilingChange.createMany({
    data: projects.map((p) => ({
      meetingId,
      projectId: p.id,
      ...auditedAs(actor),
      kind: 'import' as const,
      fromBaht: 0n,
      toBaht: p.requestedBaht,
      versionAfter: 1,
      seq,
      reason: `นำเข้าจากไฟล์ ${fileName}`.slice(0, 500),
    })),
  });
  return { seq, imported: projects.length };
}

function agencyId(known: Map<string, string>, project: ImportedProject): string | undefined {
  return (project.agencyCode ? known.get(`code:${project.agencyCode}`) : undefined) ?? known.get(`name:${matchKey(project.agencyNameTh)}`);
}
