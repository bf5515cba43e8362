// The mapping step of an import: the file is kept on the server (an hour at most) while the secretary looks at how
// each column was read, maps the rest and changes the unit; every look reads the kept bytes again, and the commit
// validates once more inside its transaction. Through the pipeline in the plan's newest meeting, whose boards are
// told; a plan with no meeting yet has no boards and no sequence, so its list is written in a plain transaction.
import type { Database } from '../db/client.ts';
import { readAndValidate, writeImport } from '../db/import-repository.ts';
import type { RunCommand } from '../commands/registry.ts';
import type { ColumnMapping } from '../domain/import/mapping.ts';
import { authorityOf, can } from '../domain/permissions.ts';
import type { ActingActor } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import type { StagedImport } from '../shared/import.ts';

export const UPLOAD_TTL_MS = 60 * 60 * 1000;

export interface ImportSetup {
  /** The plan as the import page names it, and how many projects its list has now. */
  plan(actor: ActingActor, planId: string): Promise<{ titleTh: string; titleEn: string; isSample: boolean; projectCount: number }>;
  /** Keeps the file and reads it with the plan's saved mapping for its headers, or the recognised one. */
  stage(actor: ActingActor, planId: string, fileName: string, bytes: Uint8Array): Promise<StagedImport>;
  /** Reads the kept file again: another sheet's first look, or the secretary's mapping. */
  look(actor: ActingActor, planId: string, uploadId: string, choice: { sheet?: number; mapping?: ColumnMapping }): Promise<StagedImport>;
  /** Replaces the plan's list with the kept file read through `mapping` (or the one `stage` found), and forgets the file. */
  commit(actor: ActingActor, planId: string, uploadId: string, mapping?: ColumnMapping): Promise<{ seq: number | null; imported: number }>;
}

export interface ImportSetupDeps {
  db: Database;
  runCommand: RunCommand;
  now?: () => number;
}

export function createImportSetup(deps: ImportSetupDeps): ImportSetup {
  const { db } = deps;
  const now = deps.now ?? Date.now;

  /** The plan, if the actor may import into it: an organiser any plan, a participant their meeting's plan. */
  async function allow(actor: ActingActor, planId: string): Promise<void> {
    if (!can(authorityOf(actor), 'projects:import')) throw new BoardError('forbidden', { action: 'projects:import' });
    const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true } });
    if (!plan) throw new BoardError('plan_not_found');
    if (actor.kind === 'participant') {
      const meeting = await db.meeting.findUnique({ where: { id: actor.meetingId }, select: { planId: true } });
      if (meeting?.planId !== planId) throw new BoardError('forbidden', { action: 'projects:import' });
    }
  }

  async function upload(planId: string, uploadId: string) {
    const row = await db.importUpload.findUnique({ where: { id: uploadId } });
    if (!row || row.planId !== planId || row.expiresAt.getTime() <= now()) throw new BoardError('import_upload_not_found');
    return row;
  }

  return {
    async plan(actor, planId) {
      await allow(actor, planId);
      const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { titleTh: true, titleEn: true, isSample: true, _count: { select: { projects: true } } } });
      return { titleTh: plan.titleTh, titleEn: plan.titleEn, isSample: plan.isSample, projectCount: plan._count.projects };
    },

    async stage(actor, planId, fileName, bytes) {
      await allow(actor, planId);
      // Read before keeping: a file that is no list at all is refused and never stored.
      const readout = await readAndValidate(db, planId, fileName, bytes, { lenient: true });
      await db.importUpload.deleteMany({ where: { expiresAt: { lte: new Date(now()) } } });
      const row = await db.importUpload.create({
        data: { planId, fileName, bytes: Buffer.from(bytes), uploadedBy: actor.displayName, expiresAt: new Date(now() + UPLOAD_TTL_MS) },
        select: { id: true },
      });
      return { uploadId: row.id, ...readout };
    },

    async look(actor, planId, uploadId, choice) {
      await allow(actor, planId);
      const row = await upload(planId, uploadId);
      return { uploadId, ...(await readAndValidate(db, planId, row.fileName, row.bytes, { ...choice, lenient: true })) };
    },

    async commit(actor, planId, uploadId, mapping) {
      await allow(actor, planId);
      const row = await upload(planId, uploadId);
      const input = { fileName: row.fileName, bytes: new Uint8Array(row.bytes), ...(mapping ? { mapping } : {}) };
      const meetingId =
        actor.kind === 'participant'
          ? actor.meetingId
          : (await db.meeting.findFirst({ where: { planId }, orderBy: { createdAt: 'desc' }, select: { id: true } }))?.id;
      let result: { seq: number | null; imported: number };
      if (meetingId) result = await deps.runCommand('projects:import', actor, input, meetingId);
      else {
        const imported = await db.$transaction((tx) => writeImport(tx, planId, input, { meetingId: null, seq: null, actor }), { timeout: 60_000 });
        result = { seq: null, imported };
      }
      await db.importUpload.delete({ where: { id: uploadId } });
      return result;
    },
  };
}
