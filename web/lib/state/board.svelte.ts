// One meeting's board in the browser: the snapshot the server sent, the totals derived from it, the connection's state.
import type { BoardSnapshot } from '$shared/board.ts';
import { computeTotals } from '$domain/totals.ts';

export type ConnectionState = 'connecting' | 'live' | 'offline';

export class BoardState {
  #snapshot: BoardSnapshot = $state()!;
  #connection: ConnectionState = $state('connecting');

  readonly totals = $derived(
    computeTotals(
      this.#snapshot.projects.map((p) => ({
        goalNumber: p.goalNumber,
        approachCode: p.approachCode,
        requestedBaht: p.requestedBaht,
        ceilingBaht: p.ceilingBaht,
      })),
      this.#snapshot.meeting.plan.frameBaht,
    ),
  );

  constructor(snapshot: BoardSnapshot) {
    this.#snapshot = snapshot;
  }

  get meeting() {
    return this.#snapshot.meeting;
  }
  get goals() {
    return this.#snapshot.goals;
  }
  get agenda() {
    return this.#snapshot.agenda;
  }
  get projects() {
    return this.#snapshot.projects;
  }
  get seq() {
    return this.#snapshot.seq;
  }
  get connection() {
    return this.#connection;
  }

  /** Takes the server's full state, after a (re)connect or a gap: whatever we held may be stale. */
  replaceSnapshot(snapshot: BoardSnapshot): void {
    this.#snapshot = snapshot;
  }

  setConnection(state: ConnectionState): void {
    this.#connection = state;
  }
}
