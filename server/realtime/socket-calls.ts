// Socket.io's side of every call: a call is (payload, acknowledgement) and nothing else. Bad input, refusals and bugs all
// come back to the sender as a typed error and never escape into Socket.io's event loop. Sequenced commands go through
// the pipeline (server/commands/pipeline.ts); queries (reads, presence) are answered here directly.
import type { z } from 'zod';
import type { AckCallback } from '../shared/contract.ts';
import { wireError, type WireError } from '../shared/errors.ts';
import { refusalFor } from '../db/unavailable.ts';
import { commandSignal } from './command-gate.ts';
import { participantActor } from '../shared/actor.ts';
import type { SequencedCommand } from '../commands/command.ts';
import { invalidPayload, type CommandPipeline } from '../commands/pipeline.ts';
import type { FeatureHandlers } from './socket-server.ts';

export type SocketCall = (...args: unknown[]) => void;

const WRONG_SHAPE = [{ path: '', message: 'A call is (payload, acknowledgement)' }];

function refusalOf(error: unknown): WireError {
  const refusal = refusalFor(error);
  if (refusal.code === 'internal') console.error('command failed', error);
  return refusal;
}

/**
 * Answers a call through its acknowledgement; a call without one is not run, since nobody would learn what happened.
 * `signal` is aborted once the command gate already answered the sender (see command-gate.ts).
 */
export function answering<Result>(run: (payload: unknown, signal: AbortSignal) => Promise<Result>): SocketCall {
  return (...args) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const reply = ack as AckCallback<Result>;
    if (args.length !== 2) return reply({ error: wireError('invalid_payload', WRONG_SHAPE) });
    run(args[0], commandSignal(ack)).then(
      (data) => reply({ data }),
      (error: unknown) => reply({ error: refusalOf(error) }),
    );
  };
}

/** A call that changes nothing sequenced: validated here, answered with what `run` returns. */
export function query<Schema extends z.ZodType, Result>(schema: Schema, run: (payload: z.infer<Schema>) => Promise<Result>): SocketCall {
  return answering(async (payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw invalidPayload(parsed.error);
    return run(parsed.data);
  });
}

/** Every sequenced command, run for the socket's participant. */
export function commandHandlers(pipeline: CommandPipeline, commands: readonly SequencedCommand[]): FeatureHandlers {
  return (socket) => {
    const actor = participantActor(socket.data.identity);
    for (const command of commands) {
      (socket.on as (event: string, listener: SocketCall) => void)(command.event, answering((payload, signal) => pipeline.execute(command, actor, payload, { signal })));
    }
  };
}

/** A call to an event nobody handles: answered, when it can be, rather than left to time out. */
export function answerUnknownCalls(socket: { onAny(listener: (event: string, ...args: unknown[]) => void): unknown; listeners(event: string): unknown[] }) {
  socket.onAny((event, ...args) => {
    if (socket.listeners(event).length > 0) return;
    const ack = args.at(-1);
    if (typeof ack === 'function') (ack as AckCallback<never>)({ error: wireError('invalid_payload', [{ path: '', message: `Unknown event: ${event.slice(0, 100)}` }]) });
  });
}
