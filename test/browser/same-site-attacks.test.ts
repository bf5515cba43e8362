// The three attacks of a page on another port of the same host, run in Chromium with the chair's cookie in the
// browser: replace the project list, set a ceiling to 1 baht, read the chair's private notes. Each is refused at the
// door. The same script run from the board's own page succeeds at the last two, which shows the script is a real
// attack and that the origin alone is what stops it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import NodeWebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { addNote } from '../../web/lib/annotations/document.ts';
import { describeInBrowser } from '../support/browser.ts';
import { useRoom } from '../support/room.ts';

interface AttackTarget {
  board: string;
  meetingId: string;
  projectId: string;
  version: number;
  privateDoc: string;
}
interface AttackResults {
  importStatus: string;
  socket: string;
  yjs: string;
}

/** Runs in the page: the attacks as a hostile page would write them, with nothing but the browser's own APIs. */
async function attack(target: AttackTarget): Promise<AttackResults> {
  const wsBase = target.board.replace('http', 'ws');
  const csv = 'รหัสโครงการ,หน่วยงาน,ชื่อโครงการ,แนวทาง,ลักษณะการบูรณาการ,วงเงินที่ขอ (บาท)\nEVIL1,กรมปลอม,โครงการปลอม,1.1,งบประมาณ,1\n';
  let importStatus: string;
  try {
    // text/plain needs no preflight, so the browser sends it with the cookie; the response is opaque either way.
    await fetch(`${target.board}/meetings/${target.meetingId}/import/commit?name=evil.csv`, {
      method: 'POST',
      mode: 'no-cors',
      credentials: 'include',
      headers: { 'content-type': 'text/plain' },
      body: csv,
    });
    importStatus = 'sent';
  } catch (error) {
    importStatus = `failed: ${error}`;
  }
  const socket = await new Promise<string>((resolve) => {
    // Socket.io's own wire format, spoken by hand: open, connect with the meeting, then one acknowledged command.
    const ws = new WebSocket(`${wsBase}/socket.io/?EIO=4&transport=websocket`);
    const timer = setTimeout(() => resolve('timeout'), 8000);
    ws.onmessage = ({ data }) => {
      const text = String(data);
      if (text.startsWith('0{')) ws.send(`40${JSON.stringify({ meetingId: target.meetingId })}`);
      else if (text.startsWith('40{')) {
        ws.send(`421${JSON.stringify(['ceilings:set', { projectId: target.projectId, toBaht: 1, expectedVersion: target.version, reason: '' }])}`);
      } else if (text.startsWith('431')) {
        clearTimeout(timer);
        resolve(`acknowledged ${text.slice(3, 60)}`);
      } else if (text === '2') ws.send('3');
    };
    ws.onerror = () => {
      clearTimeout(timer);
      resolve('refused');
    };
  });
  const yjs = await new Promise<string>((resolve) => {
    const ws = new WebSocket(`${wsBase}/yjs/${target.privateDoc}`);
    ws.binaryType = 'arraybuffer';
    let bytes = 0;
    ws.onmessage = ({ data }) => (bytes += (data as ArrayBuffer).byteLength);
    ws.onopen = () => setTimeout(() => resolve(`read ${bytes} bytes`), 1000);
    ws.onerror = () => resolve('refused');
  });
  return { importStatus, socket, yjs };
}

describeInBrowser('a page on another port of 127.0.0.1 attacking the board', () => {
  const room = useRoom();
  let attacker: Server | undefined;
  afterAll(() => new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve())));

  it('cannot replace the project list, set a ceiling or read private notes with the chair\'s cookie', async () => {
    const { board } = room;
    const chairPage = await room.joinAs('chair', 'ประธาน');
    const chair = await board.db.participant.findFirstOrThrow({ where: { meetingId: board.meetingId, displayName: 'ประธาน' } });
    const project = await board.db.project.findFirstOrThrow({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, orderBy: { position: 'asc' } });
    const privateDoc = `meeting/${board.meetingId}/private/${chair.id}`;

    // The chair's private note, written through the endpoint as the chair's own client would.
    const doc = new Y.Doc();
    const cookie = (await chairPage.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const provider = new WebsocketProvider(`${board.url.replace('http', 'ws')}/yjs`, privateDoc, doc, {
      WebSocketPolyfill: class extends NodeWebSocket {
        constructor(url: string) {
          super(url, { headers: { cookie } });
        }
      } as never,
      disableBc: true,
    });
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    addNote(doc, { target: 'project', targetId: project.id, author: { id: chair.id, name: 'ประธาน' }, text: 'ความเห็นส่วนตัวของประธาน' });
    await expect.poll(async () => (await board.documents.load(privateDoc)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    provider.destroy();

    attacker = createServer((_req, res) => res.end('<!doctype html><title>ไม่ใช่กระดานประชุม</title>'));
    await new Promise<void>((resolve) => attacker!.listen(0, '127.0.0.1', resolve));
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    const target: AttackTarget = { board: board.url, meetingId: board.meetingId, projectId: project.id, version: project.version, privateDoc };
    const projectsBefore = await board.db.project.findMany({ select: { code: true }, orderBy: { code: 'asc' } });

    const hostile = await chairPage.context().newPage();
    await hostile.goto(attackerUrl);
    const results = await hostile.evaluate(attack, target);
    expect(results.socket).toBe('refused');
    expect(results.yjs).toBe('refused');
    expect(await board.db.project.findMany({ select: { code: true }, orderBy: { code: 'asc' } })).toEqual(projectsBefore);
    expect((await board.db.project.findUniqueOrThrow({ where: { id: project.id } })).ceilingBaht).toBe(project.ceilingBaht);

    // The control: from the board's own page the same script gets through the door (the import still is not
    // accepted as text/plain, whatever the page).
    const own = await chairPage.evaluate(attack, target);
    expect(own.socket).toMatch(/^acknowledged/);
    expect(own.yjs).toMatch(/^read [1-9]\d* bytes$/);
    expect(await board.db.project.findMany({ select: { code: true }, orderBy: { code: 'asc' } })).toEqual(projectsBefore);
  }, 90_000);
});
