// The project list once the plan has decided something: until then the list is replaced by importing the file again;
// after it, a project is added, withdrawn or has its request corrected one command at a time, each audited. Pure: the
// repository reads the facts inside the command's turn and asks here whether the change may happen and what it does.
import type { ErrorCode } from '../shared/errors.ts';
import type { CeilingRules } from './ceilings.ts';

export const PROJECT_CHANGE_KINDS = ['added', 'withdrawn', 'request_corrected'] as const;
export type ProjectChangeKind = (typeof PROJECT_CHANGE_KINDS)[number];

export const PROJECT_CHANGE_LABELS: Record<ProjectChangeKind, { th: string; en: string }> = {
  added: { th: 'เพิ่มโครงการ', en: 'Project added' },
  withdrawn: { th: 'ถอนโครงการ', en: 'Project withdrawn' },
  request_corrected: { th: 'แก้ไขวงเงินที่ขอ', en: 'Request corrected' },
};

/** Whole baht of at most 15 digits, as a frame is: the largest request a plan can hold. */
export const MAX_REQUEST_BAHT = 999_999_999_999_999;

export type ListRefusal = { ok: false; code: ErrorCode; details?: Record<string, unknown> };
export type ListVerdict<T> = ({ ok: true } & T) | ListRefusal;

/** What the rules need of the plan: whether anything was decided, its ceiling rules and the total of live ceilings. */
export interface ListFacts {
  /** A ceiling moved, a proposal, a resolution or a frame record exists: the list is the meeting's record now. */
  decided: boolean;
  rules: CeilingRules;
  /** The sum of the ceilings of the projects not withdrawn. */
  totalCeilingsBaht: number;
}

/** A project as the rules see it. */
export interface ListedProject {
  code: string;
  nameTh: string;
  requestedBaht: number;
  ceilingBaht: number;
  withdrawn: boolean;
  /** A confirmed resolution fixes the project until the chair reopens it. */
  resolved: boolean;
}

function validRequest(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= MAX_REQUEST_BAHT;
}

/** Codes and names are compared as a person reads them: case, width and surrounding space aside. */
export function listKey(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function openListRefusal(facts: ListFacts): ListRefusal | null {
  return facts.decided ? null : { ok: false, code: 'project_list_open' };
}

function overCap(facts: ListFacts, deltaBaht: number): ListRefusal | null {
  const totalAfterBaht = facts.totalCeilingsBaht + deltaBaht;
  if (deltaBaht > 0 && facts.rules.hardCap && totalAfterBaht > facts.rules.frameBaht) {
    return { ok: false, code: 'over_frame_cap', details: { frameBaht: facts.rules.frameBaht, overByBaht: totalAfterBaht - facts.rules.frameBaht } };
  }
  return null;
}

/**
 * A new project: its code and Thai name not already in the plan (withdrawn ones included: the record names them), a
 * request of whole baht; its ceiling starts at the request, which a hard cap must leave room for.
 */
export function checkAddition(
  input: { code: string; nameTh: string; requestedBaht: unknown },
  existing: readonly Pick<ListedProject, 'code' | 'nameTh'>[],
  facts: ListFacts,
): ListVerdict<{ ceilingBaht: number }> {
  const open = openListRefusal(facts);
  if (open) return open;
  if (!validRequest(input.requestedBaht)) return { ok: false, code: 'request_invalid', details: { requestedBaht: String(input.requestedBaht) } };
  const code = listKey(input.code);
  if (existing.some((p) => listKey(p.code) === code)) return { ok: false, code: 'project_code_taken', details: { code: input.code } };
  const name = listKey(input.nameTh);
  if (existing.some((p) => listKey(p.nameTh) === name)) return { ok: false, code: 'project_name_taken', details: { nameTh: input.nameTh } };
  const cap = overCap(facts, input.requestedBaht);
  if (cap) return cap;
  return { ok: true, ceilingBaht: input.requestedBaht };
}

function refusedAsIs(project: ListedProject, reason: string): ListRefusal | null {
  if (project.withdrawn) return { ok: false, code: 'project_withdrawn' };
  if (project.resolved) return { ok: false, code: 'project_resolved' };
  if (reason.trim() === '') return { ok: false, code: 'reason_required' };
  return null;
}

/** A project withdrawn from the list: once only, not while a confirmed resolution stands on it, with a reason. */
export function checkWithdrawal(project: ListedProject, reason: string, facts: ListFacts): ListVerdict<object> {
  return openListRefusal(facts) ?? refusedAsIs(project, reason) ?? { ok: true };
}

/**
 * A corrected request. A ceiling the committee never moved from the request follows it (the line stays uncut); one it
 * moved stays, and must not then be above the request unless the plan allows ceilings above requests.
 */
export function checkRequestCorrection(project: ListedProject, toBaht: unknown, reason: string, facts: ListFacts): ListVerdict<{ requestedBaht: number; ceilingBaht: number }> {
  const open = openListRefusal(facts);
  if (open) return open;
  if (!validRequest(toBaht)) return { ok: false, code: 'request_invalid', details: { requestedBaht: String(toBaht) } };
  const refused = refusedAsIs(project, reason);
  if (refused) return refused;
  if (toBaht === project.requestedBaht) return { ok: false, code: 'request_unchanged' };
  const follows = project.ceilingBaht === project.requestedBaht;
  const ceilingBaht = follows ? toBaht : project.ceilingBaht;
  if (ceilingBaht > toBaht && !facts.rules.allowAboveRequest) {
    return { ok: false, code: 'request_below_ceiling', details: { ceilingBaht: project.ceilingBaht } };
  }
  const cap = overCap(facts, ceilingBaht - project.ceilingBaht);
  if (cap) return cap;
  return { ok: true, requestedBaht: toBaht, ceilingBaht };
}
