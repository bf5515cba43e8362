// The set-up API's payloads (the roster, attendees, invites), shared by the server, the set-up pages and scripts.
import { z } from 'zod';
import { BoardError } from './errors.ts';
import { refuseNulText } from './nul-text.ts';
import { COMMITTEE_POSITIONS, MEETING_ROLES } from './people.ts';
import { ROLES } from './roles.ts';

const id = z.string().min(1).max(64);
const personName = z.string().trim().min(1).max(120);
const optionalText = (max: number) => z.string().trim().max(max).default('');

export const rosterMemberSchema = z.strictObject({
  nameTh: personName,
  nameEn: optionalText(120),
  position: z.enum(COMMITTEE_POSITIONS),
  agencyTh: z.string().trim().min(1).max(300),
  agencyEn: optionalText(300),
  /** Left out: the role the position usually takes (DEFAULT_MEETING_ROLE). */
  meetingRole: z.enum(MEETING_ROLES).optional(),
});
export type RosterMemberInput = z.input<typeof rosterMemberSchema>;

/** A pasted list: one person a line, cells separated by tabs (as copied from a spreadsheet) or by commas. */
export const rosterPasteSchema = z.strictObject({ text: z.string().min(1).max(100_000) });

export const rosterOrderSchema = z.strictObject({ memberIds: z.array(id).min(1).max(500) });

/** A non-member who attends one meeting (ผู้เข้าร่วมประชุม): an agency's presenter, the secretariat's staff. */
export const attendeeSchema = z.strictObject({
  name: personName,
  organisationTh: optionalText(300),
  role: z.enum(['presenter', 'observer']).default('observer'),
});

/** An invite for a roster member (their role from the roster), or for a named attendee with a role. */
export const issueInviteSchema = z.union([
  z.strictObject({ rosterMemberId: id }),
  z.strictObject({ name: personName, organisationTh: optionalText(300), role: z.enum(ROLES) }),
]);

/** The fields the set-up forms and API name in their refusals. */
export const SETUP_FIELD_LABELS: Record<string, { th: string; en: string }> = {
  nameTh: { th: 'ชื่อ-นามสกุล', en: 'name' },
  nameEn: { th: 'ชื่อภาษาอังกฤษ', en: 'name in English' },
  name: { th: 'ชื่อ-นามสกุล', en: 'name' },
  position: { th: 'ตำแหน่งในคณะกรรมการ', en: 'position on the committee' },
  agencyTh: { th: 'หน่วยงาน', en: 'agency' },
  agencyEn: { th: 'หน่วยงานภาษาอังกฤษ', en: 'agency in English' },
  organisationTh: { th: 'หน่วยงาน', en: 'organisation' },
  meetingRole: { th: 'บทบาทในการประชุม', en: 'role in meetings' },
  role: { th: 'บทบาทในการประชุม', en: 'role in the meeting' },
  rosterMemberId: { th: 'รายชื่อคณะกรรมการ', en: 'roster member' },
  memberIds: { th: 'ลำดับรายชื่อ', en: 'order of the roster' },
  text: { th: 'รายชื่อที่วาง', en: 'pasted list' },
};

/** The refusal that names a set-up field in Thai and English, with what is wrong with it. */
export function invalidField(field: string, reason?: { th: string; en: string }, label = SETUP_FIELD_LABELS[field] ?? { th: field, en: field }): BoardError {
  return new BoardError('invalid_field', {
    field,
    fieldTh: label.th,
    fieldEn: label.en,
    ...(reason ? { reasonTh: reason.th, reasonEn: reason.en } : {}),
  });
}

/**
 * A payload's first problem as the field refusal (the schema's own words are English; the field's name is both).
 * `labelOf` names a field by its whole path (a row of a list); without it, the people forms' labels name the top one.
 */
export function parseSetup<S extends z.ZodType>(schema: S, input: unknown, labelOf?: (path: string) => { th: string; en: string }): z.infer<S> {
  refuseNulText(input);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const top = issue.path.find((part): part is string => typeof part === 'string');
  if (!top) throw new BoardError('invalid_payload', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const field = labelOf ? issue.path.map(String).join('.') : top;
  const reason = { th: issue.code === 'too_big' ? 'ยาวเกินไป' : issue.code === 'too_small' ? 'ไม่ได้กรอก' : 'ค่าไม่ถูกต้อง', en: issue.message };
  throw invalidField(field, reason, labelOf?.(field));
}
