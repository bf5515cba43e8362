// One example call of every sequenced command, for the role × command matrix (test/server/permission-matrix.test.ts).
// Whoever adds a command adds its example here: the record is typed by the registry's names, so `npm run check` and
// the matrix both fail while one is missing. An example builds a payload the command accepts from an allowed actor
// in the meeting as it stands, preparing first (through the pipeline, as trusted roles, or in the database) what the
// call needs, so that an allowed cell is asserted to succeed. A denied cell is asserted refused (`forbidden`) with the
// meeting's sequence unchanged; its payload need only be well formed.
import type { CommandName } from '../../server/commands/registry.ts';
import type { Database } from '../../server/db/client.ts';
import type { MeetingStatus } from '../../server/domain/meeting-phase.ts';
import type { Identity } from '../../server/auth/identity.ts';
import type { Actor } from '../../server/shared/actor.ts';
import type { ErrorCode } from '../../server/shared/errors.ts';
import type { Role } from '../../server/shared/roles.ts';

/** What an example may use to prepare its call. */
export interface MatrixWorld {
  db: Database;
  meetingId: string;
  planId: string;
  /** A project whose ceiling may still change (no confirmed resolution), a different one each call. */
  openProject(): Promise<{ id: string; version: number; ceilingBaht: number; requestedBaht: number }>;
  /** A project kept for resolutions (recorded, confirmed, reopened), a different one each call. */
  resolutionProject(): Promise<{ id: string; requestedBaht: number }>;
  /** A new participant of the meeting, joined by an invite of their own. */
  newParticipant(role: Role): Promise<Identity & { inviteId: string }>;
  /** Runs a command as a trusted participant of `role` (one per role, kept for preparing). */
  runAs(role: Role, name: CommandName, payload: unknown): Promise<unknown>;
  /** Runs a command as the actor of the cell (to give them something of their own, e.g. a change to undo). */
  runAsActor(name: CommandName, payload: unknown): Promise<unknown>;
  setStatus(status: MeetingStatus): Promise<void>;
}

export interface CommandExample {
  /** The phase the meeting must be in for the call (default in_session); the matrix puts it there and back. */
  phase?: MeetingStatus;
  /** Prepares what the call needs and returns its payload. `allowed`: the cell's actor may run it. */
  payload(world: MatrixWorld, cell: { actor: Actor; allowed: boolean }): Promise<unknown>;
  /**
   * For the few commands whose success needs the whole meeting decided (the frame) or untouched (an import): the
   * refusal an allowed actor gets from the command's own rule, after the pipeline let them through.
   */
  allowedRefusal?: ErrorCode;
}

async function proposalBy(world: MatrixWorld, propose: (payload: unknown) => Promise<unknown>) {
  const project = await world.openProject();
  const ack = (await propose({ projectId: project.id, proposedBaht: project.ceilingBaht - 1, baseVersion: project.version, reason: 'ตัวอย่าง' })) as {
    proposed: { id: string };
  };
  return { proposalId: ack.proposed.id, project };
}

async function draftResolution(world: MatrixWorld): Promise<string> {
  const project = await world.resolutionProject();
  const draft = (await world.runAs('secretary', 'resolution:record', { projectId: project.id, outcome: 'deferred' })) as { id: string };
  return draft.id;
}

const CSV_PROJECT_LIST = new TextEncoder().encode('รหัสโครงการ,หน่วยงาน,ชื่อโครงการ,แนวทาง,ลักษณะการบูรณาการ,วงเงินที่ขอ (บาท)\nX1,กรมตัวอย่าง,โครงการตัวอย่าง,1.1,งบประมาณ,1000000\n');

export const COMMAND_EXAMPLES: Record<CommandName, CommandExample> = {
  'ceilings:set': {
    async payload(world) {
      const p = await world.openProject();
      return { projectId: p.id, toBaht: p.ceilingBaht - 1, expectedVersion: p.version, reason: 'ตัวอย่าง' };
    },
  },
  'ceilings:revert': {
    async payload(world) {
      const p = await world.openProject();
      await world.runAs('chair', 'ceilings:set', { projectId: p.id, toBaht: p.ceilingBaht - 1, expectedVersion: p.version, reason: '' });
      return { projectId: p.id, expectedVersion: p.version + 1, reason: 'ตัวอย่าง' };
    },
  },
  'ceilings:undo': {
    async payload(world, { allowed }) {
      if (allowed) {
        const p = await world.openProject();
        await world.runAsActor('ceilings:set', { projectId: p.id, toBaht: p.ceilingBaht - 1, expectedVersion: p.version, reason: '' });
      }
      return {};
    },
  },
  'ceilings:propose': {
    async payload(world) {
      const p = await world.openProject();
      return { projectId: p.id, proposedBaht: p.ceilingBaht - 1, baseVersion: p.version, reason: 'ตัวอย่าง' };
    },
  },
  'ceilings:withdraw': {
    async payload(world, { allowed }) {
      const { proposalId } = await proposalBy(world, (payload) =>
        allowed ? world.runAsActor('ceilings:propose', payload) : world.runAs('member', 'ceilings:propose', payload),
      );
      return { proposalId };
    },
  },
  'ceilings:decide': {
    async payload(world) {
      const { proposalId, project } = await proposalBy(world, (payload) => world.runAs('member', 'ceilings:propose', payload));
      return { proposalId, decision: 'reject', expectedVersion: project.version };
    },
  },
  'focus:move': {
    async payload(world) {
      const p = await world.openProject();
      return { view: { kind: 'project', projectId: p.id } };
    },
  },
  'agenda:move': {
    async payload(world) {
      const item = await world.db.agendaItem.findFirstOrThrow({ where: { meetingId: world.meetingId }, orderBy: { position: 'desc' } });
      return { agendaItemId: item.id };
    },
  },
  'agenda:add': {
    async payload(world) {
      const parent = await world.db.agendaItem.findFirstOrThrow({ where: { meetingId: world.meetingId, number: '4' } });
      return { parentId: parent.id, titleTh: 'วาระตัวอย่าง' };
    },
  },
  'presenter:assign': {
    async payload(world) {
      // A handover ends the one before it, so the roles the matrix is testing stay as they are.
      return { participantId: (await world.newParticipant('member')).participantId };
    },
  },
  'presenter:reclaim': {
    async payload(world) {
      await world.runAs('chair', 'presenter:assign', { participantId: (await world.newParticipant('member')).participantId });
      return {};
    },
  },
  'attendance:record': {
    async payload(world) {
      return { participantId: (await world.newParticipant('member')).participantId, attendance: 'present' };
    },
  },
  'resolution:record': {
    async payload(world) {
      return { projectId: (await world.resolutionProject()).id, outcome: 'deferred', textTh: 'ตัวอย่าง' };
    },
  },
  'resolution:confirm': {
    async payload(world) {
      return { resolutionId: await draftResolution(world) };
    },
  },
  'resolution:reopen': {
    async payload(world) {
      const resolutionId = await draftResolution(world);
      await world.runAs('chair', 'resolution:confirm', { resolutionId });
      return { resolutionId, reason: 'ตัวอย่าง' };
    },
  },
  'participant:revoke': {
    async payload(world) {
      return { participantId: (await world.newParticipant('observer')).participantId };
    },
  },
  'projects:import': {
    // An import replaces the list only before the meeting has changed anything; the matrix has.
    allowedRefusal: 'import_locked',
    async payload() {
      return { fileName: 'projects.csv', bytes: CSV_PROJECT_LIST };
    },
  },
  'frame:prepare': {
    // The frame is prepared once every project has a confirmed resolution; in the matrix most have none.
    allowedRefusal: 'frame_resolutions_missing',
    async payload() {
      return {};
    },
  },
  'frame:confirm': {
    allowedRefusal: 'frame_not_prepared',
    async payload() {
      return { draftHash: '0'.repeat(64) };
    },
  },
  'invite:revoke': {
    async payload(world) {
      return { inviteId: (await world.newParticipant('observer')).inviteId };
    },
  },
  'plan:update': {
    async payload(world) {
      const plan = await world.db.plan.findUniqueOrThrow({ where: { id: world.planId } });
      return {
        planId: plan.id,
        titleTh: plan.titleTh,
        titleEn: plan.titleEn,
        fiscalYearBE: plan.fiscalYearBE,
        hostAgencyTh: plan.hostAgencyTh,
        hostAgencyEn: plan.hostAgencyEn,
        frameMillionBaht: (Number(plan.frameBaht) / 1_000_000).toFixed(4),
        hardCap: plan.hardCap,
        allowAboveRequest: plan.allowAboveRequest,
        reason: 'ตัวอย่าง',
      };
    },
  },
  'meeting:open': {
    phase: 'scheduled',
    async payload() {
      return {};
    },
  },
  'meeting:close': {
    async payload() {
      return {};
    },
  },
};
