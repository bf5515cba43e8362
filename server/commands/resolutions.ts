// Resolutions (มติ): the secretary records, the chair confirms or reopens. The meeting is told the resolution and,
// when it fixed one, the project's ceiling.
import { confirmResolution, confirmResolutions, recordResolution, recordResolutions, reopenResolution } from '../db/resolution-repository.ts';
import {
  ConfirmResolutionPayload,
  ConfirmResolutionsPayload,
  RecordResolutionPayload,
  RecordResolutionsPayload,
  ReopenResolutionPayload,
  type ResolutionChanged,
  type ResolutionsChanged,
} from '../shared/events/resolution.ts';
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

const toldAll = (changed: ResolutionsChanged) => ({
  ack: changed.changes.map((c) => c.resolution),
  events: [{ type: 'resolutions:changed' as const, payload: changed }],
});

/** Up to BULK_RESOLUTION_MAX resolutions in one transaction: a few hundred small writes need more than 5 s to spare. */
const BULK_TIMEOUT_MS = 30_000;

export const recordResolutionsCommand = sequencedCommand({
  event: 'resolution:record-bulk',
  schema: RecordResolutionsPayload,
  authority: 'resolution:record',
  timeoutMs: BULK_TIMEOUT_MS,
  run: async (ctx, payload) => toldAll(await recordResolutions(ctx, payload)),
});

export const confirmResolutionsCommand = sequencedCommand({
  event: 'resolution:confirm-bulk',
  schema: ConfirmResolutionsPayload,
  authority: 'resolution:confirm',
  timeoutMs: BULK_TIMEOUT_MS,
  run: async (ctx, { resolutionIds }) => toldAll(await confirmResolutions(ctx, resolutionIds)),
});

export const RESOLUTION_COMMANDS = [
  recordResolutionCommand,
  confirmResolutionCommand,
  reopenResolutionCommand,
  recordResolutionsCommand,
  confirmResolutionsCommand,
] as const;
