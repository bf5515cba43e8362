// Resolutions over real Socket.io, the agreed frame recorded and verified against a real Postgres (with its
// immutability trigger), and the exports read back with exceljs, a CSV parser and pdftotext.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Identity } from '../../server/auth/identity.ts';
import { bahtFromDb } from '../../server/db/client.ts';
import { formatMillionBaht } from '../../server/domain/money.ts';
import { ROUNDING_NOTE, plainMillionBaht } from '../../server/export/frame-documents.ts';
import { readCsv } from '../../server/import/read-table.ts';
import type { ResolutionChanged } from '../../server/shared/events/resolution.ts';
import { isBoardError } from '../../server/shared/errors.ts';
import { sessionCookieName } from '../../server/shared/session-cookie.ts';
import { startTestBoard, type ClientSocket, type TestBoard } from '../support/board.ts';
import { handshakeStatus } from '../support/yjs.ts';
import { resolveRemainingWithinFrame } from '../support/resolutions.ts';
import { participantActor } from '../../server/shared/actor.ts';

describe('resolutions and the agreed frame', () => {
  let board: TestBoard;
  const people = {} as Record<'secretary' | 'chair' | 'member', { identity: Identity; cookie: string; socket: ClientSocket }>;
  let projects: { id: string; code: string; requestedBaht: bigint; ceilingBaht: bigint }[];

  beforeAll(async () => {
    board = await startTestBoard();
    for (const role of ['secretary', 'chair', 'member'] as const) {
      people[role] = await board.connect(role, `ทดสอบ ${role}`);
    }
    projects = await board.db.project.findMany({ where: { plan: { meetings: { some: { id: board.meetingId } } } }, orderBy: { position: 'asc' } });
  });
  afterAll(async () => {
    await board.stop();
  });

  const frameRecordCount = () => board.db.frameRecord.count();
  /** The frame page's actions, through the same command pipeline. */
  const prepare = (who: { identity: Identity }) => board.runCommand('frame:prepare', participantActor(who.identity), {});
  const confirm = (who: { identity: Identity }, draftHash: string) => board.runCommand('frame:confirm', participantActor(who.identity), { draftHash });
  async function refusal(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isBoardError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
    return error.code;
  }
  const get = (url: string, role: keyof typeof people = 'chair') => fetch(`${board.url}${url}`, { headers: { cookie: people[role].cookie } });

  it('records a draft (secretary), confirms it (chair): the ceiling is fixed with its audit row and everyone hears it', async () => {
    const [a] = projects;
    const adjusted = Number(a.requestedBaht) - 1_234_500;
    const heard = new Promise<ResolutionChanged>((resolve) => people.member.socket.once('resolution:changed', resolve));
    const refused = await people.member.socket.emitWithAck('resolution:record', { projectId: a.id, outcome: 'approved_as_requested' });
    expect(refused).toMatchObject({ error: { code: 'forbidden' } });

    const recorded = await people.secretary.socket.emitWithAck('resolution:record', {
      projectId: a.id,
      outcome: 'approved_adjusted',
      ceilingBaht: adjusted,
      textTh: 'ปรับลดตามความเห็นกรรมการ',
    });
    if (!('data' in recorded)) throw new Error(JSON.stringify(recorded));
    expect(recorded.data).toMatchObject({ status: 'draft', ceilingBaht: adjusted });
    expect((await heard).resolution.id).toBe(recorded.data.id);

    expect(await people.secretary.socket.emitWithAck('resolution:confirm', { resolutionId: recorded.data.id })).toMatchObject({ error: { code: 'forbidden' } });
    const before = await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } });
    const confirmedEvent = new Promise<ResolutionChanged>((resolve) => people.member.socket.once('resolution:changed', resolve));
    const confirmed = await people.chair.socket.emitWithAck('resolution:confirm', { resolutionId: recorded.data.id });
    expect(confirmed).toMatchObject({ data: { status: 'confirmed', confirmedByName: 'ทดสอบ chair' } });
    const event = await confirmedEvent;
    expect(event.seq).toBe(before.seq + 1);
    expect(event.project).toEqual({ id: a.id, ceilingBaht: adjusted, version: 2 });

    const project = await board.db.project.findUniqueOrThrow({ where: { id: a.id } });
    expect([bahtFromDb(project.ceilingBaht), project.version]).toEqual([adjusted, 2]);
    const audit = await board.db.ceilingChange.findMany({ where: { projectId: a.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: 'set', fromBaht: a.requestedBaht, toBaht: BigInt(adjusted), versionAfter: 2, seq: event.seq });

    expect(await people.secretary.socket.emitWithAck('resolution:record', { projectId: a.id, outcome: 'not_approved' })).toMatchObject({
      error: { code: 'resolution_already_confirmed' },
    });
  });

  it('refuses bad resolutions with typed errors', async () => {
    const [, b] = projects;
    const send = (payload: object) => people.secretary.socket.emitWithAck('resolution:record', payload as never);
    expect(await send({ projectId: 'nope', outcome: 'deferred' })).toMatchObject({ error: { code: 'resolution_target_not_found' } });
    expect(await send({ projectId: b.id, outcome: 'noted' })).toMatchObject({ error: { code: 'resolution_outcome_invalid' } });
    expect(await send({ projectId: b.id, outcome: 'approved_adjusted' })).toMatchObject({ error: { code: 'resolution_ceiling_invalid' } });
    expect(await send({ projectId: b.id, outcome: 'approved_adjusted', ceilingBaht: Number(b.requestedBaht) + 1 })).toMatchObject({
      error: { code: 'resolution_ceiling_invalid' },
    });
    expect(await send({ projectId: b.id, outcome: 'deferred', ceilingBaht: 1.5 })).toMatchObject({ error: { code: 'invalid_payload' } });
    expect(await people.chair.socket.emitWithAck('resolution:reopen', { resolutionId: 'nope', reason: 'x' })).toMatchObject({
      error: { code: 'resolution_not_found' },
    });
  });

  it('records and confirms a resolution on an agenda item, which touches no ceiling', async () => {
    const item = await board.db.agendaItem.findFirstOrThrow({ where: { meetingId: board.meetingId }, orderBy: { position: 'asc' } });
    const changesBefore = await board.db.ceilingChange.count();
    expect(await people.secretary.socket.emitWithAck('resolution:record', { agendaItemId: item.id, outcome: 'noted', ceilingBaht: 5 })).toMatchObject({
      error: { code: 'resolution_ceiling_invalid' },
    });
    const recorded = await people.secretary.socket.emitWithAck('resolution:record', { agendaItemId: item.id, outcome: 'noted', textTh: 'ที่ประชุมรับทราบ' });
    if (!('data' in recorded)) throw new Error(JSON.stringify(recorded));
    const heard = new Promise<ResolutionChanged>((resolve) => people.member.socket.once('resolution:changed', resolve));
    expect(await people.chair.socket.emitWithAck('resolution:confirm', { resolutionId: recorded.data.id })).toMatchObject({
      data: { status: 'confirmed', agendaItemId: item.id, ceilingBaht: null },
    });
    expect((await heard).project).toBeUndefined();
    expect(await board.db.ceilingChange.count()).toBe(changesBefore);
  });

  it('reopens (chair, with a reason): audited as a reopen at the current ceiling', async () => {
    const [a] = projects;
    const standing = await board.db.resolution.findFirstOrThrow({ where: { projectId: a.id, status: 'confirmed' } });
    expect(await people.chair.socket.emitWithAck('resolution:reopen', { resolutionId: standing.id, reason: ' ' })).toMatchObject({
      error: { code: 'invalid_payload' },
    });
    const reopened = await people.chair.socket.emitWithAck('resolution:reopen', { resolutionId: standing.id, reason: 'หน่วยงานขอชี้แจงเพิ่มเติม' });
    expect(reopened).toMatchObject({ data: { status: 'reopened' } });
    const project = await board.db.project.findUniqueOrThrow({ where: { id: a.id } });
    const reopen = await board.db.ceilingChange.findFirstOrThrow({ where: { projectId: a.id, kind: 'reopen' } });
    expect(reopen).toMatchObject({ fromBaht: project.ceilingBaht, toBaht: project.ceilingBaht, reason: 'หน่วยงานขอชี้แจงเพิ่มเติม' });
    expect(reopen.seq).toBe((await board.db.meeting.findUniqueOrThrow({ where: { id: board.meetingId } })).seq);
  });

  it('refuses to record the frame, writing nothing, while resolutions are missing, proposals pend or the total exceeds the frame', async () => {
    expect(await refusal(prepare(people.chair))).toBe('forbidden');
    expect(await refusal(prepare(people.secretary))).toBe('frame_resolutions_missing');
    expect(await refusal(confirm(people.chair, 'f'.repeat(64)))).toBe('frame_not_prepared');
    await resolveRemainingWithinFrame(board.db, board.meetingId, {
      recorderId: people.secretary.identity.participantId,
      confirmerId: people.chair.identity.participantId,
    });

    const proposal = await board.db.proposal.create({
      data: { meetingId: board.meetingId, projectId: projects[3].id, proposerId: people.member.identity.participantId, proposedBaht: 1n, baseVersion: 1 },
    });
    expect(await refusal(prepare(people.secretary))).toBe('frame_proposals_pending');
    await board.db.proposal.update({ where: { id: proposal.id }, data: { status: 'rejected' } });

    const plan = await board.db.plan.findFirstOrThrow({ where: { meetings: { some: { id: board.meetingId } } } });
    await board.db.plan.update({ where: { id: plan.id }, data: { frameBaht: 1_000_000n } });
    expect(await refusal(prepare(people.secretary))).toBe('frame_over_frame');
    await board.db.plan.update({ where: { id: plan.id }, data: { frameBaht: plan.frameBaht } });
    expect(await frameRecordCount()).toBe(0);
  });

  it('records what the secretary prepared, only that, and refuses a draft the board has moved away from', async () => {
    const { draft } = await prepare(people.secretary);
    // Kept in Postgres, so a restart, or a chair on another instance, finds it.
    expect(await board.frames.preparation(board.meetingId)).toMatchObject({ draftHash: draft.draftHash, preparedByName: 'ทดสอบ secretary' });
    expect(await refusal(confirm(people.secretary, draft.draftHash))).toBe('forbidden');
    expect(await refusal(confirm(people.chair, 'f'.repeat(64)))).toBe('frame_draft_changed');

    // The board moves under the prepared draft: a ceiling changes.
    await board.db.project.update({ where: { id: projects[5].id }, data: { ceilingBaht: { decrement: 100n } } });
    expect(await refusal(confirm(people.chair, draft.draftHash))).toBe('frame_draft_changed');
    await board.db.project.update({ where: { id: projects[5].id }, data: { ceilingBaht: { increment: 100n } } });
    expect(await frameRecordCount()).toBe(0);

    const record = await confirm(people.chair, draft.draftHash);
    expect(record).toMatchObject({ version: 1, prevHash: null, body: { preparedBy: 'ทดสอบ secretary', confirmedBy: 'ทดสอบ chair' } });
    expect(record.body?.content.participants.map((p) => p.role)).toEqual(expect.arrayContaining(['chair', 'secretary', 'member']));
    expect(record.body?.content.agendaResolutions).toEqual([{ agendaNumber: '1', outcome: 'noted', textTh: 'ที่ประชุมรับทราบ' }]);
    expect(await refusal(confirm(people.chair, draft.draftHash))).toBe('frame_not_prepared');
  });

  it('amends by recording a new version chained to the first; the chain verifies', async () => {
    const [a] = projects;
    const reopened = await board.db.resolution.findFirstOrThrow({ where: { projectId: a.id, status: 'confirmed' } });
    await people.chair.socket.emitWithAck('resolution:reopen', { resolutionId: reopened.id, reason: 'แก้ไขวงเงิน' });
    const recorded = await people.secretary.socket.emitWithAck('resolution:record', { projectId: a.id, outcome: 'not_approved' });
    if (!('data' in recorded)) throw new Error(JSON.stringify(recorded));
    await people.chair.socket.emitWithAck('resolution:confirm', { resolutionId: recorded.data.id });

    const { draft } = await prepare(people.secretary);
    const second = await confirm(people.chair, draft.draftHash);
    const [first] = await board.frames.records(board.meetingId);
    expect(second).toMatchObject({ version: 2, prevHash: first.hash });
    expect(second.body?.content.projects.find((p) => p.code === a.code)).toMatchObject({ ceilingBaht: 0, outcome: 'not_approved' });

    const verified = await (await get(`/meetings/${board.meetingId}/frame/verify`, 'member')).json();
    expect(verified.data).toMatchObject({ ok: true, records: [{ version: 1, ok: true }, { version: 2, ok: true }] });
  });

  it('exports the agreed frame as XLSX, CSV and PDF with the figures of the database, and the history as CSV', async () => {
    const dbProjects = await board.db.project.findMany({ where: { id: { in: projects.map((p) => p.id) } }, orderBy: { position: 'asc' } });
    const plan = await board.db.plan.findFirstOrThrow({ where: { meetings: { some: { id: board.meetingId } } } });
    const total = dbProjects.reduce((sum, p) => sum + bahtFromDb(p.ceilingBaht), 0);

    const xlsxResponse = await get(`/meetings/${board.meetingId}/export/frame.xlsx`, 'member');
    expect(xlsxResponse.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsxResponse.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const byCode = new Map<string, number>();
    let overall: number | undefined;
    sheet.eachRow((row) => {
      const code = row.getCell(1).value;
      const ceiling = row.getCell(7).value;
      if (typeof ceiling !== 'number') return;
      if (typeof code === 'string' && code) byCode.set(code, Math.round(ceiling * 1_000_000));
      if (row.getCell(2).value === 'รวมทั้งสิ้น') overall = Math.round(ceiling * 1_000_000);
    });
    expect(byCode.size).toBe(dbProjects.length);
    for (const p of dbProjects) expect(byCode.get(p.code), p.code).toBe(bahtFromDb(p.ceilingBaht));
    expect(overall).toBe(total);
    expect(sheet.getColumn(7).numFmt).toBe('#,##0.0000');
    // Each 4-decimal row is rounded on its own: the sheet says its rows may differ from the total by rounding.
    const notes: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && notes.push(cell.value))));
    expect(notes).toContain(ROUNDING_NOTE);

    const csvResponse = await get(`/meetings/${board.meetingId}/export/frame.csv`, 'member');
    const csvBytes = new Uint8Array(await csvResponse.arrayBuffer());
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = readCsv(new TextDecoder().decode(csvBytes));
    expect(csv.problems).toEqual([]);
    expect(csv.rows.map((r) => r.cells[0])).toContain(ROUNDING_NOTE);
    const csvCeilings = new Map(csv.rows.map((r) => [r.cells[0] || r.cells[1], r.cells[6]]));
    for (const p of dbProjects) expect(csvCeilings.get(p.code)).toBe(plainMillionBaht(bahtFromDb(p.ceilingBaht)));
    expect(csvCeilings.get('รวมทั้งสิ้น')).toBe(plainMillionBaht(total));
    expect(csvCeilings.get('กรอบวงเงิน')).toBe(plainMillionBaht(bahtFromDb(plan.frameBaht)));

    const pdfResponse = await get(`/meetings/${board.meetingId}/export/frame.pdf`, 'member');
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf');
    const dir = await mkdtemp(path.join(tmpdir(), 'cb-pdf-'));
    try {
      const file = path.join(dir, 'frame.pdf');
      await writeFile(file, Buffer.from(await pdfResponse.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('กรอบวงเงินที่ตกลง ฉบับที่ 2');
      expect(text).toContain('26 มกราคม 2566');
      expect(text).toContain(formatMillionBaht(total));
      expect(text).toContain(formatMillionBaht(bahtFromDb(dbProjects[7].ceilingBaht)));
      // A long name wraps inside its cell, between Thai words: its first words stay together on the first line.
      const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(dbProjects[7].nameTh)].slice(0, 3).map((w) => w.segment);
      expect(text).toContain(words.join(''));
      expect(text).toMatch(/1 \/ \d+/);
      // Named as what they are: the hash is a hash, the signature a signature.
      expect(text).toContain('SHA-256 hash');
      expect(text).toContain('Ed25519 signature');
      expect(text).toContain('จากการปัดเศษ');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:.*\(A4\)/);
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/Sarabun/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // The reader gives every row, the header first.
    const [, ...history] = readCsv(await (await get(`/meetings/${board.meetingId}/export/ceiling-history.csv`, 'member')).text()).rows;
    // Every change and the one rejected proposal (the test before made it), numbered 1…n without gaps, kinds in Thai.
    const changes = await board.db.ceilingChange.findMany({ where: { meetingId: board.meetingId }, orderBy: { id: 'asc' } });
    expect(history).toHaveLength(changes.length + 1);
    expect(history.map((r) => r.cells[0])).toEqual(history.map((_, i) => String(i + 1)));
    const changeRows = history.filter((r) => r.cells[7] !== 'ไม่รับข้อเสนอ');
    expect(changeRows.map((r) => r.cells[9])).toEqual(changes.map((c) => String(c.toBaht)));
    expect(history.some((r) => r.cells[7] === 'เปิดมติใหม่')).toBe(true);
  });

  it('signs every version: the downloaded record hashes to the printed hash and the public key verifies it offline with openssl', async () => {
    const verified = await (await get(`/meetings/${board.meetingId}/frame/verify`, 'member')).json();
    expect(verified.data.records.map((r: { signature: string }) => r.signature)).toEqual(['valid', 'valid']);
    // The key is public, at one address for every meeting: no session needed.
    const keyResponse = await fetch(`${board.url}/record-signing-key.pub.pem`);
    expect(keyResponse.status).toBe(200);
    const publicKey = await keyResponse.text();
    expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(verified.data.signingKeyId).toBe(createHash('sha256').update(createPublicKey(publicKey).export({ type: 'spki', format: 'der' })).digest('hex'));

    const [, second] = await board.frames.records(board.meetingId);
    const json = Buffer.from(await (await get(`/meetings/${board.meetingId}/export/frame.json?version=2`, 'member')).arrayBuffer());
    const sig = Buffer.from(await (await get(`/meetings/${board.meetingId}/export/frame.sig?version=2`, 'member')).arrayBuffer());
    expect(createHash('sha256').update(json).digest('hex')).toBe(second.hash);
    expect(sig).toHaveLength(64);
    const csv = await (await get(`/meetings/${board.meetingId}/export/frame.csv?version=2`, 'member')).text();
    expect(csv).toContain(`ค่าแฮชของบันทึก (SHA-256 hash) ${second.hash}`);
    expect(csv).toContain(`ลายมือชื่อดิจิทัล Ed25519 (Ed25519 signature) ${sig.toString('hex')}`);
    expect(csv).toContain('อาจต่างจากยอดรวมได้เล็กน้อยจากการปัดเศษ');
    expect(csv).not.toMatch(/ลายมือชื่อดิจิทัล \(SHA-256\)/);

    // The README's command, as written there, on the files as downloaded under the names it uses.
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const command = readme.split('\n').find((l) => l.startsWith('openssl pkeyutl -verify'))!;
    const argument = (flag: string) => command.split(' ')[command.split(' ').indexOf(flag) + 1];
    const dir = await mkdtemp(path.join(tmpdir(), 'cb-verify-'));
    try {
      await writeFile(path.join(dir, argument('-inkey')), publicKey);
      await writeFile(path.join(dir, argument('-sigfile')), sig);
      await writeFile(path.join(dir, argument('-in')), json);
      const run = () => spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
      const good = run();
      expect(good.stdout).toContain('Signature Verified Successfully');
      expect(good.status).toBe(0);
      // One figure changed in the file: the same command refuses it.
      await writeFile(path.join(dir, argument('-in')), json.toString('utf8').replace(/"frameBaht":(\d)/, '"frameBaht":9$1'));
      const altered = run();
      expect(altered.status).not.toBe(0);
      expect(altered.stdout).toContain('Signature Verification Failure');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps records immutable, and verification names exactly the record whose stored ceiling was altered', async () => {
    await expect(board.db.frameRecord.updateMany({ data: { hash: 'x' } })).rejects.toThrow(/immutable/);
    await expect(board.db.frameRecord.deleteMany({})).rejects.toThrow(/immutable/);

    const [first] = await board.frames.records(board.meetingId);
    const line = first.body!.content.projects[10];
    const client = new pg.Client({ connectionString: board.databaseUrl });
    await client.connect();
    try {
      // Deliberately past the trigger, as someone with the database's keys could.
      await client.query('SET session_replication_role = replica');
      const altered = await client.query(`UPDATE "FrameRecord" SET "canonical" = replace("canonical", $1, $2) WHERE "id" = $3`, [
        `"ceilingBaht":${line.ceilingBaht},"code":"${line.code}"`,
        `"ceilingBaht":${line.ceilingBaht + 1_000_000},"code":"${line.code}"`,
        first.id,
      ]);
      expect(altered.rowCount).toBe(1);
    } finally {
      await client.end();
    }
    const verified = await (await get(`/meetings/${board.meetingId}/frame/verify`)).json();
    expect(verified.data.ok).toBe(false);
    expect(verified.data.records.filter((r: { ok: boolean }) => !r.ok)).toEqual([expect.objectContaining({ id: first.id, version: 1, fault: 'hash_mismatch' })]);
    await expectExportsRefused(1);
    // The other version is untouched, and still exported.
    expect((await get(`/meetings/${board.meetingId}/export/frame.csv?version=2`)).status).toBe(200);
  });

  it('fails a version whose figure was rewritten together with its hash, or whose signature lost one byte, and refuses its every export', async () => {
    const [, second] = await board.frames.records(board.meetingId);
    const line = second.body!.content.projects[3];
    const client = new pg.Client({ connectionString: board.databaseUrl });
    await client.connect();
    const rewrite = (sql: string, values: unknown[]) => client.query(sql, values);
    try {
      // Past the trigger, as in the test before.
      await client.query('SET session_replication_role = replica');
      // What a hash chain alone cannot catch: the text and its hash rewritten to match (v2 is the newest: no link after it).
      const canonical = (await client.query<{ canonical: string }>(`SELECT "canonical" FROM "FrameRecord" WHERE "id" = $1`, [second.id])).rows[0].canonical;
      const forged = canonical.replace(`"ceilingBaht":${line.ceilingBaht},"code":"${line.code}"`, `"ceilingBaht":${line.ceilingBaht + 1},"code":"${line.code}"`);
      expect(forged).not.toBe(canonical);
      await rewrite(`UPDATE "FrameRecord" SET "canonical" = $1, "hash" = $2 WHERE "id" = $3`, [forged, createHash('sha256').update(forged).digest('hex'), second.id]);
      let verified = await (await get(`/meetings/${board.meetingId}/frame/verify`)).json();
      expect(verified.data.records[1]).toMatchObject({ id: second.id, ok: false, fault: 'signature_invalid', signature: 'invalid' });
      await expectExportsRefused(2);

      // Put the text back, then change one byte of the signature.
      await rewrite(`UPDATE "FrameRecord" SET "canonical" = $1, "hash" = $2 WHERE "id" = $3`, [canonical, second.hash, second.id]);
      expect((await get(`/meetings/${board.meetingId}/export/frame.csv?version=2`)).status).toBe(200);
      const flipped = second.signature!.slice(0, -2) + (second.signature!.endsWith('00') ? '01' : '00');
      await rewrite(`UPDATE "FrameRecord" SET "signature" = $1 WHERE "id" = $2`, [flipped, second.id]);
      verified = await (await get(`/meetings/${board.meetingId}/frame/verify`)).json();
      expect(verified.data.records[1]).toMatchObject({ ok: false, fault: 'signature_invalid' });
      await expectExportsRefused(2);

      // Removing the signature does not pass it off as a record from before signing: the version before it is signed.
      await rewrite(`UPDATE "FrameRecord" SET "signature" = NULL WHERE "id" = $1`, [second.id]);
      verified = await (await get(`/meetings/${board.meetingId}/frame/verify`)).json();
      expect(verified.data.records[1]).toMatchObject({ ok: false, fault: 'signature_missing', signature: 'unsigned' });
      await expectExportsRefused(2);
    } finally {
      await client.end();
    }
  });

  /** Every download of `version` is refused with 409, in both languages, naming the record. */
  async function expectExportsRefused(version: number) {
    for (const kind of ['xlsx', 'csv', 'pdf', 'json', 'sig']) {
      const response = await get(`/meetings/${board.meetingId}/export/frame.${kind}?version=${version}`, 'member');
      expect(response.status, kind).toBe(409);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: 'record_failed_verification', details: { version } });
      expect(error.messageTh).toContain(`กรอบวงเงินที่ตกลง ฉบับที่ ${version}`);
      expect(error.messageEn).toContain(`agreed frame version ${version}`);
    }
  }

  it('refuses exports and verification without a session', async () => {
    expect((await fetch(`${board.url}/meetings/${board.meetingId}/export/frame.xlsx`)).status).toBe(401);
    expect((await fetch(`${board.url}/meetings/${board.meetingId}/frame/verify`)).status).toBe(401);
  });
});


describe('the minutes as PDF', () => {
  let board: TestBoard;
  afterAll(() => board?.stop());

  it('prints the minutes document (Tiptap content in Yjs) with headings, lists and marks, in Thai, on A4', async () => {
    board = await startTestBoard();
    const { sessionToken } = await board.join('member', 'กรรมการ');
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    heading.insert(0, [new Y.XmlText('ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ')]);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text, new Y.XmlElement('hardBreak'), new Y.XmlText('บรรทัดที่สอง')]);
    const list = new Y.XmlElement('orderedList');
    const item = new Y.XmlElement('listItem');
    const itemParagraph = new Y.XmlElement('paragraph');
    itemParagraph.insert(0, [new Y.XmlText('ให้ฝ่ายเลขานุการแจ้งหน่วยงาน')]);
    item.insert(0, [itemParagraph]);
    list.insert(0, [item]);
    fragment.insert(0, [heading, paragraph, list]);
    // Marks are formatting attributes on text that already lives in the document.
    text.insert(0, 'ที่ประชุม');
    text.insert(text.length, 'มีมติอนุมัติ', { bold: {} });
    text.insert(text.length, 'กรอบวงเงินตามที่เสนอ');
    await board.documents.append(`meeting/${board.meetingId}/minutes`, [Y.encodeStateAsUpdate(doc)]);

    const response = await fetch(`${board.url}/meetings/${board.meetingId}/export/minutes.pdf`, {
      headers: { cookie: `${sessionCookieName(board.meetingId)}=${sessionToken}` },
    });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const dir = await mkdtemp(path.join(tmpdir(), 'cb-minutes-'));
    try {
      const file = path.join(dir, 'minutes.pdf');
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      const pdfText = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      // The document is the whole record (its skeleton carries the title): nothing is printed above it.
      expect(pdfText.trim().startsWith('ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ')).toBe(true);
      expect(pdfText).toContain('ที่ประชุมมีมติอนุมัติกรอบวงเงินตามที่เสนอ');
      expect(pdfText).toMatch(/1\.\s+ให้ฝ่ายเลขานุการแจ้งหน่วยงาน/);
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/Sarabun-Bold/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // The draft is not for roles that may not read drafts: the PDF, the page and the live document are all refused.
    const observer = `${sessionCookieName(board.meetingId)}=${(await board.join('observer', 'ผู้สังเกตการณ์')).sessionToken}`;
    const refusedPdf = await fetch(`${board.url}/meetings/${board.meetingId}/export/minutes.pdf`, { headers: { cookie: observer } });
    expect(refusedPdf.status).toBe(403);
    expect((await refusedPdf.json()).error.code).toBe('forbidden');
    expect((await fetch(`${board.url}/meetings/${board.meetingId}/minutes`, { headers: { cookie: observer } })).status).toBe(403);
    expect(await handshakeStatus(`${board.url.replace('http', 'ws')}/yjs/meeting/${board.meetingId}/minutes`, { cookie: observer })).toBe(403);
  });
});
