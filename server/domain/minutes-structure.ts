// The structure of a meeting's minutes (รายงานการประชุม) as plain blocks, and the parts of it the board keeps up to
// date: sections, each under a stable key, that the server rewrites when what they say changes (a resolution
// confirmed) and that the secretary's own text sits around. Pure: no Yjs, no I/O; server/yjs/minutes-template.ts
// turns blocks into the editor's document.
import { formatMillionBaht } from './money.ts';

export type Inline = string | { bold: string };
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: Inline[] }
  | { type: 'paragraph'; text: Inline[] }
  | { type: 'orderedList'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] };

/** A part of the minutes the board writes: found again by its key, rewritten only when its blocks change. */
export interface MinutesSection {
  key: string;
  blocks: Block[];
}

/** A top-level piece of the minutes: the secretary's block, or a section the board keeps. */
export type MinutesNode = Block | ({ type: 'section' } & MinutesSection);

export type DecisionOutcome = 'approved_as_requested' | 'approved_adjusted' | 'not_approved' | 'deferred' | 'noted';

export interface AgendaDecision {
  resolutionId: string;
  agendaItemId: string;
  outcome: DecisionOutcome;
  textTh: string;
}

export interface ProjectDecision {
  resolutionId: string;
  projectCode: string;
  projectNameTh: string;
  agencyTh: string;
  requestedBaht: number;
  /** The ceiling the resolution fixed (deferred: the ceiling as it stood). */
  ceilingBaht: number;
  outcome: DecisionOutcome;
  /** The resolution's own words: its conditions. */
  textTh: string;
}

export interface DecisionsData {
  agendaItems: { id: string; kind: string }[];
  frameBaht: number;
  /** Confirmed resolutions only: drafts and reopened ones are not the meeting's decisions. */
  agenda: AgendaDecision[];
  projects: ProjectDecision[];
}

const RESOLVED_LABEL = 'มติที่ประชุม';

/** The minutes' own sentence for each outcome. */
const DECISION_SENTENCE_TH: Record<DecisionOutcome, string> = {
  noted: 'ที่ประชุมรับทราบ',
  approved_as_requested: 'ที่ประชุมพิจารณาแล้วมีมติเห็นชอบตามที่เสนอ',
  approved_adjusted: 'ที่ประชุมพิจารณาแล้วมีมติเห็นชอบโดยปรับวงเงิน',
  not_approved: 'ที่ประชุมพิจารณาแล้วมีมติไม่เห็นชอบ',
  deferred: 'ที่ประชุมพิจารณาแล้วมีมติให้ชะลอการพิจารณา',
};

/** How the project table's outcome column reads. */
const PROJECT_OUTCOME_TH: Record<DecisionOutcome, string> = {
  noted: 'รับทราบ',
  approved_as_requested: 'เห็นชอบตามที่เสนอ',
  approved_adjusted: 'เห็นชอบโดยปรับวงเงิน',
  not_approved: 'ไม่เห็นชอบ',
  deferred: 'ชะลอการพิจารณา',
};

export const PROJECT_TABLE_HEADER = ['โครงการ', 'หน่วยงาน', 'วงเงินที่เสนอขอ (ล้านบาท)', 'วงเงินที่เห็นชอบ (ล้านบาท)', 'มติ', 'เงื่อนไข'];

export function decisionSectionKey(agendaItemId: string): string {
  return `decision:${agendaItemId}`;
}

/**
 * The agenda item that carries the project resolutions: the plan's projects are decided under the consideration item
 * (เรื่องเพื่อพิจารณา); a meeting without one decides them under its last item.
 */
export function projectsAgendaItemId(agendaItems: readonly { id: string; kind: string }[]): string | null {
  return (agendaItems.find((item) => item.kind === 'consideration') ?? agendaItems.at(-1))?.id ?? null;
}

function sentence(outcome: DecisionOutcome, textTh: string): string {
  const words = textTh.trim();
  return words === '' ? DECISION_SENTENCE_TH[outcome] : `${DECISION_SENTENCE_TH[outcome]} ${words}`;
}

function projectBlocks(decisions: readonly ProjectDecision[], frameBaht: number, labelled: boolean): Block[] {
  const sorted = [...decisions].sort((a, b) => a.projectCode.localeCompare(b.projectCode, 'th', { numeric: true }));
  const requested = sorted.reduce((sum, d) => sum + d.requestedBaht, 0);
  const agreed = sorted.reduce((sum, d) => sum + d.ceilingBaht, 0);
  const rows = sorted.map((d) => [
    `${d.projectCode} ${d.projectNameTh}`,
    d.agencyTh,
    formatMillionBaht(d.requestedBaht),
    formatMillionBaht(d.ceilingBaht),
    PROJECT_OUTCOME_TH[d.outcome],
    d.textTh.trim() === '' ? '-' : d.textTh.trim(),
  ]);
  rows.push([`รวม ${sorted.length} โครงการ`, '', formatMillionBaht(requested), formatMillionBaht(agreed), '', '']);
  const remaining = frameBaht - agreed;
  return [
    {
      type: 'paragraph',
      text: [...(labelled ? [{ bold: RESOLVED_LABEL }, ' '] : []), `ที่ประชุมพิจารณาแล้วมีมติเกี่ยวกับโครงการ จำนวน ${sorted.length} โครงการ ดังนี้`],
    },
    { type: 'table', header: PROJECT_TABLE_HEADER, rows },
    {
      type: 'paragraph',
      text: [
        `รวมวงเงินที่เห็นชอบ ${formatMillionBaht(agreed)} ล้านบาท จากกรอบวงเงิน ${formatMillionBaht(frameBaht)} ล้านบาท ` +
          (remaining >= 0 ? `คงเหลือ ${formatMillionBaht(remaining)} ล้านบาท` : `เกินกรอบวงเงิน ${formatMillionBaht(-remaining)} ล้านบาท`),
      ],
    },
  ];
}

/**
 * Each agenda item's decision section: its own resolution in the minutes' wording, and under the projects' item the
 * table of project resolutions with the totals against the frame. An item with no decision yet keeps the blank
 * "มติที่ประชุม" line the secretary may type into.
 */
export function decisionSections(data: DecisionsData): MinutesSection[] {
  const projectsItem = projectsAgendaItemId(data.agendaItems);
  return data.agendaItems.map((item) => {
    const own = data.agenda.filter((d) => d.agendaItemId === item.id);
    const projects = item.id === projectsItem ? data.projects : [];
    const blocks: Block[] = own.map((d) => ({ type: 'paragraph', text: [{ bold: RESOLVED_LABEL }, ` ${sentence(d.outcome, d.textTh)}`] }));
    if (projects.length > 0) blocks.push(...projectBlocks(projects, data.frameBaht, own.length === 0));
    if (blocks.length === 0) blocks.push({ type: 'paragraph', text: [{ bold: RESOLVED_LABEL }, ' '] });
    return { key: decisionSectionKey(item.id), blocks };
  });
}
