// Two instances on one database and one redis-server (the test's own), with clients split between them as a load
// balancer would split them: every client sees the meeting's events in seq order whichever instance committed them,
// authority moves on both at once, presence and Yjs documents are shared, a new minutes document opened on both at once
// is written once, and the frame prepared on one survives a restart for the chair on the other.
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyBoardEvent } from '../../server/domain/board-events.ts';
import { projectsById } from '../../server/domain/ceilings.ts';
import type { Role } from '../../server/shared/roles.ts';
import type { ClientSocket, TestBoard } from '../support/board.ts';
import { startTestCluster, type TestCluster } from '../support/cluster.ts';
import { describeWithRedis } from '../support/processes.ts';
import { connectSocket, openDoc } from '../support/meeting-clients.ts';
import { comparable, data, record } from '../support/sequenced.ts';
import { resolveRemainingWithinFrame } from '../support/resolutions.ts';
import { participantActor } from '../../server/shared/actor.ts';

describeWithRedis('two instances sharing Redis', () => {
  let cluster: TestCluster;
  let a: TestBoard;
  let b: TestBoard;

  beforeAll(async () => {
    cluster = await startTestCluster(2);
    [a, b] = cluster.boards as [TestBoard, TestBoard];
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  const connect = async (board: TestBoard, role: Role, name?: string) => (await board.connect(role, name, { reconnection: true })).socket;
  const sync = async (socket: ClientSocket) => data(await socket.emitWithAck('meeting:sync', {}));
  const meetingSeq = async () => (await a.db.meeting.findUniqueOrThrow({ where: { id: a.meetingId } })).seq;

  it('deliver a mixed burst sent through both to every client of either, in seq order and equal to the database', async () => {
    const presenter = await connect(a, 'presenter', 'ผู้นำเสนอ');
    const chair = await connect(b, 'chair', 'ประธาน');
    const secretary = await connect(b, 'secretary', 'เลขานุการ');
    const members = [await connect(a, 'member', 'กรรมการ ๑'), await connect(b, 'member', 'กรรมการ ๒')];
    const listeners = [presenter, chair, secretary, ...members, await connect(a, 'observer', 'ผู้สังเกตการณ์ ก'), await connect(b, 'observer', 'ผู้สังเกตการณ์ ข')];
    const heard = listeners.map(record);
    const start = await sync(chair);
    const { projects, agenda } = start;

    await Promise.all([
      ...projects.slice(0, 10).map((p, i) =>
        presenter.emitWithAck('ceilings:set', { projectId: p.id, toBaht: p.requestedBaht - (i + 1) * 100_000, expectedVersion: p.version, reason: 'ปรับลด' }).then(data),
      ),
      ...members.flatMap((member, m) =>
        projects.slice(10 + m * 2, 12 + m * 2).map((p) =>
          member.emitWithAck('ceilings:propose', { projectId: p.id, proposedBaht: p.requestedBaht - 500_000, baseVersion: p.version, reason: 'เสนอปรับลด' }).then(data),
        ),
      ),
      (async () => {
        for (const p of projects.slice(20, 26)) data(await presenter.emitWithAck('focus:move', { view: { kind: 'project', projectId: p.id } }));
      })(),
      (async () => {
        for (const item of agenda.slice(0, 3)) {
          const resolution = data(await secretary.emitWithAck('resolution:record', { agendaItemId: item.id, outcome: 'noted', textTh: 'ที่ประชุมรับทราบ' }));
          data(await chair.emitWithAck('resolution:confirm', { resolutionId: resolution.id }));
        }
      })(),
    ]);
    const end = await meetingSeq();
    expect(end).toBe(start.seq + 10 + 4 + 6 + 6);
    await expect.poll(() => heard.map((events) => events.at(-1)?.payload.seq)).toEqual(heard.map(() => end));

    const logged = await a.db.meetingEvent.findMany({ where: { meetingId: a.meetingId, seq: { gt: start.seq } }, orderBy: { seq: 'asc' } });
    const now = comparable(await sync(members[0]!));
    expect(comparable(await sync(members[1]!))).toEqual(now);
    for (const events of heard) {
      expect(events.map((e) => e.payload.seq)).toEqual(Array.from({ length: end - start.seq }, (_, i) => start.seq + 1 + i));
      expect(events).toEqual(logged.map((row) => ({ type: row.type, payload: row.payload })));
      const replayed = structuredClone(start);
      const byId = projectsById(replayed.projects);
      for (const event of events) {
        expect(applyBoardEvent(replayed, byId, event)).toBe('applied');
        replayed.seq = event.payload.seq;
      }
      expect(comparable(replayed)).toEqual(now);
    }
  });

  it('hand the presenter role over on one and hold it on the other at once', async () => {
    const chair = await connect(a, 'chair', 'ประธาน');
    const { socket: agencyOnB, identity: agency } = await b.connect('member', 'ผู้แทนหน่วยงาน ค', { reconnection: true });
    const { projects } = await sync(chair);
    const role = new Promise((resolve) => agencyOnB.on('participants:changed', ({ changes }) => changes.some((c) => c.participantId === agency.participantId) && resolve(changes)));
    data(await chair.emitWithAck('presenter:assign', { participantId: agency.participantId }));
    await role;
    const target = projects[50]!;
    const set = { projectId: target.id, toBaht: target.requestedBaht - 10, expectedVersion: target.version, reason: '' };
    expect(await agencyOnB.emitWithAck('ceilings:set', set)).toHaveProperty('data');

    data(await chair.emitWithAck('presenter:reclaim', {}));
    const before = await meetingSeq();
    expect(await agencyOnB.emitWithAck('ceilings:set', { ...set, expectedVersion: target.version + 1, toBaht: 1 })).toMatchObject({ error: { code: 'forbidden' } });
    expect(await meetingSeq()).toBe(before);
    // B's socket of the agency carries the role B learnt from A's commit.
    const onB = [...(await b.io.local.in(`participant:${agency.participantId}`).fetchSockets())];
    await expect.poll(() => onB.map((socket) => socket.data.identity.role)).toEqual(['member']);
  });

  it("close a participant's socket and Yjs connection on one when the chair revokes them on the other", async () => {
    const chair = await connect(a, 'chair', 'ประธาน');
    const { socket: onB, identity, sessionToken } = await b.connect('member', 'กรรมการ ที่ถูกยกเลิก');
    const notes = openDoc(b.url, sessionToken, `meeting/${b.meetingId}/annotations`);
    await notes.synced;
    const closes: number[] = [];
    notes.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    const told = new Promise((resolve) => onB.once('session:revoked', resolve));
    data(await chair.emitWithAck('participant:revoke', { participantId: identity.participantId }));
    expect(await told).toMatchObject({ code: 'participant_revoked' });
    await expect.poll(() => closes).toEqual([4403]);
    notes.provider.destroy();
  });

  it('recover a dropped connection with its rooms, but authenticated again: it carries the role stored now', async () => {
    const { socket, identity } = await a.connect('member', 'ผู้แทนหน่วยงาน ง', { reconnection: true });
    // Slow enough to reconnect that the change below lands while the connection is away.
    socket.io.reconnectionDelay(1_500);
    socket.io.reconnectionDelayMax(1_500);
    socket.io.randomizationFactor(0);
    // A connection resumes from the last broadcast it received: without one there is nothing to recover from.
    const sawBroadcast = new Promise((resolve) => socket.once('presence:changed', resolve));
    await a.connect('observer', 'ผู้สังเกตการณ์ ที่มาทีหลัง');
    await sawBroadcast;
    const reconnected = new Promise<void>((resolve) => socket.io.once('reconnect', () => resolve()));
    socket.io.engine.close();
    // Written straight to the database, so that no event tells any instance: only authenticating again can know.
    await a.db.participant.update({ where: { id: identity.participantId }, data: { role: 'observer' } });
    await reconnected;
    await expect.poll(() => socket.connected).toBe(true);
    expect(socket.recovered).toBe(true);
    const onA = await a.io.local.in(`participant:${identity.participantId}`).fetchSockets();
    expect(onA.map((s) => s.data.identity.role)).toEqual(['observer']);
  });

  it('show everyone online on either instance to everyone, and who follows, and take them off when they leave', async () => {
    const { socket: onA, identity: memberA } = await a.connect('member', 'กรรมการ บนเอ', { reconnection: true });
    // What A's client has heard of each participant, from the deltas: the list's answer alone can run ahead of them,
    // and a departure only makes a delta on A once A's client has heard the arrival.
    const heardOnA = new Map<string, boolean>();
    onA.on('presence:changed', ({ changed }) => changed.forEach((e) => heardOnA.set(e.participantId, e.online)));
    const { socket: onB, identity: memberB } = await b.connect('member', 'กรรมการ บนบี', { reconnection: true });
    data(await onB.emitWithAck('follow:report', { following: false }));
    const entry = async (socket: ClientSocket, participantId: string) =>
      data(await socket.emitWithAck('presence:list', {})).find((e) => e.participantId === participantId);
    await expect.poll(() => entry(onA, memberB.participantId)).toMatchObject({ online: true, following: false });
    await expect.poll(() => entry(onB, memberA.participantId)).toMatchObject({ online: true });
    await expect.poll(() => heardOnA.get(memberB.participantId), { timeout: 10_000 }).toBe(true);

    onB.close();
    await expect.poll(() => heardOnA.get(memberB.participantId), { timeout: 10_000 }).toBe(false);
  });

  it('write the skeleton of a new minutes document once when both open it at the same moment', async () => {
    const docName = `meeting/${a.meetingId}/minutes`;
    const [onA, onB] = await Promise.all([a.join('secretary', 'เลขานุการ ก'), b.join('secretary', 'เลขานุการ ข')]);
    const clients = [openDoc(a.url, onA.sessionToken, docName), openDoc(b.url, onB.sessionToken, docName)];
    await Promise.all(clients.map((client) => client.synced));
    const stored = await a.db.yUpdate.count({ where: { docName } });
    expect(stored).toBe(1);
    const text = (doc: Y.Doc) => doc.getXmlFragment('default').toString();
    expect(text(clients[0]!.doc)).toEqual(text(clients[1]!.doc));
    expect(text(clients[0]!.doc).length).toBeGreaterThan(100);
    for (const client of clients) client.provider.destroy();
  });
  it('converge Yjs edits made on both, each broadcast only once stored, and awareness crosses too', async () => {
    const docName = `meeting/${a.meetingId}/minutes`;
    const [onA, onB] = await Promise.all([a.join('secretary', 'ผู้จด ก'), b.join('secretary', 'ผู้จด ข')]);
    const left = openDoc(a.url, onA.sessionToken, docName);
    const right = openDoc(b.url, onB.sessionToken, docName);
    await Promise.all([left.synced, right.synced]);
    const seenOnRight = new Set<string>();
    right.doc.getArray<string>('cluster').observe((event) => {
      for (const delta of event.changes.delta) for (const value of (delta.insert as string[] | undefined) ?? []) seenOnRight.add(value);
    });
    for (let i = 0; i < 20; i++) {
      left.doc.getArray<string>('cluster').push([`a${i}`]);
      right.doc.getArray<string>('cluster').push([`b${i}`]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await expect.poll(() => left.doc.getArray('cluster').length, { timeout: 10_000 }).toBe(40);
    await expect.poll(() => right.doc.getArray('cluster').length, { timeout: 10_000 }).toBe(40);
    expect(left.doc.getArray('cluster').toArray()).toEqual(right.doc.getArray('cluster').toArray());
    // What B's client saw from A's writer is in Postgres.
    const stored = new Y.Doc();
    for (const update of await a.documents.load(docName)) Y.applyUpdate(stored, update);
    const storedValues = new Set(stored.getArray<string>('cluster').toArray());
    expect([...seenOnRight].filter((value) => value.startsWith('a') && !storedValues.has(value))).toEqual([]);

    left.provider.awareness.setLocalStateField('user', { name: 'ผู้จด ก' });
    await expect.poll(() => [...right.provider.awareness.getStates().values()].map((state) => state.user?.name)).toContain('ผู้จด ก');
    for (const client of [left, right]) client.provider.destroy();
  });

  it('keep the frame the secretary prepared on one, through a restart, for the chair to confirm on the other', async () => {
    const secretary = await a.join('secretary', 'เลขานุการ ก');
    const chair = await b.join('chair', 'ประธาน ข');
    // Everyone joins before the draft: who takes part is part of what the chair confirms.
    const observer = await a.join('observer', 'ผู้สังเกตการณ์ ใหม่');
    await resolveRemainingWithinFrame(a.db, a.meetingId, { recorderId: secretary.identity.participantId, confirmerId: chair.identity.participantId });
    await a.db.proposal.updateMany({ where: { meetingId: a.meetingId, status: 'pending' }, data: { status: 'rejected' } });
    const { draft } = await a.runCommand('frame:prepare', participantActor(secretary.identity), {});

    await a.stop();
    const restarted = await cluster.add();
    expect(await restarted.frames.preparation(a.meetingId)).toMatchObject({ draftHash: draft.draftHash, preparedByName: 'เลขานุการ ก' });
    const watcher = await connectSocket(restarted.url, observer.sessionToken);
    const heard = new Promise((resolve) => watcher.once('frame:changed', resolve));
    const record = await b.runCommand('frame:confirm', participantActor(chair.identity), { draftHash: draft.draftHash });
    expect(record).toMatchObject({ version: 1, body: { preparedBy: 'เลขานุการ ก', confirmedBy: 'ประธาน ข' } });
    expect(await heard).toMatchObject({ preparation: null, recordedVersion: 1 });
    watcher.close();
  });
});
