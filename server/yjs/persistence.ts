/**
 * Where shared documents are kept between process lifetimes. The Postgres implementation lives elsewhere;
 * the endpoint only relies on this contract.
 */
export interface YPersistence {
  /** Every stored update for the document: a snapshot first (if any), then later updates, in order. */
  load(docName: string): Promise<Uint8Array[]>;
  /** Stores updates after those already stored. Durable when the promise resolves; a rejection means "not stored". */
  append(docName: string, updates: Uint8Array[]): Promise<void>;
  /**
   * Stores a document's first content only if nothing is stored for it yet; false when another writer (another
   * instance opening the same new document) was first, whose content the caller then loads instead.
   */
  appendFirst(docName: string, update: Uint8Array): Promise<boolean>;
}
