// A meeting's lifecycle through the pipeline, on real sockets and a real Postgres: nothing is decided before it opens,
// opening and closing record their moments and every board hears them, and a closed board keeps only the record
// keeping. Both of the pipeline's paths (the short path of a ceiling set, the transaction) are held to the phase.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../server/shared/ack.ts';
import type { MeetingPhaseChanged } from '../../server/shared/events/lifecycle.ts';
import { participantActor } from '../../server/shared/actor.ts';
import type { Identity } from '../../server/auth/identity.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';

function refusal<T>(reply: Ack<T>): string {
  return 'error' in reply ? reply.error.code : 'accepted';
}
/** What a command run over HTTP (the set-up page, the API) answers, in the same words. */
async function outcome<T>(run: Promise<T>): Promise<Ack<T>> {
  try {
    return { data: await run };
  } catch (error) {
    return { error: { code: (error as { code: string }).code } } as Ack<T>;
  }
}
function data<T>(reply: Ack<T>): T {
  if ('error' in reply) throw new Error(`refused: ${reply.error.code}`);
  return reply.data;
}

describe('the meeting lifecycle', () => {
  let board: TestBoard;
  let chair: Identity;
  let presenter: ClientSocket;
  let secretary: { socket: ClientSocket; identity: Identity };
  let memberIdentity: Identity;
  let member: ClientSocket;
  let memberId: string;

  beforeAll(async () => {
    board = await startTestBoard();
    await board.db.meeting.update({ where: { id: board.meetingId }, data: { status: 'scheduled', openedAt: null } });
    chair = (await board.connect('chair', 'ประธาน')).identity;
    presenter = (await board.connect('presenter', 'ผู้นำเสนอ')).socket;
    secretary = await board.connect('secretary', 'เลขานุการ');
    const joined = await board.connect('member', 'กรรมการ');
    member = joined.socket;
    memberId = joined.identity.participantId;
    memberIdentity = joined.identity;
  });
  afterAll(async () => {
    await board.stop();
  });

  const firstProject = async () => (await board.db.project.findFirstOrThrow({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, orderBy: { position: 'asc' } }));
  const step = (who: Identity, which: 'meeting:open' | 'meeting:close') => outcome(board.runCommand(which, participantActor(who), {}));
  const setCeiling = async () => {
    const project = await firstProject();
    return presenter.emitWithAck('ceilings:set', { projectId: project.id, toBaht: Number(project.ceilingBaht) - 1_000_000, expectedVersion: project.version });
  };

  it('decides nothing while scheduled, on either path, and changes nothing', async () => {
    const before = await firstProject();
    expect(refusal(await setCeiling())).toBe('meeting_not_open');
    expect(refusal(await member.emitWithAck('ceilings:propose', { projectId: before.id, proposedBaht: 1_000_000, baseVersion: before.version }))).toBe('meeting_not_open');
    expect(refusal(await step(secretary.identity, 'meeting:close'))).toBe('meeting_not_open');
    expect(await firstProject()).toEqual(before);
    // Preparing is allowed: moving what the screen shows.
    expect(refusal(await presenter.emitWithAck('focus:move', { view: { kind: 'overview' } }))).toBe('accepted');
  });

  it('opens at the chair’s word, records the real opening time, and every board hears it', async () => {
    const heard = new Promise<MeetingPhaseChanged>((resolve) => member.once('meeting:phase-changed', resolve));
    expect(refusal(await step(memberIdentity, 'meeting:open'))).toBe('forbidden');
    const before = Date.now();
    const opened = data(await step(chair, 'meeting:open'));
    expect(opened).toMatchObject({ status: 'in_session', closedAt: null, changedBy: 'ประธาน' });
    expect(Date.parse(opened.openedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect(await heard).toEqual(opened);
    const stored = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } });
    expect(stored.status).toBe('in_session');
    expect(stored.openedAt?.toISOString()).toBe(opened.openedAt);
    expect(refusal(await step(secretary.identity, 'meeting:open'))).toBe('meeting_already_open');
    expect(data(await member.emitWithAck('meeting:sync', {})).meeting).toMatchObject({ status: 'in_session', openedAt: opened.openedAt });
  });

  it('decides while in session', async () => {
    expect(refusal(await setCeiling())).toBe('accepted');
  });

  it('once closed, the board is read-only but for attendance and the minutes', async () => {
    const closed = data(await step(secretary.identity, 'meeting:close'));
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const before = await firstProject();
    expect(refusal(await setCeiling())).toBe('meeting_closed');
    expect(refusal(await presenter.emitWithAck('ceilings:undo', {}))).toBe('meeting_closed');
    expect(refusal(await presenter.emitWithAck('focus:move', { view: { kind: 'overview' } }))).toBe('meeting_closed');
    expect(refusal(await step(chair, 'meeting:open'))).toBe('meeting_closed');
    expect(await firstProject()).toEqual(before);
    expect(refusal(await secretary.socket.emitWithAck('attendance:record', { participantId: memberId, attendance: 'present' }))).toBe('accepted');
    expect(data(await member.emitWithAck('meeting:sync', {})).meeting).toMatchObject({ status: 'closed', closedAt: closed.closedAt });
  });
});
