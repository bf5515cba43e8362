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
import { can, canInvite, type Authority } from '../../server/domain/permissions.ts';

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

/** A set of two cuts on open projects, proposed by `propose` (the cell's actor or a trusted member). */
async function setBy(world: MatrixWorld, propose: (payload: unknown) => Promise<unknown>) {
  const projects = [await world.openProject(), await world.openProject()];
  const changes = projects.map((p) => ({ projectId: p.id, toBaht: p.ceilingBaht - 1, baseVersion: p.version }));
  const ack = (await propose({ changes, reason: 'ตัวอย่างชุด' })) as { proposed: { id: string } };
  return { setId: ack.proposed.id, projects };
}

async function draftResolution(world: MatrixWorld): Promise<string> {
  const project = await world.resolutionProject();
  const draft = (await world.runAs('secretary', 'resolution:record', { projectId: project.id, outcome: 'deferred' })) as { id: string };
  return draft.id;
}

/** A member on the plan's roster, new, who has not joined: someone to be absent or to be stood in for. */
async function newRosterMember(world: MatrixWorld) {
  const order = await world.db.rosterMember.count({ where: { planId: world.planId } });
  return world.db.rosterMember.create({
    data: { planId: world.planId, nameTh: `นายตัวอย่าง ที่ ${order + 1}`, position: 'member', agencyTh: 'หน่วยงานตัวอย่าง', meetingRole: 'member', order: order + 1 },
  });
}

let addedProjects = 0;

/**
 * A new project's payload, with an agency and an approach the plan knows. The list changes one command at a time only
 * once the plan has decided something: a cut is made first when nothing has been.
 */
async function newProjectPayload(world: MatrixWorld) {
  const decided = await world.db.ceilingChange.count({ where: { project: { planId: world.planId }, kind: { not: 'import' } } });
  if (!decided) {
    const p = await world.openProject();
    await world.runAs('chair', 'ceilings:set', { projectId: p.id, toBaht: p.ceilingBaht - 1, expectedVersion: p.version, reason: '' });
  }
  const model = await world.db.project.findFirstOrThrow({ where: { planId: world.planId }, include: { agency: true, approach: true } });
  addedProjects += 1;
  return {
    code: `ADD-${addedProjects}-${Date.now().toString(36)}`,
    nameTh: `โครงการเพิ่มตัวอย่าง ${addedProjects} ${Date.now().toString(36)}`,
    agencyCode: model.agency.code,
    approachCode: model.approach.code,
    integrationType: 'budget' as const,
    requestedBaht: 1_000_000,
    reason: 'ตัวอย่าง',
  };
}

/** A project added for the call, so that withdrawing or correcting it leaves the matrix's own projects be. */
async function addedProject(world: MatrixWorld): Promise<string> {
  const added = (await world.runAs('secretary', 'projects:add', await newProjectPayload(world))) as { project: { id: string } };
  return added.project.id;
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
  'sets:propose': {
    async payload(world) {
      const projects = [await world.openProject(), await world.openProject()];
      return { changes: projects.map((p) => ({ projectId: p.id, toBaht: p.ceilingBaht - 1, baseVersion: p.version })), reason: 'ตัวอย่างชุด' };
    },
  },
  'sets:withdraw': {
    async payload(world, { allowed }) {
      const { setId } = await setBy(world, (payload) => (allowed ? world.runAsActor('sets:propose', payload) : world.runAs('member', 'sets:propose', payload)));
      return { setId };
    },
  },
  'sets:decide': {
    async payload(world) {
      const { setId, projects } = await setBy(world, (payload) => world.runAs('member', 'sets:propose', payload));
      return { setId, decision: 'accept', projectIds: [projects[0]!.id], reason: 'รับบางส่วน' };
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
  'attendance:absent': {
    async payload(world) {
      return { rosterMemberId: (await newRosterMember(world)).id, reasonTh: 'ติดราชการ' };
    },
  },
  'attendance:substitute': {
    async payload(world) {
      return { participantId: (await world.newParticipant('member')).participantId, rosterMemberId: (await newRosterMember(world)).id };
    },
  },
  'attendance:mark': {
    async payload(world) {
      return { rosterMemberId: (await newRosterMember(world)).id, status: 'substitute', nameTh: 'นายแทน ตัวอย่าง', organisationTh: 'ผู้อำนวยการกอง' };
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
  'resolution:record-bulk': {
    async payload(world) {
      const projects = [await world.resolutionProject(), await world.resolutionProject()];
      return { projectIds: projects.map((p) => p.id), outcome: 'approved_adjusted', textTh: 'เห็นชอบตามกรอบวงเงินที่ปรับ' };
    },
  },
  'resolution:confirm-bulk': {
    async payload(world) {
      return { resolutionIds: [await draftResolution(world), await draftResolution(world)] };
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
  'projects:add': {
    async payload(world) {
      return newProjectPayload(world);
    },
  },
  'projects:withdraw': {
    async payload(world) {
      return { projectId: await addedProject(world), reason: 'หน่วยงานขอถอน' };
    },
  },
  'projects:correct-request': {
    async payload(world) {
      return { projectId: await addedProject(world), requestedBaht: 1_250_000, reason: 'แก้ไขตามหนังสือหน่วยงาน' };
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
  // The matrix's meeting has one set of minutes: each example puts them where its step starts from.
  'minutes:circulate': {
    phase: 'closed',
    async payload(world) {
      await world.db.minutesAdoption.deleteMany({ where: { meetingId: world.meetingId } });
      return {};
    },
  },
  'minutes:adopt': {
    phase: 'closed',
    async payload(world) {
      await world.db.minutesAdoption.deleteMany({ where: { meetingId: world.meetingId } });
      await world.db.minutesAdoption.create({ data: { meetingId: world.meetingId, planId: world.planId, state: 'circulated', circulatedAt: new Date(), circulatedBy: 'เลขานุการ' } });
      return { how: 'circulation', amendments: ['แก้ไขชื่อผู้เข้าร่วมประชุม'] };
    },
  },
  'minutes:lock': {
    // Locking prints adopted minutes (server tests do that); the matrix's are not adopted, which the command says.
    allowedRefusal: 'minutes_wrong_state',
    async payload(world) {
      await world.db.minutesAdoption.deleteMany({ where: { meetingId: world.meetingId } });
      return {};
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
  'screen:show-moment': {
    async payload() {
      return { seq: 0, compareTo: 0 };
    },
  },
  'screen:show-live': {
    async payload() {
      return {};
    },
  },
};

/** Who an endpoint serves: a meeting's participants by their session cookie, organisers by theirs, or both. */
export type Audience = 'participants' | 'organisers' | 'both';

/** One request to a state-changing HTTP endpoint: a JSON API route, a document endpoint or a page's form action. */
export interface EndpointRequest {
  /** The path after the board's address, with the meeting's and plan's ids filled in. */
  path: string;
  method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON for the API; a form (url-encoded) for page actions; bytes for uploads. */
  json?: unknown;
  form?: Record<string, string>;
  file?: { bytes: Uint8Array; type: string };
}

export interface EndpointExample {
  audience: Audience;
  /** As for commands: the phase the meeting is put in for the call (and back in session after); else as it stands. */
  phase?: MeetingStatus;
  /** Whether the permissions table lets this authority do it: generated from `can` (and `canInvite`). */
  allows(authority: Authority): boolean;
  request(world: MatrixWorld & EndpointWorld): Promise<EndpointRequest>;
  /** As for commands: the refusal an allowed caller meets from the endpoint's own rule (status, code). */
  allowedRefusal?: { status: number; code: ErrorCode };
}

/** What endpoint examples prepare with, beyond the commands' world. */
export interface EndpointWorld {
  /** A standing roster member of the plan, new, with this meeting role. */
  newRosterMember(meetingRole?: Role): Promise<{ id: string }>;
  /** A waiting (unused) invite of the meeting, for a roster member or an attendee. */
  waitingInvite(kind: 'member' | 'attendee'): Promise<{ id: string }>;
  /** A pending request to join from the room screen's code. */
  joinRequest(): Promise<{ id: string }>;
  /** Another organiser, to withdraw. */
  otherOrganiser(): Promise<{ id: string }>;
}

/** A file kept for the import's mapping step, as an upload leaves it. */
const keptUpload = (w: MatrixWorld) =>
  w.db.importUpload.create({ data: { planId: w.planId, fileName: 'projects.csv', bytes: Buffer.from(CSV_PROJECT_LIST), uploadedBy: 'ตัวอย่าง', expiresAt: new Date(Date.now() + 3_600_000) } });

const rosterFields = { nameTh: 'นายตัวอย่าง สิทธิ์', position: 'member', agencyTh: 'หน่วยงานตัวอย่าง' };
const roster = (authority: Authority) => can(authority, 'roster:edit');
const organiserAdd = (authority: Authority) => can(authority, 'organiser:add');

const matrixPlan = { titleTh: 'แผนงานของตาราง', fiscalYearBE: 2570, frameMillionBaht: '100.0000' };
const matrixChain = { 'valueChain.0.number': '1', 'valueChain.0.stream': 'upstream', 'valueChain.0.nameTh': 'เป้าหมาย', 'valueChain.0.approaches.0.code': 'M1', 'valueChain.0.approaches.0.nameTh': 'แนวทาง' };

/** A meeting far ahead, numbered by default: each allowed call makes the next one. */
const matrixMeeting = { titleTh: 'การประชุมของตาราง', date: '2099-01-15', time: '09:30', venueTh: 'ห้องประชุม' };

/** The plan as its set-up form posts it, value chain and all: saving it again changes only what the caller changes. */
async function planForm(world: MatrixWorld): Promise<Record<string, string>> {
  const plan = await world.db.plan.findUniqueOrThrow({
    where: { id: world.planId },
    include: { goals: { orderBy: { number: 'asc' }, include: { approaches: { orderBy: { position: 'asc' } } } } },
  });
  const form: Record<string, string> = {
    titleTh: plan.titleTh,
    titleEn: plan.titleEn,
    fiscalYearBE: String(plan.fiscalYearBE),
    hostAgencyTh: plan.hostAgencyTh,
    hostAgencyEn: plan.hostAgencyEn,
    frameMillionBaht: (Number(plan.frameBaht) / 1_000_000).toFixed(4),
    reason: '',
    ...(plan.hardCap ? { hardCap: 'on' } : {}),
    ...(plan.allowAboveRequest ? { allowAboveRequest: 'on' } : {}),
  };
  plan.goals.forEach((goal, g) => {
    Object.assign(form, { [`valueChain.${g}.number`]: String(goal.number), [`valueChain.${g}.stream`]: goal.stream, [`valueChain.${g}.nameTh`]: goal.nameTh, [`valueChain.${g}.nameEn`]: goal.nameEn });
    goal.approaches.forEach((approach, a) => {
      const at = `valueChain.${g}.approaches.${a}`;
      Object.assign(form, { [`${at}.code`]: approach.code, [`${at}.nameTh`]: approach.nameTh, [`${at}.nameEn`]: approach.nameEn });
    });
  });
  return form;
}

/**
 * Every state-changing HTTP endpoint, by `METHOD /express/path` or `/route/dir?/action` for a page's form action.
 * Links anyone holding them may use (an invite, an organiser link, the room's join code) are `public`: they act for
 * no role, and have tests of their own (tokens, single use, rate limits per address).
 */
export const ENDPOINT_EXAMPLES: Record<string, EndpointExample | { public: string }> = {
  'POST /api/plans/:planId/roster': {
    audience: 'organisers',
    allows: roster,
    request: async (w) => ({ path: `/api/plans/${w.planId}/roster`, json: rosterFields }),
  },
  'POST /api/plans/:planId/roster/paste': {
    audience: 'organisers',
    allows: roster,
    request: async (w) => ({ path: `/api/plans/${w.planId}/roster/paste`, json: { text: 'นางตัวอย่าง วาง\tกรรมการ\tหน่วยงานตัวอย่าง' } }),
  },
  'PUT /api/plans/:planId/roster/order': {
    audience: 'organisers',
    allows: roster,
    async request(w) {
      const members = await w.db.rosterMember.findMany({ where: { planId: w.planId, removedAt: null }, orderBy: { order: 'desc' } });
      return { method: 'PUT', path: `/api/plans/${w.planId}/roster/order`, json: { memberIds: members.map((m) => m.id) } };
    },
  },
  'PUT /api/plans/:planId/roster/:memberId': {
    audience: 'organisers',
    allows: roster,
    request: async (w) => ({ method: 'PUT', path: `/api/plans/${w.planId}/roster/${(await w.newRosterMember()).id}`, json: { ...rosterFields, nameTh: 'นายแก้ไข สิทธิ์' } }),
  },
  'DELETE /api/plans/:planId/roster/:memberId': {
    audience: 'organisers',
    allows: roster,
    request: async (w) => ({ method: 'DELETE', path: `/api/plans/${w.planId}/roster/${(await w.newRosterMember()).id}` }),
  },
  'POST /api/meetings/:meetingId/invites': {
    audience: 'both',
    allows: (a) => can(a, 'invite:create') && canInvite(a, 'member'),
    request: async (w) => ({ path: `/api/meetings/${w.meetingId}/invites`, json: { rosterMemberId: (await w.newRosterMember('member')).id } }),
  },
  'POST /api/meetings/:meetingId/projects': {
    audience: 'both',
    allows: (a) => can(a, 'projects:edit'),
    request: async (w) => ({ path: `/api/meetings/${w.meetingId}/projects`, json: await newProjectPayload(w) }),
  },
  'POST /api/meetings/:meetingId/projects/:projectId/withdraw': {
    audience: 'both',
    allows: (a) => can(a, 'projects:edit'),
    request: async (w) => ({ path: `/api/meetings/${w.meetingId}/projects/${await addedProject(w)}/withdraw`, json: { reason: 'หน่วยงานขอถอน' } }),
  },
  'POST /api/meetings/:meetingId/projects/:projectId/correct-request': {
    audience: 'both',
    allows: (a) => can(a, 'projects:edit'),
    request: async (w) => ({ path: `/api/meetings/${w.meetingId}/projects/${await addedProject(w)}/correct-request`, json: { requestedBaht: 1_500_000, reason: 'แก้ไข' } }),
  },
  'POST /api/meetings/:meetingId/invites/roster': {
    audience: 'both',
    allows: (a) => can(a, 'invite:create'),
    async request(w) {
      await w.newRosterMember('member');
      return { path: `/api/meetings/${w.meetingId}/invites/roster` };
    },
  },
  'POST /api/meetings/:meetingId/invites/:inviteId/revoke': {
    audience: 'both',
    allows: (a) => can(a, 'invite:revoke') && canInvite(a, 'observer'),
    request: async (w) => ({ path: `/api/meetings/${w.meetingId}/invites/${(await w.waitingInvite('attendee')).id}/revoke` }),
  },
  'POST /api/meetings/:meetingId/invites/:inviteId/reissue': {
    audience: 'both',
    allows: (a) => can(a, 'invite:revoke') && can(a, 'invite:create') && canInvite(a, 'member'),
    request: async (w) => ({ path: `/api/meetings/${w.meetingId}/invites/${(await w.waitingInvite('member')).id}/reissue` }),
  },
  'POST /api/organisers/links': { audience: 'organisers', allows: organiserAdd, request: async () => ({ path: '/api/organisers/links' }) },
  'POST /meetings/:id/import/preview': {
    audience: 'participants',
    allows: (a) => can(a, 'projects:import'),
    request: async (w) => ({ path: `/meetings/${w.meetingId}/import/preview?name=projects.csv`, file: { bytes: CSV_PROJECT_LIST, type: 'text/csv' } }),
  },
  'POST /meetings/:id/import/commit': {
    audience: 'participants',
    allows: (a) => can(a, 'projects:import'),
    allowedRefusal: { status: 409, code: 'import_locked' },
    request: async (w) => ({ path: `/meetings/${w.meetingId}/import/commit?name=projects.csv`, file: { bytes: CSV_PROJECT_LIST, type: 'text/csv' } }),
  },
  'POST /api/plans/:planId/import': {
    audience: 'organisers',
    allows: (a) => can(a, 'projects:import'),
    request: async (w) => ({ path: `/api/plans/${w.planId}/import?name=projects.csv`, file: { bytes: CSV_PROJECT_LIST, type: 'text/csv' } }),
  },
  'POST /api/plans/:planId/import/:uploadId/look': {
    audience: 'organisers',
    allows: (a) => can(a, 'projects:import'),
    request: async (w) => ({ path: `/api/plans/${w.planId}/import/${(await keptUpload(w)).id}/look`, json: { sheet: 0 } }),
  },
  'POST /api/plans/:planId/import/:uploadId/commit': {
    audience: 'organisers',
    allows: (a) => can(a, 'projects:import'),
    allowedRefusal: { status: 409, code: 'import_locked' },
    request: async (w) => ({ path: `/api/plans/${w.planId}/import/${(await keptUpload(w)).id}/commit`, json: {} }),
  },
  '/meetings/[id]?/invite': {
    audience: 'participants',
    allows: (a) => can(a, 'invite:create') && canInvite(a, 'member'),
    request: async (w) => ({ path: `/meetings/${w.meetingId}?/invite`, form: { role: 'member', name: 'ผู้รับเชิญ' } }),
  },
  '/meetings/[id]?/screenLink': {
    audience: 'participants',
    allows: (a) => can(a, 'focus:move'),
    request: async (w) => ({ path: `/meetings/${w.meetingId}?/screenLink`, form: {} }),
  },
  '/meetings/[id]/frame?/prepare': {
    audience: 'participants',
    allows: (a) => can(a, 'frame:prepare'),
    allowedRefusal: { status: 409, code: 'frame_resolutions_missing' },
    request: async (w) => ({ path: `/meetings/${w.meetingId}/frame?/prepare`, form: {} }),
  },
  '/meetings/[id]/frame?/confirm': {
    audience: 'participants',
    allows: (a) => can(a, 'frame:confirm'),
    allowedRefusal: { status: 409, code: 'frame_not_prepared' },
    request: async (w) => ({ path: `/meetings/${w.meetingId}/frame?/confirm`, form: { draftHash: '0'.repeat(64) } }),
  },
  '/meetings/[id]/join-requests?/admit': {
    audience: 'both',
    allows: (a) => can(a, 'join:admit'),
    request: async (w) => ({ path: `/meetings/${w.meetingId}/join-requests?/admit`, form: { requestId: (await w.joinRequest()).id } }),
  },
  '/meetings/[id]/join-requests?/refuse': {
    audience: 'both',
    allows: (a) => can(a, 'join:admit'),
    request: async (w) => ({ path: `/meetings/${w.meetingId}/join-requests?/refuse`, form: { requestId: (await w.joinRequest()).id } }),
  },
  '/setup?/addOrganiser': { audience: 'organisers', allows: organiserAdd, request: async () => ({ path: '/setup?/addOrganiser', form: {} }) },
  '/setup?/withdrawOrganiser': {
    audience: 'organisers',
    allows: organiserAdd,
    request: async (w) => ({ path: '/setup?/withdrawOrganiser', form: { organiserId: (await w.otherOrganiser()).id } }),
  },
  '/setup/plans/[planId]/roster?/add': {
    audience: 'organisers',
    allows: roster,
    request: async (w) => ({ path: `/setup/plans/${w.planId}/roster?/add`, form: rosterFields }),
  },
  '/setup/plans/[planId]/roster?/paste': {
    audience: 'organisers',
    allows: roster,
    request: async (w) => ({ path: `/setup/plans/${w.planId}/roster?/paste`, form: { text: 'นางตัวอย่าง หน้า\tกรรมการ\tหน่วยงานตัวอย่าง' } }),
  },
  '/setup/plans/[planId]/roster?/remove': {
    audience: 'organisers',
    allows: roster,
    request: async (w) => ({ path: `/setup/plans/${w.planId}/roster?/remove`, form: { memberId: (await w.newRosterMember()).id } }),
  },
  '/setup/plans/[planId]/roster?/move': {
    audience: 'organisers',
    allows: roster,
    request: async (w) => ({ path: `/setup/plans/${w.planId}/roster?/move`, form: { memberId: (await w.newRosterMember()).id, direction: 'up' } }),
  },
  '/setup/meetings/[meetingId]/invites?/issue': {
    audience: 'both',
    allows: (a) => can(a, 'invite:create') && canInvite(a, 'member'),
    request: async (w) => ({ path: `/setup/meetings/${w.meetingId}/invites?/issue`, form: { rosterMemberId: (await w.newRosterMember('member')).id } }),
  },
  '/setup/meetings/[meetingId]/invites?/issueAll': {
    audience: 'both',
    allows: (a) => can(a, 'invite:create'),
    async request(w) {
      await w.newRosterMember('member');
      return { path: `/setup/meetings/${w.meetingId}/invites?/issueAll`, form: {} };
    },
  },
  '/setup/meetings/[meetingId]/invites?/attendee': {
    audience: 'both',
    allows: (a) => can(a, 'attendee:add') && canInvite(a, 'observer'),
    request: async (w) => ({ path: `/setup/meetings/${w.meetingId}/invites?/attendee`, form: { name: 'ผู้เข้าร่วมตัวอย่าง', organisationTh: 'หน่วยงาน', role: 'observer' } }),
  },
  '/setup/meetings/[meetingId]/invites?/revoke': {
    audience: 'both',
    allows: (a) => can(a, 'invite:revoke') && canInvite(a, 'observer'),
    request: async (w) => ({ path: `/setup/meetings/${w.meetingId}/invites?/revoke`, form: { inviteId: (await w.waitingInvite('attendee')).id } }),
  },
  '/setup/meetings/[meetingId]/invites?/reissue': {
    audience: 'both',
    allows: (a) => can(a, 'invite:revoke') && can(a, 'invite:create') && canInvite(a, 'member'),
    request: async (w) => ({ path: `/setup/meetings/${w.meetingId}/invites?/reissue`, form: { inviteId: (await w.waitingInvite('member')).id } }),
  },
  'POST /api/plans': {
    audience: 'organisers',
    allows: (a) => can(a, 'plan:create'),
    request: async () => ({ path: '/api/plans', json: matrixPlan }),
  },
  'PATCH /api/plans/:planId': {
    audience: 'organisers',
    allows: (a) => can(a, 'plan:edit'),
    request: async (w) => ({ method: 'PATCH', path: `/api/plans/${w.planId}`, json: { titleEn: 'Changed by the matrix' } }),
  },
  '/setup/plans/new?/create': {
    audience: 'organisers',
    allows: (a) => can(a, 'plan:create'),
    request: async () => ({ path: '/setup/plans/new?/create', form: { ...matrixPlan, fiscalYearBE: String(matrixPlan.fiscalYearBE), ...matrixChain } }),
  },
  'POST /api/plans/:planId/meetings': {
    audience: 'organisers',
    allows: (a) => can(a, 'meeting:create'),
    request: async (w) => ({ path: `/api/plans/${w.planId}/meetings`, json: matrixMeeting }),
  },
  'POST /api/meetings/:meetingId/open': {
    audience: 'both',
    phase: 'scheduled',
    allows: (a) => can(a, 'meeting:open'),
    request: async (w) => ({ path: `/api/meetings/${w.meetingId}/open` }),
  },
  'POST /api/meetings/:meetingId/close': {
    audience: 'both',
    phase: 'in_session',
    allows: (a) => can(a, 'meeting:close'),
    request: async (w) => ({ path: `/api/meetings/${w.meetingId}/close` }),
  },
  '/setup/meetings/[meetingId]?/open': {
    audience: 'both',
    phase: 'scheduled',
    allows: (a) => can(a, 'meeting:open'),
    request: async (w) => ({ path: `/setup/meetings/${w.meetingId}?/open`, form: {} }),
  },
  '/setup/meetings/[meetingId]?/close': {
    audience: 'both',
    phase: 'in_session',
    allows: (a) => can(a, 'meeting:close'),
    request: async (w) => ({ path: `/setup/meetings/${w.meetingId}?/close`, form: {} }),
  },
  '/setup/plans/[planId]/meetings/new?/create': {
    audience: 'organisers',
    allows: (a) => can(a, 'meeting:create'),
    request: async (w) => ({ path: `/setup/plans/${w.planId}/meetings/new?/create`, form: matrixMeeting }),
  },
  '/setup/plans/[planId]?/save': {
    audience: 'organisers',
    allows: (a) => can(a, 'plan:edit'),
    request: async (w) => ({ path: `/setup/plans/${w.planId}?/save`, form: { ...(await planForm(w)), titleEn: 'Saved by the matrix' } }),
  },
  '/join/[token]?/default': { public: 'an invite link: whoever holds it joins once, as its role' },
  '/organiser/[token]?/default': { public: 'an organiser link: whoever holds it becomes an organiser, once' },
  '/j/[code]?/default': { public: 'the room screen\'s code: a request to join, decided by the chair' },
};
