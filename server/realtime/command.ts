// Wraps a feature's command so that bad input, refusals and bugs all come back to the sender as a typed error and
// never escape into Socket.io's event loop.
import { z } from 'zod';
import type { Ack, AckCallback } from '../shared/contract.ts';
import { wireError } from '../shared/errors.ts';
import { refusalFor } from '../db/unavailable.ts';
import { commandSignal } from './command-gate.ts';

export function command<Schema extends z.ZodType, Result>(
  schema: Schema,
  /** `signal` is aborted once the sender already has its answer: a run still waiting for its turn must not write. */
  run: (payload: z.infer<Schema>, context: { signal: AbortSignal }) => Promise<Result>,
  onUnexpected: (error: unknown) => void = (error) => console.error('command failed', error),
) {
  return async (payload: unknown, ack: unknown): Promise<void> => {
    const reply = typeof ack === 'function' ? (ack as AckCallback<Result>) : () => {};
    let result: Ack<Result>;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      result = { error: wireError('invalid_payload', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))) };
    } else {
      try {
        result = { data: await run(parsed.data, { signal: commandSignal(ack) }) };
      } catch (error) {
        result = { error: refusalFor(error) };
        if (result.error.code === 'internal') onUnexpected(error);
      }
    }
    reply(result);
  };
}
