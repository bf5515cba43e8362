// Tells a database that is not there (stopped, restarting, unreachable, out of connections) from every other
// failure, through whichever layer reported it: pg, Prisma's driver adapter, or Prisma itself. Such a failure is
// the typed "temporary: the database is not answering" refusal, never an "internal" error.
import { isBoardError, wireError, type WireError } from '../shared/errors.ts';

/** SQLSTATEs of a server that is going away or cannot take us: class 08 (connection exception) is matched by prefix. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
const UNAVAILABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND']);
/** What pg says, without a code, when a connection died under a query or could not be had in time. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /query read timeout/i,
  /not queryable/i,
  /can't reach database server/i,
  /database system is (shutting down|starting up|in recovery mode)/i,
];

/** Marks a failure we decided, ourselves, to treat as the database not answering (a command past its deadline). */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(reason: string) {
    super(`database unavailable: ${reason}`);
  }
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const e = error as Record<string, unknown>;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const sqlstate = typeof e.originalCode === 'string' ? e.originalCode : code;
  if (sqlstate && (UNAVAILABLE_SQLSTATES.has(sqlstate) || /^08[0-9A-Z]{3}$/.test(sqlstate))) return true;
  if (code && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  if (typeof e.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
  const meta = e.meta as Record<string, unknown> | undefined;
  return [e.cause, meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** The typed refusal for any failure: the board's own, the database's absence, or else `internal`. */
export function refusalFor(error: unknown): WireError {
  if (isBoardError(error)) return wireError(error.code, error.details);
  return wireError(isDatabaseUnavailable(error) ? 'database_unavailable' : 'internal');
}
