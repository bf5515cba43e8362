// Who attended a meeting, as the minutes and the board state it: the roster's members present (chair first, then by
// position, then in the roster's order), those standing in for a member (ผู้แทน), the absent members with their
// reason, the non-member attendees, and the quorum. Devices (the room's screen) are never people. Pure: the caller
// loads the roster and the participants.
import { COMMITTEE_POSITIONS, POSITION_LABELS, type CommitteePosition, type ParticipantKind } from '../shared/people.ts';
import type { Role } from '../shared/roles.ts';
import type { AttendanceSheet } from '../shared/events/attendance.ts';

export interface RosterPerson {
  id: string;
  nameTh: string;
  position: CommitteePosition;
  agencyTh: string;
  order: number;
}

export interface SeatedPerson {
  id: string;
  displayName: string;
  organisationTh: string;
  role: Role;
  kind: ParticipantKind;
  /** null when nobody recorded it: a participant joined the board, so they count as present. */
  attendance: 'present' | 'online' | 'absent' | null;
  absenceReason: string | null;
  rosterMemberId: string | null;
  substituteForId: string | null;
  /** Made on the attendance page for someone in the room without a device: nobody signs in as it. */
  recordOnly: boolean;
}

export interface PresentMember {
  nameTh: string;
  /** The position held, or for a substitute the position of the member they replace. */
  positionTh: string;
  agencyTh: string;
  /** For a substitute: the member they stand in for. */
  substituteFor: { nameTh: string } | null;
}

export interface AbsentMember {
  nameTh: string;
  positionTh: string;
  agencyTh: string;
  /** ติดราชการ, ลาป่วย…; null when no reason was recorded. */
  reasonTh: string | null;
}

export interface Quorum {
  /** Members on the roster. */
  members: number;
  /** Of them, present in person, online or through a substitute. */
  present: number;
  /** At least half of the members (the Administrative Procedure Act's default, design.md). */
  met: boolean;
}

export interface AttendanceRoll {
  present: PresentMember[];
  absent: AbsentMember[];
  attendees: { participantId: string; nameTh: string; organisationTh: string }[];
  /** null for a meeting whose plan has no roster: there is nothing to count against. */
  quorum: Quorum | null;
}

/** The committee title of someone seated by role alone (a plan without a roster, or a member not on it). */
const ROLE_POSITION: Partial<Record<Role, CommitteePosition>> = { chair: 'chair', member: 'member', secretary: 'member_secretary' };

const rank = (position: CommitteePosition) => COMMITTEE_POSITIONS.indexOf(position);

/** At least half: 3 of 6 is a quorum, 3 of 7 is not. */
export function quorumOf(members: number, present: number): Quorum {
  return { members, present, met: members > 0 && present * 2 >= members };
}

/**
 * Where one roster member stands, from all the rows that are them or stand in for them: present in the room, online
 * (joined from elsewhere), through a substitute, absent (with the reason, if one was recorded), or not recorded at all
 * (never joined, nobody marked them). The minutes count the last two alike, as absent.
 */
export type Standing =
  | { status: 'present'; onDevice: boolean }
  | { status: 'online'; onDevice: boolean }
  | { status: 'substitute'; substitute: SeatedPerson }
  | { status: 'absent'; reasonTh: string | null }
  | { status: 'unrecorded'; reasonTh: null };

const here = (p: SeatedPerson) => p.attendance !== 'absent';

function standingOf(member: RosterPerson, people: readonly SeatedPerson[]): Standing {
  const own = people.filter((p) => p.rosterMemberId === member.id);
  const attending = own.filter(here);
  if (attending.length > 0) {
    // Someone marked present in the room is in the room, whatever a device of theirs says.
    const inRoom = attending.some((p) => p.attendance === 'present');
    return { status: inRoom ? 'present' : 'online', onDevice: attending.some((p) => !p.recordOnly) };
  }
  const substitute = people.find((p) => p.substituteForId === member.id && here(p));
  if (substitute) return { status: 'substitute', substitute };
  if (own.length === 0) return { status: 'unrecorded', reasonTh: null };
  return { status: 'absent', reasonTh: own.find((p) => p.absenceReason)?.absenceReason ?? null };
}

const collator = new Intl.Collator('th');
/** The minutes' order: chair first, then by position, then as the roster lists them. */
const inRosterOrder = (roster: readonly RosterPerson[]) =>
  [...roster].sort((a, b) => rank(a.position) - rank(b.position) || a.order - b.order || collator.compare(a.nameTh, b.nameTh));

export function attendanceRoll(roster: readonly RosterPerson[], seated: readonly SeatedPerson[]): AttendanceRoll {
  const people = seated.filter((p) => p.kind !== 'device');
  const sorted = inRosterOrder(roster);
  const onRoster = new Set(roster.map((m) => m.id));

  const present: (PresentMember & { rank: number; order: number })[] = [];
  const absent: AbsentMember[] = [];
  let counted = 0;
  for (const member of sorted) {
    const standing = standingOf(member, people);
    const line = { rank: rank(member.position), order: member.order, positionTh: POSITION_LABELS[member.position].th, agencyTh: member.agencyTh };
    if (standing.status === 'present' || standing.status === 'online') {
      present.push({ ...line, nameTh: member.nameTh, substituteFor: null });
      counted++;
    } else if (standing.status === 'substitute') {
      const { substitute } = standing;
      present.push({
        ...line,
        nameTh: substitute.displayName,
        agencyTh: substitute.organisationTh || member.agencyTh,
        substituteFor: { nameTh: member.nameTh },
      });
      counted++;
    } else {
      absent.push({ nameTh: member.nameTh, positionTh: line.positionTh, agencyTh: member.agencyTh, reasonTh: standing.reasonTh });
    }
  }

  // Without a roster (a plan set up by role invites) the members are whoever was seated as one, listed by role and not
  // counted. With a roster, someone not on it attends (ผู้เข้าร่วมประชุม) unless they stand in for a member.
  const unlisted = roster.length > 0 ? [] : people.filter((p) => p.kind === 'member' && ROLE_POSITION[p.role] && !p.substituteForId);
  for (const p of unlisted) {
    const position = ROLE_POSITION[p.role]!;
    if (!here(p)) {
      absent.push({ nameTh: p.displayName, positionTh: POSITION_LABELS[position].th, agencyTh: p.organisationTh, reasonTh: p.absenceReason });
      continue;
    }
    present.push({
      rank: rank(position),
      order: Number.MAX_SAFE_INTEGER,
      nameTh: p.displayName,
      positionTh: POSITION_LABELS[position].th,
      agencyTh: p.organisationTh,
      substituteFor: null,
    });
  }
  present.sort((a, b) => a.rank - b.rank || a.order - b.order || collator.compare(a.nameTh, b.nameTh));

  const unlistedIds = new Set(unlisted.map((p) => p.id));
  const attendees = people
    .filter((p) => here(p) && !unlistedIds.has(p.id) && !p.substituteForId && !(p.rosterMemberId && onRoster.has(p.rosterMemberId)))
    .map((p) => ({ participantId: p.id, nameTh: p.displayName, organisationTh: p.organisationTh }))
    .sort((a, b) => collator.compare(a.nameTh, b.nameTh));

  return {
    present: present.map(({ rank: _rank, order: _order, ...member }) => member),
    absent,
    attendees,
    quorum: roster.length > 0 ? quorumOf(roster.length, counted) : null,
  };
}

/**
 * The attendance page's view (the chair's and the secretary's): every roster member in the minutes' order with where
 * they stand, joined on a device or not; the non-member attendees; and the quorum the minutes write. Devices are not
 * listed.
 */
export function attendanceSheet(roster: readonly RosterPerson[], seated: readonly SeatedPerson[]): AttendanceSheet {
  const people = seated.filter((p) => p.kind !== 'device');
  const roll = attendanceRoll(roster, seated);
  return {
    members: inRosterOrder(roster).map((member) => {
      const standing = standingOf(member, people);
      const base = { rosterMemberId: member.id, nameTh: member.nameTh, positionTh: POSITION_LABELS[member.position].th, agencyTh: member.agencyTh };
      if (standing.status === 'substitute') {
        const { id, displayName, organisationTh } = standing.substitute;
        return { ...base, status: 'substitute', reasonTh: null, onDevice: false, substitute: { participantId: id, nameTh: displayName, organisationTh } };
      }
      if (standing.status === 'present' || standing.status === 'online') return { ...base, status: standing.status, reasonTh: null, onDevice: standing.onDevice, substitute: null };
      return { ...base, status: standing.status, reasonTh: standing.reasonTh, onDevice: false, substitute: null };
    }),
    attendees: roll.attendees,
    quorum: roll.quorum,
  };
}
