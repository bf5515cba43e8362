// Text may not carry U+0000 (NUL): PostgreSQL's text cannot store it, so an insert would fail as the server's
// fault, and a name or reason with one would show differently in every program that reads it back. Checked where
// input enters (the command pipeline, Socket.io queries, the set-up forms and API, names) and refused as the typed
// `invalid_payload`, naming where it was; nothing runs. No Node imports: the wire contract's side.
import { BoardError } from './errors.ts';

/** Deeper than any payload of the contract: past this the value is refused as malformed anyway. */
const MAX_DEPTH = 32;

/** The path of the first string holding a NUL (or of a value nested too deep to look into), or null. */
export function nulTextPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  if (depth >= MAX_DEPTH) return path;
  for (const [key, inner] of Object.entries(value)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return keyPath;
    const found = nulTextPath(inner, keyPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Throws `invalid_payload` when any text in `value` holds a NUL. */
export function refuseNulText(value: unknown): void {
  const path = nulTextPath(value);
  if (path !== null) throw new BoardError('invalid_payload', [{ path, message: 'Text may not contain the NUL character (U+0000)' }]);
}
