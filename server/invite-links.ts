import type { Organisers } from './auth/organisers.ts';
import type { Sessions } from './auth/sessions.ts';
import { ROLES, ROLE_LABELS, type Role } from './shared/roles.ts';

export function inviteUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/join/${token}`;
}

export function organiserLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/organiser/${token}`;
}

/** One single-use invite link per role, for the console of a freshly started board: a new set at every start. */
export async function roleInviteLines(sessions: Sessions, baseUrl: string, meetingId: string): Promise<string[]> {
  const lines: string[] = [];
  for (const role of ROLES as readonly Role[]) {
    const label = `${ROLE_LABELS[role].th} (${ROLE_LABELS[role].en})`.padEnd(34);
    lines.push(`  ${label} ${inviteUrl(baseUrl, await sessions.createInvite({ meetingId, role, issuedByName: 'npm start' }))}`);
  }
  return lines;
}

/** The console's organiser link: printed by `npm start` while nobody can set up yet, and by `npm run organiser`. */
export async function organiserLinkLines(organisers: Organisers, baseUrl: string, name?: string): Promise<string[]> {
  const url = organiserLinkUrl(baseUrl, await organisers.createLink({ name }));
  return [
    'Organiser link (single use, expires in 3 days; opens the set-up pages: plans, roster, meetings, invites):',
    '  ลิงก์ผู้จัดการประชุม (ใช้ได้ครั้งเดียว)  ' + url,
  ];
}
