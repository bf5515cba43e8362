// npm start: the board, on DATABASE_URL or an embedded PostgreSQL, with invite links for the sample meeting.
import { readConfig } from './config.ts';
import { startBoard } from './board-server.ts';
import { roleInviteLines } from './invite-links.ts';

const startedAt = Date.now();
const config = readConfig();
if (!config.databaseUrl) console.log(`No DATABASE_URL: starting an embedded PostgreSQL in ${config.dataDir}`);
const board = await startBoard(config);

console.log(`\nCommittee Board is ready at ${board.url} (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
if (board.sampleMeetingId) {
  console.log(`Sample meeting: ${board.url}/meetings/${board.sampleMeetingId}`);
  console.log('Invite links (open one in a browser to join in that role):');
  for (const line of roleInviteLines(board.sessions, board.origins.linkBase(), board.sampleMeetingId)) console.log(line);
}
console.log('\nPress Ctrl-C to stop.');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the board and its database…`);
  await board.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
