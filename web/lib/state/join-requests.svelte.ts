// The requests to join that wait for the chair, kept current by the socket (server/realtime/join-requests.handlers.ts):
// the whole list as the socket joins, then each new request and each decision, taken here or on another device.
import type { JoinRequestDecided, JoinRequestView } from '$shared/events/join-requests.ts';
import type { MeetingSocket } from '$lib/realtime/meeting-socket.ts';

export class JoinRequestsState {
  #waiting: JoinRequestView[] = $state([]);
  /** The newest decision heard, for a polite announcement. */
  lastDecision: JoinRequestDecided | null = $state(null);
  /** Decided ids, so that a list read just before a decision cannot bring its request back. */
  readonly #decided = new Set<string>();

  constructor(waiting: JoinRequestView[] = []) {
    this.replace(waiting);
  }

  get waiting(): readonly JoinRequestView[] {
    return this.#waiting;
  }

  replace(waiting: readonly JoinRequestView[]): void {
    this.#waiting = waiting.filter((request) => !this.#decided.has(request.id));
  }

  attach(socket: MeetingSocket): () => void {
    const waiting = (requests: JoinRequestView[]) => this.replace(requests);
    const asked = (request: JoinRequestView) => {
      if (!this.#waiting.some((r) => r.id === request.id)) this.replace([...this.#waiting, request]);
    };
    const decided = (decision: JoinRequestDecided) => {
      this.#decided.add(decision.requestId);
      this.replace(this.#waiting);
      this.lastDecision = decision;
    };
    socket.on('join:waiting', waiting);
    socket.on('join:asked', asked);
    socket.on('join:decided', decided);
    return () => {
      socket.off('join:waiting', waiting);
      socket.off('join:asked', asked);
      socket.off('join:decided', decided);
    };
  }
}
