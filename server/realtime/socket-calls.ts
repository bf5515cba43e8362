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
import { refuseNulText } from '../shared/nul-text.ts';
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
    refuseNulText(payload);
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

/**
 * The socket's own lifecycle names: listened to (Socket.io itself listens to "error", presence to "disconnect"), but
 * never calls, so a client that sends one is answered like any unknown event.
 */
const LIFECYCLE_EVENTS = new Set(['error', 'disconnect', 'disconnecting']);

/**
 * Whether a call names a handler of ours. A name like "__proto__" or "constructor" is found on every object, and
 * Node's EventEmitter would take Object.prototype for its listener list and throw outside any handler (a crash the
 * fuzz test found), so such names, and names that are not text, are never looked up.
 */
function isHandled(socket: { listeners(event: string): unknown[] }, event: unknown): boolean {
  if (typeof event !== 'string' || event in Object.prototype || LIFECYCLE_EVENTS.has(event)) return false;
  return socket.listeners(event).length > 0;
}

const unknownEvent = (event: unknown) => wireError('invalid_payload', [{ path: '', message: `Unknown event: ${String(event).slice(0, 100)}` }]);

interface CallableSocket {
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
  listeners(event: string): unknown[];
  use(middleware: (packet: unknown[], next: (error?: Error) => void) => void): unknown;
}

/**
 * A call to an event nobody handles: answered, when it can be, rather than left to time out; one whose name would
 * reach an object's prototype goes no further than this answer.
 */
export function answerUnknownCalls(socket: CallableSocket) {
  socket.onAny((event, ...args) => {
    if (isHandled(socket, event)) return;
    const ack = args.at(-1);
    if (typeof ack === 'function') (ack as AckCallback<never>)({ error: unknownEvent(event) });
  });
  socket.use((packet, next) => {
    const [event] = packet;
    if (typeof event === 'string' && !(event in Object.prototype)) return next();
    // Answered above; the acknowledgement here is the command gate's, so that it too knows the call is over.
    const ack = packet.at(-1);
    if (typeof ack === 'function') (ack as AckCallback<never>)({ error: unknownEvent(event) });
  });
}
