// Fuzz in CI, against the real server and its real PostgreSQL: 2,000 mutated Socket.io calls, 2,000 hostile Yjs
// frames and 300 raw engine.io frames, every one answered with a typed reply or met with a clean close, the server
// still serving afterwards, and no table changed. Seeded, so a failure replays. The callers are an observer (who may
// change nothing, so any change would be a hole) and, on Yjs, read-only connections and a writer sending garbage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { ERROR_MESSAGES } from '../../server/shared/errors.ts';
import { SOCKET_COMMANDS } from '../../server/commands/registry.ts';
import { BURST_LIMITS, startTestBoard, type ClientSocket, type Connected, type TestBoard } from '../support/board.ts';
import { mutatePayload, randomValue, seededRandom, type Random } from '../support/fuzz.ts';

const SOCKET_CALLS = 2_000;
const YJS_FRAMES = 2_000;
const ENGINE_FRAMES = 300;
/**
 * How a connection may end: a close handshake with one of the protocol's codes, or none (1005: engine.io closes a
 * connection that sent a malformed packet without naming a code). 1006, no handshake, would be a crash or a cut.
 */
const CLEAN_CLOSES = new Set([1000, 1003, 1005, 1008, 1009, 4400, 4403, 4429]);

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function isTypedReply(reply: unknown): boolean {
  if (typeof reply !== 'object' || reply === null) return false;
  if ('data' in reply) return true;
  const error = (reply as { error?: { code?: unknown; messageTh?: unknown; messageEn?: unknown } }).error;
  return typeof error?.code === 'string' && Object.hasOwn(ERROR_MESSAGES, error.code) && typeof error.messageTh === 'string' && typeof error.messageEn === 'string';
}

describe('fuzz against the real board', { timeout: 240_000 }, () => {
  let board: TestBoard;
  let observer: Connected;
  let member: Connected;
  let chair: Connected;
  let bases: Record<string, Record<string, unknown>>;

  /** Every table a caller could reach, summed so that any insert, update or delete shows. */
  async function tables() {
    const { db } = board;
    const [projects] = await db.$queryRaw<{ ceilings: bigint; versions: bigint }[]>`SELECT sum("ceilingBaht") AS ceilings, sum("version") AS versions FROM "Project"`;
    return {
      projects,
      counts: await Promise.all([
        db.ceilingChange.count(),
        db.proposal.count(),
        db.resolution.count(),
        db.meetingEvent.count(),
        db.agendaItem.count(),
        db.participant.count({ where: { revokedAt: null } }),
        db.invite.count(),
        db.yUpdate.count(),
        db.framePreparation.count(),
        db.joinRequest.count(),
        db.projectChange.count(),
        db.project.count({ where: { withdrawnAt: { not: null } } }),
      ]),
      meeting: await db.meeting.findUniqueOrThrow({ where: { id: board.meetingId }, select: { seq: true, focus: true, status: true } }),
    };
  }
  let before: Awaited<ReturnType<typeof tables>>;

  beforeAll(async () => {
    board = await startTestBoard({ limitRules: BURST_LIMITS });
    observer = await board.connect('observer', 'ผู้สังเกตการณ์ ทดสอบ');
    member = await board.connect('member', 'กรรมการ ทดสอบ');
    chair = await board.connect('chair', 'ประธาน ทดสอบ');
    const project = await board.db.project.findFirstOrThrow({ where: { plan: { meetings: { some: { id: board.meetingId } } } } });
    const agendaItem = await board.db.agendaItem.findFirstOrThrow({ where: { meetingId: board.meetingId } });
    const target = { projectId: project.id, expectedVersion: project.version, reason: 'เหตุผล' };
    bases = {
      'ceilings:set': { ...target, toBaht: 1_000_000 },
      'ceilings:revert': target,
      'ceilings:undo': {},
      'ceilings:propose': { projectId: project.id, proposedBaht: 1_000_000, baseVersion: project.version, reason: 'เหตุผล' },
      'ceilings:withdraw': { proposalId: 'p1' },
      'ceilings:decide': { proposalId: 'p1', decision: 'accept', expectedVersion: project.version },
      'focus:move': { view: { kind: 'project', projectId: project.id } },
      'agenda:move': { agendaItemId: agendaItem.id },
      'agenda:add': { parentId: agendaItem.id, titleTh: 'วาระ' },
      'presenter:assign': { participantId: member.identity.participantId },
      'presenter:reclaim': {},
      'attendance:record': { participantId: member.identity.participantId, attendance: 'present' },
      'attendance:absent': { rosterMemberId: 'm1', reasonTh: 'ติดราชการ' },
      'attendance:substitute': { participantId: member.identity.participantId, rosterMemberId: 'm1' },
      'attendance:mark': { rosterMemberId: 'm1', status: 'substitute', nameTh: 'นายแทน', organisationTh: 'ผู้อำนวยการ' },
      'attendance:sheet': {},
      'resolution:record': { projectId: project.id, outcome: 'approved_as_requested', textTh: 'มติ' },
      'resolution:confirm': { resolutionId: 'r1' },
      'resolution:reopen': { resolutionId: 'r1', reason: 'เหตุผล' },
      'resolution:record-bulk': { projectIds: [project.id], outcome: 'approved_as_requested', textTh: 'มติ' },
      'resolution:confirm-bulk': { resolutionIds: ['r1'] },
      'participant:revoke': { participantId: member.identity.participantId },
      'meeting:sync': {},
      'meeting:catchup': { afterSeq: 0 },
      'meeting:project-details': { projectId: project.id },
      'ceilings:history': { projectId: project.id },
      'presence:list': {},
      'follow:report': { following: true },
      'sandbox:load': {},
      'sandbox:change': { operation: { kind: 'percent', projectIds: [project.id], percent: -10 } },
      'sandbox:clear': {},
      'screen:show-moment': { seq: 0, compareTo: 0 },
      'screen:show-live': {},
      'sets:propose': { changes: [{ projectId: project.id, toBaht: 1_000_000, baseVersion: project.version }], reason: 'เหตุผล' },
      'sets:decide': { setId: 's1', decision: 'accept', projectIds: [project.id], reason: 'เหตุผล' },
      'sets:withdraw': { setId: 's1' },
      'minutes:circulate': {},
      'minutes:adopt': { how: 'next-meeting', amendments: ['แก้ไขหน้า 2 บรรทัดที่ 3'] },
      'minutes:lock': { minutesOf: 'this-meeting' },
      'projects:add': { code: 'N1', nameTh: 'โครงการใหม่', agencyCode: 'A1', approachCode: '1.1', integrationType: 'budget', requestedBaht: 1_000_000, reason: 'เหตุผล' },
      'projects:withdraw': { projectId: project.id, reason: 'เหตุผล' },
      'projects:correct-request': { projectId: project.id, requestedBaht: 1_000_000, reason: 'เหตุผล' },
    };
    for (const command of SOCKET_COMMANDS) expect(bases, `a base payload for ${command.event}`).toHaveProperty([command.event]);
    // Opening a meeting's minutes for the first time writes their skeleton: the server's own, done before the fuzz.
    for (const target of yjsTargets()) (await openYjs(target.kind, target.token)).terminate();
    for (let waited = 0; (await board.db.yUpdate.count()) === 0 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    before = await tables();
  });
  afterAll(() => board.stop());

  /** The same participant again (a new join would change the tables). */
  async function reconnect(token: string): Promise<ClientSocket> {
    const socket: ClientSocket = io(board.url, { auth: { meetingId: board.meetingId, token }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('session:ready', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  it(`answers ${SOCKET_CALLS} mutated Socket.io calls with typed replies, changing nothing`, async () => {
    const random = seededRandom(13_2567);
    const events = Object.keys(bases);
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    let socket: ClientSocket = observer.socket;
    for (let i = 0; i < SOCKET_CALLS; i++) {
      if (socket.disconnected) {
        count('reconnected');
        socket = await reconnect(observer.sessionToken);
      }
      const roll = random();
      const event = roll < 0.85 ? pick(random, events) : roll < 0.95 ? `x:${Math.floor(random() * 1e6).toString(36)}` : pick(random, ['', 'connect', 'disconnecting', 'error', '__proto__']);
      const payload = mutatePayload(random, bases[event] ?? {});
      const shape = random();
      const emit = socket.timeout(10_000) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
      if (shape < 0.1) {
        // No acknowledgement: nothing to answer; the connection must live on (the next call proves it).
        try {
          (socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, payload);
          count('no-ack');
        } catch {
          count('reserved');
        }
        continue;
      }
      const args = shape < 0.2 ? [payload, randomValue(random)] : [payload];
      try {
        const reply = await emit.emitWithAck(event, ...args);
        expect(isTypedReply(reply), `${event} ${JSON.stringify(payload)?.slice(0, 200)} → ${JSON.stringify(reply)?.slice(0, 200)}`).toBe(true);
        count('error' in (reply as object) ? `error:${(reply as { error: { code: string } }).error.code}` : 'data');
      } catch (cause) {
        // Reserved names are refused by the client itself; anything else unanswered is a failure.
        if (cause instanceof Error && /is a reserved event name/.test(cause.message)) {
          count('reserved');
          continue;
        }
        // Past the largest message a connection takes, the server closes it: a clean close, not a silence.
        if (socket.disconnected) {
          count('closed');
          continue;
        }
        throw new Error(`${event} ${JSON.stringify(payload)?.slice(0, 200)} got no reply: ${String(cause)}`);
      }
    }
    console.log('socket.io fuzz outcomes', Object.fromEntries(outcomes));
    expect(outcomes.get('error:invalid_payload')).toBeGreaterThan(SOCKET_CALLS / 4);
    expect(await tables()).toEqual(before);
  });

  /** Read-only connections get everything (any update must be refused); the writer only frames no decoder accepts. */
  function yjsTargets() {
    return [
      { kind: 'annotations', token: observer.sessionToken, writer: false },
      { kind: 'minutes', token: member.sessionToken, writer: false },
      { kind: 'screen', token: member.sessionToken, writer: false },
      { kind: 'annotations', token: member.sessionToken, writer: true },
    ];
  }

  /** Sends one frame, then asks for awareness: the answer proves the connection survived the frame. */
  function sendAndObserve(ws: WebSocket, frame: Uint8Array | string): Promise<string> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done('silent'), 10_000);
      const onMessage = (data: Buffer) => {
        if (data[0] === 1) done('survived');
      };
      const onClose = (code: number) => done(`closed:${code}`);
      const done = (outcome: string) => {
        clearTimeout(timer);
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolve(outcome);
      };
      ws.on('message', onMessage);
      ws.on('close', onClose);
      ws.send(frame);
      ws.send(Uint8Array.of(3));
    });
  }

  async function openYjs(docKind: string, token: string): Promise<WebSocket> {
    const ws = new WebSocket(`${board.url.replace('http', 'ws')}/yjs/meeting/${board.meetingId}/${docKind}?token=${token}`);
    ws.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`Yjs upgrade refused: ${res.statusCode}`)));
    });
    return ws;
  }

  function yjsFrame(random: Random): Uint8Array | string {
    const int = (n: number) => Math.floor(random() * n);
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
    const doc = new Y.Doc();
    const notes = doc.getMap('notes');
    notes.set(`n${int(1000)}`, new Y.Map([['authorId', 'someone-else'], ['authorName', 'ประธาน (Chair)'], ['text', 'ปลอม']]));
    doc.getMap(`top-${int(10)}`).set('x', 1);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const message = (write: (encoder: encoding.Encoder) => void) => {
      const encoder = encoding.createEncoder();
      write(encoder);
      return encoding.toUint8Array(encoder);
    };
    const real = [
      message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, update))),
      message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, new Y.Doc()))),
      message((e) => {
        const awareness = new awarenessProtocol.Awareness(new Y.Doc());
        awareness.setLocalState({ user: { name: 'ประธาน (Chair)', role: 'chair' } });
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
        awareness.destroy();
      }),
    ];
    switch (int(8)) {
      case 0:
      case 1:
        return bytes(int(96));
      case 2: {
        const whole = pick(random, real);
        return whole.subarray(0, int(whole.length));
      }
      case 3:
        return pick(random, real);
      case 4:
        return message((e) => (encoding.writeVarUint(e, int(3)), encoding.writeVarUint(e, int(4)), encoding.writeVarUint8Array(e, bytes(int(64)))));
      case 5:
        return message((e) => (encoding.writeVarUint(e, 4 + int(500)), encoding.writeVarUint8Array(e, bytes(8))));
      case 6:
        return random() < 0.5 ? 'text frames are not the protocol' : bytes(300 * 1024);
      default:
        return message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 2 ** 31), encoding.writeUint8Array(e, bytes(4))));
    }
  }

  it(`meets ${YJS_FRAMES} hostile Yjs frames with a reply or a clean close, storing nothing`, async () => {
    const random = seededRandom(2567_13);
    const targets = yjsTargets();
    const outcomes = new Map<string, number>();
    const open = new Map<number, WebSocket>();
    for (let i = 0; i < YJS_FRAMES; i++) {
      const which = i % targets.length;
      const target = targets[which]!;
      let frame = yjsFrame(random);
      // A well-formed update from the writer could be a legitimate note; the writer sends only garbage.
      if (target.writer && frame instanceof Uint8Array && frame.length > 0 && frame.length < 2000) frame = Uint8Array.from([0, 2, 200, ...frame.subarray(0, 16)]);
      let ws = open.get(which);
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        ws = await openYjs(target.kind, target.token);
        open.set(which, ws);
      }
      const outcome = await sendAndObserve(ws, frame);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      expect(outcome === 'survived' || (outcome.startsWith('closed:') && CLEAN_CLOSES.has(Number(outcome.slice(7)))), `frame ${i} → ${outcome}`).toBe(true);
    }
    for (const ws of open.values()) ws.terminate();
    console.log('yjs fuzz outcomes', Object.fromEntries(outcomes));
    expect(outcomes.get('survived')).toBeGreaterThan(100);
    expect(await tables()).toEqual(before);
  });

  it(`meets ${ENGINE_FRAMES} raw engine.io frames with a typed reply or a clean close`, async () => {
    const random = seededRandom(67_2567);
    const outcomes = new Map<string, number>();
    let ws: WebSocket | null = null;
    let probe = 1_000_000;

    async function connectRaw(): Promise<WebSocket> {
      const socket = new WebSocket(`${board.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: { origin: board.url } });
      socket.on('error', () => {});
      await new Promise<void>((resolve) => {
        socket.on('message', function ready(data: Buffer) {
          const text = data.toString();
          if (text.startsWith('0')) socket.send(`40${JSON.stringify({ meetingId: board.meetingId, token: observer.sessionToken })}`);
          if (text.startsWith('42["session:ready"')) {
            socket.off('message', ready);
            resolve();
          }
        });
      });
      // Engine.io's heartbeat: answer the server's pings as a client would.
      socket.on('message', (data: Buffer) => data.toString() === '2' && socket.send('3'));
      return socket;
    }

    /** The frame, then a call with an acknowledgement: its typed answer shows the connection lives. */
    function sendAndProbe(socket: WebSocket, frame: string | Buffer): Promise<string> {
      const id = probe++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => done('silent'), 10_000);
        const onMessage = (data: Buffer) => {
          const text = data.toString();
          if (!text.startsWith(`43${id}`)) return;
          done(isTypedReply((JSON.parse(text.slice(`43${id}`.length)) as unknown[])[0]) ? 'answered' : `untyped:${text.slice(0, 100)}`);
        };
        const onClose = (code: number) => done(`closed:${code}`);
        const done = (outcome: string) => {
          clearTimeout(timer);
          socket.off('message', onMessage);
          socket.off('close', onClose);
          resolve(outcome);
        };
        socket.on('message', onMessage);
        socket.on('close', onClose);
        socket.send(frame);
        socket.send(`42${id}["presence:list",{}]`);
      });
    }

    const frames = [
      () => `42${JSON.stringify([pick(random, Object.keys(bases)), randomValue(random)])}`,
      () => `42${Math.floor(random() * 1000)}${JSON.stringify([pick(random, Object.keys(bases)), randomValue(random)])}`,
      () => `42${JSON.stringify([randomValue(random), randomValue(random)])}`,
      () => pick(random, ['4', '42', '42[', '42{}', '43', '44', '41', '40', '6', '9', 'hello', '', '42[]', '42[null]', '451-["ceilings:set",{"_placeholder":true,"num":0}]']),
      () => Buffer.from(Uint8Array.from({ length: Math.floor(random() * 128) }, () => Math.floor(random() * 256))),
      () => `42["ceilings:set",${JSON.stringify('x'.repeat(Math.floor(random() * 200_000)))}]`,
    ];
    for (let i = 0; i < ENGINE_FRAMES; i++) {
      if (!ws || ws.readyState !== WebSocket.OPEN) ws = await connectRaw();
      const frame = pick(random, frames)();
      if (typeof frame === 'string' && frame.startsWith('41')) {
        // The client's own "leave the namespace": the server lets the socket go and answers nothing more on it.
        ws.send(frame);
        await new Promise((resolve) => setTimeout(resolve, 50));
        ws.terminate();
        outcomes.set('left', (outcomes.get('left') ?? 0) + 1);
        continue;
      }
      const outcome = await sendAndProbe(ws, frame);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      expect(outcome === 'answered' || (outcome.startsWith('closed:') && CLEAN_CLOSES.has(Number(outcome.slice(7)))), `engine.io frame ${i} ${String(frame).slice(0, 120)} → ${outcome}`).toBe(true);
    }
    ws?.terminate();
    console.log('engine.io fuzz outcomes', Object.fromEntries(outcomes));
    expect(outcomes.get('answered')).toBeGreaterThan(ENGINE_FRAMES / 4);
    expect(await tables()).toEqual(before);
  });

  it('still serves everyone after the fuzz: the chair sets a ceiling, a new client connects', async () => {
    expect((await fetch(`${board.url}/healthz`)).status).toBe(200);
    const project = await board.db.project.findFirstOrThrow({ where: { plan: { meetings: { some: { id: board.meetingId } } } } });
    const set = await chair.socket.emitWithAck('ceilings:set', { projectId: project.id, toBaht: Number(project.ceilingBaht) - 1, expectedVersion: project.version, reason: '' });
    expect(set).toHaveProperty('data');
    (await reconnect(member.sessionToken)).close();
  });
});
