// How the board's Yjs endpoint learns who connects (the meeting's session cookie, or a token for scripts) and what a
// new document starts from (the minutes from the official skeleton, everything else empty).
import type { IncomingMessage } from 'node:http';
import type { Identity } from '../auth/identity.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { loadMinutesTemplateData } from '../db/minutes-repository.ts';
import { readCookie } from '../http/cookies.ts';
import { isBoardError } from '../shared/errors.ts';
import { sessionCookieName } from '../shared/session-cookie.ts';
import { parseDocName } from './doc-names.ts';
import { minutesTemplateUpdate } from './minutes-template.ts';

export async function initialDocContent(db: Database, docName: string): Promise<Uint8Array | null> {
  const parsed = parseDocName(docName);
  if (parsed?.kind !== 'minutes') return null;
  const data = await loadMinutesTemplateData(db, parsed.meetingId);
  return data && minutesTemplateUpdate(data);
}

export async function authenticateYjs(sessions: Sessions, pathPrefix: string, req: IncomingMessage): Promise<Identity | null> {
  const url = new URL(req.url ?? '/', 'http://board.invalid');
  const docName = decodeURIComponent(url.pathname.slice(pathPrefix.length + 1));
  const parsed = parseDocName(docName);
  if (!parsed) return null;
  const token = url.searchParams.get('token') ?? readCookie(req.headers.cookie, sessionCookieName(parsed.meetingId));
  try {
    return await sessions.identify(token ?? undefined, parsed.meetingId);
  } catch (error) {
    // A bad or revoked session is a refusal; anything else (the database is away) is for the endpoint to report.
    if (isBoardError(error)) return null;
    throw error;
  }
}
