// The presenter-driven meeting on the wire: the focus (what the room looks at), the agenda, who is in and who follows.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';
import type { AgendaItemView } from '../board.ts';
import { ROLES, type Role } from '../roles.ts';

/** The participant a screen link makes: a screen has no keyboard to type a name with. */
export const SCREEN_DISPLAY_NAME = 'จอห้องประชุม';

const id = z.string().min(1).max(64);

/** The page of a group the presenter turned the screen to; absent, the screen turns its pages by itself. */
const screenPage = z.number().int().min(1).max(999).optional();

export const focusViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overview') }).strict(),
  z.object({ kind: z.literal('goal'), goalNumber: z.number().int().min(1).max(99), page: screenPage }).strict(),
  z.object({ kind: z.literal('approach'), approachCode: z.string().min(1).max(20), page: screenPage }).strict(),
  z.object({ kind: z.literal('project'), projectId: id }).strict(),
]);
export type FocusView = z.infer<typeof focusViewSchema>;

export const ATTENDANCE = ['present', 'online', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** The presenter role handed to a participant, and the role they go back to when the chair takes it back. */
export interface PresenterHandover {
  participantId: string;
  previousRole: Role;
}

/** A seq of the meeting's record: 0 is the board before its first change. */
const recordSeq = z.number().int().min(0).max(2_147_483_647);

/**
 * A moment of the meeting's record the presenter put on the room screen: the board once every change up to `seq` was
 * made, and with `compareTo`, the changes between the two moments (ก่อน/หลัง: the earlier is before, whichever named).
 */
export const screenMomentSchema = z.object({ seq: recordSeq, compareTo: recordSeq.optional() }).strict();
export type ScreenMoment = z.infer<typeof screenMomentSchema>;

/** Stored in Meeting.focus and carried in every BoardSnapshot. */
export interface MeetingFocus {
  view: FocusView;
  agendaItemId: string | null;
  handover: PresenterHandover | null;
  /** Absent: the screen shows the live board. Kept until screen:show-live, whatever else the focus does. */
  moment?: ScreenMoment;
}

export const meetingFocusSchema = z.object({
  view: focusViewSchema,
  agendaItemId: id.nullable(),
  handover: z.object({ participantId: id, previousRole: z.enum(ROLES) }).nullable(),
  moment: screenMomentSchema.optional(),
});

export const moveFocusSchema = z.object({ view: focusViewSchema }).strict();
export const moveAgendaSchema = z.object({ agendaItemId: id }).strict();
export const addAgendaItemSchema = z.object({ parentId: id, titleTh: z.string().trim().min(1).max(300) }).strict();
export const assignPresenterSchema = z.object({ participantId: id }).strict();
export const recordAttendanceSchema = z.object({ participantId: id, attendance: z.enum(ATTENDANCE) }).strict();
export const reportFollowSchema = z.object({ following: z.boolean() }).strict();

export interface PresenceEntry {
  participantId: string;
  displayName: string;
  role: Role;
  attendance: Attendance | null;
  online: boolean;
  /** Null for someone offline, or who never said (screens and presenters do not follow). */
  following: boolean | null;
  /** Set for the room's screen and other devices: not a person, so never counted among those present. */
  device?: true;
}

export interface ParticipantChange {
  participantId: string;
  role: Role;
  attendance: Attendance | null;
}

export interface PresenterClientEvents {
  'focus:move': (request: z.input<typeof moveFocusSchema>, ack: AckCallback<{ seq: number }>) => void;
  'agenda:move': (request: z.input<typeof moveAgendaSchema>, ack: AckCallback<{ seq: number }>) => void;
  'agenda:add': (request: z.input<typeof addAgendaItemSchema>, ack: AckCallback<{ seq: number; item: AgendaItemView }>) => void;
  /** Chair only: hands the presenter role to a participant (at most one handover at a time). */
  'presenter:assign': (request: z.input<typeof assignPresenterSchema>, ack: AckCallback<{ seq: number }>) => void;
  /** Chair only: the participant the role was handed to goes back to their own role. */
  'presenter:reclaim': (request: Record<string, never>, ack: AckCallback<{ seq: number }>) => void;
  'attendance:record': (request: z.input<typeof recordAttendanceSchema>, ack: AckCallback<{ seq: number }>) => void;
  'follow:report': (request: z.input<typeof reportFollowSchema>, ack: AckCallback<Record<string, never>>) => void;
  'presence:list': (request: Record<string, never>, ack: AckCallback<PresenceEntry[]>) => void;
  /** The presenter or chair puts a moment of the record on the room screen (a seq past the record: moment_not_recorded). */
  'screen:show-moment': (request: z.input<typeof screenMomentSchema>, ack: AckCallback<{ seq: number }>) => void;
  /** The room screen goes back to the live board. */
  'screen:show-live': (request: Record<string, never>, ack: AckCallback<{ seq: number }>) => void;
}

/** The participants whose presence entry changed, whole, and those no longer listed (revoked). */
export interface PresenceChanged {
  changed: PresenceEntry[];
  removed: string[];
}

export interface PresenterServerEvents {
  'focus:changed': (event: { seq: number; focus: MeetingFocus }) => void;
  'agenda:changed': (event: { seq: number; agenda: AgendaItemView[] }) => void;
  'participants:changed': (event: { seq: number; focus: MeetingFocus; changes: ParticipantChange[] }) => void;
  /** Who is online and who follows: not meeting state, so not sequenced; each event is what changed (`presence:list` gives all). */
  'presence:changed': (event: PresenceChanged) => void;
}
