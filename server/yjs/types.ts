/**
 * Contracts shared by the modules of the Yjs endpoint, kept apart so that `shared-doc.ts` does not need to
 * know about `ws` and can be driven by a fake connection.
 */

/** Structured log sink; `event` is a stable dotted name such as `yjs.connection.closing`. */
export type YjsLog = (event: string, detail: Record<string, unknown>) => void;

/** What a document needs from one client's connection. */
export interface DocConnection {
  /** Unique per endpoint; for logs. */
  readonly id: number;
  readonly readOnly: boolean;
  /** Who is on the other end; awareness clientIDs are tied to it. */
  readonly participantId: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** A log sink that can never throw into the caller: logging must not be the thing that breaks a handler. */
export function safeLog(log: YjsLog | undefined): YjsLog {
  if (log === undefined) return () => {};
  return (event, detail) => {
    try {
      log(event, detail);
    } catch {
      // A failing logger has nowhere to report to; dropping the line is the least harmful choice.
    }
  };
}

export function errorDetail(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
