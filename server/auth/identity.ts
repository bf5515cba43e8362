import type { Role } from '../shared/roles.ts';

/** Who is on the other end of a request, a socket or a Yjs connection: always resolved from the database, never trusted from the client. */
export interface Identity {
  participantId: string;
  meetingId: string;
  role: Role;
  displayName: string;
}
