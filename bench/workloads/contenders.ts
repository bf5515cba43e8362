// The systems the fan-out workloads compare, each as a Contender: the board's ceilings, focus and Yjs endpoint, and
// the baselines (raw ws, a bare Socket.io relay, the reference y-websocket server) under the same load.
import type { UrlInfo } from '../harness/context.ts';
import type { Contender } from '../harness/rounds.ts';
import { acknowledgedSender, readySocket, wsSender, yjsWriter, type Sender } from '../harness/senders.ts';
import type { Target } from '../harness/target.ts';
import type { BenchProject, BoardInfo } from '../targets/board.ts';

/**
 * The change a presenter makes: the next project in turn, 1,000 baht under its ceiling as last set here, so that no
 * change repeats the amount a project already has (the board refuses that as `ceiling_unchanged`).
 */
function ceilingChange(projects: BenchProject[], index: number) {
  const project = projects[index % projects.length]!;
  project.ceilingBaht = project.ceilingBaht > 1_000 ? project.ceilingBaht - 1_000 : project.requestedBaht;
  return { projectId: project.id, toBaht: project.ceilingBaht, expectedVersion: project.version, reason: '' };
}

async function members(board: Target<BoardInfo>, meetingId: string, count: number) {
  return board.request<string[]>('participants', { meetingId, role: 'member', count });
}

/** A meeting of its own with a presenter and `clients` members, and the projects the presenter works through. */
async function presenterMeeting(board: Target<BoardInfo>, clients: number) {
  const meetingId = await board.request<string>('meeting');
  const tokens = await members(board, meetingId, clients);
  const [presenterToken] = await board.request<string[]>('participants', { meetingId, role: 'presenter', count: 1 });
  const projects = await board.request<BenchProject[]>('projects', { meetingId });
  return { meetingId, tokens, presenterToken: presenterToken!, projects };
}

/**
 * Several instances of the board as one contender: the meeting and its people are made through the first, the
 * presenter sends to the first, and the receivers are spread over all of them in turn, as a load balancer would.
 */
export interface Spread {
  name: string;
  describe: string;
  instances: Target<BoardInfo>[];
}

/** Where each of the receivers connects: the one board, or the spread's instances in turn. */
function receiverUrls(board: Target<BoardInfo>, count: number, spread: Spread | undefined) {
  return spread ? { url: board.info.url, urls: Array.from({ length: count }, (_, i) => spread.instances[i % spread.instances.length]!.info.url) } : { url: board.info.url };
}

export async function boardCeilings(board: Target<BoardInfo>, clients: number, spread?: Spread): Promise<Contender> {
  const { meetingId, tokens, presenterToken, projects } = await presenterMeeting(board, clients);
  return {
    name: spread?.name ?? 'board',
    describe: spread?.describe ?? 'the board: ceilings:set (authority, validation, Postgres transaction, sequence) broadcast as ceilings:updated',
    target: board,
    async prepare() {
      const socket = await readySocket(board.info.url, { meetingId, token: presenterToken });
      const sender = acknowledgedSender(
        socket,
        'ceilings:set',
        (i) => ceilingChange(projects, i),
        (data, i) => {
          // The version the next change to this project must name.
          const after = (data as { change?: { versionAfter?: number }; version?: number }).change?.versionAfter ?? (data as { version?: number }).version;
          if (after !== undefined) projects[i % projects.length]!.version = after;
        },
      );
      return {
        receivers: { kind: 'socketio', ...receiverUrls(board, tokens.length, spread), auths: tokens.map((token) => ({ meetingId, token })), event: 'ceilings:updated', readyEvent: 'session:ready' },
        sender,
      };
    },
  };
}

/** Projects shaped like the sample's, for the baselines' payloads. */
const relayProjects: BenchProject[] = Array.from({ length: 78 }, (_, i) => ({ id: `project-${i}`, requestedBaht: 100_000_000, ceilingBaht: 100_000_000, version: 1 }));

export function relayCeilings(relay: Target<UrlInfo>, clients: number): Contender {
  return {
    name: 'socketIoRelay',
    describe: 'bare Socket.io relay: the same payload broadcast to one room, no auth, no validation, no database',
    target: relay,
    async prepare() {
      const socket = await readySocket(relay.info.url, {});
      return {
        receivers: { kind: 'socketio', url: relay.info.url, auths: Array.from({ length: clients }, () => ({})), event: 'relay:updated', readyEvent: 'session:ready' },
        sender: acknowledgedSender(socket, 'relay:set', (i) => ceilingChange(relayProjects, i)),
      };
    },
  };
}

export function wsFloor(ws: Target<UrlInfo>, clients: number): Contender {
  return {
    name: 'wsBroadcast',
    describe: 'raw ws broadcast (the transport floor): each message sent on to every client as it came',
    target: ws,
    async prepare() {
      return {
        receivers: { kind: 'ws', url: ws.info.url, count: clients },
        sender: await wsSender(ws.info.url, (i) => ceilingChange(relayProjects, i)),
      };
    },
  };
}

export async function boardFocus(board: Target<BoardInfo>, clients: number, spread?: Spread): Promise<Contender> {
  const { meetingId, tokens, presenterToken, projects } = await presenterMeeting(board, clients);
  return {
    name: spread?.name ?? 'board',
    describe: spread?.describe ?? 'the board: focus:move (authority, sequence, one statement) broadcast as focus:changed',
    target: board,
    async prepare() {
      const socket = await readySocket(board.info.url, { meetingId, token: presenterToken });
      return {
        receivers: { kind: 'socketio', ...receiverUrls(board, tokens.length, spread), auths: tokens.map((token) => ({ meetingId, token })), event: 'focus:changed', readyEvent: 'session:ready' },
        sender: acknowledgedSender(socket, 'focus:move', (i) => ({ view: { kind: 'project', projectId: projects[i % projects.length]!.id } })),
      };
    },
  };
}

export function relayFocus(relay: Target<UrlInfo>, clients: number): Contender {
  return {
    name: 'socketIoRelay',
    describe: 'bare Socket.io relay of focus:move as focus:changed',
    target: relay,
    async prepare() {
      const socket = await readySocket(relay.info.url, {});
      return {
        receivers: { kind: 'socketio', url: relay.info.url, auths: Array.from({ length: clients }, () => ({})), event: 'focus:changed', readyEvent: 'session:ready' },
        sender: acknowledgedSender(socket, 'focus:move', (i) => ({ view: { kind: 'project', projectId: relayProjects[i % relayProjects.length]!.id } })),
      };
    },
  };
}

export interface YjsLoad {
  readers: number;
  writers: number;
  /**
   * `map`: one writer sets a Y.Map entry per change (a ceiling-sized value), the 1,000-reader workload. `text`: the
   * writers type into a Y.Text in turn, the minutes workload.
   */
  probe: 'map' | 'text';
  /** A fresh document every round (typed text grows, and readers pay for it), or one for all rounds. */
  freshDocEachRound: boolean;
}

/** The senders for one round: the writers take the changes in turn. */
async function yjsSender(url: string, docName: string, writerTokens: (string | null)[], load: YjsLoad): Promise<Sender> {
  const writers = await Promise.all(writerTokens.map((token) => yjsWriter(url, docName, token)));
  return {
    async send(index) {
      const writer = index % writers.length;
      const { doc } = writers[writer]!;
      if (load.probe === 'map') {
        doc.getMap('bench').set(`project-${index % 78}`, { seq: index, toBaht: 100_000_000 - index, by: writer });
        return { key: String(index) };
      }
      const text = doc.getText('bench');
      const key = `${writer}:${index}`;
      text.insert(text.length, `#${key}#`);
      return { key };
    },
    close: () => writers.forEach((w) => w.close()),
  };
}

export async function boardYjs(board: Target<BoardInfo>, load: YjsLoad): Promise<Contender & { lastRound(): { meetingId: string; writerToken: string } }> {
  const people = async () => {
    const meetingId = await board.request<string>('meeting');
    const writers = await board.request<string[]>('participants', { meetingId, role: 'secretary', count: load.writers });
    const readers = await members(board, meetingId, load.readers);
    return { meetingId, writers, readers };
  };
  const shared = load.freshDocEachRound ? null : await people();
  let last: Awaited<ReturnType<typeof people>> | null = null;
  return {
    name: 'board',
    describe: "the board's Yjs endpoint: authentication, read-only readers, every update in Postgres before anyone sees it",
    target: board,
    async prepare() {
      last = shared ?? (await people());
      const docName = `meeting/${last.meetingId}/minutes`;
      return {
        receivers: { kind: 'yjs', url: board.info.yjsUrl, docName, tokens: last.readers, probe: load.probe, awareness: false },
        sender: await yjsSender(board.info.yjsUrl, docName, last.writers, load),
      };
    },
    lastRound() {
      if (!last) throw new Error('no round ran');
      return { meetingId: last.meetingId, writerToken: last.writers[0]! };
    },
  };
}

export function referenceYjs(reference: Target<UrlInfo>, load: YjsLoad): Contender {
  return {
    name: 'yjsReference',
    describe: '@y/websocket-server 0.1.1, the reference server: no auth, no database',
    target: reference,
    async prepare(round) {
      const docName = load.freshDocEachRound ? `bench/round-${round}` : 'bench/shared';
      return {
        receivers: { kind: 'yjs', url: reference.info.url, docName, tokens: Array(load.readers).fill(null), probe: load.probe, awareness: false },
        sender: await yjsSender(reference.info.url, docName, Array(load.writers).fill(null), load),
      };
    },
  };
}
