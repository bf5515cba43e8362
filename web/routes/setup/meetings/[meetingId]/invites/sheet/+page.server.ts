import QRCode from 'qrcode';
import type { PageServerLoad } from './$types';
import { meetingSetupActor } from '$lib/server/organiser.ts';
import { refuse } from '$lib/server/refusal.ts';

/** Every invite still waiting to be used, as a card with its QR code, for the secretary to print and hand out. */
export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  const actor = await meetingSetupActor(locals, cookies, params.meetingId);
  try {
    const { meeting, roster, invites } = await locals.services.people.meetingInvites(actor, params.meetingId);
    const positions = new Map(roster.map((member) => [member.id, member.position]));
    const waiting = invites.filter((invite) => invite.status === 'pending' && invite.url && invite.kind !== 'device');
    const order = new Map(roster.map((member, index) => [member.id, index]));
    waiting.sort((a, b) => (order.get(a.rosterMemberId ?? '') ?? roster.length) - (order.get(b.rosterMemberId ?? '') ?? roster.length));
    const cards = await Promise.all(
      waiting.map(async (invite) => ({
        id: invite.id,
        name: invite.name,
        organisationTh: invite.organisationTh,
        role: invite.role,
        position: invite.rosterMemberId ? (positions.get(invite.rosterMemberId) ?? null) : null,
        url: invite.url!,
        expiresAt: invite.expiresAt,
        qrSvg: await QRCode.toString(invite.url!, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      })),
    );
    return { meeting, cards };
  } catch (cause) {
    refuse(cause);
  }
};
