// The project list after the plan's first decision: add a project, withdraw one, correct its request. Each is one
// audited command with its seq, told to the meeting in one projects:changed (and, when a withdrawal closed pending
// sets, a sets:changed under the next seq). Before the first decision the list is replaced by an import instead.
import { addProject, correctRequest, withdrawProject } from '../db/project-list-repository.ts';
import { AddProjectPayload, CorrectRequestPayload, WithdrawProjectPayload, type ProjectsChanged } from '../shared/events/project-list.ts';
import type { SequencedEvent } from '../shared/events/sequenced.ts';
import { sequencedCommand } from './command.ts';

const told = (changed: ProjectsChanged, more: SequencedEvent[] = []) => ({
  ack: changed,
  events: [{ type: 'projects:changed' as const, payload: changed }, ...more],
});

export const addProjectCommand = sequencedCommand({
  event: 'projects:add',
  schema: AddProjectPayload,
  authority: 'projects:edit',
  run: async (ctx, payload) => told(await addProject(ctx, payload)),
});

export const withdrawProjectCommand = sequencedCommand({
  event: 'projects:withdraw',
  schema: WithdrawProjectPayload,
  authority: 'projects:edit',
  run: async (ctx, payload) => {
    const { changed, closedSets } = await withdrawProject(ctx, payload);
    return told(changed, closedSets.length ? [{ type: 'sets:changed', payload: { seq: ctx.seq + 1, closed: closedSets } }] : []);
  },
});

export const correctRequestCommand = sequencedCommand({
  event: 'projects:correct-request',
  schema: CorrectRequestPayload,
  authority: 'projects:edit',
  run: async (ctx, payload) => told(await correctRequest(ctx, payload)),
});

export const PROJECT_LIST_COMMANDS = [addProjectCommand, withdrawProjectCommand, correctRequestCommand] as const;
