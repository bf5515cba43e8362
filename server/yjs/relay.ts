/**
 * How a document's changes reach the other instances that have it open (Redis with REDIS_URL; absent on one
 * instance). Only what is already stored goes out (updates after their append resolved), so a receiving instance
 * applies it for its clients without storing it again. Awareness travels with the participant it belongs to, so that
 * the receiving instance keeps the rule that nobody speaks for another participant's clientIDs.
 */
export type RelayedMessage = { kind: 'update'; update: Uint8Array } | { kind: 'awareness'; update: Uint8Array; participantId: string };

/** One document's subscription. */
export interface DocRelay {
  publish(message: RelayedMessage): void;
  unsubscribe(): void;
}

export interface YRelay {
  /** Starts receiving the document's messages from the other instances; resolves once subscribed. */
  subscribe(docName: string, receive: (message: RelayedMessage) => void): Promise<DocRelay>;
  /**
   * Called after the relay was cut off and is back: messages sent meanwhile are lost, so documents read again what
   * was stored. Returns the removal.
   */
  onResumed(listener: () => void): () => void;
}
