// Checks every state-changing HTTP request passes before any handler sees it: it comes from one of the board's own
// pages (or from no page at all), and it carries the content type its endpoint reads.
import express, { type RequestHandler, type Response } from 'express';
import type { OriginPolicy } from '../net/origins.ts';
import { wireError, type ErrorCode } from '../shared/errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Like SvelteKit's check on form actions, but against the board's configured origins rather than the request's own
 * Host, and for every method that changes something (form posts, the JSON API, uploads) rather than only forms.
 */
export function originGuard(policy: OriginPolicy): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || policy.allows(req.headers.origin)) next();
    else refuse(res, 403, 'origin_forbidden');
  };
}

/**
 * Only the listed media types reach the handler. A page on another origin can send text/plain or a form without
 * asking first; anything else needs a CORS preflight, which this board never grants, so an endpoint that reads only
 * its own types cannot be driven by a hostile page even where an Origin header is missing.
 */
export function acceptOnly(mediaTypes: readonly string[]): RequestHandler {
  const accepted = new Set(mediaTypes.map((type) => type.toLowerCase()));
  return (req, res, next) => {
    const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (accepted.has(type)) next();
    else refuse(res, 415, 'unsupported_media_type', { accepted: mediaTypes });
  };
}

const parseJson = express.json({ limit: '256kb' });

/**
 * The JSON parser, refusing in the catalogue's words: a body that is not JSON (or a bare string or number, which the
 * strict parser does not take) is invalid_payload, one too large payload_too_large, never Express's HTML error page.
 */
const jsonBody: RequestHandler = (req, res, next) => {
  parseJson(req, res, (error?: unknown) => {
    if (!error) return next();
    const tooLarge = (error as { type?: string }).type === 'entity.too.large';
    refuse(res, tooLarge ? 413 : 400, tooLarge ? 'payload_too_large' : 'invalid_payload');
  });
};

/** A set-up API body: JSON only, at most 256 kB (a value chain or a pasted roster fits many times over). */
export const JSON_BODY: RequestHandler[] = [acceptOnly(['application/json']), jsonBody];

/**
 * The body as bytes, for an endpoint that reads a file: only the listed media types, and at most `maxBytes`
 * (beyond it, 413 with the catalogue's `payload_too_large` rather than Express's HTML page).
 */
export function fileBody(mediaTypes: readonly string[], maxBytes: number): RequestHandler[] {
  const parse = express.raw({ type: [...mediaTypes], limit: maxBytes });
  return [
    acceptOnly(mediaTypes),
    (req, res, next) =>
      parse(req, res, (error?: unknown) => {
        if ((error as { type?: string } | undefined)?.type === 'entity.too.large') refuse(res, 413, 'payload_too_large', { maxBytes });
        else next(error);
      }),
  ];
}

function refuse(res: Response, status: number, code: ErrorCode, details?: unknown): void {
  res.status(status).json({ error: wireError(code, details) });
}
