// The rate limits at each transport's door: every Socket.io packet (per connection, and reads per participant; the
// sequenced commands are counted once more per actor by the command pipeline, over Socket.io and HTTP alike), and the
// HTTP endpoints limited per address. A refusal is answered in the transport's own way with `rate_limited`.
import type { RequestHandler } from 'express';
import type { Socket } from 'socket.io';
import type { Identity } from '../auth/identity.ts';
import type { Actor } from '../shared/actor.ts';
import { isBoardError, wireError } from '../shared/errors.ts';
import type { LimitName, RateLimits } from './rate-limits.ts';

/**
 * The pipeline's hook: one count per sequenced command for whoever acts; for the commands every member may send
 * (`memberEvents`), one more for the person and one against the meeting's shared allowance, in that order, so that
 * one person's flood spends only their own share of the meeting's.
 */
export function commandLimiter(limits: RateLimits, memberEvents: ReadonlySet<string>) {
  return async (actor: Actor, event: string): Promise<void> => {
    if (actor.kind === 'organiser') return limits.take('command', `organiser:${actor.organiserId}`);
    const participant = `participant:${actor.participantId}`;
    await limits.take('command', participant);
    if (!memberEvents.has(event)) return;
    await limits.take('memberCommand', participant);
    await limits.take('memberCommandsInMeeting', `meeting:${actor.meetingId}`);
  };
}

/** The event that sends a whole board, counted on its own rule besides the reads. */
const SNAPSHOT_EVENT = 'meeting:sync';

/**
 * Counts every packet of one socket before anything else looks at it. A packet over the limit is answered (when it
 * asks for an answer) and goes no further: no handler, no database, no timer.
 */
export function attachSocketLimits(socket: Socket, limits: RateLimits, sequencedEvents: ReadonlySet<string>): void {
  const { participantId } = socket.data.identity as Identity;
  socket.use((packet, next) => {
    const [event] = packet;
    const ack = packet.at(-1);
    const participant = `participant:${participantId}`;
    const counted = (async () => {
      await limits.take('connection', socket.id);
      if (typeof event === 'string' && sequencedEvents.has(event)) return;
      await limits.take('read', participant);
      if (event === SNAPSHOT_EVENT) await limits.take('snapshot', participant);
    })();
    counted.then(
      () => next(),
      (error: unknown) => {
        if (typeof ack === 'function') ack({ error: isBoardError(error) ? wireError(error.code, error.details) : wireError('internal') });
      },
    );
  });
}

/** Express: `name` counted per client address; past it, 429 with Retry-After and the catalogue's error. */
export function limitByAddress(limits: RateLimits, name: LimitName): RequestHandler {
  return (req, res, next) => {
    limits.take(name, req.socket.remoteAddress ?? 'unknown').then(
      () => next(),
      (error: unknown) => {
        if (!isBoardError(error)) return next(error);
        const retryAfterMs = (error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs ?? 1000;
        res.setHeader('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
        res.status(429).json({ error: wireError(error.code, error.details) });
      },
    );
  };
}
