// Every Socket.io command passes this gate before its handler: while the database is down it is refused at once
// with the typed "temporary" error instead of waiting on a connection that will not come; a command whose database
// stopped answering under it is answered within two seconds; and at shutdown new commands are refused and the ones
// in flight are waited for, so that none is left without a reply. Transport-level, so it covers every feature.
import type { Ack } from '../shared/contract.ts';
import { wireError, type ErrorCode } from '../shared/errors.ts';
import type { BoardHealth } from '../health/board-health.ts';
import type { BoardSocket } from './socket-server.ts';

/** After this long without a reply the gate asks whether the database still answers (the probe takes < 1 s). */
const STALL_CHECK_MS = 1_000;

interface InFlight {
  reply(result: Ack<unknown>): void;
}

/** Each gated command's acknowledgement, with the signal that says its sender was already given an answer. */
const signals = new WeakMap<object, AbortSignal>();
const NEVER_ABORTED = new AbortController().signal;

/**
 * Aborted once the gate answered the command itself (the database stopped answering, or shutdown cut it): a command
 * still waiting for its turn must then not start its write, or a change the sender was told failed would land later.
 */
export function commandSignal(ack: unknown): AbortSignal {
  return (typeof ack === 'function' && signals.get(ack)) || NEVER_ABORTED;
}

export interface CommandGate {
  attach(socket: BoardSocket): void;
  /** Commands acknowledged but not yet answered. */
  readonly inFlight: number;
  /**
   * Refuses new commands from now on, waits up to `timeoutMs` for the ones in flight, and answers whatever is still
   * running then with `server_restarting`. Resolves with how many were answered by their handler and how many cut.
   */
  drain(timeoutMs: number): Promise<{ finished: number; cut: number }>;
}

export function createCommandGate(health: BoardHealth): CommandGate {
  const inFlight = new Set<InFlight>();
  let idle: (() => void) | null = null;
  let draining = false;

  const refusal = (code: ErrorCode): Ack<unknown> => ({ error: wireError(code) });

  return {
    get inFlight() {
      return inFlight.size;
    },

    attach(socket) {
      socket.use((packet, next) => {
        const ack = packet.at(-1);
        if (typeof ack !== 'function') return draining ? undefined : next();
        if (draining || health.draining) return ack(refusal('server_restarting'));
        if (!health.database.up) return ack(refusal('database_unavailable'));

        let answered = false;
        let stallTimer: ReturnType<typeof setTimeout> | undefined;
        const abandon = new AbortController();
        const entry: InFlight = {
          reply(result) {
            if (answered) return;
            answered = true;
            clearTimeout(stallTimer);
            abandon.abort();
            inFlight.delete(entry);
            if (inFlight.size === 0) idle?.();
            (ack as (result: Ack<unknown>) => void)(result);
          },
        };
        const watchForStall = () => {
          stallTimer = setTimeout(() => {
            void health.database.check().then((db) => {
              if (answered) return;
              // The reply that may still come is ignored: the client was told the outcome is not known to be saved,
              // and if the write did commit, its event reaches every board through the meeting's sequence anyway.
              if (db.status === 'down') entry.reply(refusal('database_unavailable'));
              else watchForStall();
            });
          }, STALL_CHECK_MS);
          stallTimer.unref?.();
        };
        inFlight.add(entry);
        watchForStall();
        const gatedAck = (result: Ack<unknown>) => entry.reply(result);
        signals.set(gatedAck, abandon.signal);
        packet[packet.length - 1] = gatedAck;
        next();
      });
    },

    async drain(timeoutMs) {
      draining = true;
      const before = inFlight.size;
      if (before > 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (idle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
        ]);
        clearTimeout(timer);
      }
      const cut = inFlight.size;
      for (const entry of Array.from(inFlight)) entry.reply(refusal('server_restarting'));
      return { finished: before - cut, cut };
    },
  };
}
