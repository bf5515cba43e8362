// HTTP endpoints for what leaves the meeting or enters it as a file: exports of the recorded frame (XLSX, CSV, PDF),
// the ceiling-change history, the meeting's record and its replay (CSV, XLSX), the frame chain's verification, and
// the project-list import (preview, then commit), and the minutes (the live draft, or once locked their record).
// The meeting's session cookie authenticates every request, as it does the pages.
import express, { type Request, type Response } from 'express';
import type { Identity } from '../auth/identity.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { bahtFromDb } from '../db/client.ts';
import type { FrameService } from '../db/frame-repository.ts';
import { previewImport } from '../db/import-repository.ts';
import { historyEntries } from '../db/ceiling-repository.ts';
import { participantActor } from '../shared/actor.ts';
import type { RunCommand } from '../commands/registry.ts';
import { frameCsv, frameHtml, frameXlsx, historyCsv, type FrameDocumentContext } from '../export/frame-documents.ts';
import type { PdfPrinter } from '../pdf/print-pdf.ts';
import { loadMinutesDoc, minutesHtml } from '../export/minutes-document.ts';
import type { MinutesRecords } from '../db/minutes-adoption-repository.ts';
import type { YPersistence } from '../yjs/persistence.ts';
import { formatDocName } from '../yjs/doc-names.ts';
import { BoardError } from '../shared/errors.ts';
import { httpStatusOf } from '../shared/http-status.ts';
import { sessionCookieName } from '../shared/session-cookie.ts';
import { readCookie } from './cookies.ts';
import { can } from '../domain/permissions.ts';
import { fileBody } from './request-guards.ts';
import type { RateLimits } from '../limits/rate-limits.ts';
import { limitByAddress } from '../limits/transport-limits.ts';
import { refusalFor } from '../db/unavailable.ts';
import { PUBLIC_KEY_FILE, PUBLIC_KEY_PATH, frameFileStem, minutesFileStem } from '../shared/record-verification.ts';
import { loadMeetingRecord } from '../db/meeting-record-repository.ts';
import { recordCsv, recordXlsx } from '../export/record-documents.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/**
 * What the import reads: CSV (Windows labels it application/vnd.ms-excel), XLSX, or bytes of no stated kind. Never
 * text/plain or a form, which a page on another origin could post without a preflight.
 */
export const IMPORT_MEDIA_TYPES = [
  'text/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
] as const;

export interface MeetingDocumentsDeps {
  db: Database;
  sessions: Sessions;
  frames: FrameService;
  /** The plan's locked minutes: their check, and the stored PDF and signed text of this meeting's. */
  minutes: MinutesRecords;
  pdf: PdfPrinter;
  /** Where the minutes' Yjs document is kept: every accepted update is there before anyone else sees it. */
  yjs: YPersistence;
  /** Writes the board's parts of the minutes (decisions, …) as they stand now, before they are printed. */
  bringMinutesUpToDate(meetingId: string): Promise<void>;
  /** The command pipeline, for the import's commit. */
  runCommand: RunCommand;
  /** PDFs (Chromium) and imports (a whole file) are counted per address. */
  limits: RateLimits;
  /** The board's own address, for the public key's link printed on documents. */
  linkBase(): string;
}

type Handler = (req: Request, res: Response, who: Identity) => Promise<void>;

export function meetingDocumentsRouter(deps: MeetingDocumentsDeps): express.Router {
  const router = express.Router();
  const authed = (handler: Handler) => async (req: Request, res: Response) => {
    const meetingId = String(req.params.id);
    try {
      const who = await deps.sessions.identify(readCookie(req.headers.cookie, sessionCookieName(meetingId)), meetingId);
      await handler(req, res, who);
    } catch (error) {
      const refusal = refusalFor(error);
      if (refusal.code === 'internal') console.error(`${req.method} ${req.path}`, error);
      res.status(httpStatusOf(refusal.code)).json({ error: refusal });
    }
  };

  const versionOf = (version: unknown) => (typeof version === 'string' && /^\d+$/.test(version) ? Number(version) : undefined);

  /** Every download of a frame record goes through here: a record that fails verification is refused, named. */
  async function documentContext(meetingId: string, version: unknown): Promise<FrameDocumentContext & { canonical: string }> {
    const { record, canonical } = await deps.frames.exportable(meetingId, versionOf(version));
    const meeting = await deps.db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { plan: { select: { titleTh: true } } } });
    return {
      record: { ...record.body, hash: record.hash, signature: record.signature },
      canonical,
      meeting,
      planTitleTh: meeting.plan.titleTh,
      signingKeyId: deps.frames.signingKey.keyId,
      publicKeyUrl: `${deps.linkBase()}${PUBLIC_KEY_PATH}`,
    };
  }

  const send = (res: Response, type: string, fileName: string, body: Buffer | string) => {
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(body);
  };
  const stem = (ctx: FrameDocumentContext) => frameFileStem(ctx.record.content.fiscalYearBE, ctx.record.version);

  router.get(
    '/meetings/:id/export/frame.xlsx',
    authed(async (req, res, who) => {
      const ctx = await documentContext(who.meetingId, req.query.version);
      send(res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${stem(ctx)}.xlsx`, await frameXlsx(ctx));
    }),
  );
  router.get(
    '/meetings/:id/export/frame.csv',
    authed(async (req, res, who) => {
      const ctx = await documentContext(who.meetingId, req.query.version);
      send(res, 'text/csv; charset=utf-8', `${stem(ctx)}.csv`, frameCsv(ctx));
    }),
  );
  router.get(
    '/meetings/:id/export/frame.pdf',
    limitByAddress(deps.limits, 'pdfExport'),
    authed(async (req, res, who) => {
      const ctx = await documentContext(who.meetingId, req.query.version);
      send(res, 'application/pdf', `${stem(ctx)}.pdf`, await deps.pdf.print(frameHtml(ctx)));
    }),
  );
  // The record exactly as signed and hashed (sha256sum of this file is the hash printed on every document), and its
  // signature as the 64 raw bytes openssl reads: with the public key, all a reader needs to check it offline.
  router.get(
    '/meetings/:id/export/frame.json',
    authed(async (req, res, who) => {
      const ctx = await documentContext(who.meetingId, req.query.version);
      send(res, 'application/json', `${stem(ctx)}.json`, Buffer.from(ctx.canonical, 'utf8'));
    }),
  );
  router.get(
    '/meetings/:id/export/frame.sig',
    authed(async (req, res, who) => {
      const ctx = await documentContext(who.meetingId, req.query.version);
      if (!ctx.record.signature) throw new BoardError('record_unsigned');
      send(res, 'application/octet-stream', `${stem(ctx)}.sig`, Buffer.from(ctx.record.signature, 'hex'));
    }),
  );
  router.get(PUBLIC_KEY_PATH, (_req, res) => {
    res.setHeader('Content-Type', 'application/x-pem-file');
    res.setHeader('Content-Disposition', `attachment; filename="${PUBLIC_KEY_FILE}"`);
    res.send(deps.frames.signingKey.publicKeyPem);
  });
  router.get(
    '/meetings/:id/export/ceiling-history.csv',
    authed(async (_req, res, who) => {
      const entries = await historyEntries(deps.db, { meetingId: who.meetingId });
      send(res, 'text/csv; charset=utf-8', 'ceiling-history.csv', historyCsv(entries.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }))));
    }),
  );
  // How the frame was reached: the record itself (the timeline computes from it), and the replay as files.
  router.get(
    '/meetings/:id/record',
    authed(async (_req, res, who) => {
      res.json({ data: await loadMeetingRecord(deps.db, who.meetingId) });
    }),
  );
  router.get(
    '/meetings/:id/export/record.csv',
    authed(async (_req, res, who) => {
      send(res, 'text/csv; charset=utf-8', 'frame-record.csv', recordCsv(await loadMeetingRecord(deps.db, who.meetingId)));
    }),
  );
  router.get(
    '/meetings/:id/export/record.xlsx',
    authed(async (_req, res, who) => {
      const [record, meeting] = await Promise.all([loadMeetingRecord(deps.db, who.meetingId), deps.db.meeting.findUniqueOrThrow({ where: { id: who.meetingId } })]);
      const title = `ที่มาของกรอบวงเงิน · ${meeting.titleTh} ครั้งที่ ${meeting.number}/${meeting.yearBE}`;
      send(res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'frame-record.xlsx', await recordXlsx(record, title));
    }),
  );
  router.get(
    '/meetings/:id/export/minutes.pdf',
    limitByAddress(deps.limits, 'pdfExport'),
    authed(async (_req, res, who) => {
      if (!can(who.role, 'minutes:read-draft')) throw new BoardError('forbidden');
      // Locked minutes are their record: the PDF that was signed, never printed again (refused if it fails its check).
      const locked = await deps.minutes.exportable(who.meetingId);
      if (locked) {
        send(res, 'application/pdf', `${minutesFileStem(locked.number, locked.yearBE)}.pdf`, locked.pdf);
        return;
      }
      await deps.bringMinutesUpToDate(who.meetingId);
      const doc = await loadMinutesDoc(() => deps.yjs.load(formatDocName({ meetingId: who.meetingId, kind: 'minutes' })));
      const meeting = await deps.db.meeting.findUniqueOrThrow({ where: { id: who.meetingId } });
      send(res, 'application/pdf', `${minutesFileStem(meeting.number, meeting.yearBE)}.pdf`, await deps.pdf.print(minutesHtml(doc)));
      doc.destroy();
    }),
  );
  // Locked minutes as signed, and their signature, for the offline check (as frame.json and frame.sig).
  const lockedMinutes = async (meetingId: string) => {
    const locked = await deps.minutes.exportable(meetingId);
    if (!locked) throw new BoardError('minutes_not_locked');
    return locked;
  };
  router.get(
    '/meetings/:id/export/minutes.json',
    authed(async (_req, res, who) => {
      const locked = await lockedMinutes(who.meetingId);
      send(res, 'application/json', `${minutesFileStem(locked.number, locked.yearBE)}.json`, Buffer.from(locked.canonical, 'utf8'));
    }),
  );
  router.get(
    '/meetings/:id/export/minutes.sig',
    authed(async (_req, res, who) => {
      const locked = await lockedMinutes(who.meetingId);
      if (!locked.signature) throw new BoardError('record_unsigned');
      send(res, 'application/octet-stream', `${minutesFileStem(locked.number, locked.yearBE)}.sig`, Buffer.from(locked.signature, 'hex'));
    }),
  );
  router.get(
    '/meetings/:id/minutes/verify',
    authed(async (_req, res, who) => {
      res.json({ data: { ...(await deps.minutes.verify(who.meetingId)), signingKeyId: deps.frames.signingKey.keyId, publicKeyUrl: PUBLIC_KEY_PATH } });
    }),
  );
  router.get(
    '/meetings/:id/frame/verify',
    authed(async (_req, res, who) => {
      res.json({ data: { ...(await deps.frames.verify(who.meetingId)), signingKeyId: deps.frames.signingKey.keyId, publicKeyUrl: PUBLIC_KEY_PATH } });
    }),
  );

  const upload = [limitByAddress(deps.limits, 'import'), ...fileBody(IMPORT_MEDIA_TYPES, MAX_IMPORT_BYTES)];
  const fileName = (req: Request) => String(req.query.name ?? 'upload.csv').slice(0, 200);
  router.post(
    '/meetings/:id/import/preview',
    upload,
    authed(async (req, res, who) => {
      // Only a role that may import reads a file against the plan: the commit's pipeline checks the same.
      if (!can(who.role, 'projects:import')) throw new BoardError('forbidden', { action: 'projects:import' });
      res.json({ data: await previewImport(deps.db, who, fileName(req), bodyBytes(req)) });
    }),
  );
  router.post(
    '/meetings/:id/import/commit',
    upload,
    authed(async (req, res, who) => {
      res.json({ data: await deps.runCommand('projects:import', participantActor(who), { fileName: fileName(req), bytes: bodyBytes(req) }) });
    }),
  );
  return router;
}

function bodyBytes(req: Request): Uint8Array {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new BoardError('invalid_payload');
  return req.body;
}
