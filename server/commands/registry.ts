// Every sequenced command, by the name it is called by. Socket.io binds the socket commands; HTTP callers (pages'
// actions, the JSON API, imports) run any of them by name through AppServices.runCommand.
import type { Actor } from '../shared/actor.ts';
import { CEILINGS_COMMANDS } from './ceilings.ts';
import type { AckOf, InputOf, SequencedCommand } from './command.ts';
import { PRESENTER_COMMANDS } from './presenter.ts';
import { importProjectsCommand } from './projects.ts';
import { confirmFrameCommand, prepareFrameCommand } from './frame.ts';
import { revokeParticipantCommand } from './participants.ts';
import { revokeUsedInviteCommand } from './invites.ts';
import { RESOLUTION_COMMANDS } from './resolutions.ts';
import { LIFECYCLE_COMMANDS } from './lifecycle.ts';
import { updatePlanCommand } from './plans.ts';
import { ATTENDANCE_COMMANDS } from './attendance.ts';
import { PROPOSAL_SET_COMMANDS } from './proposal-sets.ts';
import { MINUTES_COMMANDS } from './minutes.ts';
import { PROJECT_LIST_COMMANDS } from './project-list.ts';

/** Setting up, from the set-up pages and the JSON API: the plan, and opening and closing its meetings. */
const PLAN_COMMANDS = [updatePlanCommand, ...LIFECYCLE_COMMANDS] as const;

/** The commands a participant's socket may call. */
export const SOCKET_COMMANDS = [
  ...CEILINGS_COMMANDS,
  ...PRESENTER_COMMANDS,
  ...RESOLUTION_COMMANDS,
  revokeParticipantCommand,
  ...ATTENDANCE_COMMANDS,
  ...PROPOSAL_SET_COMMANDS,
  ...MINUTES_COMMANDS,
  ...PROJECT_LIST_COMMANDS,
] as const;
/** Commands run from pages and HTTP endpoints only (a file as the payload; the frame page's actions; set-up). */
const HTTP_COMMANDS = [importProjectsCommand, prepareFrameCommand, confirmFrameCommand, revokeUsedInviteCommand] as const;

type AnyCommand = (typeof SOCKET_COMMANDS)[number] | (typeof HTTP_COMMANDS)[number] | (typeof PLAN_COMMANDS)[number];
export type CommandName = AnyCommand['event'];
export type CommandNamed<N extends CommandName> = Extract<AnyCommand, { event: N }>;

/** Every sequenced command, whatever calls it (the permission matrix test runs each for every role). */
export const ALL_COMMANDS: readonly SequencedCommand[] = [...SOCKET_COMMANDS, ...HTTP_COMMANDS, ...PLAN_COMMANDS];

const BY_NAME = new Map<string, SequencedCommand>(ALL_COMMANDS.map((c) => [c.event, c]));

export function commandNamed<N extends CommandName>(name: N): CommandNamed<N> {
  const command = BY_NAME.get(name);
  if (!command) throw new Error(`No command ${name}`);
  return command as unknown as CommandNamed<N>;
}

/** How HTTP code runs a command: by name, for an actor, with the same checks as over Socket.io. */
export type RunCommand = <N extends CommandName>(
  name: N,
  actor: Actor,
  input: InputOf<CommandNamed<N>>,
  meetingId?: string,
) => Promise<AckOf<CommandNamed<N>>>;
