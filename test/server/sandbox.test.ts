// The what-if sandbox over real Socket.io clients and Postgres: private to its owner, kept across a reload, never
// broadcast nor sequenced, refused to roles without it, bad changes typed and writing nothing, and rebased when the
// live board moves under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../server/shared/board.ts';
import type { Role } from '../../server/shared/roles.ts';
import { sandboxView, type LiveBoard } from '../../server/domain/sandbox.ts';
import { liveBoard } from '../../server/db/sandbox-repository.ts';
import { startTestBoard, type ClientSocket, type Connected, type TestBoard } from '../support/board.ts';

describe('the what-if sandbox', () => {
  let board: TestBoard;
  let member: Connected;
  let chair: Connected;
  let snapshot: BoardSnapshot;
  const heard: string[] = [];

  async function data<T>(reply: Promise<{ data: T } | { error: { code: string } }>): Promise<T> {
    const answer = await reply;
    if (!('data' in answer)) throw new Error(answer.error.code);
    return answer.data;
  }
  const seq = async () => (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq;
  const stored = () => board.db.whatIfSandbox.findMany({ orderBy: { participantId: 'asc' } });
  const live = (): Promise<LiveBoard> => liveBoard(board.db, board.meetingId);

  beforeAll(async () => {
    board = await startTestBoard();
    member = await board.connect('member', 'กรรมการ ทดลอง');
    chair = await board.connect('chair', 'ประธาน ทดลอง');
    const listener = await board.connect('observer', 'ผู้สังเกตการณ์ ฟัง');
    listener.socket.onAny((event: string) => heard.push(event));
    snapshot = await data(member.socket.emitWithAck('meeting:sync', {}));
  });
  afterAll(() => board.stop());

  it('keeps a member\'s change to themselves, across a reload, with no seq and no event', async () => {
    const [a, b] = snapshot.projects;
    const seqBefore = await seq();
    const eventsBefore = await board.db.meetingEvent.count();
    const changed = await data(member.socket.emitWithAck('sandbox:change', { operation: { kind: 'set', projectId: a!.id, toBaht: a!.ceilingBaht - 1_000_000 } }));
    expect(changed.edits).toEqual([{ projectId: a!.id, toBaht: a!.ceilingBaht - 1_000_000, baseBaht: a!.ceilingBaht, baseVersion: a!.version }]);
    await data(member.socket.emitWithAck('sandbox:change', { operation: { kind: 'percent', projectIds: [b!.id], percent: -10 } }));

    const reloaded = await board.connect('member', 'อีกคน');
    expect((await data(reloaded.socket.emitWithAck('sandbox:load', {}))).edits).toEqual([]);
    const again = member.socket;
    expect((await data(again.emitWithAck('sandbox:load', {}))).edits.map((e) => e.projectId)).toEqual([a!.id, b!.id]);
    expect(await seq()).toBe(seqBefore);
    expect(await board.db.meetingEvent.count()).toBe(eventsBefore);
    expect(heard.filter((event) => event.startsWith('sandbox') || event.startsWith('ceilings'))).toEqual([]);
    expect((await board.db.project.findUniqueOrThrow({ where: { id: a!.id } })).ceilingBaht).toBe(BigInt(a!.ceilingBaht));
  });

  it('survives a new connection of the same participant (a reload)', async () => {
    const { io } = await import('socket.io-client');
    const socket: ClientSocket = io(board.url, { auth: { meetingId: board.meetingId, token: member.sessionToken }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve) => socket.once('session:ready', () => resolve()));
    expect((await data(socket.emitWithAck('sandbox:load', {}))).edits).toHaveLength(2);
    socket.close();
  });

  it('fits the frame to the baht over the selected projects', async () => {
    const ids = snapshot.projects.map((p) => p.id);
    const { edits } = await data(member.socket.emitWithAck('sandbox:change', { operation: { kind: 'fit', projectIds: ids } }));
    const view = sandboxView(edits, await live());
    expect(view.totals.overall.ceilingBaht).toBe(snapshot.meeting.plan.frameBaht);
  });

  it('grants the sandbox to the chair, the presenter and members, and refuses the others, writing nothing', async () => {
    const project = snapshot.projects[5]!;
    const operation = { kind: 'set' as const, projectId: project.id, toBaht: project.ceilingBaht - 1 };
    for (const role of ['chair', 'presenter', 'member', 'secretary', 'observer'] as Role[]) {
      const { socket } = await board.connect(role, `ผู้ทดลอง ${role}`);
      const before = await stored();
      const answers = [
        await socket.emitWithAck('sandbox:load', {}),
        await socket.emitWithAck('sandbox:change', { operation }),
        await socket.emitWithAck('sandbox:clear', {}),
      ];
      const allowed = role === 'chair' || role === 'presenter' || role === 'member';
      for (const answer of answers) expect(answer, role).toMatchObject(allowed ? { data: expect.anything() } : { error: { code: 'forbidden', messageTh: expect.any(String) } });
      if (!allowed) expect(await stored(), role).toEqual(before);
    }
  });

  it('refuses bad changes with typed errors and writes nothing', async () => {
    const [a] = snapshot.projects;
    const resolved = snapshot.projects[7]!;
    await board.db.resolution.create({
      data: { meetingId: board.meetingId, projectId: resolved.id, outcome: 'approved_as_requested', status: 'confirmed', recordedById: chair.identity.participantId },
    });
    const before = await stored();
    const cases: [unknown, string][] = [
      [{ kind: 'set', projectId: resolved.id, toBaht: 1 }, 'project_resolved'],
      [{ kind: 'percent', projectIds: [a!.id, resolved.id], percent: -5 }, 'project_resolved'],
      [{ kind: 'set', projectId: a!.id, toBaht: -1 }, 'invalid_amount'],
      [{ kind: 'set', projectId: a!.id, toBaht: 1.5 }, 'invalid_amount'],
      [{ kind: 'set', projectId: a!.id, toBaht: a!.requestedBaht + 1 }, 'above_request'],
      [{ kind: 'percent', projectIds: [a!.id], percent: 150 }, 'invalid_percent'],
      [{ kind: 'percent', projectIds: [a!.id], percent: -100.5 }, 'invalid_percent'],
      [{ kind: 'bring', projectIds: ['no-such-project'], toBaht: 5 }, 'project_not_found'],
      [{ kind: 'fit', projectIds: [] }, 'selection_empty'],
      [{ kind: 'fit', projectIds: Array.from({ length: 2_001 }, (_, i) => `p${i}`) }, 'invalid_payload'],
      [{ kind: 'nonsense' }, 'invalid_payload'],
    ];
    for (const [operation, code] of cases) {
      const answer = await member.socket.emitWithAck('sandbox:change', { operation } as never);
      expect(answer, JSON.stringify(operation).slice(0, 80)).toMatchObject({ error: { code } });
    }
    expect(await stored()).toEqual(before);
  });

  it('marks a conflict when the live board moves under an edit, and drops an edit live has reached', async () => {
    await data(member.socket.emitWithAck('sandbox:clear', {}));
    const [a, b] = snapshot.projects;
    await data(member.socket.emitWithAck('sandbox:change', { operation: { kind: 'percent', projectIds: [a!.id, b!.id], percent: -20 } }));
    const { edits } = await data(member.socket.emitWithAck('sandbox:load', {}));
    const [first, second] = edits;
    const project = (id: string) => board.db.project.findUniqueOrThrow({ where: { id } });
    const p1 = await project(first!.projectId);
    const p2 = await project(second!.projectId);
    await data(chair.socket.emitWithAck('ceilings:set', { projectId: p1.id, toBaht: Number(p1.ceilingBaht) - 7, expectedVersion: p1.version, reason: '' }));
    await data(chair.socket.emitWithAck('ceilings:set', { projectId: p2.id, toBaht: second!.toBaht, expectedVersion: p2.version, reason: '' }));
    const rebased = await data(member.socket.emitWithAck('sandbox:load', {}));
    expect(rebased.edits.map((e) => e.projectId)).toContain(first!.projectId);
    expect(rebased.edits.map((e) => e.projectId)).not.toContain(second!.projectId);
    const view = sandboxView(rebased.edits, await live());
    expect(view.conflicts).toEqual([first!.projectId]);
    // Keeping mine makes the edit from the new live value; it is no longer a conflict.
    const kept = await data(member.socket.emitWithAck('sandbox:change', { operation: { kind: 'set', projectId: first!.projectId, toBaht: first!.toBaht } }));
    expect(sandboxView(kept.edits, await live()).conflicts).toEqual([]);
  });

  it('empties on clear, and is closed with the meeting', async () => {
    expect((await data(member.socket.emitWithAck('sandbox:clear', {}))).edits).toEqual([]);
    expect((await data(member.socket.emitWithAck('sandbox:load', {}))).edits).toEqual([]);
    await board.db.meeting.update({ where: { id: board.meetingId }, data: { status: 'closed' } });
    expect(await member.socket.emitWithAck('sandbox:load', {})).toMatchObject({ error: { code: 'meeting_closed' } });
  });
});
