// Decisions flow into the minutes: two instances on one database and one redis-server, secretaries' y-websocket clients
// on both, the chair confirming on one. A new document opened on both at once has one skeleton with every decision
// confirmed so far; each later confirmation lands once under its item on both, also after a reopen; the secretary's own
// text stays; the exported PDF carries the decisions of a document nobody has open.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ClientSocket, TestBoard } from '../support/board.ts';
import { startTestCluster, type TestCluster } from '../support/cluster.ts';
import { describeWithRedis } from '../support/processes.ts';
import { openDoc } from '../support/meeting-clients.ts';
import { data } from '../support/sequenced.ts';
import { MINUTES_FRAGMENT, SECTION_NODE } from '../../server/yjs/minutes-template.ts';
import type { BoardSnapshot } from '../../server/shared/board.ts';
import type { RecordResolutionPayload } from '../../server/shared/events/resolution.ts';
import type { z } from 'zod';

/** Each block's text in order; a table row's cells joined by ' | '. */
function lines(doc: Y.Doc): string[] {
  const out: string[] = [];
  const text = (node: Y.XmlElement): string =>
    node
      .toArray()
      .map((child) => (child instanceof Y.XmlText ? child.toDelta().map((d: { insert: string }) => d.insert).join('') : child instanceof Y.XmlElement ? text(child) : ''))
      .join('');
  const walk = (node: Y.XmlElement) => {
    if (node.nodeName === 'tableRow') out.push(node.toArray().map((cell) => text(cell as Y.XmlElement)).join(' | '));
    else if (node.nodeName === 'paragraph' || node.nodeName === 'heading') out.push(text(node));
    else for (const child of node.toArray()) if (child instanceof Y.XmlElement) walk(child);
  };
  for (const child of doc.getXmlFragment(MINUTES_FRAGMENT).toArray()) walk(child as Y.XmlElement);
  return out;
}

const sectionKeys = (doc: Y.Doc) =>
  doc
    .getXmlFragment(MINUTES_FRAGMENT)
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement && node.nodeName === SECTION_NODE ? [node.getAttribute('key') as string] : []));

describeWithRedis('decisions in the minutes, on two instances', () => {
  let cluster: TestCluster;
  let a: TestBoard;
  let b: TestBoard;
  let secretary: ClientSocket;
  let chair: ClientSocket;
  let board: BoardSnapshot;

  beforeAll(async () => {
    cluster = await startTestCluster(2);
    [a, b] = cluster.boards as [TestBoard, TestBoard];
    secretary = (await a.connect('secretary', 'เลขานุการ')).socket;
    chair = (await b.connect('chair', 'ประธาน')).socket;
    board = data(await chair.emitWithAck('meeting:sync', {})) as BoardSnapshot;
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  const decide = async (payload: z.input<typeof RecordResolutionPayload>) => {
    const draft = data(await secretary.emitWithAck('resolution:record', payload));
    return data(await chair.emitWithAck('resolution:confirm', { resolutionId: draft.id }));
  };

  it('write every decision once under its item, on both, from a new document opened on both at once', async () => {
    const [item1, , , consideration, other] = board.agenda;
    const [first, second] = board.projects;
    await decide({ agendaItemId: item1!.id, outcome: 'noted', textTh: '' });
    await decide({ projectId: first!.id, outcome: 'approved_adjusted', ceilingBaht: first!.requestedBaht - 1_000_000, textTh: 'ให้ใช้คลาวด์กลางภาครัฐ' });

    const docName = `meeting/${a.meetingId}/minutes`;
    const [onA, onB] = await Promise.all([a.join('secretary', 'ผู้จด ก'), b.join('secretary', 'ผู้จด ข')]);
    const clients = [openDoc(a.url, onA.sessionToken, docName), openDoc(b.url, onB.sessionToken, docName)];
    await Promise.all(clients.map((client) => client.synced));
    for (const { doc } of clients) {
      expect(sectionKeys(doc)).toEqual(['attendance', 'opened', ...board.agenda.map((item) => `decision:${item.id}`), 'closed', 'signatories']);
      expect(lines(doc).filter((line) => line === 'มติที่ประชุม ที่ประชุมรับทราบ')).toHaveLength(1);
      expect(lines(doc).filter((line) => line.startsWith(`${first!.code} `))).toHaveLength(1);
    }
    // One skeleton stored: the heading is there once.
    expect(lines(clients[0]!.doc).filter((line) => line.startsWith('รายงานการประชุม'))).toHaveLength(1);

    // The secretary on A writes the discussion of the consideration item, in the paragraph under its heading.
    const fragment = clients[0]!.doc.getXmlFragment(MINUTES_FRAGMENT);
    const at = fragment.toArray().findIndex((node) => node instanceof Y.XmlElement && node.getAttribute('key') === `decision:${consideration!.id}`);
    ((fragment.get(at - 1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'ฝ่ายเลขานุการนำเสนอรายการโครงการ');

    // Both instances have the document open, so both follow the next decisions: each still lands once.
    await decide({ agendaItemId: other!.id, outcome: 'approved_as_requested', textTh: 'ให้ฝ่ายเลขานุการแจ้งหน่วยงาน' });
    await decide({ projectId: second!.id, outcome: 'not_approved', textTh: '' });
    const expected = 'มติที่ประชุม ที่ประชุมพิจารณาแล้วมีมติเห็นชอบตามที่เสนอ ให้ฝ่ายเลขานุการแจ้งหน่วยงาน';
    for (const { doc } of clients) {
      await expect.poll(() => lines(doc).filter((line) => line.startsWith(`${second!.code} `)), { timeout: 10_000 }).toHaveLength(1);
      await expect.poll(() => lines(doc).filter((line) => line === expected), { timeout: 10_000 }).toHaveLength(1);
      expect(lines(doc)).toContain('ฝ่ายเลขานุการนำเสนอรายการโครงการ');
      expect(lines(doc).filter((line) => line.startsWith('รวม 2 โครงการ'))).toHaveLength(1);
    }

    // Reopened and confirmed again with another ceiling: the same row, the new figure, once, on both.
    const standing = await a.db.resolution.findFirstOrThrow({ where: { projectId: first!.id, status: 'confirmed' } });
    data(await chair.emitWithAck('resolution:reopen', { resolutionId: standing.id, reason: 'ทบทวนวงเงิน' }));
    await decide({ projectId: first!.id, outcome: 'approved_adjusted', ceilingBaht: first!.requestedBaht - 2_000_000, textTh: 'ให้ใช้คลาวด์กลางภาครัฐ' });
    const newCeiling = (first!.requestedBaht - 2_000_000) / 1_000_000;
    for (const { doc } of clients) {
      await expect
        .poll(() => lines(doc).filter((line) => line.startsWith(`${first!.code} `)), { timeout: 10_000 })
        .toEqual([expect.stringContaining(`| ${newCeiling.toLocaleString('en-US', { minimumFractionDigits: 4 })} |`)]);
    }
    await expect.poll(() => lines(clients[1]!.doc), { timeout: 10_000 }).toEqual(lines(clients[0]!.doc));
    const stored = new Y.Doc();
    for (const update of await a.documents.load(docName)) Y.applyUpdate(stored, update);
    expect(lines(stored)).toEqual(lines(clients[0]!.doc));
    for (const client of clients) client.provider.destroy();
  });

  it('print the decisions of a document nobody has open, confirmed since it was last written', async () => {
    const docName = `meeting/${a.meetingId}/minutes`;
    // Nobody's connection is open now; let both instances unload it.
    await expect.poll(() => a.db.yDocument.count({ where: { name: docName } })).toBe(1);
    const projects = board.projects.slice(2, 4);
    for (const project of projects) await decide({ projectId: project.id, outcome: 'approved_as_requested', textTh: '' });

    const { cookie } = await b.connect('secretary', 'ผู้พิมพ์');
    const response = await fetch(`${b.url}/meetings/${b.meetingId}/export/minutes.pdf`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), 'cb-minutes-'));
    try {
      const file = path.join(dir, 'minutes.pdf');
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
      for (const project of projects) expect(stdout).toContain(project.code);
      expect(stdout).toContain('รวม 4 โครงการ');
      // The title once: the document's own heading, no second one printed above it.
      expect(stdout.split('\n').filter((line) => line.trim().startsWith('รายงานการประชุม'))).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
