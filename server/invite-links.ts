import type { Sessions } from './auth/sessions.ts';
import { ROLES, ROLE_LABELS, type Role } from './shared/roles.ts';

export function inviteUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/join/${token}`;
}

/** One invite link per role, for the console of a freshly started board. */
export function roleInviteLines(sessions: Sessions, baseUrl: string, meetingId: string): string[] {
  return ROLES.map((role: Role) => {
    const label = `${ROLE_LABELS[role].th} (${ROLE_LABELS[role].en})`.padEnd(34);
    return `  ${label} ${inviteUrl(baseUrl, sessions.createInvite({ meetingId, role }))}`;
  });
}
