// What makes a plan and its value chain well formed: the frame as a million-baht figure (4 decimals, stored as whole
// baht), the fiscal year in B.E., titles, goals and approaches with unique codes. Pure: every check returns the
// problems it found, each naming its field, so a form can show them all and the API answer with the first.
import type { ErrorCode } from '../shared/errors.ts';
import { BoardError } from '../shared/errors.ts';
import { BAHT_PER_MILLION } from './money.ts';
import type { GoalView, Stream } from '../shared/board.ts';
import { planFieldLabel } from '../shared/setup/plan-fields.ts';

export const FISCAL_YEAR_BE_RANGE = { min: 2500, max: 2700 } as const;
/** Whole baht of at most 15 digits: 999,999,999.9999 million baht, and still a safe integer. */
const MAX_FRAME_DIGITS = 15;
/** A figure written in million baht: digits with thousands separators, and at most 4 decimals (100 baht). */
const MILLION_FIGURE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,4}))?$/;

export const STREAMS = ['upstream', 'midstream', 'downstream'] as const satisfies readonly Stream[];

export interface Problem {
  /** The input's field, as a path: 'frameMillionBaht', 'valueChain.1.approaches.0.code'. */
  field: string;
  code: ErrorCode;
}

/** A goal of the value chain with its approaches, as the board shows it. */
export type ValueChainGoal = GoalView;

export interface PlanFields {
  titleTh: string;
  titleEn: string;
  fiscalYearBE: number;
  hostAgencyTh: string;
  hostAgencyEn: string;
  frameBaht: number;
  hardCap: boolean;
  allowAboveRequest: boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** `"5,523.9110"` -> 5_523_911_000 baht; the refusal names what is wrong with it. */
export function parseFrameMillionBaht(input: string): { ok: true; baht: number } | { ok: false; code: ErrorCode } {
  const text = input.normalize('NFKC').trim();
  const match = MILLION_FIGURE.exec(text);
  if (!match) return { ok: false, code: 'frame_invalid' };
  const digits = `${match[1]!.replaceAll(',', '')}${(match[2] ?? '').padEnd(6, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_FRAME_DIGITS) return { ok: false, code: 'frame_too_large' };
  const baht = Number(digits);
  if (baht === 0) return { ok: false, code: 'frame_zero' };
  return { ok: true, baht };
}

/** The frame as the form shows it back: million baht, 4 decimals, no grouping (what parseFrameMillionBaht reads). */
export function frameMillionText(baht: number): string {
  const whole = Math.trunc(baht / BAHT_PER_MILLION);
  const fraction = String(Math.round((baht % BAHT_PER_MILLION) / 100)).padStart(4, '0');
  return `${whole}.${fraction}`;
}

function text(value: string): string {
  return value.normalize('NFC').trim();
}

export interface PlanInput {
  titleTh: string;
  titleEn: string;
  fiscalYearBE: number;
  hostAgencyTh: string;
  hostAgencyEn: string;
  frameMillionBaht: string;
  hardCap: boolean;
  allowAboveRequest: boolean;
}

export function checkPlanFields(input: PlanInput): Checked<PlanFields> {
  const problems: Problem[] = [];
  const titleTh = text(input.titleTh);
  if (!titleTh) problems.push({ field: 'titleTh', code: 'plan_title_required' });
  if (!Number.isInteger(input.fiscalYearBE) || input.fiscalYearBE < FISCAL_YEAR_BE_RANGE.min || input.fiscalYearBE > FISCAL_YEAR_BE_RANGE.max) {
    problems.push({ field: 'fiscalYearBE', code: 'fiscal_year_invalid' });
  }
  const frame = parseFrameMillionBaht(input.frameMillionBaht);
  if (!frame.ok) problems.push({ field: 'frameMillionBaht', code: frame.code });
  if (problems.length || !frame.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      titleTh,
      titleEn: text(input.titleEn),
      fiscalYearBE: input.fiscalYearBE,
      hostAgencyTh: text(input.hostAgencyTh),
      hostAgencyEn: text(input.hostAgencyEn),
      frameBaht: frame.baht,
      hardCap: input.hardCap,
      allowAboveRequest: input.allowAboveRequest,
    },
  };
}

export function checkValueChain(goals: readonly ValueChainGoal[]): Checked<ValueChainGoal[]> {
  const problems: Problem[] = [];
  if (goals.length === 0) problems.push({ field: 'valueChain', code: 'value_chain_empty' });
  const goalNumbers = new Set<number>();
  const approachCodes = new Set<string>();
  const value = goals.map((goal, g) => {
    const at = `valueChain.${g}`;
    if (!Number.isInteger(goal.number) || goal.number < 1) problems.push({ field: `${at}.number`, code: 'goal_number_invalid' });
    else if (goalNumbers.has(goal.number)) problems.push({ field: `${at}.number`, code: 'goal_number_duplicate' });
    goalNumbers.add(goal.number);
    if (!text(goal.nameTh)) problems.push({ field: `${at}.nameTh`, code: 'value_chain_name_required' });
    if (goal.approaches.length === 0) problems.push({ field: `${at}.approaches`, code: 'goal_without_approach' });
    const approaches = goal.approaches.map((approach, a) => {
      const code = text(approach.code);
      if (!code) problems.push({ field: `${at}.approaches.${a}.code`, code: 'approach_code_required' });
      else if (approachCodes.has(code)) problems.push({ field: `${at}.approaches.${a}.code`, code: 'approach_code_duplicate' });
      approachCodes.add(code);
      if (!text(approach.nameTh)) problems.push({ field: `${at}.approaches.${a}.nameTh`, code: 'value_chain_name_required' });
      return { code, nameTh: text(approach.nameTh), nameEn: text(approach.nameEn) };
    });
    return { number: goal.number, stream: goal.stream, nameTh: text(goal.nameTh), nameEn: text(goal.nameEn), approaches };
  });
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/**
 * The checked value, or the refusal of its first problem, carrying all of them. A problem inside the value chain also
 * says which row, as the form shows it (the message itself already names the field of a top-level problem).
 */
export function orRefuse<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  const [first] = checked.problems;
  const where = first!.field.includes('.') ? planFieldLabel(first!.field) : null;
  throw new BoardError(first!.code, { field: first!.field, ...(where ? { fieldTh: where.th, fieldEn: where.en } : {}), problems: checked.problems });
}
