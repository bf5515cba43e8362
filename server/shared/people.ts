// The people of a committee as the wire, the pages and the database name them: positions on the committee, what a
// participant is, and the roles a roster member can take in meetings.
import type { Role } from './roles.ts';

/** Positions on the committee, in the order the appointing order lists them. */
export const COMMITTEE_POSITIONS = ['chair', 'vice_chair', 'member', 'member_secretary', 'assistant_secretary'] as const;
export type CommitteePosition = (typeof COMMITTEE_POSITIONS)[number];

export const POSITION_LABELS: Record<CommitteePosition, { th: string; en: string }> = {
  chair: { th: 'ประธานกรรมการ', en: 'Chair' },
  vice_chair: { th: 'รองประธานกรรมการ', en: 'Vice-chair' },
  member: { th: 'กรรมการ', en: 'Member' },
  member_secretary: { th: 'กรรมการและเลขานุการ', en: 'Member and secretary' },
  assistant_secretary: { th: 'ผู้ช่วยเลขานุการ', en: 'Assistant secretary' },
};

/**
 * A member (of the committee, or joining as one), a non-member attendee (ผู้เข้าร่วมประชุม), or a device such as the
 * room's screen, which is never listed among the people present.
 */
export const PARTICIPANT_KINDS = ['member', 'attendee', 'device'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** The roles a roster member takes in meetings: anyone on the committee may write, so never observer. */
export const MEETING_ROLES = ['chair', 'member', 'secretary', 'presenter'] as const satisfies readonly Role[];
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** The role a position usually takes in meetings, offered when someone is added to the roster. */
export const DEFAULT_MEETING_ROLE: Record<CommitteePosition, MeetingRole> = {
  chair: 'chair',
  vice_chair: 'member',
  member: 'member',
  member_secretary: 'secretary',
  assistant_secretary: 'secretary',
};
