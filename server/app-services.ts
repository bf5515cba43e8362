// What the SvelteKit pages may ask of the running server. The page bundle is built separately and cannot share module
// instances with the server, so each request carries the services of the board that received it (adapter-node hands
// the Node request to the pages as `platform.req`).
import type { MinutesRecords } from './db/minutes-adoption-repository.ts';
import type { IncomingMessage } from 'node:http';
import type { Sessions } from './auth/sessions.ts';
import type { Organisers } from './auth/organisers.ts';
import type { PeopleSetup } from './setup/people-setup.ts';
import type { PlanSetup } from './setup/plan-setup.ts';
import type { ImportSetup } from './setup/import-setup.ts';
import type { MeetingSetup } from './setup/meeting-setup.ts';
import type { JoinRequests } from './setup/join-requests.ts';
import type { BoardSnapshot, MeetingSummary } from './shared/board.ts';
import type { FrameService } from './db/frame-repository.ts';
import type { LimitName } from './limits/rate-limits.ts';
import type { RunCommand } from './commands/registry.ts';
import type { MeetingRecord } from './domain/meeting-record.ts';
import type { AttendanceSheet } from './shared/events/attendance.ts';

export interface AppServices {
  /** Runs a sequenced command through the pipeline (server/commands/), exactly as Socket.io does. */
  runCommand: RunCommand;
  sessions: Sessions;
  /** The secretariat's accounts: organiser links, sessions, who may set up. */
  organisers: Organisers;
  /** The committee's people: the plan's roster, the meeting's invites and attendees. */
  people: PeopleSetup;
  /** Plans: titles, fiscal year, host, frame, flags, value chain. */
  plans: PlanSetup;
  /** The project list's import with its mapping step: files kept an hour, read again at every look. */
  imports: ImportSetup;
  /** A plan's new meetings: number, date, venue, the standard agenda. */
  meetingSetup: MeetingSetup;
  loadBoard(meetingId: string): Promise<BoardSnapshot>;
  /** Every sequenced change of the meeting with the board it left (server/domain/meeting-record.ts). */
  loadRecord(meetingId: string): Promise<MeetingRecord>;
  listMeetings(): Promise<MeetingSummary[]>;
  /** The agreed frame: drafts, preparation, confirmation, records and their verification. */
  frames: FrameService;
  /** Adopting the minutes: where a meeting's (and its previous meeting's) stand, and the plan's locked minutes. */
  minutes: MinutesRecords;
  /**
   * The address to put in links people open from other devices: PUBLIC_URL, or the address the board listens on,
   * never the request's Host header (which whoever sends the request chooses).
   */
  linkBase(): string;
  /** Today's short code to ask to join a meeting, shown on the room's screen. */
  joinCode(meetingId: string): string;
  /** The meeting a join code names, or null when the code is wrong or too old. */
  meetingForJoinCode(code: string): Promise<string | null>;
  /** Requests to join from the room screen's code, and the chair's answers. */
  joinRequests: JoinRequests;
  /** Counts one `name` for a client address; throws BoardError('rate_limited') past the limit. */
  limit(name: LimitName, address: string): Promise<void>;
  /** Every roster member's attendance, the attendees and the quorum (the attendance page). */
  loadAttendance(meetingId: string): Promise<AttendanceSheet>;
}

const SERVICES = Symbol.for('committee-board.services');
type RequestWithServices = IncomingMessage & { [SERVICES]?: AppServices };

export function attachServices(req: IncomingMessage, services: AppServices): void {
  (req as RequestWithServices)[SERVICES] = services;
}

export function servicesOf(req: IncomingMessage | undefined): AppServices {
  const services = (req as RequestWithServices | undefined)?.[SERVICES];
  if (!services) throw new Error('No board services on this request: pages are served by `npm start`, not on their own');
  return services;
}
