// A flood from the room (issue 13, Build 5): 50 members each sending 20 calls a second (proposals, whole-board
// snapshots, ceiling histories, presence) without waiting for answers, while the chair sets a ceiling ten times a
// second and waits for each. Measured: the server's RSS (peak, from the kernel) against its RSS before, how the
// members' calls were answered (mostly `rate_limited`, by design), and the chair's ceilings:set latency under the
// flood against the same chair alone in the same round. The goal: under 600 MB, and the chair under 100 ms.
import { io, type Socket } from 'socket.io-client';
import { sleep } from '../harness/clock.ts';
import type { BenchContext, Workload } from '../harness/context.ts';
import { medianOf, ratio, round2, summarise, type LatencySummary } from '../harness/stats.ts';
import type { Target } from '../harness/target.ts';
import type { BenchProject, BoardInfo } from '../targets/board.ts';
import { sized } from './size.ts';

const CHAIR_INTERVAL_MS = 100;
const RSS_SAMPLE_MS = 250;
/** Members' calls, in the mix an impatient page (or a script) would send them. */
const MEMBER_CALLS = ['ceilings:propose', 'ceilings:propose', 'meeting:sync', 'ceilings:history', 'presence:list'] as const;

type Ack = { data?: unknown; error?: { code: string } };

function connect(url: string, meetingId: string, token: string): Promise<Socket> {
  const socket = io(url, { auth: { meetingId, token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('session:ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** The chair setting ceilings one after another for `ms`, each waited for; the latencies of the answered ones. */
async function chairSetting(chair: Socket, projects: BenchProject[], ms: number): Promise<{ latencies: number[]; refused: Record<string, number> }> {
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  const end = performance.now() + ms;
  let turn = 0;
  while (performance.now() < end) {
    const project = projects[turn++ % projects.length]!;
    project.ceilingBaht = project.ceilingBaht > 1_000 ? project.ceilingBaht - 1_000 : project.requestedBaht;
    const started = performance.now();
    const ack = (await chair.timeout(30_000).emitWithAck('ceilings:set', { projectId: project.id, toBaht: project.ceilingBaht, expectedVersion: project.version, reason: '' })) as Ack;
    const took = performance.now() - started;
    if (ack.error) refused[ack.error.code] = (refused[ack.error.code] ?? 0) + 1;
    else {
      latencies.push(took);
      project.version += 1;
    }
    await sleep(Math.max(0, CHAIR_INTERVAL_MS - took));
  }
  return { latencies, refused };
}

/** Every member fires `rate` calls a second for `ms` without waiting; how the answers came back. */
function flooding(members: Socket[], projects: BenchProject[], rate: number, ms: number) {
  const answers: Record<string, number> = {};
  let sent = 0;
  let outstanding = 0;
  const timers = members.map((socket, m) =>
    setInterval(() => {
      const event = MEMBER_CALLS[sent % MEMBER_CALLS.length]!;
      const project = projects[(sent + m) % projects.length]!;
      const payload =
        event === 'ceilings:propose'
          ? { projectId: project.id, proposedBaht: Math.max(0, project.ceilingBaht - 1 - m), baseVersion: project.version, reason: 'ขอปรับลด' }
          : event === 'ceilings:history'
            ? { projectId: project.id }
            : {};
      sent += 1;
      outstanding += 1;
      socket
        .timeout(60_000)
        .emitWithAck(event, payload)
        .then(
          (ack: Ack) => {
            const key = ack.error ? ack.error.code : 'answered';
            answers[key] = (answers[key] ?? 0) + 1;
          },
          () => (answers.unanswered = (answers.unanswered ?? 0) + 1),
        )
        .finally(() => (outstanding -= 1));
    }, 1000 / rate),
  );
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      for (let waited = 0; outstanding > 0 && waited < 60_000; waited += 100) await sleep(100);
      return { sent, perSecond: round2(sent / (ms / 1000)), answers };
    },
  };
}

async function peakRss(board: Target<BoardInfo>, during: Promise<unknown>): Promise<number> {
  let peak = 0;
  let done = false;
  void during.finally(() => (done = true));
  while (!done) {
    peak = Math.max(peak, (await board.usage()).rssMb);
    await sleep(RSS_SAMPLE_MS);
  }
  return peak;
}

async function round(context: BenchContext, board: Target<BoardInfo>, size: { clients: number; rate: number; seconds: number }) {
  const meetingId = await board.request<string>('meeting');
  const [chairToken] = await board.request<string[]>('participants', { meetingId, role: 'chair', count: 1 });
  const memberTokens = await board.request<string[]>('participants', { meetingId, role: 'member', count: size.clients });
  const projects = await board.request<BenchProject[]>('projects', { meetingId });
  const chair = await connect(board.info.url, meetingId, chairToken!);
  const members = await Promise.all(memberTokens.map((token) => connect(board.info.url, meetingId, token)));
  const ms = size.seconds * 1000;
  try {
    await board.memory(); // a full GC first, so that what the flood adds is what shows
    const rssBeforeMb = (await board.usage()).rssMb;
    context.log(`    the chair alone, ${size.seconds} s`);
    const quiet = await chairSetting(chair, projects, ms);
    context.log(`    ${size.clients} members × ${size.rate}/s, the chair setting ceilings, ${size.seconds} s`);
    const flood = flooding(members, projects, size.rate, ms);
    const chairUnderFlood = chairSetting(chair, projects, ms);
    const peakRssMb = await peakRss(board, chairUnderFlood);
    const chairFlooded = await chairUnderFlood;
    const memberCalls = await flood.stop();
    return {
      rssBeforeMb,
      peakRssMb,
      members: memberCalls,
      chairAlone: { latencyMs: summarise(quiet.latencies), refused: quiet.refused },
      chairUnderFlood: { latencyMs: summarise(chairFlooded.latencies), refused: chairFlooded.refused },
    };
  } finally {
    chair.close();
    for (const socket of members) socket.close();
  }
}

export const flood: Workload = {
  name: 'flood',
  summary: '50 members × 20 calls/s without waiting, the chair setting ceilings: peak RSS, the chair’s ceilings:set p50/p99 against the chair alone',
  async run(context) {
    const size = sized(context, { clients: 50, rate: 20, seconds: 20, warmupSeconds: 0, settleMs: 0 }, 3);
    const board = await context.board();
    const rounds: Awaited<ReturnType<typeof round>>[] = [];
    for (let i = 0; i < context.rounds; i++) {
      context.log(`  round ${i + 1}/${context.rounds}`);
      rounds.push(await round(context, board, size));
    }
    const chair = (which: 'chairAlone' | 'chairUnderFlood'): LatencySummary => medianOf(rounds.map((r) => r[which].latencyMs));
    const flooded = chair('chairUnderFlood');
    const alone = chair('chairAlone');
    return {
      parameters: { ...size, chairIntervalMs: CHAIR_INTERVAL_MS, memberCalls: MEMBER_CALLS },
      rounds,
      peakRssMb: Math.max(...rounds.map((r) => r.peakRssMb)),
      chairUnderFloodMs: { p50: flooded.p50, p99: flooded.p99 },
      chairAloneMs: { p50: alone.p50, p99: alone.p99 },
      ratio: { chairP50FloodedToAlone: ratio(flooded.p50, alone.p50), chairP99FloodedToAlone: ratio(flooded.p99, alone.p99) },
      goals: { peakRssUnderMb: 600, chairP99UnderMs: 100 },
    };
  },
};
