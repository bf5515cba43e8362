// The command pipeline and the meeting's ordered delivery, through real Socket.io clients on a real Postgres: every
// client sees every sequenced event once, in order, without gaps, and ends equal to the database; a client that was
// away gets exactly what it missed from the event log; calls of the wrong shape get a typed reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBoardEvent } from '../../server/domain/board-events.ts';
import { projectsById } from '../../server/domain/ceilings.ts';
import type { Ack } from '../../server/shared/ack.ts';
import type { CatchUp } from '../../server/shared/events/sequenced.ts';
import type { Role } from '../../server/shared/roles.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';
import { comparable, data, record } from '../support/sequenced.ts';

describe('the command pipeline', () => {
  let board: TestBoard;

  beforeAll(async () => {
    board = await startTestBoard();
  });
  afterAll(async () => {
    await board.stop();
  });

  const connect = async (role: Role, name?: string) => (await board.connect(role, name, { reconnection: true })).socket;
  const sync = async (socket: ClientSocket) => data(await socket.emitWithAck('meeting:sync', {}));
  const meetingSeq = async () => (await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq;

  it('delivers a mixed burst to every client in seq order without gaps, equal to the database and to the log', async () => {
    const chair = await connect('chair', 'ประธาน');
    const presenter = await connect('presenter', 'ผู้นำเสนอ');
    const secretary = await connect('secretary', 'เลขานุการ');
    const members = [await connect('member', 'กรรมการ ๑'), await connect('member', 'กรรมการ ๒')];
    const listeners = [chair, presenter, secretary, ...members, await connect('observer', 'ผู้สังเกตการณ์ ๑'), await connect('observer', 'ผู้สังเกตการณ์ ๒')];
    const heard = listeners.map(record);
    const start = await sync(chair);
    const { projects, agenda } = start;

    await Promise.all([
      // The presenter moves ten ceilings at once; each is made against the version it was shown.
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
      ...projects.slice(26, 30).map((p) =>
        secretary.emitWithAck('resolution:record', { projectId: p.id, outcome: 'approved_as_requested' }).then(data),
      ),
    ]);
    const end = await meetingSeq();
    expect(end).toBe(start.seq + 10 + 4 + 6 + 6 + 4);
    await expect.poll(() => heard.map((events) => events.at(-1)?.payload.seq)).toEqual(heard.map(() => end));

    const logged = await board.db.meetingEvent.findMany({ where: { meetingId: board.meetingId, seq: { gt: start.seq } }, orderBy: { seq: 'asc' } });
    const now = comparable(await sync(chair));
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

  it('gives a client that was away exactly the events it missed, from the log', async () => {
    const presenter = await connect('presenter', 'ผู้นำเสนอ');
    const away = await connect('member', 'กรรมการ ที่หลุด');
    const stayed = record(await connect('observer', 'ผู้สังเกตการณ์ ที่อยู่'));
    const { seq: lastSeen, projects } = await sync(away);

    away.disconnect();
    const target = projects[40];
    data(await presenter.emitWithAck('ceilings:set', { projectId: target.id, toBaht: target.requestedBaht - 1, expectedVersion: target.version, reason: '' }));
    data(await presenter.emitWithAck('focus:move', { view: { kind: 'project', projectId: target.id } }));
    data(await presenter.emitWithAck('ceilings:undo', {}));
    await expect.poll(() => stayed.length).toBe(3);

    const missedLive = record(away);
    away.connect();
    await new Promise<void>((resolve) => away.once('session:ready', () => resolve()));
    const caughtUp = data<CatchUp>(await away.emitWithAck('meeting:catchup', { afterSeq: lastSeen }));
    expect(caughtUp).toEqual({ events: stayed });
    expect(missedLive).toEqual([]);

    expect(data(await away.emitWithAck('meeting:catchup', { afterSeq: lastSeen + 3 }))).toEqual({ events: [] });
    // A seq the meeting never reached (another database, a stale tab): only the whole board can be trusted.
    const ahead = data(await away.emitWithAck('meeting:catchup', { afterSeq: lastSeen + 1_000 }));
    expect(ahead).toMatchObject({ snapshot: { seq: lastSeen + 3 } });
  });

  it('answers unknown events and calls of the wrong shape with a typed refusal, and changes nothing', async () => {
    const presenter = await connect('presenter');
    const before = await meetingSeq();
    const { projects } = await sync(presenter);
    const history = () => presenter.emitWithAck('ceilings:history', { projectId: projects[0].id });
    const historyBefore = await history();
    const loose = presenter as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<Ack<unknown>> };

    expect(await loose.emitWithAck('ceilings:explode', {})).toMatchObject({ error: { code: 'invalid_payload', messageTh: expect.any(String) } });
    const set = { projectId: projects[0].id, toBaht: 1, expectedVersion: projects[0].version, reason: '' };
    expect(await loose.emitWithAck('ceilings:set', set, 'extra')).toMatchObject({ error: { code: 'invalid_payload' } });
    expect(await loose.emitWithAck('meeting:sync', {}, {})).toMatchObject({ error: { code: 'invalid_payload' } });
    expect(await loose.emitWithAck('meeting:catchup', { afterSeq: -1 })).toMatchObject({ error: { code: 'invalid_payload' } });
    // Without an acknowledgement there is nobody to tell: the call is not run at all.
    (presenter.emit as (event: string, payload: unknown) => void)('ceilings:set', set);
    expect(await history()).toEqual(historyBefore);
    expect(await meetingSeq()).toBe(before);
  });

  it('reads authority in the command: a reclaimed presenter on an open socket is refused, and nothing is written', async () => {
    const chair = await connect('chair', 'ประธาน');
    const { socket: agency, identity } = await board.connect('member', 'ผู้แทนหน่วยงาน ข');
    const { projects } = await sync(chair);
    data(await chair.emitWithAck('presenter:assign', { participantId: identity.participantId }));
    const target = projects[50];
    const set = { projectId: target.id, toBaht: target.requestedBaht - 10, expectedVersion: target.version, reason: '' };
    expect(await agency.emitWithAck('ceilings:set', set)).toHaveProperty('data');

    data(await chair.emitWithAck('presenter:reclaim', {}));
    const before = await meetingSeq();
    expect(await agency.emitWithAck('ceilings:set', { ...set, expectedVersion: target.version + 1, toBaht: 1 })).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(await meetingSeq()).toBe(before);
    expect((await board.db.project.findUniqueOrThrow({ where: { id: target.id } })).ceilingBaht).toBe(BigInt(target.requestedBaht - 10));
  });
});
