// Creating a plan's meeting, for the set-up pages and the JSON API alike: ครั้งที่ N/พ.ศ. (the next free number of the
// year unless given; a number already used is refused), date, time, venue and online link, and the standard five-item
// agenda whose item 2 adopts the minutes of the plan's meeting before it. A date in the past is saved with a warning:
// a secretariat also records meetings after the fact. Meetings are set up by organisers only.
import type { Database } from '../db/client.ts';
import type { RunCommand } from '../commands/registry.ts';
import { authorityOf, can, type Action } from '../domain/permissions.ts';
import { agendaFor, bangkokDateTime, checkMeetingFields, MEETING_WARNINGS, type MeetingWarning } from '../domain/meeting-rules.ts';
import { orRefuse } from '../domain/plan-rules.ts';
import { STANDARD_AGENDA } from '../seed/standard-agenda.ts';
import type { ActingActor } from '../shared/actor.ts';
import type { MeetingPhaseChanged } from '../shared/events/lifecycle.ts';
import { BoardError } from '../shared/errors.ts';
import { parseSetup } from '../shared/setup.ts';
import { meetingFieldLabel } from '../shared/setup/meeting-fields.ts';
import { meetingFieldsSchema, type MeetingDetail, type PlanMeetingSummary } from '../shared/setup/plans.ts';

export interface CreatedMeeting {
  meeting: PlanMeetingSummary & { previousMeetingId: string | null; agenda: { number: string; titleTh: string; titleEn: string }[] };
  warnings: { code: MeetingWarning; messageTh: string; messageEn: string }[];
}

export interface MeetingSetup {
  create(actor: ActingActor, planId: string, input: unknown): Promise<CreatedMeeting>;
  /** The meeting as its set-up page shows it, to an organiser or to a participant of it. */
  read(actor: ActingActor, meetingId: string): Promise<MeetingDetail>;
  /** Opens or closes the meeting through the pipeline (meeting:open / meeting:close), as the board's buttons do. */
  open(actor: ActingActor, meetingId: string): Promise<MeetingPhaseChanged>;
  close(actor: ActingActor, meetingId: string): Promise<MeetingPhaseChanged>;
}

/** Postgres's unique violation (P2002): another request took the same ครั้งที่/พ.ศ. between our check and our write. */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

/** A participant acts only on their own meeting, an organiser on any; either within their row of the table. */
function allow(actor: ActingActor, action: Action, meetingId: string): void {
  if (actor.kind === 'participant' && actor.meetingId !== meetingId) throw new BoardError('forbidden', { action });
  if (!can(authorityOf(actor), action)) throw new BoardError('forbidden', { action });
}

export interface MeetingSetupDeps {
  db: Database;
  runCommand: RunCommand;
  now?: () => Date;
}

export function createMeetingSetup({ db, runCommand, now = () => new Date() }: MeetingSetupDeps): MeetingSetup {
  return {
    async read(actor, meetingId) {
      allow(actor, 'board:read', meetingId);
      const meeting = await db.meeting.findUnique({
        where: { id: meetingId },
        select: {
          id: true, planId: true, number: true, yearBE: true, titleTh: true, titleEn: true, startsAt: true, venueTh: true, venueEn: true,
          onlineUrl: true, status: true, openedAt: true, closedAt: true, plan: { select: { titleTh: true, titleEn: true, isSample: true } },
        },
      });
      if (!meeting) throw new BoardError('meeting_not_found');
      const { plan, startsAt, openedAt, closedAt, ...rest } = meeting;
      return {
        ...rest,
        ...bangkokDateTime(startsAt),
        startsAt: startsAt.toISOString(),
        openedAt: openedAt?.toISOString() ?? null,
        closedAt: closedAt?.toISOString() ?? null,
        plan,
      };
    },
    open: (actor, meetingId) => runCommand('meeting:open', actor, {}, meetingId),
    close: (actor, meetingId) => runCommand('meeting:close', actor, {}, meetingId),
    async create(actor, planId, input) {
      if (actor.kind !== 'organiser' || !can('organiser', 'meeting:create')) throw new BoardError('forbidden', { action: 'meeting:create' });
      const request = parseSetup(meetingFieldsSchema, input, meetingFieldLabel);
      const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true } });
      if (!plan) throw new BoardError('plan_not_found');
      const others = await db.meeting.findMany({ where: { planId }, select: { id: true, number: true, yearBE: true, startsAt: true }, orderBy: { startsAt: 'desc' } });
      const { fields, warnings } = orRefuse(checkMeetingFields({ ...request, titleTh: request.titleTh ?? '' }, { now: now(), others }));
      // The meeting before this one (by date) is the one whose minutes this one adopts.
      const previous = others.find((m) => m.startsAt.getTime() < fields.startsAt.getTime()) ?? null;
      const agenda = agendaFor(STANDARD_AGENDA, previous);
      try {
        const made = await db.meeting.create({
          data: { planId, ...fields, previousMeetingId: previous?.id ?? null, agendaItems: { create: agenda.map((item, position) => ({ ...item, position })) } },
          select: { id: true, number: true, yearBE: true, titleTh: true, startsAt: true, status: true, previousMeetingId: true },
        });
        return {
          meeting: { ...made, startsAt: made.startsAt.toISOString(), agenda: agenda.map(({ number, titleTh, titleEn }) => ({ number, titleTh, titleEn })) },
          warnings: warnings.map((code) => ({ code, messageTh: MEETING_WARNINGS[code].th, messageEn: MEETING_WARNINGS[code].en })),
        };
      } catch (error) {
        if (isUniqueViolation(error)) throw new BoardError('meeting_number_taken', { field: 'number' });
        throw error;
      }
    },
  };
}
