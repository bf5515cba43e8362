// Replaces a plan's project list with an imported one, all or nothing, and only while nothing has been decided on the
// current list: once a ceiling moved, a proposal, resolution or frame record exists, the list is the meeting's record.
import type { Database } from './client.ts';
import { bahtFromDb } from './client.ts';
import type { Identity } from '../auth/identity.ts';
import { auditedAs, type ActingActor } from '../shared/actor.ts';
import type { CommandContext, Tx } from '../commands/command.ts';
import { can } from '../domain/permissions.ts';
import { analyseSheet, SAMPLE_ROWS, suggestedMapping } from '../domain/import/analyse.ts';
import { FIELD_LABELS, type AmountUnit, type ImportField } from '../domain/import/fields.ts';
import { applySavedColumns, headerSignature, mappingRefusal, saveColumns, type ColumnMapping, type SavedColumns } from '../domain/import/mapping.ts';
import { MAX_IMPORT_ROWS, readProjects, type ImportedProject, type ImportReference } from '../domain/import/read-projects.ts';
import type { ImportPreview, StagedImport } from '../shared/import.ts';
import { cleanCell, matchKey } from '../domain/import/text.ts';
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
  return (await readAndValidate(db, await planOf(db, who), fileName, bytes)).preview!;
}

/** What the secretary chose: a sheet to read (for a first look at another sheet), or a whole mapping. */
export interface ImportChoice {
  sheet?: number;
  mapping?: ColumnMapping;
  /** A first look: required columns not recognised are reported, not refused. */
  lenient?: boolean;
}

export type ImportReadout = Omit<StagedImport, 'uploadId'>;

/** Reads the file under the secretary's mapping, else the plan's saved one for these headers, else the recognised one. */
export async function readAndValidate(db: Database | Tx, planId: string, fileName: string, bytes: Uint8Array, choice: ImportChoice = {}): Promise<ImportReadout> {
  const file = await readSpreadsheet(bytes);
  const facts = await reference(db, planId);
  const sheet = choice.mapping?.sheet ?? choice.sheet;
  if (sheet !== undefined && !file.sheets[sheet]) throw new BoardError('import_mapping_invalid');
  const analysis = analyseSheet(file.sheets, facts, { sheet, headerLine: choice.mapping?.headerLine });
  if (!analysis) throw new BoardError(choice.mapping ? 'import_mapping_invalid' : 'import_no_header');
  if (analysis.table.body.length > MAX_IMPORT_ROWS) throw new BoardError('import_too_many_rows', { limit: MAX_IMPORT_ROWS, rows: analysis.table.body.length });
  const { header } = analysis.table;
  let mapping = suggestedMapping(analysis);
  let mappingFrom: StagedImport['mappingFrom'] = 'recognised';
  if (choice.mapping) {
    mapping = choice.mapping;
    mappingFrom = 'chosen';
  } else {
    const saved = await db.importMapping.findUnique({ where: { planId_signature: { planId, signature: headerSignature(header) } } });
    const columns = saved && applySavedColumns(header, { signature: saved.signature, fields: saved.fields as SavedColumns['fields'], amountUnit: saved.amountUnit as AmountUnit });
    if (saved && columns) {
      mapping = { ...mapping, columns, amountUnit: saved.amountUnit as AmountUnit };
      mappingFrom = 'saved';
    }
  }
  const refusal = mappingRefusal(mapping, header, { approachFromHeadings: analysis.approachFromHeadings });
  const first = {
    header,
    sheets: file.sheets.map((s) => s.name),
    mapping,
    mappingFrom,
    samples: analysis.table.body.slice(0, SAMPLE_ROWS).map((row) => header.map((_, index) => cleanCell(row.cells[index] ?? ''))),
  };
  // A first look leaves what was not recognised for the secretary to map; reading the rows without it would only
  // report every row as missing it.
  if (refusal?.code === 'import_mapping_incomplete' && choice.lenient && !choice.mapping) return { ...first, missing: refusal.fields, preview: null };
  if (refusal) throw new BoardError(refusal.code, 'fields' in refusal ? namedFields(refusal.fields) : undefined);
  const reading = readProjects(analysis.table, mapping, facts, file.sheets[mapping.sheet]!.problems);
  const columnsRead = header.map((text, index) => ({ header: text, field: mapping.columns[index] ?? null }));
  return {
    ...first,
    missing: [],
    preview: {
      fileName,
      encoding: file.encoding,
      rowCount: analysis.table.body.length,
      sheetName: file.sheets[mapping.sheet]!.name,
      columns: columnsRead,
      amountUnit: mapping.amountUnit,
      // A unit the secretary chose is theirs; the analysis' reason is only for the unit it found.
      unitSource: mapping.amountUnit === analysis.amountUnit ? analysis.unitSource : { from: 'chosen' },
      skippedRows: reading.skipped.length,
      projects: reading.projects,
      problems: reading.problems,
      totalRequestedBaht: reading.totalRequestedBaht,
      codeSource: reading.codeSource,
      fileTotal: reading.fileTotal,
      newAgencies: reading.newAgencies,
    },
  };
}

/** A refusal's field is the columns concerned, by the names the page shows them. */
function namedFields(fields: ImportField[]) {
  return {
    field: 'columns',
    fieldTh: fields.map((field) => FIELD_LABELS[field].th).join(', '),
    fieldEn: fields.map((field) => FIELD_LABELS[field].en).join(', '),
    fields,
  };
}

/**
 * Whether the plan has decided anything on its list (a ceiling moved, a proposal, a resolution, a frame record): until
 * then the list is replaced by an import, after it changed one audited command at a time. Locks every meeting of the
 * plan, not only this one (the list is the plan's), so that no decision lands between the answer and the write.
 */
export async function planDecided(tx: Tx, planId: string): Promise<boolean> {
  await tx.$queryRaw`SELECT "id" FROM "Meeting" WHERE "planId" = ${planId} FOR UPDATE`;
  const decided =
    (await tx.ceilingChange.count({ where: { project: { planId }, kind: { not: 'import' } } })) +
    (await tx.proposal.count({ where: { project: { planId } } })) +
    (await tx.resolution.count({ where: { meeting: { planId } } })) +
    (await tx.frameRecord.count({ where: { planId } })) +
    (await tx.projectChange.count({ where: { planId } }));
  return decided > 0;
}

/** Where an import is recorded: the meeting whose sequence it takes, or none when the plan has no meeting yet. */
export interface ImportAudit {
  meetingId: string | null;
  seq: number | null;
  actor: ActingActor;
}

/** The command's body: validates again (the preview is not trusted) and writes in the command's transaction. */
export async function commitImport(ctx: CommandContext, input: { fileName: string; bytes: Uint8Array; mapping?: ColumnMapping }): Promise<{ seq: number; imported: number }> {
  const { planId } = await ctx.tx.meeting.findUniqueOrThrow({ where: { id: ctx.meetingId }, select: { planId: true } });
  const imported = await writeImport(ctx.tx, planId, input, { meetingId: ctx.meetingId, seq: ctx.seq, actor: ctx.actor });
  return { seq: ctx.seq, imported };
}

/**
 * Replaces the plan's list, all or nothing; the ceiling changes it audits carry the import's seq. The mapping is kept
 * for the next file with these headers.
 */
export async function writeImport(tx: Tx, planId: string, input: { fileName: string; bytes: Uint8Array; mapping?: ColumnMapping }, audit: ImportAudit): Promise<number> {
  const { fileName } = input;
  const { meetingId, seq, actor } = audit;
  const readout = await readAndValidate(tx, planId, fileName, input.bytes, { mapping: input.mapping });
  const preview = readout.preview!;
  if (preview.problems.length) throw new BoardError('import_invalid', preview.problems);
  if (await planDecided(tx, planId)) throw new BoardError('import_locked');
  const saved = saveColumns(readout.header, readout.mapping);
  await tx.importMapping.upsert({
    where: { planId_signature: { planId, signature: saved.signature } },
    create: { planId, signature: saved.signature, fields: saved.fields, amountUnit: saved.amountUnit },
    update: { fields: saved.fields, amountUnit: saved.amountUnit },
  });

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
  return projects.length;
}

function agencyId(known: Map<string, string>, project: ImportedProject): string | undefined {
  return (project.agencyCode ? known.get(`code:${project.agencyCode}`) : undefined) ?? known.get(`name:${matchKey(project.agencyNameTh)}`);
}
