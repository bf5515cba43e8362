// npm run invite -- <meeting-id> <role> [name]: prints a fresh invite link.
import { loadSessionSecret } from '../server/auth/secret.ts';
import { createSessions } from '../server/auth/sessions.ts';
import { readConfig } from '../server/config.ts';
import { createDatabaseClient } from '../server/db/client.ts';
import { openDatabase } from '../server/db/database-url.ts';
import { inviteUrl } from '../server/invite-links.ts';
import { createOriginPolicy } from '../server/net/origins.ts';
import { ROLES, isRole } from '../server/shared/roles.ts';

const [meetingId, role, ...nameParts] = process.argv.slice(2);
if (!meetingId || !isRole(role)) {
  console.error(`Usage: npm run invite -- <meeting-id> <${ROLES.join('|')}> [name]`);
  process.exit(2);
}
const config = readConfig();
const database = await openDatabase(config.databaseUrl, config.dataDir);
const db = createDatabaseClient(database.url);
try {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { titleTh: true } });
  if (!meeting) {
    console.error(`No meeting with id "${meetingId}". Meetings: ${(await db.meeting.findMany({ select: { id: true } })).map((m) => m.id).join(', ') || 'none'}`);
    process.exitCode = 1;
  } else {
    const sessions = createSessions(db, await loadSessionSecret(config.sessionSecret, config.dataDir));
    const name = nameParts.join(' ').trim() || undefined;
    const links = createOriginPolicy(() => ({ publicUrl: config.publicUrl, host: config.host, port: config.port }));
    console.log(inviteUrl(links.linkBase(), await sessions.createInvite({ meetingId, role, name, issuedByName: 'npm run invite' })));
  }
} finally {
  await db.$disconnect();
  await database.stop();
}
