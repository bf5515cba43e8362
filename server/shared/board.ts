// What the board shows, as it travels to the browser: plain JSON, money in whole baht, times as ISO strings.
import type { Role } from './roles.ts';
import type { MeetingStatus } from '../domain/meeting-phase.ts';
import type { MeetingFocus } from './events/presenter.ts';
import type { ResolutionView } from './events/resolution.ts';
import type { ProposalSetView } from './events/proposal-sets.ts';

export type Stream = 'upstream' | 'midstream' | 'downstream';
export type IntegrationType = 'system_data' | 'budget';
export type AgendaKind = 'announcement' | 'minutes_approval' | 'follow_up' | 'consideration' | 'other' | 'custom';

export const STREAM_LABELS: Record<Stream, { th: string; en: string }> = {
  upstream: { th: 'ต้นน้ำ', en: 'Upstream' },
  midstream: { th: 'กลางน้ำ', en: 'Midstream' },
  downstream: { th: 'ปลายน้ำ', en: 'Downstream' },
};

export const INTEGRATION_LABELS: Record<IntegrationType, { th: string; en: string }> = {
  system_data: { th: 'บูรณาการระบบ/ข้อมูล', en: 'System/data integration' },
  budget: { th: 'บูรณาการงบประมาณ', en: 'Budget integration' },
};

/** For table cells, where the column header already says "integration". */
export const INTEGRATION_SHORT_LABELS: Record<IntegrationType, { th: string; en: string }> = {
  system_data: { th: 'ระบบ/ข้อมูล', en: 'System/data' },
  budget: { th: 'งบประมาณ', en: 'Budget' },
};

export interface AgencyRef {
  code: string;
  nameTh: string;
  /** Empty where no English name was given: the interface falls back to the Thai. */
  nameEn: string;
  abbreviationTh: string;
}

export interface ProjectView {
  id: string;
  code: string;
  position: number;
  nameTh: string;
  nameEn: string;
  agency: AgencyRef;
  goalNumber: number;
  approachCode: string;
  integrationType: IntegrationType;
  requestedBaht: number;
  ceilingBaht: number;
  version: number;
  /** Withdrawn from the list (projects:withdraw): shown struck through with the reason, in no total. */
  withdrawn: { at: string; reason: string } | null;
  partners: (AgencyRef & { requestsBudget: boolean })[];
}

/** What a project's panel shows beyond its row, read when the panel opens (meeting:project-details). */
export interface ProjectDetails {
  summaryTh: string;
  /** Empty where no English summary was given. */
  summaryEn: string;
}

export interface ApproachView {
  code: string;
  nameTh: string;
  nameEn: string;
}

export interface GoalView {
  number: number;
  stream: Stream;
  nameTh: string;
  nameEn: string;
  approaches: ApproachView[];
}

export interface AgendaItemView {
  id: string;
  position: number;
  number: string;
  kind: AgendaKind;
  titleTh: string;
  /** Empty where no English title was given. */
  titleEn: string;
}

export interface MeetingView {
  id: string;
  number: number;
  yearBE: number;
  titleTh: string;
  /** English title and venue, where the organiser gave them (the set-up pages ask); empty otherwise. */
  titleEn: string;
  venueTh: string;
  venueEn: string;
  startsAt: string;
  /** The lifecycle (server/domain/meeting-phase.ts): what the board allows now, and when it really opened and closed. */
  status: MeetingStatus;
  openedAt: string | null;
  closedAt: string | null;
  /** For those attending online; empty when there is none. */
  onlineUrl: string;
  plan: {
    id: string;
    fiscalYearBE: number;
    titleTh: string;
    titleEn: string;
    frameBaht: number;
    hardCap: boolean;
    allowAboveRequest: boolean;
    isSample: boolean;
  };
}

export interface BoardSnapshot {
  meeting: MeetingView;
  goals: GoalView[];
  agenda: AgendaItemView[];
  projects: ProjectView[];
  /** Ceiling proposals still waiting for the chair or presenter, oldest first. */
  proposals: ProposalView[];
  /** Proposed sets still waiting, oldest first. */
  proposalSets: ProposalSetView[];
  /** Standing resolutions (drafts and confirmed); reopened ones are history. */
  resolutions: ResolutionView[];
  /** The meeting's sequence number this snapshot reflects. */
  seq: number;
  /** What the presenter shows now, so a late joiner or a reconnecting client lands on it at once. */
  focus: MeetingFocus;
}

export type CeilingChangeKind = 'set' | 'proposal_accepted' | 'revert' | 'undo' | 'reopen' | 'import';

/** One row of a ceiling's audit trail. */
export interface CeilingChangeView {
  id: string;
  projectId: string;
  kind: CeilingChangeKind;
  fromBaht: number;
  toBaht: number;
  versionAfter: number;
  /** The meeting's sequence number of the change; none for changes made outside a meeting (imports). */
  seq: number | null;
  /** The participant who made it: the board flashes changes made by anyone else. */
  actorId: string | null;
  actorName: string;
  role: Role | null;
  reason: string;
  proposalId: string | null;
  createdAt: string;
}

/** How a proposal ended when it did not move the ceiling (an accepted one is its `proposal_accepted` change). */
export type ProposalEnding = 'rejected' | 'withdrawn' | 'superseded';
export type CeilingHistoryKind = CeilingChangeKind | `proposal_${ProposalEnding}`;

/** The kinds as the history and its export write them. */
export const CEILING_HISTORY_KIND_LABELS: Record<CeilingHistoryKind, { th: string; en: string }> = {
  set: { th: 'กำหนดวงเงิน', en: 'Set' },
  proposal_accepted: { th: 'รับข้อเสนอ', en: 'Proposal accepted' },
  revert: { th: 'คืนเป็นวงเงินที่ขอ', en: 'Reverted to request' },
  undo: { th: 'เลิกทำ', en: 'Undone' },
  reopen: { th: 'เปิดมติใหม่', en: 'Resolution reopened' },
  import: { th: 'นำเข้าข้อมูล', en: 'Imported' },
  proposal_rejected: { th: 'ไม่รับข้อเสนอ', en: 'Proposal rejected' },
  proposal_withdrawn: { th: 'ถอนข้อเสนอ', en: 'Proposal withdrawn' },
  proposal_superseded: { th: 'ข้อเสนอถูกแทนที่', en: 'Proposal superseded' },
};

/**
 * One line of a project's ceiling history: a change to the ceiling, or a proposal that ended without one. For a
 * proposal, `toBaht` is the amount proposed, `fromBaht` is null, `actorName` who ended it and `reason` why (the
 * decider's reason for a rejection), with who proposed it and their reason beside.
 */
export interface CeilingHistoryEntry {
  id: string;
  projectId: string;
  kind: CeilingHistoryKind;
  fromBaht: number | null;
  toBaht: number;
  seq: number | null;
  actorName: string;
  role: Role | null;
  reason: string;
  proposal?: { id: string; proposerName: string; reason: string };
  createdAt: string;
}

export interface ProposalView {
  id: string;
  projectId: string;
  proposerId: string;
  proposerName: string;
  proposedBaht: number;
  /** The project's version when it was proposed: older than the project's now means the ceiling moved since. */
  baseVersion: number;
  reason: string;
  createdAt: string;
}

export interface MeetingSummary {
  id: string;
  number: number;
  yearBE: number;
  titleTh: string;
  titleEn: string;
  startsAt: string;
  status: MeetingStatus;
  isSample: boolean;
  planId: string;
  planTitleTh: string;
  projectCount: number;
  frameBaht: number;
}

export interface SessionView {
  participantId: string;
  displayName: string;
  role: Role;
}
