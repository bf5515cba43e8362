// Resolutions (มติ): the secretary records, the chair confirms or reopens. The meeting is told the resolution and,
// when it fixed one, the project's ceiling.
import { confirmResolution, recordResolution, reopenResolution } from '../db/resolution-repository.ts';
import { ConfirmResolutionPayload, RecordResolutionPayload, ReopenResolutionPayload, type ResolutionChanged } from '../shared/events/resolution.ts';
import { sequencedCommand } from './command.ts';

const told = (changed: ResolutionChanged) => ({ ack: changed.resolution, events: [{ type: 'resolution:changed' as const, payload: changed }] });

export const recordResolutionCommand = sequencedCommand({
  event: 'resolution:record',
  schema: RecordResolutionPayload,
  authority: 'resolution:record',
  run: async (ctx, payload) => told(await recordResolution(ctx, payload)),
});

export const confirmResolutionCommand = sequencedCommand({
  event: 'resolution:confirm',
  schema: ConfirmResolutionPayload,
  authority: 'resolution:confirm',
  run: async (ctx, { resolutionId }) => told(await confirmResolution(ctx, resolutionId)),
});

export const reopenResolutionCommand = sequencedCommand({
  event: 'resolution:reopen',
  schema: ReopenResolutionPayload,
  authority: 'resolution:reopen',
  run: async (ctx, { resolutionId, reason }) => told(await reopenResolution(ctx, resolutionId, reason)),
});

export const RESOLUTION_COMMANDS = [recordResolutionCommand, confirmResolutionCommand, reopenResolutionCommand] as const;
