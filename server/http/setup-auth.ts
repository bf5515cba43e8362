// Who is setting up, for the JSON API: an organiser (their cookie, or their session token as a bearer token for
// scripts), or, on a meeting's routes, a participant of that meeting by its session cookie. Every refusal is the
// catalogue's typed error with the status that fits it.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Organisers } from '../auth/organisers.ts';
import type { Sessions } from '../auth/sessions.ts';
import { refusalFor } from '../db/unavailable.ts';
import type { ActingActor } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import { httpStatusOf } from '../shared/http-status.ts';
import { ORGANISER_COOKIE, sessionCookieName } from '../shared/session-cookie.ts';
import { readCookie } from './cookies.ts';

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

export interface SetupAuthDeps {
  organisers: Organisers;
  sessions: Sessions;
}

/** The actor behind a set-up request; `meetingId` lets a participant of that meeting act (within their role). */
export async function setupActorOf(deps: SetupAuthDeps, req: Request, meetingId?: string): Promise<ActingActor> {
  const organiserToken = bearer(req) ?? readCookie(req.headers.cookie, ORGANISER_COOKIE);
  if (organiserToken || meetingId === undefined) return deps.organisers.identify(organiserToken);
  const identity = await deps.sessions.identify(readCookie(req.headers.cookie, sessionCookieName(meetingId)), meetingId);
  return { kind: 'participant', ...identity };
}

export type SetupHandler = (req: Request, res: Response, actor: ActingActor) => Promise<unknown>;

/**
 * An API endpoint: finds the actor (on routes with `:meetingId`, a participant of it may act), runs the handler and
 * answers its result as JSON, or the typed refusal.
 */
export function setupEndpoint(deps: SetupAuthDeps, handler: SetupHandler, status = 200): RequestHandler {
  return async (req: Request, res: Response, _next: NextFunction) => {
    try {
      const meetingId = typeof req.params.meetingId === 'string' ? req.params.meetingId : undefined;
      const actor = await setupActorOf(deps, req, meetingId);
      const result = await handler(req, res, actor);
      if (result === undefined) res.status(204).end();
      else res.status(status).json(result);
    } catch (error) {
      const refusal = refusalFor(error);
      if (refusal.code === 'internal') console.error(`${req.method} ${req.path}`, error);
      res.status(httpStatusOf(refusal.code)).json({ error: refusal });
    }
  };
}

/** For handlers: a path parameter as a string (Express 5 may hand arrays for repeated names). */
export function param(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) throw new BoardError('invalid_payload', { path: name });
  return value;
}
