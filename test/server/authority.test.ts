// Authority at the moment of acting, on connections that are already open: a presenter handover taken back, and a
// participant revoked by the chair, reach that person's Socket.io sockets and Yjs connections at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Ack } from '../../server/shared/ack.ts';
import type { ParticipantRevoked } from '../../server/shared/events/participants.ts';
import type { WireError } from '../../server/shared/errors.ts';
import { io } from 'socket.io-client';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';
import { handshakeStatus } from '../support/yjs.ts';

function data<T>(reply: Ack<T>): T {
  if ('error' in reply) throw new Error(`refused: ${reply.error.code}`);
  return reply.data;
}

describe('authority on open connections', () => {
  let board: TestBoard;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    board = await startTestBoard();
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await board.stop();
  });

  const wsUrl = () => `${board.url.replace('http', 'ws')}/yjs`;
  const docName = (kind: string) => `meeting/${board.meetingId}/${kind}`;
  function openDoc(token: string, name: string) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(wsUrl(), name, doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true });
    providers.push(provider);
    const closes: number[] = [];
    provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    return { doc, provider, closes, synced: new Promise<void>((resolve) => provider.once('sync', () => resolve())) };
  }
  async function stored(name: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    for (const update of await board.documents.load(name)) Y.applyUpdate(doc, update);
    return doc;
  }

  it('makes Yjs write access follow a presenter handover and its reclaim, on the connection already open', async () => {
    const chair = (await board.connect('chair', 'ประธาน')).socket;
    const agency = await board.connect('member', 'ผู้แทนหน่วยงาน');
    const screen = docName('screen');
    const open = openDoc(agency.sessionToken, screen);
    await open.synced;
    const promoted = open.doc.getMap('promoted');

    data(await chair.emitWithAck('presenter:assign', { participantId: agency.identity.participantId }));
    // Now a presenter, the same connection writes.
    await expect.poll(async () => {
      promoted.set(`as-presenter-${Date.now()}`, { at: 2 });
      return [...(await stored(screen)).getMap('promoted').keys()].some((key) => key.startsWith('as-presenter-'));
    }, { timeout: 10_000 }).toBe(true);

    data(await chair.emitWithAck('presenter:reclaim', {}));
    const storedBefore = (await stored(screen)).getMap('promoted').size;
    // Taken back: from the reclaim on, nothing this connection writes to the screen is stored or reaches anyone.
    const watcher = openDoc((await board.join('presenter', 'ผู้นำเสนอ ผู้ดู')).sessionToken, screen);
    await watcher.synced;
    promoted.set('after-reclaim', { at: 3 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(watcher.doc.getMap('promoted').has('after-reclaim')).toBe(false);
    expect((await stored(screen)).getMap('promoted').size).toBe(storedBefore);
    // The Socket.io side refuses the old presenter too.
    const project = (await board.db.project.findFirstOrThrow({ orderBy: { position: 'asc' } }));
    expect(await agency.socket.emitWithAck('focus:move', { view: { kind: 'project', projectId: project.id } })).toMatchObject({ error: { code: 'forbidden' } });
  });

  it("closes a revoked participant's open sockets and Yjs connections at once, says why, and refuses them after", async () => {
    const chair = (await board.connect('chair', 'ประธาน ข')).socket;
    const observerConnection = await board.connect('observer', 'ผู้สังเกตการณ์');
    const observer = observerConnection.socket;
    const member = await board.connect('member', 'กรรมการ ที่ถูกยกเลิก');
    const secondTab = await reconnectAs(member.sessionToken);
    const notes = openDoc(member.sessionToken, docName('annotations'));
    const privateNotes = openDoc(member.sessionToken, `meeting/${board.meetingId}/private/${member.identity.participantId}`);
    await Promise.all([notes.synced, privateNotes.synced]);

    expect(await member.socket.emitWithAck('participant:revoke', { participantId: observerConnection.identity.participantId })).toMatchObject({
      error: { code: 'forbidden' },
    });
    const chairIdentity = await board.db.participant.findFirstOrThrow({ where: { displayName: 'ประธาน ข' } });
    expect(await chair.emitWithAck('participant:revoke', { participantId: chairIdentity.id })).toMatchObject({ error: { code: 'forbidden' } });

    const told = [member.socket, secondTab].map((socket) => new Promise<WireError>((resolve) => socket.once('session:revoked', resolve)));
    const closed = [member.socket, secondTab].map((socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve)));
    const heard = new Promise<ParticipantRevoked>((resolve) => observer.once('participant:revoked', resolve));
    const { seq } = data(await chair.emitWithAck('participant:revoke', { participantId: member.identity.participantId }));

    for (const refusal of await Promise.all(told)) expect(refusal).toMatchObject({ code: 'participant_revoked', messageTh: 'สิทธิ์เข้าร่วมประชุมนี้ถูกยกเลิกแล้ว' });
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await heard).toMatchObject({ seq, participantId: member.identity.participantId, revokedBy: 'ประธาน ข' });
    await expect.poll(() => [notes.closes, privateNotes.closes]).toEqual([[4403], [4403]]);
    expect((await board.db.participant.findUniqueOrThrow({ where: { id: member.identity.participantId } })).revokedAt).not.toBeNull();
    expect(await board.db.meetingEvent.findUnique({ where: { meetingId_seq: { meetingId: board.meetingId, seq } } })).toMatchObject({ type: 'participant:revoked' });

    // Whatever they try next is refused: a new socket, a Yjs handshake.
    await expect(reconnectAs(member.sessionToken)).rejects.toMatchObject({ data: { code: 'participant_revoked' } });
    expect(await handshakeStatus(`${wsUrl()}/${docName('annotations')}?token=${member.sessionToken}`)).toBe(401);
    expect(await chair.emitWithAck('participant:revoke', { participantId: member.identity.participantId })).toMatchObject({ error: { code: 'participant_not_found' } });
  });

  function reconnectAs(token: string): Promise<ClientSocket> {
    const socket: ClientSocket = io(board.url, { auth: { meetingId: board.meetingId, token }, transports: ['websocket'], reconnection: false, forceNew: true });
    return new Promise((resolve, reject) => {
      socket.once('session:ready', () => resolve(socket));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }
});
