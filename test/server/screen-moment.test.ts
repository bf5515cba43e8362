// A moment of the record on the room screen over real Socket.io clients: the presenter and the chair put one (or a
// ก่อน/หลัง of two) there and take it back through the focus event, which every screen and board hears; a seq past
// the record and a role without focus:move are refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../server/shared/board.ts';
import type { MeetingFocus } from '../../server/shared/events/presenter.ts';
import type { Role } from '../../server/shared/roles.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';

describe('a moment of the record on the room screen', () => {
  let board: TestBoard;
  let presenter: ClientSocket;
  let chair: ClientSocket;
  let screen: ClientSocket;

  beforeAll(async () => {
    board = await startTestBoard();
    presenter = (await board.connect('presenter')).socket;
    chair = (await board.connect('chair')).socket;
    screen = (await board.connect('observer', 'จอห้องประชุม')).socket;
  });
  afterAll(() => board.stop());

  async function sync(socket: ClientSocket): Promise<BoardSnapshot> {
    const result = await socket.emitWithAck('meeting:sync', {});
    if (!('data' in result)) throw new Error(result.error.code);
    return result.data;
  }

  async function changeACeiling(): Promise<number> {
    const project = (await sync(chair)).projects[0];
    const result = await chair.emitWithAck('ceilings:set', {
      projectId: project.id,
      toBaht: project.ceilingBaht - 100_000,
      expectedVersion: project.version,
      reason: 'ทดสอบช่วงเวลา',
    });
    if (!('data' in result)) throw new Error(result.error.code);
    return result.data.seq;
  }

  it('shows a moment and a ก่อน/หลัง on every screen and board, kept while the focus moves, until show-live', async () => {
    const first = await changeACeiling();
    const second = await changeACeiling();
    const heard = new Promise<{ seq: number; focus: MeetingFocus }>((resolve) => screen.once('focus:changed', resolve));
    const shown = await presenter.emitWithAck('screen:show-moment', { seq: first });
    expect(shown).toEqual({ data: { seq: second + 1 } });
    expect(await heard).toMatchObject({ seq: second + 1, focus: { moment: { seq: first } } });

    // The chair compares it with a later one; moving the focus keeps the moment on the screen.
    expect(await chair.emitWithAck('screen:show-moment', { seq: second, compareTo: 0 })).toEqual({ data: { seq: second + 2 } });
    await presenter.emitWithAck('focus:move', { view: { kind: 'overview' } });
    expect((await sync(screen)).focus.moment).toEqual({ seq: second, compareTo: 0 });

    const live = new Promise<{ seq: number; focus: MeetingFocus }>((resolve) => screen.once('focus:changed', resolve));
    expect(await presenter.emitWithAck('screen:show-live', {})).toEqual({ data: { seq: second + 4 } });
    expect((await live).focus.moment).toBeUndefined();
    const after = await sync(screen);
    expect(after.focus.moment).toBeUndefined();
    expect(after.focus.view).toEqual({ kind: 'overview' });
  });

  it('refuses a seq past the record, naming it, and writes nothing', async () => {
    const before = await sync(presenter);
    const ahead = await presenter.emitWithAck('screen:show-moment', { seq: before.seq + 1 });
    expect(ahead).toMatchObject({ error: { code: 'moment_not_recorded', messageTh: expect.stringContaining('seq'), messageEn: expect.any(String) } });
    const compared = await presenter.emitWithAck('screen:show-moment', { seq: 0, compareTo: before.seq + 5 });
    expect(compared).toMatchObject({ error: { code: 'moment_not_recorded', details: { field: 'compareTo' } } });
    for (const bad of [{ seq: -1 }, { seq: 1.5 }, { seq: 0, extra: 1 }, {}]) {
      expect(await presenter.emitWithAck('screen:show-moment', bad as never)).toMatchObject({ error: { code: 'invalid_payload' } });
    }
    const after = await sync(presenter);
    expect(after.seq).toBe(before.seq);
    expect(after.focus).toEqual(before.focus);
  });

  it('refuses every role without focus:move, and the screen stays as it was', async () => {
    expect(await presenter.emitWithAck('screen:show-moment', { seq: 0 })).toMatchObject({ data: {} });
    const before = await sync(presenter);
    for (const role of ['member', 'secretary', 'observer'] satisfies Role[]) {
      const { socket } = await board.connect(role);
      expect(await socket.emitWithAck('screen:show-moment', { seq: 0, compareTo: 0 })).toMatchObject({ error: { code: 'forbidden' } });
      expect(await socket.emitWithAck('screen:show-live', {})).toMatchObject({ error: { code: 'forbidden' } });
    }
    const after = await sync(presenter);
    expect(after.seq).toBe(before.seq);
    expect(after.focus.moment).toEqual({ seq: 0 });
  });
});
