// The project list replaced by an imported file read through a column mapping (HTTP only: the file is the payload).
// Clients reload the board.
import { z } from 'zod';
import { commitImport } from '../db/import-repository.ts';
import { columnMappingSchema } from '../shared/import.ts';
import { sequencedCommand } from './command.ts';

export const importProjectsCommand = sequencedCommand({
  event: 'projects:import',
  schema: z.strictObject({
    fileName: z.string().min(1).max(200),
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected the file\'s bytes'),
    // Without one, the plan's saved mapping for these headers or the recognised one.
    mapping: columnMappingSchema.optional(),
  }),
  authority: 'projects:import',
  // Thousands of rows are written in one transaction.
  timeoutMs: 60_000,
  run: async (ctx, payload) => ({
    ack: await commitImport(ctx, payload),
    events: [{ type: 'projects:replaced' as const, payload: { seq: ctx.seq } }],
  }),
});
