// Organisers: the plan's secretariat, who set committees up. An organiser is made by redeeming a single-use, expiring
// organiser link (the first one printed by `npm start` on a fresh install or `npm run organiser`, later ones made by
// an organiser); their session is a signed cookie like a participant's, checked against the database on every use.
import type { Database } from '../db/client.ts';
import type { Tx } from '../commands/command.ts';
import { can, type Action } from '../domain/permissions.ts';
import type { OrganiserActor } from '../shared/actor.ts';
import { BoardError } from '../shared/errors.ts';
import { SESSION_TTL_MS, TOKEN_ERRORS, validName } from './sessions.ts';
import { newTokenId, signToken, verifyToken } from './tokens.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Long enough to pass the link on by mail; short enough that a forgotten one stops working. */
export const ORGANISER_LINK_TTL_MS = 3 * DAY_MS;

export interface OrganiserSession {
  organiser: OrganiserActor;
  sessionToken: string;
  expiresAt: Date;
}

export interface OrganiserSummary {
  id: string;
  name: string;
  createdAt: string;
  addedBy: string | null;
  revoked: boolean;
}

export interface Organisers {
  /** Whether anyone can set up yet: a fresh install has no organiser, and `npm start` prints the first link. */
  exist(): Promise<boolean>;
  /** A single-use link token; `by` is the organiser who made it (none for the console's). */
  createLink(input?: { name?: string; by?: OrganiserActor; ttlMs?: number }): Promise<string>;
  /** The name the link suggests, for the page that redeems it; refused once used or expired. */
  readLink(token: string): Promise<{ name: string }>;
  redeemLink(token: string, name: string): Promise<OrganiserSession>;
  identify(sessionToken: string | undefined): Promise<OrganiserActor>;
  list(): Promise<OrganiserSummary[]>;
  /** Withdraws an organiser (never the last one standing); their sessions are refused from then on. */
  revoke(organiserId: string): Promise<void>;
  /** For the command pipeline: may this organiser do `action`, as the transaction reads them now. */
  authority(tx: Tx, organiser: OrganiserActor, meetingId: string, action: Action): Promise<boolean>;
}

export function createOrganisers(db: Database, secret: string, now: () => number = Date.now): Organisers {
  async function storedLink(token: string) {
    const verified = verifyToken(secret, token, 'organiser-link', now());
    if (!verified.ok) throw new BoardError(TOKEN_ERRORS[verified.error]);
    const link = await db.organiserLink.findUnique({ where: { id: verified.claims.linkId } });
    if (!link) throw new BoardError('token_bad_signature');
    if (link.redeemedAt) throw new BoardError('organiser_link_used');
    return link;
  }

  return {
    exist: async () => (await db.organiser.count({ where: { revokedAt: null } })) > 0,

    async createLink({ name, by, ttlMs = ORGANISER_LINK_TTL_MS } = {}) {
      const linkId = newTokenId();
      const expiresAt = now() + ttlMs;
      await db.organiserLink.create({
        data: { id: linkId, name: name ? validName(name) : '', expiresAt: new Date(expiresAt), createdById: by?.organiserId ?? null },
      });
      return signToken(secret, { kind: 'organiser-link', linkId, expiresAt });
    },

    async readLink(token) {
      return { name: (await storedLink(token)).name };
    },

    async redeemLink(token, requestedName) {
      const link = await storedLink(token);
      const name = validName(requestedName || link.name);
      const organiser = await db.$transaction(async (tx) => {
        const made = await tx.organiser.create({ data: { name, createdById: link.createdById } });
        // The row decides: of two people opening one link at once, one becomes an organiser.
        const used = await tx.organiserLink.updateMany({
          where: { id: link.id, redeemedAt: null },
          data: { redeemedAt: new Date(now()), organiserId: made.id },
        });
        if (used.count === 0) throw new BoardError('organiser_link_used');
        return made;
      });
      const expiresAt = now() + SESSION_TTL_MS;
      return {
        organiser: { kind: 'organiser', organiserId: organiser.id, displayName: organiser.name },
        sessionToken: signToken(secret, { kind: 'organiser', organiserId: organiser.id, expiresAt }),
        expiresAt: new Date(expiresAt),
      };
    },

    async identify(sessionToken) {
      if (!sessionToken) throw new BoardError('organiser_required');
      const verified = verifyToken(secret, sessionToken, 'organiser', now());
      if (!verified.ok) throw new BoardError(TOKEN_ERRORS[verified.error]);
      const organiser = await db.organiser.findUnique({ where: { id: verified.claims.organiserId } });
      if (!organiser) throw new BoardError('organiser_required');
      if (organiser.revokedAt) throw new BoardError('organiser_revoked');
      return { kind: 'organiser', organiserId: organiser.id, displayName: organiser.name };
    },

    async list() {
      const organisers = await db.organiser.findMany({ orderBy: { createdAt: 'asc' }, include: { createdBy: { select: { name: true } } } });
      return organisers.map((o) => ({
        id: o.id,
        name: o.name,
        createdAt: o.createdAt.toISOString(),
        addedBy: o.createdBy?.name ?? null,
        revoked: o.revokedAt !== null,
      }));
    },

    async revoke(organiserId) {
      await db.$transaction(async (tx) => {
        // Serialised on the organisers' rows, so two organisers withdrawing each other cannot leave nobody.
        const standing = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Organiser" WHERE "revokedAt" IS NULL FOR UPDATE`;
        if (!standing.some((o) => o.id === organiserId)) throw new BoardError('organiser_not_found');
        if (standing.length === 1) throw new BoardError('organiser_last');
        await tx.organiser.update({ where: { id: organiserId }, data: { revokedAt: new Date(now()) } });
      });
    },

    async authority(tx, organiser, _meetingId, action) {
      const [stored] = await tx.$queryRaw<{ revokedAt: Date | null }[]>`
        SELECT "revokedAt" FROM "Organiser" WHERE "id" = ${organiser.organiserId} FOR SHARE`;
      return stored !== undefined && stored.revokedAt === null && can('organiser', action);
    },
  };
}
