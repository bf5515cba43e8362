/** The cookie that holds one meeting's session: one per meeting, so a person can sit in two meetings from one browser. */
export function sessionCookieName(meetingId: string): string {
  return `cb_${meetingId.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/** The cookie that holds an organiser's session: one per browser, for every plan and meeting they set up. */
export const ORGANISER_COOKIE = 'cb_organiser';

/** The cookie of a browser that asked to join from the room screen's code and waits for the chair's answer. */
export const JOIN_REQUEST_COOKIE = 'cb_join';
