// The broadcasts that carry the meeting's sequence number. Each is one row of the meeting's event log (MeetingEvent) and
// is delivered to every client in seq order; a client that missed some asks for them with `meeting:catchup`.
import type { BoardSnapshot } from '../board.ts';
import type { CeilingsServerEvents } from './ceilings.ts';
import type { FrameServerEvents } from './frame.ts';
import type { ParticipantsServerEvents } from './participants.ts';
import type { PresenterServerEvents } from './presenter.ts';
import type { ProjectImportServerEvents } from './project-import.ts';
import type { ResolutionServerEvents } from './resolution.ts';
import type { LifecycleServerEvents } from './lifecycle.ts';
import type { PlanServerEvents } from '../setup/plans.ts';
import type { ProposalSetsServerEvents } from './proposal-sets.ts';
import type { MinutesServerEvents } from './minutes.ts';
import type { ProjectListServerEvents } from './project-list.ts';

type Broadcasts = CeilingsServerEvents &
  PresenterServerEvents &
  ProjectImportServerEvents &
  ResolutionServerEvents &
  FrameServerEvents &
  ParticipantsServerEvents &
  LifecycleServerEvents &
  PlanServerEvents &
  ProposalSetsServerEvents &
  MinutesServerEvents &
  ProjectListServerEvents;

/** Every sequenced broadcast; the browser must apply (or at least count) each, or it would see a gap. */
export const SEQUENCED_EVENT_TYPES = [
  'ceilings:updated',
  'focus:changed',
  'agenda:changed',
  'participants:changed',
  'resolution:changed',
  'projects:replaced',
  'frame:changed',
  'participant:revoked',
  'meeting:phase-changed',
  'plan:changed',
  'resolutions:changed',
  'sets:changed',
  'minutes:adoption-changed',
  'projects:changed',
] as const satisfies readonly (keyof Broadcasts)[];
export type SequencedEventType = (typeof SEQUENCED_EVENT_TYPES)[number];

export type SequencedPayload<T extends SequencedEventType> = Parameters<Broadcasts[T]>[0];

/** One entry of the log as it travels: the event name it is broadcast under and exactly what was broadcast. */
export type SequencedEvent = { [T in SequencedEventType]: { type: T; payload: SequencedPayload<T> } }[SequencedEventType];

export function isSequencedEventType(type: string): type is SequencedEventType {
  return (SEQUENCED_EVENT_TYPES as readonly string[]).includes(type);
}

/** What a reader that saw everything up to `afterSeq` lacks: the events since, in order, or the whole board. */
export type CatchUp = { events: SequencedEvent[] } | { snapshot: BoardSnapshot };
