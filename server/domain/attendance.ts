// Who attended a meeting, as the minutes and the board state it: the roster's members present (chair first, then by
// position, then in the roster's order), those standing in for a member (ผู้แทน), the absent members with their
// reason, the non-member attendees, and the quorum. Devices (the room's screen) are never people. Pure: the caller
// loads the roster and the participants.
import { COMMITTEE_POSITIONS, POSITION_LABELS, type CommitteePosition, type ParticipantKind } from '../shared/people.ts';
import type { Role } from '../shared/roles.ts';

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
  attendees: { nameTh: string; organisationTh: string }[];
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

export function attendanceRoll(roster: readonly RosterPerson[], seated: readonly SeatedPerson[]): AttendanceRoll {
  const people = seated.filter((p) => p.kind !== 'device');
  const here = (p: SeatedPerson) => p.attendance !== 'absent';
  const collator = new Intl.Collator('th');
  const sorted = [...roster].sort((a, b) => rank(a.position) - rank(b.position) || a.order - b.order || collator.compare(a.nameTh, b.nameTh));
  const onRoster = new Set(roster.map((m) => m.id));

  const present: (PresentMember & { rank: number; order: number })[] = [];
  const absent: AbsentMember[] = [];
  let counted = 0;
  for (const member of sorted) {
    const own = people.filter((p) => p.rosterMemberId === member.id);
    const substitute = people.find((p) => p.substituteForId === member.id && here(p));
    const line = { rank: rank(member.position), order: member.order, positionTh: POSITION_LABELS[member.position].th, agencyTh: member.agencyTh };
    if (own.some(here)) {
      present.push({ ...line, nameTh: member.nameTh, substituteFor: null });
      counted++;
    } else if (substitute) {
      present.push({ ...line, nameTh: substitute.displayName, agencyTh: substitute.organisationTh || member.agencyTh, substituteFor: { nameTh: member.nameTh } });
      counted++;
    } else {
      const reason = own.find((p) => p.absenceReason)?.absenceReason ?? null;
      absent.push({ nameTh: member.nameTh, positionTh: line.positionTh, agencyTh: member.agencyTh, reasonTh: reason });
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
    .map((p) => ({ nameTh: p.displayName, organisationTh: p.organisationTh }))
    .sort((a, b) => collator.compare(a.nameTh, b.nameTh));

  return {
    present: present.map(({ rank: _rank, order: _order, ...member }) => member),
    absent,
    attendees,
    quorum: roster.length > 0 ? quorumOf(roster.length, counted) : null,
  };
}
