// Setting a committee's people up: the plan's roster, and the meeting's invites to roster members and attendees.
// Pages and the JSON API both call these, so both validate and check permissions the same way: the actor is an
// organiser, or a participant acting within their own meeting, and every action is a row of the permissions table.
import type { Database } from '../db/client.ts';
import type { Sessions } from '../auth/sessions.ts';
import { authorityOf, can, canInvite, type Action } from '../domain/permissions.ts';
import { parseRosterPaste, type RosterEntry } from '../domain/roster.ts';
import { addRosterMembers, listRoster, removeRosterMember, reorderRoster, updateRosterMember, type RosterMemberView } from '../db/roster-repository.ts';
import type { RunCommand } from '../commands/registry.ts';
import { type ActingActor } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import { DEFAULT_MEETING_ROLE, type ParticipantKind } from '../shared/people.ts';
import type { Role } from '../shared/roles.ts';
import { issueInviteSchema, parseSetup, rosterMemberSchema, rosterOrderSchema, rosterPasteSchema } from '../shared/setup.ts';
import { inviteUrl } from '../invite-links.ts';

export type InviteStatus = 'pending' | 'used' | 'revoked' | 'expired';

export interface InviteView {
  id: string;
  name: string;
  organisationTh: string;
  role: Role;
  kind: ParticipantKind;
  rosterMemberId: string | null;
  status: InviteStatus;
  expiresAt: string;
  issuedByName: string;
  /** Who joined by it. */
  participantName: string | null;
  /** The link, while it can still be used. */
  url: string | null;
}

export interface MeetingInvites {
  meeting: { id: string; titleTh: string; titleEn: string; number: number; yearBE: number; planId: string; isSample: boolean };
  roster: (RosterMemberView & { invite: InviteView | null })[];
  /** Every invite of the meeting, newest first. */
  invites: InviteView[];
}

export interface PeopleSetup {
  roster(actor: ActingActor, planId: string): Promise<RosterMemberView[]>;
  addRosterMember(actor: ActingActor, planId: string, input: unknown): Promise<RosterMemberView>;
  pasteRoster(actor: ActingActor, planId: string, input: unknown): Promise<RosterMemberView[]>;
  updateRosterMember(actor: ActingActor, planId: string, memberId: string, input: unknown): Promise<RosterMemberView>;
  removeRosterMember(actor: ActingActor, planId: string, memberId: string): Promise<void>;
  reorderRoster(actor: ActingActor, planId: string, input: unknown): Promise<RosterMemberView[]>;
  meetingInvites(actor: ActingActor, meetingId: string): Promise<MeetingInvites>;
  /** `{rosterMemberId}` for a roster member (their role from the roster), `{name, organisationTh, role}` for an attendee. */
  issueInvite(actor: ActingActor, meetingId: string, input: unknown): Promise<InviteView>;
  /** An invite for every roster member who has none that is waiting or used and whose role the actor may give. */
  inviteRoster(actor: ActingActor, meetingId: string): Promise<InviteView[]>;
  revokeInvite(actor: ActingActor, meetingId: string, inviteId: string): Promise<void>;
  /** Withdraws a lost invite and issues its person a new one. */
  reissueInvite(actor: ActingActor, meetingId: string, inviteId: string): Promise<InviteView>;
}

export interface PeopleSetupDeps {
  db: Database;
  sessions: Sessions;
  runCommand: RunCommand;
  linkBase(): string;
  now?: () => number;
}

/** Plan-wide set-up is the organisers'; a participant acts only within their own meeting. */
function allow(actor: ActingActor, action: Action, meetingId?: string): void {
  if (actor.kind === 'participant' && actor.meetingId !== meetingId) throw new BoardError('forbidden', { action });
  if (!can(authorityOf(actor), action)) throw new BoardError('forbidden', { action });
}

/** Nobody seats someone with more authority than their own (permissions.ts, invitableRoles). */
function allowRole(actor: ActingActor, role: Role): void {
  if (!canInvite(authorityOf(actor), role)) throw new BoardError('invite_role_forbidden', { role });
}

function rosterEntry(input: unknown): RosterEntry {
  const { meetingRole, ...fields } = parseSetup(rosterMemberSchema, input);
  return { ...fields, meetingRole: meetingRole ?? DEFAULT_MEETING_ROLE[fields.position] };
}

export function createPeopleSetup(deps: PeopleSetupDeps): PeopleSetup {
  const { db, sessions } = deps;
  const now = deps.now ?? Date.now;

  async function meetingOf(meetingId: string) {
    const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: { plan: { select: { isSample: true } } } });
    if (!meeting) throw new BoardError('meeting_not_found');
    return meeting;
  }

  type InviteRow = Awaited<ReturnType<typeof invitesOf>>[number];
  function invitesOf(meetingId: string, where: { id?: string } = {}) {
    return db.invite.findMany({
      where: { meetingId, ...where },
      orderBy: { createdAt: 'desc' },
      include: { participants: { select: { displayName: true }, take: 1, orderBy: { joinedAt: 'asc' } } },
    });
  }
  function inviteView(row: InviteRow): InviteView {
    const status: InviteStatus = row.revokedAt ? 'revoked' : row.redeemedAt ? 'used' : row.expiresAt.getTime() <= now() ? 'expired' : 'pending';
    return {
      id: row.id,
      name: row.name,
      organisationTh: row.organisationTh,
      role: row.role,
      kind: row.kind,
      rosterMemberId: row.rosterMemberId,
      status,
      expiresAt: row.expiresAt.toISOString(),
      issuedByName: row.issuedByName,
      participantName: row.participants[0]?.displayName ?? null,
      url: status === 'pending' ? inviteUrl(deps.linkBase(), sessions.tokenOf(row)) : null,
    };
  }
  async function oneInvite(meetingId: string, inviteId: string): Promise<InviteView> {
    const [row] = await invitesOf(meetingId, { id: inviteId });
    if (!row) throw new BoardError('invite_not_found');
    return inviteView(row);
  }

  async function issueForRosterMember(actor: ActingActor, meetingId: string, planId: string, rosterMemberId: string): Promise<InviteView> {
    const member = await db.rosterMember.findFirst({ where: { id: rosterMemberId, planId, removedAt: null } });
    if (!member) throw new BoardError('roster_member_not_found');
    allowRole(actor, member.meetingRole);
    const { id } = await sessions.storeInvite({
      meetingId,
      role: member.meetingRole,
      name: member.nameTh,
      organisationTh: member.agencyTh,
      rosterMemberId: member.id,
      kind: 'member',
      issuedByName: actor.displayName,
    });
    return oneInvite(meetingId, id);
  }

  async function revoke(actor: ActingActor, meetingId: string, inviteId: string) {
    allow(actor, 'invite:revoke', meetingId);
    const invite = await db.invite.findFirst({ where: { id: inviteId, meetingId } });
    if (!invite) throw new BoardError('invite_not_found');
    // Withdrawing a used invite unseats its person: the secretary cannot do that to the chair they could not seat.
    allowRole(actor, invite.role);
    if (invite.revokedAt) return invite;
    // Nobody used it: nothing the meeting sees changes. The condition makes it lose cleanly to a person joining now.
    const quiet = await db.invite.updateMany({ where: { id: inviteId, redeemedAt: null, revokedAt: null }, data: { revokedAt: new Date(now()) } });
    if (quiet.count === 0) {
      const seated = await db.participant.count({ where: { inviteId, revokedAt: null } });
      if (seated > 0) await deps.runCommand('invite:revoke', actor, { inviteId }, meetingId);
      else await db.invite.update({ where: { id: inviteId }, data: { revokedAt: new Date(now()) } });
    }
    return invite;
  }

  return {
    async roster(actor, planId) {
      allow(actor, 'roster:edit');
      return listRoster(db, planId);
    },
    async addRosterMember(actor, planId, input) {
      allow(actor, 'roster:edit');
      const [made] = await addRosterMembers(db, planId, [rosterEntry(input)]);
      return made!;
    },
    async pasteRoster(actor, planId, input) {
      allow(actor, 'roster:edit');
      const { entries, errors } = parseRosterPaste(parseSetup(rosterPasteSchema, input).text);
      if (errors.length) throw new BoardError('roster_paste_invalid', { errors });
      if (entries.length === 0) throw new BoardError('roster_paste_invalid', { errors: [] });
      return addRosterMembers(db, planId, entries);
    },
    async updateRosterMember(actor, planId, memberId, input) {
      allow(actor, 'roster:edit');
      return updateRosterMember(db, planId, memberId, rosterEntry(input));
    },
    async removeRosterMember(actor, planId, memberId) {
      allow(actor, 'roster:edit');
      await removeRosterMember(db, planId, memberId);
    },
    async reorderRoster(actor, planId, input) {
      allow(actor, 'roster:edit');
      return reorderRoster(db, planId, parseSetup(rosterOrderSchema, input).memberIds);
    },

    async meetingInvites(actor, meetingId) {
      allow(actor, 'invite:create', meetingId);
      const meeting = await meetingOf(meetingId);
      const [roster, rows] = await Promise.all([listRoster(db, meeting.planId), invitesOf(meetingId)]);
      const invites = rows.map(inviteView);
      // A person's invite that matters: the one waiting or used, else the newest.
      const forMember = (id: string) => {
        const theirs = invites.filter((invite) => invite.rosterMemberId === id);
        return theirs.find((invite) => invite.status === 'pending' || invite.status === 'used') ?? theirs[0] ?? null;
      };
      return {
        meeting: { id: meeting.id, titleTh: meeting.titleTh, titleEn: meeting.titleEn, number: meeting.number, yearBE: meeting.yearBE, planId: meeting.planId, isSample: meeting.plan.isSample },
        roster: roster.map((member) => ({ ...member, invite: forMember(member.id) })),
        invites,
      };
    },

    async issueInvite(actor, meetingId, input) {
      const request = parseSetup(issueInviteSchema, input);
      const meeting = await meetingOf(meetingId);
      if ('rosterMemberId' in request) {
        allow(actor, 'invite:create', meetingId);
        return issueForRosterMember(actor, meetingId, meeting.planId, request.rosterMemberId);
      }
      allow(actor, 'attendee:add', meetingId);
      allowRole(actor, request.role);
      const { id } = await sessions.storeInvite({
        meetingId,
        role: request.role,
        name: request.name,
        organisationTh: request.organisationTh,
        kind: 'attendee',
        issuedByName: actor.displayName,
      });
      return oneInvite(meetingId, id);
    },

    async inviteRoster(actor, meetingId) {
      allow(actor, 'invite:create', meetingId);
      const { roster, meeting } = await this.meetingInvites(actor, meetingId);
      const issued: InviteView[] = [];
      for (const member of roster) {
        if (member.invite?.status === 'pending' || member.invite?.status === 'used') continue;
        // The secretary's "everyone at once" leaves the chair's invite to the chair or an organiser.
        if (!canInvite(authorityOf(actor), member.meetingRole)) continue;
        issued.push(await issueForRosterMember(actor, meetingId, meeting.planId, member.id));
      }
      return issued;
    },

    async revokeInvite(actor, meetingId, inviteId) {
      await revoke(actor, meetingId, inviteId);
    },

    async reissueInvite(actor, meetingId, inviteId) {
      const invite = await revoke(actor, meetingId, inviteId);
      const meeting = await meetingOf(meetingId);
      if (invite.rosterMemberId) {
        allow(actor, 'invite:create', meetingId);
        return issueForRosterMember(actor, meetingId, meeting.planId, invite.rosterMemberId);
      }
      allow(actor, 'attendee:add', meetingId);
      allowRole(actor, invite.role);
      const { id } = await sessions.storeInvite({
        meetingId,
        role: invite.role,
        name: invite.name || undefined,
        organisationTh: invite.organisationTh,
        kind: invite.kind,
        issuedByName: actor.displayName,
      });
      return oneInvite(meetingId, id);
    },
  };
}
