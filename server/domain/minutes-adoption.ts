// How a meeting's minutes become the official record. The secretary writes the draft and circulates it (members read
// it and comment with annotations; the draft is then the secretary's alone to amend); the chair adopts it, at the
// next meeting's agenda item 2 while that meeting sits, or by circulation (เวียนรับรอง), with any amendments the
// adoption made recorded; the secretary locks the adopted minutes, which records them as the frame is recorded: one
// canonical text, its SHA-256 hash, chained to the plan's previous locked minutes, signed with the board's key, with
// the PDF's own hash inside what is signed. Pure: the repository (server/db/minutes-adoption-repository.ts) does the
// I/O.
import type { ErrorCode } from '../shared/errors.ts';
import { canonicalize, sha256Bytes, sha256Hex, verifyFrameChain, type FrameVerification, type SignatureCheck, type StoredFrameRecord } from './frame-record.ts';
import type { MeetingStatus } from './meeting-phase.ts';

export const MINUTES_STATES = ['draft', 'circulated', 'adopted', 'locked'] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

export const ADOPTION_HOW = ['next-meeting', 'circulation'] as const;
export type AdoptionHow = (typeof ADOPTION_HOW)[number];

/** Each state's place in the sequence: a state never goes back, so a later view always has the higher rank. */
export function stateRank(state: MinutesState): number {
  return MINUTES_STATES.indexOf(state);
}

/** What the next meeting looks like to an adoption made there. */
export interface SittingMeeting {
  status: MeetingStatus;
  /** Whether the board's focus is on its agenda item that adopts the minutes (item 2, รับรองรายงานการประชุม). */
  atMinutesItem: boolean;
}

export type AdoptionStep =
  | { kind: 'circulate' }
  | { kind: 'adopt'; how: 'circulation' }
  | { kind: 'adopt'; how: 'next-meeting'; sitting: SittingMeeting }
  | { kind: 'lock' };

export type StepResult = { ok: true; state: MinutesState } | { ok: false; refusal: ErrorCode };

/** Which state each step starts from. */
const FROM: Record<AdoptionStep['kind'], MinutesState> = { circulate: 'draft', adopt: 'circulated', lock: 'adopted' };
const TO: Record<AdoptionStep['kind'], MinutesState> = { circulate: 'circulated', adopt: 'adopted', lock: 'locked' };

/**
 * The state after `step`, or why it cannot be taken. Adopting needs circulated minutes: members must have had them
 * to read. At the next meeting, only while it sits and at the item that adopts them.
 */
export function adoptionStep(current: MinutesState, step: AdoptionStep): StepResult {
  if (current !== FROM[step.kind]) return { ok: false, refusal: 'minutes_wrong_state' };
  if (step.kind === 'adopt' && step.how === 'next-meeting') {
    if (step.sitting.status !== 'in_session') return { ok: false, refusal: 'minutes_next_meeting_not_sitting' };
    if (!step.sitting.atMinutesItem) return { ok: false, refusal: 'minutes_not_at_agenda_item' };
  }
  return { ok: true, state: TO[step.kind] };
}

/**
 * Who may still change the live minutes document in a state: in the draft, whoever may write minutes; once
 * circulated, only whoever may amend the circulated draft (the secretary, taking in the comments), so that what
 * members read is not rewritten under them by anyone else; once adopted, nobody.
 */
export function minutesWritableBy(state: MinutesState, grants: { write: boolean; amend: boolean }): boolean {
  if (state === 'draft') return grants.write;
  if (state === 'circulated') return grants.amend;
  return false;
}

/** The board keeps its sections (decisions, attendance, times) current until the minutes are adopted, not after. */
export function boardMaintainsSections(state: MinutesState): boolean {
  return state === 'draft' || state === 'circulated';
}

export const MAX_AMENDMENTS = 50;
export const MAX_AMENDMENT_CHARS = 2000;

/** Amendments as recorded: trimmed, empty ones dropped, in the order given. */
export function normaliseAmendments(amendments: readonly string[]): string[] {
  return amendments.map((a) => a.trim()).filter((a) => a.length > 0);
}

/** What a locked record holds, hashed and signed. `version` and `prevHash` chain it as a frame record is chained. */
export interface MinutesRecordBody {
  version: number;
  prevHash: string | null;
  planId: string;
  meetingId: string;
  meeting: { number: number; yearBE: number; titleTh: string };
  /** The adopted document in its canonical form: the HTML the minutes print from (export/minutes-document.ts). */
  minutesHtml: string;
  amendments: string[];
  adoptedHow: AdoptionHow;
  adoptedAt: string;
  adoptedBy: string;
  /** The meeting whose agenda item 2 adopted them, for an adoption there. */
  adoptedAtMeeting: { number: number; yearBE: number } | null;
  lockedBy: string;
  recordedAt: string;
  /** SHA-256 of the stored PDF, so that the signature covers the very file the export serves. */
  pdfSha256: string;
}

export function sealMinutesRecord(body: MinutesRecordBody): { canonical: string; hash: string } {
  const canonical = canonicalize(body);
  return { canonical, hash: sha256Hex(canonical) };
}

export interface StoredMinutesRecord extends StoredFrameRecord {
  pdf: Uint8Array | null;
}

/**
 * The frame chain's checks (hash, link, signature) on the plan's locked minutes, and one more: the stored PDF must
 * be the one whose hash was signed. Only the record that was altered is named.
 */
export function verifyMinutesChain(records: readonly StoredMinutesRecord[], signatureValid: SignatureCheck): FrameVerification {
  const chain = verifyFrameChain(records, signatureValid);
  const byId = new Map(records.map((r) => [r.id, r]));
  const checked = chain.records.map((check) => {
    if (!check.ok) return check;
    const record = byId.get(check.id)!;
    return pdfMatches(record) ? check : { ...check, ok: false, fault: 'pdf_mismatch' as const };
  });
  return { ok: checked.every((c) => c.ok), records: checked };
}

function pdfMatches(record: StoredMinutesRecord): boolean {
  if (!record.pdf) return false;
  try {
    const body = JSON.parse(record.canonical) as Partial<MinutesRecordBody>;
    return typeof body.pdfSha256 === 'string' && body.pdfSha256 === sha256Bytes(record.pdf);
  } catch {
    return false;
  }
}
