// The role changes and revocations this process has delivered, numbered in the order it delivered them. A connection
// that authenticated before a change but joined after it (its handshake was still reading the database when the event
// went out) asks here, so it is never left holding the authority it had before.
import type { Role } from '../shared/roles.ts';

export type AuthorityChange = { revoked: true } | { revoked: false; role: Role };

export class AuthorityChanges {
  #generation = 0;
  readonly #latest = new Map<string, { generation: number; change: AuthorityChange }>();

  /** Take this before authenticating; pass it to `since` once the connection can be reached by later changes. */
  get generation(): number {
    return this.#generation;
  }

  record(participantId: string, change: AuthorityChange): void {
    this.#latest.set(participantId, { generation: ++this.#generation, change });
  }

  /** The participant's newest change recorded after `generation`, if any. */
  since(participantId: string, generation: number): AuthorityChange | undefined {
    const latest = this.#latest.get(participantId);
    return latest && latest.generation > generation ? latest.change : undefined;
  }
}
