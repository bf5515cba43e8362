// npm start: the board, on DATABASE_URL or an embedded PostgreSQL, with invite links for the sample meeting.
import { ConfigError, readConfig, type Config } from './config.ts';
import { startBoard } from './board-server.ts';
import { organiserLinkLines, roleInviteLines } from './invite-links.ts';

/** Orchestrators wait about 10 s after SIGTERM before they SIGKILL; the board is done before that. */
const SHUTDOWN_DEADLINE_MS = 9_000;

const startedAt = Date.now();
let config: Config;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Cannot start: ${error.message}`);
  process.exit(1);
}
// A failure nobody awaited (a database that went away under a background task) is logged; it must not end a meeting.
process.on('unhandledRejection', (reason) => console.error('unhandled rejection (the board keeps running):', reason));

if (!config.databaseUrl) console.log(`No DATABASE_URL: starting an embedded PostgreSQL in ${config.dataDir}`);
const board = await startBoard(config);

// Registered before anything is printed: a SIGTERM that arrives while the links are still being written stops the
// board gracefully instead of killing it.
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping: finishing commands in flight, storing pending edits, then the database…`);
  const deadline = setTimeout(() => {
    console.error(`Not stopped after ${SHUTDOWN_DEADLINE_MS / 1000} s: exiting anyway`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  const began = Date.now();
  await board.close();
  console.log(`Stopped in ${Date.now() - began} ms`);
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));

console.log(`\nCommittee Board is ready at ${board.url} (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
if (!(await board.organisers.exist())) {
  console.log('\nNo organiser yet: open this link to set up your own committee (`npm run organiser` prints another).');
  for (const line of await organiserLinkLines(board.organisers, board.origins.linkBase())) console.log(line);
}
if (board.sampleMeetingId) {
  console.log(`\nSample meeting (demo data): ${board.url}/meetings/${board.sampleMeetingId}`);
  console.log('Invite links to the sample (each works once; a new set at every start):');
  for (const line of await roleInviteLines(board.sessions, board.origins.linkBase(), board.sampleMeetingId)) console.log(line);
}
console.log('\nPress Ctrl-C to stop.');
