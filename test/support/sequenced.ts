// What tests of the meeting's sequenced events share: recording what a socket hears, unwrapping acknowledgements, and
// comparing boards reached by different routes.
import type { BoardSnapshot } from '../../server/shared/board.ts';
import type { Ack } from '../../server/shared/ack.ts';
import { SEQUENCED_EVENT_TYPES, type SequencedEvent } from '../../server/shared/events/sequenced.ts';
import type { ClientSocket } from './board.ts';

/** Every sequenced event a socket receives, in the order it received them. */
export function record(socket: ClientSocket): SequencedEvent[] {
  const events: SequencedEvent[] = [];
  for (const type of SEQUENCED_EVENT_TYPES) {
    (socket.on as (type: string, listener: (payload: never) => void) => void)(type, (payload) => events.push({ type, payload } as SequencedEvent));
  }
  return events;
}

export function data<T>(reply: Ack<T>): T {
  if ('error' in reply) throw new Error(`refused: ${reply.error.code}`);
  return reply.data;
}

/** What a board is made of, in an order that does not depend on how it was reached. */
export function comparable(snapshot: BoardSnapshot) {
  return {
    seq: snapshot.seq,
    focus: snapshot.focus,
    agenda: snapshot.agenda,
    projects: snapshot.projects.map((p) => ({ id: p.id, ceilingBaht: p.ceilingBaht, version: p.version })),
    proposals: snapshot.proposals.map((p) => p.id).sort(),
    proposalSets: snapshot.proposalSets.map((s) => s.id).sort(),
    resolutions: snapshot.resolutions.map((r) => ({ id: r.id, status: r.status, outcome: r.outcome })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}
