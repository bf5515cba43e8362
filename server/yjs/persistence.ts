/**
 * Where shared documents are kept between process lifetimes. The Postgres implementation lives elsewhere;
 * the endpoint only relies on this contract.
 */
export interface YPersistence {
  /** Every stored update for the document: a snapshot first (if any), then later updates, in order. */
  load(docName: string): Promise<Uint8Array[]>;
  /** Stores updates after those already stored. Durable when the promise resolves; a rejection means "not stored". */
  append(docName: string, updates: Uint8Array[]): Promise<void>;
}
