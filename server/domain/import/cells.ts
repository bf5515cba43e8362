// What one cell says, read as a person would: the plan's goal and approach from a number, a code, a name or a
// heading ("แนวทางที่ 1.1 …", "ต้นน้ำ"), the integration type from its usual wordings, the partners from a list.
import { arabicDigits, cleanCell, matchKey } from './text.ts';

export interface ValueChain {
  goals: { number: number; stream: 'upstream' | 'midstream' | 'downstream'; nameTh: string }[];
  approaches: { code: string; goalNumber: number; nameTh: string }[];
}
export type Approach = ValueChain['approaches'][number];
export type IntegrationType = 'system_data' | 'budget';

const STREAM_WORDS: [RegExp, ValueChain['goals'][number]['stream']][] = [
  [/ต้นน้ำ|upstream/, 'upstream'],
  [/กลางน้ำ|midstream/, 'midstream'],
  [/ปลายน้ำ|downstream/, 'downstream'],
];
const GOAL_PREFIX = /^(เป้าหมาย(ที่)?|ยุทธศาสตร์(ที่)?|ประเด็นยุทธศาสตร์(ที่)?|goal)/;
const APPROACH_PREFIX = /^(แนวทาง(ที่)?|approach)/;

/** The goal a cell names: "2", "เป้าหมายที่ 2", "กลางน้ำ", or the goal's name. */
export function readGoal(text: string, chain: ValueChain): number | null {
  const key = matchKey(text);
  if (key === '') return null;
  const numbered = /^(\d+)(?!\.\d)/.exec(key.replace(GOAL_PREFIX, ''));
  if (numbered) return chain.goals.find((goal) => goal.number === Number(numbered[1]))?.number ?? null;
  const stream = STREAM_WORDS.find(([words]) => words.test(key))?.[1];
  if (stream) return chain.goals.find((goal) => goal.stream === stream)?.number ?? null;
  return chain.goals.find((goal) => key.includes(matchKey(goal.nameTh)))?.number ?? null;
}

/**
 * The approach a cell names: its code ("1.1", "แนวทางที่ 1.1 พัฒนา…"), its number within the row's goal ("1" under
 * goal 2 is 2.1), or its name.
 */
export function readApproach(text: string, chain: ValueChain, goalNumber: number | null): Approach | null {
  const key = matchKey(text).replace(APPROACH_PREFIX, '');
  if (key === '') return null;
  const code = /^\d+(\.\d+)*/.exec(key)?.[0];
  if (code) {
    const exact = chain.approaches.find((approach) => approach.code === code);
    if (exact) return exact;
    if (!code.includes('.') && goalNumber !== null) return chain.approaches.find((approach) => approach.code === `${goalNumber}.${code}`) ?? null;
    return null;
  }
  return chain.approaches.find((approach) => key.includes(matchKey(approach.nameTh))) ?? null;
}

/** A heading row above a group of projects: "เป้าหมายที่ 1 …", "แนวทางที่ 1.1 …", "ต้นน้ำ: …". */
export function readHeading(text: string, chain: ValueChain, goalNumber: number | null): { goal: number | null; approach: Approach | null } | null {
  const key = matchKey(text);
  if (APPROACH_PREFIX.test(key)) {
    const approach = readApproach(text, chain, goalNumber);
    return approach ? { goal: approach.goalNumber, approach } : null;
  }
  if (GOAL_PREFIX.test(key) || STREAM_WORDS.some(([words]) => words.test(key))) {
    const goal = readGoal(text, chain);
    return goal === null ? null : { goal, approach: null };
  }
  return null;
}

/** ระบบ/ข้อมูล, บูรณาการระบบและข้อมูล, system/data → system_data; งบประมาณ, บูรณาการงบประมาณ, budget → budget. */
export function readIntegrationType(text: string): IntegrationType | null {
  const key = matchKey(text);
  const system = /ระบบ|ข้อมูล|system|data/.test(key);
  const budget = /งบ|budget/.test(key);
  if (system === budget) return null;
  return system ? 'system_data' : 'budget';
}

const LIST_SEPARATOR = /\r\n|\r|\n|[,;、|]/;
const LIST_MARKER = /^\s*(\(?\d+[.)]|[-•·*▪])\s*/;

/** The agencies a partners cell lists: one a line, or separated by commas or semicolons, numbered or bulleted. */
export function readPartners(text: string): string[] {
  const names = arabicDigits(text)
    .split(LIST_SEPARATOR)
    .map((part) => cleanCell(part.replace(LIST_MARKER, '')))
    .filter(Boolean);
  return [...new Set(names)];
}

const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._/-]{0,31}$/u;

/** A project's own code or number as the file writes it ("1.", "๑", "DG-67-001"), or null when it cannot be one. */
export function readCode(text: string): string | null {
  const code = cleanCell(text).replace(/^(\d+)\.$/, '$1');
  return CODE_PATTERN.test(code) ? code : null;
}
