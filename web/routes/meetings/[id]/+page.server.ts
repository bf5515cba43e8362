import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { allowedActions, can, canInvite, invitableRoles } from '$domain/permissions.ts';
import { LOCALE_COOKIE, asLocale } from '$lib/i18n/locale.ts';
import { isRole } from '$shared/roles.ts';
import { ERROR_MESSAGES } from '$shared/errors.ts';
import { refuse } from '$lib/server/refusal.ts';
import { SCREEN_DISPLAY_NAME } from '$shared/events/presenter.ts';
import { identify } from '$lib/server/identify.ts';

const SCREEN_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const identity = await identify(locals, cookies, params.id);
  try {
    const [board, attendance, previousMinutes] = await Promise.all([
      locals.services.loadBoard(params.id),
      locals.services.loadAttendance(params.id),
      locals.services.minutes.previousAdoption(params.id),
    ]);
    return {
      board,
      attendance,
      /** The minutes agenda item 2 adopts, where they stand. */
      previousMinutes,
      session: { participantId: identity.participantId, displayName: identity.displayName, role: identity.role },
      permissions: allowedActions(identity.role),
      invitableRoles: invitableRoles(identity.role),
    };
  } catch (cause) {
    refuse(cause);
  }
};

export const actions: Actions = {
  invite: async ({ params, locals, cookies, request }) => {
    const identity = await identify(locals, cookies, params.id);
    const locale = asLocale(cookies.get(LOCALE_COOKIE));
    if (!can(identity.role, 'invite:create')) return fail(403, { inviteError: ERROR_MESSAGES.forbidden[locale] });
    const form = await request.formData();
    const role = form.get('role');
    const name = String(form.get('name') ?? '').trim().slice(0, 120);
    if (!isRole(role) || name.includes('\u0000')) return fail(400, { inviteError: ERROR_MESSAGES.invalid_payload[locale] });
    if (!canInvite(identity.role, role)) return fail(403, { inviteError: ERROR_MESSAGES.invite_role_forbidden[locale] });
    const token = await locals.services.sessions.createInvite({ meetingId: params.id, role, name: name || undefined, issuedByName: identity.displayName });
    return { inviteUrl: `${locals.services.linkBase()}/join/${token}`, inviteRole: role };
  },
  /** A link for the room's screen: an observer invite it redeems by itself, good for one meeting day. */
  screenLink: async ({ params, locals, cookies }) => {
    const identity = await identify(locals, cookies, params.id);
    if (!can(identity.role, 'focus:move')) return fail(403, { screenError: ERROR_MESSAGES.forbidden.th });
    const token = await locals.services.sessions.createInvite({
      meetingId: params.id,
      role: 'observer',
      kind: 'device',
      name: SCREEN_DISPLAY_NAME,
      issuedByName: identity.displayName,
      ttlMs: SCREEN_LINK_TTL_MS,
    });
    return { screenUrl: `${locals.services.linkBase()}/meetings/${params.id}/screen?invite=${token}` };
  },
};
