// Plans and meetings as the set-up API and pages send and receive them (the JSON API under /api/, documented in
// README). Shapes only: the values are checked by server/domain/plan-rules.ts and meeting-rules.ts, which name the
// field of every problem in Thai and English.
import { z } from 'zod';
import type { GoalView } from '../board.ts';
import type { MeetingStatus } from '../../domain/meeting-phase.ts';
import type { PlanFields } from '../../domain/plan-rules.ts';

const line = (max = 300) => z.string().max(max);
const stream = z.enum(['upstream', 'midstream', 'downstream']);

export const valueChainSchema = z
  .array(
    z.strictObject({
      number: z.number(),
      stream,
      nameTh: line(600),
      nameEn: line(600).default(''),
      approaches: z.array(z.strictObject({ code: line(16), nameTh: line(600), nameEn: line(600).default('') })).max(50),
    }),
  )
  .max(20);

const planFields = {
  titleTh: line(),
  titleEn: line().default(''),
  fiscalYearBE: z.number(),
  hostAgencyTh: line().default(''),
  hostAgencyEn: line().default(''),
  /** Million baht with at most 4 decimals, e.g. "5,523.9110". */
  frameMillionBaht: z.union([z.string().max(40), z.number().transform(String)]),
  hardCap: z.boolean().default(false),
  allowAboveRequest: z.boolean().default(false),
};

/** A new plan; without a value chain it starts from DGA's (three goals, four approaches). */
export const createPlanSchema = z.strictObject({ ...planFields, valueChain: valueChainSchema.optional() });

/** The whole plan as it should be; the value chain is left as it is when absent. */
export const updatePlanSchema = z.strictObject({
  ...planFields,
  valueChain: valueChainSchema.optional(),
  /** Why the frame changed: required once a meeting of the plan has decided anything. */
  reason: line(500).default(''),
});

export type CreatePlanInput = z.input<typeof createPlanSchema>;
export type UpdatePlanInput = z.input<typeof updatePlanSchema>;

export const meetingFieldsSchema = z.strictObject({
  number: z.number().optional(),
  yearBE: z.number().optional(),
  titleTh: line().optional(),
  titleEn: line().default(''),
  /** YYYY-MM-DD and HH:MM, Bangkok time. */
  date: line(10),
  time: line(5),
  venueTh: line(),
  venueEn: line().default(''),
  onlineUrl: line(2000).default(''),
});
export type MeetingFieldsInput = z.input<typeof meetingFieldsSchema>;

export interface FrameChangeView {
  fromBaht: number;
  toBaht: number;
  reason: string;
  actorName: string;
  createdAt: string;
  /** The meeting whose boards were told, in its sequence; none when no meeting was open. */
  meetingId: string | null;
  seq: number | null;
}

/** What a plan is, as the set-up API answers it: the domain's checked fields (plan-rules.ts). */
export type PlanFacts = PlanFields;

export interface PlanMeetingSummary {
  id: string;
  number: number;
  yearBE: number;
  titleTh: string;
  startsAt: string;
  status: MeetingStatus;
}

/** One meeting as its set-up page and GET /api/meetings/:meetingId show it: the fields its form edits, and its phase. */
export interface MeetingDetail {
  id: string;
  planId: string;
  plan: { titleTh: string; titleEn: string; isSample: boolean };
  number: number;
  yearBE: number;
  titleTh: string;
  titleEn: string;
  /** The start, ISO, and as the form's Bangkok date (YYYY-MM-DD) and time (HH:MM). */
  startsAt: string;
  date: string;
  time: string;
  venueTh: string;
  venueEn: string;
  onlineUrl: string;
  status: MeetingStatus;
  openedAt: string | null;
  closedAt: string | null;
}

export interface PlanSummary extends PlanFacts {
  id: string;
  isSample: boolean;
  projectCount: number;
  meetingCount: number;
}

export interface PlanDetail extends PlanSummary {
  valueChain: GoalView[];
  meetings: PlanMeetingSummary[];
  frameChanges: FrameChangeView[];
}

/** Every board of the plan's open meetings hears this when the plan changes; a changed frame says who and why. */
export interface PlanChanged {
  seq: number;
  plan: PlanFacts;
  goals: GoalView[];
  frameChange: FrameChangeView | null;
}

export interface PlanServerEvents {
  'plan:changed': (event: PlanChanged) => void;
}
