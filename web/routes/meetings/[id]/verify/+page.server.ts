import type { PageServerLoad } from './$types';
import { refuse } from '$lib/server/refusal.ts';
import { identify } from '$lib/server/identify.ts';
import { PUBLIC_KEY_FILE, PUBLIC_KEY_PATH, frameFileStem, minutesFileStem } from '$shared/record-verification.ts';

/** Each record with its check: the hash chain and the signature, and the files a reader checks offline. */
export const load: PageServerLoad = async ({ params, locals, cookies }) => {
  await identify(locals, cookies, params.id);
  const { frames, minutes } = locals.services;
  try {
    const [board, records, verification, lockedMinutes, minutesVerification] = await Promise.all([
      locals.services.loadBoard(params.id),
      frames.records(params.id),
      frames.verify(params.id),
      minutes.records(params.id),
      minutes.verify(params.id),
    ]);
    const checks = new Map(verification.records.map((r) => [r.id, r]));
    const minutesChecks = new Map(minutesVerification.records.map((r) => [r.id, r]));
    return {
      meeting: board.meeting,
      ok: verification.ok,
      minutesOk: minutesVerification.ok,
      // Each meeting's locked minutes; only this meeting's files are offered here (each meeting's cookie reads its own).
      minutes: lockedMinutes.map((m) => ({ ...m, fileStem: minutesFileStem(m.meetingNumber, m.meetingYearBE), check: minutesChecks.get(m.id)! })),
      signingKey: { keyId: frames.signingKey.keyId, path: PUBLIC_KEY_PATH, file: PUBLIC_KEY_FILE },
      frames: records.map((r) => ({
        id: r.id,
        version: r.version,
        hash: r.hash,
        prevHash: r.prevHash,
        signature: r.signature,
        createdAt: r.createdAt,
        fileStem: frameFileStem(r.body?.content.fiscalYearBE ?? board.meeting.plan.fiscalYearBE, r.version),
        check: checks.get(r.id)!,
      })),
    };
  } catch (cause) {
    refuse(cause);
  }
};
