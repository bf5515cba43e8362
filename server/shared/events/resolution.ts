// Resolutions (มติ) on the wire: the secretary records, the chair confirms or reopens; every change is broadcast in the
// meeting's sequence with the project's ceiling it fixed.
import { z } from 'zod';
import type { AckCallback } from '../ack.ts';

export const RESOLUTION_OUTCOMES = ['approved_as_requested', 'approved_adjusted', 'not_approved', 'deferred', 'noted'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];
/** A project resolution decides its ceiling; 'noted' is for agenda items only. */
export const PROJECT_OUTCOMES = ['approved_as_requested', 'approved_adjusted', 'not_approved', 'deferred'] as const satisfies readonly ResolutionOutcome[];
/** What an agenda item's resolution can say: it fixes no ceiling. */
export const AGENDA_OUTCOMES = ['noted', 'approved_as_requested', 'not_approved', 'deferred'] as const satisfies readonly ResolutionOutcome[];
export type ResolutionStatus = 'draft' | 'confirmed' | 'reopened';

export const RESOLUTION_OUTCOME_LABELS: Record<ResolutionOutcome, { th: string; en: string }> = {
  approved_as_requested: { th: 'อนุมัติตามที่เสนอ', en: 'Approved as requested' },
  approved_adjusted: { th: 'อนุมัติโดยปรับวงเงิน', en: 'Approved with an adjusted ceiling' },
  not_approved: { th: 'ไม่อนุมัติ', en: 'Not approved' },
  deferred: { th: 'ชะลอการพิจารณา', en: 'Deferred' },
  noted: { th: 'รับทราบ', en: 'Noted' },
};

export const RESOLUTION_STATUS_LABELS: Record<ResolutionStatus, { th: string; en: string }> = {
  draft: { th: 'ร่าง รอประธานยืนยัน', en: 'Draft, awaiting the chair' },
  confirmed: { th: 'ยืนยันแล้ว', en: 'Confirmed' },
  reopened: { th: 'เปิดพิจารณาใหม่', en: 'Reopened' },
};

export interface ResolutionView {
  id: string;
  projectId: string | null;
  agendaItemId: string | null;
  outcome: ResolutionOutcome;
  textTh: string;
  /** For project resolutions: the ceiling it fixes (deferred: the ceiling as it stood when confirmed). */
  ceilingBaht: number | null;
  status: ResolutionStatus;
  recordedByName: string;
  confirmedByName: string | null;
  confirmedAt: string | null;
}

const id = z.string().min(1).max(64);
const text = z.string().max(4000);

export const RecordResolutionPayload = z
  .object({
    projectId: id.optional(),
    agendaItemId: id.optional(),
    outcome: z.enum(RESOLUTION_OUTCOMES),
    /** Whole baht, for approved_adjusted only. */
    ceilingBaht: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
    textTh: text.default(''),
  })
  .strict()
  .refine((p) => (p.projectId === undefined) !== (p.agendaItemId === undefined), { message: 'Give a project or an agenda item, not both' });
export type RecordResolutionPayload = z.infer<typeof RecordResolutionPayload>;

export const ConfirmResolutionPayload = z.object({ resolutionId: id }).strict();
export const ReopenResolutionPayload = z.object({ resolutionId: id, reason: z.string().trim().min(1).max(2000) }).strict();

export interface ResolutionChanged {
  seq: number;
  resolution: ResolutionView;
  /** The project's ceiling after the change, when it touched one. */
  project?: { id: string; ceilingBaht: number; version: number };
}

/** The same for many at once (resolution:record-bulk, resolution:confirm-bulk): one seq, one event, one change each. */
export interface ResolutionsChanged {
  seq: number;
  changes: Omit<ResolutionChanged, 'seq'>[];
}

/**
 * One outcome for many projects: the ones named, or every project with no standing resolution yet ("all remaining").
 * approved_adjusted fixes each project's ceiling as it stands on the board. The rule's own bound is
 * BULK_RESOLUTION_MAX (server/domain/resolution-bulk.ts); the schema's only keeps a payload finite.
 */
export const RecordResolutionsPayload = z
  .object({
    projectIds: z.array(id).max(10_000).optional(),
    remaining: z.literal(true).optional(),
    outcome: z.enum(PROJECT_OUTCOMES),
    textTh: text.default(''),
  })
  .strict()
  .refine((p) => (p.projectIds === undefined) !== (p.remaining === undefined), { message: 'Name the projects or ask for all remaining, not both' });
export type RecordResolutionsPayload = z.infer<typeof RecordResolutionsPayload>;

export const ConfirmResolutionsPayload = z.object({ resolutionIds: z.array(id).max(10_000) }).strict();

export interface ResolutionClientEvents {
  'resolution:record': (payload: z.input<typeof RecordResolutionPayload>, ack: AckCallback<ResolutionView>) => void;
  'resolution:confirm': (payload: z.input<typeof ConfirmResolutionPayload>, ack: AckCallback<ResolutionView>) => void;
  'resolution:reopen': (payload: z.input<typeof ReopenResolutionPayload>, ack: AckCallback<ResolutionView>) => void;
  'resolution:record-bulk': (payload: z.input<typeof RecordResolutionsPayload>, ack: AckCallback<ResolutionView[]>) => void;
  'resolution:confirm-bulk': (payload: z.input<typeof ConfirmResolutionsPayload>, ack: AckCallback<ResolutionView[]>) => void;
}

export interface ResolutionServerEvents {
  'resolution:changed': (event: ResolutionChanged) => void;
  'resolutions:changed': (event: ResolutionsChanged) => void;
}
