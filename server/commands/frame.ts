// The agreed frame: the secretary prepares, the chair confirms exactly what was prepared (run from the frame page).
import { confirmFrame, prepareFrame } from '../db/frame-repository.ts';
import { ConfirmFramePayload, PrepareFramePayload } from '../shared/events/frame.ts';
import { sequencedCommand } from './command.ts';

export const prepareFrameCommand = sequencedCommand({
  event: 'frame:prepare',
  schema: PrepareFramePayload,
  authority: 'frame:prepare',
  run: async (ctx) => {
    const prepared = await prepareFrame(ctx);
    return { ack: prepared, events: [{ type: 'frame:changed' as const, payload: { seq: ctx.seq, preparation: prepared.preparation, recordedVersion: null } }] };
  },
});

export const confirmFrameCommand = sequencedCommand({
  event: 'frame:confirm',
  schema: ConfirmFramePayload,
  authority: 'frame:confirm',
  run: async (ctx, { draftHash }) => {
    const record = await confirmFrame(ctx, draftHash);
    return { ack: record, events: [{ type: 'frame:changed' as const, payload: { seq: ctx.seq, preparation: null, recordedVersion: record.version } }] };
  },
});
