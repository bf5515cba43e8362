// The Socket.io contract, shared by the server and the browser. Events are named `feature:verb`; every command is
// acknowledged with `{ data }` or a typed `{ error }`. Each feature declares its events in events/<feature>.ts.
import type { Identity } from '../auth/identity.ts';
import type { MeetingClientEvents, MeetingServerEvents } from './events/meeting.ts';
import type { CeilingsClientEvents, CeilingsServerEvents } from './events/ceilings.ts';
import type { PresenterClientEvents, PresenterServerEvents } from './events/presenter.ts';
import type { ResolutionClientEvents, ResolutionServerEvents } from './events/resolution.ts';
import type { ProjectImportServerEvents } from './events/project-import.ts';
import type { FrameServerEvents } from './events/frame.ts';
import type { ParticipantsClientEvents, ParticipantsServerEvents } from './events/participants.ts';
import type { ClusterServerEvents } from './events/cluster.ts';
import type { LifecycleServerEvents } from './events/lifecycle.ts';
import type { PlanServerEvents } from './setup/plans.ts';
import type { AttendanceClientEvents } from './events/attendance.ts';
import type { SandboxClientEvents } from './events/sandbox.ts';
import type { JoinRequestsServerEvents } from './events/join-requests.ts';
import type { ProposalSetsClientEvents, ProposalSetsServerEvents } from './events/proposal-sets.ts';
import type { MinutesClientEvents, MinutesServerEvents } from './events/minutes.ts';
import type { ProjectListClientEvents, ProjectListServerEvents } from './events/project-list.ts';

export type { Ack, AckCallback } from './ack.ts';

/** The largest Socket.io message the server reads: commands are small, and a large one is an attack or a bug. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

export interface HandshakeAuth {
  meetingId: string;
  /** For clients without the browser's session cookie (scripts, tests, benchmarks). */
  token?: string;
}

export type ClientToServerEvents = MeetingClientEvents &
  CeilingsClientEvents &
  PresenterClientEvents &
  ResolutionClientEvents &
  ParticipantsClientEvents &
  AttendanceClientEvents &
  SandboxClientEvents &
  ProposalSetsClientEvents &
  MinutesClientEvents &
  ProjectListClientEvents;

export type ServerToClientEvents = MeetingServerEvents &
  CeilingsServerEvents &
  PresenterServerEvents &
  ResolutionServerEvents &
  ProjectImportServerEvents &
  FrameServerEvents &
  ClusterServerEvents &
  ParticipantsServerEvents &
  LifecycleServerEvents &
  PlanServerEvents &
  JoinRequestsServerEvents &
  ProposalSetsServerEvents &
  MinutesServerEvents &
  ProjectListServerEvents;

export interface SocketData {
  identity: Identity;
  /** Where the process's record of role changes stood when this socket authenticated (see auth/authority-changes.ts). */
  authorityGeneration?: number;
}
